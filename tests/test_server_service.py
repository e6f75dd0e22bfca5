"""SERVICE against a real `kg serve` on 127.0.0.1: a visitor's query must not make the server fetch
a URL of the visitor's choosing. Calls are refused unless to an allowed endpoint (none by default;
--service URL, and Wikidata's with --online); an allowed one that fails or hangs is one line.

The endpoints are small SPARQL servers on 127.0.0.1 that record every request they get.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from graph_fixture import free_port, make_store, start_server, stop_server

ANSWER = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "urn:remote:1"}}]}}
TIMEOUT = 3


class Endpoint:
    """A SPARQL endpoint that answers one row, or hangs when its path is /slow."""

    def __init__(self):
        self.requests: list[str] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):     # whatever the query: the answer is the same (HTTP/1.0, one request a connection)
                endpoint.requests.append(self.path)
                if self.path.startswith("/slow"):
                    time.sleep(TIMEOUT * 4)
                body = json.dumps(ANSWER).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def endpoint():
    remote = Endpoint()
    yield remote
    remote.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("service") / "store")


@pytest.fixture(scope="module")
def closed(store):
    """`kg serve` as started by default: no SERVICE endpoint allowed."""
    process, url = start_server(store)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    stop_server(process)


@pytest.fixture(scope="module")
def dead():
    return f"http://127.0.0.1:{free_port()}/sparql"    # nothing listens there


@pytest.fixture(scope="module")
def opened(store, endpoint, dead):
    """`kg serve --online` with two more allowed endpoints: the local one, and one that is down."""
    process, url = start_server(store, "--timeout", str(TIMEOUT), "--online", "--service", endpoint.base + "sparql",
                                "--service", dead, "--service", endpoint.base + "slow")
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    stop_server(process)


def sparql(client: httpx.Client, query: str, how: str = "get") -> httpx.Response:
    if how == "form":
        return client.post("/sparql", data={"query": query})
    if how == "body":
        return client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    return client.get("/sparql", params={"query": query})


HIDDEN_CALLS = [   # ways of writing a call to {base}sparql
    "SELECT * WHERE {{ SERVICE <{base}sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{base}sparql> {{ ?s ?p ?o }} }}",
    "PREFIX e: <{base}> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
    "BASE <{base}> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(1 AS ?a) SERVICE # a comment\n <{base}sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?x {{ 1 }} ?x ?p 1SERVICE<{base}sparql>{{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{base}sparql> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ SERVICE <{base}sparql> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{base}sparql> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("how", ["get", "form", "body"])
@pytest.mark.parametrize("template", HIDDEN_CALLS)
def test_service_is_refused_by_default(closed, endpoint, template, how):
    before = len(endpoint.requests)
    answer = sparql(closed, template.format(base=endpoint.base), how)
    assert answer.status_code == 403, answer.text
    assert answer.text.startswith("SERVICE ") and "is not allowed here" in answer.text
    assert answer.text.count("\n") == 1
    time.sleep(0.1)
    assert len(endpoint.requests) == before, "the server called the endpoint"


def test_a_saved_query_with_service_is_refused_by_default(closed):
    answer = closed.get("/queries/wikidata_enrich")
    assert answer.status_code == 403
    assert answer.text == ("SERVICE <https://query.wikidata.org/sparql> is not allowed here; allowed endpoints: "
                           "none (kg serve --online allows Wikidata's)\n")


def test_the_word_service_in_a_literal_is_no_call(closed):
    answer = sparql(closed, 'SELECT ?x WHERE { BIND("customer service desk" AS ?x) }')
    assert answer.status_code == 200 and "customer service desk" in answer.text


def test_an_allowed_endpoint_is_called(opened, endpoint):
    before = len(endpoint.requests)
    answer = sparql(opened, f"SELECT ?s WHERE {{ SERVICE <{endpoint.base}sparql> {{ ?s ?p ?o }} }}")
    assert answer.status_code == 200, answer.text
    assert [b["s"]["value"] for b in answer.json()["results"]["bindings"]] == ["urn:remote:1"]
    assert len(endpoint.requests) > before


def test_only_the_allowed_endpoints(opened, endpoint, dead):
    """Another path on the same host, or an allowed endpoint behind a prefix, is refused; --online
    adds Wikidata's endpoint and no other."""
    before = len(endpoint.requests)
    for query in (f"SELECT * WHERE {{ SERVICE <{endpoint.base}other> {{ ?s ?p ?o }} }}",
                  f"PREFIX e: <{endpoint.base}> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
                  "SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }"):
        answer = sparql(opened, query)
        assert answer.status_code == 403, query
    assert answer.text.rstrip("\n").endswith(f"allowed endpoints: <{endpoint.base}sparql>, <{dead}>, "
                                             f"<{endpoint.base}slow>, <https://query.wikidata.org/sparql>")
    assert len(endpoint.requests) == before


def test_a_failed_service_is_one_line(opened, dead):
    answer = sparql(opened, f"SELECT * WHERE {{ SERVICE <{dead}> {{ ?s ?p ?o }} }}")
    assert answer.status_code == 502
    assert answer.text.startswith(f"SERVICE <{dead}> failed: ") and answer.text.count("\n") == 1


def test_a_hanging_service_is_cut_at_the_time_limit(opened, endpoint):
    started = time.monotonic()
    answer = sparql(opened, f"SELECT * WHERE {{ SERVICE <{endpoint.base}slow> {{ ?s ?p ?o }} }}")
    assert answer.status_code == 503 and "time limit" in answer.text
    assert time.monotonic() - started < TIMEOUT + 5
    assert sparql(opened, "ASK { ?s ?p ?o }").status_code == 200          # and the server goes on
