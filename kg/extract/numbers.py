"""Counts of people and things in Indonesian news ("sedikitnya delapan polisi").

Why: casualty, detention and troop figures are what analysts compare across
sources, so each figure keeps the hedge the text put on it. Qualifiers:
exact, atLeast, moreThan, about ("hampir 400" = nearly 400 is coded about),
lessThan, upTo. Vague quantities follow ACLED's conservative coding, which
records the lowest figure a vague estimate allows (ACLED: "tens" 10,
"dozens" 12, "hundreds" 100): "puluhan" (tens, usually rendered "dozens")
→ 10 "dozens", "belasan" → 11 "teens", "ratusan" → 100 "hundreds", "ribuan"
→ 1000 "thousands", "puluhan ribu" → 10000 "tensOfThousands", "jutaan" →
1000000 "millions". The value of a vague quantity is a lower bound.

Figures that are not counts are skipped: years, dates and times (what
kg.extract.dates finds, "17.30"), money ("$600", "530 euro"), percentages,
ages and durations ("berusia 81 tahun", "enam bulan"), ordinals ("ke-3"),
measures. Word lists live in the language folder's numbers.json (kg/lang/).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extract.dates import find_dates
from kg.lang import language
from kg.records import Quantity

DATA = language().json("numbers.json")

_TOKEN = re.compile(r"\w+(?:[-.,:/']\w+)*|[^\w\s]")
_FIGURE = re.compile(r"(?P<num>[0-9](?:[0-9.,]*[0-9])?)(?P<an>-?an)?")
_SENTENCE_OPENERS = {".", "!", "?", ":", ";", "“", "”", '"', "‘", "'", "(", "[", "-", "–", "—", "•"}
# qualifiers whose value is a lower bound: a sum of such counts is at least the sum
LOWER_BOUNDS = {"atLeast", "moreThan"} | {entry["qualifier"] for entry in DATA["vague"].values()}
_NOT_BEFORE = {w: kind for kind, words in DATA["not_count_before"].items() for w in words}
_NOT_AFTER = {w: kind for kind, words in DATA["not_count_after"].items() for w in words}
# words a number can start with; a sentence with none of them and no digit has no figure
_FIRST_WORDS = frozenset([k.split()[0] for k in DATA["vague"]] + [*DATA["standalone"], *DATA["units"],
                         *DATA["se_words"], *DATA["se_scales"]])
_DIGIT = re.compile(r"[0-9]")
_FIRST_WORD = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(_FIRST_WORDS, key=len, reverse=True)))
                         + r")(?!\w)", re.IGNORECASE)


@dataclass
class _Token:
    begin: int
    end: int
    raw: str
    low: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(), m.group().casefold()) for m in _TOKEN.finditer(text)]


def _phrase_at(toks: list[_Token], i: int, table: dict, longest: int = 3) -> tuple[str, int] | None:
    """The longest key of ``table`` spelled by the tokens from i: (key, index after it)."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        key = " ".join(t.low for t in toks[i:i + n])
        if key in table:
            return key, i + n
    return None


def _phrase_before(toks: list[_Token], i: int, table: dict, longest: int = 3) -> tuple[str, int] | None:
    """The longest key of ``table`` spelled by the tokens ending just before i: (key, its first index)."""
    for n in range(min(longest, i), 0, -1):
        key = " ".join(t.low for t in toks[i - n:i])
        if key in table:
            return key, i - n
    return None


def _parse_figure(digits: str, scaled: bool) -> Decimal | None:
    """'2.000' → 2000, '1,8' (before 'juta') → 1.8, '2,500' (English, alone) → 2500; '17.30' → None."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", digits):
        return Decimal(digits.replace(".", ""))
    if scaled and re.fullmatch(r"\d+[.,]\d+", digits):
        return Decimal(digits.replace(",", "."))
    if not scaled and re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return Decimal(digits.replace(",", ""))
    return None


def _figure(toks: list[_Token], i: int) -> tuple[int, str, int] | None:
    """Digits, with an optional scale word ('1,8 juta') or -an suffix ('100-an')."""
    m = _FIGURE.fullmatch(toks[i].low)
    if not m:
        return None
    scale = DATA["scales"].get(toks[i + 1].low) if i + 1 < len(toks) and not m["an"] else None
    try:
        value = _parse_figure(m["num"], scale is not None)
        value = value * scale if value is not None and scale else value
    except InvalidOperation:
        return None
    if value is None or value != value.to_integral_value():
        return None
    qualifier = DATA["approximate_suffix"] if m["an"] else "exact"
    return int(value), qualifier, i + (2 if scale else 1)


def _words(toks: list[_Token], i: int) -> tuple[int, str, int] | None:
    """Number words: 'delapan', 'dua belas', 'tiga ratus', 'seribu', 'dua ratus ribu'."""
    total, group, unit, j = 0, 0, None, i
    units, tens, scales = DATA["units"], DATA["tens"], DATA["scales"]
    while j < len(toks):
        w = toks[j].low
        if w in units and unit is None:
            unit = units[w]
        elif w == DATA["teen_word"] and unit is not None:
            group, unit = group + 10 + unit, None
        elif w in tens and unit is not None:
            group, unit = group + unit * tens[w], None
        elif w in DATA["se_words"] and unit is None:
            group += DATA["se_words"][w]
        elif w in scales and (group or unit):
            total, group, unit = total + (group + (unit or 0)) * scales[w], 0, None
        elif w in DATA["se_scales"] and unit is None and not group:
            total += DATA["se_scales"][w]
        else:
            break
        j += 1
    return (total + group + (unit or 0), "exact", j) if j > i else None


def _vague(toks: list[_Token], i: int) -> tuple[int, str, int] | None:
    hit = _phrase_at(toks, i, DATA["vague"], longest=2)
    if not hit:
        return None
    entry = DATA["vague"][hit[0]]
    return entry["value"], entry["qualifier"], hit[1]


def _standalone(toks: list[_Token], i: int) -> tuple[int, str, int] | None:
    value = DATA["standalone"].get(toks[i].low)
    return (value, "exact", i + 1) if value is not None else None


def _is_name(toks: list[_Token], i: int) -> bool:
    """A capitalised number word inside a sentence is a name ("di Lima")."""
    raw = toks[i].raw
    return raw[:1].isupper() and not raw.isupper() and i > 0 and toks[i - 1].raw not in _SENTENCE_OPENERS


def _number_at(toks: list[_Token], i: int) -> tuple[int, str, int] | None:
    """(value, qualifier, index after) of the number starting at token i."""
    if _is_name(toks, i):
        return _vague(toks, i) or _figure(toks, i)
    return _vague(toks, i) or _figure(toks, i) or _standalone(toks, i) or _words(toks, i)


def _code(word: str) -> bool:
    """A model's letters before its number: "S", "F", "Su", "MiG", "AK"."""
    return 1 <= len(word) <= 3 and word[:1].isupper() and word.isalpha()


def _not_count(toks: list[_Token], i: int, j: int, dates: list[tuple[int, int]]) -> str | None:
    """Why the figure in tokens i..j-1 is not a count, or None when it is one."""
    before = toks[i - 1].low if i > 0 else ""
    if before == "." and i > 1:
        before = toks[i - 2].low       # "Rp. 1.000", "No. 5"
    after = toks[j].low if j < len(toks) else ""
    if any(b <= toks[i].begin < e for b, e in dates):
        return "date"
    if before == "(" and after == ")":
        return "bracketed"            # an age after a name, "Budi (45)", or an aside: never a count
    if before == "-" and i > 1 and (_code(toks[i - 2].raw) or toks[i - 2].end == toks[i - 1].begin
                                    and toks[i - 2].low[:1].isalpha() and toks[i - 1].end == toks[i].begin
                                    or i > 2 and toks[i - 2].low.isdigit() and toks[i - 3].low == "-"):
        return "name"                 # "S-300", "F-16", "Su-35", "S - 400" (detokenised text), "SSG II - 1 - 47"
    if re.fullmatch(r"\d{4}(?:-?an)?", toks[i].low) and j == i + 1:
        low, high = DATA["year_range"]
        if low <= int(toks[i].low[:4]) <= high:
            return "year"
    return _NOT_BEFORE.get(before) or _NOT_AFTER.get(after)


def _qualify(toks: list[_Token], i: int, j: int, qualifier: str, floor: int) -> tuple[str, int, int]:
    """Attach 'lebih dari', 'sedikitnya' ... before (not reaching back past ``floor``) and '100 lebih' after."""
    if qualifier != "exact":
        return qualifier, i, j
    before = _phrase_before(toks, i, DATA["qualifiers_before"], longest=min(3, i - floor))
    if before:
        return DATA["qualifiers_before"][before[0]], before[1], j
    after = _phrase_at(toks, j, DATA["qualifiers_after"], longest=1)
    if after:
        return DATA["qualifiers_after"][after[0]], i, after[1]
    return qualifier, i, j


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Counts of people or things in ``text``, with their qualifier.

    Offsets are ``offset`` + index in text, so text[q.begin - offset:q.end - offset] == q.text;
    the span includes the qualifier words ("lebih dari 350").
    """
    if not isinstance(text, str):
        return []
    if not _DIGIT.search(text) and not _FIRST_WORD.search(text):
        return []
    toks = _tokens(text)
    dates = [(d.begin, d.end) for d in find_dates(text)]
    found, i, floor = [], 0, 0
    while i < len(toks):
        hit = _number_at(toks, i) if toks[i].low[0].isdigit() or toks[i].low in _FIRST_WORDS else None
        if hit is None:
            i += 1
            continue
        value, qualifier, j = hit
        if not _not_count(toks, i, j, dates):
            qualifier, first, floor = _qualify(toks, i, j, qualifier, floor)
            b, e = toks[first].begin, toks[floor - 1].end
            found.append(Quantity(value, qualifier, text[b:e], b + offset, e + offset))
        i = max(j, floor)
    return found
