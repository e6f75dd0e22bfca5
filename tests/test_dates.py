"""kg.extract.dates: date expressions resolved against the publication date."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.dates import DATA, MONTHS, WEEKDAYS, DateMention, find_dates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
THU = date(2022, 1, 6)    # Thursday
MON = date(2022, 1, 10)   # Monday
D = date


def spans(text, published=None, **kw):
    return [(m.text, m.date, m.kind, m.year) for m in find_dates(text, published, **kw)]


# --- weekdays: the latest such day on or before publication -------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("pada hari Rabu", THU, D(2022, 1, 5)),
    ("Kamis", THU, D(2022, 1, 6)),
    ("Rabu malam", THU, D(2022, 1, 5)),
    ("Kamis dini hari", THU, D(2022, 1, 6)),
    ("pada Rabu", THU, D(2022, 1, 5)),
    ("hari Kamis", THU, D(2022, 1, 6)),
    ("Minggu malam", MON, D(2022, 1, 9)),
    ("Jumat", MON, D(2022, 1, 7)),
    ("Sabtu", MON, D(2022, 1, 8)),
    ("Senin pagi", MON, D(2022, 1, 10)),
    ("Jum'at", MON, D(2022, 1, 7)),
    ("Senin lalu", MON, D(2022, 1, 3)),      # "lalu": strictly before
    ("Rabu depan", MON, D(2022, 1, 12)),     # "depan": strictly after
])
def test_weekday_resolves_to_latest_on_or_before_publication(text, published, expected):
    [m] = find_dates(text, published)
    assert (m.text, m.date, m.kind, m.year) == (text, expected, "event", expected.year)
    assert (m.begin, m.end) == (0, len(text))


def test_weekday_without_publication_date_is_unresolved():
    assert spans("pada hari Rabu", None) == [("pada hari Rabu", None, "event", None)]


@pytest.mark.parametrize("text", [
    "pada minggu ini", "minggu lalu", "Minggu lalu polisi menahan", "selama dua Minggu",
    "Minggu ini", "Minggu depan", "dalam beberapa Minggu",
])
def test_minggu_as_week_is_not_sunday(text):
    assert all(m.date is None for m in find_dates(text, MON))


@pytest.mark.parametrize("text, expected_text", [
    ("Minggu, polisi menahan 20 orang.", "Minggu"),          # sentence-initial Sunday
    ("Protes dimulai pada Minggu ketika harga naik.", "pada Minggu"),
    ("Polisi berjaga pada hari Minggu ini.", "pada hari Minggu"),
    ("Minggu (9/1/2022) malam", "Minggu (9/1/2022)"),
])
def test_minggu_as_sunday(text, expected_text):
    [m] = find_dates(text, MON)
    assert (m.text, m.date) == (expected_text, D(2022, 1, 9))
    assert text[m.begin:m.end] == expected_text


def test_lowercase_weekday_is_not_read():
    assert find_dates("rabu", THU) == []


# --- explicit dates -------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected, kind", [
    ("6 Januari 2022", None, D(2022, 1, 6), "event"),
    ("Kamis 6 Januari 2022", None, D(2022, 1, 6), "event"),
    ("Kamis, 6 Januari 2022", None, D(2022, 1, 6), "event"),
    ("(06/01/2022)", None, D(2022, 1, 6), "event"),
    ("pada hari Kamis (06/01/2022)", None, D(2022, 1, 6), "event"),
    ("Senin (1/2/2021)", None, D(2021, 2, 1), "event"),
    ("2 Januari", D(2022, 1, 10), D(2022, 1, 2), "event"),
    ("pada tanggal 2 Januari", D(2022, 1, 10), D(2022, 1, 2), "event"),
    ("hingga 19 Januari", THU, D(2022, 1, 19), "until"),
    ("sampai dengan 5 Feb", THU, D(2022, 2, 5), "until"),
    ("sejak 2 Jan", THU, D(2022, 1, 2), "since"),
    ("16 Desember", THU, D(2021, 12, 16), "event"),       # > 2 months ahead: the year before
    ("9 Juli 2022", None, D(2022, 7, 9), "event"),
    ("6 Jan. 2022", None, D(2022, 1, 6), "event"),
    ("7 Agt 2021", None, D(2021, 8, 7), "event"),
    ("1 Okt 2020", None, D(2020, 10, 1), "event"),
    ("January 6, 2022", None, D(2022, 1, 6), "event"),
    ("2022-01-06", None, D(2022, 1, 6), "event"),
    ("Senin (1/2)", D(2021, 2, 3), D(2021, 2, 1), "event"),
])
def test_explicit_dates(text, published, expected, kind):
    [m] = find_dates(text, published)
    assert (m.text, m.date, m.kind, m.year, m.begin, m.end) == (text, expected, kind, expected.year, 0, len(text))


@pytest.mark.parametrize("month, number", [
    ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Mei", 5), ("Jun", 6), ("Jul", 7),
    ("Agu", 8), ("Agt", 8), ("Sep", 9), ("Okt", 10), ("Nov", 11), ("Des", 12),
    ("Maret", 3), ("Agustus", 8), ("Oktober", 10), ("Desember", 12), ("March", 3), ("May", 5),
])
def test_month_names_and_abbreviations(month, number):
    assert spans(f"5 {month} 2020") == [(f"5 {month} 2020", D(2020, number, 5), "event", 2020)]


def test_day_and_month_without_publication_date_is_unresolved():
    assert spans("2 Januari") == [("2 Januari", None, "event", None)]


def test_impossible_date_is_kept_without_a_day():
    assert spans("31 Februari 2022") == [("31 Februari 2022", None, "event", 2022)]


def test_fraction_is_not_a_date():
    assert find_dates("1/2 dari warga", THU) == []


# --- relative phrases -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("hari ini", THU), ("kemarin", D(2022, 1, 5)), ("tadi malam", D(2022, 1, 5)),
    ("semalam", D(2022, 1, 5)), ("besok", D(2022, 1, 7)), ("lusa", D(2022, 1, 8)),
    ("kemarin lusa", D(2022, 1, 4)),
])
def test_relative_to_publication(text, expected):
    assert spans(text, THU) == [(text, expected, "event", expected.year)]


def test_semalaman_is_a_duration_not_last_night():
    assert find_dates("berusaha semalaman", THU) == []


@pytest.mark.parametrize("text, days", [
    ("sehari kemudian", 1), ("sehari setelahnya", 1), ("keesokan harinya", 1), ("sehari sebelumnya", -1),
])
def test_relative_to_anchor(text, days):
    anchor = D(2022, 1, 5)
    assert spans(text, THU, anchor=anchor) == [(text, anchor + timedelta(days=days), "event", 2022)]
    assert spans(text, THU) == [(text, None, "event", None)]      # no anchor: never guessed


@pytest.mark.parametrize("text", [
    "pekan lalu", "minggu lalu", "dalam dua hari", "awal pekan ini", "akhir pekan",
    "beberapa hari lalu", "bulan lalu", "baru-baru ini",
])
def test_phrases_naming_no_single_day_stay_unresolved(text):
    assert spans(text, THU) == [(text, None, "event", None)]


def test_relative_phrases_without_publication_date():
    assert spans("kemarin", None) == [("kemarin", None, "event", None)]


# --- years: facts, never the event date -----------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("pada tahun 1997", 1997), ("sejak 1991", 1991), ("pada 2019", 2019), ("sejak 1989", 1989),
    ("tahun 2019", 2019), ("sejak tahun 1991", 1991), ("pada Januari 2022", 2022),
])
def test_years_are_facts(text, year):
    assert spans(text, THU) == [(text, None, "fact", year)]


@pytest.mark.parametrize("text", [
    "1997", "sejak awal krisis", "pada 2.000 orang", "sejak mengundurkan diri", "pada 1990-an",
    "tahun 3000", "seperempat abad",
])
def test_no_date(text):
    assert find_dates(text, THU) == []


# --- sentences about other crises -----------------------------------------------------------

def test_other_crises():
    assert spans("Sedikitnya 12 orang tewas dalam bentrokan di Lima pada hari Sabtu.", D(2022, 12, 12)) == [
        ("pada hari Sabtu", D(2022, 12, 10), "event", 2022)]
    assert spans("Polisi menahan ratusan demonstran di Yangon, Myanmar, Senin (1/2/2021).", D(2021, 2, 2)) == [
        ("Senin (1/2/2021)", D(2021, 2, 1), "event", 2021)]
    assert spans("Ribuan warga Sri Lanka turun ke jalan pada 9 Juli 2022.", D(2022, 7, 10)) == [
        ("pada 9 Juli 2022", D(2022, 7, 9), "event", 2022)]
    assert spans("Presiden yang berkuasa sejak 2005 itu digulingkan militer Kamis dini hari, "
                 "dan jam malam berlaku hingga 31 Juli.", D(2023, 7, 28)) == [
        ("sejak 2005", None, "fact", 2005),
        ("Kamis dini hari", D(2023, 7, 27), "event", 2023),
        ("hingga 31 Juli", D(2023, 7, 31), "until", 2023)]
    assert spans("Internet diputus sejak Selasa malam dan pulih keesokan harinya.", D(2019, 11, 20),
                 anchor=D(2019, 11, 19)) == [
        ("sejak Selasa malam", D(2019, 11, 19), "since", 2019),
        ("keesokan harinya", D(2019, 11, 20), "event", 2019)]


def test_offset_is_added_and_slices_match():
    text = "Parlemen dibubarkan pada hari Rabu."
    [m] = find_dates(text, THU, offset=100)
    assert (m.begin, m.end) == (120, 134)
    assert text[m.begin - 100:m.end - 100] == m.text == "pada hari Rabu"


# --- seed articles, resolved with their manifest dates --------------------------------------

def _published(name: str) -> date:
    with open(SEEDS / "manifest.csv", encoding="utf-8") as f:
        return date.fromisoformat(next(r["published"] for r in csv.DictReader(f) if r["file"] == name))


def _line(name: str, phrase: str) -> tuple[str, int]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    start = text.rfind("\n", 0, text.index(phrase)) + 1
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)], start


@pytest.mark.parametrize("name, phrase, expected", [
    ("000_1adce47ec231ec0b.txt", "hampir sepenuhnya offline", [
        ("sejak Rabu", D(2022, 1, 5), "since"), ("pada Senin pagi", D(2022, 1, 10), "event")]),
    ("000_1adce47ec231ec0b.txt", "Kementerian Penerangan pada Minggu malam", [
        ("pada Minggu malam", D(2022, 1, 9), "event")]),
    ("000_1adce47ec231ec0b.txt", "Sebanyak 5.800 orang", [("pada hari Minggu", D(2022, 1, 9), "event")]),
    ("000_1adce47ec231ec0b.txt", "pada tanggal 2 Januari", [("pada tanggal 2 Januari", D(2022, 1, 2), "event")]),
    ("000_1adce47ec231ec0b.txt", "memperingatkan pada hari Jumat", [("pada hari Jumat", D(2022, 1, 7), "event")]),
    ("000_1adce47ec231ec0b.txt", "pada hari Sabtu mengumumkan", [("pada hari Sabtu", D(2022, 1, 8), "event")]),
    ("000_1adce47ec231ec0b.txt", "awal pekan ini", [("awal pekan ini", None, "event")]),
    ("000_1adce47ec231ec0b.txt", "sebagai ibu kota pada tahun 1997", [
        ("pada tahun 1997", None, "fact"), ("pada tahun 2019", None, "fact")]),
    ("000_1adce47ec231ec0b.txt", "sejak awal krisis", [("pada tahun 2019", None, "fact")]),
    ("001_ae63efb113a25a47.txt", "Ledakan tembakan", [("pada hari Kamis", D(2022, 1, 6), "event")]),
    ("001_ae63efb113a25a47.txt", "sebagian masih terbakar sehari kemudian", [
        ("pada hari Rabu", D(2022, 1, 5), "event"), ("sehari kemudian", None, "event")]),
    ("001_ae63efb113a25a47.txt", "bentrokan semalam", [("semalam", D(2022, 1, 5), "event")]),
    ("001_ae63efb113a25a47.txt", "hingga 19 Januari", [("hingga 19 Januari", D(2022, 1, 19), "until")]),
    ("001_ae63efb113a25a47.txt", "pada Rabu pagi", [("pada Rabu pagi", D(2022, 1, 5), "event")]),
    ("001_ae63efb113a25a47.txt", "sejak 1989", [("sejak 1989", None, "fact")]),
    ("001_ae63efb113a25a47.txt", "pada minggu ini", [("pada minggu ini", None, "event")]),
    ("002_996e9b703d4280fc.txt", "Kamis 6 Januari 2022", [("Kamis 6 Januari 2022", D(2022, 1, 6), "event")]),
    ("002_996e9b703d4280fc.txt", "kemerdekaan pada 1991", [
        ("pada 1991", None, "fact"), ("pada 2019", None, "fact")]),
    ("002_996e9b703d4280fc.txt", "dimulai pada Minggu", [("pada Minggu", D(2022, 1, 2), "event")]),
    ("003_282b2ca4d2c498f2.txt", "(06/01/2022)", [("pada hari Kamis (06/01/2022)", D(2022, 1, 6), "event")]),
    ("003_282b2ca4d2c498f2.txt", "sehari setelah demonstran", [
        ("sehari setelah", None, "event"), ("pada hari Rabu", D(2022, 1, 5), "event")]),
    ("003_282b2ca4d2c498f2.txt", "pada Rabu malam meminta", [("pada Rabu malam", D(2022, 1, 5), "event")]),
    ("003_282b2ca4d2c498f2.txt", "pada Kamis pagi", [("pada Kamis pagi", D(2022, 1, 6), "event")]),
    ("003_282b2ca4d2c498f2.txt", "selama dua minggu", []),
    ("004_295c2baa0c2732ff.txt", "pada Kamis dini hari", [("pada Kamis dini hari", D(2022, 1, 6), "event")]),
    ("004_295c2baa0c2732ff.txt", "Pada hari Rabu ketua CSTO", [("Pada hari Rabu", D(2022, 1, 5), "event")]),
])
def test_seed_sentences(name, phrase, expected):
    line, start = _line(name, phrase)
    text = (SEEDS / name).read_text(encoding="utf-8")
    found = find_dates(line, _published(name), offset=start)
    assert [(m.text, m.date, m.kind) for m in found] == expected
    assert all(text[m.begin:m.end] == m.text for m in found)


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()), st.integers(0, 10**6), st.one_of(st.none(), st.dates()))
def test_random_text_never_raises_and_spans_match(text, published, offset, anchor):
    found = find_dates(text, published, offset=offset, anchor=anchor)
    ends = -1
    for m in found:
        assert isinstance(m, DateMention) and m.kind in ("event", "fact", "since", "until")
        assert text[m.begin - offset:m.end - offset] == m.text
        assert m.begin >= ends      # left to right, no overlaps
        ends = m.end


_WORDS = st.sampled_from(["pada", "hari", "Minggu", "Rabu", "malam", "sejak", "hingga", "tahun", "1991",
                          "2", "Januari", "(06/01/2022)", "kemarin", "lalu", "ini", "dua", "sehari",
                          "kemudian", "dalam", "pekan", ",", ".", "Jum'at", "2022", "/", "(", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.one_of(st.none(), st.dates()))
def test_word_salad_never_raises_and_spans_match(words, published):
    text = " ".join(words)
    for m in find_dates(text, published):
        assert text[m.begin:m.end] == m.text


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), st.sampled_from(sorted(WEEKDAYS)))
def test_weekday_property(published, name):
    [m] = find_dates(f"pada hari {name}", published)
    assert m.date.weekday() == WEEKDAYS[name]
    assert published - timedelta(days=6) <= m.date <= published


@given(st.dates(min_value=D(1800, 1, 1), max_value=D(2100, 12, 31)), st.sampled_from(sorted(MONTHS)))
def test_explicit_date_round_trip(day, month_word):
    month = MONTHS[month_word]
    try:
        expected = day.replace(month=month)
    except ValueError:
        return
    assert spans(f"pada {expected.day} {month_word} {expected.year}") == [
        (f"pada {expected.day} {month_word} {expected.year}", expected, "event", expected.year)]
    slashed = f"({expected.day:02d}/{expected.month:02d}/{expected.year})"
    assert spans(slashed) == [(slashed, expected, "event", expected.year)]


@given(st.dates(min_value=D(1801, 1, 1), max_value=D(2100, 12, 31)),
       st.integers(1, 12), st.integers(1, 28))
def test_day_month_never_more_than_limit_after_publication(published, month, day):
    [m] = find_dates(f"{day} {next(w for w, n in MONTHS.items() if n == month)}", published)
    assert (m.date - published).days <= DATA["future_limit_days"]
    assert (published - m.date).days < 366


@pytest.mark.parametrize("text, expected", [
    ("mogok makan dimulai pada 17 April lalu", date(2020, 4, 17)),       # "lalu": the last one before publication
    ("sidang digelar pada 2 Maret silam", date(2021, 3, 2)),
    ("pelantikan pada 15 Januari mendatang", date(2022, 1, 15)),       # "mendatang": the next one
    ("pemilu pada 15 Desember", date(2020, 12, 15)),                   # no marker: this year unless too far ahead
])
def test_day_and_month_with_a_past_or_future_marker(text, expected):
    found = [d for d in find_dates(text, date(2021, 3, 4)) if d.date is not None]
    assert [d.date for d in found] == [expected]
