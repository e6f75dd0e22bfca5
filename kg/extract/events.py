"""Events of each sentence: what happened, to whom, where, when, how many, and who says so.

Why: analysts come for events with their evidence. Indonesian marks voice and
derivation with affixes (menyerbu / diserbu / penyerbuan), so triggers are
roots with the forms they may take, matched through a small affix analyser;
voice decides who is agent and who is target (active: subject acts; passive:
subject undergoes, "oleh X" acts). All words live in kg/data/triggers.json.

One event per sentence, class, sense, negation, modality and date: "diserbu
dan dibakar" is one riot. Negation and modality ("tidak", "belum", "akan",
"berjanji", "mengancam") are read from the words governing the trigger and
recorded, never dropped. Dates come from kg.extract.dates (never guessed);
"sehari setelah X" and "sehari kemudian" are resolved once the whole document
is read, against the date of the event they point back to. Figures come from
kg.extract.numbers and carry the source said in the sentence; figures a
speaker withdrew ("mencabut pernyataan") are kept and marked retracted.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from kg.extract import arguments
from kg.extract.dates import find_dates
from kg.extract.numbers import find_quantities
from kg.extract.sense import article_domain, crisis_sense, domain_counts
from kg.records import ENTITY_KIND, Event, ExtractedDocument, Figure, Mention
from kg.syntax import Parse, load_parser

DATA = json.loads((Path(__file__).resolve().parent.parent / "data" / "triggers.json").read_text(encoding="utf-8"))

ACTOR_KINDS = {"Person", "Organization", "Group"}
QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}
PUNCT_BREAKS = {";", ":", "–", "—"}          # not parentheses: "Kamis (6/1/2022)", "(CSTO)"
FIGURE_CLASS = {"killed": "Casualties", "injured": "Casualties", "detained": "Detention",
                "deployed": "MilitaryDeployment"}
_SENTINEL = date(2000, 1, 1)        # a fake anchor: tells anchored phrases ("sehari kemudian") apart
_QUOTE = re.compile(r"“([^”“]{2,})”|\"([^\"]{2,})[\"”]")


# --- morphology ----------------------------------------------------------------

@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[tuple[str, str]]:
    """(root, form) readings of a word: 'penyerbuannya' → ('serbu', 'pe-an'), 'diserbu' → ('serbu', 'di').

    Forms: me di ter ber pe per ke (+ '-an' when the suffix -an closes them), bare, -an.
    Over-generates on purpose: a reading only counts when a trigger asks for that root and form.
    """
    morph = DATA["morphology"]
    w = word.lower()
    bases = {w} | {w[:-len(c)] for c in morph["clitics"] if w.endswith(c) and len(w) - len(c) >= 3}
    out: set[tuple[str, str]] = set()
    for base in bases:
        out.add((base, "bare"))
        for suffix in morph["suffixes"]:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                out.add((base[:-len(suffix)], "-an" if suffix == "an" else "bare"))
        for prefix, restores, form in morph["prefixes"]:
            if not base.startswith(prefix) or len(base) - len(prefix) < 2:
                continue
            for restore in restores:
                stem = restore + base[len(prefix):]
                for suffix in ("", *morph["suffixes"]):
                    if suffix and not stem.endswith(suffix):
                        continue
                    root = stem[:-len(suffix)] if suffix else stem
                    if len(root) < 3:
                        continue
                    if form in ("pe", "per", "ke"):
                        if suffix == "an":
                            out.add((root, form + "-an"))
                        elif form == "pe" and not suffix:
                            out.add((root, "pe"))
                    else:
                        out.add((root, form))
    return frozenset(out)


CLITICS = set(DATA["morphology"]["clitics"])


@dataclass(frozen=True)
class Spec:
    """One token of a pattern: a literal word, or a root with the forms allowed."""
    word: str | None = None
    root: str | None = None
    forms: frozenset[str] | None = None

    def matches(self, token: "Tok") -> bool:
        if self.word is not None:      # a literal word, with or without a clitic: pasukan(nya)
            return token.low == self.word or (token.low.startswith(self.word) and token.low[len(self.word):] in CLITICS)
        return any(r == self.root and (self.forms is None or f in self.forms) for r, f in token.forms)


    @property
    def key(self) -> tuple[str, str]:
        """What a token must offer for this spec to match: the word, or the root."""
        return ("w", self.word) if self.word is not None else ("r", self.root)


@lru_cache(maxsize=65536)
def word_analysis(text: str) -> tuple[str, frozenset, frozenset]:
    """(lower case, affix readings, spec keys) of a word; cached, as news repeats its words.

    The keys are what a token can match: itself, itself without a clitic, its roots.
    """
    low = text.lower()
    forms = word_forms(text)
    words = {low} | {low[:-len(c)] for c in CLITICS if low.endswith(c)}
    return low, forms, frozenset({("w", w) for w in words} | {("r", root) for root, _ in forms})


PHRASE_CACHE = 65536   # token key sets remembered by each Phrases, as many as word_analysis keeps


class Phrases:
    """Phrases indexed by their first spec, so a token is tried only against phrases that can start there."""

    def __init__(self, phrases: list[list[Spec]]):
        self.phrases = phrases
        self.index: dict[tuple[str, str], list[int]] = {}
        for n, phrase in enumerate(phrases):
            self.index.setdefault(phrase[0].key, []).append(n)
        self.cache: dict[frozenset, list[int]] = {}   # token keys → phrases starting there

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def starting_at(self, tok: "Tok") -> list[int]:
        """Indexes of the phrases whose first spec the token can match, in their original order."""
        found = self.cache.get(tok.keys)
        if found is None:
            if len(self.cache) >= PHRASE_CACHE:   # bounded: a year of news has millions of word forms
                self.cache.clear()
            found = self.cache[tok.keys] = sorted({n for key in tok.keys for n in self.index.get(key, ())})
        return found


def parse_spec(text: str) -> Spec:
    if not text.startswith("@"):
        return Spec(word=text.lower())
    root, _, forms = text[1:].partition(":")
    return Spec(root=root, forms=frozenset(forms.split("|")) if forms else None)


def parse_phrase(text: str) -> list[Spec]:
    return [parse_spec(part) for part in text.split()]


@dataclass
class Trigger:
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


def _phrases(words: list[str]) -> Phrases:
    out = []
    for w in words:
        if w[1:] in DATA["word_groups"]:
            out += [parse_phrase(t) for t in DATA["word_groups"][w[1:]]]
        else:
            out.append(parse_phrase(w))
    return Phrases(out)


TRIGGERS = [Trigger(t["class"], [parse_spec(p) for p in t["pattern"]], t.get("sense", t["class"]),
                    _phrases(t.get("near", [])), t.get("window", 6), _phrases(t.get("not_near", [])),
                    set(t.get("not_next", [])),
                    set(t.get("not_prev", [])), set(t.get("not_words", [])), t.get("needs_party", False))
            for t in DATA["triggers"]]
TRIGGER_PATTERNS = Phrases([t.pattern for t in TRIGGERS])
STATEMENTS = DATA["statements"]
SAY_BEFORE = Phrases([parse_phrase(p) for p in STATEMENTS["before"]])
SAY_AFTER = Phrases([parse_phrase(p) for p in STATEMENTS["after"]])
SAY_NOT_AFTER = set(STATEMENTS["not_after"])
DATELINE_REACH = 8      # tokens from a sentence's start within which "Jakarta, CNN Indonesia --" is a dateline
FIG = DATA["figures"]
FIG_AFTER = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["after"].items()}
FIG_BEFORE = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["before"].items()}
COUNTED = Phrases([parse_phrase(p) for p in FIG["counted_nouns"]])
CROWD = Phrases([parse_phrase(p) for p in FIG["crowd_nouns"]])
SUBSET = Phrases([parse_phrase(p) for p in FIG["subset"]])
RETRACTION = [[parse_spec(p) for p in pat] for pat in DATA["retraction"]["patterns"]]
LABELS = set(STATEMENTS["labels"])
SPOKESPEOPLE = Phrases([parse_phrase(p) for p in STATEMENTS["spokespeople"]])
SPOKESPERSON_ROLES = {p.lower() for p in STATEMENTS["spokespeople"]}
BREAKS = set(DATA["clause_breaks"])
TALLIED = set(DATA["tallied"])
PREPOSITIONS = set(DATA["prepositions"])
LOCATIVES = set(DATA["locatives"])
PLACE_NOUNS = set(DATA["place_nouns"])
FACILITIES = [parse_phrase(p) for p in DATA["facility_nouns"]]
SKIP_BACK = set(DATA["skip_back"])
LIGHT_VERBS = set(DATA["light_verbs"])
NEGATION = set(DATA["negation"])
MODALITY = DATA["modality"]
CLAUSE_MODALITY = DATA["clause_modality"]
THAT_AFTER = set(DATA["that_after"])
BY_SENSE = set(DATA["coref_by_sense"])
OBJECT_PARTICIPANT = {"MilitaryDeployment", "Protest", "Meeting", "ArmedClash"}
OBJECT_PREPOSITIONS = {"kepada", "terhadap", "dari", "dengan", "melalui", "antara"}
NOMINAL_BARE = set(DATA["nominal_bare"])


# --- a sentence as tokens --------------------------------------------------------

@dataclass(slots=True)
class Tok:
    i: int                 # index within the sentence
    text: str
    low: str
    begin: int
    end: int
    forms: frozenset
    mention: int | None    # index of the mention the token is part of
    keys: frozenset = frozenset()


@dataclass
class Hit:
    cls: str
    sense: str
    start: int
    end: int               # token indexes, end exclusive
    voice: str             # form of the head token: me di ter ber bare pe-an ...
    needs_party: bool = False   # only an event when it names whom it involves ("menemui Presiden X", not "menemui seorang murid")


class Sent:
    """Tokens, mentions, clauses and dates of one sentence."""

    def __init__(self, ext: ExtractedDocument, index: int, tokens: list[tuple[int, str]], mentions: list[int]):
        """``tokens``: (character offset, text) of the sentence's tokens; ``mentions``: its mention indexes."""
        self.ext, self.index = ext, index
        self.s = ext.sentences[index]
        self.mentions = mentions
        begins = [begin for begin, _ in tokens]
        mention_at = {}
        for mi in mentions:
            m = ext.mentions[mi]
            for k in range(bisect_left(begins, m.begin), bisect_left(begins, m.end)):
                if begins[k] + len(tokens[k][1]) <= m.end:
                    mention_at[k] = mi
        self.toks = []
        for k, (begin, text) in enumerate(tokens):   # the affix analyser, not the lookup lemma: the affix carries the voice
            low, forms, keys = word_analysis(text)
            self.toks.append(Tok(k, text, low, begin, begin + len(text), forms, mention_at.get(k), keys))
        self.first_tok = {}   # mention → first token index
        self.last_tok = {}
        for tok in self.toks:
            if tok.mention is not None:
                self.first_tok.setdefault(tok.mention, tok.i)
                self.last_tok[tok.mention] = tok.i
        self.in_quote = self._quoted()
        self.parse: Parse | None = None      # set when the sentence holds a trigger and a parser is installed
        outlets = [mi for mi in mentions if self._dateline(mi)]
        first = min((self.first_tok[mi] for mi in outlets), default=0)
        self.datelines = set(outlets) | {mi for mi in mentions if mi in self.last_tok and self.last_tok[mi] < first}

    def _dateline(self, mi: int) -> bool:
        """"Jakarta, CNN Indonesia -- ...", "Garut (ANTARA News) - ...": the outlet is the source, never an actor."""
        last = self.last_tok.get(mi)
        if last is None or last >= DATELINE_REACH:
            return False
        after = [t.text for t in self.toks[last + 1:last + 3]]
        return bool(after) and (after[0] in ("-", "--", "—", "–") or after[:2] in ([")", "-"], [")", "--"], [")", "—"]))

    def _quoted(self) -> list[bool]:
        inside, out = False, []
        for tok in self.toks:
            if tok.text in ("“",) or (tok.text == '"' and not inside):
                inside = True
                out.append(True)
                continue
            if tok.text in ("”",) or (tok.text == '"' and inside):
                inside = False
            out.append(inside)
        return out

    def mention(self, mi: int) -> Mention:
        return self.ext.mentions[mi]

    def kind(self, mi: int) -> str:
        return ENTITY_KIND.get(self.mention(mi).cls, "Organization")

    def tok_at_char(self, pos: int) -> int:
        for tok in self.toks:
            if tok.end > pos:
                return tok.i
        return len(self.toks) - 1

    def is_break(self, i: int) -> bool:
        tok = self.toks[i]
        return tok.low in BREAKS or tok.text in PUNCT_BREAKS

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around token i: between clause words, semicolons and commas."""
        lo = i
        while lo > 0 and not (self.is_break(lo - 1) or self.toks[lo - 1].text == ","):
            lo -= 1
        hi = i
        while hi + 1 < len(self.toks) and not (self.is_break(hi + 1) or self.toks[hi + 1].text == ","):
            hi += 1
        return lo, hi + 1

    def phrase_at(self, i: int, specs: list[Spec]) -> bool:
        return i + len(specs) <= len(self.toks) and all(s.matches(self.toks[i + k]) for k, s in enumerate(specs))

    def any_phrase_at(self, i: int, phrases: "Phrases") -> int:
        """Length of the longest phrase starting at token i, 0 if none."""
        if i >= len(self.toks):
            return 0
        best = 0
        for n in phrases.starting_at(self.toks[i]):
            phrase = phrases.phrases[n]
            if len(phrase) > best and self.phrase_at(i, phrase):
                best = len(phrase)
        return best

    def preceded_by(self, mi: int, words: set[str]) -> bool:
        """The word before the mention (skipping place nouns such as 'kota', 'ibu kota') is one of ``words``;
        words of another name are not ("Kementerian Dalam Negeri" + "Josue Boji": no "dalam" there)."""
        j = self.first_tok[mi] - 1
        while j >= 0 and self.toks[j].low in PLACE_NOUNS and self.toks[j].mention is None:
            j -= 1
        return j >= 0 and self.toks[j].mention is None and self.toks[j].low in words


# --- trigger matching -----------------------------------------------------------

def _match_triggers(sent: Sent) -> list[Hit]:
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
            hits.append(Hit(trig.cls, trig.sense, i, i + n, _voice(toks[i], trig.pattern[0]), trig.needs_party))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept, end = [], -1
    for h in hits:
        if h.start >= end:
            kept.append(h)
            end = h.end
    return kept


def _voice(tok: Tok, spec: Spec) -> str:
    if spec.word is not None:
        return "bare"
    forms = [f for r, f in tok.forms if r == spec.root and (spec.forms is None or f in spec.forms)]
    order = ["me", "di", "ter", "ber", "pe-an", "per-an", "ke-an", "-an", "pe", "bare"]
    return min(forms, key=lambda f: order.index(f) if f in order else len(order)) if forms else "bare"


def _near(sent: Sent, start: int, end: int, phrases: Phrases, window: int) -> bool:
    lo, hi = max(0, start - window), min(len(sent.toks), end + window)
    return any(sent.any_phrase_at(j, phrases) for j in range(lo, hi) if not start <= j < end)


def _is_nominal(voice: str) -> bool:
    return voice in ("pe-an", "per-an", "ke-an", "-an", "pe")


# --- negation, modality ---------------------------------------------------------------

def _negation_modality(sent: Sent, start: int, end: int | None = None) -> tuple[bool, str | None]:
    """Read back from the trigger over light verbs and adverbs: 'belum akan menarik', 'mengancam akan menjatuhkan sanksi';
    then the rest of its clause for a condition, a question or a fear ('jika terjadi kerusuhan'); and after a noun
    trigger ending at ``end``, the light verb it is the subject of ('Pelantikan ... rencananya akan dilakukan').

    A verb's modality (threat, promise, request ...) outranks the bare future 'akan' it governs."""
    negated, found = False, []
    j = start - 1
    while j >= 0:
        low = sent.toks[j].low
        two = f"{low} {sent.toks[j + 1].low}" if j + 1 < start else ""
        if low in NEGATION:
            negated = True
        elif two in MODALITY:
            found.append(MODALITY[two])
        elif low in MODALITY:
            found.append(MODALITY[low])
        elif low not in SKIP_BACK and low not in LIGHT_VERBS:
            break
        j -= 1
    lo, hi = sent.clause(start)
    found += [CLAUSE_MODALITY[t.low] for t in sent.toks[lo:start] if t.low in CLAUSE_MODALITY and not _means_that(sent, t.i)]
    if end is not None:
        found += _modality_after(sent, end, hi)
    specific = [m for m in found if m != "future"]
    return negated, (specific or found or [None])[0]


def _means_that(sent: Sent, i: int) -> bool:
    """'jika' after a verb of saying or knowing is 'that': "memastikan jika korban telah tewas"."""
    if CLAUSE_MODALITY[sent.toks[i].low] != "conditional" or i == 0:
        return False
    return sent.toks[i - 1].low in THAT_AFTER or _is_speech(sent, i - 1)


def _modality_after(sent: Sent, end: int, hi: int) -> list[str]:
    """Modal words between a noun trigger and the light verb it is the subject of."""
    out = []
    for j in range(end, min(hi, end + 8)):
        low = sent.toks[j].low
        base = low[:-3] if low.endswith("nya") and low[:-3] in MODALITY else low
        if base in MODALITY and any(sent.toks[k].low in LIGHT_VERBS for k in range(j + 1, min(hi, j + 4))):
            out.append(MODALITY[base])
    return out


# --- roles -------------------------------------------------------------------------

def _acceptable_subject(sent: Sent, mi: int) -> bool:
    if mi in sent.datelines:
        return False
    kind = sent.kind(mi)
    if sent.preceded_by(mi, PREPOSITIONS) or _after_facility(sent, mi):
        return False
    if kind in ACTOR_KINDS:
        return True
    if kind != "Place":
        return False
    j = sent.first_tok[mi] - 1           # a place acts only as a clause subject, not in "London, Inggris"
    if j < 0:
        return True
    if sent.toks[j].text == "," and j > 0 and sent.toks[j - 1].mention is not None \
            and sent.kind(sent.toks[j - 1].mention) == "Place":
        return False
    return sent.toks[j].text in {",", "dan", "namun", "sementara"} or sent.toks[j].low in BREAKS


def _coordinated_left(sent: Sent, mi: int) -> list[int]:
    out = [mi]
    j = sent.first_tok[mi] - 1
    while j > 0 and sent.toks[j].low in ("dan", "serta") and sent.toks[j - 1].mention is not None:
        other = sent.toks[j - 1].mention
        if sent.kind(other) != sent.kind(mi):
            break
        out.insert(0, other)
        j = sent.first_tok[other] - 1
    return out


def _coordinated_right(sent: Sent, mi: int, limit: int) -> list[int]:
    out = [mi]
    j = sent.last_tok[mi] + 1
    while j + 1 < limit and sent.toks[j].low in ("dan", "serta") and sent.toks[j + 1].mention is not None:
        other = sent.toks[j + 1].mention
        if sent.kind(other) not in ACTOR_KINDS:
            break
        out.append(other)
        j = sent.last_tok[other] + 1
    return out


def _subject(sent: Sent, start: int, speaker_scan: bool = False) -> tuple[list[int], bool]:
    """Actors the clause before token ``start`` names as subject, and whether a pronoun stood there.

    Relative clauses are skipped ("Prancis, ... yang menempatkan 1.500 tentara di Niger, mengatakan"):
    reaching "yang" drops what was found after it and keeps reading left for the head noun, unless
    the candidate already opens a clause ("..., dan Kremlin mengonfirmasi").
    """
    best, comma = None, False
    j = start - 1
    while j >= 0:
        tok = sent.toks[j]
        if tok.mention is not None:
            mi = tok.mention
            if best is None and _acceptable_subject(sent, mi):
                best = mi
                comma = any(t.text == "," for t in sent.toks[sent.last_tok[mi]:start])
                if _opens_clause(sent, mi):
                    break
            elif best is not None and speaker_scan and _opens_clause(sent, mi) and sent.kind(mi) in ACTOR_KINDS \
                    and sent.toks[sent.last_tok[mi] + 1].text == ",":
                best = mi          # "Ana Lima, juru bicara polisi Peru, mengatakan"
                break
            j = sent.first_tok[mi] - 1
            continue
        if tok.low == "yang":
            if best is not None and not comma:
                break
            best = None
        elif tok.low in STATEMENTS["pronouns"] and best is None and (j == 0 or sent.toks[j - 1].low not in PREPOSITIONS):
            return [], True
        elif tok.text in ("”", '"') or (tok.low in BREAKS and tok.low != "yang") or tok.text in PUNCT_BREAKS:
            break
        elif not speaker_scan and tok.text == "," and best is not None:
            break
        elif not speaker_scan and best is None and _is_speech(sent, j):
            break
        j -= 1
    return (_coordinated_left(sent, best) if best is not None else []), False


def _opens_clause(sent: Sent, mi: int) -> bool:
    """The mention (with its title: "Presiden X") stands first in its clause."""
    j = sent.first_tok[mi] - 1
    role = (sent.mention(mi).role or "").lower().split()
    k = len(role)
    while k and j >= 0 and sent.toks[j].low == role[k - 1]:
        j, k = j - 1, k - 1
    return j < 0 or sent.toks[j].text in {",", "”", '"'} or sent.toks[j].low in {"dan", "namun", "sementara"} \
        or sent.toks[j].low in BREAKS


def _object(sent: Sent, end: int, limit: int, prefer_person: bool = False) -> list[int]:
    """First actor after token ``end`` in the clause (up to ``limit``), with coordinated ones."""
    found = []
    for j in range(end, limit):
        mi = sent.toks[j].mention
        if mi is None or sent.first_tok[mi] != j or mi in sent.datelines:
            continue
        if sent.kind(mi) not in ACTOR_KINDS and not (sent.kind(mi) == "Place" and not sent.preceded_by(mi, PREPOSITIONS)):
            continue
        if (sent.preceded_by(mi, PREPOSITIONS - OBJECT_PREPOSITIONS) and j != end) or _after_facility(sent, mi):
            continue
        found.append(mi)
    if not found:
        return []
    if prefer_person:
        persons = [mi for mi in found if sent.kind(mi) == "Person"]
        if persons:
            return [persons[0]]
    return _coordinated_right(sent, found[0], limit)


def _agent_after(sent: Sent, end: int, limit: int) -> list[int]:
    """Agent of a passive verb: "diserbu oleh pengunjuk rasa", "dibantah Correa"."""
    j = end
    while j < limit and sent.toks[j].mention is None and j - end < 4:
        if sent.toks[j].low not in {"oleh", "dan"} and not any(
                r for r, f in sent.toks[j].forms if f == "di"):
            return []
        j += 1
    if j < limit and sent.toks[j].mention is not None and sent.kind(sent.toks[j].mention) in ACTOR_KINDS | {"Place"}:
        return _coordinated_right(sent, sent.toks[j].mention, limit)
    return []


def _after_light_verb(sent: Sent, start: int) -> int | None:
    """Index of a light verb governing a nominal trigger ('memberlakukan keadaan darurat')."""
    j = start - 1
    while j >= 0 and (sent.toks[j].low in SKIP_BACK or sent.toks[j].low in MODALITY or sent.toks[j].low in NEGATION):
        j -= 1
    return j if j >= 0 and sent.toks[j].low in LIGHT_VERBS else None


def _roles(sent: Sent, hit: Hit) -> tuple[list[int], list[int], list[int]]:
    """(agents, targets, participants) of a trigger, from its voice; where word order finds nobody,
    from the parse."""
    lo, hi = sent.clause(hit.start)
    hi = max(hi, hit.end)
    if hit.cls in OBJECT_PARTICIPANT and hit.end + 1 < len(sent.toks) and sent.toks[hit.end].low == "dengan":
        hi = sent.clause(hit.end + 1)[1]      # "bertemu dengan X", "bentrok dengan X": the partner is a participant
    agents, targets, participants = [], [], []
    passive = hit.voice in ("di", "ter") or (hit.cls == "Casualties" and hit.voice == "bare")
    nominal = _is_nominal(hit.voice) or hit.voice == "bare" and sent.toks[hit.start].low in NOMINAL_BARE
    if hit.voice == "di":
        targets, _ = _subject(sent, hit.start)
        agents = _agent_after(sent, hit.end, hi)
    elif passive:
        targets, _ = _subject(sent, hit.start)
    elif nominal:
        light = _after_light_verb(sent, hit.start)
        if light is not None:
            agents, _ = _subject(sent, light)
        participants = _object(sent, hit.end, hi)
    else:
        agents, _ = _subject(sent, hit.start)
        targets = _object(sent, hit.end, hi)
    if sent.parse is not None and not nominal:
        head = arguments.head_of_span(sent.parse, hit.start, hit.end)
        found = arguments.roles(sent.parse, head)
        subjects = _parse_actors(sent, found.subjects + found.passive_subjects)
        if passive:
            targets = targets or subjects
            agents = agents or _parse_actors(sent, found.agents)
        else:
            agents = agents or subjects
            targets = targets or [mi for mi in _parse_actors(sent, found.objects) if mi not in agents]
    if hit.cls in OBJECT_PARTICIPANT:
        participants, targets = targets + participants, []
    return agents, targets, participants


def _parse_actors(sent: Sent, tokens: list[int]) -> list[int]:
    """The actors (persons, organisations, groups) the parse's dependents name; never a dateline."""
    mention_at = [t.mention for t in sent.toks]
    out = []
    for i in tokens:
        actor = next((mi for mi in arguments.mentions_of(sent.parse, i, mention_at)
                      if sent.kind(mi) in ACTOR_KINDS and mi not in sent.datelines), None)
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _places(sent: Sent, hit: Hit) -> list[int]:
    """Places named with a locative ('di X', 'ke kota X') in the trigger's clause, else linked to it;
    else the "di/ke/dari" phrase the parse hangs under the trigger or its object."""
    start = hit.start
    lo, hi = sent.clause(start)
    locative = [mi for mi in sent.mentions if sent.kind(mi) == "Place" and mi not in sent.datelines and (
        sent.preceded_by(mi, LOCATIVES) or _after_facility(sent, mi))]
    in_clause = [mi for mi in locative if lo <= sent.first_tok[mi] < hi]
    found = in_clause or [mi for mi in locative if _linked(sent, sent.first_tok[mi], start)]
    if found or sent.parse is None:
        return found
    mention_at = [t.mention for t in sent.toks]
    phrases = arguments.roles(sent.parse, arguments.head_of_span(sent.parse, hit.start, hit.end)).places
    places = [next((mi for mi in arguments.mentions_of(sent.parse, i, mention_at) if sent.kind(mi) == "Place"), None)
              for i in phrases]
    return [mi for mi in dict.fromkeys(places) if mi is not None]


def _after_facility(sent: Sent, mi: int) -> bool:
    j = sent.first_tok[mi]
    return any(sent.phrase_at(j - len(f), f) for f in FACILITIES if j - len(f) >= 0)


# --- statements --------------------------------------------------------------------

def _is_speech(sent: Sent, i: int) -> bool:
    return bool(sent.any_phrase_at(i, SAY_BEFORE) or sent.any_phrase_at(i, SAY_AFTER)
                or sent.toks[i].low in STATEMENTS["pronoun_verbs"])


@dataclass
class Speech:
    start: int
    end: int
    speakers: list[int]
    pronoun: bool


def _speeches(sent: Sent) -> list[Speech]:
    out = []
    for i, tok in enumerate(sent.toks):
        if tok.mention is not None or sent.in_quote[i]:
            continue
        if tok.low in STATEMENTS["pronoun_verbs"]:
            out.append(Speech(i, i + 1, [], True))
        elif (n := sent.any_phrase_at(i, SAY_AFTER)) and not (i and sent.toks[i - 1].low in SAY_NOT_AFTER):
            limit = next((k for k in range(i + n, len(sent.toks)) if sent.toks[k].text == "," or sent.is_break(k)),
                         len(sent.toks))
            who = _object(sent, i + n, min(limit, i + n + 10), prefer_person=True)
            if who and sent.first_tok[who[0]] - (i + n) <= 6:
                out.append(Speech(i, i + n, who, False))
        elif n := sent.any_phrase_at(i, SAY_BEFORE):
            who, pronoun = _subject(sent, i, speaker_scan=True)
            if who or pronoun:
                out.append(Speech(i, i + n, who, pronoun))
    return out


def _quote(sent: Sent) -> str | None:
    """Words between quotation marks; a quote opened or closed on another line runs to the sentence edge."""
    text = sent.s.text
    parts = [m.group(1) or m.group(2) for m in _QUOTE.finditer(text)]
    if not parts:
        opened, closed = text.rfind("“"), text.find("”")
        if opened >= 0 and closed < opened:
            parts = [text[opened + 1:]]
        elif closed >= 0 and opened < 0:
            parts = [text[:closed]]
    parts = [p.strip(" ,.") for p in parts if p and p.strip(" ,.")]
    return " … ".join(parts) or None


def _medium(sent: Sent, speakers: list[int]) -> int | None:
    cues = set(STATEMENTS["medium_cues"])
    for mi in sent.mentions:
        if mi in speakers or sent.mention(mi).cls not in ("MediaOrganization", "Company"):
            continue
        j = sent.first_tok[mi] - 1
        steps = 0
        while j >= 0 and steps < 3 and sent.toks[j].low not in cues and sent.toks[j].mention is None:
            j, steps = j - 1, steps + 1
        if j >= 0 and sent.toks[j].low in cues:
            return mi
    return None


# --- dates ----------------------------------------------------------------------------

@dataclass
class DateRef:
    start: int              # token index
    text: str
    date: date | None
    kind: str
    anchored_days: int | None = None   # "sehari kemudian": days from an anchor event
    follows: bool = False              # "sehari setelah X": X comes after the phrase


def _dates(sent: Sent, published: date | None) -> list[DateRef]:
    s = sent.s
    plain = find_dates(s.text, published, offset=s.begin)
    probe = {(d.begin, d.end): d for d in find_dates(s.text, published, offset=s.begin, anchor=_SENTINEL)}
    out = []
    for d in plain:
        ref = DateRef(sent.tok_at_char(d.begin), d.text, d.date, d.kind)
        other = probe.get((d.begin, d.end))
        if d.date is None and other is not None and other.date is not None:
            ref.anchored_days = (other.date - _SENTINEL).days
            ref.follows = d.text.split()[-1].lower() in ("setelah", "sesudah")
        out.append(ref)
    return out


def _date_for(sent: Sent, dates: list[DateRef], start: int, cls: str) -> DateRef | None:
    """The date in the trigger's clause; else the sentence's only date, unless a clause word
    ("yang", "setelah", "bahwa") or a perfect ("telah") sets the trigger apart from it. A
    "sejak" date dates a state ("keadaan darurat sejak 5 Januari"), not a tally."""
    usable = [d for d in dates if d.kind == "event" or (d.kind == "since" and cls not in TALLIED)]
    lo, hi = sent.clause(start)
    in_clause = [d for d in usable if lo <= d.start < hi + 1 or (d.start <= 1 and _adjacent(sent, d.start, lo))]
    if in_clause:
        return min(in_clause, key=lambda d: abs(d.start - start))
    if len(usable) != 1 or usable[0].date is None or _perfect(sent, start):
        return None
    return usable[0] if _linked(sent, usable[0].start, start) else None


def _linked(sent: Sent, a: int, b: int) -> bool:
    """No clause word between tokens a and b ("ketika", "saat" and "dan" keep the same time)."""
    lo, hi = min(a, b), max(a, b)
    return not any(sent.toks[k].low in BREAKS - {"ketika", "saat"} or sent.toks[k].text in PUNCT_BREAKS
                   for k in range(lo + 1, hi))


def _perfect(sent: Sent, start: int) -> bool:
    return any(t.low in ("telah", "sudah", "sebelumnya") for t in sent.toks[max(0, start - 2):start])


def _adjacent(sent: Sent, pos: int, lo: int) -> bool:
    """A sentence-initial date set off by a comma: 'Pada hari Selasa, ratusan pengunjuk rasa ...'."""
    return lo >= 2 and sent.toks[lo - 1].text == "," and pos < lo and not any(
        sent.is_break(k) or sent.toks[k].text == "," for k in range(pos, lo - 1))


def _until(dates: list[DateRef], sent: Sent, start: int) -> date | None:
    lo, hi = sent.clause(start)
    for d in dates:
        if d.kind == "until" and d.date and start <= d.start <= hi + 3:
            return d.date
    return None


# --- figures -------------------------------------------------------------------------

def _figure_prop(sent: Sent, q_start: int, q_end: int) -> tuple[str, int] | None:
    """(count property, token index of the keyword) of the quantity in tokens [q_start, q_end)."""
    toks = sent.toks
    j, units = q_end, 0
    while j < len(toks) and units <= FIG["window"]:
        if toks[j].text in (",", ";") or toks[j].low in BREAKS - {"yang"}:
            break
        for prop, phrases in FIG_AFTER.items():
            if sent.any_phrase_at(j, phrases):
                return prop, j
        j = (sent.last_tok[toks[j].mention] + 1) if toks[j].mention is not None else j + 1
        units += 1
    counted = q_end < len(toks) and (sent.any_phrase_at(q_end, COUNTED) or toks[q_end].mention is not None
                                     and sent.kind(toks[q_end].mention) == "Group")
    if not counted:
        return None
    j = q_start - 1
    while j >= 0 and q_start - j <= 4:
        for prop, phrases in FIG_BEFORE.items():
            if sent.any_phrase_at(j, phrases):
                return prop, j
        if toks[j].text in (",", ";"):
            break
        j -= 1
    return None


def _parsed_figure_prop(sent: Sent, number: int) -> tuple[str, int] | None:
    """(count property, token of its keyword) from the parse: the noun the numeral counts, and the
    figure word that noun is the subject or object of ("menahan 1.200 orang dan dua demonstran tewas")."""
    if sent.parse is None:
        return None
    noun = arguments.counted_noun(sent.parse, number)
    if noun is None or not (sent.any_phrase_at(noun, COUNTED) or sent.toks[noun].mention is not None
                            and sent.kind(sent.toks[noun].mention) == "Group"):
        return None
    governor = arguments.governor(sent.parse, noun)
    if governor is None:
        return None
    at = governor[0]
    lo, hi = sorted((noun, at))
    if any(sent.is_break(k) or sent.toks[k].text == "," for k in range(lo + 1, hi)):
        return None       # a parse that reaches over "sementara", "sedangkan" or a comma: word order decides
    for prop in FIG_AFTER:
        if sent.any_phrase_at(at, FIG_AFTER[prop]) or sent.any_phrase_at(at, FIG_BEFORE[prop]):
            return prop, at
    return None


def _crowd_event(sent: Sent, q_start: int, q_end: int, events: list[Event], starts: dict[int, int]) -> Event | None:
    """'Ribuan orang turun ke jalan', 'ratusan pengunjuk rasa menyerbu': the size of a protest or riot.

    Only a crowd that is the subject of its clause counts ("menyerang 500 warga sipil" does not)."""
    if not (q_end < len(sent.toks) and sent.any_phrase_at(q_end, CROWD)):
        return None
    before = sent.toks[q_start - 1] if q_start > 0 else None
    if before is not None and not (before.text in {",", "dan"} | QUOTE_MARKS or before.low in BREAKS):
        return None
    for e in events:
        if e.cls in ("Protest", "Riot") and 0 < starts[id(e)] - q_end <= 5:
            return e
    return None


def _subset(sent: Sent, q_start: int) -> bool:
    return any(sent.any_phrase_at(j, SUBSET) for j in range(max(0, q_start - 2), q_start))


def _retraction(sent: Sent, q_start: int) -> tuple[bool, int | None]:
    for j in range(q_start):
        if any(sent.phrase_at(j, pat) for pat in RETRACTION):
            who, _ = _subject(sent, j)
            return True, (who[0] if who else None)
    return False, None


# --- the document ---------------------------------------------------------------------

@dataclass
class _Pending:
    """An anchored date phrase waiting for the events it points to."""
    sentence: int
    ref: DateRef
    events: list[Event]


def extract_events(ext: ExtractedDocument, words: list[tuple[int, str]]) -> list[Event]:
    """Events of a document; ``words``: (character offset, text) of its tokens, spaces left out."""
    events: list[Event] = []
    pending: list[_Pending] = []
    last_speakers: list[int] = []
    spoken: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    starts_of_tokens = [begin for begin, _ in words]
    mentions_in: dict[int, list[int]] = defaultdict(list)
    for mi, m in enumerate(ext.mentions):
        mentions_in[m.sentence].append(mi)
    sents = []
    for index, s in enumerate(ext.sentences):
        lo, hi = bisect_left(starts_of_tokens, s.begin), bisect_left(starts_of_tokens, s.end)
        tokens = [(begin, text) for begin, text in words[lo:hi] if begin + len(text) <= s.end]
        if tokens:
            sents.append(Sent(ext, index, tokens, mentions_in[index]))
    cues = [domain_counts(sent.toks) for sent in sents]
    domain = article_domain(sum(cues, Counter()))
    hits = [_match_triggers(sent) if crisis_sense(sent_cues, domain) else [] for sent, sent_cues in zip(sents, cues)]
    _parse([sent for sent, found in zip(sents, hits) if found])
    for sent, sent_hits in zip(sents, hits):
        found, speakers = _sentence_events(sent, sent_hits, ext.doc.published, last_speakers, starts, pending, spoken)
        last_speakers = speakers or _antecedent(sent, last_speakers)
        first = len(events)
        events.extend(found)
        for e in found:
            if e.cls == "Statement":
                e.about_events = [first + k for k, other in enumerate(found) if other.cls != "Statement"]
    _resolve_anchored(events, pending, starts)
    return events


def _parse(sents: list[Sent]) -> None:
    """Parse, in one batch, the sentences that hold a trigger: the parser costs about a hundred times
    the tokenizer, so the rest of the text is never parsed. Without an installed parser, word order rules."""
    parser = _parser()
    if parser is None or not sents:
        return
    for sent, parse in zip(sents, parser.parse([[t.text for t in sent.toks] for sent in sents])):
        sent.parse = parse


@lru_cache(maxsize=1)
def _parser():
    try:
        return load_parser()
    except FileNotFoundError:
        return None


def _sentence_events(sent: Sent, hits: list[Hit], published, last_speakers: list[int], starts: dict[int, int],
                     pending: list[_Pending], spoken: dict[int, list[int]]) -> tuple[list[Event], list[int]]:
    """Events of the trigger ``hits`` and the statements of a sentence."""
    dates = _dates(sent, published)
    out: list[Event] = []
    groups: dict[tuple, Event] = {}
    for hit in hits:
        negated, modality = _negation_modality(sent, hit.start, hit.end if _is_nominal(hit.voice) else None)
        ref = _date_for(sent, dates, hit.start, hit.cls)
        key = (hit.cls, hit.sense if hit.cls in BY_SENSE else None,
               negated, modality, ref.date if ref else None)
        agents, targets, participants = _roles(sent, hit)
        if hit.needs_party and not (targets or participants):
            continue
        trigger = _text(sent, hit.start, hit.end)
        event = groups.get(key)
        if event is None:
            first = sent.toks[hit.start]
            event = Event(hit.cls, sent.index, trigger, first.begin, sent.toks[hit.end - 1].end,
                          negated=negated, modality=modality, sense=hit.sense)
            if ref:
                event.date, event.date_text = ref.date, ref.text
            event.end_date = _until(dates, sent, hit.start)
            groups[key] = event
            starts[id(event)] = hit.start
            out.append(event)
        elif trigger not in event.trigger.split(", "):
            event.trigger += ", " + trigger
        _add(event.agents, agents)
        _add(event.targets, [t for t in targets if t not in event.agents])
        _add(event.participants, [p for p in participants if p not in event.agents + event.targets])
        _add(event.places, [p for p in _places(sent, hit) if p not in event.agents + event.targets])
    for ref in dates:
        if ref.anchored_days is not None:
            pending.append(_Pending(sent.index, ref, list(out)))

    speeches = _speeches(sent)
    statements, speakers = _statements(sent, speeches, dates, last_speakers, out, starts, spoken)
    sources = speakers or _cited_media(sent)
    _figures(sent, out, starts, speeches, sources)
    for e in out:
        if e.cls != "Statement":
            _add(e.reported_by, [s for s in sources if s not in e.agents])
    return out + statements, (speakers or [])


def _antecedent(sent: Sent, last: list[int]) -> list[int]:
    """Whom "katanya", "ujarnya", "kata dia" point back to after a sentence in which nobody speaks:
    the person the sentence opens with ("Menteri X tiba di ..." → X); else still the last speakers,
    as news goes on quoting whoever spoke last."""
    persons = [mi for mi in sent.mentions if sent.kind(mi) == "Person" and mi in sent.first_tok]
    if not persons:
        return last
    first = min(persons, key=lambda mi: sent.first_tok[mi])
    m = sent.mention(first)
    title = set((m.role or "").lower().split())
    if all(t.low in title or (t.mention is not None and t.mention == m.affiliation)
           for t in sent.toks[:sent.first_tok[first]]):
        return [first]
    return last


def _text(sent: Sent, start: int, end: int) -> str:
    return sent.s.text[sent.toks[start].begin - sent.s.begin:sent.toks[end - 1].end - sent.s.begin]


def _add(target: list[int], items: list[int]) -> None:
    for item in items:
        if item not in target:
            target.append(item)


def _statements(sent: Sent, speeches: list[Speech], dates: list[DateRef], last_speakers: list[int],
                events: list[Event], starts: dict[int, int], spoken: dict[int, list[int]]) -> tuple[list[Event], list[int]]:
    """Statements of a sentence, one per speaker; ``spoken`` remembers whom each speaker speaks for,
    so that "katanya" in the next sentence keeps it."""
    out: list[Event] = []
    by_speaker: dict[int, Event] = {}
    quote = _quote(sent)
    all_speakers: list[int] = []
    for sp in speeches:
        speakers = sp.speakers or (last_speakers if sp.pronoun else [])
        for speaker in speakers:
            if speaker in by_speaker:
                continue
            tok = sent.toks[sp.start]
            negated, modality = _negation_modality(sent, sp.start)
            if speaker not in spoken:
                spoken[speaker] = _spoken_for(sent, speaker)
            spoken_for = spoken[speaker]
            who = None if spoken_for == [speaker] else speaker
            e = Event("Statement", sent.index, _text(sent, sp.start, sp.end), tok.begin, sent.toks[sp.end - 1].end,
                      speaker=who, spoken_for=spoken_for, quote=quote, negated=negated, modality=modality,
                      sense="statement")
            e.agents = [who] if who is not None else []
            ref = _date_for(sent, dates, sp.start, "Statement")
            if ref:
                e.date, e.date_text = ref.date, ref.text
            by_speaker[speaker] = e
            starts[id(e)] = sp.start
            out.append(e)
            all_speakers.append(speaker)
    for e in out:
        e.medium = _medium(sent, all_speakers)
        skip = set(all_speakers) | {e.medium} | {sent.mention(s).affiliation for s in all_speakers}
        e.about = [mi for mi in sent.mentions if mi not in skip and sent.kind(mi) in ACTOR_KINDS | {"Place"}
                   and not _same_entity(sent, mi, all_speakers)]
        e.labels = [mi for mi in sent.mentions if sent.kind(mi) == "Group"
                    and sent.mention(mi).text.lower() in LABELS]
    return out, all_speakers


def _spoken_for(sent: Sent, speaker: int) -> list[int]:
    """Whom a speaker speaks for: a spokesperson's or lawyer's party ("Juru bicara Polri Setyo Wasisto" → Polri).

    When the spokesperson is not named ("Juru bicara Kremlin mengatakan"), the party is what the
    text names; it is spoken for, and the speaker stays unknown."""
    m = sent.mention(speaker)
    if m.role and m.role.lower() in SPOKESPERSON_ROLES and m.affiliation is not None:
        return [m.affiliation]
    j = sent.first_tok.get(speaker)      # None: a speaker named in an earlier sentence
    if j is not None and any(sent.any_phrase_at(k, SPOKESPEOPLE) == j - k for k in range(max(0, j - 3), j)):
        return [speaker]
    return []


def _same_entity(sent: Sent, mi: int, others: list[int]) -> bool:
    text = sent.mention(mi).text.lower()
    return any(sent.mention(o).text.lower() == text for o in others)


def _cited_media(sent: Sent) -> list[int]:
    """'Seperti dilansir dari BBC', 'menurut BBC': the outlet is the source when nobody speaks."""
    medium = _medium(sent, [])
    if medium is None:
        return []
    j = sent.first_tok[medium] - 1
    while j >= 0 and sent.toks[j].low in ("dari",):
        j -= 1
    return [medium] if j >= 0 and sent.toks[j].low in ("dikutip", "dilansir", "menurut") else []


def _figures(sent: Sent, events: list[Event], starts: dict[int, int], speeches: list[Speech],
             sources: list[int]) -> None:
    for q in find_quantities(sent.s.text, offset=sent.s.begin):
        q_start, q_end = sent.tok_at_char(q.begin), sent.tok_at_char(q.end - 1) + 1
        if _subset(sent, q_start):
            continue
        prop_at = _parsed_figure_prop(sent, q_end - 1) or _figure_prop(sent, q_start, q_end)
        if prop_at:
            prop, at = prop_at
            cls = FIGURE_CLASS[prop]
            candidates = [e for e in events if e.cls == cls and not e.negated]
            if not candidates:
                continue
            event = min(candidates, key=lambda e: abs(starts[id(e)] - at))
        else:
            event = _crowd_event(sent, q_start, q_end, events, starts)
            if event is None:
                continue
            prop = "count"
        retracted, by = _retraction(sent, q_start)
        source = _nearest_source(speeches, sources, q_start)
        event.figures.append(Figure(prop, q, reported_by=None if retracted else source,
                                    retracted=retracted, retracted_by=by))


def _nearest_source(speeches: list[Speech], sources: list[int], at: int) -> int | None:
    named = [sp for sp in speeches if sp.speakers]
    if named:
        return min(named, key=lambda sp: abs(sp.start - at)).speakers[0]
    return sources[0] if sources else None


def _resolve_anchored(events: list[Event], pending: list[_Pending], starts: dict[int, int]) -> None:
    """'sehari kemudian' after a dated event; 'sehari setelah X' from X's date, or X's date from the main event's."""
    for p in pending:
        days, at = p.ref.anchored_days, p.ref.start
        local = [e for e in p.events if e.cls != "Statement"]
        if p.ref.follows:
            after = [e for e in local if starts[id(e)] > at]
            before = [e for e in local if starts[id(e)] < at]
            if not after or not before:
                continue
            pointed, main = after[0], before[-1]
            if main.date is not None and pointed.date is None:
                pointed.date, pointed.date_text = main.date - timedelta(days=days), p.ref.text
            elif main.date is None:
                anchor = _class_date(events, pointed.cls, pointed)
                if anchor is not None:
                    main.date, main.date_text = anchor + timedelta(days=days), p.ref.text
                    if pointed.date is None:
                        pointed.date, pointed.date_text = anchor, p.ref.text
        else:
            earlier = [e for e in events if e.date is not None and (
                e.sentence < p.sentence or (e.sentence == p.sentence and starts[id(e)] < at))]
            if not earlier:
                continue
            anchor = earlier[-1].date
            for e in local:
                if e.date is None and starts[id(e)] > starts.get(id(earlier[-1]), -1):
                    e.date, e.date_text = anchor + timedelta(days=days), p.ref.text


def _class_date(events: list[Event], cls: str, exclude: Event) -> date | None:
    """The date most events of this class carry in the document: what "setelah X" points back to."""
    counts = Counter(e.date for e in events if e.cls == cls and e.date is not None and e is not exclude)
    return max(counts, key=lambda d: (counts[d], -d.toordinal())) if counts else None
