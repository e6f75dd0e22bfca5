"""`kg stats`: what is in the store, by kind."""
from __future__ import annotations

import pyoxigraph as ox

from kg.vocab import sparql_prefixes

COUNTS = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a crisis:Document }",
    "sentences": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a nif:Sentence }",
    "mentions": "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a nif:Phrase }",
    "entities": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?e rdfs:label ?l } }",
    "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e crisis:evidence ?s }",
    "linked to Wikidata": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e owl:sameAs ?w }",
}
BY_TYPE = {
    "entities": "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?e a ?t } }"
                " GROUP BY ?t ORDER BY DESC(?n) ?t",
    "events": "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e crisis:evidence ?s ; a ?t }"
              " GROUP BY ?t ORDER BY DESC(?n) ?t",
}


def graph_stats(store: ox.Store) -> list[tuple[str, str]]:
    prefixes = sparql_prefixes()
    out = [("quads", str(len(store)))]
    for label, q in COUNTS.items():
        row = next(iter(store.query(prefixes + q, use_default_graph_as_union=True)))
        out.append((label, row["n"].value))
    for label, q in BY_TYPE.items():
        for row in store.query(prefixes + q, use_default_graph_as_union=True):
            out.append((f"{label}: {row['t'].value.rsplit('#', 1)[-1]}", row["n"].value))
    return out
