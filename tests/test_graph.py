"""The seed graph: NIF offsets, provenance graphs, resolution, determinism."""
from __future__ import annotations

import pyoxigraph as ox

from kg.vocab import ENTITIES_GRAPH, ONTOLOGY_GRAPH, sparql_prefixes


def select(store, query, **values):
    subs = {ox.Variable(k): ox.Literal(v) for k, v in values.items()}
    return list(store.query(sparql_prefixes() + query, use_default_graph_as_union=True,
                            substitutions=subs or None))


def test_every_mention_anchor_matches_the_document_text(seed_graph):
    rows = select(seed_graph, """SELECT ?text ?anchor ?b ?e ?stext ?sb WHERE {
        ?m a nif:Phrase ; nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ;
           nif:referenceContext ?d ; nif:sentence ?s .
        ?d nif:isString ?text . ?s nif:isString ?stext ; nif:beginIndex ?sb }""")
    assert len(rows) > 200
    for r in rows:
        text, b, e = r["text"].value, int(r["b"].value), int(r["e"].value)
        assert text[b:e] == r["anchor"].value
        sb = int(r["sb"].value)
        assert r["stext"].value[b - sb:e - sb] == r["anchor"].value


def test_mentions_live_in_their_sentence_graph(seed_graph):
    rows = select(seed_graph, """SELECT (COUNT(*) AS ?n) WHERE {
        GRAPH ?g { ?m a nif:Phrase ; nif:sentence ?s } FILTER(?g != ?s) }""")
    assert rows[0]["n"].value == "0"


def test_chrome_is_never_a_sentence(seed_graph):
    rows = select(seed_graph, """SELECT ?t WHERE { ?s a nif:Sentence ; nif:isString ?t .
        FILTER(CONTAINS(?t, "Bagikan") || CONTAINS(?t, "Play Store") || CONTAINS(?t, "Google News")) }""")
    assert rows == []


def entity_for(store, name):
    rows = select(store, f"""SELECT DISTINCT ?e ?name WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
        {{ ?e rdfs:label ?n }} UNION {{ ?e skos:altLabel ?n }} }} FILTER(STR(?n) = STR(?name)) }}""", name=name)
    return {r["e"].value for r in rows}


def test_one_node_per_real_world_entity(seed_graph):
    tokayev = entity_for(seed_graph, "Kassym-Jomart Tokayev")
    assert len(tokayev) == 1 and entity_for(seed_graph, "Tokayev") == tokayev
    csto = entity_for(seed_graph, "CSTO")
    assert len(csto) == 1
    assert entity_for(seed_graph, "Organisasi Perjanjian Keamanan Kolektif") == csto
    assert entity_for(seed_graph, "Collective Security Treaty Organization") == csto
    assert entity_for(seed_graph, "Saltanat Azirbek") == entity_for(seed_graph, "Saltanet Azirbek") != set()


def test_persons_are_persons_and_titles_are_roles(seed_graph):
    rows = select(seed_graph, """SELECT ?label ?role WHERE { ?e a crisis:Person ; rdfs:label ?label ;
        crisis:role ?role }""")
    roles = {(r["label"].value, r["role"].value) for r in rows}
    assert ("Antony Blinken", "Menteri Luar Negeri") in roles
    assert ("Nikol Pashinyan", "Perdana Menteri") in roles
    labels = {r["label"].value for r in rows}
    assert not any(label.startswith(("Presiden", "Perdana", "Menteri")) for label in labels)


def test_rebuilding_doubles_nothing(tmp_path, monkeypatch):
    import kg.pipeline as pipeline

    seeds = __import__("conftest").SEEDS
    first = pipeline.build([seeds], tmp_path / "s", jobs=1)
    second = pipeline.build([seeds], tmp_path / "s", jobs=1)
    assert second.unchanged == 5 and second.built == 0
    assert first.quads == second.quads
    monkeypatch.setattr(pipeline, "settings_hash", lambda use_model: "changed")
    third = pipeline.build([seeds], tmp_path / "s", jobs=1)   # everything re-extracted and replaced
    assert third.built == 5 and third.quads == first.quads


def test_two_jobs_give_the_same_graph(tmp_path):
    from kg.pipeline import build
    from kg.store import GraphStore

    seeds = __import__("conftest").SEEDS
    build([seeds], tmp_path / "one", jobs=1)
    build([seeds], tmp_path / "two", jobs=2)
    def dump(path):
        return sorted(str(q) for q in GraphStore(path).open_read() if q.graph_name.value != ONTOLOGY_GRAPH)

    assert dump(tmp_path / "one") == dump(tmp_path / "two")


def test_fresh_build_labels_and_links_as_the_store_would_give_them(seed_store, tmp_path):
    """A fresh build derives entity labels and links from what it built, not by reading every
    mention back; the result must be what reading the store gives."""
    import shutil

    from kg.pipeline import finish
    from kg.store import GraphStore
    from kg.vocab import LINKS_GRAPH

    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)

    def derived():
        store = GraphStore(copy).open_read()
        return sorted(str(q) for q in store if q.graph_name.value in (ENTITIES_GRAPH, LINKS_GRAPH))

    built = derived()
    with GraphStore(copy).write() as store:
        finish(store)
    assert built == derived() and len(built) > 100
