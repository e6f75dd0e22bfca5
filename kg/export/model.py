"""The graph every visual export draws: entities and events as nodes, roles as typed edges.

It is read once from a store (the whole build, or a CONSTRUCT result loaded into a memory
store) into plain dataclasses, so the format writers only lay out what is decided here: which
nodes, their labels, Wikidata ids, dates, coordinates and weights from evidence counts. Events the
text does not assert (``crisis:negated`` or a ``crisis:modality``) are left out, as saved queries
leave them out, unless asked for; then they carry their modality.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from kg.api import UserError
from kg.vocab import CRISIS, GEO, INFERRED_GRAPH, ITSRDF, NIF, ONTOLOGY_GRAPH, OWL, RDFS, WD

POINT = re.compile(r"POINT\s*\(\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\)", re.I)
KINDS = {CRISIS + "Entity": "entity", CRISIS + "Event": "event"}
CATEGORIES = [CRISIS + c for c in ("Person", "Organization", "Place", "Group", "Event")]


QUERY_GRAPH = ox.NamedNode("urn:crisis-kg:query-result")


class SubsetError(UserError):
    """A subset option that names nothing in the graph (unknown class, bad date, not a CONSTRUCT)."""


@dataclass
class Node:
    id: str
    kind: str                 # "entity" or "event"
    type: str                 # most specific crisis class, e.g. "City", "Protest"
    category: str             # Person, Organization, Place, Group or Event: for colours
    label: str
    wikidata: str = ""        # Q-id when linked
    date: str = ""            # an event's date; an entity's first event date
    weight: int = 1           # sentences mentioning the entity or reporting the event
    lon: float | None = None
    lat: float | None = None
    counts: dict[str, int] = field(default_factory=dict)  # an event's killed, injured... (largest figure)
    modality: str = ""        # an unasserted event's: "negated", "future", "plan"...
    community: int = 0        # densely linked group (Louvain), 0 the largest: for colouring clusters
    classes: frozenset[str] = frozenset()   # its crisis classes as stated, for subsets by class


@dataclass
class Edge:
    source: str
    target: str
    role: str                 # the property's local name: agent, target, place, affiliation...
    weight: int               # sentence graphs that state it
    date: str = ""            # the event's date, for timelines
    evidence: str = ""        # a sentence that states it


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    ancestors: dict[str, set[str]] = field(default_factory=dict)   # the ontology's classes, see superclasses()

    def neighbours(self) -> dict[str, list[tuple[Edge, Node]]]:
        """Each node's edges with the node at their other end."""
        out: dict[str, list[tuple[Edge, Node]]] = defaultdict(list)
        for e in self.edges:
            out[e.source].append((e, self.nodes[e.target]))
            out[e.target].append((e, self.nodes[e.source]))
        return out


def _rows(store: ox.Store, query: str, union: bool = True):
    for sol in store.query(query, use_default_graph_as_union=union):
        yield [None if t is None else t.value for t in sol]


def superclasses(store: ox.Store) -> dict[str, set[str]]:
    """Every crisis class with its ancestors (itself included), from the ontology."""
    ancestors: dict[str, set[str]] = defaultdict(set)
    for c, d in _rows(store, f"SELECT ?c ?d WHERE {{ ?c <{RDFS}subClassOf>* ?d "
                             f"FILTER(STRSTARTS(STR(?c), '{CRISIS}')) }}"):
        ancestors[c].add(d)
    return ancestors


def read_graph(store: ox.Store, only_type: str | None = None, since: str | None = None,
               until: str | None = None, unasserted: bool = False) -> Graph:
    """The node/edge model to draw; optionally one class, or events within dates.
    Negated and modal events (with their edges) only when ``unasserted``."""
    graph = subset(read_whole(store, unasserted), only_type, since, until)
    _date_entities(graph)
    _communities(graph)
    return graph


def read_whole(store: ox.Store, unasserted: bool = False) -> Graph:
    """Every entity and event with its description and edges; unasserted events only if asked."""
    ancestors = superclasses(store)
    types: dict[str, set[str]] = defaultdict(set)
    for node, cls in _rows(store, "SELECT DISTINCT ?n ?c WHERE { ?n a ?c FILTER(isIRI(?n)) }"):
        if cls in ancestors:
            types[node].add(cls)
    graph = Graph(ancestors=ancestors)
    for node, classes in sorted(types.items()):
        kinds = {KINDS[a] for c in classes for a in ancestors[c] if a in KINDS}
        if len(kinds) == 1:
            above = set().union(*(ancestors[c] for c in classes))
            category = next((c[len(CRISIS):] for c in CATEGORIES if c in above), "")
            graph.nodes[node] = Node(node, kinds.pop(), _most_specific(classes, ancestors), category, "",
                                     classes=frozenset(classes))
    _describe(store, graph)
    _read_edges(store, graph)
    if not unasserted:
        _keep(graph, {n for n, node in graph.nodes.items() if not node.modality})
    return graph


def subset(graph: Graph, only_type: str | None = None, since: str | None = None,
           until: str | None = None) -> Graph:
    """A new graph with the nodes of one class (and what they link to), or the events within
    the dates (and all entities); the given graph is unchanged."""
    kept = Graph(dict(graph.nodes), list(graph.edges), graph.ancestors)
    if since or until:
        _keep(kept, {n.id for n in kept.nodes.values()
                     if n.kind == "entity" or (n.date and (since or "") <= n.date <= (until or "9999"))})
    if only_type:
        _keep(kept, _of_type(kept, only_type))
    return kept


def _most_specific(classes: set[str], ancestors: dict[str, set[str]]) -> str:
    leaves = [c for c in classes if not any(c != o and c in ancestors[o] for o in classes)]
    return min(leaves)[len(CRISIS):] if leaves else ""


def _describe(store: ox.Store, graph: Graph) -> None:
    nodes = graph.nodes
    for n, label in _rows(store, f"SELECT ?n ?l WHERE {{ ?n <{RDFS}label> ?l }} ORDER BY ?l"):
        if n in nodes and not nodes[n].label:
            nodes[n].label = label
    for n, item in _rows(store, f"SELECT ?n ?w WHERE {{ ?n <{OWL}sameAs> ?w "
                                f"FILTER(STRSTARTS(STR(?w), '{WD}')) }} ORDER BY ?w"):
        if n in nodes:
            nodes[n].wikidata = item[len(WD):]
    for n, wkt in _rows(store, f"SELECT ?n ?w WHERE {{ ?n <{GEO}hasGeometry>/<{GEO}asWKT> ?w }}"):
        m = POINT.search(wkt)
        if n in nodes and m:
            nodes[n].lon, nodes[n].lat = float(m.group(1)), float(m.group(2))
    for n, count in _rows(store, f"SELECT ?n (COUNT(DISTINCT ?s) AS ?k) WHERE {{ "
                                 f"?m <{ITSRDF}taIdentRef> ?n ; <{NIF}sentence> ?s }} GROUP BY ?n"):
        if n in nodes:
            nodes[n].weight = int(count)
    for n, count, day, reported, trigger in _rows(store, f"""
            SELECT ?n (COUNT(DISTINCT ?s) AS ?k) (MIN(STR(?d)) AS ?day) (MIN(STR(?r)) AS ?reported)
                   (MIN(STR(?t)) AS ?trigger)
            WHERE {{ ?n <{CRISIS}evidence> ?s OPTIONAL {{ ?n <{CRISIS}date> ?d }}
                     OPTIONAL {{ ?n <{CRISIS}reportDate> ?r }} OPTIONAL {{ ?n <{CRISIS}trigger> ?t }} }} GROUP BY ?n"""):
        if n in nodes:     # an event the texts do not date is placed (and filtered) by its report date
            node = nodes[n]
            node.weight, node.date = int(count), day or reported or ""
            node.label = " ".join(p for p in (node.type, f"«{trigger}»" if trigger else "", day) if p)
    for n, prop, value in _rows(store, f"""
            SELECT ?n ?p (MAX(?v) AS ?value) WHERE {{ ?n ?p ?v . ?p <{RDFS}subPropertyOf>+ <{CRISIS}count> }}
            GROUP BY ?n ?p ORDER BY ?p"""):
        if n in nodes and re.fullmatch(r"-?\d+", value):
            nodes[n].counts[prop[len(CRISIS):]] = int(value)
    for node in nodes.values():
        node.label = node.label or node.type or node.id.rsplit("/", 1)[-1]
    for n, modality in _rows(store, f"""SELECT ?e (MIN(?m) AS ?modality) WHERE {{
            {{ ?e <{CRISIS}modality> ?m }} UNION {{ ?e <{CRISIS}negated> true BIND("negated" AS ?m) }} }} GROUP BY ?e"""):
        if n in nodes:   # the label says so too: a drawing shows labels, not attributes
            nodes[n].modality = modality
            nodes[n].label += f" ({modality})"


def _read_edges(store: ox.Store, graph: Graph) -> None:
    """A crisis property between two nodes is an edge, weighted by the graphs stating it
    (not counting what `kg reason` inferred: agent already implies participant), with the
    first sentence that states it."""
    query = f"""SELECT ?s ?p ?o ?n ?text WHERE {{
        {{ SELECT ?s ?p ?o (COUNT(?g) AS ?n) (MIN(STR(?g)) AS ?first) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
             FILTER(?g != <{INFERRED_GRAPH}> && isIRI(?o) && STRSTARTS(STR(?p), '{CRISIS}')) }} GROUP BY ?s ?p ?o }}
        BIND(IRI(?first) AS ?sentence)
        OPTIONAL {{ ?sentence <{NIF}isString> ?text }}
    }} ORDER BY ?s ?p ?o"""
    for s, p, o, n, text in _rows(store, query):
        if s in graph.nodes and o in graph.nodes and s != o:
            date = graph.nodes[s].date if graph.nodes[s].kind == "event" else ""
            graph.edges.append(Edge(s, o, p[len(CRISIS):], int(n), date, text or ""))


def _keep(graph: Graph, ids: set[str]) -> None:
    graph.nodes = {k: v for k, v in graph.nodes.items() if k in ids}
    graph.edges = [e for e in graph.edges if e.source in ids and e.target in ids]


def _of_type(graph: Graph, name: str) -> set[str]:
    """Nodes of the class (or a subclass), and the events or entities they are directly linked to."""
    ancestors = graph.ancestors
    cls = name if name.startswith(("http://", "https://")) else CRISIS + name
    if cls not in ancestors:
        known = sorted(c[len(CRISIS):] for c in ancestors if set(KINDS) & ancestors[c])
        raise SubsetError(f"unknown class {name!r}; classes: {', '.join(known)}")
    chosen = {n for n, node in graph.nodes.items() if any(cls in ancestors[c] for c in node.classes)}
    kind = {graph.nodes[n].kind for n in chosen}
    links = graph.neighbours()
    return chosen | {other.id for n in chosen for _, other in links[n] if other.kind not in kind}


def _date_entities(graph: Graph) -> None:
    """An entity appears on a timeline with its first event."""
    links = graph.neighbours()
    for node in graph.nodes.values():
        if node.kind == "entity":
            dates = [o.date for _, o in links[node.id] if o.kind == "event" and o.date]
            node.date = min(dates, default="")


def check_date(value: str | None, option: str) -> str | None:
    """The date itself, or an error naming the option: 2022-13-01 is not a date."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise SubsetError(f"{option} expects a date YYYY-MM-DD, got {value!r}")


def _communities(graph: Graph) -> None:
    """Louvain communities of the undirected graph, numbered by size (0 the largest) so that
    colours and clusters come out the same at each export."""
    import networkx as nx

    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for e in graph.edges:
        weight = undirected.get_edge_data(e.source, e.target, {"weight": 0})["weight"]
        undirected.add_edge(e.source, e.target, weight=weight + e.weight)
    groups = nx.community.louvain_communities(undirected, weight="weight", seed=1)
    for number, members in enumerate(sorted(groups, key=lambda c: (-len(c), min(c)))):
        for n in members:
            graph.nodes[n].community = number


def query_source(store: ox.Store, name: str, params: dict[str, str],
                 unasserted: bool = False) -> tuple[ox.Store, list[ox.Quad]]:
    """A CONSTRUCT saved query's triples, in a memory store that also holds the ontology.
    ``unasserted`` sets the query's own ``unasserted`` parameter, unless ``params`` gives it."""
    from kg.query import find, run

    saved = find(name)
    if saved.kind not in ("CONSTRUCT", "DESCRIBE"):
        raise SubsetError(f"query {name} is a {saved.kind} query; --query needs a CONSTRUCT query")
    values = dict(params)
    if unasserted and any(p.name == "unasserted" for p in saved.params):
        values.setdefault("unasserted", "true")
    triples = list(run(store, saved, values))
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object, QUERY_GRAPH) for t in triples)
    memory.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH)))
    return memory, [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
