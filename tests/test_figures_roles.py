"""Figures attached to the noun they count and the role it plays: a number in a date, an age, money, a
percentage, an article, a unit's or a vehicle's name never counts people; a part of a total is no total; a
list of counts under one figure word is one total; a count of what is planned is no count of what happened."""
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
        return [(f.prop, f.quantity.value, f.quantity.qualifier) for e in ext.events
                if e.modality is None and not e.negated for f in e.figures]
    return run


@pytest.mark.parametrize("text, expected", [
    # two roles in one sentence, each count with its own figure word
    ("Polisi Kenya menahan 1.200 orang dan dua demonstran tewas dalam bentrokan di Nairobi, Senin (12/3).",
     [("detained", 1200, "exact"), ("killed", 2, "exact")]),
    ("Sedikitnya 30 orang tewas dan 120 lainnya luka-luka akibat ledakan di lantai 2 gedung parlemen Beirut.",
     [("killed", 30, "atLeast"), ("injured", 120, "exact")]),
    ("Polisi menangkap 12 orang, sementara 3 polisi terluka dalam kerusuhan di Dhaka.",
     [("detained", 12, "exact"), ("injured", 3, "exact")]),
    # vehicles, money, percentages, ages, articles, ship and plate numbers count nobody
    ("Militer Myanmar mengerahkan 1.500 personel dan 40 kendaraan taktis ke Yangon untuk membubarkan unjuk rasa.",
     [("deployed", 1500, "exact")]),
    ("Seorang pria, Ahmed (45), tewas ditembak aparat di Kairo, sementara 12 orang lainnya terluka.",
     [("injured", 12, "exact")]),
    ("Polisi Prancis menangkap 45 orang yang dijerat Pasal 156a dalam kerusuhan di Paris.",
     [("detained", 45, "exact")]),
    ("Polisi menyita uang Rp 500 juta dan menangkap tiga tersangka di Manila.", [("detained", 3, "exact")]),
    ("Mobil dengan pelat nomor B 1234 XYZ itu menabrak kerumunan dan menewaskan empat orang.",
     [("killed", 4, "exact")]),
    ("Sekitar 20 persen dari 3.000 demonstran yang ditahan di Teheran adalah mahasiswa.",
     [("detained", 3000, "exact")]),
    # a part of a total is no total; the total a part is taken of is one
    ("Dua dari korban tewas dalam serangan bom di Kabul adalah anggota Batalyon 201.", []),
    ("Salah satu dari lima tentara yang tewas di Mali berasal dari Batalyon 201.", [("killed", 5, "exact")]),
    ("Pasukan Ethiopia menahan 300 warga Tigray, dua di antaranya wartawan.", [("detained", 300, "exact")]),
    ("Bentrokan di Sulawesi melibatkan lima orang dan tiga di antaranya tewas di tempat kejadian.",
     [("killed", 3, "exact")]),
    ("Tiga orang yang ditangkap di Lahore merupakan anggota kelompok militan.", []),
    # the counts of one list under one figure word are one total
    ("Dua penjaga sipil dan seorang warga sipil tewas dalam insiden di Teruel.", [("killed", 3, "exact")]),
    ("Polisi Thailand menangkap dua warga asing dan juga satu orang Thailand di Bangkok.",
     [("detained", 3, "exact")]),
    ("Lebih dari satu juta anak, dua juta wanita dan tiga juta pria tewas dalam perang itu.",
     [("killed", 6000000, "moreThan")]),
    ("Puluhan polisi dan tiga warga terluka dalam bentrokan di Lagos.", [("injured", 13, "atLeast")]),
    ("Sebanyak 23 orang tewas dalam kebakaran pasar di Dhaka, 20 di antaranya tewas terbakar.",
     [("killed", 23, "exact")]),
    # a figure word about someone else, or another count's, is not the count's
    ("Sejauh ini terdapat 23 korban tewas dan 130 penumpang selamat dalam kecelakaan kapal di Bangladesh.",
     [("killed", 23, "exact")]),
    ("Seorang pekerja terluka di lantai 2 gedung parlemen Georgia saat bentrokan pecah.", [("injured", 1, "exact")]),
    ("Empat anggota Batalyon 201 terluka dalam kontak tembak di Mindanao.", [("injured", 4, "exact")]),
    ("Kapal patroli SSG II - 1 - 47 dikerahkan ke perairan Natuna.", []),
    ("Sebanyak 21 taruna diperiksa terkait tewasnya seorang rekan mereka di asrama akademi Manila.", []),
    # planned, expected, ordered: no count of what happened
    ("Pemerintah Sri Lanka berencana mengerahkan 5.000 tentara untuk menjaga pemilu pekan depan.", []),
    ("Kepolisian Chile akan mengerahkan 3.000 personel untuk mengamankan demonstrasi besok.", []),
    ("Menurut dia, akan ada 425 petugas yang dikerahkan untuk menjaga perbatasan Moldova.", []),
])
def test_figure_role_and_total(stated, text, expected):
    assert stated(text) == expected


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
def test_figure_roles_missing_displaced_protesters(stated, text, expected):
    """People missing, displaced, a crowd's size; the nearer figure word; no figure from a denied
    figure word or from a part of a whole another sentence or a \"dari\" phrase gives."""
    assert sorted(stated(text)) == expected
