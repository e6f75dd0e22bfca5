"""OWL 2 RL reasoning over ontology + data, keeping only what is new.

The inferred triples go to their own named graph (vocab.INFERRED_GRAPH), so
they can be dropped and recomputed. ``owl:sameAs`` links to Wikidata are left
out of the reasoning: two nodes linked to one item (a resolution miss, or a
wrong link) would otherwise be merged and every fact copied across both.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg import vocab
from kg.validate import shorten, union_graph
from kg.vocab import PREFIXES, WD

# Terms of these vocabularies are axioms, not data.
_VOCABULARIES = (vocab.RDF, vocab.RDFS, vocab.OWL, vocab.XSD)
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource}
# Saying that a term exists is not an axiom a rule can fire on.
_DECLARATIONS = {
    OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
    RDF.Property, OWL.Ontology, SKOS.Concept, SKOS.ConceptScheme,
}


@dataclass
class Inference:
    """What a reasoning run adds, and what it found wrong."""
    graph: Graph                  # new triples only
    wikidata_links_set_aside: int
    inconsistencies: list[str] = field(default_factory=list)
    seconds: float = 0.0


def reason(data: Graph, ontology: Graph) -> Inference:
    """Run OWL 2 RL over ontology + data (a Graph or all graphs of a Dataset)."""
    started = time.perf_counter()
    data = union_graph(data)
    terms = _axiomatised_terms(ontology)
    work = Graph()
    set_aside = 0
    for triple in data:
        if _is_wikidata_link(triple):
            set_aside += 1
        elif _can_fire(triple, terms):
            work.add(triple)
    for triple in ontology:
        work.add(triple)
    given = set(work)

    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False,
    ).expand(work)

    errors = sorted(str(work.value(node, ERRNS.error))
                    for node in work.subjects(RDF.type, ERRNS.ErrorMessage))
    schema = set(ontology.subjects())
    inferred = Graph()
    for prefix, ns in PREFIXES.items():
        inferred.bind(prefix, ns)
    for triple in work:
        if triple not in given and triple not in data and not _trivial(triple, schema):
            inferred.add(triple)
    return Inference(inferred, set_aside, errors, time.perf_counter() - started)


def infer(data: Graph, ontology: Graph) -> Graph:
    """The triples OWL 2 RL adds to ``data`` under ``ontology``, without trivia."""
    return reason(data, ontology).graph


def summarize(inferred: Graph) -> dict[str, int]:
    """Counts of inferred triples by predicate; rdf:type counted per class."""
    counts = Counter(
        f"rdf:type {shorten(o)}" if p == RDF.type else shorten(p)
        for _, p, o in inferred
    )
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _axiomatised_terms(ontology: Graph) -> set:
    """Classes and properties the ontology says something logical about.

    Only data triples using them (plus owl:sameAs) can fire an OWL RL rule;
    offsets, texts, labels and declared-only classes lead nowhere, and leaving
    them out makes owlrl several times faster.
    """
    annotations = set(ontology.subjects(RDF.type, OWL.AnnotationProperty)) | {RDFS.label, RDFS.comment}
    terms = set()
    for s, p, o in ontology:
        if p not in annotations and not (p == RDF.type and o in _DECLARATIONS):
            terms.update((s, o))
    return terms


def _can_fire(triple, terms: set) -> bool:
    _, p, o = triple
    return p == OWL.sameAs or (o in terms if p == RDF.type else p in terms)


def _is_wikidata_link(triple) -> bool:
    s, p, o = triple
    return p == OWL.sameAs and (str(o).startswith(WD) or str(s).startswith(WD))


def _trivial(triple, schema: set) -> bool:
    s, p, o = triple
    return (
        isinstance(s, Literal)
        or s in schema                                   # closure of the ontology itself
        or (isinstance(s, URIRef) and str(s).startswith(_VOCABULARIES))
        or (p == OWL.sameAs and s == o)
        or (p == RDF.type and o in _TRIVIAL_TYPES)
        or p == ERRNS.error or o == ERRNS.ErrorMessage   # reported as inconsistencies
    )
