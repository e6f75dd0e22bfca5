"""Link the store's entities to Wikidata and rewrite the links graph.

Countries are linked first, so that every other entity can use the countries named in the same
documents as context ("Victoria" next to Australia); then the offline table, then (if asked) the
online API for what the table left unlinked. The links graph is replaced as a whole, so linking
again never doubles anything.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..vocab import CRISIS, ENTITIES_GRAPH, GEO, LINKS_GRAPH, OWL, WD, XSD, sparql_prefixes
from .common import PLACE_CLASSES, EntityInfo, Link
from .offline import OfflineLinker
from .offline import link as link_offline
from .online import WikidataClient, WikidataUnavailable
from .online import link as link_online

__all__ = ["LinkSummary", "WikidataUnavailable", "link_store_entities", "read_entities"]

_TOP_CLASSES = {"Person", "Organization", "Place", "Group"}


@dataclass
class LinkSummary:
    entities: int = 0
    linked: int = 0
    by_method: dict[str, int] = field(default_factory=dict)


def read_entities(store: ox.Store) -> list[EntityInfo]:
    """Entities of the entities graph with their most specific crisis class and names."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    query = sparql_prefixes() + f"""
        SELECT ?e ?type ?label ?alt WHERE {{
          GRAPH <{ENTITIES_GRAPH}> {{
            ?e a ?type .
            OPTIONAL {{ ?e rdfs:label ?label }}
            OPTIONAL {{ ?e skos:altLabel ?alt }}
          }}
          FILTER(STRSTARTS(STR(?type), "{CRISIS}"))
        }}"""
    for sol in store.query(query):
        iri = sol["e"].value
        types[iri].add(sol["type"].value[len(CRISIS):])
        if sol["label"] is not None:
            labels[iri].add(sol["label"].value)
        if sol["alt"] is not None:
            alts[iri].add(sol["alt"].value)
    # The most specific class (City over Place); the first label, so runs agree.
    return [EntityInfo(iri, min(types[iri], key=lambda c: (c in _TOP_CLASSES, c)),
                       min(labels[iri], default=""), alts[iri])
            for iri in sorted(types)]


def entity_documents(store: ox.Store) -> dict[str, set[str]]:
    query = sparql_prefixes() + """
        SELECT DISTINCT ?e ?doc WHERE { ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?doc . }"""
    docs: dict[str, set[str]] = defaultdict(set)
    for sol in store.query(query, use_default_graph_as_union=True):
        docs[sol["e"].value].add(sol["doc"].value)
    return docs


def add_context(entities: list[EntityInfo], links: list[Link], linker: OfflineLinker,
                docs: dict[str, set[str]]) -> None:
    """Give each entity the QIDs of the linked countries mentioned in its documents."""
    countries = {lk.iri: lk.qid for lk in links
                 if lk.qid in linker.by_qid and linker.by_qid[lk.qid].kind == "country"}
    per_doc: dict[str, set[str]] = defaultdict(set)
    for iri, qid in countries.items():
        for doc in docs.get(iri, ()):
            per_doc[doc].add(qid)
    for entity in entities:
        entity.context_countries = set().union(*(per_doc[d] for d in docs.get(entity.iri, ())))


def link_quads(entities: list[EntityInfo], links: list[Link]) -> list[ox.Quad]:
    graph = ox.NamedNode(LINKS_GRAPH)
    classes = {e.iri: e.cls for e in entities}
    quads = []
    for lk in links:
        subject = ox.NamedNode(lk.iri)
        quads += [
            ox.Quad(subject, ox.NamedNode(OWL + "sameAs"), ox.NamedNode(WD + lk.qid), graph),
            ox.Quad(subject, ox.NamedNode(CRISIS + "linkMethod"), ox.Literal(lk.method), graph),
            ox.Quad(subject, ox.NamedNode(CRISIS + "linkConfidence"),
                    ox.Literal(f"{lk.confidence:.2f}", datatype=ox.NamedNode(XSD + "decimal")), graph),
        ]
        if classes.get(lk.iri) in PLACE_CLASSES and lk.lat is not None and lk.lon is not None:
            geometry = ox.NamedNode(lk.iri + "/geometry")
            quads += [
                ox.Quad(subject, ox.NamedNode(GEO + "hasGeometry"), geometry, graph),
                ox.Quad(geometry, ox.NamedNode(GEO + "asWKT"),
                        ox.Literal(f"POINT({lk.lon!r} {lk.lat!r})",
                                   datatype=ox.NamedNode(GEO + "wktLiteral")), graph),
            ]
    return quads


def link_store_entities(store: ox.Store, online: bool = False,
                        client: WikidataClient | None = None,
                        linker: OfflineLinker | None = None,
                        documents: dict[str, set[str]] | None = None) -> LinkSummary:
    """Link every entity of a writable store and replace the links graph.

    Raises WikidataUnavailable (before anything is written) when ``online`` and Wikidata cannot be
    asked. ``client`` sets the online base URL, cache and timeouts. ``documents`` (entity → IRIs of
    the documents naming it) spares reading them from the store when the caller has them.
    """
    linker = linker or OfflineLinker()
    entities = read_entities(store)
    documents = entity_documents(store) if documents is None else documents
    add_context(entities, link_offline(entities, linker), linker, documents)
    links = link_offline(entities, linker)
    if online:
        done = {lk.iri for lk in links}
        links += link_online([e for e in entities if e.iri not in done], client)
    graph = ox.NamedNode(LINKS_GRAPH)
    store.remove_graph(graph)
    store.extend(link_quads(entities, links))
    return LinkSummary(len(entities), len(links), dict(Counter(lk.method for lk in links)))
