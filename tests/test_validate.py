"""SHACL shapes: a small valid graph conforms, and each broken variant is reported
on the right node with a message a person can act on."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL

from kg.validate import format_report, validate
from kg import vocab
from kg.vocab import CRISIS, GEO, ID, ITSRDF, NIF, WD, doc_iri, entity_iri, event_iri, span_iri

C, N, ITS, G = Namespace(CRISIS), Namespace(NIF), Namespace(ITSRDF), Namespace(GEO)
XSD = Namespace(vocab.XSD)  # rdflib's XSD object warns when pytest inspects the module

DOC_ID = "cl-2019-10-21"
SENTENCES = [
    "Ribuan mahasiswa berunjuk rasa di Santiago pada hari Senin.",
    "Polisi menahan sedikitnya 12 orang.",
    'Presiden Gabriel Boric berkata: "Kami akan berdialog."',
]
TEXT = " ".join(SENTENCES)

DOC = URIRef(doc_iri(DOC_ID))
SANTIAGO = URIRef(entity_iri("City", "Santiago"))
STUDENTS = URIRef(entity_iri("Group", "mahasiswa"))
POLICE = URIRef(entity_iri("Group", "polisi"))
BORIC = URIRef(entity_iri("Person", "Gabriel Boric"))


def _span(text: str, within: int = 0) -> tuple[int, int]:
    begin = TEXT.index(text, within)
    return begin, begin + len(text)


def _sentence(i: int) -> URIRef:
    return URIRef(span_iri(DOC_ID, *_span(SENTENCES[i])))


def _offsets(g: Graph, node: URIRef, begin: int, end: int) -> None:
    g.add((node, N.beginIndex, Literal(begin)))
    g.add((node, N.endIndex, Literal(end)))


def _mention(g: Graph, words: str, sentence: int, entity: URIRef) -> URIRef:
    begin, end = _span(words, _span(SENTENCES[sentence])[0])
    m = URIRef(span_iri(DOC_ID, begin, end))
    g.add((m, RDF.type, N.Phrase))
    g.add((m, N.anchorOf, Literal(words)))
    _offsets(g, m, begin, end)
    g.add((m, N.referenceContext, DOC))
    g.add((m, N.sentence, _sentence(sentence)))
    g.add((m, ITS.taIdentRef, entity))
    return m


def _event(sentence: int, trigger: str) -> URIRef:
    return URIRef(event_iri(DOC_ID, *_span(trigger, _span(SENTENCES[sentence])[0])))


PROTEST = _event(0, "berunjuk rasa")
DETENTION = _event(1, "menahan")
STATEMENT = _event(2, "berkata")
FIGURE = URIRef(f"{DETENTION}/figure/0")
MENTION = URIRef(span_iri(DOC_ID, *_span("Santiago")))


def valid_graph() -> Graph:
    """A document, its sentences, mentions, four entities, a protest with date and place,
    a detention with a figure, and a statement, all as the pipeline writes them."""
    g = Graph()
    g.add((DOC, RDF.type, C.Document))
    g.add((DOC, RDF.type, N.Context))
    g.add((DOC, N.isString, Literal(TEXT)))
    g.add((DOC, DCTERMS.identifier, Literal(DOC_ID)))
    g.add((DOC, DCTERMS.issued, Literal(date(2019, 10, 22))))
    for i, sentence in enumerate(SENTENCES):
        s = _sentence(i)
        g.add((s, RDF.type, N.Sentence))
        g.add((s, N.isString, Literal(sentence)))
        _offsets(g, s, *_span(sentence))
        g.add((s, N.referenceContext, DOC))

    for node, cls, label in ((SANTIAGO, C.City, "Santiago"), (STUDENTS, C.Group, "mahasiswa"),
                             (POLICE, C.Group, "polisi"), (BORIC, C.Person, "Gabriel Boric")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((BORIC, C.role, Literal("Presiden", lang="id")))
    g.add((SANTIAGO, OWL.sameAs, URIRef(WD + "Q1000001")))
    g.add((SANTIAGO, C.linkMethod, Literal("offline")))
    g.add((SANTIAGO, C.linkConfidence, Literal("0.95", datatype=XSD.decimal)))
    geometry = URIRef(f"{SANTIAGO}/geometry")
    g.add((SANTIAGO, G.hasGeometry, geometry))
    g.add((geometry, G.asWKT, Literal("POINT(-70.65 -33.45)", datatype=G.wktLiteral)))
    _mention(g, "mahasiswa", 0, STUDENTS)
    _mention(g, "Santiago", 0, SANTIAGO)
    _mention(g, "Polisi", 1, POLICE)
    _mention(g, "Gabriel Boric", 2, BORIC)

    g.add((PROTEST, RDF.type, C.Protest))
    g.add((PROTEST, C.evidence, _sentence(0)))
    g.add((PROTEST, C.trigger, Literal("berunjuk rasa", lang="id")))
    g.add((PROTEST, C.date, Literal(date(2019, 10, 21))))
    g.add((PROTEST, C.dateText, Literal("pada hari Senin", lang="id")))
    g.add((PROTEST, C.agent, STUDENTS))
    g.add((PROTEST, C.place, SANTIAGO))

    g.add((DETENTION, RDF.type, C.Detention))
    g.add((DETENTION, C.evidence, _sentence(1)))
    g.add((DETENTION, C.agent, POLICE))
    g.add((DETENTION, C.detained, Literal(12)))
    g.add((DETENTION, C.hasFigure, FIGURE))
    g.add((FIGURE, RDF.type, C.Figure))
    g.add((FIGURE, C.countProperty, C.detained))
    g.add((FIGURE, RDF.value, Literal(12)))
    g.add((FIGURE, C.qualifier, Literal("atLeast")))
    g.add((FIGURE, C.reportedBy, POLICE))

    g.add((STATEMENT, RDF.type, C.Statement))
    g.add((STATEMENT, C.evidence, _sentence(2)))
    g.add((STATEMENT, C.speaker, BORIC))
    g.add((STATEMENT, C.quote, Literal("Kami akan berdialog.", lang="id")))
    return g


def test_valid_graph_conforms():
    report = validate(valid_graph())
    assert report.conforms, format_report(report)
    assert report.results == []
    assert format_report(report) == "The graph conforms to the shapes: no problems found."


def test_named_graphs_are_validated_as_one_union():
    """Types live in the entities graph, facts in sentence graphs: the shapes see them together."""
    ds = Dataset()
    entities = ds.graph(URIRef(ID + "graph/entities"))
    sentence = ds.graph(_sentence(0))
    for triple in valid_graph():
        target = entities if triple[1] in (RDF.type, RDFS.label) and triple[0] != PROTEST else sentence
        target.add(triple)
    report = validate(ds)
    assert report.conforms, format_report(report)


def _set(s, p, o):
    return lambda g: g.set((s, p, o))


def _add(s, p, o):
    return lambda g: g.add((s, p, o))


def _drop(s, p):
    return lambda g: g.remove((s, p, None))


BROKEN = {
    # documents
    "document without identifier": (_drop(DOC, DCTERMS.identifier), DOC,
                                    "A document needs exactly one dcterms:identifier"),
    "document with two dates": (_add(DOC, DCTERMS.issued, Literal(date(2019, 10, 23))), DOC,
                                "A document has at most one publication date"),
    "document date as text": (_set(DOC, DCTERMS.issued, Literal("22 Oktober 2019")), DOC,
                              "The publication date (dcterms:issued) must be an xsd:date"),
    "document not a nif:Context": (lambda g: g.remove((DOC, RDF.type, N.Context)), DOC,
                                   "A document must also be typed nif:Context"),
    "document without text": (_drop(DOC, N.isString), DOC,
                              "A document needs exactly one nif:isString"),
    # sentences
    "sentence with negative offset": (_set(_sentence(0), N.beginIndex, Literal(-1)), _sentence(0),
                                      "A sentence needs exactly one nif:beginIndex, a non-negative"),
    "sentence outside any document": (_set(_sentence(1), N.referenceContext, BORIC), _sentence(1),
                                      "A sentence needs exactly one nif:referenceContext, and it must be a crisis:Document"),
    "sentence text off by one": (_set(_sentence(1), N.isString, Literal(SENTENCES[1][1:])), _sentence(1),
                                 "The span's text is not the document text between offsets"),
    # mentions
    "mention ending before it begins": (_set(MENTION, N.endIndex, Literal(_span("Santiago")[0])), MENTION,
                                        "The span must end (nif:endIndex) after it begins"),
    "mention anchor not in the text": (_set(MENTION, N.anchorOf, Literal("Valparaíso")), MENTION,
                                       "The span's text is not the document text between offsets"),
    "mention without entity": (_drop(MENTION, ITS.taIdentRef), MENTION,
                               "A mention needs exactly one itsrdf:taIdentRef"),
    "mention with two entities": (_add(MENTION, ITS.taIdentRef, POLICE), MENTION,
                                  "A mention needs exactly one itsrdf:taIdentRef"),
    "mention of a non-entity": (_set(MENTION, ITS.taIdentRef, PROTEST), MENTION,
                                "The itsrdf:taIdentRef of a mention must be a crisis:Entity"),
    "mention without sentence": (_drop(MENTION, N.sentence), MENTION,
                                 "A mention needs exactly one nif:sentence"),
    "mention offsets as text": (_set(MENTION, N.beginIndex, Literal(str(_span("Santiago")[0]))), MENTION,
                                "A mention needs exactly one nif:beginIndex, a non-negative"),
    # entities
    "entity with two labels": (_add(BORIC, RDFS.label, Literal("Boric")), BORIC,
                               "An entity needs exactly one rdfs:label"),
    "entity without label": (_drop(POLICE, RDFS.label), POLICE,
                             "An entity needs exactly one rdfs:label"),
    "entity linked outside Wikidata": (_set(SANTIAGO, OWL.sameAs, URIRef("http://dbpedia.org/resource/Santiago")),
                                       SANTIAGO, "owl:sameAs must link to a Wikidata item IRI"),
    "entity linked to a Wikidata property": (_set(SANTIAGO, OWL.sameAs, URIRef(WD + "P17")), SANTIAGO,
                                             "owl:sameAs must link to a Wikidata item IRI"),
    "entity linked twice": (_add(SANTIAGO, OWL.sameAs, URIRef(WD + "Q1000002")), SANTIAGO,
                            "An entity links to at most one Wikidata item"),
    "link confidence above one": (_set(SANTIAGO, C.linkConfidence, Literal("1.5", datatype=XSD.decimal)),
                                  SANTIAGO, "crisis:linkConfidence must be a single xsd:decimal from 0 to 1"),
    "place geometry not a point": (_set(URIRef(f"{SANTIAGO}/geometry"), G.asWKT, Literal("-70.65, -33.45")),
                                   SANTIAGO, "A place's geometry must be a geo:wktLiteral"),
    # events
    "event without evidence": (_drop(PROTEST, C.evidence), PROTEST,
                               "An event needs at least one crisis:evidence sentence"),
    "event evidence not a sentence": (_set(PROTEST, C.evidence, DOC), PROTEST,
                                      "The crisis:evidence of an event must be a nif:Sentence"),
    "event date as words": (_set(PROTEST, C.date, Literal("hari Senin")), PROTEST,
                            "The crisis:date of an event must be an xsd:date"),
    "event with two dates": (_add(PROTEST, C.date, Literal(date(2019, 10, 20))), PROTEST,
                             "An event has at most one crisis:date"),
    "event agent not an entity": (_set(PROTEST, C.agent, DOC), PROTEST,
                                  "A participant, agent, target or speaker of an event must be a crisis:Entity"),
    "event place not a place": (_set(PROTEST, C.place, BORIC), PROTEST,
                                "The crisis:place of an event must be a crisis:Place"),
    "negative count": (_set(DETENTION, C.detained, Literal(-12)), DETENTION,
                       "A count (crisis:killed, injured, detained, deployed or count) must be a non-negative"),
    "count in words": (_set(DETENTION, C.detained, Literal("belasan")), DETENTION,
                       "A count (crisis:killed, injured, detained, deployed or count) must be a non-negative"),
    "figure without count property": (_drop(FIGURE, C.countProperty), FIGURE,
                                      "A figure needs exactly one crisis:countProperty"),
    "figure for a non-count property": (_set(FIGURE, C.countProperty, C.date), FIGURE,
                                        "A figure needs exactly one crisis:countProperty"),
    "figure without value": (_drop(FIGURE, RDF.value), FIGURE,
                             "A figure needs exactly one rdf:value, a non-negative xsd:integer"),
    "figure with unknown qualifier": (_set(FIGURE, C.qualifier, Literal("approximately")), FIGURE,
                                      "A figure needs exactly one crisis:qualifier"),
    "figure reported by a sentence": (_set(FIGURE, C.reportedBy, _sentence(1)), FIGURE,
                                      "Who reported or retracted a figure must be a crisis:Entity"),
    "statement without speaker or quote": (lambda g: (_drop(STATEMENT, C.speaker)(g), _drop(STATEMENT, C.quote)(g),
                                                      _drop(STATEMENT, C.spokenFor)(g)),
                                           STATEMENT, "A statement needs a crisis:speaker, the party spoken for"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_shape_reports_what_breaks_it(case):
    breaks, focus, message = BROKEN[case]
    g = valid_graph()
    breaks(g)
    report = validate(g)
    assert not report.conforms
    found = [(r.focus_node, r.message) for r in report.results]
    assert any(f == focus and m.startswith(message) for f, m in found), found


def test_statement_with_only_a_quote_conforms():
    g = valid_graph()
    g.remove((STATEMENT, C.speaker, None))
    assert validate(g).conforms


def test_subclass_instances_are_checked_as_events():
    """A crisis:Riot is an event through the ontology, so it needs evidence too."""
    g = valid_graph()
    riot = URIRef(ID + "event/riot-without-evidence")
    g.add((riot, RDF.type, C.Riot))
    report = validate(g)
    assert [(r.focus_node, r.path) for r in report.results] == [(riot, "crisis:evidence")]


def test_report_has_one_short_line_per_result():
    g = valid_graph()
    g.set((PROTEST, C.date, Literal("hari Senin")))
    g.remove((FIGURE, C.qualifier, None))
    text = format_report(validate(g))
    lines = text.splitlines()
    assert lines[0] == "2 problem(s) found:"
    assert lines[1:] == [
        f"Violation: kgid:event/{DOC_ID}-{_span('berunjuk rasa')[0]}-{_span('berunjuk rasa')[1]} crisis:date: "
        'The crisis:date of an event must be an xsd:date such as "2022-01-05"^^xsd:date. (value: "hari Senin")',
        f"Violation: kgid:event/{DOC_ID}-{_span('menahan')[0]}-{_span('menahan')[1]}/figure/0 crisis:qualifier: "
        "A figure needs exactly one crisis:qualifier: exact, atLeast, moreThan, about, lessThan, upTo, "
        "teens, dozens, hundreds, thousands, tensOfThousands, hundredsOfThousands, millions or tensOfMillions.",
    ]


def test_pipeline_rdf_conforms_and_uses_declared_terms():
    """What the rdf stage writes for a hand-made document (another crisis than the seeds)
    passes the shapes, and every crisis: term in it is declared by the ontology."""
    import pyoxigraph as ox

    from kg.ontology import ontology_path
    from kg.rdf import document_quads, entity_quads
    from kg.records import Document, Entity, Event, ExtractedDocument, Figure, Mention, Quantity, Sentence

    text = "Tentara Myanmar menahan 30 orang di Yangon. Juru bicara PBB mengecam penahanan itu."
    first, second = text.split(". ")
    first += "."
    spans = [(0, len(first)), (len(first) + 1, len(text))]
    sentences = [Sentence(b, e, text[b:e]) for b, e in spans]

    def mention(words, cls, sentence, key):
        begin = text.index(words)
        return Mention(begin, begin + len(words), words, cls, sentence,
                       entity=entity_iri(cls, key))

    mentions = [mention("Tentara Myanmar", "ArmedForce", 0, "tatmadaw"),
                mention("Yangon", "City", 0, "yangon"),
                mention("PBB", "InternationalOrganization", 1, "un")]
    def event(cls, sentence, trigger, **roles):
        begin = text.index(trigger)
        return Event(cls, sentence, trigger, begin, begin + len(trigger),
                     iri=event_iri("mm-1", begin, begin + len(trigger)), **roles)

    number = text.index("30")
    detention = event("Detention", 0, "menahan", date=date(2021, 2, 14), places=[1], agents=[0],
                      figures=[Figure("detained", Quantity(30, "exact", "30", number, number + 2))])
    statement = event("Statement", 1, "mengecam", speaker=2)
    ext = ExtractedDocument(Document("mm-1", text, published=date(2021, 2, 15)), sentences, mentions,
                            [detention, statement])
    entities = [Entity(m.entity, m.cls, m.text) for m in mentions]
    quads = list(document_quads(ext, "settings")) + list(entity_quads(entities))
    ds = Dataset()
    ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")

    report = validate(ds)
    assert report.conforms, format_report(report)

    declared = set(Graph().parse(ontology_path()).subjects())
    used = {t for quad in ds.quads((None, None, None, None)) for t in quad[:3]
            if isinstance(t, URIRef) and t.startswith(CRISIS)}
    assert used and used <= declared, sorted(used - declared)
