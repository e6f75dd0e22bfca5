"""Writers for network tools: GraphML and GEXF (networkx), Cytoscape.js JSON, Graphviz DOT.

Each takes the one node/edge model and only lays it out, so that every tool shows the same
labels, categories (coloured alike), communities and evidence. Attribute values are plain strings
and numbers, which is all networkx's writers and the tools reading them understand.
"""
from __future__ import annotations

import json
import math
from typing import BinaryIO

from .model import Edge, Graph, Node

COLOURS = {"Person": "#3b6fb6", "Organization": "#2e8b57", "Place": "#c0392b", "Group": "#8e44ad",
           "Event": "#e67e22"}   # as the web page draws them (kg/web/graph.js)
GREY = "#7f8c8d"


def node_attributes(node: Node) -> dict[str, str | int | float]:
    """The node's attributes without empty values, its counts flattened (killed=3)."""
    attrs = {"kind": node.kind, "type": node.type, "category": node.category, "label": node.label, "wikidata": node.wikidata,
             "date": node.date, "weight": node.weight, "lon": node.lon, "lat": node.lat, "modality": node.modality,
             "community": node.community, "color": COLOURS.get(node.category, GREY), **node.counts}
    return {k: v for k, v in attrs.items() if v not in ("", None)}


def edge_attributes(edge: Edge) -> dict[str, str | int]:
    attrs = {"role": edge.role, "label": edge.role, "weight": edge.weight, "date": edge.date,
             "evidence": edge.evidence}
    return {k: v for k, v in attrs.items() if v != ""}


def _size(node: Node) -> float:
    """A node's drawn size: grows with the sentences about it, slowly, so hubs do not swamp."""
    return round(10 + 6 * math.log(node.weight), 1)


def to_networkx(graph: Graph, dynamic: bool = False):
    """A networkx graph; ``dynamic`` adds start/end dates so Gephi's timeline can play it."""
    import networkx as nx

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
    import networkx as nx

    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")


def write_gexf(graph: Graph, out: BinaryIO) -> None:
    """GEXF with Gephi's viz colours (by category) and sizes (by evidence), so it opens drawn."""
    import networkx as nx

    g = to_networkx(graph, dynamic=True)
    for node in graph.nodes.values():
        r, gr, b = (int(COLOURS.get(node.category, GREY)[i:i + 2], 16) for i in (1, 3, 5))
        g.nodes[node.id]["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": _size(node)}
    nx.write_gexf(g, out, encoding="utf-8")


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
    """DOT laid out by sfdp (force-directed, overlaps removed) whatever program renders it: dot's
    ranks put a few hundred events in one row, an image 32,767 pixels wide. Nodes are filled by
    category and labelled; edges carry their role and evidence as tooltips, not as text on the drawing."""
    lines = ['digraph "crisis-kg" {',
             '  graph [layout="sfdp", overlap="prism", outputorder="edgesfirst", fontname="Helvetica"];',
             '  node [style="filled", fontname="Helvetica", fontsize="10", fontcolor="white", penwidth="0"];',
             '  edge [color="#00000055", arrowsize="0.5"];']
    for node in graph.nodes.values():
        style = {"shape": "box" if node.kind == "event" else "ellipse",
                 "fillcolor": COLOURS.get(node.category, GREY), "fontsize": round(9 + 2.5 * math.log(node.weight), 1),
                 "tooltip": node.id}
        lines.append(f"  {dot_quote(node.id)} [{_dot_attrs({**style, **node_attributes(node)})}];")
    for edge in graph.edges:
        attrs = {k: v for k, v in edge_attributes(edge).items() if k != "label"}
        attrs["tooltip"] = f"{edge.role}: {edge.evidence}" if edge.evidence else edge.role
        attrs["penwidth"] = min(edge.weight, 5)
        lines.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)} [{_dot_attrs(attrs)}];")
    lines.append("}")
    out.write(("\n".join(lines) + "\n").encode())


WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "cytoscape": write_cytoscape,
    "dot": write_dot,
}
