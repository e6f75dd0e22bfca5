"""OWL 2 RL reasoning: it adds what the ontology implies, only that, and keeps
Wikidata links from merging nodes."""
from __future__ import annotations

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDFS

from kg import vocab
from kg.ontology import ontology_path
from kg.reason import infer, reason, summarize

C, SEM, PROV, GEO = (Namespace(ns) for ns in (vocab.CRISIS, vocab.SEM, vocab.PROV, vocab.GEO))
K = Namespace(vocab.ID)

DATA = """
@prefix crisis: <https://w3id.org/crisis-kg/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix k: <https://w3id.org/crisis-kg/id/> .

k:s1 a nif:Sentence ; nif:isString "Pasukan keamanan membubarkan demonstran di Khartoum." .
k:event\\/1 a crisis:Riot ; crisis:agent k:group\\/security-forces ; crisis:target k:group\\/protesters ;
    crisis:place k:city\\/khartoum ; crisis:evidence k:s1 ; crisis:killed 7 .
k:event\\/2 a crisis:Statement ; crisis:speaker k:person\\/spokesperson ; crisis:about k:event\\/1 .
k:group\\/security-forces a crisis:Group ; rdfs:label "pasukan keamanan" .
k:group\\/protesters a crisis:Group ; rdfs:label "demonstran" .
k:person\\/spokesperson a crisis:Person ; rdfs:label "juru bicara" .
k:city\\/khartoum a crisis:City ; rdfs:label "Khartoum" ; owl:sameAs wd:Q1000001 .
k:country\\/sudan a crisis:Country ; rdfs:label "Sudan" ; owl:sameAs wd:Q1000002 .
"""

EVENT, STATEMENT = K["event/1"], K["event/2"]
FORCES, PROTESTERS, SPOKESPERSON = K["group/security-forces"], K["group/protesters"], K["person/spokesperson"]
KHARTOUM, SUDAN = K["city/khartoum"], K["country/sudan"]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path())


@pytest.fixture(scope="module")
def data() -> Graph:
    return Graph().parse(data=DATA, format="turtle")


@pytest.fixture(scope="module")
def inferred(data, onto) -> Graph:
    return infer(data, onto)


def test_roles_become_sem_actors_and_places(inferred):
    for who in (FORCES, PROTESTERS):
        assert (EVENT, C.participant, who) in inferred
        assert (EVENT, SEM.hasActor, who) in inferred
    assert (STATEMENT, C.agent, SPOKESPERSON) in inferred
    assert (STATEMENT, SEM.hasActor, SPOKESPERSON) in inferred
    assert (EVENT, SEM.hasPlace, KHARTOUM) in inferred
    assert (EVENT, PROV.wasDerivedFrom, K.s1) in inferred
    assert (EVENT, C["count"], Literal(7)) in inferred


def test_classes_climb_the_hierarchy(inferred):
    assert (SPOKESPERSON, RDF.type, C.Entity) in inferred
    assert (KHARTOUM, RDF.type, C.Place) in inferred
    assert (SUDAN, RDF.type, GEO.Feature) in inferred
    assert (EVENT, RDF.type, C.Event) in inferred
    assert (EVENT, RDF.type, SEM.Event) in inferred


def test_only_new_and_non_trivial_triples(data, onto, inferred):
    schema = set(onto.subjects())
    vocabularies = (vocab.RDF, vocab.RDFS, vocab.OWL, vocab.XSD)
    for s, p, o in inferred:
        assert (s, p, o) not in data
        assert isinstance(s, URIRef) and s.startswith(vocab.ID), (s, p, o)
        assert s not in schema and not str(s).startswith(vocabularies)
        assert not (p == OWL.sameAs and s == o)
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource))


def test_wikidata_links_do_not_merge_nodes(onto):
    """A city and a country wrongly linked to one item stay apart: no sameAs
    between them, no facts copied, and no disjointness clash reported."""
    g = Graph().parse(data=DATA, format="turtle")
    g.set((SUDAN, OWL.sameAs, URIRef(vocab.WD + "Q1000001")))
    result = reason(g, onto)
    assert result.wikidata_links_set_aside == 2
    assert result.inconsistencies == []
    assert not list(result.graph.triples((None, OWL.sameAs, None)))
    assert (SUDAN, RDF.type, C.City) not in result.graph
    assert not list(result.graph.triples((None, None, URIRef(vocab.WD + "Q1000001"))))


def test_inconsistencies_are_reported(onto):
    g = Graph().parse(data=DATA, format="turtle")
    g.add((SPOKESPERSON, RDF.type, C.Organization))       # a person cannot be an organisation
    result = reason(g, onto)
    assert len(result.inconsistencies) == 1
    assert "disjoint" in result.inconsistencies[0].lower()
    assert not list(result.graph.triples((None, None, Literal(result.inconsistencies[0]))))


def test_named_graphs_are_reasoned_over_as_one(onto):
    ds = Dataset()
    for s, p, o in Graph().parse(data=DATA, format="turtle"):
        ds.graph(K.s1 if p != RDF.type else K["graph/entities"]).add((s, p, o))
    assert (EVENT, SEM.hasActor, FORCES) in infer(ds, onto)


def test_summary_counts_by_predicate(inferred):
    summary = summarize(inferred)
    assert summary["sem:hasActor"] == 3
    assert summary["rdf:type crisis:Entity"] == 5
    assert sum(summary.values()) == len(inferred)
    assert list(summary.values()) == sorted(summary.values(), reverse=True)
