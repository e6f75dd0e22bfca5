"""Ingest: encodings, formats, manifests and page chrome."""
from __future__ import annotations

import json
from datetime import date

from kg import ingest
from kg.ingest import Problem, clean_text, decode, html_to_text, read_documents

ARTICLE = ("Ribuan pengunjuk rasa turun ke jalan di Lima pada hari Sabtu untuk menuntut pengunduran diri "
           "presiden, kata polisi. Mereka mengatakan bahwa pemerintah telah gagal dan akan terus berunjuk "
           "rasa sampai tuntutan mereka dipenuhi oleh para pejabat yang berkuasa di negara itu.")


def test_chrome_lines_are_dropped_but_headlines_kept():
    text = ("Portal.co Dapatkan aplikasi di Play Store\n\n Berita\n\n Network\n"
            "Militer Myanmar Tahan Pemimpin Sipil\nMiliter Myanmar Tahan Pemimpin Sipil\n"
            "  • Bagikan\n500 ditahan\nTentara menahan para pemimpin sipil pada Senin pagi.\n"
            "  • Bagikan\nCek Berita dan Artikel yang lain di\nGoogle News")
    assert clean_text(text).split("\n") == [
        "Militer Myanmar Tahan Pemimpin Sipil", "500 ditahan",
        "Tentara menahan para pemimpin sipil pada Senin pagi."]


def test_an_agency_s_closing_initials_are_chrome():
    text = "Kantor berita itu melaporkan tiga orang tewas di Mogadishu.\n(Uu. Aulia / KR - AMQ)\n(ant)"
    assert clean_text(text) == "Kantor berita itu melaporkan tiga orang tewas di Mogadishu."


def test_a_read_also_link_is_chrome_at_any_length():
    text = ("Polisi menembakkan gas air mata ke arah ribuan demonstran di Santiago pada hari Jumat.\n"
            "(Baca juga: Ribuan Warga Chile Turun ke Jalan Menolak Kenaikan Tarif Kereta Bawah Tanah di Ibu Kota)\n"
            "Baca: Presiden Chile Umumkan Keadaan Darurat\n"
            "Para siswa yang membaca pengumuman itu kemudian bergabung dengan para demonstran di pusat kota "
            "Santiago untuk menolak kenaikan tarif.")
    assert clean_text(text).split("\n") == [
        "Polisi menembakkan gas air mata ke arah ribuan demonstran di Santiago pada hari Jumat.",
        "Para siswa yang membaca pengumuman itu kemudian bergabung dengan para demonstran di pusat kota "
        "Santiago untuk menolak kenaikan tarif."]


def test_seed_chrome_never_reaches_the_text():
    problems: list[Problem] = []
    docs = {d.id: d for d in read_documents([__import__("conftest").SEEDS], problems)}
    assert not problems
    joined = "\n".join(d.text for d in docs.values())
    for chrome in ("Bagikan", "Play Store", "Google News", "Network", "Partner"):
        assert chrome not in joined
    title = "Pemerintah Kazakhstan Meminta Bantuan Rusia untuk Mestabilkan Situasi"
    assert docs["004_295c2baa0c2732ff"].text.count(title) == 1
    assert docs["002_996e9b703d4280fc"].published == date(2022, 1, 6)
    assert docs["004_295c2baa0c2732ff"].publisher == "Beritabaru.co"


def test_encodings_are_detected():
    assert decode("Perdana Menteri São Tomé".encode("utf-16")) == "Perdana Menteri São Tomé"
    assert decode("\ufeffKota Zürich".encode("utf-8")) == "Kota Zürich"
    latin = ("Presiden Perú José Pérez mengatakan kerusuhan di Lima " * 5).encode("latin-1")
    assert "Perú" in decode(latin)
    assert decode(bytes(range(256)) * 40) is None


def test_html_main_text_without_scripts_or_navigation():
    html = ("<html><head><style>p{}</style><script>var x='Presiden palsu';</script></head><body>"
            "<nav>Beranda | Politik</nav><h1>Bentrokan di Nairobi</h1><p>Polisi Kenya menahan "
            "puluhan demonstran.</p><footer>Hak cipta</footer></body></html>")
    lines = [line for line in clean_text(html_to_text(html)).split("\n") if line]
    assert lines == ["Bentrokan di Nairobi", "Polisi Kenya menahan puluhan demonstran."]


def test_jsonl_and_manifest_problems_are_reported_and_skipped(tmp_path):
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "published": "2023-03-04"}),
             "{not json", json.dumps({"id": "a2"}), json.dumps({"id": "a3", "text": 42}),
             json.dumps({"id": "a4", "text": ARTICLE, "published": "kemarin"})]
    (tmp_path / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    problems: list[Problem] = []
    docs = list(read_documents([tmp_path / "news.jsonl"], problems))
    assert [d.id for d in docs] == ["a1", "a4"]
    assert docs[0].published == date(2023, 3, 4) and docs[1].published is None
    reasons = [str(p) for p in problems]
    assert any(":2: bad JSON" in r for r in reasons)
    assert any(":3: no string 'text'" in r for r in reasons)
    assert any(":4: no string 'text'" in r for r in reasons)
    assert any(":5: bad date 'kemarin'" in r for r in reasons)


def test_manifest_bad_date_unknown_file_and_missing_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published,publisher\na.txt,31-31-2022,Harian\nb.txt,,\n")
    problems: list[Problem] = []
    docs = list(read_documents([tmp_path, tmp_path / "missing"], problems))
    assert len(docs) == 1 and docs[0].publisher == "Harian" and docs[0].published is None
    reasons = "\n".join(map(str, problems))
    assert "bad date '31-31-2022'" in reasons
    assert "lists b.txt, which does not exist" in reasons
    assert "missing: no such file or directory" in reasons


def test_empty_binary_and_foreign_files_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 100)
    (tmp_path / "english.txt").write_text("The protesters marched through the capital on Saturday and the "
                                          "police said that they had arrested dozens of people who were "
                                          "throwing stones at the parliament building in the city. " * 2)
    problems: list[Problem] = []
    assert list(read_documents([tmp_path], problems)) == []
    reasons = {p.source.rsplit("/", 1)[-1]: p.reason for p in problems}
    assert reasons["empty.txt"].startswith("empty file")
    assert reasons["blob.txt"].startswith("binary")
    assert reasons["english.txt"].startswith("not Indonesian")


def test_jsonl_is_streamed_so_a_file_larger_than_the_limit_is_read(tmp_path, monkeypatch):
    """A year of news in one JSON Lines file: the size limit is per line, not per file."""
    monkeypatch.setattr(ingest, "MAX_BYTES", 2_000)
    text = "Polisi Chile menahan 20 demonstran di Santiago pada hari Senin setelah bentrokan. "
    lines = [json.dumps({"id": f"a{i}", "text": text * 3}) for i in range(40)]     # ~12 kB in all
    lines.insert(7, json.dumps({"id": "huge", "text": text * 60}))                   # one line over 2 kB
    (tmp_path / "year.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = []
    docs = list(read_documents([tmp_path / "year.jsonl"], problems))
    assert [d.id for d in docs] == [f"a{i}" for i in range(40)]
    assert [(p.source, p.reason) for p in problems] == [(f"{tmp_path / 'year.jsonl'}:8", "line longer than 2,000 bytes; skipped")]
