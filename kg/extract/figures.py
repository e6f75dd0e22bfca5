"""Figures of events: how many were killed, injured, detained, deployed, or came out.

Why: casualty, detention and troop figures are what analysts compare across
sources. A number (kg.extract.numbers) is an event's figure when a figure word
stands near it ("500 orang ditahan") or the parse links the noun it counts to
one; a crowd that is a clause's subject sizes a protest. Each figure keeps who
said it; one a speaker withdrew ("mencabut pernyataan") is kept and marked
retracted.
"""
from __future__ import annotations

from kg.extract import arguments
from kg.extract.morphology import Phrases, parse_phrase, parse_spec
from kg.extract.numbers import find_quantities
from kg.extract.roles import CONJUNCTION, COORDINATION, RELATIVE, subject_before
from kg.extract.sentence import BREAKS, Sent
from kg.extract.statements import Speech
from kg.lang import language
from kg.records import Event, Figure

DATA = language().json("triggers.json")
FIG = DATA["figures"]
FIG_AFTER = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["after"].items()}
FIG_BEFORE = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["before"].items()}
COUNTED = Phrases([parse_phrase(p) for p in FIG["counted_nouns"]])
CROWD = Phrases([parse_phrase(p) for p in FIG["crowd_nouns"]])
SUBSET = Phrases([parse_phrase(p) for p in FIG["subset"]])
RETRACTION = [[parse_spec(p) for p in pat] for pat in DATA["retraction"]["patterns"]]
FIGURE_CLASS = {"killed": "Casualties", "injured": "Casualties", "detained": "Detention",
                "deployed": "MilitaryDeployment"}
QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}
LIST_REACH = 8       # tokens from the end of one count to the next of the same list: "dua WNA (WNA) dan juga satu"


def add_figures(sent: Sent, events: list[Event], starts: dict[int, int], speeches: list[Speech],
                sources: list[int]) -> None:
    """Attach each number of the sentence that is a figure to the nearest event of its class, with its source."""
    found = find_quantities(sent.s.text, offset=sent.s.begin)
    spans = [(sent.tok_at_char(q.begin), sent.tok_at_char(q.end - 1) + 1) for q in found]
    for k, (q, (q_start, q_end)) in enumerate(zip(found, spans)):
        if _subset(sent, q_start):
            continue
        prop_at = _prop_at(sent, q_start, q_end)
        if prop_at and k + 1 < len(spans) and _listed(sent, prop_at[1], q_end, *spans[k + 1]):
            continue
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


def _prop_at(sent: Sent, q_start: int, q_end: int) -> tuple[str, int] | None:
    """(count property, token of its keyword) of the quantity in tokens [q_start, q_end): the parse's, else
    word order's."""
    return _parsed_figure_prop(sent, q_end - 1) or _figure_prop(sent, q_start, q_end)


def _listed(sent: Sent, at: int, q_end: int, next_start: int, next_end: int) -> bool:
    """Another count joined to this one follows it ("menangkap dua warga asing dan juga satu orang
    Thailand": three were arrested) with no figure word of its own ("menahan 1.200 orang dan dua
    demonstran tewas", "menewaskan 22 orang dan melukai 59 lainnya" are two figures, a verb between them
    too): this count is only a part of what the figure word at token ``at``, before them, counts."""
    between = range(q_end, next_start)
    if at > q_end or next_start - q_end > LIST_REACH or not any(sent.toks[j].low in COORDINATION for j in between) \
            or any(sent.is_break(j) or sent.parse is not None and sent.parse.pos[j] == "VERB" for j in between):
        return False
    own = _prop_at(sent, next_start, next_end)
    return own is None or own[1] == at


def _figure_prop(sent: Sent, q_start: int, q_end: int) -> tuple[str, int] | None:
    """(count property, token index of the keyword) of the quantity in tokens [q_start, q_end)."""
    toks = sent.toks
    j, units = q_end, 0
    while j < len(toks) and units <= FIG["window"]:
        if toks[j].text in (",", ";") or toks[j].low in BREAKS - {RELATIVE}:
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
    for at in arguments.predicates(sent.parse, noun):
        lo, hi = sorted((noun, at))
        if any(sent.is_break(k) or sent.toks[k].text == "," for k in range(lo + 1, hi)):
            continue      # a parse that reaches over "sementara", "sedangkan" or a comma: word order decides
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
    if before is not None and not (before.text in {",", CONJUNCTION} | QUOTE_MARKS or before.low in BREAKS):
        return None
    for e in events:
        if e.cls in ("Protest", "Riot") and 0 < starts[id(e)] - q_end <= 5:
            return e
    return None


def _subset(sent: Sent, q_start: int) -> bool:
    """A part of a figure given before ("di antaranya 5 polisi"): not a figure of its own."""
    return any(sent.any_phrase_at(j, SUBSET) for j in range(max(0, q_start - 2), q_start))


def _retraction(sent: Sent, q_start: int) -> tuple[bool, int | None]:
    """Whether a retraction verb stands before the figure, and who withdrew it."""
    for j in range(q_start):
        if any(sent.phrase_at(j, pat) for pat in RETRACTION):
            who, _ = subject_before(sent, j)
            return True, (who[0] if who else None)
    return False, None


def _nearest_source(speeches: list[Speech], sources: list[int], at: int) -> int | None:
    """Who said the figure at token ``at``: the nearest named speaker, else the sentence's source."""
    named = [sp for sp in speeches if sp.speakers]
    if named:
        return min(named, key=lambda sp: abs(sp.start - at)).speakers[0]
    return sources[0] if sources else None
