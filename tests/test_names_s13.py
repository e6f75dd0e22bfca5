"""Speakers the name tagger misses: one word named by the verb of saying that tags a quote."""
from __future__ import annotations

from test_events import of, pipeline, read  # noqa: F401  (fixtures)


def test_one_word_after_a_tag_verb_is_the_speaker(read):
    ext = read('"Kami akan memeriksa semua laporan dari provinsi itu," kata Ollanta di Lima, Selasa. '
               'Menurut dia, pemungutan suara ulang tidak perlu. "Tidak ada kecurangan," imbuh Keiko.')
    assert [ext.mentions[s.speaker].text for s in of(ext, "Statement")] == ["Ollanta", "Ollanta", "Keiko"]   # "menurut dia": the same speaker


def test_a_place_or_a_weekday_after_a_tag_verb_is_no_speaker(read):
    ext = read('"Kami menolak hasil pemilu itu," kata Selasa. "Kami akan berunding," ujar Lima.')
    assert not any(m.text in ("Selasa", "Lima") and m.cls == "Person" for m in ext.mentions)
