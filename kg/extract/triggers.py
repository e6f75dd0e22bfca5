"""Event triggers in a sentence, and whether the text asserts them.

Why: a trigger is a root with the forms it may take ("@serbu:me|di"), matched
through the affix analyser (kg.extract.morphology); its first word's form is
the voice that decides who is agent and who is target (kg.extract.roles).
Negation and modality ("tidak", "belum", "akan", "berjanji", "mengancam") are
read from the words governing the trigger and recorded, never dropped. Verbs
of saying are triggers too (of statements). All words: triggers.json.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.morphology import Phrases, Spec, parse_phrase, parse_spec
from kg.extract.sentence import Sent, Tok
from kg.lang import language

DATA = language().json("triggers.json")


@dataclass
class Trigger:
    """A pattern of triggers.json: the event class it signals and the words around it that it needs or forbids."""
    cls: str
    pattern: list[Spec]
    sense: str
    near: Phrases = field(default_factory=lambda: Phrases([]))
    window: int = 6
    not_near: Phrases = field(default_factory=lambda: Phrases([]))
    not_next: set[str] = field(default_factory=set)
    not_prev: set[str] = field(default_factory=set)
    not_words: set[str] = field(default_factory=set)
    needs_party: bool = False
    needs_verb: bool = False
    also: "Trigger | None" = None     # a second event of the same words ("dibunuh": also violence against civilians)


def _phrases(words: list[str]) -> Phrases:
    """Phrases of a trigger's 'near' or 'not_near'; '@name' stands for a word group of triggers.json."""
    out = []
    for w in words:
        if w[1:] in DATA["word_groups"]:
            out += [parse_phrase(t) for t in DATA["word_groups"][w[1:]]]
        else:
            out.append(parse_phrase(w))
    return Phrases(out)


def _trigger(t: dict, pattern: list[Spec]) -> Trigger:
    return Trigger(t["class"], pattern, t.get("sense", t["class"]), _phrases(t.get("near", [])), t.get("window", 6),
                   _phrases(t.get("not_near", [])), set(t.get("not_next", [])), set(t.get("not_prev", [])),
                   set(t.get("not_words", [])), t.get("needs_party", False), t.get("needs_verb", False),
                   _trigger(t["also"], pattern) if "also" in t else None)


TRIGGERS = [_trigger(t, [parse_spec(p) for p in t["pattern"]]) for t in DATA["triggers"]]
TRIGGER_PATTERNS = Phrases([t.pattern for t in TRIGGERS])
STATEMENTS = DATA["statements"]
SAY_BEFORE = Phrases([parse_phrase(p) for p in STATEMENTS["before"]])
SAY_AFTER = Phrases([parse_phrase(p) for p in STATEMENTS["after"]])
SAY_NOT_AFTER = set(STATEMENTS["not_after"])
SAY_PRONOUN_VERBS = set(STATEMENTS["pronoun_verbs"])
SKIP_BACK = set(DATA["skip_back"])
LIGHT_VERBS = set(DATA["light_verbs"])
ENACTING_VERBS = set(DATA["enacting_verbs"])
NEGATION = set(DATA["negation"])
MODALITY = DATA["modality"]
MODALITY_CLITIC = DATA["modality_clitic"]
CLAUSE_MODALITY = DATA["clause_modality"]
THAT_AFTER = set(DATA["that_after"])
SETTING = DATA["setting"]
ALTERNATIVES = set(DATA["alternatives"])
BY_SENSE = set(DATA["coref_by_sense"])


@dataclass
class Hit:
    """A trigger matched in a sentence."""
    cls: str
    sense: str
    start: int
    end: int               # token indexes, end exclusive
    voice: str             # form of the head token: me di ter ber bare pe-an ...
    needs_party: bool = False   # only an event when it names whom it involves ("menemui Presiden X", not "menemui seorang murid")


def match_triggers(sent: Sent) -> list[Hit]:
    """Triggers of a sentence outside its names; where two overlap, the earlier, then the longer; with the
    second event a trigger also asserts where its context allows."""
    hits = []
    toks = sent.toks
    for i, tok in enumerate(toks):
        if tok.mention is not None:
            continue
        for t in TRIGGER_PATTERNS.starting_at(tok):
            trig = TRIGGERS[t]
            n = len(trig.pattern)
            if not sent.phrase_at(i, trig.pattern) or any(t.mention is not None for t in toks[i:i + n]):
                continue
            if i + n < len(toks) and toks[i + n].low in trig.not_next:
                continue
            if i > 0 and toks[i - 1].low in trig.not_prev:
                continue
            if tok.low in trig.not_words:
                continue
            if trig.near and not _near(sent, i, i + n, trig.near, trig.window):
                continue
            if trig.not_near and _near(sent, i, i + n, trig.not_near, trig.window):
                continue
            if trig.needs_verb and governing_verb(sent, i, ENACTING_VERBS) is None:
                continue
            hits.append((Hit(trig.cls, trig.sense, i, i + n, _voice(toks[i], trig.pattern[0]), trig.needs_party), trig))
    hits.sort(key=lambda h: (h[0].start, -(h[0].end - h[0].start)))
    kept, end = [], -1
    for h, trig in hits:
        if h.start >= end:
            kept.append(h)
            end = h.end
            if trig.also is not None and _also(sent, h, trig.also):
                kept.append(Hit(trig.also.cls, trig.also.sense, h.start, h.end, h.voice, h.needs_party))
    return kept


def _also(sent: Sent, hit: Hit, also: Trigger) -> bool:
    """Whether the second event of a trigger holds: a word of its 'near' stands by ("membunuh warga sipil"),
    or none of its 'not_near' does ("dibunuh" with no troops, militants or battle around)."""
    return bool(also.near) and _near(sent, hit.start, hit.end, also.near, also.window) or \
        not _near(sent, hit.start, hit.end, also.not_near, also.window)


def governing_verb(sent: Sent, start: int, verbs: set[str] = LIGHT_VERBS) -> int | None:
    """Index of a verb of ``verbs`` governing a noun trigger at ``start``, over adverbs, modal words and negation
    ('memberlakukan keadaan darurat', 'belum akan mencabut subsidi')."""
    j = start - 1
    while j >= 0 and (sent.toks[j].low in SKIP_BACK or sent.toks[j].low in MODALITY or sent.toks[j].low in NEGATION):
        j -= 1
    return j if j >= 0 and sent.toks[j].low in verbs else None


def _voice(tok: Tok, spec: Spec) -> str:
    if spec.word is not None:
        return "bare"
    forms = [f for r, f in tok.forms if r == spec.root and (spec.forms is None or f in spec.forms)]
    order = ["me", "di", "ter", "ber", "pe-an", "per-an", "ke-an", "-an", "pe", "bare"]
    return min(forms, key=lambda f: order.index(f) if f in order else len(order)) if forms else "bare"


def _near(sent: Sent, start: int, end: int, phrases: Phrases, window: int) -> bool:
    lo, hi = max(0, start - window), min(len(sent.toks), end + window)
    return any(sent.any_phrase_at(j, phrases) for j in range(lo, hi) if not start <= j < end)


def is_nominal(voice: str) -> bool:
    return voice in ("pe-an", "per-an", "ke-an", "-an", "pe")


def negation_modality(sent: Sent, start: int, end: int | None = None) -> tuple[bool, str | None]:
    """Read back from the trigger over light verbs and adverbs: 'belum akan menarik', 'mengancam akan menjatuhkan sanksi';
    then the rest of its clause for a condition, a question or a fear ('jika terjadi kerusuhan'); and after a noun
    trigger ending at ``end``, the light verb it is the subject of ('Pelantikan ... rencananya akan dilakukan'), or the
    main verb of the sentence it is the setting of ('dalam pertemuan itu X akan ...'). A negation before the first of
    two alternatives denies the second ('tidak ada kerusakan maupun korban jiwa').

    A verb's modality (threat, promise, request ...) outranks the bare future 'akan' it governs."""
    negated, found = False, []
    j = start - 1
    while j >= 0:
        low = sent.toks[j].low
        two = f"{low} {sent.toks[j + 1].low}" if j + 1 < start else ""
        if low in NEGATION:
            negated = True
        elif low in ALTERNATIVES:
            j -= 1                            # "tidak ada kerusakan maupun korban": over the first alternative
        elif two in MODALITY:
            found.append(MODALITY[two])
        elif low in MODALITY:
            found.append(MODALITY[low])
        elif (mi := sent.toks[j].mention) is not None and (verb := _asking_verb(sent, sent.first_tok[mi])) is not None:
            j = verb + 1                      # "menuntut X untuk mundur": read on from the verb that asks
        elif low not in SKIP_BACK and low not in LIGHT_VERBS:
            break
        j -= 1
    lo, hi = sent.clause(start)
    found += [CLAUSE_MODALITY[t.low] for t in sent.toks[lo:start] if t.low in CLAUSE_MODALITY and not _means_that(sent, t.i)]
    if end is not None:
        found += _modality_after(sent, end, hi) + _setting_modality(sent, start, end)
    specific = [m for m in found if m != "future"]
    return negated, (specific or found or [None])[0]


def _asking_verb(sent: Sent, first: int) -> int | None:
    """The modal verb ("meminta", "mendesak") whose object is the name starting at token ``first``, over the
    name's title: the trigger after that name is what was asked, promised or offered."""
    j, role = first - 1, (sent.mention(sent.toks[first].mention).role or "").lower().split()
    while role and j >= 0 and sent.toks[j].low == role[-1]:        # "mendesak Perdana Menteri Imran Khan"
        j, role = j - 1, role[:-1]
    return j if j >= 0 and sent.toks[j].low in MODALITY and MODALITY[sent.toks[j].low] != "future" else None


def _means_that(sent: Sent, i: int) -> bool:
    """'jika' after a verb of saying or knowing is 'that': "memastikan jika korban telah tewas"."""
    if CLAUSE_MODALITY[sent.toks[i].low] != "conditional" or i == 0:
        return False
    return sent.toks[i - 1].low in THAT_AFTER or is_speech(sent, i - 1)


def _setting_modality(sent: Sent, start: int, end: int) -> list[str]:
    """The modality of the main verb of a sentence whose setting a noun trigger is: "dalam pertemuan itu Golkar
    kemungkinan akan meminta ..." tells of a meeting yet to be held. Only the trigger's demonstrative, the
    subject's names or pronouns and modal words may stand between: any other word ends the search."""
    if start == 0 or sent.toks[start - 1].low not in SETTING["prepositions"]:
        return []
    out = []
    for tok in sent.toks[end:]:
        if MODALITY.get(tok.low) in SETTING["modalities"]:
            out.append(MODALITY[tok.low])
        elif tok.mention is None and tok.low not in SETTING["skip"]:
            break
    return out


def _modality_after(sent: Sent, end: int, hi: int) -> list[str]:
    """Modal words between a noun trigger and the light verb it is the subject of."""
    out = []
    for j in range(end, min(hi, end + 8)):
        low = sent.toks[j].low
        clitic = len(MODALITY_CLITIC)
        base = low[:-clitic] if low.endswith(MODALITY_CLITIC) and low[:-clitic] in MODALITY else low
        if base in MODALITY and any(sent.toks[k].low in LIGHT_VERBS for k in range(j + 1, min(hi, j + 4))):
            out.append(MODALITY[base])
    return out


def is_speech(sent: Sent, i: int) -> bool:
    """A verb of saying at token i."""
    return bool(sent.any_phrase_at(i, SAY_BEFORE) or sent.any_phrase_at(i, SAY_AFTER)
                or sent.toks[i].low in SAY_PRONOUN_VERBS)
