"""The facts a built graph states, one plain record each, keyed by what a reader checks.

Why: precision is measured by reading sentences and judging the facts the graph
states from them. A judgement must survive rebuilds, where IRIs, offsets and
entity labels may change, so a fact is identified by the sentence's text, its
kind and the words and values it asserts (``Fact.key``), never by IRIs.

Only default-visible facts count: events marked ``crisis:negated`` or carrying a
``crisis:modality`` are left out with everything said about them, as queries and
exports leave them out. Entity mentions are facts of their own.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.vocab import CRISIS, DCTERMS, ENTITIES_GRAPH, ITSRDF, NIF, ONTOLOGY_GRAPH, RDF, RDFS

KINDS = ("event", "agent", "target", "participant", "place", "date", "figure", "speaker", "entity")
ROLES = ("agent", "target", "participant", "place")


@dataclass(frozen=True)
class Fact:
    """One statement the graph makes, with the sentence it was read from."""
    doc: str
    sentence: str
    kind: str
    fields: dict = field(hash=False)

    @property
    def key(self) -> str:
        """Stable across rebuilds: sentence text, kind and fields, as sorted JSON."""
        return fact_key(self.sentence, self.kind, self.fields)

    def as_dict(self) -> dict:
        return {"key": self.key, "doc": self.doc, "sentence": self.sentence,
                "kind": self.kind, "fields": self.fields}


def fact_key(sentence: str, kind: str, fields: dict) -> str:
    return json.dumps({"sentence": sentence, "kind": kind, "fields": fields},
                      sort_keys=True, ensure_ascii=False)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _local(term) -> str:
    return term.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class _Reader:
    """Scans the store once per predicate of interest; ~0.4M quads take a second or two."""

    def __init__(self, store: ox.Store):
        self.store = store

    def by_graph(self, predicate: str) -> dict[tuple, list]:
        """(graph, subject) → objects, for sentence-graph quads of one predicate."""
        out: dict[tuple, list] = defaultdict(list)
        for q in self.store.quads_for_pattern(None, _n(predicate), None, None):
            if isinstance(q.graph_name, ox.NamedNode) and "#char=" in q.graph_name.value:
                out[(q.graph_name.value, q.subject.value)].append(q.object)
        return out

    def in_graph(self, predicate: str, graph: str) -> dict[str, list]:
        out: dict[str, list] = defaultdict(list)
        for q in self.store.quads_for_pattern(None, _n(predicate), None, _n(graph)):
            out[q.subject.value].append(q.object)
        return out


def _most_specific(classes: list[str], parents: dict[str, set[str]]) -> str:
    """The class no other class of the node is a subclass of (ties: alphabetical)."""
    def ancestors(c: str) -> set[str]:
        seen, todo = set(), [c]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen
    covered = set().union(*(ancestors(c) for c in classes)) if classes else set()
    return sorted(c for c in classes if c not in covered)[0] if classes else ""


def facts(store: ox.Store) -> list[Fact]:
    """Every default-visible fact of the store, sorted by key, one per key."""
    r = _Reader(store)
    rdf_type = RDF + "type"
    parents: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, _n(RDFS + "subClassOf"), None, _n(ONTOLOGY_GRAPH)):
        if isinstance(q.object, ox.NamedNode):
            parents[_local(q.subject)].add(_local(q.object))

    # sentences: text and document id
    sentence_text: dict[str, str] = {}
    sentence_doc: dict[str, str] = {}
    doc_id: dict[str, str] = {}
    for q in store.quads_for_pattern(None, _n(DCTERMS + "identifier"), None, None):
        doc_id[q.subject.value] = q.object.value
    for q in store.quads_for_pattern(None, _n(rdf_type), _n(NIF + "Sentence"), None):
        sentence_doc[q.subject.value] = q.graph_name.value
    for q in store.quads_for_pattern(None, _n(NIF + "isString"), None, None):
        if q.subject.value in sentence_doc:
            sentence_text[q.subject.value] = q.object.value

    # mentions: (graph, entity) → first anchor by offset; phrases as entity facts
    anchor = r.by_graph(NIF + "anchorOf")
    begin = r.by_graph(NIF + "beginIndex")
    class_ref = r.by_graph(ITSRDF + "taClassRef")
    mention_of: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    phrases: list[tuple[str, str, str]] = []     # graph, text, type
    for (g, m), ents in r.by_graph(ITSRDF + "taIdentRef").items():
        text = anchor[(g, m)][0].value if anchor.get((g, m)) else ""
        start = int(begin[(g, m)][0].value) if begin.get((g, m)) else 0
        for e in ents:
            mention_of[(g, e.value)].append((start, text))
        for c in class_ref.get((g, m), ()):
            phrases.append((g, text, _local(c)))
    labels = {s: objs[0].value for s, objs in r.in_graph(RDFS + "label", ENTITIES_GRAPH).items()}

    def value_of(g: str, entity: str) -> str:
        seen = mention_of.get((g, entity))
        return min(seen)[1] if seen else labels.get(entity, entity)

    out: dict[str, Fact] = {}

    def add(g: str, kind: str, fields: dict) -> None:
        text = sentence_text.get(g)
        if text is None:
            return
        f = Fact(doc_id.get(sentence_doc[g], sentence_doc[g]), text, kind, fields)
        out.setdefault(f.key, f)

    for g, text, cls in phrases:
        add(g, "entity", {"text": text, "type": cls})

    # events, per sentence graph
    hidden = {k for k, v in r.by_graph(CRISIS + "negated").items() if any(o.value == "true" for o in v)}
    hidden |= set(r.by_graph(CRISIS + "modality"))
    types = r.by_graph(rdf_type)
    roles = {p: r.by_graph(CRISIS + p) for p in ROLES + ("date", "speaker", "hasFigure")}
    fig_prop = r.by_graph(CRISIS + "countProperty")
    fig_value = r.by_graph(RDF + "value")
    for (g, ev), triggers in r.by_graph(CRISIS + "trigger").items():
        if (g, ev) in hidden:
            continue
        classes = [_local(t) for t in types.get((g, ev), ()) if t.value.startswith(CRISIS)]
        cls = _most_specific(classes, parents)
        for trig in triggers:
            t = trig.value
            add(g, "event", {"class": cls, "trigger": t})
            for p in ROLES:
                for e in roles[p].get((g, ev), ()):
                    add(g, p, {"class": cls, "trigger": t, "value": value_of(g, e.value)})
            for d in roles["date"].get((g, ev), ()):
                add(g, "date", {"class": cls, "trigger": t, "value": d.value})
            for e in roles["speaker"].get((g, ev), ()):
                add(g, "speaker", {"trigger": t, "value": value_of(g, e.value)})
            for fi in roles["hasFigure"].get((g, ev), ()):
                k = (g, fi.value)
                add(g, "figure", {"class": cls, "trigger": t,
                                  "prop": _local(fig_prop[k][0]) if fig_prop.get(k) else "count",
                                  "value": int(fig_value[k][0].value) if fig_value.get(k) else None,
                                  "anchor": anchor[k][0].value if anchor.get(k) else ""})
    return [out[k] for k in sorted(out)]
