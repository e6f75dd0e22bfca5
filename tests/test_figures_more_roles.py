"""Figures of the roles the first figure words missed: people missing, displaced, a crowd's size as its
protesters; a count the parse ties to a figure word over another figure word is that nearer word's; a part
of a whole another sentence or a "dari" phrase gives is no figure of its own."""
from __future__ import annotations

from datetime import date

import pytest

from kg.records import Document


@pytest.fixture(scope="module")
def stated():
    from kg import nlp
    from kg.extract import extract

    pipeline = nlp.load_pipeline(False)

    def run(text: str) -> list[tuple[str, int, str]]:
        """The figures of the events the text asserts: (property, value, qualifier)."""
        ext = extract(Document("t", text, published=date(2023, 5, 2)), pipeline(text))
        return sorted((f.prop, f.quantity.value, f.quantity.qualifier) for e in ext.events
                      if e.modality is None and not e.negated for f in e.figures)
    return run


@pytest.mark.parametrize("text, expected", [
    # people who fled, people missing, a crowd's size
    ("Bentrokan antara tentara dan milisi di Darfur menewaskan 40 orang dan membuat 125 ribu orang mengungsi ke Chad.",
     [("displaced", 125000, "exact"), ("killed", 40, "exact")]),
    ("Banjir bandang di Mindanao menewaskan lima orang, sementara tiga orang lainnya masih dinyatakan hilang.",
     [("killed", 5, "exact"), ("missing", 3, "exact")]),
    ("Ribuan warga Chile berdemonstrasi di Santiago menuntut reformasi pensiun.", [("protesters", 1000, "thousands")]),
    ("Di Jalur Gaza, puluhan penentang berkumpul di pagar perbatasan sambil mengibarkan bendera.",
     [("protesters", 10, "dozens")]),
    # the figure word right after the count is its own, whatever the parse reaches for
    ("Tiga prajurit AMISOM tewas dan sejumlah prajurit lainnya mengalami luka serius di Mogadishu.",
     [("killed", 3, "exact")]),
    ("Kebakaran asrama di Nairobi menewaskan 8 siswi yang terjebak di dalamnya.", [("killed", 8, "exact")]),
    ("Ledakan itu menewaskan dua orang, sementara 10 korban luka lainnya dirawat di rumah sakit Quetta.",
     [("injured", 10, "exact"), ("killed", 2, "exact")]),
    ("Kabar sementara enam orang luka dalam kerusuhan di Dhaka dan sudah dilarikan ke rumah sakit.",
     [("injured", 6, "exact")]),
    # a figure word denied of the count is none of its figures
    ("Anggota yang berjaga di jalan-jalan Lagos minimal dua orang tidak boleh bergerombol dan diamankan tentara "
     "yang bersenjata lengkap.", []),
    # a part of a whole given elsewhere is no figure
    ("Seorang pria menabrakkan mobil ke sekelompok tentara di Levallois dan melukai enam orang. "
     "Dua di antaranya mengalami luka berat.", [("injured", 6, "exact")]),
    ("Bom di pasar Kabul melukai 40 orang. Lima orang dari para korban luka itu kini dalam kondisi kritis.",
     [("injured", 40, "exact")]),
])
def test_figure_roles(stated, text, expected):
    assert stated(text) == expected
