"""Move graphs between the Oxigraph store and rdflib (for pyshacl and owlrl)."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from kg.ontology import ontology_path
from kg.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH

EXCLUDED = {ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(INFERRED_GRAPH)}


def data_graph(store: ox.Store) -> Graph:
    """The union of the data graphs (not the ontology, not inferred triples), literals as stored."""
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store if q.graph_name not in EXCLUDED)
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def ontology_graph() -> Graph:
    return Graph().parse(ontology_path())


def replace_graph(store: ox.Store, graph_iri: str, graph: Graph) -> None:
    name = ox.NamedNode(graph_iri)
    if store.contains_named_graph(name):
        store.remove_graph(name)
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=name)
