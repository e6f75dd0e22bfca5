"""The date of a trigger within its sentence.

Why: a sentence may hold several dates and several events; an event takes the
date of its own clause, or the sentence's only date when nothing sets them
apart. Dates come from kg.extract.dates, never guessed. Phrases anchored on
another event ("sehari kemudian") are kept with the days they count, to be
resolved once the whole document is read (kg.extract.events).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.extract.dates import find_dates
from kg.extract.sentence import Sent
from kg.lang import language

DATA = language().json("triggers.json")
TALLIED = set(DATA["tallied"])
PERFECT = set(language().json("function_words.json")["perfect"])
ANCHOR_FOLLOWS = set(language().json("dates.json")["anchor_follows"])
_SENTINEL = date(2000, 1, 1)        # a fake anchor: tells anchored phrases ("sehari kemudian") apart


@dataclass
class DateRef:
    """A date phrase of a sentence, at its token."""
    start: int              # token index
    text: str
    date: date | None
    kind: str
    anchored_days: int | None = None   # "sehari kemudian": days from an anchor event
    follows: bool = False              # "sehari setelah X": X comes after the phrase


def sentence_dates(sent: Sent, published: date | None) -> list[DateRef]:
    """The date phrases of a sentence; an anchored one ("sehari kemudian") with the days it counts."""
    s = sent.s
    plain = find_dates(s.text, published, offset=s.begin)
    probe = {(d.begin, d.end): d for d in find_dates(s.text, published, offset=s.begin, anchor=_SENTINEL)}
    out = []
    for d in plain:
        ref = DateRef(sent.tok_at_char(d.begin), d.text, d.date, d.kind)
        other = probe.get((d.begin, d.end))
        if d.date is None and other is not None and other.date is not None:
            ref.anchored_days = (other.date - _SENTINEL).days
            ref.follows = d.text.split()[-1].lower() in ANCHOR_FOLLOWS
        out.append(ref)
    return out


def date_for(sent: Sent, dates: list[DateRef], start: int, cls: str) -> DateRef | None:
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
    return usable[0] if sent.linked(usable[0].start, start) else None


def _perfect(sent: Sent, start: int) -> bool:
    """A perfect marker right before the trigger: "telah ditangkap"."""
    return any(t.low in PERFECT for t in sent.toks[max(0, start - 2):start])


def _adjacent(sent: Sent, pos: int, lo: int) -> bool:
    """A sentence-initial date set off by a comma: 'Pada hari Selasa, ratusan pengunjuk rasa ...'."""
    return lo >= 2 and sent.toks[lo - 1].text == "," and pos < lo and not any(
        sent.is_break(k) or sent.toks[k].text == "," for k in range(pos, lo - 1))


def until(dates: list[DateRef], sent: Sent, start: int) -> date | None:
    """The date an event lasts until ("hingga 19 Januari"), from the trigger on in its clause."""
    lo, hi = sent.clause(start)
    for d in dates:
        if d.kind == "until" and d.date and start <= d.start <= hi + 3:
            return d.date
    return None
