"""The sense of a crisis trigger, from the article's and the sentence's context.

Why: crisis words have other senses in other fields: a football "serangan" is an
attack on goal, a player's "cedera" is a sports injury, "pertemuan" is a match.
Lists of sentences cannot fix that; the field an article and a sentence belong to
can. An article whose words are mostly those of sport, entertainment, business or
animals (senses.json of the language folder, kg/lang/) asserts a crisis event only
in a sentence that names a crisis actor or setting (police, protesters, a bomb, a
court ...) and no story medium (what a film or a game shows is told, not done);
in any article, a sentence full of one such field's words and with no crisis cue
asserts none, and neither does a sentence that tells a story. A club is named
after its owner ("PS TNI"): a crisis word in a name beside a field's word counts
for the field. The words beside a crisis word may give it another sense in any
article: a pest's "serangan", an engine's "pembakaran", a camera "menangkap".

Who meets whom decides a meeting's sense too: private persons (a prince and an
actress, a producer and an actress) meeting make no crisis meeting; an
official, an organisation or a state taking part does.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.morphology import parse_spec
from kg.lang import language
from kg.records import ENTITY_KIND

DATA = language().json("senses.json")


class CueIndex:
    """Which of several lists of words and roots, written as trigger patterns are
    (kg.extract.morphology.parse_spec), a token (its keys and affix readings) is in: one lookup per key
    and affix reading, not a scan of every list for every new word."""

    def __init__(self, lists: list[list[str]]):
        self.words: dict[str, set[int]] = defaultdict(set)
        self.roots: dict[str, list[tuple[int, frozenset | None]]] = defaultdict(list)
        for k, texts in enumerate(lists):
            for spec in map(parse_spec, texts):
                if spec.word is not None:
                    self.words[spec.word].add(k)
                if spec.root is not None:
                    self.roots[spec.root].append((k, spec.forms))

    def of(self, keys: frozenset, forms: frozenset) -> tuple[int, ...]:
        found = {k for kind, key in keys if kind == "w" for k in self.words.get(key, ())}
        found.update(k for root, form in forms for k, allowed in self.roots.get(root, ())
                     if allowed is None or form in allowed)
        return tuple(sorted(found))


class Cues(CueIndex):
    """One list of words and roots: a token is in it or not."""

    def __init__(self, texts: list[str]):
        super().__init__([texts])

    def has(self, keys: frozenset, forms: frozenset) -> bool:
        return bool(self.of(keys, forms))


DOMAINS = {name: Cues(words) for name, words in DATA["domains"].items()}
CRISIS = Cues(DATA["crisis_cues"])
STATE = Cues(DATA["state_cues"])
STATE_CLASSES = set(DATA["state_classes"])
OWN = {name: Cues(words) for name, words in DATA["own_cues"].items()}
FICTION = Cues(DATA["fiction"])
MEDIA = Cues(DATA["story_media"])
PRIVATE_TITLES = set(DATA["private_titles"])


@dataclass(frozen=True)
class WordSense:
    """A crisis word's other sense, told by the words beside it ("serangan kutu", "mesin pembakaran")."""
    classes: tuple[str, ...]
    before: int
    after: int


WORD_SENSES = [WordSense(tuple(s["classes"]), s["before"], s["after"]) for s in DATA["word_senses"]]
SENSE_WORDS = CueIndex([s["words"] for s in DATA["word_senses"]])     # the crisis words of each sense
SENSE_NEAR = CueIndex([s["near"] for s in DATA["word_senses"]])       # the words beside them that tell it


def domain_counts(tokens) -> Counter:
    """Crisis cues, story media and each field's words among ``tokens`` (a sentence's, with ``text``,
    ``keys`` and ``forms``)."""
    counts: Counter = Counter()
    fields = [_fields(tok.keys, tok.forms) for tok in tokens]
    for i, names in enumerate(fields):
        if "crisis" in names and _capital(tokens[i]):
            names = _name_fields(tokens, fields, i) or names
        counts.update(names)
    counts.update(_other_senses(tokens))
    return counts


def _other_senses(tokens) -> Counter:
    """The classes ("other CLASS") that a crisis word of the sentence does not assert, its neighbours giving it
    another sense."""
    found: Counter = Counter()
    for i, tok in enumerate(tokens):
        for k in _word_senses(tok.keys, tok.forms)[0]:
            ws = WORD_SENSES[k]
            beside = tokens[max(0, i - ws.before):i] + tokens[i + 1:i + 1 + ws.after]
            if any(k in _word_senses(t.keys, t.forms)[1] for t in beside):
                found.update("other " + cls for cls in ws.classes)
    return found


@lru_cache(maxsize=65536)
def _word_senses(keys: frozenset, forms: frozenset) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The word senses (indexes in WORD_SENSES) a word is the crisis word of, and those it tells. Cached as
    _fields is: it runs on every token."""
    return SENSE_WORDS.of(keys, forms), SENSE_NEAR.of(keys, forms)


def _capital(tok) -> bool:
    return tok.text[:1].isupper()


def _name_fields(tokens, fields: list[tuple[str, ...]], i: int) -> tuple[str, ...]:
    """The fields of a capitalised word beside a capitalised crisis word: a club's name ("PS TNI")."""
    return tuple(name for j in (i - 1, i + 1) if 0 <= j < len(tokens) and _capital(tokens[j])
                 for name in fields[j] if name in DOMAINS)


@lru_cache(maxsize=65536)
def _fields(keys: frozenset, forms: frozenset) -> tuple[str, ...]:
    """What a word counts for: a story told (and so the field that tells stories), a crisis cue (one that
    shows the state, or a field's own mishap, too), or the fields it belongs to and whether it is a story
    medium. Cached by the word's readings, as news repeats its words (it runs on every token)."""
    if FICTION.has(keys, forms):
        return ("fiction", DATA["story_field"])
    if CRISIS.has(keys, forms):
        return ("crisis",) + tuple("own " + name for name, cues in OWN.items() if cues.has(keys, forms))
    if STATE.has(keys, forms):
        return ("crisis", "state")
    fields = tuple(name for name, cues in DOMAINS.items() if cues.has(keys, forms))
    return fields + (("medium",) if MEDIA.has(keys, forms) else ())


def article_domain(counts: Counter) -> str | None:
    """The field an article belongs to when it is not crisis news, else None."""
    fields = [(n, counts[n]) for n in DOMAINS if counts[n] >= DATA["article_min_cues"][n]]
    if not fields:
        return None
    name, n = max(fields, key=lambda f: f[1])
    return name if n >= DATA["article_ratio"] * counts["crisis"] else None


def crisis_sense(sentence: Counter, domain: str | None, cls: str) -> bool:
    """Whether a sentence (its cue counts) may assert a crisis event of ``cls`` in an article of ``domain``.

    A story told (a film's plot, a role) asserts nothing, whatever crimes it holds, nor does a crisis word whose
    neighbours give it another sense (an engine's "pembakaran", a pest's "serangan"). In an article of a field,
    the field's own mishaps (a race's crash) are no crisis cue, and the state ("pemerintah") is a setting for a
    meeting or a measure, not for violence."""
    if sentence["fiction"] or sentence["other " + cls]:
        return False
    if domain is not None:
        cues = sentence["crisis"] - sentence["own " + domain] - (0 if cls in STATE_CLASSES else sentence["state"])
        return cues > 0 and not sentence["medium"]
    if sentence["crisis"]:
        return True
    return all(sentence[n] < DATA["sentence_min_cues"] for n in DATA["sentence_domains"])


def private_meeting(sent, cls: str, parties: list[int]) -> bool:
    """Whether an event of ``cls`` is a meeting of private persons: who meets (its ``parties``, mention indexes;
    when it names none, the names of its sentence, else of its article, other than towns and sites) are all
    people, and the article names nobody in an office (a role other than a private title of senses.json:
    "Pangeran Harry" is a prince, not an official). Politicians go by their bare names once their office is said."""
    if cls not in DATA["public_classes"]:
        return False
    article = range(len(sent.ext.mentions))
    named = [mi for mi in parties or sent.mentions or article if _named_party(sent.ext.mentions[mi])]
    return bool(named) and all(ENTITY_KIND.get(sent.ext.mentions[mi].cls) == "Person" for mi in named) and not any(
        m.role and m.role.split()[0].lower() not in PRIVATE_TITLES for m in sent.ext.mentions if m.cls == "Person")


def _named_party(m) -> bool:
    """A name that may take part in a meeting: anything but a town, a region or a site."""
    return ENTITY_KIND.get(m.cls) != "Place" or m.cls == "Country"
