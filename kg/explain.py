"""`kg explain NAME`: every fact about an entity, each with the sentence that says it."""
from __future__ import annotations

import pyoxigraph as ox

from kg.vocab import PREFIXES, sparql_prefixes

FIND = sparql_prefixes() + """
SELECT ?e ?label ?name WHERE {
  GRAPH <https://w3id.org/crisis-kg/id/graph/entities> { ?e rdfs:label ?label . { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name)) || STR(?e) = STR(?name))
} ORDER BY ?e"""

FACTS = sparql_prefixes() + """
SELECT ?e ?s ?p ?o ?text WHERE {
  GRAPH ?s { { ?e ?p ?o } UNION { ?subject ?p ?e . BIND(?subject AS ?o) } }
  GRAPH ?d { ?s a nif:Sentence ; nif:isString ?text }
  FILTER NOT EXISTS { GRAPH ?s { ?o a nif:Phrase } }
  FILTER(?p != crisis:evidence)
} ORDER BY ?s ?p ?o"""

MENTIONS = sparql_prefixes() + """
SELECT ?e ?doc (COUNT(?m) AS ?n) WHERE {
  ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?d . ?d dcterms:identifier ?doc
} GROUP BY ?e ?doc ORDER BY ?doc"""

ABOUT = sparql_prefixes() + """
SELECT ?e ?p ?o WHERE { GRAPH ?g { ?e ?p ?o } FILTER(?g IN (<https://w3id.org/crisis-kg/id/graph/entities>, <https://w3id.org/crisis-kg/id/graph/links>)) }
ORDER BY ?p ?o"""


def short(term) -> str:
    value = term.value if hasattr(term, "value") else str(term)
    for prefix, ns in PREFIXES.items():
        if isinstance(term, ox.NamedNode) and value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


def _rows(store: ox.Store, query: str, entity):
    return store.query(query, use_default_graph_as_union=True, substitutions={ox.Variable("e"): entity})


def explain(store: ox.Store, name: str) -> list[str]:
    matches = store.query(FIND, use_default_graph_as_union=True,
                          substitutions={ox.Variable("name"): ox.Literal(name)})
    seen, lines = set(), []
    for row in matches:
        entity = row["e"]
        if entity in seen:
            continue
        seen.add(entity)
        lines.append(f"{row['label'].value}  <{entity.value}>")
        for fact in _rows(store, ABOUT, entity):
            lines.append(f"  {short(fact['p'])} {short(fact['o'])}")
        for doc in _rows(store, MENTIONS, entity):
            lines.append(f"  mentioned {doc['n'].value}× in {doc['doc'].value}")
        for fact in _rows(store, FACTS, entity):
            lines.append(f"  {short(fact['p'])} {short(fact['o'])}")
            lines.append(f"      “{fact['text'].value}”")
    return lines
