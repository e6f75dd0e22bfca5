"""The ontology: parses, declares every class the pipeline uses with English and
Indonesian labels and definitions, and aligns event classes with ACLED and CAMEO."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from kg import vocab
from kg.ontology import ontology_path, shapes_path
from kg.records import ENTITY_KIND, EVENT_CLASSES

C = Namespace(vocab.CRISIS)
SEM, PROV = Namespace(vocab.SEM), Namespace(vocab.PROV)
ACLED = "https://w3id.org/crisis-kg/ontology/acled#"
CAMEO = "https://w3id.org/crisis-kg/ontology/cameo#"
XSD_STRING = URIRef(vocab.XSD + "string")

# Event classes that no ACLED event type fits (ACLED codes violence, protest and
# strategic developments, not speech, meetings or policy); Casualties is ACLED's
# fatalities column rather than a CAMEO action.
NO_ACLED = {"MilitaryDeployment", "AidRequest", "EmergencyMeasure", "LeadershipChange",
            "CommunicationShutdown", "CommunicationRestoration", "Statement", "Meeting", "PolicyMeasure"}
NO_CAMEO = {"Casualties"}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path())


def test_files_are_found_and_parse(onto):
    assert (URIRef("https://w3id.org/crisis-kg/ontology"), RDF.type, OWL.Ontology) in onto
    assert len(Graph().parse(shapes_path())) > 100


def _has_text(g: Graph, term, prop, lang: str) -> bool:
    return any(isinstance(o, Literal) and o.language == lang and o.strip() for o in g.objects(term, prop))


def test_every_crisis_term_has_one_english_and_one_indonesian_label_and_definition(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(vocab.CRISIS)}
    assert len(terms) > 60
    counts = {(onto.qname(t), prop.fragment, lang):
              sum(1 for o in onto.objects(t, prop) if getattr(o, "language", None) == lang)
              for t in sorted(terms) for prop in (RDFS.label, SKOS.definition) for lang in ("en", "id")}
    assert [key for key, n in counts.items() if n != 1] == []


@pytest.mark.parametrize("name", sorted(ENTITY_KIND))
def test_entity_classes_follow_records(onto, name):
    cls, kind = C[name], C[ENTITY_KIND[name]]
    assert (cls, RDF.type, OWL.Class) in onto
    assert kind in set(onto.transitive_objects(cls, RDFS.subClassOf))
    assert C.Entity in set(onto.transitive_objects(cls, RDFS.subClassOf))


def test_top_entity_kinds_are_pairwise_disjoint(onto):
    member_lists = [set(onto.items(onto.value(d, OWL.members)))
                    for d in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert {C.Person, C.Organization, C.Place, C.Group} in member_lists


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_classes_are_sem_events(onto, name):
    assert (C[name], RDF.type, OWL.Class) in onto
    assert {C.Event, SEM.Event} <= set(onto.transitive_objects(C[name], RDFS.subClassOf))


def test_role_and_count_properties_hierarchy(onto):
    def supers(p):
        return set(onto.transitive_objects(p, RDFS.subPropertyOf))

    assert {C.agent, C.participant, SEM.hasActor} <= supers(C.speaker)
    assert SEM.hasActor in supers(C.target)
    assert SEM.hasPlace in supers(C.place)
    assert PROV.wasDerivedFrom in supers(C.evidence)
    for count in (C.killed, C.injured, C.detained, C.deployed):
        assert C["count"] in supers(count)
        assert (count, RDF.type, OWL.DatatypeProperty) in onto
    assert (C.participant, RDFS.range, C.Entity) in onto
    assert (C.place, RDFS.range, C.Place) in onto
    assert (C.date, RDFS.range, URIRef(vocab.XSD + "date")) in onto


def _matches(onto: Graph, name: str, scheme: str) -> dict[str, str]:
    """Notation → concept for the close matches of an event class in one scheme."""
    return {str(onto.value(m, SKOS.notation)): m for m in onto.objects(C[name], SKOS.closeMatch)
            if str(m).startswith(scheme)}


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_classes_align_with_acled_and_cameo(onto, name):
    acled, cameo = _matches(onto, name, ACLED), _matches(onto, name, CAMEO)
    assert bool(acled) == (name not in NO_ACLED)
    assert bool(cameo) == (name not in NO_CAMEO)
    for concept in [*acled.values(), *cameo.values()]:
        assert (concept, RDF.type, SKOS.Concept) in onto
        assert _has_text(onto, concept, SKOS.prefLabel, "en")
        scheme = onto.value(concept, SKOS.inScheme)
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
        notation = onto.value(concept, SKOS.notation)
        assert isinstance(notation, Literal) and notation.datatype in (None, XSD_STRING)
    assert all(code.isdigit() for code in cameo)


def test_known_alignments(onto):
    assert "Peaceful protest" in _matches(onto, "Protest", ACLED)
    assert "Violent demonstration" in _matches(onto, "Riot", ACLED)
    assert "Armed clash" in _matches(onto, "ArmedClash", ACLED)
    assert "Arrests" in _matches(onto, "Detention", ACLED)
    assert "fatalities" in _matches(onto, "Casualties", ACLED)
    expected_cameo = {"Protest": "14", "Riot": "145", "Detention": "173", "AidRequest": "0234",
                      "MilitaryDeployment": "154", "EmergencyMeasure": "1724", "Statement": "010",
                      "Meeting": "046", "LeadershipChange": "0831", "CommunicationShutdown": "1721",
                     "CommunicationRestoration": "0811"}
    for name, code in expected_cameo.items():
        assert code in _matches(onto, name, CAMEO), name
