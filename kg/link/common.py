"""What both linkers share: the records they exchange, name normalisation and type compatibility.

A wrong link is worse than none, so compatibility is strict: a mention's ontology class decides which
Wikidata kinds it may ever be linked to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("country", "city", "region", "international_organization", "organization", "media",
         "company", "government_body", "person", "office", "event", "other")

_PLACES = {"country", "city", "region"}
_ORGS = {"organization", "international_organization", "media", "company", "government_body"}

# Our ontology class -> the table kinds a mention of it may be linked to.
# Offices (a palace named for a presidency) only for organisation-like mentions; Groups never.
COMPATIBLE: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}),
    "Place": frozenset(_PLACES),
    "Country": frozenset({"country"}),
    "City": frozenset({"city"}),
    "Region": frozenset({"region"}),
    "Organization": frozenset(_ORGS | {"office"}),
    "GovernmentBody": frozenset({"government_body", "office", "organization"}),
    "InternationalOrganization": frozenset({"international_organization", "organization"}),
    "MediaOrganization": frozenset({"media", "company"}),
    "Company": frozenset({"company", "media"}),
    "PoliticalParty": frozenset({"organization"}),
    "ArmedForce": frozenset({"government_body", "organization"}),
}

PLACE_CLASSES = frozenset({"Place", "Country", "City", "Region", "Facility"})

# Which kind wins when one name fits several rows the mention's class allows.
KIND_PRIORITY = {"country": 0, "city": 1, "region": 2}


@dataclass
class EntityInfo:
    iri: str
    cls: str                       # our ontology class name (Person, Country, Organization, ...)
    label: str
    alt_labels: set[str] = field(default_factory=set)
    context_countries: set[str] = field(default_factory=set)   # QIDs of countries named with it


@dataclass
class Link:
    iri: str
    qid: str
    method: str                    # offline-label | offline-alias | offline-context | ... | online-*
    confidence: float
    lat: float | None = None
    lon: float | None = None


def compatible_kinds(cls: str) -> frozenset[str]:
    return COMPATIBLE.get(cls, frozenset())
