"""Online linking against a local HTTP server that answers in the documented Wikidata API shapes."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.link.common import EntityInfo
from kg.link.online import USER_AGENT, WikidataClient, WikidataUnavailable, link


def item(qid, label, p31, aliases=(), p17=None, coords=None, p279=None):
    def claim(prop, target):
        return {"mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                             "datavalue": {"type": "wikibase-entityid",
                                           "value": {"entity-type": "item", "id": target,
                                                     "numeric-id": int(target[1:])}}},
                "type": "statement", "rank": "normal"}
    claims = {"P31": [claim("P31", c) for c in p31]}
    if p17:
        claims["P17"] = [claim("P17", p17)]
    if p279:
        claims["P279"] = [claim("P279", c) for c in p279]
    if coords:
        claims["P625"] = [{"mainsnak": {"snaktype": "value", "property": "P625",
                                        "datatype": "globe-coordinate",
                                        "datavalue": {"type": "globecoordinate",
                                                      "value": {"latitude": coords[0],
                                                                "longitude": coords[1],
                                                                "altitude": None, "precision": 0.0001,
                                                                "globe": "http://www.wikidata.org/entity/Q2"}}},
                           "type": "statement", "rank": "normal"}]
    return {"type": "item", "id": qid,
            "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
            "claims": claims}


# A small Wikidata: search hits per text, and entities.
ITEMS = {
    "Q9361": item("Q9361", "Bishkek", ["Q5119"], p17="Q813", coords=(42.87, 74.59)),
    "Q900001": item("Q900001", "Bishkek", ["Q5"]),                          # a person of that name
    "Q900002": item("Q900002", "Bishkek Arena", ["Q43229"]),                # not an exact match
    "Q900003": item("Q900003", "Osh", ["Q10864048"], p17="Q813"),           # a region ...
    "Q900004": item("Q900004", "Osh", ["Q900099"], p17="Q813", coords=(40.5, 72.8)),  # ... and a city
    "Q900099": item("Q900099", "city of regional significance", [], p279=["Q515"]),
    "Q900005": item("Q900005", "Springfield", ["Q515"], p17="Q30"),
    "Q900006": item("Q900006", "Springfield", ["Q515"], p17="Q16"),
    "Q900007": item("Q900007", "Sadyr Japarov", ["Q5"], aliases=["Japarov"], p17="Q813"),
    "Q900008": item("Q900008", "Japarov Street", ["Q900098"]),             # class of unknown kind
    "Q900098": item("Q900098", "street", [], p279=["Q900097"]),
}
SEARCH = {
    "Bishkek": ["Q900002", "Q900001", "Q9361"],
    "Osh": ["Q900003", "Q900004"],
    "Springfield": ["Q900005", "Q900006"],
    "Japarov": ["Q900008", "Q900007"],
}


class FakeWikidata:
    def __init__(self):
        self.requests: list[dict] = []
        self.user_agents: set[str] = set()
        self.throttle: list[str] = []       # Retry-After values to answer with before succeeding
        self.delay = 0.0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                fake.requests.append(params)
                fake.user_agents.add(self.headers.get("User-Agent", ""))
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.throttle:
                    self.send_response(429)
                    self.send_header("Retry-After", fake.throttle.pop(0))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.reply(fake.answer(params))

            def reply(self, data):
                body = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass                    # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/w/api.php"

    def answer(self, params):
        if params.get("action") == "wbsearchentities":
            hits = [{"id": q, "title": q, "pageid": 1, "repository": "wikidata",
                     "url": f"//www.wikidata.org/wiki/{q}",
                     "concepturi": f"http://www.wikidata.org/entity/{q}",
                     "label": ITEMS[q]["labels"]["en"]["value"],
                     "match": {"type": "label", "language": "en", "text": params["search"]}}
                    for q in SEARCH.get(params["search"], [])]
            return {"searchinfo": {"search": params["search"]}, "search": hits, "success": 1}
        if params.get("action") == "wbgetentities":
            ids = params["ids"].split("|")
            return {"entities": {q: ITEMS.get(q, {"id": q, "missing": ""}) for q in ids},
                    "success": 1}
        return {"error": {"code": "badvalue", "info": "unknown action"}}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def wikidata():
    fake = FakeWikidata()
    yield fake
    fake.close()


@pytest.fixture
def client(wikidata, tmp_path):
    return WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "cache", timeout=5)


def one(client, cls, label, context=None):
    links = link([EntityInfo("http://x/e", cls, label, set(), context or set())], client)
    return links[0] if links else None


def test_exact_label_and_type_decide(client, wikidata):
    city = one(client, "City", "Bishkek")
    assert (city.qid, city.method) == ("Q9361", "online-label")
    assert (city.lat, city.lon) == (42.87, 74.59)
    person = one(client, "Person", "Bishkek")               # the P31 human, not the city
    assert person.qid == "Q900001" and person.lat is None
    assert one(client, "Organization", "Bishkek") is None    # "Bishkek Arena" is not the name
    assert wikidata.user_agents == {USER_AGENT}
    search = next(r for r in wikidata.requests if r["action"] == "wbsearchentities")
    assert (search["type"], search["format"]) == ("item", "json")


def test_city_before_region_and_one_subclass_step(client):
    osh = one(client, "Place", "Osh")       # the city's class is a subclass (P279) of city
    assert (osh.qid, osh.method) == ("Q900004", "online-priority")
    assert one(client, "Region", "Osh").qid == "Q900003"


def test_context_then_search_rank(client):
    assert one(client, "City", "Springfield", context={"Q16"}).qid == "Q900006"
    ranked = one(client, "City", "Springfield")
    assert (ranked.qid, ranked.method) == ("Q900005", "online-rank")


def test_alias_match_and_unknown_classes_are_not_used(client):
    japarov = one(client, "Person", "Japarov")
    assert (japarov.qid, japarov.method) == ("Q900007", "online-alias")
    assert one(client, "Place", "Japarov") is None          # a street: no known kind


def test_nothing_found_and_groups(client, wikidata):
    assert one(client, "Person", "Nobody Atall") is None
    before = len(wikidata.requests)
    assert one(client, "Group", "Bishkek") is None
    assert len(wikidata.requests) == before                  # groups are never looked up


def test_second_run_is_served_from_the_cache(wikidata, tmp_path):
    first = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "cache")
    assert one(first, "City", "Bishkek").qid == "Q9361"
    asked = len(wikidata.requests)
    assert asked > 0
    second = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "cache")
    assert one(second, "City", "Bishkek").qid == "Q9361"
    assert len(wikidata.requests) == asked


def test_429_waits_for_retry_after_then_succeeds(wikidata, tmp_path):
    waits = []
    client = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "c", sleep=waits.append)
    wikidata.throttle = ["1"]
    assert one(client, "City", "Bishkek").qid == "Q9361"
    assert waits == [1.0]


def test_429_with_a_long_wait_is_a_clean_error(wikidata, tmp_path):
    client = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "c", max_wait=30,
                            sleep=lambda s: pytest.fail("must not wait"))
    wikidata.throttle = ["3600"]
    with pytest.raises(WikidataUnavailable, match=r"429.*3600 s") as err:
        one(client, "City", "Bishkek")
    assert "\n" not in str(err.value)


def test_timeout_is_a_clean_error(wikidata, tmp_path):
    wikidata.delay = 1.5
    client = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "c", timeout=0.3)
    with pytest.raises(WikidataUnavailable, match="within 0.3 s") as err:
        one(client, "City", "Bishkek")
    assert "\n" not in str(err.value)


def test_server_down_is_a_clean_one_line_error(tmp_path):
    with socket.socket() as sock:          # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = WikidataClient(base_url=f"http://127.0.0.1:{port}/w/api.php", cache_dir=tmp_path / "c",
                            timeout=2)
    with pytest.raises(WikidataUnavailable, match="cannot reach Wikidata") as err:
        one(client, "City", "Bishkek")
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)


def test_api_error_is_reported(client):
    with pytest.raises(WikidataUnavailable, match="unknown action"):
        client.get({"action": "nonsense"})


# --- the store-level entry point with --online, and the saved federated query ------------------

def test_link_store_entities_online_links_what_the_table_lacks(wikidata, tmp_path):
    import pyoxigraph as ox

    from kg.link import link_store_entities
    from kg.vocab import CRISIS, ENTITIES_GRAPH, ID, LINKS_GRAPH, OWL, RDF, RDFS

    store = ox.Store()
    graph = ox.NamedNode(ENTITIES_GRAPH)
    for key, cls, label in [("person/japarov", "Person", "Japarov"), ("place/bishkek", "City", "Bishkek")]:
        node = ox.NamedNode(ID + key)
        store.add(ox.Quad(node, ox.NamedNode(RDF + "type"), ox.NamedNode(CRISIS + cls), graph))
        store.add(ox.Quad(node, ox.NamedNode(RDFS + "label"), ox.Literal(label), graph))
    client = WikidataClient(base_url=wikidata.url, cache_dir=tmp_path / "c")
    summary = link_store_entities(store, online=True, client=client)
    assert summary.by_method == {"offline-label": 1, "online-alias": 1}
    same = {q.subject.value: q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(OWL + "sameAs"), None, ox.NamedNode(LINKS_GRAPH))}
    assert same == {ID + "person/japarov": "http://www.wikidata.org/entity/Q900007",
                    ID + "place/bishkek": "http://www.wikidata.org/entity/Q9361"}
    asked = {r.get("search") for r in wikidata.requests}
    assert "Bishkek" not in asked                       # linked offline, never asked online


def test_link_store_entities_offline_failure_writes_nothing(tmp_path):
    import pyoxigraph as ox

    from kg.link import link_store_entities
    from kg.vocab import CRISIS, ENTITIES_GRAPH, ID, RDF, RDFS

    store = ox.Store()
    graph = ox.NamedNode(ENTITIES_GRAPH)
    node = ox.NamedNode(ID + "person/x")
    store.add(ox.Quad(node, ox.NamedNode(RDF + "type"), ox.NamedNode(CRISIS + "Person"), graph))
    store.add(ox.Quad(node, ox.NamedNode(RDFS + "label"), ox.Literal("Someone Unknown"), graph))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = WikidataClient(base_url=f"http://127.0.0.1:{port}/", cache_dir=tmp_path / "c")
    before = len(store)
    with pytest.raises(WikidataUnavailable):
        link_store_entities(store, online=True, client=client)
    assert len(store) == before


def test_enrich_query_joins_wikidata_answers(tmp_path):
    """The saved federated query, with its SERVICE pointed at a local SPARQL endpoint."""
    from pathlib import Path

    import pyoxigraph as ox

    from kg.vocab import CRISIS, OWL, RDF, RDFS, WD

    answers = {"head": {"vars": ["item", "population", "headOfState", "headOfStateName"]},
               "results": {"bindings": [
                   {"item": {"type": "uri", "value": WD + "Q813"},
                    "population": {"type": "literal", "value": "7000000",
                                   "datatype": "http://www.w3.org/2001/XMLSchema#decimal"},
                    "headOfState": {"type": "uri", "value": WD + "Q900007"},
                    "headOfStateName": {"type": "literal", "value": "Sadyr Japarov",
                                        "xml:lang": "en"}},
                   {"item": {"type": "uri", "value": WD + "Q1"},
                    "population": {"type": "literal", "value": "5"}}]}}
    sent = []

    class Sparql(BaseHTTPRequestHandler):
        def do_GET(self):
            sent.append(self.path)
            self.reply()

        def do_POST(self):
            sent.append(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
            self.reply()

        def reply(self):
            body = json.dumps(answers).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Sparql)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        text = (Path(__file__).parent.parent / "queries" / "wikidata_enrich.rq").read_text()
        assert "# title:" in text and "needs internet" in text
        assert "SERVICE <https://query.wikidata.org/sparql>" in text
        local = text.replace("https://query.wikidata.org/sparql",
                             f"http://127.0.0.1:{server.server_port}/sparql")
        store = ox.Store()
        country = ox.NamedNode("https://w3id.org/crisis-kg/id/place/kirgistan")
        store.add(ox.Quad(country, ox.NamedNode(RDF + "type"), ox.NamedNode(CRISIS + "Country")))
        store.add(ox.Quad(country, ox.NamedNode(RDFS + "label"), ox.Literal("Kirgistan")))
        store.add(ox.Quad(country, ox.NamedNode(OWL + "sameAs"), ox.NamedNode(WD + "Q813")))
        rows = list(store.query(local))
    finally:
        server.shutdown()
        server.server_close()
    assert sent, "the query must ask the SERVICE"
    assert len(rows) == 1
    assert rows[0]["label"].value == "Kirgistan"
    assert rows[0]["population"].value == "7000000"
    assert rows[0]["headOfStateName"].value == "Sadyr Japarov"
