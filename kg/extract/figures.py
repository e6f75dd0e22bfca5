"""Figures of events: how many were killed, injured, missing, displaced, detained, deployed, or came out.

Why: casualty, detention and troop figures are what analysts compare across
sources. A number (kg.extract.numbers) is an event's figure when a figure word
stands near it ("500 orang ditahan") or the parse links the noun it counts to
one; a crowd that is a clause's subject sizes a protest (its protesters). The counts of one list
under one figure word are one figure, their sum ("dua polisi dan seorang warga
tewas": three killed). A part ("dua dari", "tiga orang yang ditangkap merupakan
..."), a count of what is planned ("akan ada 425 petugas yang dikerahkan") and
a count a figure word about someone else follows ("diperiksa terkait tewasnya")
are no figures. Each figure keeps who said it; one a speaker withdrew
("mencabut pernyataan") is kept and marked retracted.
"""
from __future__ import annotations

from kg.extract import arguments
from kg.extract.morphology import Phrases, parse_phrase, parse_spec
from kg.extract.numbers import LOWER_BOUNDS, find_quantities
from kg.extract.roles import CONJUNCTION, COORDINATION, RELATIVE, subject_before
from kg.extract.sentence import BREAKS, Sent
from kg.extract.statements import Speech
from kg.extract.triggers import NEGATION, negation_modality
from kg.lang import language
from kg.records import Event, Figure, Quantity

DATA = language().json("triggers.json")
FIG = DATA["figures"]
FIG_AFTER = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["after"].items()}
FIG_BEFORE = {prop: Phrases([parse_phrase(p) for p in words]) for prop, words in FIG["before"].items()}
COUNTED = Phrases([parse_phrase(p) for p in FIG["counted_nouns"]])
CROWD = Phrases([parse_phrase(p) for p in FIG["crowd_nouns"]])
SUBSET = Phrases([parse_phrase(p) for p in FIG["subset"]])
ELSEWHERE = set(FIG["elsewhere"])
DESCRIBING = set(FIG["describing"])
PART_OF = set(FIG["part_of"])
RETRACTION = [[parse_spec(p) for p in pat] for pat in DATA["retraction"]["patterns"]]
HARM = ("Casualties", "ArmedClash", "Bombing", "ViolenceAgainstCivilians", "Riot", "EmergencyMeasure")
FIGURE_CLASSES = {"killed": ("Casualties",), "injured": ("Casualties",), "missing": ("Casualties",),
                  "detained": ("Detention",), "deployed": ("MilitaryDeployment",),
                  "displaced": HARM}     # people who fled a clash, a strike or a disaster: a figure of that event
QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}
SHARED_HEDGES = {"atLeast", "moreThan", "about"}    # hedges a list's total keeps when its items share one
LIST_REACH = 8       # tokens from the end of one count to the next of the same list: "dua WNA (WNA) dan juga satu"


def add_figures(sent: Sent, events: list[Event], starts: dict[int, int], speeches: list[Speech],
                sources: list[int]) -> None:
    """Attach each number of the sentence that is a figure to the nearest event of its class, with its source;
    the counts of one list under one figure word make one figure, their sum."""
    found = find_quantities(sent.s.text, offset=sent.s.begin)
    spans = [(sent.tok_at_char(q.begin), sent.tok_at_char(q.end - 1) + 1) for q in found]
    others = {q_start for k, (q_start, _) in enumerate(spans)       # where counts start; a range's end is none
              if not (k and found[k].qualifier == "upTo" and q_start == spans[k - 1][1])}
    props = [_prop_at(sent, q_start, q_end, others) for q_start, q_end in spans]
    for group in _lists(sent, spans, props):
        heads = {props[k] for k in group if props[k]}
        if len(group) > 1 and len(heads) == 1:        # one list under one figure word: its total
            counts = [(_total(sent, [found[k] for k in group]), spans[group[0]][0], spans[group[-1]][1], heads.pop())]
        else:
            counts = [(found[k], *spans[k], props[k]) for k in group]
        for q, q_start, q_end, prop_at in counts:
            if not (_subset(sent, q_start) or _unreal(sent, q_start) or _of_whole(sent, q_end)
                    or _part(sent, q_start, q_end, prop_at, props, spans)):
                _attach(sent, events, starts, speeches, sources, q, q_start, q_end, prop_at)


def _attach(sent: Sent, events: list[Event], starts: dict[int, int], speeches: list[Speech], sources: list[int],
            q: Quantity, q_start: int, q_end: int, prop_at: tuple[str, int] | None) -> None:
    """Add the count in tokens [q_start, q_end) to the nearest event of the class its figure word names, or as
    a crowd's size to the protest it is the subject of."""
    if prop_at:
        prop, at = prop_at
        if _described(sent, q_start, q_end, at):
            return
        candidates = [e for e in events if e.cls in FIGURE_CLASSES[prop] and not e.negated]
        if not candidates:
            return
        event = min(candidates, key=lambda e: abs(starts[id(e)] - at))
    else:
        event = _crowd_event(sent, q_start, q_end, events, starts)
        if event is None:
            return
        prop = "protesters"
    retracted, by = _retraction(sent, q_start)
    source = _nearest_source(speeches, sources, q_start)
    event.figures.append(Figure(prop, q, reported_by=None if retracted else source,
                                retracted=retracted, retracted_by=by))


def _prop_at(sent: Sent, q_start: int, q_end: int, others: set[int]) -> tuple[str, int] | None:
    """(count property, token of its keyword) of the quantity in tokens [q_start, q_end): the parse's, else
    word order's, neither reaching over another count (``others``: where counts start)."""
    parsed = _parsed_figure_prop(sent, q_end - 1)
    if parsed and any(min(parsed[1], q_start) < o < max(parsed[1], q_end) for o in others - {q_start}):
        parsed = None       # "menangkap dua warga asing dan juga satu orang": the word is the nearer count's
    return parsed or _figure_prop(sent, q_start, q_end, others)


def _lists(sent: Sent, spans: list[tuple[int, int]], props: list[tuple[str, int] | None]) -> list[list[int]]:
    """The counts grouped into lists: a count joins the one before by "dan" or a comma, over no verb or
    clause break, when both count people ("dua penjaga sipil dan seorang warga sipil tewas", "satu juta
    anak, dua juta wanita dan tiga juta pria"); "lima orang dan tiga di antaranya tewas" is a whole and its
    part, "1.500 personel dan 40 anjing" no list of people."""
    groups: list[list[int]] = []
    for k in range(len(spans)):
        if k and _joined(sent, spans[k - 1], spans[k]) and all(props[n] or _counts_people(sent, spans[n][1])
                                                                for n in (k - 1, k)):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _joined(sent: Sent, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """"dan" or a comma, and no verb or clause break, between two near counts; the later no part of the other."""
    between = range(first[1], last[0])
    return len(between) <= LIST_REACH and not sent.any_phrase_at(last[1], SUBSET) \
        and any(sent.toks[j].low in COORDINATION or sent.toks[j].text == "," for j in between) \
        and not any(sent.is_break(j) or sent.parse is not None and sent.parse.pos[j] == "VERB" for j in between)


def _counts_people(sent: Sent, q_end: int) -> bool:
    """A noun of people, or a group's name, follows the count."""
    return q_end < len(sent.toks) and bool(sent.any_phrase_at(q_end, COUNTED) or sent.toks[q_end].mention is not None
                                           and sent.kind(sent.toks[q_end].mention) == "Group")


def _total(sent: Sent, items: list[Quantity]) -> Quantity:
    """The sum of a list's counts, spanning them; exact when all are, else the one hedge they share, else a
    lower bound when each is one ("puluhan polisi dan tiga warga": at least 13), else about."""
    hedges = {q.qualifier for q in items} - {"exact"}
    if not hedges:
        qualifier = "exact"
    elif len(hedges) == 1 and hedges <= SHARED_HEDGES:
        qualifier = hedges.pop()
    else:
        qualifier = "atLeast" if hedges <= LOWER_BOUNDS else "about"
    begin, end = items[0].begin, items[-1].end
    text = sent.s.text[begin - sent.s.begin:end - sent.s.begin]
    return Quantity(sum(q.value for q in items), qualifier, text, begin, end)


def _figure_prop(sent: Sent, q_start: int, q_end: int, others: set[int]) -> tuple[str, int] | None:
    """(count property, token index of the keyword) of the quantity in tokens [q_start, q_end)."""
    toks = sent.toks
    j, units = q_end, 0
    while j < len(toks) and units <= FIG["window"] and j not in others:
        if toks[j].text in (",", ";") or toks[j].low in BREAKS - {RELATIVE} or toks[j].low in ELSEWHERE | NEGATION:
            break           # "21 taruna diperiksa terkait tewasnya ...": the death is another's; "tidak ditahan": none
        for prop, phrases in FIG_AFTER.items():
            if sent.any_phrase_at(j, phrases):
                return prop, j
        j = (sent.last_tok[toks[j].mention] + 1) if toks[j].mention is not None else j + 1
        units += 1
    if not _counts_people(sent, q_end):
        return None
    j = q_start - 1
    while j >= 0 and q_start - j <= 4:
        for prop, phrases in FIG_BEFORE.items():
            if sent.any_phrase_at(j, phrases):
                return prop, j
        if toks[j].text in (",", ";") or toks[j].low in COORDINATION and any(j - 4 <= o < j for o in others):
            break           # "23 korban tewas dan 130 penumpang selamat": the words before "dan" are another count's
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
        if any(sent.is_break(k) or sent.toks[k].text == "," or _figure_word(sent, k) for k in range(lo + 1, hi)):
            continue      # a parse that reaches over "sementara", a comma or another figure word: word order decides
        if noun < at and any(sent.toks[k].low in NEGATION for k in range(noun + 1, at)):
            return None   # "dua orang tidak boleh ... diamankan": the figure word is denied of them
        prop = _figure_word(sent, at)
        if prop:
            return prop, at
    return None


def _figure_word(sent: Sent, j: int) -> str | None:
    """The count property of the figure word starting at token j, if one does."""
    return next((prop for prop in FIG_AFTER
                 if sent.any_phrase_at(j, FIG_AFTER[prop]) or sent.any_phrase_at(j, FIG_BEFORE[prop])), None)


def _crowd_event(sent: Sent, q_start: int, q_end: int, events: list[Event], starts: dict[int, int]) -> Event | None:
    """'Ribuan orang turun ke jalan', 'ratusan pengunjuk rasa menyerbu': the size of a protest or riot.

    Only a crowd that is the subject of its clause counts ("menyerang 500 warga sipil" does not)."""
    if not (q_end < len(sent.toks) and sent.any_phrase_at(q_end, CROWD)):
        return None
    before = sent.toks[q_start - 1] if q_start > 0 else None
    if before is not None and not (before.text in {",", CONJUNCTION} | QUOTE_MARKS or before.low in BREAKS):
        return None
    for e in events:
        if e.cls in ("Protest", "Riot") and 0 <= starts[id(e)] - q_end <= 5:     # "ribuan pengunjuk rasa": the crowd names it
            return e
    return None


def _unreal(sent: Sent, q_start: int) -> bool:
    """A count of what is planned, expected, denied or feared ("akan ada 425 petugas yang dikerahkan",
    "tidak ada korban"): no count of what happened, whatever the figure word's own reading."""
    negated, modality = negation_modality(sent, q_start)
    return negated or modality is not None


def _described(sent: Sent, q_start: int, q_end: int, at: int) -> bool:
    """"Tiga orang yang ditangkap merupakan pekerja ...": a sentence that says who the counted were (a
    copula after the relative clause of the figure word) restates a part of a total, not the total; unless
    the count is itself the total a part is taken of ("20 persen dari 3.000 demonstran yang ditahan adalah")."""
    rest = range(at + 1, min(len(sent.toks), at + 4))
    return not (q_start > 0 and sent.toks[q_start - 1].low in PART_OF) \
        and any(sent.toks[j].low == RELATIVE for j in range(q_end, at)) \
        and any(sent.toks[j].low in DESCRIBING for j in rest) and not any(sent.is_break(j) for j in rest)


def _part(sent: Sent, q_start: int, q_end: int, prop_at: tuple[str, int] | None,
          props: list[tuple[str, int] | None], spans: list[tuple[int, int]]) -> bool:
    """"23 orang tewas, 20 di antaranya tewas terbakar": a count of those among a whole that already has this
    figure is a part of it ("lima orang terlibat dan tiga di antaranya tewas" is the only figure); so is one
    with no count before it in its sentence, whose whole an earlier sentence gave ("Dua di antaranya
    mengalami luka berat" after "melukai enam orang")."""
    return prop_at is not None and bool(sent.any_phrase_at(q_end, SUBSET)) and \
        (any(p is not None and p[0] == prop_at[0] and p[1] < q_start for p in props)
         or all(start >= q_start for start, _ in spans))


def _of_whole(sent: Sent, q_end: int) -> bool:
    """"Lima orang dari sekian banyak korban luka": people counted among others named after "dari" are a
    part of that whole, whose figure word is not theirs ("dua warga dari Aleppo tewas" counts the dead)."""
    j = q_end + sent.any_phrase_at(q_end, COUNTED)
    return j < len(sent.toks) and sent.toks[j].low in PART_OF and \
        any(sent.any_phrase_at(k, COUNTED) for k in range(j + 1, min(len(sent.toks), j + 4)))


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
