"""Merge one article's mentions into entities, from that article alone and the gazetteer.

Keys, in order of trust: a gazetteer row (verified Wikidata item), an acronym
("CSTO", learned from "Long Name (CSTO)"), a collective actor's canonical key,
a person's full name (bare surnames and first names attach to the full name
seen in the same article), and finally the normalised surface form. Small spelling variants of
multi-word names ("Luhut Binsar Pandjaitan"/"Luhut Binsar Panjaitan") merge.

In an article, a person's other name the article introduces ("Jusuf Kalla (JK)", "X alias Y",
kg.nlp) is the same entity (a body's is an acronym's), and a short form joins the one long name of
that article it is cut from (kg/lang/id/short_forms.json): initials ("KPK", "SBY") or pieces from the
start of each word ("Kemenkeu", "Jaksel", "Jokowi"); a person's name that runs,
word for word, inside one longer name of the article ("Sri Mulyani" in "Sri
Mulyani Indrawati") joins it. A person the article names by one word only ("Agus") is that
article's: which Agus, if any, of the corpus it is, is decided over the corpus.

An acronym an article introduces with its expansion ("Pesta Kesenian Bali (PKB)") names the
expansion's entity, not an entity of its own: another article's "PKB" may be a party. A national
body named generically, with no country in its name ("Kementerian Dalam Negeri", "Partai
Demokrat"), is the home country's, unless the article names another country more than the home
country, or as much and its sentence names another country and not the home one: then it is that
article's own body ("Partai Demokrat" of an article on a US election), unless the article
introduces it with its initials ("Komisi Pemberantasan Korupsi (KPK)").

Why nothing carries from one article to the next: an article's IRIs then depend on the article
only, so a cluster can resolve articles anywhere, in any order. Which IRIs of different articles
name one entity is decided once every article is in (kg.resolve.aliases).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from kg import gazetteer
from kg.gazetteer import normalise
from kg.lang import language
from kg.nlp.lexicon import ROMAN, read_list, read_table
from kg.records import ENTITY_KIND, ExtractedDocument, Mention
from kg.vocab import article_entity_iri, entity_iri

GROUPS = {phrase: (key, label) for phrase, key, label in read_table("groups.tsv")}
SHORT = language().json("short_forms.json")
SKIP_WORDS = set(SHORT["skip_words"])
HEAD_WORDS = set(SHORT["head_words"])
WORD_PREFIXES = sorted(SHORT["word_prefixes"], key=len, reverse=True)
PLAIN_WORDS = set(read_list("given_names.txt")) | set(read_list("common_words.txt"))
HOME_COUNTRY = read_list("home_country.txt")[0]
NATIONAL_BODIES = {"GovernmentBody", "PoliticalParty", "ArmedForce"}
PLACE_KINDS = {"country", "city", "region"}


def resolve_entities(ext: ExtractedDocument) -> None:
    """Set the entity IRI of each mention of one article."""
    _Article().resolve(ext)


class _Article:
    """The names one article has given its entities so far."""

    def __init__(self):
        self.by_name: dict[tuple[str, str], str] = {}     # (kind, normalised name) → IRI
        self.squashed: dict[tuple[str, str], str] = {}    # (kind, name without spaces) → IRI
        self.variants = _Variants()                       # multi-word names
        self.gaz = gazetteer.load()

    def remember(self, iri: str, kind: str, names) -> None:
        """Register names of an entity just resolved."""
        for name in names:
            key = normalise(name)
            if not key:
                continue
            self.by_name.setdefault((kind, key), iri)
            self.squashed.setdefault((kind, key.replace(" ", "")), iri)
            if " " in key:
                self.variants.add(kind, key, iri)

    def resolve(self, ext: ExtractedDocument) -> None:
        mentions = ext.mentions
        acronym_of = {long: acr for long, acr in ext.aliases}
        local_parts: dict[str, set[str]] = {}   # name token → person IRIs of this document
        local: list[tuple[str, str, str]] = []  # (kind, multi-word name, IRI) of this document
        abroad = self._abroad(mentions)
        for i in sorted(range(len(mentions)), key=lambda i: -len(mentions[i].text.split())):
            mention = mentions[i]
            if mention.entity:
                continue
            kind = ENTITY_KIND.get(mention.cls, "Organization")
            key = normalise(mention.text)
            if i in acronym_of and kind == "Organization":
                iri = self._organisation_with_acronym(mention, mentions[acronym_of[i]], ext.doc.id, abroad)
                mentions[acronym_of[i]].entity = iri
            elif kind == "Person" and " " not in key and len(local_parts.get(key, ())) == 1:
                iri = next(iter(local_parts[key]))
            else:
                iri = self._lookup(mention, kind, local) or self._new(mention, kind, ext.doc.id, abroad)
            if kind == "Person" and " " not in key and iri == entity_iri(kind, mention.text):
                iri = article_entity_iri(kind, mention.text, ext.doc.id)   # this article's Agus
            if kind == "Person" and " " in key:
                for part in key.split():
                    local_parts.setdefault(part, set()).add(iri)
            mention.entity = iri
            other = acronym_of.get(i) if kind != "Organization" else None
            while other is not None and mentions[other].entity != iri:     # "Jusuf Kalla (JK)", "X alias Y alias Z"
                mentions[other].entity = iri
                self.remember(iri, kind, [mentions[other].text])
                other = acronym_of.get(other)
            if " " in key:
                local.append((kind, key, iri))
            self.remember(iri, kind, [mention.text])

    def _organisation_with_acronym(self, long: Mention, acronym: Mention, doc_id: str, abroad: set[int]) -> str:
        """The expansion's entity: an acronym is its name in this article only. Initials of the
        expansion ("Komisi Pemberantasan Korupsi (KPK)") name the body as the home country does,
        even in a sentence about another country."""
        home = short_form_of(acronym.text, normalise(long.text))
        iri = self._lookup(long, "Organization") or self.by_name.get(("Organization", normalise(acronym.text))) \
            or self._new(long, "Organization", doc_id, set() if home else abroad)
        self.remember(iri, "Organization", [long.text, acronym.text])
        return iri

    def _new(self, mention: Mention, kind: str, doc_id: str, abroad: set[int]) -> str:
        """The IRI of a name not seen before; in a sentence about another country (``abroad``), a
        national body named without its country is the article's own ("Partai Demokrat")."""
        key = normalise(mention.text)
        if mention.sentence in abroad and mention.cls in NATIONAL_BODIES and " " in key \
                and not self._names_a_place(key):
            return article_entity_iri(kind, mention.text, doc_id)
        return entity_iri(kind, mention.text)

    def _abroad(self, mentions: list[Mention]) -> set[int]:
        """The sentences about another country: every one when the article names another country, or
        its places, more than the home country's; none when less; else (as much) those naming another
        country and not the home one."""
        countries: dict[int, Counter] = defaultdict(Counter)   # sentence → countries of its places
        for m in mentions:
            rows = [r for r in self.gaz.lookup(m.text) if r.kind in PLACE_KINDS] \
                if ENTITY_KIND.get(m.cls) == "Place" else []
            if rows:
                countries[m.sentence][rows[0].country_qid] += 1
        total = sum(countries.values(), Counter())
        abroad = max((n for c, n in total.items() if c != HOME_COUNTRY), default=0)
        if abroad > total[HOME_COUNTRY]:
            return {m.sentence for m in mentions}
        if abroad < total[HOME_COUNTRY]:    # an article about the home country: its bodies are home's
            return set()
        return {s for s, named in countries.items() if HOME_COUNTRY not in named}

    def _names_a_place(self, key: str) -> bool:
        """A country or place ends the name ("kementerian dalam negeri rusia", "partai demokrat as")."""
        words = key.split()
        return any(r.kind in PLACE_KINDS for n in range(1, min(3, len(words) - 1) + 1)
                   for r in self.gaz.lookup(" ".join(words[-n:])))

    def _lookup(self, mention: Mention, kind: str, local=()) -> str | None:
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
            return self.variants.find(kind, key) or (kind == "Person" and _one(
                {iri for k, name, iri in local if k == kind and name != key and f" {key} " in f" {name} "})) or None
        if kind != "Person" and (kind, key) in self.squashed:
            return self.squashed[(kind, key)]
        if not may_be_short_form(mention.text):
            return None
        return _one({iri for k, name, iri in local if k == kind and short_form_of(mention.text, name)})


def _one(iris: set[str]) -> str | None:
    return next(iter(iris)) if len(iris) == 1 else None


def may_be_short_form(anchor: str) -> bool:
    """Not a first name or a word (too many long names begin like one), and long enough."""
    key = normalise(anchor)
    return key not in PLAIN_WORDS and " " not in key and len(key) >= (3 if anchor.isupper() else 4)


def short_form_of(anchor: str, long: str) -> bool:
    """Is ``anchor``, as written, cut from the normalised long name: its initials ("KPK"), or
    pieces of two letters or more from the start of each word ("Kemenkeu"), with or without the
    head word that opens the name ("Kominfo", Kementerian Komunikasi dan Informatika)?"""
    short = normalise(anchor)
    words = [w for w in long.split() if w not in SKIP_WORDS]
    if len(words) < 2:
        return False
    if anchor.isupper():
        return "".join(w[0] for w in words) == short
    if words[0] in HEAD_WORDS and len(words) > 2 and short_form_of(anchor, long.split(" ", 1)[1]):
        return True
    return long[:2] == short[:2] and cut_from(short, tuple(long.split()), True, 2)


@lru_cache(maxsize=100_000)
def cut_from(short: str, words: tuple[str, ...], first: bool, piece: int = 1) -> bool:
    """Is ``short`` pieces (``piece`` letters or more) from the start of each word, in order
    (skip words may give none)?"""
    if not words:
        return not short
    word, rest = words[0], words[1:]
    if word in SKIP_WORDS and cut_from(short, rest, False, piece):
        return True
    starts = [0] + ([] if first else [len(p) for p in WORD_PREFIXES if word.startswith(p) and len(word) > len(p)])
    for start in starts:
        for end in range(start + piece, len(word) + 1):
            if not short.startswith(word[start:end]):
                break
            if cut_from(short[end - start:], rest, False, piece):
                return True
    return False


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
    """Spelling variants of one name: the same words but one, spelt one letter apart ("kementrian
    keuangan" / "kementerian keuangan", "luhut binsar pandjaitan" / "luhut binsar panjaitan"), unlike
    names that differ in a word ("kementerian keuangan" / "kementerian kehutanan") or a number."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    return len(differ) == 1 and not _numeral(differ[0][0]) and not _numeral(differ[0][1]) and \
        _one_letter_apart(*differ[0])


def _numeral(word: str) -> bool:
    """Digits or a Roman numeral: "Komisi II" and "Komisi III" are two bodies, not two spellings."""
    return word.isdigit() or ROMAN.fullmatch(word) is not None


def _one_letter_apart(x: str, y: str) -> bool:
    """One letter changed, added or dropped, never the first ("darat" and "udara" are two words),
    in words of four letters or more."""
    if x[:1] != y[:1] or min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y)) == 1
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
