"""Date expressions in Indonesian news, resolved against the publication date.

Why: events need a calendar day, but articles say "pada hari Rabu", "kemarin"
or "Kamis (06/01/2022)". Weekday names resolve to the latest such day on or
before publication. A phrase that names no single day ("pekan lalu", "dalam
dua hari", "awal pekan ini") is still reported, with ``date=None``: a day is
never guessed. Years alone ("pada tahun 1997", "sejak 1991") date background
facts, not the event of the sentence: they come back as kind "fact" with only
``year`` set. Word lists live in the language folder's dates.json (kg/lang/).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kg.lang import language

DATA = language().json("dates.json")

WEEKDAYS: dict[str, int] = DATA["weekdays"]
MONTHS: dict[str, int] = DATA["months"]


@dataclass
class DateMention:
    """A date expression; ``date`` is None when it names no single day (or cannot be resolved)."""
    begin: int
    end: int
    text: str
    date: date | None
    kind: str                     # event | fact | since | until
    year: int | None = None
    relative: bool = False        # counted from the day of writing: "hari ini", "Selasa lalu"


def _key(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def _alt(words) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PREFIX = rf"(?<!\w)(?:(?P<prep>{_alt(DATA['prepositions'])})\s+)?"
_DAY_NOUN = rf"(?:(?P<noun>{_alt(DATA['day_nouns'])})\s+)?"
_WEEKDAY = rf"(?P<wd>(?-i:{_alt(WEEKDAYS)}))"
_MONTH = _alt(MONTHS)
_DIGIT_START = r"(?<![\d.,/:])"
_DMY = rf"{_DIGIT_START}(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\b(?:\.?,?\s+(?P<y>\d{{4}})(?!\d))?"
_SLASH = rf"{_DIGIT_START}(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:/(?P<sy>\d{{4}}|\d{{2}}))?(?![\d/])"
_ISO = rf"{_DIGIT_START}(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\d-])"
_MDY = rf"(?P<em>{_MONTH})\b\.?\s+(?P<ed>\d{{1,2}}),?\s+(?P<ey>\d{{4}})(?!\d)"
_COUNT = rf"(?:\d+|{_alt(DATA['count_words'])})"
_END = r"(?!\w)"
_DIGIT = re.compile(r"\d")


def _weekday_days(published: date, weekday: int, marker: str | None) -> int:
    """Days from publication to the named weekday: on or before it, or strictly past/future."""
    if marker == "future":
        return (weekday - published.weekday()) % 7 or 7
    back = (published.weekday() - weekday) % 7
    return -(back or (7 if marker == "past" else 0))


def _shift(d: date | None, days: int) -> date | None:
    try:
        return d + timedelta(days=days) if d is not None else None
    except OverflowError:
        return None


def _make(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except (ValueError, OverflowError, TypeError):
        return None


def _with_year(published: date | None, month, day, after: str = "") -> date | None:
    """A day and month without a year: the publication year, or the year before if too far ahead;
    "17 April lalu" is the last 17 April before publication, "15 Desember mendatang" the next one."""
    if published is None:
        return None
    d = _make(published.year, month, day)
    marker = DATA["weekday_markers"].get(after)
    if d is not None and (d > published if marker == "past" else (d - published).days > DATA["future_limit_days"]):
        d = _make(published.year - 1, month, day)
    elif d is not None and marker == "future" and d < published:
        d = _make(published.year + 1, month, day)
    return d


def _word_around(text: str, begin: int, end: int) -> tuple[str, str]:
    before = re.search(r"(\w+)\W*$", text[max(0, begin - 40):begin])
    after = re.match(r"\W*(\w+)", text[end:end + 40])
    return (before.group(1).casefold() if before else "", after.group(1).casefold() if after else "")


def _is_week(m: re.Match) -> bool:
    """'Minggu' means 'week' in "minggu lalu", "dua Minggu", "Minggu ini" (but not in "hari Minggu ini")."""
    if m["wd"] != DATA["week_word"] or m["noun"]:
        return False
    before, after = _word_around(m.string, m.start("wd"), m.end("wd"))
    return after in DATA["week_followers"] or before.isdigit() or before in DATA["week_preceders"]


def _explicit(m, published, anchor):
    if m["d"]:
        y, mo, d = m["y"], MONTHS.get(_key(m["m"])), m["d"]
    elif m["sd"]:
        if m["sy"] is None and m["wd"] is None:
            return None               # "1/2" alone is a fraction, not a date
        y, mo, d = m["sy"], m["sm"], m["sd"]
        y = f"20{y}" if y and len(y) == 2 else y
    elif m["iy"]:
        y, mo, d = m["iy"], m["im"], m["id"]
    else:
        y, mo, d = m["ey"], MONTHS.get(_key(m["em"])), m["ed"]
    day = _make(y, mo, d) if y else _with_year(published, mo, d, _word_around(m.string, m.start(), m.end())[1])
    return day, (day.year if day else int(y) if y else None)


def _weekday(m, published, anchor):
    if _is_week(m):
        return None
    if published is None:
        return None, None
    marker = DATA["weekday_markers"].get(_key(m["mark"]))
    day = _shift(published, _weekday_days(published, WEEKDAYS[m["wd"]], marker))
    return day, (day.year if day else None)


def _in_range(year: int) -> bool:
    low, high = DATA["year_range"]
    return low <= year <= high


def _month_year(m, published, anchor):
    year = int(m["y"])
    return (None, year) if _in_range(year) else None


def _year(m, published, anchor):
    year = int(m["year"])
    if not (m["prep"] or m["ynoun"]) or not _in_range(year):
        return None
    return None, year


def _relative(table: str, base: str):
    def resolve(m, published, anchor):
        days = DATA[table].get(_key(m["rel"]))
        day = _shift(published if base == "published" else anchor, days) if days is not None else None
        return day, (day.year if day else None)
    return resolve


def _unresolved(m, published, anchor):
    return None, None


def _rule(core: str, resolve, fact: bool = False, digits: bool = False, relative: bool = False):
    """A compiled rule; ``digits``: it cannot match a text without a digit, so such texts skip it;
    ``relative``: it counts from the day of writing."""
    return re.compile(_PREFIX + core + _END, re.IGNORECASE), resolve, fact, digits, relative


_RULES = [
    _rule(rf"{_DAY_NOUN}(?:{_WEEKDAY}\s*,?\s*)?(?P<open>\()?(?:{_DMY}|{_SLASH}|{_ISO}|{_MDY})(?(open)\))",
          _explicit, digits=True),
    _rule(rf"{_DAY_NOUN}{_WEEKDAY}(?:\s+(?P<part>{_alt(DATA['parts_of_day'])}))?"
          rf"(?:\s+(?P<mark>{_alt(DATA['weekday_markers'])}))?", _weekday, relative=True),
    _rule(rf"(?:(?:{_alt(DATA['month_nouns'])})\s+)?(?P<m>{_MONTH})\b\.?\s+(?P<y>\d{{4}})(?![\d.,]\d)", _month_year, fact=True, digits=True),
    _rule(rf"(?:(?P<ynoun>{_alt(DATA['year_nouns'])})\s+)?{_DIGIT_START}(?P<year>\d{{4}})(?![\d.,]\d|-an)",
          _year, fact=True, digits=True),
    _rule(rf"(?P<rel>{_alt(DATA['relative'])})", _relative("relative", "published"), relative=True),
    _rule(rf"(?P<rel>{_alt(DATA['anchor_relative'])})", _relative("anchor_relative", "anchor")),
    _rule("(?:" + "|".join(p.replace("{n}", _COUNT) for p in DATA["unresolved"]) + ")", _unresolved),
]


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def find_dates(text: str, published: date | None = None, offset: int = 0,
               anchor: date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, left to right, without overlaps.

    ``published`` anchors weekdays and "kemarin"; ``anchor`` (the date of the event a
    sentence refers back to) anchors "sehari kemudian". Offsets are ``offset`` + index in text.
    """
    if not isinstance(text, str):
        return []
    published, anchor = _as_date(published), _as_date(anchor)
    found = []
    for order, m in _matches(text):
        _, resolve, fact, _, relative = _RULES[order]
        resolved = resolve(m, published, anchor)
        if resolved is None:
            continue
        day, year = resolved
        kind = "fact" if fact else DATA["prepositions"].get(_key(m["prep"]), "event")
        found.append((m.start(), -m.end(), order,
                      DateMention(m.start() + offset, m.end() + offset, m.group(), day, kind, year, relative)))
    return _leftmost_longest(found)


@lru_cache(maxsize=512)
def _matches(text: str) -> tuple:
    """The rules' matches in a text; cached because a sentence is read with several anchors."""
    has_digit = _DIGIT.search(text) is not None
    return tuple((order, m) for order, (regex, _, _, digits, _) in enumerate(_RULES)
                 if has_digit or not digits for m in regex.finditer(text))


def _leftmost_longest(found) -> list[DateMention]:
    kept, end = [], -1
    for begin, neg_end, _, mention in sorted(found, key=lambda t: t[:3]):
        if begin >= end:
            kept.append(mention)
            end = -neg_end
    return kept
