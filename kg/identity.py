"""The corpus-level identity stages: other names of one entity join it; reports of one incident in
several articles become one event.

Why a stage over the store, and not while each article is built: whether two articles report
one incident depends on both, so it is decided over everything loaded. One build, shards
loaded in any order and a cluster run then give the same graph. Each article's events are
written under the article's own event IRIs; this stage renames the reports of one incident, in
their sentence graphs, to the IRI of the incident's first report, and writes in the identity
graph which reports it joined and why (kg.resolve.incidents decides).

Every join can be undone from what the store holds, so each run decides again over everything
loaded and a store loaded shard after shard ends as one build of all of them: a report is renamed
back in its own article; an entity join keeps, in the aliases graph, each article graph's quads that
named a joined entity as they were before it (``crisis:beforeJoin``), since a rename merges quads
that differed only by the joined names. A rebuilt or removed article leaves no stale join behind.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from kg import rdf
from kg.records import ENTITY_KIND
from kg.resolve.aliases import find_aliases
from kg.resolve.incidents import THRESHOLD, Incident, Report, incidents
from kg.vocab import ALIASES_GRAPH, CRISIS, ENTITIES_GRAPH, ID, IDENTITY_GRAPH, RDF, sparql_prefixes

WORD = re.compile(r"\w+")
WEIGHED_AS = {"Person": "person", "Place": "site", "Facility": "site", "City": "town", "Region": "region"}
REPORT_PROPERTIES = ("date", "reportDate", "endDate", "negated", "modality", "sense", "place", "agent",
                     "target", "participant", "speaker", "quote")
DERIVED = ID + "graph/"      # graphs the stages write, rewritten at each run: not an article's
BEFORE_JOIN = ox.NamedNode(CRISIS + "beforeJoin")


@dataclass
class IdentitySettings:
    """How strict cross-document merging is; ``merge=False`` keeps every article's events apart."""
    threshold: float = THRESHOLD
    merge: bool = True


def resolve_store(store: ox.Store, settings: IdentitySettings | None = None, map: Callable = map) -> list[Incident]:
    """Undo the last joins, decide them again over every report in the store (``map`` scores the
    candidate pairs: the builtin, or a cluster's), and write them."""
    settings = settings or IdentitySettings()
    _undo_events(store)
    found = incidents(read_reports(store), settings.threshold, map) if settings.merge else []
    for incident in found:
        for report in incident.reports:
            if report.iri != incident.iri:
                _rename(store, {report.iri: incident.iri}, inside=report.document + "#")
    store.extend(rdf.identity_quads(found))
    return found


def undo(store: ox.Store) -> None:
    """Undo every join the stage made: events first (they were joined after the entities), then
    entities; the store then holds each article as it was loaded."""
    _undo_events(store)
    _undo_entities(store)


def join_aliases(store: ox.Store, names: dict[str, Counter], documents: dict[str, set[str]]) -> None:
    """Join each entity that is another name of one other entity (kg.resolve.aliases) into it:
    in every graph of the store, and in ``names`` and ``documents`` (entity → its surface forms,
    its articles), which then describe the joined entities. Each join is kept, with the names
    that decided it, in the aliases graph, and so is what it changed (``undo`` reads it)."""
    found = find_aliases(names, documents)
    store.extend(_before_joins(store, {alias.alias for alias in found}, {alias.entity for alias in found}))
    _rename(store, {alias.alias: alias.entity for alias in found})
    for alias in found:
        names[alias.entity].update(names.pop(alias.alias))
        documents[alias.entity] |= documents.pop(alias.alias, set())
    store.extend(rdf.alias_quads(found))


def drop_before_joins(store: ox.Store, graphs: list[ox.NamedNode]) -> None:
    """Forget what joins changed in these graphs (a removed article's): they are not restored."""
    aliases = ox.NamedNode(ALIASES_GRAPH)
    for graph in graphs:
        for q in list(store.quads_for_pattern(graph, BEFORE_JOIN, None, aliases)):
            store.remove(q)


def _before_joins(store: ox.Store, aliases: set[str], entities: set[str]):
    """For each article graph that names an entity about to be joined: its quads that name one of
    the joined entities or the entities they join, as N-Triples (sorted: the same at each run)."""
    joined = {ox.NamedNode(iri) for iri in aliases}
    by_graph: dict[ox.NamedNode, set[ox.Triple]] = defaultdict(set)
    for node in joined | {ox.NamedNode(iri) for iri in entities}:
        for q in [*store.quads_for_pattern(node, None, None, None), *store.quads_for_pattern(None, None, node, None)]:
            if isinstance(q.graph_name, ox.NamedNode) and not q.graph_name.value.startswith(DERIVED):
                by_graph[q.graph_name].add(q.triple)
    graph = ox.NamedNode(ALIASES_GRAPH)
    for name, triples in sorted(by_graph.items(), key=lambda item: item[0].value):
        if any(t.subject in joined or t.object in joined for t in triples):
            text = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES).decode()
            yield ox.Quad(name, BEFORE_JOIN, ox.Literal(text), graph)


def _undo_entities(store: ox.Store) -> None:
    """Put back each graph's quads as they were before the joins, in place of what the joins made
    of them, and forget the joins."""
    graph = ox.NamedNode(ALIASES_GRAPH)
    into = {q.subject: q.object for q in store.quads_for_pattern(None, ox.NamedNode(CRISIS + "joinedInto"), None, graph)}
    joined = {q.object: into[q.subject]
              for q in store.quads_for_pattern(None, ox.NamedNode(CRISIS + "joinedEntity"), None, graph)}
    for saved in list(store.quads_for_pattern(None, BEFORE_JOIN, None, graph)):
        before = [ox.Quad(t.subject, t.predicate, t.object, saved.subject)
                  for t in ox.parse(saved.object.value, format=ox.RdfFormat.N_TRIPLES)]
        for q in before:
            store.remove(ox.Quad(joined.get(q.subject, q.subject), q.predicate, joined.get(q.object, q.object),
                                 q.graph_name))
        store.extend(before)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)


def read_reports(store: ox.Store) -> list[Report]:
    """Every article-level event in the store, with what identity compares."""
    kinds = _entity_kinds(store)
    published = {r["d"].value: datetime.date.fromisoformat(r["p"].value) for r in store.query(
        sparql_prefixes() + "SELECT ?d ?p WHERE { GRAPH ?d { ?d a crisis:Document ; dcterms:issued ?p } }")}
    facts: dict[tuple[str, str], dict[str, list[ox.Term]]] = defaultdict(lambda: defaultdict(list))
    wanted = {ox.NamedNode(RDF + "type"), *(ox.NamedNode(CRISIS + p) for p in REPORT_PROPERTIES)}
    for evidence in store.quads_for_pattern(None, ox.NamedNode(CRISIS + "evidence"), None, None):
        event, graph = evidence.subject, evidence.graph_name    # an event's facts, read by index
        found = facts[(graph.value.split("#", 1)[0], event.value)]
        for q in store.quads_for_pattern(event, None, None, graph):
            if q.predicate in wanted:
                found[q.predicate.value.rsplit("#", 1)[-1]].append(q.object)
    return [_report(document, iri, f, published.get(document), kinds) for (document, iri), f in sorted(facts.items())]


def _report(document: str, iri: str, f: dict[str, list[ox.Term]], published, kinds: dict[str, str]) -> Report:
    cls = next(t.value.rsplit("#", 1)[-1] for t in f["type"] if t.value.startswith(CRISIS))
    value = lambda p: f[p][0].value if f.get(p) else None   # noqa: E731 (one value of a property)
    date = value("date") or value("reportDate")
    keys, agents, others, sites, countries = set(), set(), set(), set(), set()
    for prop in ("place", "agent", "target", "participant", "speaker"):
        for term in f.get(prop, ()):
            kind = _key_kind(kinds.get(term.value))
            if kind:
                keys.add((kind, term.value))
                if kind in ("person", "organisation") and prop != "place":
                    (agents if prop in ("agent", "speaker") else others).add(term.value)
                if kind in ("site", "town"):
                    sites.add(term.value)
            if kinds.get(term.value) == "Country":
                countries.add(term.value)
    quote = " ".join(t.value for t in f.get("quote", ()))
    return Report(
        iri=iri, document=document, published=published,
        kind=(cls, value("sense"), value("negated") == "true", value("modality")),
        date=datetime.date.fromisoformat(date) if date else None,
        date_stated=bool(value("date")),
        end_date=datetime.date.fromisoformat(value("endDate")) if value("endDate") else None,
        keys=frozenset(keys), agents=frozenset(agents), others=frozenset(others), sites=frozenset(sites),
        countries=frozenset(countries),
        speaker=value("speaker"),
        quote_words=frozenset(w.lower() for w in WORD.findall(quote) if len(w) > 3))


def _key_kind(cls: str | None) -> str | None:
    """What an entity weighs as a link; generic groups, news outlets and countries weigh nothing."""
    if cls is None or cls in ("Group", "MediaOrganization", "Country"):
        return None
    return WEIGHED_AS.get(cls) or ("organisation" if ENTITY_KIND.get(cls) == "Organization" else None)


def _entity_kinds(store: ox.Store) -> dict[str, str]:
    graph = ox.NamedNode(ENTITIES_GRAPH)
    return {q.subject.value: q.object.value.rsplit("#", 1)[-1]
            for q in store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), None, graph)}


def _undo_events(store: ox.Store) -> None:
    graph = ox.NamedNode(IDENTITY_GRAPH)
    report, in_document = ox.NamedNode(CRISIS + "report"), ox.NamedNode(CRISIS + "inDocument")
    document_of = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, in_document, None, graph)}
    for q in list(store.quads_for_pattern(None, report, None, graph)):
        if q.object.value != q.subject.value and q.object.value in document_of:
            _rename(store, {q.subject.value: q.object.value}, inside=document_of[q.object.value] + "#")
    if store.contains_named_graph(graph):
        store.remove_graph(graph)


def _rename(store: ox.Store, renames: dict[str, str], inside: str = "") -> None:
    """Rename nodes (old IRI → new IRI, no new one itself renamed), as subject and as object, in
    the graphs whose names begin with ``inside``: an event in the sentence graphs of one document,
    entities everywhere. One write for all of them: a write per node costs more than its quads."""
    nodes = {ox.NamedNode(old): ox.NamedNode(new) for old, new in renames.items()}
    moved = {q for node in nodes for q in [*store.quads_for_pattern(node, None, None, None),
                                           *store.quads_for_pattern(None, None, node, None)]
             if not inside or q.graph_name.value.startswith(inside)}
    for q in moved:
        store.remove(q)
    store.extend([ox.Quad(nodes.get(q.subject, q.subject), q.predicate, nodes.get(q.object, q.object), q.graph_name)
                  for q in moved])
