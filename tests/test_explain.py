"""`kg explain` and the data of the entity and event pages: what a person reads about one node.

Exact on a small hand-made store (graph_fixture, with a second article joined to the protest),
by shape on the seeds' build: the node first with its types once, facts named from its own side,
each with a sentence (words marked) and its source, events named by type, place and date, and for
a joined event which articles and why.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict

import httpx
import pytest
from graph_fixture import JOINED, make_store, start_server, stop_server
from test_server_hostile import raw_get

from kg.explain import describe, explain, labels
from kg.store import GraphStore
from kg.vocab import ID

PROTEST = ID + "event/lk-1-protest"
FACT = re.compile(r"^  (?P<relation>[a-z][a-z ]*): (?P<value>.+?)(?: \[(?P<refs>[\d, ]+)\])?(?: \(\+\d+ more sentences?\))?$")
SENTENCE = re.compile(r"^      \[(?P<n>\d+)\] “.+” \((?P<credit>.+)\)$")
EVENT_NAME = re.compile(r"^[A-Z][a-z]+[a-z ]*( \([a-z, ]+\))?( by .+?)?( in .+?)?, (\d{4}-\d\d-\d\d|undated)( \([a-z, ]+\))?$")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("explain") / "store", JOINED)


@pytest.fixture(scope="module")
def store(store_path):
    return GraphStore(store_path).open_read()


def test_an_entity_first_with_its_types_once_then_its_facts_from_its_side(store):
    lines = explain(store, "colombo")                      # any case, label or other name
    assert lines[:3] == ["Colombo (city)", f"  <{ID}place/colombo>",
                         "  Wikidata Q35381; named in 3 sentences of 2 articles"]
    assert lines[3:5] == [
        "  place of: Protest by protesters in Colombo, 2022-07-09 (+1 more sentence)",
        "      [1] “Ribuan demonstran «berunjuk rasa» di «Kolombo» pada 9 Juli.” (lk-1, 2022-07-14)"]
    assert "  place of: Riot in Colombo, undated (negated) [1]" in lines
    assert sum("city" in line for line in lines) == 1
    assert not any(re.search(r"\b(rdf|crisis|kgid):", line) for line in lines)


def test_relations_read_from_the_entitys_side(store):
    protesters = explain(store, "protesters")
    assert "  agent of: Protest by protesters in Colombo, 2022-07-09 (+1 more sentence)" in protesters
    assert "  target of: Military deployment by Sri Lanka Army in Colombo, 2022-07-13" in protesters
    assert not any(line.startswith(("  agent:", "  target:")) for line in protesters)
    police = explain(store, "Sri Lanka Police")
    assert "  reported: Protest by protesters in Colombo, 2022-07-09" in police
    assert "  reported figure: count about 5000: Protest by protesters in Colombo, 2022-07-09 [1]" in police
    assert explain(store, "Front \"Aragalaya\" \\ movement")[3] == "  has affiliated: Ranil Wickremesinghe"


def test_a_joined_event_says_which_articles_and_why(store):
    lines = explain(store, "event/lk-1-protest")
    assert lines == explain(store, PROTEST)
    assert lines[:4] == ["Protest by protesters in Colombo, 2022-07-09", f"  <{PROTEST}>",
                         "  reported in 3 sentences of 2 articles",
                         "  joined: lk-1 + lk-2 share Colombo, the stated day 2022-07-09 (score 3.5)"]
    assert "      [2] “«Sekitar 5.000» demonstran kembali «berdemo» di Kolombo, kata polisi.” " \
           "(Sri Lanka Police says, lk-2, Harian Contoh, 2022-07-10)" not in lines      # shown under its first fact
    assert "  count: about 5000 [2]" in lines and "  killed: 2 [3]" in lines
    assert "  reported by: Sri Lanka Police [2]" in lines
    assert any(line.endswith("(Sri Lanka Police says, lk-2, Harian Contoh, 2022-07-10)") for line in lines)


def test_each_fact_has_its_sentence_or_points_to_one_shown_above(store, seed_graph):
    for graph, name in ((store, "Colombo"), (store, PROTEST), (seed_graph, "Tokayev"), (seed_graph, "CSTO")):
        shown: set[int] = set()
        lines = explain(graph, name)
        for line, following in zip(lines[3:], lines[4:] + [""]):
            fact, sentence = FACT.match(line), SENTENCE.match(line)
            if fact and fact["relation"] not in ("joined", "related"):
                refs = {int(n) for n in (fact["refs"] or "").split(", ") if n}
                assert refs <= shown and (refs or SENTENCE.match(following)), (name, line)
            elif sentence:
                shown.add(int(sentence["n"]))
                assert re.search(r"(lk-\d|\d{3}_[0-9a-f]{16})", sentence["credit"]), line


def test_the_seeds_read_in_a_minute(seed_graph):
    lines = explain(seed_graph, "Tokayev")
    assert lines[0] == "Kassym-Jomart Tokayev (person)"
    assert "also called Tokayev" in lines[2] and "Wikidata Q200881" in lines[2]
    assert len(lines) < 80
    assert not any(re.search(r"\b(rdf|crisis|kgid|owl):|https?://", line) for line in lines[2:])
    facts = describe(seed_graph, ID + "person/kassym-jomart-tokayev").facts
    relations = {f.relation for f in facts}
    assert {"role", "agent of", "speaker in"} <= relations and not relations & {"agent", "speaker", "target"}
    events = [f for f in facts if f.link.startswith("/event/")]
    assert events and all(EVENT_NAME.match(f.value) for f in events), [f.value for f in events]
    said = {(f.link, s.sentence) for f in facts if f.relation == "speaker in" for s in f.sources}
    assert not {(f.link, s.sentence) for f in facts if f.relation == "agent of" for s in f.sources} & said


def test_a_joined_event_of_the_seeds(seed_graph):
    joined = [r["e"].value for r in seed_graph.query(
        "SELECT DISTINCT ?e WHERE { ?e <https://w3id.org/crisis-kg/ontology#merge> [] } ORDER BY ?e",
        use_default_graph_as_union=True)]
    assert joined
    lines = explain(seed_graph, joined[0])
    assert EVENT_NAME.match(lines[0]), lines[0]
    assert any(re.fullmatch(r"  joined: \d{3}_[0-9a-f]{16} \+ \d{3}_[0-9a-f]{16} share .+ \(score \d+(\.\d+)?\)", line)
               for line in lines), lines


def test_the_page_data_is_json_with_marked_words(store):
    desc = describe(store, PROTEST)
    data = json.loads(json.dumps(asdict(desc)))
    assert data["kind"] == "event" and data["documents"] == ["lk-1", "lk-2"]
    assert data["merges"] == [{"documents": ["lk-1", "lk-2"], "shared": ["Colombo"], "score": 3.5,
                               "date": "2022-07-09", "stated": True}]
    [count] = [f for f in desc.facts if f.relation == "count"]
    [source] = count.sources
    assert [source.text[b:e] for b, e in source.marks] == ["Sekitar 5.000", "berdemo"]
    assert (source.claimant, source.publisher, source.issued) == ("Sri Lanka Police", "Harian Contoh", "2022-07-10")
    assert [r[0] for r in desc.related] == ["/event/lk-1-deploy", "/event/lk-1-riot"]
    colombo = describe(store, ID + "place/colombo")
    assert colombo.kind == "entity" and colombo.wikidata == ["Q35381"] and len(colombo.mentions) == 3
    assert describe(store, ID + "person/nobody") is None and describe(store, "not an IRI") is None


def test_labels_name_what_a_table_shows(store):
    found = labels(store, [PROTEST, ID + "place/colombo", ID + "doc/lk-2", "http://www.wikidata.org/entity/Q35381",
                           "https://w3id.org/crisis-kg/ontology#MilitaryDeployment", "http://example.org/x",
                           "not an iri", "http://a b"])
    assert {k: (v.label, v.href, v.category) for k, v in found.items()} == {
        PROTEST: ("Protest by protesters in Colombo, 2022-07-09", "/event/lk-1-protest", "Event"),
        ID + "place/colombo": ("Colombo", "/entity/place/colombo", "Place"),
        ID + "doc/lk-2": ("lk-2", "", ""),
        "http://www.wikidata.org/entity/Q35381": ("Q35381", "", ""),
        "https://w3id.org/crisis-kg/ontology#MilitaryDeployment": ("military deployment", "", ""),
        "http://example.org/x": ("http://example.org/x", "", "")}


def test_explain_names_nothing_it_does_not_know(store):
    assert explain(store, "Nobody") == [] and explain(store, "event/nothing") == []


# --- the page routes of `kg serve` -----------------------------------------------------

@pytest.fixture(scope="module")
def client(store_path):
    process, url = start_server(store_path, "--workers", "1")
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    stop_server(process)


def test_pages_and_their_data(client):
    page = client.get("/event/lk-1-protest")
    assert page.status_code == 200 and "/static/item.js" in page.text
    assert client.get("/entity/place/colombo").text == page.text
    about = client.get("/about/event/lk-1-protest")
    assert about.headers["content-type"] == "application/json" and about.json()["name"].startswith("Protest by")
    assert client.get("/about/person/nobody").status_code == 404
    names = client.post("/labels", json=[ID + "place/colombo"]).json()
    assert names == {ID + "place/colombo": {"label": "Colombo", "href": "/entity/place/colombo", "category": "Place"}}
    for bad in ("{}", "[1, 2]", "not json"):
        assert client.post("/labels", content=bad).status_code == 400
    assert client.get("/prefixes").json()["crisis"] == "https://w3id.org/crisis-kg/ontology#"


@pytest.mark.parametrize("path", ["/entity/..%2f..%2fserver.py", "/event/../../server.py", "/about/..%2f..%2fetc%2fpasswd",
                                  "/about/%2e%2e/%2e%2e/server.py", "/entity/%00"])
def test_page_routes_serve_no_file_but_the_page(client, path):
    status, reply = raw_get(client, path)
    assert status in (200, 404), reply[:200]
    assert b"def make_app" not in reply and b"root:" not in reply
    if status == 200:
        assert b"/static/item.js" in reply
