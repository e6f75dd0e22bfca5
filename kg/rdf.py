"""Records → quads, per DESIGN.md's data model.

The document and its sentences go in the document's graph; everything read
from a sentence (mentions, entity types, roles, events) goes in that
sentence's graph, whose name is the sentence IRI. Entity labels live in
their own graph, recomputed from the mentions after each build.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.triggers import BY_SENSE
from kg.lang import language
from kg.records import Entity, Event, ExtractedDocument
from kg.vocab import (ALIASES_GRAPH, CRISIS, DCTERMS, ENTITIES_GRAPH, IDENTITY_GRAPH, ITSRDF, NIF, RDF, RDFS, SKOS, XSD,
                      doc_iri, slug, span_iri)

A = NamedNode(RDF + "type")
RDF_VALUE = NamedNode(RDF + "value")
TA_IDENT_REF = NamedNode(ITSRDF + "taIdentRef")
TA_CLASS_REF = NamedNode(ITSRDF + "taClassRef")
TEXT_TAG = language().rdf_language_tag     # words quoted from the text: "unjuk rasa"@id


@lru_cache(maxsize=None)     # a few hundred terms, made once
def C(local: str) -> NamedNode:
    return NamedNode(CRISIS + local)


@lru_cache(maxsize=None)     # a few hundred terms, made once
def N(local: str) -> NamedNode:
    return NamedNode(NIF + local)


@lru_cache(maxsize=None)     # a few hundred terms, made once
def D(local: str) -> NamedNode:
    return NamedNode(DCTERMS + local)


@lru_cache(maxsize=None)
def _datatype(name: str) -> NamedNode:
    return NamedNode(XSD + name)


def _int(value: int, datatype: str = "integer") -> Literal:
    return Literal(str(value), datatype=_datatype(datatype))


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_datatype("boolean"))


def _date(value) -> Literal:
    return Literal(value.isoformat(), datatype=_datatype("date"))


def document_quads(ext: ExtractedDocument, settings_hash: str) -> Iterator[Quad]:
    doc = ext.doc
    d = NamedNode(doc_iri(doc.id))
    g = d
    yield Quad(d, A, C("Document"), g)
    yield Quad(d, A, N("Context"), g)
    yield Quad(d, N("isString"), Literal(doc.text), g)
    yield Quad(d, N("beginIndex"), _int(0), g)
    yield Quad(d, N("endIndex"), _int(len(doc.text)), g)
    yield Quad(d, D("identifier"), Literal(doc.id), g)
    if doc.published:
        yield Quad(d, D("issued"), _date(doc.published), g)
    dateline = ext.dateline
    publisher = doc.publisher or (dateline and dateline.outlet)     # the dateline's outlet when nothing else says
    if publisher:
        yield Quad(d, D("publisher"), Literal(publisher), g)
    if dateline and dateline.place:
        yield Quad(d, C("datelinePlace"), Literal(dateline.place), g)
    if doc.language:
        yield Quad(d, D("language"), Literal(doc.language), g)
    if doc.url:
        yield Quad(d, D("source"), Literal(doc.url), g)
    for key, value in sorted(doc.meta.items()):
        yield Quad(d, NamedNode(RDFS + "comment"), Literal(f"{key}: {value}"), g)
    yield Quad(d, C("contentHash"), Literal(doc.content_hash), g)
    yield Quad(d, C("settingsHash"), Literal(settings_hash), g)
    yield Quad(d, C("sourcePath"), Literal(doc.source), g)
    for s in ext.sentences:
        si = NamedNode(span_iri(doc.id, s.begin, s.end))
        yield Quad(si, A, N("Sentence"), g)
        yield Quad(si, N("isString"), Literal(s.text), g)
        yield Quad(si, N("beginIndex"), _int(s.begin), g)
        yield Quad(si, N("endIndex"), _int(s.end), g)
        yield Quad(si, N("referenceContext"), d, g)
    yield from _mention_quads(ext, d)
    for event in ext.events:
        yield from _event_quads(ext, event, d)


def _sentence_graph(ext: ExtractedDocument, index: int) -> NamedNode:
    s = ext.sentences[index]
    return NamedNode(span_iri(ext.doc.id, s.begin, s.end))


def _mention_quads(ext: ExtractedDocument, d: NamedNode) -> Iterator[Quad]:
    graphs = [_sentence_graph(ext, i) for i in range(len(ext.sentences))]
    for m in ext.mentions:
        g = graphs[m.sentence]
        mi = NamedNode(span_iri(ext.doc.id, m.begin, m.end))
        entity = NamedNode(m.entity)
        yield Quad(mi, A, N("Phrase"), g)
        yield Quad(mi, N("anchorOf"), Literal(m.text), g)
        yield Quad(mi, N("beginIndex"), _int(m.begin), g)
        yield Quad(mi, N("endIndex"), _int(m.end), g)
        yield Quad(mi, N("referenceContext"), d, g)
        yield Quad(mi, N("sentence"), g, g)
        yield Quad(mi, TA_IDENT_REF, entity, g)
        yield Quad(mi, TA_CLASS_REF, C(m.cls), g)
        yield Quad(entity, A, C(m.cls), g)
        for role in (m.role, m.rank):
            if role:
                yield Quad(entity, C("role"), Literal(role, language=TEXT_TAG), g)
        if m.affiliation is not None:
            yield Quad(entity, C("affiliation"), NamedNode(ext.mentions[m.affiliation].entity), g)


def _event_quads(ext: ExtractedDocument, e: Event, d: NamedNode) -> Iterator[Quad]:
    g = _sentence_graph(ext, e.sentence)
    ev = NamedNode(e.iri)
    ent = [NamedNode(m.entity) for m in ext.mentions]
    yield Quad(ev, A, C(e.cls), g)
    yield Quad(ev, C("evidence"), g, g)
    yield Quad(ev, C("trigger"), Literal(e.trigger, language=TEXT_TAG), g)
    if e.date:
        yield Quad(ev, C("date"), _date(e.date), g)
    elif ext.doc.published:      # the text gives no date: the publication date stands in, under its own name
        yield Quad(ev, C("reportDate"), _date(ext.doc.published), g)
    if e.sense and e.cls in BY_SENSE:
        yield Quad(ev, C("sense"), Literal(e.sense), g)
    if e.date_text:
        yield Quad(ev, C("dateText"), Literal(e.date_text, language=TEXT_TAG), g)
    if e.end_date:
        yield Quad(ev, C("endDate"), _date(e.end_date), g)
    for prop, indexes in (("place", e.places), ("agent", e.agents), ("target", e.targets),
                          ("participant", e.participants), ("reportedBy", e.reported_by),
                          ("about", e.about)):
        for i in indexes:
            yield Quad(ev, C(prop), ent[i], g)
    if e.speaker is not None:
        yield Quad(ev, C("speaker"), ent[e.speaker], g)
    for i in e.spoken_for:
        yield Quad(ev, C("spokenFor"), ent[i], g)
    if e.quote:
        yield Quad(ev, C("quote"), Literal(e.quote, language=TEXT_TAG), g)
    if e.medium is not None:
        yield Quad(ev, C("medium"), ent[e.medium], g)
    for k in e.about_events:
        yield Quad(ev, C("about"), NamedNode(ext.events[k].iri), g)
    if e.speaker is not None:
        for i in e.labels:
            yield Quad(ent[i], C("labelledBy"), ent[e.speaker], g)
    if e.negated:
        yield Quad(ev, C("negated"), _bool(True), g)
    if e.modality:
        yield Quad(ev, C("modality"), Literal(e.modality), g)
    for n, fig in enumerate(e.figures):
        q = fig.quantity
        fi = NamedNode(f"{e.iri}/figure/{slug(ext.doc.id, 120)}-{q.begin}-{n}")
        yield Quad(ev, C(fig.prop), _int(q.value, "integer"), g)
        yield Quad(ev, C("hasFigure"), fi, g)
        yield Quad(fi, A, C("Figure"), g)
        yield Quad(fi, C("countProperty"), C(fig.prop), g)
        yield Quad(fi, RDF_VALUE, _int(q.value, "integer"), g)
        yield Quad(fi, C("qualifier"), Literal(q.qualifier), g)
        yield Quad(fi, N("anchorOf"), Literal(q.text), g)
        if fig.reported_by is not None:
            yield Quad(fi, C("reportedBy"), ent[fig.reported_by], g)
        if fig.retracted:
            yield Quad(fi, C("retracted"), _bool(True), g)
        if fig.retracted_by is not None:
            yield Quad(fi, C("retractedBy"), ent[fig.retracted_by], g)


def entity_quads(entities: list[Entity]) -> Iterator[Quad]:
    g = NamedNode(ENTITIES_GRAPH)
    for e in entities:
        node = NamedNode(e.iri)
        yield Quad(node, A, C(e.cls), g)
        yield Quad(node, NamedNode(RDFS + "label"), Literal(e.label), g)
        for alt in sorted(e.alt_labels - {e.label}):
            yield Quad(node, NamedNode(SKOS + "altLabel"), Literal(alt), g)


def identity_quads(incidents) -> Iterator[Quad]:
    """Which reports each incident joins (kg.resolve.incidents.Incident) and the reasons of each join."""
    g = NamedNode(IDENTITY_GRAPH)
    for incident in incidents:
        node = NamedNode(incident.iri)
        for report in incident.reports:
            yield Quad(node, C("report"), NamedNode(report.iri), g)
            yield Quad(NamedNode(report.iri), C("inDocument"), NamedNode(report.document), g)
        for n, merge in enumerate(incident.merges):
            decision = NamedNode(f"{incident.iri}/merge/{n}")
            yield Quad(node, C("merge"), decision, g)
            yield Quad(decision, A, C("MergeDecision"), g)
            yield Quad(decision, C("joins"), NamedNode(merge.a), g)
            yield Quad(decision, C("joins"), NamedNode(merge.b), g)
            yield Quad(decision, C("score"), Literal(f"{merge.score:.2f}", datatype=_datatype("decimal")), g)
            for _, entity in merge.shared:
                yield Quad(decision, C("sharedKey"), NamedNode(entity), g)
            if merge.date:
                yield Quad(decision, C("matchedDate"), _date(merge.date), g)
            yield Quad(decision, C("dateStated"), _bool(merge.date_stated), g)


def alias_quads(aliases) -> Iterator[Quad]:
    """Why an entity IRI was joined into another (kg.resolve.aliases.Alias): the rule, its name and
    the name of the other it matched. Written anew at each run (kg.identity undoes the last joins
    first): the joined IRI is gone from every other graph."""
    g = NamedNode(ALIASES_GRAPH)
    for a in aliases:
        decision = NamedNode(f"{a.entity}/alias/{slug(a.alias.rsplit('/', 1)[-1])}")
        yield Quad(decision, A, C("AliasDecision"), g)
        yield Quad(decision, C("joinedEntity"), NamedNode(a.alias), g)
        yield Quad(decision, C("joinedInto"), NamedNode(a.entity), g)
        yield Quad(decision, C("shortName"), Literal(a.name), g)
        yield Quad(decision, C("longName"), Literal(a.long), g)
        yield Quad(decision, C("aliasRule"), Literal(a.rule), g)
