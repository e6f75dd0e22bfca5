"""Generate the bad-input corpus into a folder (at test time: nothing big is committed).

    python tests/badinput/make.py OUT_DIR

Layout (every bad file sits next to good articles, so the build must go on):

    OUT/corpus/articles/   good.txt, empty.txt, binary.txt, latin1.txt, utf16.txt,
                           page.html, english.txt, manifest.csv (bad date, unknown file, short row)
    OUT/corpus/nocols/     article.txt + manifest.csv without a 'file' column
    OUT/corpus/broken.jsonl  one good line, bad JSON, missing text, non-string text
    OUT/big/huge.txt       a 5 MB single line of Indonesian text
    OUT/nothing/           a folder with no articles (only notes.md)
    OUT/missing            a path that does not exist
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

GOOD = ("Ribuan pengunjuk rasa berkumpul di depan gedung parlemen di Kinshasa pada hari Selasa untuk menuntut "
        "pemilihan ulang, kata polisi. Mereka mengatakan bahwa komisi pemilihan telah gagal dan akan terus "
        "berunjuk rasa sampai tuntutan mereka dipenuhi oleh para pejabat yang berkuasa di negara itu.")
LATIN1 = ("Presiden Perú José Pérez mengatakan bahwa kerusuhan di Lima telah menewaskan tiga orang. "
          "Para pengunjuk rasa menuntut agar pemerintah mundur dan mereka akan terus turun ke jalan.")
UTF16 = ("Perdana Menteri São Tomé mengatakan pada hari Rabu bahwa tentara telah menahan dua belas orang "
         "yang dituduh merencanakan kudeta. Pemerintah menyatakan bahwa situasi di ibu kota sudah tenang.")
HTML = ("<html><head><title>Bentrokan di Nairobi</title><style>p {color: red}</style>"
        "<script>var judul = 'Presiden palsu'; document.write('Iklan');</script></head><body>"
        "<nav>Beranda | Politik | Ekonomi</nav><h1>Bentrokan di Nairobi</h1>"
        "<p>Polisi Kenya menahan puluhan demonstran yang memprotes kenaikan pajak di Nairobi pada hari Kamis, "
        "kata seorang juru bicara kepolisian.</p><script>trackVisitor();</script>"
        "<footer>Hak cipta Portal Berita</footer></body></html>")
ENGLISH = ("The protesters marched through the capital on Saturday and the police said that they had arrested "
           "dozens of people who were throwing stones at the parliament building in the city. ") * 2
BIG_SENTENCE = ("Pemerintah Bolivia mengumumkan keadaan darurat di La Paz setelah ribuan demonstran memblokade "
                "jalan utama dan menuntut pengunduran diri menteri energi pada hari Senin. ")
BIG_BYTES = 5_000_000

# file name -> reason that must appear in its one warning line (None: read without a warning)
EXPECTED = {
    "good.txt": None, "latin1.txt": "bad date", "utf16.txt": None, "page.html": None,
    "empty.txt": "empty file; skipped", "binary.txt": "binary or unknown encoding; skipped",
    "english.txt": "not Indonesian text; skipped", "ghost.txt": "which does not exist",
}


def make(out: Path) -> dict[str, Path]:
    """Write the corpus under ``out``; return the paths the tests pass to `kg build`."""
    articles = out / "corpus" / "articles"
    nocols = out / "corpus" / "nocols"
    nothing = out / "nothing"
    big = out / "big"
    for folder in (articles, nocols, nothing, big):
        folder.mkdir(parents=True, exist_ok=True)
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (articles / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (articles / "utf16.txt").write_bytes(UTF16.encode("utf-16"))  # with BOM
    (articles / "page.html").write_text(HTML, encoding="utf-8")
    (articles / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (articles / "manifest.csv").write_text(
        "file,published,publisher\n"
        "good.txt,2023-05-02,Harian Contoh\n"
        "latin1.txt,2023-02-30,Koran Lima\n"   # no 30 February
        "ghost.txt,2023-01-01,Nobody\n"        # not on disk
        "utf16.txt\n",                          # missing columns
        encoding="utf-8")
    (nocols / "article.txt").write_text(GOOD.replace("Kinshasa", "Dakar"), encoding="utf-8")
    (nocols / "manifest.csv").write_text("name,date\narticle.txt,2023-01-01\n", encoding="utf-8")
    lines = [json.dumps({"id": "jsonl-good", "text": GOOD.replace("Kinshasa", "Tbilisi")}),
             '{"id": "bad", "text": "tidak ditutup',
             json.dumps({"id": "no-text", "title": "Tanpa isi"}),
             json.dumps({"id": "number-text", "text": 12345})]
    (out / "corpus" / "broken.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (nothing / "notes.md").write_text("bukan artikel\n", encoding="utf-8")
    line = BIG_SENTENCE * (BIG_BYTES // len(BIG_SENTENCE) + 1)
    (big / "huge.txt").write_text(line[:BIG_BYTES].rstrip() + ".", encoding="utf-8")
    return {"corpus": out / "corpus", "articles": articles, "nocols": nocols, "jsonl": out / "corpus" / "broken.jsonl",
            "nothing": nothing, "missing": out / "missing", "big": big / "huge.txt"}


if __name__ == "__main__":
    for name, path in make(Path(sys.argv[1])).items():
        print(f"{name:10} {path}")
