"""kg.extract.numbers: counts with their qualifier, and what is not a count."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.numbers import DATA, find_quantities
from kg.records import Quantity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text, offset=0):
    return [(q.text, q.value, q.qualifier) for q in find_quantities(text, offset)]


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --- figures, words, scales -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2.000 ditahan", ("2.000", 2000, "exact")),
    ("Sebanyak 5.800 orang ditahan", ("Sebanyak 5.800", 5800, "exact")),
    ("berpenduduk 1,8 juta orang", ("1,8 juta", 1800000, "exact")),
    ("26 penjahat bersenjata tewas", ("26", 26, "exact")),
    ("delapan polisi tewas", ("delapan", 8, "exact")),
    ("dua belas orang", ("dua belas", 12, "exact")),
    ("dua puluh tentara", ("dua puluh", 20, "exact")),
    ("seratus polisi", ("seratus", 100, "exact")),
    ("seribu warga", ("seribu", 1000, "exact")),
    ("tiga ratus demonstran", ("tiga ratus", 300, "exact")),
    ("dua ratus lima puluh tiga orang", ("dua ratus lima puluh tiga", 253, "exact")),
    ("sebelas orang", ("sebelas", 11, "exact")),
    ("satu juta dua ratus ribu orang", ("satu juta dua ratus ribu", 1200000, "exact")),
    ("19 juta jiwa", ("19 juta", 19000000, "exact")),
    ("3 miliar orang", ("3 miliar", 3000000000, "exact")),
    ("1.000.000 orang", ("1.000.000", 1000000, "exact")),
    ("seorang koresponden", ("seorang", 1, "exact")),
    ("dua orang dipenggal", ("dua", 2, "exact")),
    ("0 korban", ("0", 0, "exact")),
])
def test_counts(text, expected):
    [q] = find_quantities(text)
    assert (q.text, q.value, q.qualifier) == expected
    assert (q.begin, q.end) == (text.index(q.text), text.index(q.text) + len(q.text))


# --- qualifiers ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("lebih dari 350 petugas", ("lebih dari 350", 350, "moreThan")),
    ("lebih dari seratus orang", ("lebih dari seratus", 100, "moreThan")),
    ("sedikitnya delapan polisi", ("sedikitnya delapan", 8, "atLeast")),
    ("setidaknya 7 orang", ("setidaknya 7", 7, "atLeast")),
    ("paling sedikit 20 orang", ("paling sedikit 20", 20, "atLeast")),
    ("minimal 5 orang", ("minimal 5", 5, "atLeast")),
    ("tidak kurang dari 9 orang", ("tidak kurang dari 9", 9, "atLeast")),
    ("hampir 400 orang", ("hampir 400", 400, "about")),
    ("sekitar 2.000 orang", ("sekitar 2.000", 2000, "about")),
    ("kira-kira 30 orang", ("kira-kira 30", 30, "about")),
    ("sekira 40 orang", ("sekira 40", 40, "about")),
    ("kurang dari 50 orang", ("kurang dari 50", 50, "lessThan")),
    ("hingga 300 orang", ("hingga 300", 300, "upTo")),
    ("sampai 5 orang", ("sampai 5", 5, "upTo")),
    ("sebanyak 2.500 tentara", ("sebanyak 2.500", 2500, "exact")),
    ("mencapai 1.000 orang", ("mencapai 1.000", 1000, "exact")),
    ("100 lebih orang", ("100 lebih", 100, "moreThan")),
    ("seratus lebih pengunjuk rasa", ("seratus lebih", 100, "moreThan")),
    ("100-an orang", ("100-an", 100, "about")),
    ("2.000an warga", ("2.000an", 2000, "about")),
])
def test_qualifiers(text, expected):
    assert found(text) == [expected]
    assert find_quantities(text)[0].begin == 0


# --- vague quantities: ACLED's conservative coding --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("puluhan orang tewas", ("puluhan", 10, "dozens")),
    ("belasan polisi", ("belasan", 11, "teens")),
    ("ratusan lainnya ditahan", ("ratusan", 100, "hundreds")),
    ("Ribuan orang turun ke jalan", ("Ribuan", 1000, "thousands")),
    ("puluhan ribu orang", ("puluhan ribu", 10000, "tensOfThousands")),
    ("ratusan ribu orang", ("ratusan ribu", 100000, "hundredsOfThousands")),
    ("jutaan warga", ("jutaan", 1000000, "millions")),
])
def test_vague_quantities(text, expected):
    assert found(text) == [expected]


def test_vague_coding_is_documented_in_the_data_file():
    for entry in DATA["vague"].values():
        assert entry["value"] > 0 and entry["qualifier"] and entry["meaning"]
    assert "ACLED" in " ".join(DATA["_doc"])


# --- not counts -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "sejumlah penjaga perdamaian", "1997", "pada tahun 1991", "tahun 2019", "pukul 11.30", "sekitar pukul 17.30",
    "6 Januari 2022", "(06/01/2022)", "Senin (1/2/2021)", "hingga 19 Januari", "tanggal 5",
    "gaji kurang dari $600", "530 euro", "Rp 1.000", "Rp. 2.000", "US$ 5 juta", "1,5 juta dolar",
    "50 persen", "10%", "berusia 81 tahun", "29 tahun", "usia 30", "orang kedua", "pertama kalinya",
    "seperempat abad", "selama enam bulan", "dua minggu", "satu jam kemudian", "tiga kali", "ke 3", "ke-3",
    "pasal 5", "No. 5", "salah satu", "1990-an", "17.30", "1,8 orang", "10 km", "COVID-19", "G20",
    "di Lima", "Tim Sembilan", "kedua belah pihak", "beberapa gedung",
    "dua dari korban tewas", "tiga dari mereka", "Budi (45)", "lantai 2", "Batalyon 201", "SSG II - 1 - 47",
])
def test_not_counts(text):
    assert find_quantities(text) == []


# --- sentences about other crises -----------------------------------------------------------

def test_other_crises():
    assert found("Sedikitnya 12 orang tewas dalam bentrokan di Lima pada hari Sabtu.") == [
        ("Sedikitnya 12", 12, "atLeast")]
    assert found("Polisi menahan ratusan demonstran di Yangon, Myanmar, Senin (1/2/2021).") == [
        ("ratusan", 100, "hundreds")]
    assert found("Ribuan warga Sri Lanka turun ke jalan pada 9 Juli 2022.") == [("Ribuan", 1000, "thousands")]
    assert found("Junta mengerahkan sekitar 1.500 tentara dan menahan 37 politisi, "
                 "sementara 4 orang tewas dan belasan lainnya luka-luka.") == [
        ("sekitar 1.500", 1500, "about"), ("37", 37, "exact"), ("4", 4, "exact"), ("belasan", 11, "teens")]
    assert found("Kenaikan harga BBM 30 persen memicu protes puluhan ribu orang di Quito selama 18 hari.") == [
        ("puluhan ribu", 10000, "tensOfThousands")]


def test_qualifier_never_reaches_into_the_previous_figure():
    assert found("100 lebih dari 200 orang") == [("100 lebih", 100, "moreThan"), ("200", 200, "exact")]


def test_offsets_with_offset():
    text = "Polisi menangkap lebih dari 164 orang."
    [q] = find_quantities(text, offset=1000)
    assert q == Quantity(164, "moreThan", "lebih dari 164", 1017, 1031)
    assert text[q.begin - 1000:q.end - 1000] == q.text


# --- seed articles --------------------------------------------------------------------------

@pytest.mark.parametrize("name, phrase, expected", [
    ("000_1adce47ec231ec0b.txt", "Kota terbesar", [("puluhan", 10, "dozens"), ("1,8 juta", 1800000, "exact")]),
    ("000_1adce47ec231ec0b.txt", "mencabut pernyataan", [("lebih dari 164", 164, "moreThan")]),
    ("000_1adce47ec231ec0b.txt", "penjahat bersenjata", [("26", 26, "exact"), ("16", 16, "exact")]),
    ("000_1adce47ec231ec0b.txt", "Sebanyak 5.800", [("Sebanyak 5.800", 5800, "exact")]),
    ("000_1adce47ec231ec0b.txt", "satu detasemen", [("satu", 1, "exact"), ("sebanyak 2.500", 2500, "exact")]),
    ("000_1adce47ec231ec0b.txt", "berusia 81 tahun", []),
    ("000_1adce47ec231ec0b.txt", "seperempat abad", []),
    ("001_ae63efb113a25a47.txt", "lebih dari 350", [
        ("lebih dari 350", 350, "moreThan"), ("13", 13, "exact"), ("dua", 2, "exact")]),
    ("001_ae63efb113a25a47.txt", "2.000 ditahan", [("2.000", 2000, "exact")]),
    ("001_ae63efb113a25a47.txt", "sekitar 2.000 orang", [("sekitar 2.000", 2000, "about")]),
    ("001_ae63efb113a25a47.txt", "hampir 400", [
        ("lebih dari 1.000", 1000, "moreThan"), ("hampir 400", 400, "about"), ("62", 62, "exact")]),
    ("001_ae63efb113a25a47.txt", "pukul 17.30", []),
    ("001_ae63efb113a25a47.txt", "kurang dari $600", []),
    ("001_ae63efb113a25a47.txt", "sejak 1989", []),
    ("001_ae63efb113a25a47.txt", "19 juta jiwa", [("19 juta", 19000000, "exact")]),
    ("001_ae63efb113a25a47.txt", "Ledakan tembakan", [("puluhan", 10, "dozens"), ("ratusan", 100, "hundreds")]),
    ("003_282b2ca4d2c498f2.txt", "sedikitnya delapan", [("sedikitnya delapan", 8, "atLeast"), ("300", 300, "exact")]),
    ("003_282b2ca4d2c498f2.txt", "sejumlah penjaga", []),
    ("003_282b2ca4d2c498f2.txt", "Ratusan pengunjuk rasa", [("Ratusan", 100, "hundreds"), ("puluhan", 10, "dozens")]),
    ("002_996e9b703d4280fc.txt", "menyerang 500 warga", [("500", 500, "exact"), ("ratusan", 100, "hundreds")]),
    ("002_996e9b703d4280fc.txt", "pada 1991", []),
])
def test_seed_sentences(name, phrase, expected):
    text = (SEEDS / name).read_text(encoding="utf-8")
    start = text.rfind("\n", 0, text.index(phrase)) + 1
    end = text.find("\n", start)
    quantities = find_quantities(text[start:end if end >= 0 else len(text)], offset=start)
    assert [(q.text, q.value, q.qualifier) for q in quantities] == expected
    assert all(text[q.begin:q.end] == q.text for q in quantities)


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(0, 10**6))
def test_random_text_never_raises_and_spans_match(text, offset):
    end = -1
    for q in find_quantities(text, offset):
        assert isinstance(q.value, int) and q.value >= 0
        assert text[q.begin - offset:q.end - offset] == q.text
        assert q.begin >= end
        end = q.end


_WORDS = st.sampled_from(["lebih", "dari", "2.000", "1,8", "juta", "dua", "puluh", "belas", "ratus", "ribu",
                          "seratus", "puluhan", "ribuan", "sekitar", "orang", "tahun", "$", "%", "ke",
                          "-an", "Lima", "pukul", "17.30", ".", "1997", "pada", "seorang", "satu"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12))
def test_word_salad_never_raises_and_spans_match(words):
    text = " ".join(words)
    for q in find_quantities(text):
        assert text[q.begin:q.end] == q.text


@given(st.integers(0, 10**15))
def test_dotted_figures_parse_back(n):
    assert found(f"Polisi menahan {dotted(n)} orang.") == [(dotted(n), n, "exact")]
    assert found(f"lebih dari {dotted(n)} orang") == [(f"lebih dari {dotted(n)}", n, "moreThan")]


def indonesian(n: int) -> str:
    """Spell 1 <= n < 10**6 in Indonesian words."""
    units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    if n >= 1000:
        head, rest = divmod(n, 1000)
        return " ".join(w for w in ("seribu" if head == 1 else indonesian(head) + " ribu",
                                    indonesian(rest) if rest else "") if w)
    if n >= 100:
        head, rest = divmod(n, 100)
        return " ".join(w for w in ("seratus" if head == 1 else units[head] + " ratus",
                                    indonesian(rest) if rest else "") if w)
    if n >= 20:
        head, rest = divmod(n, 10)
        return f"{units[head]} puluh" + (f" {units[rest]}" if rest else "")
    return {10: "sepuluh", 11: "sebelas"}.get(n) or (f"{units[n - 10]} belas" if n > 11 else units[n])


@given(st.integers(1, 999_999))
def test_number_words_parse_back(n):
    words = indonesian(n)
    assert found(f"sebanyak {words} orang") == [(f"sebanyak {words}", n, "exact")]
