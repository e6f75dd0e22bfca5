"""Aliases over the whole corpus: a short form and the long name it is cut from are one entity,
and so are a person's one-word name and the one full name of the corpus it is a word of.

Why over the corpus: while articles stream past, "Bareskrim" read before any article spells out
"Badan Reserse Kriminal" gets a node of its own, and every later "Bareskrim" finds that node by
name. Once every article is in, each entity known only by one short name joins the one entity
whose long name it is cut from (kg.resolve.entities.short_form_of: initials, or pieces of two
letters or more from each word) and with which it shares an article: the evidence that an
article used both. A person known only by one word ("Prabowo") joins the one person of the
corpus whose full name has that word ("Prabowo Subianto"), unless the word is a common one. A
name that fits two entities joins neither; the decision depends on what is in the store only,
not on the order articles came in.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.gazetteer import normalise
from kg.records import ENTITY_KIND
from kg.resolve.entities import PLAIN_WORDS, SKIP_WORDS, may_be_short_form, short_form_of


@dataclass(frozen=True)
class Alias:
    """``alias`` is another name of ``entity``: ``name`` was read as a short form of ``long``."""
    alias: str
    entity: str
    name: str
    long: str


def find_aliases(names: dict[str, Counter], documents: dict[str, set[str]]) -> list[Alias]:
    """From entity IRI → Counter of (class, surface form) and entity IRI → its articles."""
    kind_of = {iri: _kind(counts) for iri, counts in names.items()}
    long_names: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)   # (kind, first letters) → (key, iri)
    persons: dict[str, set[tuple[str, str]]] = defaultdict(set)                  # word → (full name, person iri)
    for iri, counts in names.items():
        for key in {normalise(anchor) for _, anchor in counts}:
            words = [w for w in key.split() if w not in SKIP_WORDS]
            if len(words) < 2:
                continue
            long_names[(kind_of[iri], key[:1])].add((key, iri))
            if kind_of[iri] == "Person":
                for word in words:
                    persons[word].add((key, iri))
    found = []
    for iri, counts in sorted(names.items()):
        keys = sorted({normalise(anchor) for _, anchor in counts} - {""})
        anchors = sorted({anchor for _, anchor in counts})
        if not keys:
            continue
        if len(keys) == 1 and " " not in keys[0]:
            alias = _short_form(iri, kind_of[iri], anchors[0], keys[0], long_names, documents) or \
                (_word_of_a_name(iri, anchors[0], keys[0], persons) if kind_of[iri] == "Person" else None)
            if alias:
                found.append(alias)
    return found


def _kind(counts: Counter) -> str:
    classes = Counter()
    for (cls, _), n in counts.items():
        classes[ENTITY_KIND.get(cls, "Organization")] += n
    return max(classes, key=lambda c: (classes[c], c))


def _short_form(iri: str, kind: str, anchor: str, key: str, long_names, documents) -> Alias | None:
    if kind == "Group" or not may_be_short_form(anchor):
        return None
    articles = documents.get(iri, set())
    fits = {(long, target) for long, target in long_names.get((kind, key[:1]), ())
            if target != iri and short_form_of(anchor, long) and articles & documents.get(target, set())}
    targets = {target for _, target in fits}
    if len(targets) != 1:
        return None
    long, target = min(fits)
    return Alias(iri, target, anchor, long)


def _word_of_a_name(iri: str, anchor: str, key: str, persons) -> Alias | None:
    if key in PLAIN_WORDS or len(key) < 3:
        return None
    owners = {(long, target) for long, target in persons.get(key, ()) if target != iri}
    if len({target for _, target in owners}) != 1:
        return None
    long, target = min(owners)
    return Alias(iri, target, anchor, long)
