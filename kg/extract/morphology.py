"""Indonesian words as roots and affixes, and the token patterns matched on them.

Why: Indonesian marks voice and derivation with affixes (menyerbu / diserbu /
penyerbuan), so a pattern names a root with the forms it may take, and a small
affix analyser reads every word as the (root, form) pairs it could be. The
affixes are the language's: the "morphology" of triggers.json.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.lang import language

if TYPE_CHECKING:
    from kg.extract.sentence import Tok

MORPHOLOGY = language().json("triggers.json")["morphology"]


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[tuple[str, str]]:
    """(root, form) readings of a word: 'penyerbuannya' → ('serbu', 'pe-an'), 'diserbu' → ('serbu', 'di').

    Forms: me di ter ber pe per ke (+ '-an' when the suffix -an closes them), bare, -an.
    Over-generates on purpose: a reading only counts when a trigger asks for that root and form.
    """
    morph = MORPHOLOGY
    w = word.lower()
    bases = {w} | {w[:-len(c)] for c in morph["clitics"] if w.endswith(c) and len(w) - len(c) >= 3}
    out: set[tuple[str, str]] = set()
    for base in bases:
        out.add((base, "bare"))
        for suffix in morph["suffixes"]:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                out.add((base[:-len(suffix)], "-an" if suffix == "an" else "bare"))
        for prefix, restores, form in morph["prefixes"]:
            if not base.startswith(prefix) or len(base) - len(prefix) < 2:
                continue
            for restore in restores:
                stem = restore + base[len(prefix):]
                for suffix in ("", *morph["suffixes"]):
                    if suffix and not stem.endswith(suffix):
                        continue
                    root = stem[:-len(suffix)] if suffix else stem
                    if len(root) < 3:
                        continue
                    if form in ("pe", "per", "ke"):
                        if suffix == "an":
                            out.add((root, form + "-an"))
                        elif form == "pe" and not suffix:
                            out.add((root, "pe"))
                    else:
                        out.add((root, form))
    return frozenset(out)


CLITICS = set(MORPHOLOGY["clitics"])


@dataclass(frozen=True)
class Spec:
    """One token of a pattern: a literal word, or a root with the forms allowed."""
    word: str | None = None
    root: str | None = None
    forms: frozenset[str] | None = None

    def matches(self, token: "Tok") -> bool:
        if self.word is not None:      # a literal word, with or without a clitic: pasukan(nya)
            return token.low == self.word or (token.low.startswith(self.word) and token.low[len(self.word):] in CLITICS)
        return any(r == self.root and (self.forms is None or f in self.forms) for r, f in token.forms)

    @property
    def key(self) -> tuple[str, str]:
        """What a token must offer for this spec to match: the word, or the root."""
        return ("w", self.word) if self.word is not None else ("r", self.root)


@lru_cache(maxsize=65536)
def word_analysis(text: str) -> tuple[str, frozenset, frozenset]:
    """(lower case, affix readings, spec keys) of a word; cached, as news repeats its words.

    The keys are what a token can match: itself, itself without a clitic, its roots.
    """
    low = text.lower()
    forms = word_forms(text)
    words = {low} | {low[:-len(c)] for c in CLITICS if low.endswith(c)}
    return low, forms, frozenset({("w", w) for w in words} | {("r", root) for root, _ in forms})


PHRASE_CACHE = 65536   # token key sets remembered by each Phrases, as many as word_analysis keeps


class Phrases:
    """Phrases indexed by their first spec, so a token is tried only against phrases that can start there."""

    def __init__(self, phrases: list[list[Spec]]):
        self.phrases = phrases
        self.index: dict[tuple[str, str], list[int]] = {}
        for n, phrase in enumerate(phrases):
            self.index.setdefault(phrase[0].key, []).append(n)
        self.cache: dict[frozenset, list[int]] = {}   # token keys → phrases starting there

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def starting_at(self, tok: "Tok") -> list[int]:
        """Indexes of the phrases whose first spec the token can match, in their original order."""
        found = self.cache.get(tok.keys)
        if found is None:
            if len(self.cache) >= PHRASE_CACHE:   # bounded: a year of news has millions of word forms
                self.cache.clear()
            found = self.cache[tok.keys] = sorted({n for key in tok.keys for n in self.index.get(key, ())})
        return found


def parse_spec(text: str) -> Spec:
    """'word' is a literal word; '@root' or '@root:form|form' a root with the forms allowed."""
    if not text.startswith("@"):
        return Spec(word=text.lower())
    root, _, forms = text[1:].partition(":")
    return Spec(root=root, forms=frozenset(forms.split("|")) if forms else None)


def parse_phrase(text: str) -> list[Spec]:
    """Specs of consecutive tokens, written with spaces between them."""
    return [parse_spec(part) for part in text.split()]
