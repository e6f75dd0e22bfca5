"""The corpus-level identity stages: other names of one entity join it; reports of one incident in
several articles become one event.

Why a stage over the store, and not while each article is built: whether two articles report
one incident depends on both, so it is decided over everything loaded. One build, shards
loaded in any order and a cluster run then give the same graph. Each article's events are
written under the article's own event IRIs; this stage renames the reports of one incident, in
their sentence graphs, to the IRI of the incident's first report, and writes in the identity
graph which reports it joined and why (kg.resolve.incidents decides). It first undoes its last
renaming, so a rebuilt or removed article leaves no stale join behind.
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
from kg.vocab import ALIASES_GRAPH, CRISIS, ENTITIES_GRAPH, IDENTITY_GRAPH, RDF, sparql_prefixes

WORD = re.compile(r"\w+")
WEIGHED_AS = {"Person": "person", "Place": "site", "Facility": "site", "City": "town", "Region": "region"}
REPORT_PROPERTIES = ("date", "reportDate", "endDate", "negated", "modality", "sense", "place", "agent",
                     "target", "participant", "speaker", "quote")


@dataclass
class IdentitySettings:
    """How strict cross-document merging is; ``merge=False`` keeps every article's events apart."""
    threshold: float = THRESHOLD
    merge: bool = True


def resolve_store(store: ox.Store, settings: IdentitySettings | None = None, map: Callable = map) -> list[Incident]:
    """Undo the last joins, decide them again over every report in the store (``map`` scores the
    candidate pairs: the builtin, or a cluster's), and write them."""
    settings = settings or IdentitySettings()
    _undo(store)
    found = incidents(read_reports(store), settings.threshold, map) if settings.merge else []
    for incident in found:
        for report in incident.reports:
            if report.iri != incident.iri:
                _rename(store, report.iri, incident.iri, inside=report.document + "#")
    store.extend(rdf.identity_quads(found))
    return found


def join_aliases(store: ox.Store, names: dict[str, Counter], documents: dict[str, set[str]]) -> None:
    """Join each entity that is another name of one other entity (kg.resolve.aliases) into it:
    in every graph of the store, and in ``names`` and ``documents`` (entity → its surface forms,
    its articles), which then describe the joined entities. Each join is kept, with the names
    that decided it, in the aliases graph."""
    found = find_aliases(names, documents)
    for alias in found:
        _rename(store, alias.alias, alias.entity)
        names[alias.entity].update(names.pop(alias.alias))
        documents[alias.entity] |= documents.pop(alias.alias, set())
    decisions = list(rdf.alias_quads(found))
    for subject in {q.subject for q in decisions}:       # a join decided again states its latest reason
        for q in list(store.quads_for_pattern(subject, None, None, ox.NamedNode(ALIASES_GRAPH))):
            store.remove(q)
    store.extend(decisions)


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


def _undo(store: ox.Store) -> None:
    graph = ox.NamedNode(IDENTITY_GRAPH)
    report, in_document = ox.NamedNode(CRISIS + "report"), ox.NamedNode(CRISIS + "inDocument")
    document_of = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, in_document, None, graph)}
    for q in list(store.quads_for_pattern(None, report, None, graph)):
        if q.object.value != q.subject.value and q.object.value in document_of:
            _rename(store, q.subject.value, q.object.value, inside=document_of[q.object.value] + "#")
    if store.contains_named_graph(graph):
        store.remove_graph(graph)


def _rename(store: ox.Store, old: str, new: str, inside: str = "") -> None:
    """Rename a node, as subject and as object, in the graphs whose names begin with ``inside``:
    an event in the sentence graphs of one document, an entity everywhere."""
    old_node, new_node = ox.NamedNode(old), ox.NamedNode(new)
    moved = [q for q in [*store.quads_for_pattern(old_node, None, None, None),
                         *store.quads_for_pattern(None, None, old_node, None)]
             if not inside or q.graph_name.value.startswith(inside)]
    for q in moved:
        store.remove(q)
    for q in moved:
        store.add(ox.Quad(new_node if q.subject == old_node else q.subject, q.predicate,
                          new_node if q.object == old_node else q.object, q.graph_name))
