"""Property: the whole extraction (rules, no model) on random Unicode text never raises, and
every sentence, mention, (first) event trigger and figure is exactly the slice of the text its offsets name.

Number and date parsers have their own properties (tests/test_numbers.py, tests/test_dates.py).
Scale it up for fuzzing:  KG_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_properties.py
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from kg.ingest import clean_text, make_document
from kg.pipeline import extract_documents

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "30"))

# Pieces that wake the rules up (titles, names, places, triggers, counts, dates, quotes), mixed with noise.
WORDS = ["Presiden", "Perdana Menteri", "Menteri Luar Negeri", "Jenderal", "kata", "mengatakan", "bahwa",
         "Bolivia", "La Paz", "Kinshasa", "Sri Lanka", "PBB", "NATO", "Uni Eropa", "polisi", "tentara",
         "demonstran", "ditahan", "tewas", "terluka", "mengundurkan diri", "kudeta", "keadaan darurat",
         "unjuk rasa", "ribuan", "sedikitnya", "lebih dari", "12", "1.500", "2,5 juta", "puluhan", "tiga",
         "pada", "Senin", "5 Januari 2022", "hingga 19 Januari", "kemarin", "(", ")", "“", "”", '"', ".", ",",
         ":", "—", "\n", "\n\n", "  ", "Rp", "%", "Ali bin Abi", "O'Brien", "São Tomé", "İstanbul", "ǅemal",
         "\u200b", "\u0301", "e\u0301", "ﬁ", "Ⅻ", "١٢", "🇮🇩", "\u202e", "\t"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=80).map(" ".join),
)


def check_offsets(text: str) -> None:
    doc = make_document("fuzz", text, {}, "hypothesis")
    [ext] = extract_documents([doc], use_model=False)
    body = ext.doc.text
    for s in ext.sentences:
        assert 0 <= s.begin <= s.end <= len(body) and s.text == body[s.begin:s.end], s
    for m in ext.mentions:
        assert m.text == body[m.begin:m.end] and m.text, m
        assert 0 <= m.sentence < len(ext.sentences), m
        sentence = ext.sentences[m.sentence]
        assert sentence.begin <= m.begin and m.end <= sentence.end, (m, sentence)
    for e in ext.events:
        # Triggers of one event in a sentence are merged ("tewas, terluka"); offsets are the first's.
        assert e.trigger.split(", ")[0] == body[e.begin:e.end], e
        for f in e.figures:
            assert f.quantity.text == body[f.quantity.begin:f.quantity.end], f


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_offsets_match_on_raw_text(text):
    check_offsets(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_offsets_match_on_cleaned_text(text):
    check_offsets(clean_text(text))
