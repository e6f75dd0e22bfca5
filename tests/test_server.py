"""`kg serve` over real HTTP: the SPARQL 1.1 Protocol, saved queries, limits and safety."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib
from graph_fixture import free_port, make_store, start_server, stop_server

from kg.store import GraphStore

ORIGIN = "https://analysts.example.org"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def server(store):
    process, url = start_server(store, "--timeout", "2", "--max-results", "50", "--max-body", "20000",
                                "--cors", ORIGIN)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    stop_server(process)


def count(response) -> int:
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_query_agree(server, store):
    quads = len(GraphStore(store).open_read())
    assert count(server.get("/sparql", params={"query": COUNT})) == quads
    assert count(server.post("/sparql", data={"query": COUNT})) == quads
    response = server.post("/sparql", content=COUNT, headers={"Content-Type": "application/sparql-query"})
    assert response.headers["content-type"] == "application/sparql-results+json" and count(response) == quads


def test_results_content_negotiation(server):
    query = {"query": "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"}
    xml = server.get("/sparql", params=query, headers={"Accept": "application/sparql-results+xml"})
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    labels = [e.text for e in ET.fromstring(xml.content).findall(".//r:literal", ns)]
    assert "Colombo" in labels
    rows = list(csv.reader(io.StringIO(server.get("/sparql", params=query, headers={"Accept": "text/csv"}).text)))
    assert rows[0] == ["label"] and ["Colombo"] in rows
    tsv = server.get("/sparql", params=query, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values") and '"Colombo"' in tsv.text
    preferred = server.get("/sparql", params=query, headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"})
    assert preferred.headers["content-type"] == "application/sparql-results+xml"
    assert server.get("/sparql", params=query, headers={"Accept": "image/png"}).status_code == 406
    ask = server.get("/sparql", params={"query": "ASK { ?s a <https://w3id.org/crisis-kg/ontology#Protest> }"})
    assert ask.json()["boolean"] is True


@pytest.mark.parametrize("media, parser", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                           ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                                           ("application/n-quads", "nquads"), ("application/trig", "trig"),
                                           ("text/n3", "n3")])
def test_construct_as_rdf(server, media, parser):
    query = "CONSTRUCT { ?e ?p ?o } WHERE { GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?e ?p ?o } }"
    response = server.get("/sparql", params={"query": query}, headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media
    assert len(list(rdflib.Dataset().parse(data=response.text, format=parser).quads())) == 10


def test_saved_queries_listed_and_run_with_bound_parameters(server):
    listed = {q["name"]: q for q in server.get("/queries").json()}
    assert listed["timeline"]["title"] and listed["timeline"]["description"]
    assert listed["evidence"]["params"][0]["name"] == "name" and listed["actor_network"]["kind"] == "CONSTRUCT"
    rows = server.get("/queries/evidence", params={"name": "colombo"}).json()["results"]["bindings"]
    assert {r["anchor"]["value"] for r in rows} == {"Kolombo"}
    injected = server.get("/queries/evidence", params={"name": '" } ; DROP ALL ; #'})
    assert injected.status_code == 200 and injected.json()["results"]["bindings"] == []
    missing = server.get("/queries/evidence")
    assert missing.status_code == 400 and "needs --param name" in missing.text
    assert server.get("/queries/nothing").status_code == 404
    assert server.get("/queries/..%2F..%2Fpyproject.toml").status_code == 404


def test_optional_parameters_are_listed_with_type_and_default(server):
    listed = {q["name"]: q for q in server.get("/queries").json()}
    assert listed["events_at_place"]["params"] == [
        {"name": "place", "type": "string", "default": None,
         "description": 'Name of the place as written in the articles, e.g. "Almaty"'},
        {"name": "unasserted", "type": "boolean", "default": "false",
         "description": "Also show negated, future, promised, planned, conditional and hypothetical events"}]

    def events(**params):
        response = server.get("/queries/events_at_place", params={"place": "Colombo", **params})
        assert response.status_code == 200, response.text
        return {r["event"]["value"].rsplit("/", 1)[-1] for r in response.json()["results"]["bindings"]}

    assert events() == events(unasserted="false") == {"lk-1-protest", "lk-1-deploy"}
    assert events(unasserted="true") == {"lk-1-protest", "lk-1-deploy", "lk-1-riot"}     # the negated riot
    wrong = server.get("/queries/events_at_place", params={"place": "Colombo", "unasserted": "maybe"})
    assert wrong.status_code == 400 and wrong.text == "parameter unasserted must be true or false, got 'maybe'\n"


def test_updates_are_refused(server):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert server.post("/sparql", data={"update": update}).status_code == 403
    sent = server.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    assert sent.status_code == 403 and "read-only" in sent.text
    assert server.get("/sparql", params={"query": update}).status_code == 403


def test_bad_query_is_a_400_with_one_line(server):
    response = server.get("/sparql", params={"query": "SELEKT nothing"})
    assert response.status_code == 400 and len(response.text.strip().splitlines()) == 1


def test_body_limit(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30000
    response = server.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_result_limit_cuts_and_says_so(server):
    response = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 50 and response.headers["x-sparql-maxrows"] == "50"
    exact = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"})
    assert len(exact.json()["results"]["bindings"]) == 50 and "x-sparql-maxrows" not in exact.headers
    one_more = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 51"})
    assert one_more.headers["x-sparql-maxrows"] == "50"
    triples = server.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                         headers={"Accept": "application/n-triples"})
    assert len(triples.text.splitlines()) == 50 and triples.headers["x-sparql-maxrows"] == "50"


def solutions(response) -> list[str]:
    """The values of ?x in an answer, whatever its format."""
    media = response.headers["content-type"].split(";")[0]
    if media == "application/sparql-results+json":
        return [b["x"]["value"] for b in response.json()["results"]["bindings"]]
    if media == "application/sparql-results+xml":
        return [e.text for e in ET.fromstring(response.content).iter("{http://www.w3.org/2005/sparql-results#}literal")]
    if media == "text/csv":
        return [row[0] for row in list(csv.reader(io.StringIO(response.text)))[1:]]
    return [json.loads(line) for line in response.text.splitlines()[1:]]    # TSV: "value" lines


@pytest.mark.parametrize("media", ["application/sparql-results+json", "application/sparql-results+xml",
                                   "text/csv", "text/tab-separated-values"])
@pytest.mark.parametrize("rows", [49, 50, 51, 80])
def test_result_limit_is_exact_when_values_look_like_separators(server, media, rows):
    """The limit is counted in the serialised answer: values holding what separates solutions
    there (a JSON "},{", an XML <result>, a line break) must not change the count."""
    values = [f"{i} }},{{ <result>\n" for i in range(rows)]
    query = "SELECT ?x WHERE { VALUES ?x { " + " ".join(json.dumps(v) for v in values) + " } }"
    response = server.post("/sparql", data={"query": query}, headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media
    assert solutions(response) == values[:50]
    assert response.headers.get("x-sparql-maxrows") == ("50" if rows > 50 else None)


def test_slow_query_is_cancelled_and_the_server_keeps_serving(server, store):
    started = time.monotonic()
    response = server.get("/sparql", params={"query": SLOW})
    assert response.status_code == 503 and "time limit" in response.text
    assert time.monotonic() - started < 10
    assert count(server.get("/sparql", params={"query": COUNT})) == len(GraphStore(store).open_read())


def test_cors_header_for_the_allowed_origin(server):
    response = server.get("/sparql", params={"query": COUNT}, headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN
    preflight = server.options("/sparql", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200
    other = server.get("/sparql", params={"query": COUNT}, headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_static_files_without_path_traversal(server):
    assert "<title>crisis-kg</title>" in server.get("/").text
    assert server.get("/static/vendor/cytoscape.min.js").status_code == 200
    base = str(server.base_url).rstrip("/")
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static/..%2fserver.py",
                 "/static/%2e%2e/%2e%2e/pyproject.toml", "/static//etc/passwd"):
        with socket.create_connection((server.base_url.host, server.base_url.port)) as raw:
            raw.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            reply = b""
            while chunk := raw.recv(65536):
                reply += chunk
        assert reply.split(b" ")[1] in (b"400", b"404"), (base, path, reply[:80])
        assert b"def make_app" not in reply and b"root:" not in reply


def test_no_store_is_one_line_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path / "none"),
                             "--port", str(free_port())], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "KG_DEBUG": ""})
    assert result.returncode == 1 and result.stderr.strip().startswith("error: no store at")
    assert "Traceback" not in result.stderr
