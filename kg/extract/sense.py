"""The sense of a crisis trigger, from the article's and the sentence's context.

Why: crisis words have other senses in other fields: a football "serangan" is an
attack on goal, a player's "cedera" is a sports injury, "pertemuan" is a match.
Lists of sentences cannot fix that; the field an article and a sentence belong to
can. An article whose words are mostly those of sport, entertainment or business
(senses.json of the language folder, kg/lang/) asserts a crisis event only in a sentence that names a
crisis actor or setting (police, protesters, a bomb, a court ...); in any
article, a sentence full of one such field's words and with no crisis cue
asserts none, and neither does a sentence that tells a story.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from kg.extract.morphology import parse_spec
from kg.lang import language

DATA = language().json("senses.json")


class Cues:
    """A set of words and roots, written as trigger patterns are (kg.extract.morphology.parse_spec);
    a token (its keys and affix readings) is in it or not."""

    def __init__(self, texts: list[str]):
        specs = [parse_spec(text) for text in texts]
        self.words = {spec.word for spec in specs if spec.word is not None}
        self.roots = {spec.root: spec.forms for spec in specs if spec.root is not None}

    def has(self, keys: frozenset, forms: frozenset) -> bool:
        if any(kind == "w" and k in self.words for kind, k in keys):
            return True
        return any(root in self.roots and (self.roots[root] is None or form in self.roots[root])
                   for root, form in forms)


DOMAINS = {name: Cues(words) for name, words in DATA["domains"].items()}
CRISIS = Cues(DATA["crisis_cues"])
FICTION = Cues(DATA["fiction"])


def domain_counts(tokens) -> Counter:
    """Crisis cues and each field's words among ``tokens`` (objects with ``keys`` and ``forms``)."""
    counts: Counter = Counter()
    for tok in tokens:
        for name in _fields(tok.keys, tok.forms):
            counts[name] += 1
    return counts


@lru_cache(maxsize=65536)
def _fields(keys: frozenset, forms: frozenset) -> tuple[str, ...]:
    """What a word counts for: a story told, a crisis cue, or the fields it belongs to.
    Cached by the word's readings, as news repeats its words (it runs on every token)."""
    if FICTION.has(keys, forms):
        return ("fiction",)
    if CRISIS.has(keys, forms):
        return ("crisis",)
    return tuple(name for name, cues in DOMAINS.items() if cues.has(keys, forms))


def article_domain(counts: Counter) -> str | None:
    """The field an article belongs to when it is not crisis news, else None."""
    fields = [(n, counts[n]) for n in DOMAINS if counts[n] >= DATA["article_min_cues"]]
    if not fields:
        return None
    name, n = max(fields, key=lambda f: f[1])
    return name if n >= DATA["article_ratio"] * counts["crisis"] else None


def crisis_sense(sentence: Counter, domain: str | None) -> bool:
    """Whether a sentence (its cue counts) may assert a crisis event in an article of ``domain``.

    A story told (a film's plot, a role) asserts nothing, whatever crimes it holds."""
    if sentence["fiction"]:
        return False
    if sentence["crisis"]:
        return True
    if domain is not None:
        return False
    return all(sentence[n] < DATA["sentence_min_cues"] for n in DATA["sentence_domains"])
