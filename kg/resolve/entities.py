"""Merge mentions into entities: one node per real-world entity, across documents.

Keys, in order of trust: a gazetteer row (verified Wikidata item), an acronym
("CSTO", learned from "Long Name (CSTO)"), a collective actor's canonical key,
a person's full name (bare surnames and first names attach to the full name
seen in the same document, or to a unique full name seen before), and
finally the normalised surface form. Small spelling variants of multi-word
names ("Zaw Min Tun"/"Zaw Min Tunn", "Netblocks"/"NetBlocks") merge.
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from kg import gazetteer
from kg.gazetteer import normalise
from kg.nlp import read_table
from kg.records import ENTITY_KIND, ExtractedDocument, Mention
from kg.vocab import entity_iri

SIMILAR_WORD = 0.8
GROUPS = {phrase: (key, label) for phrase, key, label in read_table("groups.tsv")}


class Resolver:
    """Assigns entity IRIs to mentions; remembers names across documents."""

    def __init__(self):
        self.by_name: dict[tuple[str, str], str] = {}     # (kind, normalised name) → IRI
        self.squashed: dict[tuple[str, str], str] = {}    # (kind, name without spaces) → IRI
        self.person_parts: dict[str, set[str]] = {}       # name token → person IRIs
        self.variants = _Variants()                       # multi-word names
        self.gaz = gazetteer.load()

    def remember(self, iri: str, kind: str, names) -> None:
        """Register names of an entity (from the store, or just resolved)."""
        for name in names:
            key = normalise(name)
            if not key:
                continue
            self.by_name.setdefault((kind, key), iri)
            self.squashed.setdefault((kind, key.replace(" ", "")), iri)
            if " " in key:
                self.variants.add(kind, key, iri)
            if kind == "Person" and " " in key:
                for part in key.split():
                    if len(part) > 2:
                        self.person_parts.setdefault(part, set()).add(iri)

    def resolve(self, ext: ExtractedDocument) -> None:
        mentions = ext.mentions
        acronym_of = {long: acr for long, acr in ext.aliases}
        local_parts: dict[str, set[str]] = {}   # name token → person IRIs of this document
        for i in sorted(range(len(mentions)), key=lambda i: -len(mentions[i].text.split())):
            mention = mentions[i]
            if mention.entity:
                continue
            kind = ENTITY_KIND.get(mention.cls, "Organization")
            key = normalise(mention.text)
            if i in acronym_of:
                iri = self._organisation_with_acronym(mention, mentions[acronym_of[i]])
                mentions[acronym_of[i]].entity = iri
            elif kind == "Person" and " " not in key and len(local_parts.get(key, ())) == 1:
                iri = next(iter(local_parts[key]))
            else:
                iri = self._lookup(mention, kind) or self._new(mention, kind)
            if kind == "Person" and " " in key:
                for part in key.split():
                    local_parts.setdefault(part, set()).add(iri)
            mention.entity = iri
            self.remember(iri, kind, [mention.text])

    def _organisation_with_acronym(self, long: Mention, acronym: Mention) -> str:
        iri = self._lookup(acronym, "Organization") or self._lookup(long, "Organization") \
            or entity_iri("organization", acronym.text)
        self.remember(iri, "Organization", [long.text, acronym.text])
        return iri

    def _lookup(self, mention: Mention, kind: str) -> str | None:
        key = normalise(mention.text)
        if kind == "Group":
            group_key = GROUPS.get(mention.text.lower().strip(), (key, None))[0]
            return entity_iri("group", group_key)
        rows = [r for r in self.gaz.lookup(mention.text)
                if gazetteer.KIND_CLASS.get(r.kind) and ENTITY_KIND[gazetteer.KIND_CLASS[r.kind]] == kind]
        if rows:
            return entity_iri(kind, rows[0].label_en or rows[0].label_id)
        if (kind, key) in self.by_name:
            return self.by_name[(kind, key)]
        if " " in key:
            return self.variants.find(kind, key)
        if kind != "Person":
            return self.squashed.get((kind, key))
        return None

    def _new(self, mention: Mention, kind: str) -> str:
        if kind == "Person" and " " not in normalise(mention.text):
            owners = self.person_parts.get(normalise(mention.text), set())
            if len(owners) == 1:
                return next(iter(owners))
        return entity_iri(kind, mention.text)


class _Variants:
    """Multi-word names indexed by kind, length and word at each position.

    A spelling variant is looked for only among names sharing at least one word
    in place, so a lookup reads a handful of names, not every name seen so far
    (the build stays linear in the corpus). The first name registered wins.
    """

    def __init__(self):
        self.index: dict[tuple, list[tuple[int, str, str]]] = defaultdict(list)
        self.known: set[tuple[str, str]] = set()

    def add(self, kind: str, name: str, iri: str) -> None:
        if (kind, name) in self.known:
            return
        self.known.add((kind, name))
        words = name.split()
        for i, word in enumerate(words):
            self.index[(kind, len(words), i, word)].append((len(self.known), name, iri))

    def find(self, kind: str, key: str) -> str | None:
        words = key.split()
        candidates = sorted({c for i, word in enumerate(words)
                             for c in self.index.get((kind, len(words), i, word), ())})
        return next((iri for _, name, iri in candidates if _variant(name, key)), None)


def _variant(a: str, b: str) -> bool:
    """Spelling variants of one name: word by word alike ("saltanat azirbek" / "saltanet azirbek"),
    unlike names that differ in a word ("kementerian dalam negeri" / "kementerian luar negeri")."""
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and \
        all(x == y or _similar(x, y) for x, y in zip(words_a, words_b))


def _similar(x: str, y: str) -> bool:
    """difflib's ratio ≥ SIMILAR_WORD, its cheap upper bounds tried first."""
    matcher = SequenceMatcher(None, x, y)
    return matcher.real_quick_ratio() >= SIMILAR_WORD and matcher.quick_ratio() >= SIMILAR_WORD and \
        matcher.ratio() >= SIMILAR_WORD
