"""Cross-document event identity: which reports in different articles are one incident.

Why: "polisi", "warga", a dateline or a whole country join reports of unrelated incidents
(one detention would span 25 articles that share only "polisi"). Two reports are one incident,
as an analyst would sign it, only when

- their class, sense, negation and modality are the same;
- their dates agree: the same day, or inside a stated range. A report whose text gives no date
  stands on its publication date, which may follow the incident: by a day when it is news, by
  up to ``LATE_REPORT`` days when a later article recalls it (then the date adds nothing to the
  score, and the shared keys alone must reach the threshold);
- their places agree at the most specific level known: two sets of towns or sites must share
  one; a country says too little to disagree with a town;
- their specific agents, and their other specific participants (targets, partners: people and
  organisations), overlap when both name some (two verdicts of one court on one day, two arrests
  in one case, a minister's two meetings, are apart); a statement needs the same speaker, and
  when a publication date stands in for its day, some of the same words too (a spokesperson
  says many things in a week). On a day both texts state, one speaker's statements are one
  occasion, as an analyst counts a press conference that two articles quote in different parts;
  two occasions that day in different places are kept apart by the places;
- they share a specific participant or place: a person, an organisation that is not a news
  outlet, a place below the country. Generic groups, outlets and countries never count;
- the score of what they share (``WEIGHTS``, plus the date) reaches the threshold.

Candidates are the reports that share such a key and whose dates are close, so the cost grows
with the corpus, not its square. The blocks of reports sharing a key are scored in batches, a
map that a cluster may run on its workers (kg.cluster). Pairs are joined best first (score, then IRIs), and a join is
refused when any two reports of the two incidents disagree or when both hold a report of the
same article (the article's own coreference already kept them apart): the result depends on
the set of reports only, never on the order in which they were read.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations
from typing import Callable

THRESHOLD = 2.5          # default strictness: a person and a day, a site and a day, a town and a stated day
WEIGHTS = {"person": 2.0, "site": 2.0, "town": 1.5, "organisation": 1.0, "region": 1.0}
STATED_DATE = 1.0        # both texts give the same day
PUBLICATION_DATE = 0.5   # a publication date stands in for one of them, a day after at most
PUBLICATION_LAG = 1      # days by which news of an incident may follow it
LATE_REPORT = 30         # days by which a later article may recall an incident without dating it
QUOTE_OVERLAP = 0.2       # share of the shorter quote's words that two reports of one statement share
BATCH = 20_000            # reports (counted once per block they are in) scored in one task


@dataclass(frozen=True)
class Report:
    """One article's event, as cross-document identity compares it."""
    iri: str                         # the article-level event IRI
    document: str
    published: datetime.date | None
    kind: tuple                      # (class, sense, negated, modality)
    date: datetime.date | None       # the stated date, else the publication date
    date_stated: bool
    end_date: datetime.date | None = None
    keys: frozenset[tuple[str, str]] = frozenset()     # (weight kind, entity IRI): what may link
    agents: frozenset[str] = frozenset()               # specific agents
    others: frozenset[str] = frozenset()               # specific targets and partners
    sites: frozenset[str] = frozenset()                # places below the country
    countries: frozenset[str] = frozenset()
    speaker: str | None = None
    quote_words: frozenset[str] = frozenset()


@dataclass
class Merge:
    """Why two reports were joined: the keys they share and the score."""
    a: str
    b: str
    score: float
    shared: list[tuple[str, str]]
    date: datetime.date | None
    date_stated: bool


@dataclass
class Incident:
    iri: str
    reports: list[Report]
    merges: list[Merge] = field(default_factory=list)


def incidents(reports: list[Report], threshold: float = THRESHOLD, map: Callable = map) -> list[Incident]:
    """The incidents that join reports of two or more articles; ``map`` scores the batches of
    blocks (the builtin, or a cluster's)."""
    by_iri = {r.iri: r for r in reports}
    members: dict[str, list[str]] = {}      # root → report IRIs, for the reports joined so far only:
    root: dict[str, str] = {}               # a container per report would make the stage's garbage
    merges: dict[str, list[Merge]] = defaultdict(list)     # collection grow faster than the corpus
    scored = map(partial(_block_merges, threshold=threshold), _batches(_blocks(reports)))
    for merge in sorted((m for batch in scored for m in batch), key=lambda m: (-m.score, m.a, m.b)):
        ra, rb = root.get(merge.a, merge.a), root.get(merge.b, merge.b)
        left, right = members.get(ra, [ra]), members.get(rb, [rb])
        if ra == rb or not _joinable([by_iri[i] for i in left], [by_iri[i] for i in right]):
            continue
        keep, gone = sorted((ra, rb))
        members[keep] = left + right
        members.pop(gone, None)
        merges[keep] += merges.pop(gone, []) + [merge]
        for i in members[keep]:
            root[i] = keep
    found = []
    for key, iris in members.items():
        group = sorted((by_iri[i] for i in iris), key=_seniority)
        found.append(Incident(group[0].iri, group, sorted(merges[key], key=lambda m: (m.a, m.b))))
    return sorted(found, key=lambda inc: inc.iri)


def _seniority(r: Report) -> tuple:
    """The first report of an incident names it: the earliest published, then the smallest IRI."""
    return (r.published or datetime.date.max, r.iri)


def _blocks(reports: list[Report]) -> list[tuple[tuple, list[Report]]]:
    """Dated reports grouped by (kind, key), in a fixed order."""
    blocks: dict[tuple, list[Report]] = defaultdict(list)
    for r in reports:
        if r.date is None:
            continue
        for key in r.keys:
            blocks[(r.kind, key)].append(r)
    return sorted(blocks.items(), key=lambda item: repr(item[0]))


def _batches(blocks: list) -> list[list]:
    """Blocks cut into batches of about ``BATCH`` reports, one task each."""
    batches, size = [[]], 0
    for block in blocks:
        if size >= BATCH:
            batches.append([])
            size = 0
        batches[-1].append(block)
        size += len(block[1])
    return batches


def _block_merges(batch: list, threshold: float) -> list[Merge]:
    """The merges one batch of blocks gives."""
    return [merge for block in batch for merge in _scored(block, threshold)]


def _scored(block: tuple, threshold: float):
    """Pairs of reports of one block whose dates are close enough, scored. A pair is scored in the
    block of the smallest key its reports share only, so no set of pairs seen is kept."""
    (_, key), reports = block
    reach = datetime.timedelta(days=LATE_REPORT)
    reports = sorted(reports, key=lambda r: (r.date, r.iri))
    for i, a in enumerate(reports):
        for b in reports[i + 1:]:
            if b.date - (a.end_date or a.date) > reach:
                break
            if min(a.keys & b.keys) != key:
                continue
            merge = score(a, b)
            if merge and merge.score >= threshold:
                yield merge


def score(a: Report, b: Report) -> Merge | None:
    """The merge two reports would make, or None when they cannot be one incident."""
    if a.document == b.document or not compatible(a, b):
        return None
    shared = sorted(a.keys & b.keys)
    if not shared:
        return None
    stated = a.date_stated and b.date_stated
    total = sum(WEIGHTS[kind] for kind, _ in shared) + _date_weight(a, b)
    pair = sorted((a, b), key=lambda r: r.iri)
    return Merge(pair[0].iri, pair[1].iri, total, shared, a.date if a.date_stated else b.date, stated)


def compatible(a: Report, b: Report) -> bool:
    """Nothing the two reports say keeps them apart."""
    return conflict(a, b) is None


def conflict(a: Report, b: Report) -> str | None:
    """What the two reports say that keeps them apart, or None."""
    if a.kind != b.kind:
        return "kind"                 # class, sense, negation or modality
    if a.date is None or b.date is None or not _dates_agree(a, b):
        return "dates"
    if a.sites and b.sites and not a.sites & b.sites:
        return "places"
    if not (a.sites or b.sites) and a.countries and b.countries and not a.countries & b.countries:
        return "countries"
    if a.agents and b.agents and not a.agents & b.agents:
        return "agents"
    if a.others and b.others and not a.others & b.others:
        return "participants"
    if a.kind[0] == "Statement":
        if not a.speaker or a.speaker != b.speaker:
            return "speaker"
        words = min(len(a.quote_words), len(b.quote_words))
        same_words = words > 0 and len(a.quote_words & b.quote_words) >= QUOTE_OVERLAP * words
        if not (same_words or (a.date_stated and b.date_stated)):   # both stated: the day agrees
            return "quoted words"
    return None


APART = ("kind", "dates", "places", "countries", "agents", "participants", "speaker", "quoted words",
         "nothing specific shared", "score below the threshold", "another report disagrees")  # far to near


def apart_because(a: Report, b: Report, threshold: float = THRESHOLD) -> str:
    """Why two reports of different articles are not one incident, one of ``APART``: the last when
    the pair alone would be joined, and a third report of either incident disagrees."""
    merge = score(a, b)
    if merge is None:
        return conflict(a, b) or "nothing specific shared"
    return "another report disagrees" if merge.score >= threshold else "score below the threshold"


def _dates_agree(a: Report, b: Report) -> bool:
    return _date_weight(a, b) is not None


def _date_weight(a: Report, b: Report) -> float | None:
    """What the two dates add to the score; None when they disagree."""
    if a.date_stated and b.date_stated:
        return STATED_DATE if _within(a.date, b) or _within(b.date, a) else None
    if a.date_stated or b.date_stated:
        stated, other = (a, b) if a.date_stated else (b, a)
        lag = 0 if _within(other.date, stated) else (other.date - (stated.end_date or stated.date)).days
    else:
        lag = abs((a.date - b.date).days)
    if 0 <= lag <= PUBLICATION_LAG:
        return PUBLICATION_DATE
    return 0.0 if 0 <= lag <= LATE_REPORT else None


def _within(day: datetime.date, r: Report) -> bool:
    return r.date <= day <= (r.end_date or r.date)


def _joinable(left: list[Report], right: list[Report]) -> bool:
    """Every report of one incident agrees with every report of the other, and no article is in both."""
    if {r.document for r in left} & {r.document for r in right}:
        return False
    return all(compatible(a, b) for a in left for b in right)


def pairs_within(incident: Incident) -> list[tuple[str, str]]:
    """The pairs of articles an incident joins (what the pair gold scores)."""
    docs = sorted({r.document for r in incident.reports})
    return list(combinations(docs, 2))
