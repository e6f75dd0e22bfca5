"""Standard SPARQL clients against a real `kg serve` on 127.0.0.1: SPARQLWrapper and rdflib's
SPARQLStore with their default settings, the service description a client finds at the endpoint,
and relative IRIs resolved against the endpoint as the Oxigraph server does."""
from __future__ import annotations

import httpx
import pytest
import rdflib
from graph_fixture import make_store, start_server, stop_server
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")
LABELS = "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
ENTITIES = "CONSTRUCT { ?e ?p ?o } WHERE { GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?e ?p ?o } }"
COLOMBO = rdflib.URIRef("https://w3id.org/crisis-kg/id/place/colombo")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    process, url = start_server(make_store(tmp_path_factory.mktemp("clients") / "store"))
    yield url + "/sparql"
    stop_server(process)


def wrapper(endpoint: str, query: str, fmt: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    if fmt:
        client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_in_every_results_format(endpoint):
    rows = wrapper(endpoint, LABELS, JSON).query().convert()["results"]["bindings"]
    labels = [r["label"]["value"] for r in rows]
    assert "Colombo" in labels and len(labels) > 5
    xml = wrapper(endpoint, LABELS, XML).query().convert()
    assert [e.firstChild.data for e in xml.getElementsByTagName("literal")] == labels
    for fmt, separator in ((CSV, ","), (TSV, "\t")):
        lines = wrapper(endpoint, LABELS, fmt).query().convert().decode().splitlines()
        assert lines[0].lstrip("?") == "label" and len(lines) == len(labels) + 1
    posted = wrapper(endpoint, LABELS, JSON)
    posted.setMethod(POST)
    assert posted.query().convert()["results"]["bindings"] == rows


def test_sparqlwrapper_ask(endpoint):
    protest = wrapper(endpoint, "ASK { ?s a <https://w3id.org/crisis-kg/ontology#Protest> }", JSON)
    assert protest.query().convert()["boolean"] is True
    assert wrapper(endpoint, "ASK { ?s a <urn:nothing> }", JSON).query().convert()["boolean"] is False


def test_sparqlwrapper_construct_and_describe(endpoint):
    """SPARQLWrapper asks for RDF/XML by default; JSON-LD and Turtle on request."""
    graph = wrapper(endpoint, ENTITIES).query().convert()
    assert len(graph) == 10 and (COLOMBO, rdflib.RDFS.label, rdflib.Literal("Colombo")) in graph
    assert len(wrapper(endpoint, ENTITIES, JSONLD).query().convert()) == 10
    turtle = wrapper(endpoint, ENTITIES, TURTLE).query().convert()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 10
    described = wrapper(endpoint, f"DESCRIBE <{COLOMBO}>").query().convert()
    assert (COLOMBO, rdflib.RDFS.label, rdflib.Literal("Colombo")) in described


def test_rdflib_sparqlstore(endpoint):
    graph = rdflib.Graph(SPARQLStore(endpoint))
    labels = [str(row.label) for row in graph.query(LABELS)]
    assert "Colombo" in labels and labels == sorted(labels)
    assert graph.query("ASK { ?s a <https://w3id.org/crisis-kg/ontology#Protest> }").askAnswer is True
    assert len(graph.query(ENTITIES).graph) == 10
    assert (COLOMBO, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q35381")) in \
        graph.query(f"DESCRIBE <{COLOMBO}>").graph


@pytest.mark.parametrize("media, parser", [(None, "turtle"), ("text/turtle", "turtle"),
                                           ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_service_description(endpoint, media, parser):
    response = httpx.get(endpoint, headers={"Accept": media} if media else {})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == (media or "text/turtle")
    description = rdflib.Graph().parse(data=response.text, format=parser)
    service = description.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert description.value(service, SD.endpoint) == rdflib.URIRef(endpoint)
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
    assert (service, SD.feature, SD.UnionDefaultGraph) in description
    formats = set(description.objects(service, SD.resultFormat))
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.SPARQL_Results_CSV,
            FORMATS.SPARQL_Results_TSV, FORMATS.Turtle, FORMATS.RDF_XML, FORMATS["N-Triples"]} <= formats


def test_service_description_refuses_a_type_it_cannot_send(endpoint):
    assert httpx.get(endpoint, headers={"Accept": "image/png"}).status_code == 406


def test_relative_iris_resolve_against_the_endpoint(endpoint):
    base = endpoint.rsplit("/", 1)[0] + "/"
    response = httpx.get(endpoint, params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                         headers={"Accept": "application/n-triples"})
    assert response.status_code == 200, response.text
    assert set(rdflib.Graph().parse(data=response.text, format="nt")) == {
        (rdflib.URIRef(base + "s"), rdflib.URIRef(base + "p"), rdflib.Literal(1))}
    chosen = httpx.get(endpoint, params={"query": "BASE <http://example.org/a/> SELECT (<b> AS ?x) WHERE {}"})
    assert chosen.json()["results"]["bindings"] == [{"x": {"type": "uri", "value": "http://example.org/a/b"}}]
