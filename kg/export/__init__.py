"""`kg export`: the graph in the formats of RDF stores, network tools, spreadsheets, maps and browsers.

RDF formats write the quads; network formats draw the node/edge model of ``model.py``; the tables
(``tables.py``) give a row per event and source, read from the sentence graphs. A subset is a
CONSTRUCT saved query's result (``query``), one class (``only_type``) or a date range of events;
for RDF formats the class and the dates keep the statements about the kept nodes. Like the saved
queries, every export but the whole graph in an RDF format (the raw graph, complete) leaves out
events the text does not assert (negated, future, conditional ...) unless ``unasserted``.

This module only names the formats, so the command line lists them without importing the writers.
"""
from __future__ import annotations

import importlib
from typing import BinaryIO, Callable

FORMATS = {  # name: (module that writes it, what it is)
    "ttl": ("rdf", "Turtle, the merge of all graphs"),
    "trig": ("rdf", "TriG, every named graph kept"),
    "nq": ("rdf", "N-Quads, every named graph kept"),
    "jsonld": ("rdf", "JSON-LD, every named graph kept"),
    "graphml": ("network", "GraphML (Gephi, yEd, Cytoscape)"),
    "gexf": ("network", "GEXF for Gephi, dynamic by event date"),
    "cytoscape": ("network", "Cytoscape.js JSON"),
    "dot": ("network", "Graphviz DOT"),
    "html": ("html", "one self-contained page drawing the graph"),
    "acled-csv": ("tables", "ACLED-style CSV, a row per event and source"),
    "geojson": ("tables", "GeoJSON, a point per located event (QGIS)"),
}


def writer(fmt: str):
    module, _ = FORMATS[fmt]
    return importlib.import_module(f"{__name__}.{module}").WRITERS[fmt]


def render(store, fmt: str, query: str | None = None, params: dict[str, str] | None = None,
           only_type: str | None = None, since: str | None = None, until: str | None = None,
           unasserted: bool = False) -> Callable[[BinaryIO], None]:
    """Everything that can fail on bad options, done before any output: the function that writes."""
    from kg.api import UserError

    from . import model, rdf

    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    since, until = model.check_date(since, "--since"), model.check_date(until, "--until")
    source, quads = (model.query_source(store, query, params or {}, unasserted) if query
                     else (store, store.quads_for_pattern(None, None, None, None)))
    subset = bool(only_type or since or until)
    module, _ = FORMATS[fmt]
    if module == "rdf" and not subset:
        return lambda out: writer(fmt)(quads, out)
    if module == "tables":   # what each source says is in the sentence graphs: read from the store itself
        whole = model.read_whole(store, unasserted)
        chosen = model.subset(model.read_whole(source, unasserted) if query else whole, only_type, since, until)
        return lambda out: writer(fmt)(whole, chosen.nodes, store, out)
    graph = model.read_graph(source, only_type, since, until, unasserted)
    if module == "rdf":
        return lambda out: writer(fmt)(rdf.about(quads, graph), out)
    return lambda out: writer(fmt)(graph, out)
