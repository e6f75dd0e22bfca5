"""SHACL validation of a crisis-kg graph, with a report a person can read.

The shapes (ontology/shapes.ttl) are checked with pyshacl against the union of
all named graphs plus the ontology, so ``sh:targetClass crisis:Event`` also
reaches a ``crisis:Protest`` through ``rdfs:subClassOf``. No inference runs on
the data: a range declaration must not make a wrong participant look right.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyshacl
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.ontology import ontology_path, shapes_path as default_shapes_path
from kg.vocab import PREFIXES

# Longest namespace first, so "kgid:doc/x" wins over a shorter match.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


class Result(NamedTuple):
    focus_node: Node
    path: str          # SHACL path in short form; "" when the shape is about the node itself
    message: str
    severity: str      # Violation | Warning | Info


@dataclass
class ValidationReport:
    conforms: bool
    results: list[Result] = field(default_factory=list)


def shorten(term: Node) -> str:
    """``crisis:Person`` for an IRI in a project namespace, ``<iri>`` otherwise."""
    if isinstance(term, URIRef):
        for prefix, ns in _BY_LENGTH:
            if term.startswith(ns):
                return f"{prefix}:{term[len(ns):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'
    return f"_:{term}"


def union_graph(data: Graph) -> Graph:
    """The triples of every named graph in one graph (a plain Graph is returned as is)."""
    if not data.context_aware:
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate(data: Graph, shapes_path: str | Path | None = None) -> ValidationReport:
    shapes = Graph().parse(shapes_path or default_shapes_path())
    ontology = Graph().parse(ontology_path())
    conforms, report, _ = pyshacl.validate(
        union_graph(data), shacl_graph=shapes, ont_graph=ontology,
        inference="none", advanced=True, allow_warnings=False,
    )
    results = {
        Result(
            report.value(r, SH.focusNode),
            _path_text(report, report.value(r, SH.resultPath)),
            _message(report, r),
            str(report.value(r, SH.resultSeverity)).rpartition("#")[2],
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    return ValidationReport(bool(conforms), sorted(results, key=lambda r: (str(r.focus_node), r.path, r.message)))


def format_report(report: ValidationReport) -> str:
    if report.conforms and not report.results:
        return "The graph conforms to the shapes: no problems found."
    lines = [f"{len(report.results)} problem(s) found:"]
    for r in report.results:
        where = f"{shorten(r.focus_node)} {r.path}".rstrip()
        lines.append(f"{r.severity}: {where}: {r.message}")
    return "\n".join(lines)


def _message(report: Graph, result: Node) -> str:
    """The shape's message, with the offending value when there is one."""
    message = report.value(result, SH.resultMessage)
    if message is None:
        message = f"fails {shorten(report.value(result, SH.sourceConstraintComponent))}"
    value = report.value(result, SH.value)
    if value is None or value == report.value(result, SH.focusNode):
        return str(message)
    return f"{message} (value: {shorten(value)})"


def _path_text(g: Graph, path: Node | None) -> str:
    """A SHACL property path as text: ``a / b``, ``a | b``, ``^a``, ``a*``."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return shorten(path)
    if isinstance(path, BNode):
        if (g.value(path, RDF.first)) is not None:
            return " / ".join(_path_text(g, step) for step in Collection(g, path))
        for op, fmt in ((SH.alternativePath, "({})"), (SH.inversePath, "^{}"),
                        (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                        (SH.zeroOrOnePath, "{}?")):
            inner = g.value(path, op)
            if inner is None:
                continue
            if op == SH.alternativePath:
                return fmt.format(" | ".join(_path_text(g, alt) for alt in Collection(g, inner)))
            return fmt.format(_path_text(g, inner))
    return shorten(path)
