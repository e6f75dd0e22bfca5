"""Writers for network tools: GraphML and GEXF (networkx), Cytoscape.js JSON, Graphviz DOT, GeoJSON.

Each takes the one node/edge model and only lays it out. Attribute values are plain strings and
numbers, which is all networkx's writers and the tools reading them understand.
"""
from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from .model import Edge, Graph, Node


def node_attributes(node: Node) -> dict[str, str | int | float]:
    """The node's attributes without empty values, its counts flattened (killed=3)."""
    attrs = {"kind": node.kind, "type": node.type, "category": node.category, "label": node.label, "wikidata": node.wikidata,
             "date": node.date, "weight": node.weight, "lon": node.lon, "lat": node.lat, "modality": node.modality,
             **node.counts}
    return {k: v for k, v in attrs.items() if v not in ("", None)}


def edge_attributes(edge: Edge) -> dict[str, str | int]:
    attrs = {"role": edge.role, "label": edge.role, "weight": edge.weight, "date": edge.date}
    return {k: v for k, v in attrs.items() if v != ""}


def to_networkx(graph: Graph, dynamic: bool = False) -> nx.MultiDiGraph:
    """A networkx graph; ``dynamic`` adds start/end dates so Gephi's timeline can play it."""
    g = nx.MultiDiGraph(name="crisis-kg")
    if dynamic:
        g.graph["mode"] = "dynamic"
    for node in graph.nodes.values():
        attrs = node_attributes(node)
        if dynamic and node.date:
            attrs["start"] = node.date
            if node.kind == "event":
                attrs["end"] = node.date
        g.add_node(node.id, **attrs)
    for edge in graph.edges:
        attrs = edge_attributes(edge)
        if dynamic and edge.date:
            attrs["start"] = attrs["end"] = edge.date
        g.add_edge(edge.source, edge.target, key=edge.role, **attrs)
    return g


def write_graphml(graph: Graph, out: BinaryIO) -> None:
    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")


def write_gexf(graph: Graph, out: BinaryIO) -> None:
    nx.write_gexf(to_networkx(graph, dynamic=True), out, encoding="utf-8")


def cytoscape_elements(graph: Graph) -> dict:
    """Cytoscape.js elements (also what Cytoscape desktop imports as 'Cytoscape.js JSON')."""
    nodes = [{"data": {"id": n.id, **node_attributes(n)}} for n in graph.nodes.values()]
    edges = [{"data": {"id": f"e{i}", "source": e.source, "target": e.target, **edge_attributes(e)}}
             for i, e in enumerate(graph.edges)]
    return {"elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(graph: Graph, out: BinaryIO) -> None:
    out.write(json.dumps(cytoscape_elements(graph), ensure_ascii=False, indent=1).encode())


def dot_quote(value: object) -> str:
    """A DOT double-quoted string: backslashes, quotes and line breaks escaped."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


def _dot_attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={dot_quote(v)}" for k, v in attrs.items())


def write_dot(graph: Graph, out: BinaryIO) -> None:
    lines = ['digraph "crisis-kg" {', '  graph [overlap="false", splines="true"];']
    for node in graph.nodes.values():
        shape = {"shape": "box" if node.kind == "event" else "ellipse"}
        lines.append(f"  {dot_quote(node.id)} [{_dot_attrs({**shape, **node_attributes(node)})}];")
    for edge in graph.edges:
        lines.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)} [{_dot_attrs(edge_attributes(edge))}];")
    lines.append("}")
    out.write(("\n".join(lines) + "\n").encode())


def write_geojson(graph: Graph, out: BinaryIO) -> None:
    """RFC 7946: places with coordinates as Points ([lon, lat]), with the events held there."""
    links = graph.neighbours()
    features = []
    for node in graph.nodes.values():
        if node.kind != "entity" or node.lon is None or node.lat is None:
            continue
        events = sorted({other.id: other for e, other in links[node.id]
                         if other.kind == "event" and e.role == "place"}.values(),
                        key=lambda ev: (ev.date, ev.id))
        totals: dict[str, int] = {}
        for ev in events:
            for measure, value in ev.counts.items():
                totals[measure] = totals.get(measure, 0) + value
        properties = {k: v for k, v in node_attributes(node).items() if k not in ("lon", "lat")}
        properties.update(id=node.id, mentions=node.weight, event_count=len(events), counts=totals,
                          events=[{"id": ev.id, "type": ev.type, "date": ev.date, "label": ev.label,
                                   "evidence": ev.weight, "counts": ev.counts} for ev in events])
        features.append({"type": "Feature", "id": node.id,
                         "geometry": {"type": "Point", "coordinates": [node.lon, node.lat]},
                         "properties": properties})
    out.write(json.dumps({"type": "FeatureCollection", "features": features},
                         ensure_ascii=False, indent=1).encode())


WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "cytoscape": write_cytoscape,
    "dot": write_dot,
    "geojson": write_geojson,
}
