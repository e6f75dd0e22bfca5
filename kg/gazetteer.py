"""Names of countries, capitals, cities, regions and bodies, with their Wikidata ids.

One table (``kg/data/wikidata.tsv``, built by ``tools/build_wikidata_table.py``
from verified ids) serves both entity recognition (what kind of thing a name
is) and offline linking (which Wikidata item it is).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "wikidata.tsv"

# Table kind → ontology class; the order is the preference when a name is ambiguous.
KIND_CLASS = {
    "country": "Country",
    "city": "City",
    "international_organization": "InternationalOrganization",
    "government_body": "GovernmentBody",
    "office": "GovernmentBody",
    "media": "MediaOrganization",
    "company": "Company",
    "organization": "Organization",
    "region": "Region",
    "person": "Person",
}


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

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.label_en, self.label_id, *self.aliases) if n)


_DROP = re.compile(r"[.'\u2019\u02bc`]")            # D.C. -> DC, N'Djamena -> NDjamena
_SPACE = re.compile(r"[\s\-\u2010-\u2015,/()\"]+")   # Nur-Sultan == Nur Sultan


@lru_cache(maxsize=65536)   # names repeat across mentions and documents
def normalise(name: str) -> str:
    """Case-, diacritic-, hyphen- and punctuation-insensitive key of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("ı", "i")
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def read_table(text: str) -> list[Row]:
    reader = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                            delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Row(rec["qid"], rec["kind"], rec["label_en"], rec["label_id"],
                tuple(a for a in rec["aliases"].split("|") if a), rec["country_qid"],
                _float(rec["lat"]), _float(rec["lon"]), n)
            for n, rec in enumerate(reader)]


class Gazetteer:
    def __init__(self, rows: list[Row]):
        self.rows = rows
        self._by_name: dict[str, list[Row]] = {}
        for row in rows:
            for name in set(row.names):
                self._by_name.setdefault(normalise(name), []).append(row)
        # An office's multi-word name ("Presiden Rusia") is a title before a person's name, not a name.
        self._exact = {name for row in rows for name in row.names
                       if _usable(name) and not (row.kind == "office" and " " in name)}

    def names(self) -> set[str]:
        """Surface forms worth matching in text (case-sensitive)."""
        return self._exact

    def lookup(self, name: str) -> list[Row]:
        return self._by_name.get(normalise(name), [])

    def entity_class(self, name: str) -> str | None:
        kinds = {row.kind for row in self.lookup(name)}
        return next((cls for kind, cls in KIND_CLASS.items() if kind in kinds), None)


def _usable(name: str) -> bool:
    return len(name) >= 3 or (len(name) == 2 and name.isupper())


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def packaged_table() -> tuple[Row, ...]:
    return tuple(read_table(TABLE.read_text(encoding="utf-8"))) if TABLE.exists() else ()


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer(list(packaged_table()))
