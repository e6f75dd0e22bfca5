"""RDF serialisations of the store's quads, written by pyoxigraph.

Turtle has no named graphs, so it gets the merge of all graphs (each triple once); TriG,
N-Quads and JSON-LD keep every named graph, so provenance survives the export.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable

import pyoxigraph as ox

from kg.vocab import PREFIXES

from .model import Graph


def _triples(quads: Iterable[ox.Quad]) -> Iterable[ox.Triple]:
    return dict.fromkeys(q.triple for q in quads)


def _writer(fmt: ox.RdfFormat, merge: bool = False, prefixes: bool = True):
    def write(quads: Iterable[ox.Quad], out: BinaryIO) -> None:
        ox.serialize(_triples(quads) if merge else quads, out, format=fmt,
                     prefixes=PREFIXES if prefixes else None)
    return write


WRITERS = {
    "ttl": _writer(ox.RdfFormat.TURTLE, merge=True),
    "trig": _writer(ox.RdfFormat.TRIG),
    "nq": _writer(ox.RdfFormat.N_QUADS, prefixes=False),
    "jsonld": _writer(ox.RdfFormat.JSON_LD),
}


def about(quads: Iterable[ox.Quad], graph: Graph) -> Iterable[ox.Quad]:
    """The statements about the nodes a subset keeps."""
    return (q for q in quads if isinstance(q.subject, ox.NamedNode) and q.subject.value in graph.nodes)
