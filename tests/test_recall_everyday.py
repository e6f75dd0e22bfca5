"""Everyday crisis events analysts code (arrests, dismissals, elections, expulsions, aid, hostages ...),
and the other senses of the same words that must stay no event."""
from __future__ import annotations

import pytest

from kg.records import Document
from kg.resolve.entities import resolve_entities


@pytest.fixture(scope="module")
def read():
    from kg import nlp
    from kg.extract import extract

    pipeline = nlp.load_pipeline(False)

    def run(text: str):
        ext = extract(Document("t", text), pipeline(text))
        resolve_entities(ext)
        return ext
    return run


def asserted(ext, cls):
    return [ext.doc.text[e.begin:e.end] for e in ext.events if e.cls == cls and not e.negated and e.modality is None]


@pytest.mark.parametrize("text,cls,trigger", [
    ("Seorang aktivis oposisi dicokok polisi Kenya di Nairobi pada Senin malam.", "Detention", "dicokok"),
    ("Mantan menteri energi Peru itu dijebloskan ke penjara Lurigancho pada Selasa.", "Detention", "dijebloskan"),
    ("Pasukan keamanan dan milisi terlibat kontak senjata di perbatasan Sudan Selatan pada Rabu.", "ArmedClash", "kontak senjata"),
    ("Warga dan petugas Satpol PP sempat baku hantam saat penertiban pasar di Medan.", "ArmedClash", "baku hantam"),
    ("Presiden Zimbabwe mencopot Wakil Presiden Emmerson Mnangagwa dari jabatannya pada Senin.", "LeadershipChange", "mencopot"),
    ("Mahkamah Agung Filipina menonaktifkan Ketua Pengadilan Negeri Manila setelah operasi tangkap tangan.",
     "LeadershipChange", "menonaktifkan"),
    ("George Weah terpilih sebagai presiden Liberia setelah putaran kedua pemilu.", "LeadershipChange", "terpilih sebagai"),
    ("Pengadilan Lima menjatuhkan hukuman 24 tahun penjara kepada mantan presiden Peru itu.", "PolicyMeasure", "hukuman"),
    ("Otoritas Malaysia mendeportasi 30 warga Myanmar pada Kamis.", "PolicyMeasure", "mendeportasi"),
    ("Inggris mengusir 23 diplomat Rusia setelah serangan racun saraf di Salisbury.", "PolicyMeasure", "mengusir"),
    ("Pemerintah Turki menyalurkan bantuan kemanusiaan kepada pengungsi Rohingya di Cox's Bazar.", "AidRequest",
     "menyalurkan bantuan"),
    ("Kelompok bersenjata menyandera 12 pekerja tambang di Mali utara.", "ViolenceAgainstCivilians", "menyandera"),
    ("Massa melakukan perusakan kantor komisi pemilihan di Kinshasa.", "Riot", "perusakan"),
    ("Ribuan buruh menggelar demo di depan gedung parlemen Seoul.", "Protest", "demo"),
    ("Ribuan warga Hong Kong menggelar aksi damai menentang rancangan undang-undang ekstradisi.", "Protest", "aksi damai"),
    ("Polisi Chile membubarkan mahasiswa dengan meriam air di Santiago pada Kamis.", "Protest", "meriam air"),
    ("Kepolisian Kenya menurunkan sekitar 3.000 personel untuk menjaga kantor komisi pemilu di Nairobi.",
     "MilitaryDeployment", "menurunkan"),
    ("Seorang wali kota di Johor terjaring operasi tangkap tangan komisi antikorupsi Malaysia.", "Detention",
     "operasi tangkap tangan"),
    ("Wakil gubernur itu terjaring OTT komisi antikorupsi di Manila pada Selasa malam.", "Detention", "OTT"),
    ("Mahkamah Konstitusi Thailand mengabulkan gugatan partai oposisi atas hasil pemilu.", "PolicyMeasure", "mengabulkan"),
    ("Presiden Filipina menerbitkan dekrit yang membubarkan komisi hak asasi manusia.", "PolicyMeasure", "dekrit"),
])
def test_everyday_events_are_asserted(read, text, cls, trigger):
    assert trigger in asserted(read(text), cls)


@pytest.mark.parametrize("text,cls", [
    ("Layar tablet itu bisa dicopot dari keyboard untuk dipakai sebagai tablet biasa.", "LeadershipChange"),
    ("Fitur pelacak lokasi itu lebih sering dinonaktifkan oleh pengguna.", "LeadershipChange"),
    ("Aplikasi rintisan asal Bandung itu terpilih sebagai juara pertama kompetisi teknologi.", "LeadershipChange"),
    ("Program jahat ransomware itu menyandera dokumen korban dengan enkripsi.", "ViolenceAgainstCivilians"),
    ("Sembilan perusahaan rintisan tampil dalam acara Demo Day di Jakarta.", "Protest"),
    ("Kandungan minyak serai dapat mengusir nyamuk dari rumah.", "PolicyMeasure"),
    ("Bank sentral Brasil menurunkan suku bunga acuan untuk ketiga kalinya tahun ini.", "MilitaryDeployment"),
    ("Para ahli membahas hukuman bagi pelaku korupsi dalam seminar di Canberra.", "PolicyMeasure"),
    ("Pengelola asosiasi ingin mengurangi jumlah penyanyi yang dijatuhi hukuman karena narkoba.", "PolicyMeasure"),
    ("Pelanggar aturan baru Singapura itu akan dikenai hukuman denda atau kurungan penjara.", "PolicyMeasure"),
    ("Aktris itu mengaku mobilnya telah dirusak dan tasnya dicuri orang tak dikenal di Sydney.", "Riot"),
    ("Webcam itu tidak tersedia di unit demo yang dipamerkan di Berlin.", "Protest"),
    ("Regulator Korea Selatan memanggil penyedia layanan over-the-top (OTT) untuk membahas konten negatif.", "Detention"),
    ("Para pengacara menolak perppu itu karena membatasi kebebasan berserikat di Kamboja.", "PolicyMeasure"),
    ("Seorang analis menyarankan Perdana Menteri Najib Razak menerbitkan surat edaran kepada pemerintah negara bagian.",
     "PolicyMeasure"),
])
def test_other_senses_are_no_event(read, text, cls):
    assert asserted(read(text), cls) == []
