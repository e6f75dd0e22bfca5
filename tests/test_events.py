"""Event extraction: triggers with morphology, roles, dates, figures, statements, coreference, RDF."""
from __future__ import annotations

from datetime import date

import pytest
from pyoxigraph import NamedNode

from kg.extract.morphology import word_forms
from kg.records import Document
from kg.resolve.entities import resolve_entities
from kg.resolve.events import resolve_events


@pytest.fixture(scope="module")
def pipeline():
    from kg import nlp

    return nlp.load_pipeline(False)


@pytest.fixture(scope="module")
def read(pipeline):
    from kg.extract import extract

    def run(text: str, published: date | None = None, doc_id: str = "t"):
        ext = extract(Document(doc_id, text, published=published), pipeline(text))
        resolve_entities(ext)
        return ext
    return run


def of(ext, cls):
    return [e for e in ext.events if e.cls == cls]


def names(ext, indexes):
    return [ext.mentions[i].text for i in indexes]


# --- morphology -------------------------------------------------------------------

@pytest.mark.parametrize("word,reading", [
    ("menyerbu", ("serbu", "me")), ("diserbu", ("serbu", "di")), ("penyerbuannya", ("serbu", "pe-an")),
    ("menahan", ("tahan", "me")), ("penahanan", ("tahan", "pe-an")), ("terbunuh", ("bunuh", "ter")),
    ("mengerahkan", ("kerah", "me")), ("pengunduran", ("undur", "pe-an")), ("kerusuhan", ("rusuh", "ke-an")),
    ("permintaan", ("minta", "per-an")), ("bantuannya", ("bantu", "-an")), ("pemadaman", ("padam", "pe-an")),
    ("mengebom", ("bom", "me")), ("pengeboman", ("bom", "pe-an")),
])
def test_affixed_forms_lead_to_their_root(word, reading):
    assert reading in word_forms(word)


def test_defence_is_not_detention():
    assert ("tahan", "pe-an") not in word_forms("pertahanan")


# --- triggers, roles, dates, figures -------------------------------------------------

def test_bombings_and_strikes_from_afar_are_not_clashes(read):
    ext = read("Sebuah bom bunuh diri meledak di sebuah pasar di Kabul pada hari Selasa, menewaskan "
               "sedikitnya 12 orang, kata polisi.", date(2023, 5, 4))
    bombing, = of(ext, "Bombing")
    assert names(ext, bombing.places) == ["Kabul"] and bombing.date == date(2023, 5, 2)
    assert [f.quantity.value for e in of(ext, "Casualties") for f in e.figures] == [12]
    ext = read("Pesawat tempur Rusia mengebom kota Idlib, sementara Ukraina melancarkan serangan udara ke Belgorod.")
    assert [e.trigger for e in of(ext, "Bombing")] and not of(ext, "ArmedClash")
    assert {"Idlib"} <= set(names(ext, [i for e in of(ext, "Bombing") for i in e.targets + e.places]))


def test_an_explosion_is_a_bombing_only_near_a_weapon(read):
    assert not of(read("Ledakan tabung gas di sebuah restoran di Surabaya melukai tiga orang."), "Bombing")
    assert not read("Ledakan penduduk menjadi tantangan bagi pemerintah India.").events
    assert of(read("Granat itu meledak di dekat pos militer di Mogadishu."), "Bombing")


def test_detention_with_figure_source_place_and_weekday(read):
    ext = read("Polisi menahan sekitar 300 mahasiswa di Dhaka pada hari Selasa, kata Kementerian Dalam Negeri.",
               date(2024, 8, 8))
    [det] = of(ext, "Detention")
    assert det.date == date(2024, 8, 6) and det.date_text == "pada hari Selasa"
    assert names(ext, det.places) == ["Dhaka"]
    assert names(ext, det.agents) == ["Polisi"]
    [fig] = det.figures
    assert (fig.prop, fig.quantity.value, fig.quantity.qualifier) == ("detained", 300, "about")
    assert ext.mentions[fig.reported_by].text == "Kementerian Dalam Negeri"
    [st] = of(ext, "Statement")
    assert ext.mentions[st.speaker].text == "Kementerian Dalam Negeri"


def test_passive_voice_puts_the_agent_after_oleh(read):
    ext = read("Gedung parlemen di Kathmandu diserbu oleh pengunjuk rasa pada hari Selasa.", date(2025, 9, 10))
    [riot] = of(ext, "Riot")
    assert names(ext, riot.agents) == ["pengunjuk rasa"]
    assert names(ext, riot.places) == ["Kathmandu"] and riot.date == date(2025, 9, 9)


def test_negation_and_modality_are_recorded_not_dropped(read):
    ext = read("Pemerintah Sri Lanka tidak akan memberlakukan jam malam di Kolombo.", date(2022, 7, 10))
    [em] = of(ext, "EmergencyMeasure")
    assert em.negated and em.modality == "future"
    ext = read("Uni Eropa mengancam akan menjatuhkan sanksi terhadap para pejabat Belarus.")
    [pm] = of(ext, "PolicyMeasure")
    assert pm.modality == "threat" and not pm.negated


def test_restraint_is_not_a_detention(read):
    ext = read("PBB mendesak kedua pihak untuk menahan diri.")
    assert not of(ext, "Detention")
    assert [ext.mentions[s.speaker].text for s in of(ext, "Statement")] == ["PBB"]


def test_sehari_setelah_dates_the_earlier_event_from_the_later_one(read):
    ext = read("Pemerintah Nigeria memberlakukan jam malam pada Selasa (3/1/2012), "
               "sehari setelah ribuan orang turun ke jalan di Lagos.", date(2012, 1, 5))
    [em] = of(ext, "EmergencyMeasure")
    [protest] = of(ext, "Protest")
    assert em.date == date(2012, 1, 3) and protest.date == date(2012, 1, 2)
    assert names(ext, protest.places) == ["Lagos"]
    assert [(f.prop, f.quantity.value, f.quantity.qualifier) for f in protest.figures] == [("protesters", 1000, "thousands")]


def test_sehari_kemudian_follows_the_event_before_it(read):
    ext = read("Pengunjuk rasa menyerbu gedung parlemen pada hari Senin dan polisi menangkap 40 orang sehari kemudian.",
               date(2025, 9, 12))
    assert of(ext, "Riot")[0].date == date(2025, 9, 8)
    assert of(ext, "Detention")[0].date == date(2025, 9, 9)


def test_since_dates_a_state_but_not_a_tally(read):
    ext = read("Lebih dari 40 orang tewas dalam bentrokan di Tigray sejak 3 November.\n"
               "Internet di Tigray diputus sejak 4 November.", date(2020, 11, 20))
    assert [(e.cls, e.date) for e in ext.events] == [
        ("Casualties", None), ("ArmedClash", None), ("CommunicationShutdown", date(2020, 11, 4))]


def test_unresolvable_date_stays_absent(read):
    ext = read("Ribuan buruh melakukan mogok pekan lalu di Dhaka.", date(2024, 8, 8))
    [protest] = of(ext, "Protest")
    assert protest.date is None


def test_retracted_figure_is_kept_and_marked(read):
    ext = read("Kementerian Kesehatan mencabut pernyataan yang mengatakan bahwa 40 orang tewas dalam bentrokan.")
    [cas] = of(ext, "Casualties")
    [fig] = cas.figures
    assert fig.quantity.value == 40 and fig.retracted
    assert ext.mentions[fig.retracted_by].text == "Kementerian Kesehatan"


def test_conflicting_figures_stay_side_by_side(read):
    ext = read("Para pejabat mengatakan 12 polisi tewas dan 30 orang terluka, sementara sedikitnya 200 orang ditangkap.")
    [cas] = of(ext, "Casualties")
    assert sorted((f.prop, f.quantity.value) for f in cas.figures) == [("injured", 30), ("killed", 12)]
    assert all(ext.mentions[f.reported_by].text == "Para pejabat" for f in cas.figures)
    [det] = of(ext, "Detention")
    assert [(f.quantity.value, f.quantity.qualifier) for f in det.figures] == [(200, "atLeast")]


def test_an_attacked_crowd_is_not_the_size_of_a_protest(read):
    ext = read("Militan telah menyerang 500 warga sipil dan menjarah ratusan toko.")
    assert all(not e.figures for e in ext.events)


def test_subset_figures_are_not_counted_twice(read):
    ext = read("Para pejabat mengatakan 13 orang tewas, termasuk dua orang yang dipenggal.")
    [cas] = of(ext, "Casualties")
    assert [f.quantity.value for f in cas.figures] == [13]


# --- statements ------------------------------------------------------------------

def test_shot_dead_is_a_casualty_with_its_count(read):
    ext = read("Polisi menembak mati dua pengunjuk rasa di Lima, ungkap pejabat.\n"
               "Tiga pengungsi lainnya ditembak mati di perbatasan Chad.")
    first, second = of(ext, "Casualties")
    assert [(f.prop, f.quantity.value) for f in first.figures] == [("killed", 2)]
    assert ext.mentions[first.figures[0].reported_by].text == "pejabat"
    assert [(f.prop, f.quantity.value) for f in second.figures] == [("killed", 3)]


def test_a_stay_at_home_order_is_a_curfew(read):
    ext = read("Pemerintah Sri Lanka memerintahkan warga tidak keluar rumah di Kolombo.\n"
               "Larangan keluar rumah dicabut pada Senin.\nWarga tidak keluar rumah karena hujan.")
    assert [e.sentence for e in of(ext, "EmergencyMeasure")] == [0, 1]


def test_speakers_after_the_verb_and_reports_by_an_agency(read):
    ext = read("Sedikitnya 12 orang terluka, tambah polisi.\n"
               "Dua orang tewas dalam serangan roket di bandara Kabul, seperti dilaporkan Reuters.\n"
               "Angka korban yang dilaporkan di antara tentara belum jelas.\n"
               "Para pengungsi mengatakan kamp mereka diserang.")
    assert [(s.sentence, ext.mentions[s.speaker].text) for s in of(ext, "Statement")] == \
        [(0, "polisi"), (3, "Para pengungsi")]
    # an agency's report is no statement of the agency: the events it reports are reported by it
    assert [(e.cls, names(ext, e.reported_by)) for e in ext.events if e.sentence == 1] == \
        [("Casualties", ["Reuters"]), ("Bombing", ["Reuters"])]


def test_suffering_injuries_and_speakers_that_are_staff_or_a_named_group(read):
    ext = read("Sekitar 30 orang menderita luka saat polisi membubarkan massa di Nairobi.\n"
               "Dua orang tewas, kata petugas di rumah sakit itu.\n"
               "Kelompok Al-Shabaab menyatakan bertanggung jawab atas serangan itu.")
    [injured, killed] = of(ext, "Casualties")
    assert [(f.prop, f.quantity.value, f.quantity.qualifier) for f in injured.figures] == [("injured", 30, "about")]
    assert [ext.mentions[s.speaker].text for s in of(ext, "Statement")] == ["petugas", "Kelompok Al-Shabaab"]


def test_quote_speaker_and_pronoun_speaker(read):
    ext = read("“Kami tidak akan mundur,” kata Perdana Menteri Nepal Khadga Prasad Oli.\n"
               "“Negara ini tetap aman,” katanya.")
    first, second = of(ext, "Statement")
    assert ext.mentions[first.speaker].text == "Khadga Prasad Oli"
    assert first.quote == "Kami tidak akan mundur"
    assert second.speaker == first.speaker and second.quote == "Negara ini tetap aman"
    [lc] = of(ext, "LeadershipChange")
    assert lc.negated and lc.modality == "future"


def test_medium_and_speaker_label(read):
    ext = read("Presiden Alexander Lukashenko mengatakan di Twitter bahwa “kelompok teroris” dikendalikan dari luar negeri.")
    [st] = of(ext, "Statement")
    assert ext.mentions[st.speaker].text == "Alexander Lukashenko"
    assert ext.mentions[st.medium].text == "Twitter"
    assert names(ext, st.labels) == ["kelompok teroris"]


def test_relative_clause_does_not_steal_the_speaker(read):
    ext = read("Prancis, yang menempatkan sekitar 1.500 tentara di Niger, mengatakan belum akan menarik pasukannya.")
    speakers = [ext.mentions[s.speaker].text for s in of(ext, "Statement")]
    assert speakers == ["Prancis"]
    withdrawal = [e for e in of(ext, "MilitaryDeployment") if e.sense == "withdrawal"]
    assert withdrawal and withdrawal[0].negated


def test_the_speaker_is_the_person_after_a_ministry_not_the_ministry(read):
    ext = read("Pejabat Kementerian Dalam Negeri Moussa Traoré mengatakan 20 orang ditahan di Bamako.")
    assert [ext.mentions[s.speaker].text for s in of(ext, "Statement")] == ["Moussa Traoré"]


def test_appositive_speaker(read):
    ext = read("Kate Mallinson, pakar Asia Tengah di London, Inggris mengatakan protes itu meluas.")
    assert [ext.mentions[s.speaker].text for s in of(ext, "Statement")] == ["Kate Mallinson"]


# --- coreference ---------------------------------------------------------------------

def test_resignation_and_dismissal_stay_apart(read):
    ext = read("Selain pemecatan menteri pertahanan, seluruh kabinet telah mengundurkan diri di Kolombo.")
    resolve_events(ext)
    changes = of(ext, "LeadershipChange")
    assert {e.sense for e in changes} == {"dismiss", "resign"}
    assert len({e.iri for e in changes}) == 2


def test_iris_are_deterministic(read):
    text = "Polisi menahan 20 orang di Dhaka pada hari Senin. Polisi menahan 20 orang di Dhaka pada hari Senin."
    runs = []
    for _ in range(2):
        ext = read(text, date(2024, 8, 8))
        resolve_events(ext)
        runs.append([e.iri for e in ext.events])
    assert runs[0] == runs[1]
    assert len(set(runs[0])) == 1                             # the same detention told twice


# --- RDF ---------------------------------------------------------------------------

def test_event_triples_live_in_their_sentence_graph(read):
    from kg import rdf
    from kg.vocab import CRISIS, span_iri

    ext = read("Kementerian Kesehatan mencabut pernyataan yang mengatakan bahwa 40 orang tewas. "
               "Presiden Kais Saied mengatakan di Facebook bahwa “kelompok teroris” menyerang Tunis. "
               "Pihak berwenang mengumumkan keadaan darurat hingga 19 Januari.", date(2022, 1, 6))
    resolve_events(ext)
    quads = list(rdf.document_quads(ext, "x"))
    sentence_graphs = {span_iri("t", s.begin, s.end) for s in ext.sentences}

    def having(pred):
        return [q for q in quads if q.predicate == NamedNode(CRISIS + pred)]
    assert all(q.graph_name.value in sentence_graphs for q in having("trigger"))
    assert having("retractedBy") and having("retracted")
    [label] = having("labelledBy")
    assert label.object.value == ext.mentions[of(ext, "Statement")[1].speaker].entity
    [end] = having("endDate")
    assert end.object.value == "2022-01-19"


# --- the seeds -------------------------------------------------------------------------

def _rows(graph, query: str) -> list[dict]:
    from kg.vocab import sparql_prefixes

    results = graph.query(sparql_prefixes() + query, use_default_graph_as_union=True)
    keys = [v.value for v in results.variables]
    return [{k: (r[k].value if r[k] is not None else None) for k in keys} for r in results]


def test_seeds_storming_of_city_hall_on_5_january(seed_graph):
    rows = _rows(seed_graph, """SELECT DISTINCT ?e WHERE { ?e a crisis:Riot ; crisis:date "2022-01-05"^^xsd:date ;
        crisis:place/rdfs:label "Almaty" }""")
    assert rows


def test_seeds_emergency_until_19_january_and_internet(seed_graph):
    assert _rows(seed_graph, """SELECT ?e WHERE { ?e a crisis:EmergencyMeasure ; crisis:endDate "2022-01-19"^^xsd:date }""")
    assert _rows(seed_graph, """SELECT ?e WHERE { ?e a crisis:CommunicationShutdown ; crisis:date "2022-01-05"^^xsd:date }""")
    assert _rows(seed_graph, """SELECT ?e WHERE { ?e a crisis:CommunicationRestoration ; crisis:date "2022-01-06"^^xsd:date ;
        crisis:place/rdfs:label "Almaty" }""")


def test_seeds_figures_with_sources_and_retraction(seed_graph):
    rows = _rows(seed_graph, """SELECT ?v ?src ?r WHERE { ?f a crisis:Figure ; rdf:value ?v .
        OPTIONAL { ?f crisis:reportedBy/rdfs:label ?src } OPTIONAL { ?f crisis:retracted ?r } }""")
    got = {(int(r["v"]), r["src"], r["r"]) for r in rows}
    assert (164, None, "true") in got
    assert any(v == 5800 and src for v, src, _ in got)
    assert any(v == 8 and src and "Dalam Negeri" in src for v, src, _ in got)


def test_seeds_statements_of_the_main_speakers(seed_graph):
    rows = _rows(seed_graph, """SELECT DISTINCT ?n WHERE { ?s a crisis:Statement ; crisis:speaker/rdfs:label ?n }""")
    speakers = " | ".join(r["n"] for r in rows)
    for name in ("Tokayev", "Pashinyan", "Blinken", "Price", "Mallinson"):
        assert name in speakers


def test_seeds_crisis_chain_is_in_order(seed_store):
    from kg.query import find, rows_of, run
    from kg.store import GraphStore

    names_, rows = rows_of(run(GraphStore(seed_store).open_read(), find("crisis_chain")))
    first = {r[names_.index("type")]: r[names_.index("firstDate")] for r in rows}
    assert first["Protest"] < first["Riot"] <= first["AidRequest"] < first["MilitaryDeployment"]


def test_events_at_place_binds_its_parameter(seed_store):
    from kg.query import find, rows_of, run
    from kg.store import GraphStore

    names_, rows = rows_of(run(GraphStore(seed_store).open_read(), find("events_at_place"), {"place": "almaty"}))
    assert rows and {r[names_.index("placeName")] for r in rows} == {"Almaty"}


def test_parenthesised_date_before_a_comma(read):
    ext = read("Pada Jumat (9/8/2024), ratusan mahasiswa berkumpul di Dhaka.", date(2024, 8, 10))
    [protest] = of(ext, "Protest")
    assert protest.date == date(2024, 8, 9)
    assert [(f.prop, f.quantity.value) for f in protest.figures] == [("protesters", 100)]


def test_according_to_an_unnamed_source_has_no_speaker(read):
    ext = read("Menurut seorang saksi di kantor polisi, Ahmed Rahman ditangkap pada hari Senin.", date(2024, 8, 8))
    assert not of(ext, "Statement")
    assert "polisi" not in names(ext, of(ext, "Detention")[0].targets)     # "kantor polisi" is a place


@pytest.mark.parametrize("name, values", [
    ("events_at_place", {"place": "Almaty"}), ("events_at_place", {"place": "kazakhstan"}),
    ("statements_by_actor", {"actor": "Kementerian"}), ("evidence", {"name": "CSTO"})])
def test_lateral_queries_give_the_same_rows_without_lateral(seed_store, name, values):
    """The README tells users of other SPARQL stores to drop LATERAL (an Oxigraph extension)."""
    from dataclasses import replace

    from kg.query import find, rows_of, run
    from kg.store import GraphStore

    store, saved = GraphStore(seed_store).open_read(), find(name)
    assert "LATERAL" in saved.text
    plain = replace(saved, text=saved.text.replace("LATERAL", ""))

    def rows(query):     # GROUP_CONCAT's order is not defined: compare its items as sets
        names_, found = rows_of(run(store, query, values))
        return sorted(tuple(tuple(sorted(cell.split(", "))) for cell in row) for row in found)

    assert rows(saved) and rows(saved) == rows(plain)


def test_persons_roles_counts_each_persons_sentences(seed_store, seed_graph):
    """The saved query reads mentions graph by graph; the count must match a plain reading."""
    from collections import defaultdict

    from kg.query import find, rows_of, run
    from kg.store import GraphStore

    plain = defaultdict(set)
    for row in _rows(seed_graph, """SELECT ?p ?s WHERE { ?m itsrdf:taIdentRef ?p ; nif:sentence ?s .
                                    GRAPH ?e { ?p a crisis:Person } FILTER(STRENDS(STR(?e), "entities")) }"""):
        plain[row["p"]].add(row["s"])
    names_, rows = rows_of(run(GraphStore(seed_store).open_read(), find("persons_roles")))
    counted = {r[names_.index("person")]: int(r[names_.index("sentences")]) for r in rows}
    assert counted == {p: len(s) for p, s in plain.items()} and len(counted) > 10


PLAIN_READINGS = {    # what a saved query means, written the obvious (slow) way
    "documents": """
        SELECT ?id ?sentences ?mentions WHERE {
          ?doc a crisis:Document ; dcterms:identifier ?id .
          { SELECT ?doc (COUNT(DISTINCT ?s) AS ?sentences) WHERE { ?s a nif:Sentence ; nif:referenceContext ?doc } GROUP BY ?doc }
          { SELECT ?doc (COUNT(DISTINCT ?m) AS ?mentions) WHERE { GRAPH ?g { ?m a nif:Phrase ; nif:referenceContext ?doc } } GROUP BY ?doc }
        }""",
    "timeline": """
        SELECT ?type ?date ?evidence ?trigger ?example ?event WHERE {
          { SELECT ?event ?type (COUNT(DISTINCT ?sentence) AS ?evidence) (MIN(?text) AS ?example) WHERE {
              ?event crisis:evidence ?sentence ; a ?class . ?class rdfs:subClassOf+ crisis:Event .
              BIND(STRAFTER(STR(?class), "#") AS ?type) ?sentence nif:isString ?text .
              FILTER NOT EXISTS { ?event crisis:negated true } FILTER NOT EXISTS { ?event crisis:modality [] } }
            GROUP BY ?event ?type }
          { SELECT ?event (MIN(?trig) AS ?trigger) (MIN(?d) AS ?date) WHERE {
              ?event crisis:trigger ?trig . OPTIONAL { ?event crisis:date ?d } } GROUP BY ?event }
        }""",
    "cooccurrence": """
        SELECT ?aName ?bName ?sentences WHERE {
          { SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?sentences) WHERE {
              GRAPH ?s { ?m1 itsrdf:taIdentRef ?a } GRAPH ?s { ?m2 itsrdf:taIdentRef ?b } FILTER(STR(?a) < STR(?b))
            } GROUP BY ?a ?b HAVING (COUNT(DISTINCT ?s) > 1) }
          GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?a rdfs:label ?aName FILTER NOT EXISTS { ?a a crisis:Group } }
          GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?b rdfs:label ?bName FILTER NOT EXISTS { ?b a crisis:Group } }
        }""",
    "places": """
        SELECT ?name ?mentions ?documents WHERE {
          { SELECT ?place ?name (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
              GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?place a ?class ; rdfs:label ?name }
              VALUES ?class { crisis:Place crisis:Country crisis:City crisis:Region crisis:Facility }
              ?m itsrdf:taIdentRef ?place ; nif:referenceContext ?doc } GROUP BY ?place ?name }
        }""",
    "events_at_place": """
        SELECT ?place ?placeName ?date ?type ?evidence ?event WHERE {
          ?p rdfs:label ?placeName FILTER(LCASE(STR(?placeName)) = LCASE(STR(?place)))
          { SELECT ?p ?event ?type (COUNT(DISTINCT ?sentence) AS ?evidence) (MIN(?d) AS ?date) WHERE {
              ?event crisis:place ?p ; crisis:evidence ?sentence ; a ?class . ?class rdfs:subClassOf+ crisis:Event .
              BIND(STRAFTER(STR(?class), "#") AS ?type) OPTIONAL { ?event crisis:date ?d }
              FILTER NOT EXISTS { ?event crisis:negated true } FILTER NOT EXISTS { ?event crisis:modality [] } }
            GROUP BY ?p ?event ?type }
        }""",
    "actor_network": """
        CONSTRUCT {
          ?event a ?eventClass ; crisis:date ?date ; crisis:evidence ?sentence ; ?role ?actor .
          ?person crisis:affiliation ?organisation .
          ?node a ?class , ?top ; rdfs:label ?label ; owl:sameAs ?wikidata .
        }
        WHERE {
          {
            { SELECT DISTINCT ?event WHERE {      # events with someone or somewhere to draw, asserted
                VALUES ?edge { crisis:agent crisis:target crisis:participant crisis:speaker crisis:place }
                ?event ?edge [] FILTER NOT EXISTS { ?event crisis:negated true }
                FILTER NOT EXISTS { ?event crisis:modality [] } } }
            { ?event a ?eventClass . ?eventClass rdfs:subClassOf+ crisis:Event }
            UNION { VALUES ?role { crisis:agent crisis:target crisis:participant crisis:speaker crisis:place } ?event ?role ?actor }
            UNION { ?event crisis:evidence ?sentence }
            UNION { ?event crisis:date ?date }
          } UNION {
            ?person crisis:affiliation ?organisation .
          } UNION {
            GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?node a ?class ; rdfs:label ?label }
            FILTER EXISTS { { VALUES ?link { crisis:agent crisis:target crisis:participant crisis:speaker crisis:place
                                             crisis:affiliation }
                              [] ?link ?node }
                            UNION { ?node crisis:affiliation [] } }
            OPTIONAL { ?node owl:sameAs ?wikidata }
            OPTIONAL { ?class rdfs:subClassOf* ?top VALUES ?top { crisis:Person crisis:Organization crisis:Place crisis:Group } }
          }
        }""",
}


PLAIN_READING_VALUES = {"events_at_place": {"place": "Almaty"}}


@pytest.mark.parametrize("name", sorted(PLAIN_READINGS))
def test_saved_queries_written_for_speed_mean_their_plain_reading(seed_store, name):
    """Queries rewritten for Oxigraph's join order (hashed subqueries, DISTINCT before joins)
    must give what the plain reading gives, in every column the plain reading selects."""
    from kg.store import GraphStore

    assert_plain_reading(GraphStore(seed_store).open_read(), name, PLAIN_READING_VALUES.get(name, {}))


def assert_plain_reading(store, name: str, values: dict[str, str]) -> list[dict[str, str]]:
    """Assert the saved query gives its plain reading's rows (a CONSTRUCT: its triples) on
    ``store``; returns the rows, by column, for further checks."""
    import pyoxigraph as ox

    from kg.query import find, rows_of, run
    from kg.vocab import sparql_prefixes

    plain = store.query(sparql_prefixes() + PLAIN_READINGS[name], use_default_graph_as_union=True,
                        substitutions={ox.Variable(k): ox.Literal(v) for k, v in values.items()})
    if isinstance(plain, ox.QueryTriples):
        want = set(map(str, plain))
        assert want and set(map(str, run(store, find(name)))) == want
        return []
    keys = [v.value for v in plain.variables]
    want = sorted(tuple("" if p[k] is None else p[k].value for k in keys) for p in plain)
    names, rows = rows_of(run(store, find(name), values))
    got = sorted(tuple(row[names.index(k)] for k in keys) for row in rows)
    assert want and got == want
    return [dict(zip(names, row)) for row in rows]


REPORTS_THAT_DISAGREE = """
    INSERT DATA {
      GRAPH <https://w3id.org/crisis-kg/id/graph/entities> {
        kgid:valparaiso a crisis:City ; rdfs:label "Valparaíso" .
        kgid:estudiantes a crisis:Group ; rdfs:label "estudiantes" . }
      GRAPH kgid:s1 { kgid:march a crisis:Protest ; crisis:place kgid:valparaiso ; crisis:agent kgid:estudiantes ;
                      crisis:date "2019-10-18"^^xsd:date ; crisis:evidence kgid:s1 . }
      GRAPH kgid:s2 { kgid:march a crisis:Protest ; crisis:place kgid:valparaiso ;
                      crisis:date "2019-10-19"^^xsd:date ; crisis:evidence kgid:s2 . }
      GRAPH kgid:s3 { kgid:arrests a crisis:Detention ; crisis:place kgid:valparaiso ; crisis:negated true ;
                      crisis:evidence kgid:s3 . }
      GRAPH kgid:s4 { kgid:looting a crisis:Riot ; crisis:place kgid:valparaiso ; crisis:evidence kgid:s4 . }
    }"""


def test_events_at_place_keeps_the_earliest_report_and_leaves_out_denied_events():
    """Two sentences date one protest a day apart, a third denies arrests: the saved query
    gives the protest once, on the earlier date, with both reports, and no arrests."""
    import pyoxigraph as ox

    from kg.pipeline import load_ontology
    from kg.vocab import sparql_prefixes

    store = ox.Store()
    load_ontology(store)
    store.update(sparql_prefixes() + REPORTS_THAT_DISAGREE)
    rows = assert_plain_reading(store, "events_at_place", {"place": "valparaíso"})
    assert sorted((r["type"], r["date"], r["evidence"], r["actors"]) for r in rows) == [
        ("Protest", "2019-10-18", "2", "estudiantes"), ("Riot", "", "1", "")]


def test_a_town_is_where_an_event_happens_not_whom_it_befalls(read):
    """A city read where a victim or a party would stand becomes the event's place; a country stays
    an actor, and a measure may still be about a city."""
    ext = read("Taliban menyerang Kabul pada hari Senin.", date(2021, 3, 2))
    attack = of(ext, "ArmedClash")[0]
    assert names(ext, attack.places) == ["Kabul"] and not attack.targets and not attack.participants
    war = read("Rusia menyerang Ukraina pada hari Kamis.", date(2022, 2, 25))
    assert names(war, of(war, "ArmedClash")[0].targets + of(war, "ArmedClash")[0].participants) == ["Ukraina"]
    recognition = read("AS mengakui Yerusalem sebagai ibu kota Israel.", date(2017, 12, 7))
    assert names(recognition, of(recognition, "PolicyMeasure")[0].targets) == ["Yerusalem"]


@pytest.mark.parametrize("text, said", [
    ("Kepala polisi Kenya Japhet Koome mengatakan, tersangka tiba di Nairobi pada Kamis (5/10) dari Mombasa.", None),
    ("“Kami sudah menangkap tiga orang,” kata Kepala polisi Kenya Japhet Koome, Selasa (3/10).", date(2023, 10, 3)),
    ("Kepala polisi Kenya Japhet Koome mengatakan, Selasa (3/10), bahwa tiga orang ditangkap.", date(2023, 10, 3)),
])
def test_a_statement_is_dated_by_when_it_was_said_not_by_what_it_tells(read, text, said):
    statements = of(read(text, date(2023, 10, 8)), "Statement")
    assert statements and statements[0].date == said
