"""The date of a trigger within its sentence.

Why: a sentence may hold several dates and several events; an event takes the
date of its own clause, or the sentence's only date when nothing sets them
apart. Dates come from kg.extract.dates, never guessed. Phrases anchored on
another event ("sehari kemudian") are kept with the days they count, to be
resolved once the whole document is read (kg.extract.events). A quote's "hari
ini" is the day the words were said, which the article may give as another day
than its own ('" ... hari ini," kata X, Senin (11/12)' in a paper of Tuesday).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.extract.dates import WEEKDAYS, find_dates
from kg.extract.sentence import Sent
from kg.extract.triggers import is_speech
from kg.lang import language

DATA = language().json("triggers.json")
TALLIED = set(DATA["tallied"])
PERFECT = set(language().json("function_words.json")["perfect"])
DATES = language().json("dates.json")
ANCHOR_FOLLOWS = set(DATES["anchor_follows"])
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
    quoted: bool = False               # the speaker's words
    said: bool = False                 # the speaker's "hari ini": the day of saying


def sentence_dates(sent: Sent, published: date | None) -> list[DateRef]:
    """The date phrases of a sentence; an anchored one ("sehari kemudian") with the days it counts; a
    quote's "hari ini", "kemarin", "Senin lalu" counted from the day the article gives a speech; the
    writer's "hari ini" is the weekday and date the sentence spells out ("hari ini, Selasa (14/11)")."""
    s = sent.s
    quoted = quoted_tokens(sent)
    plain = find_dates(s.text, published, offset=s.begin)
    probe = {(d.begin, d.end): d for d in find_dates(s.text, published, offset=s.begin, anchor=_SENTINEL)}
    spoken = published
    if any(d.relative and quoted[sent.tok_at_char(d.begin)] for d in plain):
        spoken = speech_day(sent, published) or published
        again = {(d.begin, d.end): d for d in find_dates(s.text, spoken, offset=s.begin)}
        plain = [again[d.begin, d.end] if d.relative and quoted[sent.tok_at_char(d.begin)] else d for d in plain]
    told = _told_day(plain, [quoted[sent.tok_at_char(d.begin)] for d in plain])
    out = []
    for d in plain:
        start = sent.tok_at_char(d.begin)
        ref = DateRef(start, d.text, d.date, d.kind, quoted=quoted[start])
        if told and not ref.quoted and DATES["relative"].get(" ".join(d.text.lower().split())) == 0:
            ref.date = told
        ref.said = ref.quoted and d.relative and d.date is not None and d.date == spoken
        other = probe.get((d.begin, d.end))
        if d.date is None and other is not None and other.date is not None:
            ref.anchored_days = (other.date - _SENTINEL).days
            ref.follows = d.text.split()[-1].lower() in ANCHOR_FOLLOWS
        out.append(ref)
    return out


def _told_day(plain, quoted: list[bool]) -> date | None:
    """The day the writer spells out ("Selasa (14/11)"), if one: the day the sentence's own "hari ini"
    means, which a paper of the next morning would otherwise count from its publication."""
    days = {d.date for d, q in zip(plain, quoted) if not q and not d.relative and d.date and d.kind == "event"
            and any(w in WEEKDAYS for w in d.text.split())}
    return days.pop() if len(days) == 1 else None


def date_for(sent: Sent, dates: list[DateRef], start: int, cls: str) -> DateRef | None:
    """The date in the trigger's clause; else the sentence's only date, unless a clause word
    ("yang", "setelah", "bahwa") or a perfect ("telah") sets the trigger apart from it. A
    "sejak" date dates a state ("keadaan darurat sejak 5 Januari"), not a tally. Quotes keep their
    own dates (_may_date)."""
    told = cls != "Statement" and quoted_tokens(sent)[start]
    usable = [d for d in dates if (d.kind == "event" or (d.kind == "since" and cls not in TALLIED))
              and _may_date(d, cls, told)]
    lo, hi = sent.clause(start)
    in_clause = [d for d in usable if lo <= d.start < hi + 1 or (d.start <= 1 and _adjacent(sent, d.start, lo))]
    if in_clause:
        return min(in_clause, key=lambda d: abs(d.start - start))
    if len(usable) != 1 or usable[0].date is None or _perfect(sent, start):
        return None
    return usable[0] if sent.linked(usable[0].start, start) else None


def _may_date(d: DateRef, cls: str, told: bool) -> bool:
    """What a speaker tells of (``told``) takes the quote's dates only ('"Ini korban pembunuhan," ujarnya,
    Selasa'); the saying takes no date from its quote ('"... laga besok," tambahnya') but "hari ini"."""
    if told:
        return d.quoted
    return cls != "Statement" or not d.quoted or d.said


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


def quoted_tokens(sent: Sent) -> list[bool]:
    """Which tokens are quoted, counting those of a quote begun in an earlier sentence, before the
    mark that closes it: a closing mark, or one the sentence ends with or a verb of saying follows
    ('Dia akan main di laga besok, " tambahnya')."""
    quoted = list(sent.in_quote)
    for k, tok in enumerate(sent.toks):
        if tok.text in ('"', "“", "”"):
            if tok.text == "”" or k + 1 == len(sent.toks) or any(
                    is_speech(sent, j) for j in range(k + 1, min(k + 3, len(sent.toks)))):
                quoted[:k] = [True] * k
            break
    return quoted


def speech_day(sent: Sent, published: date | None) -> date | None:
    """The day the article gives a speech ('" ... ," kata X, Selasa (14/11)') in this sentence or the
    nearest one before that dates one: the day a later quote's "hari ini" means."""
    said: Sent | None = sent
    while said is not None:
        found = [d for d in find_dates(said.s.text, published, offset=said.s.begin) if d.kind == "event" and d.date]
        quoted = quoted_tokens(said) if found else []
        verbs = [i for i in range(len(said.toks)) if found and not quoted[i] and is_speech(said, i)]
        days = [d for d in found if not quoted[said.tok_at_char(d.begin)]]
        if verbs and days:
            return min(days, key=lambda d: min(abs(said.tok_at_char(d.begin) - i) for i in verbs)).date
        said = said.previous
    return None
