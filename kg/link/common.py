"""What both linkers share: the records they exchange, name normalisation and type compatibility.

A wrong link is worse than none, so compatibility is strict: a mention's ontology class decides which
Wikidata kinds it may ever be linked to.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

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


_DROP = re.compile(r"[.'\u2019\u02bc`]")            # D.C. -> DC, N'Djamena -> NDjamena
_SPACE = re.compile(r"[\s\-\u2010-\u2015,/()\"]+")   # Nur-Sultan == Nur Sultan


def normalize(name: str) -> str:
    """Case-, diacritic-, hyphen- and punctuation-insensitive key of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("ı", "i")
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Row:
    qid: str
    kind: str
    label_en: str
    label_id: str
    aliases: tuple[str, ...]
    country_qid: str
    lat: float | None
    lon: float | None
    order: int                     # position in the table: earlier rows are preferred


def read_table(text: str) -> list[Row]:
    rows = []
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, rec in enumerate(reader):
        rows.append(Row(
            qid=rec["qid"], kind=rec["kind"], label_en=rec["label_en"], label_id=rec["label_id"],
            aliases=tuple(a for a in rec["aliases"].split("|") if a),
            country_qid=rec["country_qid"],
            lat=float(rec["lat"]) if rec["lat"] else None,
            lon=float(rec["lon"]) if rec["lon"] else None,
            order=n))
    return rows


@lru_cache(maxsize=1)
def packaged_table() -> tuple[Row, ...]:
    text = resources.files("kg").joinpath("data/wikidata.tsv").read_text(encoding="utf-8")
    return tuple(read_table(text))
