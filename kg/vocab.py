"""Namespaces and IRI minting shared by every stage that speaks RDF.

IRIs are deterministic: the same document, sentence, mention or entity key
always yields the same IRI, so rebuilding replaces instead of doubling.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CRISIS = "https://w3id.org/crisis-kg/ontology#"
ID = "https://w3id.org/crisis-kg/id/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
GEO = "http://www.opengis.net/ont/geosparql#"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {
    "crisis": CRISIS, "kgid": ID, "nif": NIF, "itsrdf": ITSRDF, "prov": PROV,
    "dcterms": DCTERMS, "sem": SEM, "skos": SKOS, "owl": OWL, "rdf": RDF,
    "rdfs": RDFS, "xsd": XSD, "geo": GEO, "wd": WD,
}

# Named graphs that are not sentence or document graphs.
ONTOLOGY_GRAPH = ID + "graph/ontology"
ENTITIES_GRAPH = ID + "graph/entities"
LINKS_GRAPH = ID + "graph/links"
INFERRED_GRAPH = ID + "graph/inferred"
IDENTITY_GRAPH = ID + "graph/identity"     # which reports of several articles are one event, and why
ALIASES_GRAPH = ID + "graph/aliases"       # which entities were joined as other names of one, and why


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def slug(text: str, limit: int = 80) -> str:
    """ASCII, lower-case, dash-separated; stable across runs and platforms."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:limit].strip("-") or "x"


@lru_cache(maxsize=4096)     # every span IRI of a document starts with it
def doc_iri(doc_id: str) -> str:
    return f"{ID}doc/{slug(doc_id, 120)}"


def span_iri(doc_id: str, begin: int, end: int) -> str:
    """NIF offset-based IRI (RFC 5147 style) for a sentence or a mention."""
    return f"{doc_iri(doc_id)}#char={begin},{end}"


def entity_iri(kind: str, key: str) -> str:
    return f"{ID}{slug(kind)}/{slug(key)}"


IN_ARTICLE = "/in/"


def article_entity_iri(kind: str, key: str, doc_id: str) -> str:
    """An entity known to one article by one word ("Agus"): which Agus is decided over the corpus."""
    return f"{entity_iri(kind, key)}{IN_ARTICLE}{slug(doc_id, 120)}"


def event_iri(doc_id: str, begin: int, end: int) -> str:
    return f"{ID}event/{slug(doc_id, 120)}-{begin}-{end}"
