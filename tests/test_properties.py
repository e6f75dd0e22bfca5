"""Property: the whole extraction (rules, no model) on random Unicode text never raises, and
every sentence, mention, (first) event trigger and figure is exactly the slice of the text its offsets name.
And the graph a build makes of random Indonesian-ish articles always passes the SHACL shapes.

Number and date parsers have their own properties (tests/test_numbers.py, tests/test_dates.py).
Scale it up for fuzzing:  KG_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_properties.py
"""
from __future__ import annotations

import os
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings, strategies as st

from kg.graphs import data_graph
from kg.ingest import clean_text, make_document
from kg.pipeline import build, extract_documents
from kg.store import GraphStore
from kg.validate import format_report, validate

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "30"))
BUILDS = int(os.environ.get("KG_SHACL_EXAMPLES", "6"))  # a build and a pySHACL run each: about 1 s

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


# Articles: news-like sentences (a speaker, a figure, a trigger, a place, a date) among noisy ones held
# together by Indonesian function words, so ingest keeps them and the graph has mentions, events and figures.
GLUE = ["yang", "dan", "di", "untuk", "dengan", "itu", "dari", "pada", "ini", "akan"]
news = st.tuples(*(st.sampled_from(choices) for choices in (
    ["Presiden", "Perdana Menteri", "Menteri Dalam Negeri", "Jenderal", "juru bicara polisi"],
    ["Evo Morales", "Félix Tshisekedi", "Ali bin Abi", "Seán O'Brien", "ǅemal Bijedić", "Nguyễn Văn An"],
    ["12", "1.500", "sedikitnya 40", "lebih dari 2,5 juta", "puluhan", "tiga", "١٢"],
    ["orang tewas", "orang ditahan", "orang terluka", "demonstran berunjuk rasa", "tentara dikerahkan"],
    ["Bolivia", "La Paz", "Kinshasa", "Sri Lanka", "São Tomé", "İstanbul", "ibu kota"],
    ["5 Januari 2022", "Senin", "kemarin", "hingga 19 Januari", "pada 31 Februari", ""]))).map(
    lambda p: f"{p[0]} {p[1]} mengatakan bahwa {p[2]} {p[3]} di {p[4]} {p[5]}.")
noisy = st.lists(st.tuples(st.sampled_from(WORDS + GLUE), st.sampled_from(WORDS + GLUE), st.text(max_size=6)),
                 min_size=1, max_size=8).map(lambda parts: " ".join(" ".join(p) for p in parts) + ".")
articles = st.lists(st.lists(st.one_of(news, noisy), min_size=1, max_size=8).map(" ".join), min_size=1, max_size=3)


@settings(max_examples=BUILDS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_a_built_graph_always_passes_shacl(texts):
    with TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(texts):
            (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
        report = build([folder], folder / "store", jobs=1, use_model=False)
        assert report.built + len(report.problems) == len(texts), report.problems
        shacl = validate(data_graph(GraphStore(folder / "store").open_read()))
    assert shacl.conforms, format_report(shacl)
