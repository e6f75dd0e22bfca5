"""Offline linking: match entity names against the packaged table of verified Wikidata ids.

Only exact (normalised) label or alias matches count, only rows whose kind the entity's class
allows, and a name that still fits several rows after type, context and preference is left
unlinked: a wrong link is worse than none.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.gazetteer import Row, packaged_table
from kg.gazetteer import normalise as normalize

from .common import KIND_PRIORITY, EntityInfo, Link, compatible_kinds

# How sure each kind of evidence makes a link (see ``decide``).
CONFIDENCE = {"label": 0.95, "alias": 0.9, "country": 0.85, "context": 0.8, "priority": 0.8, "rank": 0.7}


class OfflineLinker:
    def __init__(self, rows: Iterable[Row] | None = None):
        self.rows = tuple(packaged_table() if rows is None else rows)
        self.by_qid = {row.qid: row for row in self.rows}
        self.labels: dict[str, list[Row]] = {}
        self.aliases: dict[str, list[Row]] = {}
        for row in self.rows:
            for name in {normalize(row.label_en), normalize(row.label_id)} - {""}:
                self.labels.setdefault(name, []).append(row)
            for name in {normalize(a) for a in row.aliases} - {""}:
                self.aliases.setdefault(name, []).append(row)

    def candidates(self, names: Iterable[str], kinds: frozenset[str]) -> dict[str, tuple[Row, str]]:
        """qid -> (row, "label"|"alias") for rows of an allowed kind that carry one of the names."""
        found: dict[str, tuple[Row, str]] = {}
        for name in names:
            key = normalize(name)
            for via, index in (("label", self.labels), ("alias", self.aliases)):
                for row in index.get(key, ()):
                    if row.kind in kinds and row.qid not in found:
                        found[row.qid] = (row, via)
        return found

    def link_one(self, entity: EntityInfo) -> Link | None:
        kinds = compatible_kinds(entity.cls)
        if not kinds:
            return None
        found = self.candidates([entity.label], kinds)
        if not found:   # the canonical name decides when it can; other names seen only if it cannot
            found = self.candidates(sorted(entity.alt_labels), kinds)
        chosen = decide(list(found.values()), entity.context_countries)
        if chosen is None:
            return None
        row, reason = chosen
        is_place = row.kind in KIND_PRIORITY
        return Link(entity.iri, row.qid, f"offline-{reason}", CONFIDENCE[reason],
                    row.lat if is_place else None, row.lon if is_place else None)


def decide(cands: Sequence[tuple[Row, str]], context: set[str]) -> tuple[Row, str] | None:
    """Pick one row and the reason, or None when the choice would be a guess.

    Order of evidence: a single candidate ("label"/"alias"); a single country among them (a
    country's name means the country in news); the one candidate in a country named with the entity
    ("context"); cities before regions ("priority"); a capital or bigger city before smaller ones
    (``Row.order``, "rank"). People and bodies are never guessed.
    """
    if not cands:
        return None
    if len(cands) == 1:
        row, via = cands[0]
        return row, via
    countries = [c for c in cands if c[0].kind == "country"]
    if len(countries) == 1:
        return countries[0][0], "country"
    in_context = [c for c in cands if c[0].country_qid and c[0].country_qid in context]
    if len(in_context) == 1:
        return in_context[0][0], "context"
    pool = in_context or list(cands)
    if any(row.kind not in KIND_PRIORITY for row, _ in pool):
        return None
    best = min(KIND_PRIORITY[row.kind] for row, _ in pool)
    top = sorted((row for row, _ in pool if KIND_PRIORITY[row.kind] == best), key=lambda r: r.order)
    if len(top) == 1:
        return top[0], "priority"
    if top[0].kind == "city":
        return top[0], "rank"
    return None


_default: OfflineLinker | None = None


def link(entities: Iterable[EntityInfo], linker: OfflineLinker | None = None) -> list[Link]:
    """Links for the entities that have one; the packaged table unless a linker is given."""
    global _default
    if linker is None:
        _default = _default or OfflineLinker()
        linker = _default
    return [lk for lk in map(linker.link_one, entities) if lk is not None]
