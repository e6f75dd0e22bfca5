"""Which entity IRIs of different articles name one entity, decided over the whole corpus.

Each article names its entities from its own text (kg.resolve.entities), so the same entity may
come out of two articles under two IRIs: "Kementerian Keuangan (Kemenkeu)" gives org/kemenkeu,
another article's "Kementerian Keuangan" gives org/kementerian-keuangan. Once every article is in,
these join:

- **same name**: two entities that share a name ("kementerian keuangan"), in the old spelling or
  the new ("Pandjaitan", "Panjaitan"; kg/lang/id/old_spellings.tsv). A one-word name counts
  only where it is the entity's own name, not one an article read as a short form or as the
  first name of its own Agus: an article's misreading stays in that article, and so does a body
  an article about another country names without its country ("Partai Demokrat"; kg.resolve.entities);
- **spelling variant**: multi-word names one letter apart in one word ("kementrian keuangan",
  "kementerian keuangan"; kg.resolve.entities._variant). People only when their articles also
  share another person or organisation: two articles' Abdul Azis and Abdul Aziz, one in a theft in
  Aceh and one in a football match, are two men;
- **same letters**: a name written with or without spaces ("Net Blocks", "NetBlocks"), not a person's;
- **same acronym**: bodies that articles introduced with one acronym, when one's expansion runs
  inside the other's, in words that begin alike ("Gelora Bandung Lautan Api (GBLA)", "Stadion Gelora
  Bandung Lautan Api (GBLA)"; "Komisi Pemberantas Korupsi (KPK)"). Otherwise an acronym is a name
  in its article only: "PKB" is a party in one article and an arts festival in another
  (kg.resolve.entities);
- **same body**: bodies named by what they are, in full or cut, and the place they serve, in any
  name the gazetteer gives its item ("Pemprov Sumbar", "Pemerintah Provinsi Sumatera Barat");
- **middle name**: a two-word name joins the one longer name of the corpus that begins and ends
  with its words: a person's when their articles share another person or organisation ("Imran
  Djumadil", "Imran S Djumadil"), a place's or a body's when one article names both ("Stasiun
  Senen", "Stasiun Pasar Senen");
- **short form**: an entity known only by one short name joins the one entity whose long name it
  is cut from (initials, two letters or more when written in capitals, or pieces of two letters
  or more from each word) and with which it shares an article, or which an article called by
  that short name: the evidence that an article used both; a body's, the one body an article
  introduced by it even if not cut so ("Kementerian Dalam Negeri (Kemendagri)"); when it fits two
  ("PKB"), the one whose articles share another person or organisation with its article;
- **unique short form**: an organisation's short form in pieces ("Kemensos") joins the one long
  name of the whole corpus it is cut from ("Kementerian Sosial"), unless the short form is named
  in more articles than the long name (then it is a name of its own: "Polri" is not "Polda Riau");
  a place's too ("Jakut", "Jakarta Utara") when their articles share a person or organisation (a
  place's own name may look cut: the island of Sumba is not Sumatera Barat);
- **word of a name**: a person an article knows only by one word ("Prabowo"; each article's is
  its own node, kg.resolve.entities) joins the one person of the corpus whose full name has that
  word ("Prabowo Subianto"; not a pair's "Ahok - Djarot") and whose articles share another person
  or organisation with that article, unless the word is a common one: the crash article's pilot
  Djarot is not the politician Djarot Saiful Hidayat;
- **nickname**: else it joins the one person of its article whose full name it is cut from, in
  pieces from the starts of some of its words ("Aher" Ahmad Heryawan, "Sandi" Sandiaga Uno), or
  (a **spelling variant**) who has a word one letter apart ("Djarot" for the article's Djarod
  Padakova);
- **one name**: people known by one word that no full name of the corpus has are one person
  across the articles that name them so, spelt alike or in the old and the new spelling: all of
  them for a rare word, those in shared context for a given name ("Wiranto", "Boediono", and
  every Agus).

The people and organisations two articles share are their context; a person that articles know by
one word counts by that word ("Ahok" of two articles is shared), unless it is a given name ("Agus").
A name that fits two entities joins neither. Every joined group is named by one of its IRIs: a
gazetteer item's, else the most used and fullest; never by which article came first, so the
result depends on what is in the corpus only, not on the order articles came in or how the
corpus was cut.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Callable

from kg import gazetteer
from kg.gazetteer import normalise
from kg.lang import language
from kg.records import ENTITY_KIND
from kg.resolve.entities import (PLACE_KINDS, PLAIN_WORDS, SKIP_WORDS, _one_letter_apart, _variant, may_be_short_form,
                                 short_form_of)
from kg.vocab import IN_ARTICLE, entity_iri

OLD_SPELLINGS = language().table("old_spellings.tsv")

CUT_KINDS = ("Organization", "Place")   # whose short forms in pieces join a long name of another article
TICKET = re.compile(r"\s[-–]\s")        # two people's names joined by a dash: a pair ("Anies - Sandi")
CONTEXT = 1    # other people or organisations that the articles of two people must share to be one
ONE_NAME_PAIRS = 50_000   # articles' people of one given name compared pairwise, at most


@dataclass(frozen=True)
class Alias:
    """``alias`` is another IRI of ``entity``: its name ``name`` matched ``long`` by ``rule``."""
    alias: str
    entity: str
    name: str
    long: str
    rule: str


def find_aliases(names: dict[str, Counter], documents: dict[str, set[str]]) -> list[Alias]:
    """From entity IRI → Counter of (class, surface form) and entity IRI → its articles: every IRI
    that joins another, with the IRI that names the group it joins."""
    kind_of = {iri: _kind(counts) for iri, counts in names.items()}
    groups = _Groups()
    reasons: list[tuple[str, str, str, str, str]] = []   # (iri, its name, other iri, other's name, rule)
    context = _neighbours(documents, kind_of)
    for rule, pairs in (("same name", partial(_shared_names, letters=False)), ("spelling variant", _variants),
                        ("same letters", partial(_shared_names, letters=True)), ("middle name", _middle_names),
                        ("same acronym", _same_acronyms), ("same body", _same_bodies)):
        for a, name, b, other in pairs(names, kind_of):
            if _backed(rule, kind_of[a], a, b, context, documents) and groups.join(a, b):
                reasons.append((a, name, b, other, rule))
    merged_names, merged_documents = groups.merged(names, documents)
    merged_kinds = {iri: _kind(counts) for iri, counts in merged_names.items()}
    for a, name, b, other, rule in _short_names(merged_names, merged_kinds, merged_documents):
        if groups.join(a, b):
            reasons.append((a, name, b, other, rule))
    best = groups.best(_naming_key({iri: names.get(iri, Counter()) for iri in groups.parent}))
    found = {}
    for a, name, b, other, rule in sorted(reasons):
        for iri, written, matched in ((a, name, other), (b, other, name)):
            if iri != best[iri] and iri not in found:
                found[iri] = Alias(iri, best[iri], written, normalise(matched), rule)
    return [found[iri] for iri in sorted(found)]


def _backed(rule: str, kind: str, a: str, b: str, context, documents) -> bool:
    """Whether a pair a rule found has the evidence the rule needs: people of a spelling variant or
    a middle name share context; places and bodies of a middle name an article ("Kota Mosul" of
    one article is not "Kota Tua Mosul" of another)."""
    if kind == "Person" and rule in ("spelling variant", "middle name"):
        return _in_context(context(a), context(b), a, b)
    if rule == "middle name":
        return bool(documents.get(a, set()) & documents.get(b, set()))
    return True


def _neighbours(documents: dict[str, set[str]], kind_of: dict[str, str] | None = None) -> Callable[[str], set[str]]:
    """Entity → the entities of its articles; with ``kind_of``, its people and organisations only:
    the context that tells two namesakes apart (every other article names Jakarta). There a person
    an article knows by one word counts by that word too: two articles that both name "Ahok" share
    him before any join says which Ahok he is; not a given name or a common word ("Agus")."""
    entities: dict[str, set[str]] = defaultdict(set)
    for iri, articles in documents.items():
        if kind_of is not None and kind_of.get(iri) not in ("Person", "Organization"):
            continue
        named = {iri, _by_word(iri)} if kind_of is not None else {iri}
        for article in articles:
            entities[article] |= named - {None}
    return lambda iri: set().union(*(entities[a] for a in documents.get(iri, ())))


def _by_word(iri: str) -> str | None:
    """The node of an article's one-word person as every article names it ("person/ahok"), unless
    the word is a given name or a common one."""
    node = iri.split(IN_ARTICLE, 1)[0]
    return node if IN_ARTICLE in iri and node.rsplit("/", 1)[-1] not in PLAIN_WORDS else None


def _in_context(mine: set[str], theirs: set[str], a: str, b: str) -> bool:
    """The articles of ``a`` and ``b`` (whose contexts are ``mine`` and ``theirs``) share
    ``CONTEXT`` other people or organisations."""
    return len(mine & theirs - {a, b, _by_word(a), _by_word(b)}) >= CONTEXT


def _kind(counts: Counter) -> str:
    classes = Counter()
    for (cls, _), n in counts.items():
        classes[ENTITY_KIND.get(cls, "Organization")] += n
    return max(classes, key=lambda c: (classes[c], c))


def _keys(counts: Counter) -> list[tuple[str, str]]:
    """(normalised name, a way it is written), one per name, sorted."""
    written = {}
    for _, anchor in sorted(counts):
        written.setdefault(normalise(anchor), anchor)
    return sorted((key, anchor) for key, anchor in written.items() if key)


def _modern(key: str) -> str:
    """A normalised name in today's spelling: "soegiharto" and "sugiharto" are one name."""
    for old, new in OLD_SPELLINGS:
        key = key.replace(old, new)
    return key


def _shared_names(names, kind_of, letters: bool):
    """Pairs of entities of one kind that share a name, or with ``letters`` the same letters written
    with or without spaces (not people, nor groups). A one-word name counts only as the entity's own."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for iri in sorted(names):
        kind = kind_of[iri]
        if letters and kind in ("Person", "Group"):
            continue
        for key, anchor in _keys(names[iri]):
            if IN_ARTICLE in iri or " " not in key and (kind == "Person" or entity_iri(kind, anchor) != iri):
                continue
            key = _modern(key)
            other, written = first.setdefault((kind, key.replace(" ", "") if letters else key), (iri, anchor))
            if other != iri:
                yield iri, anchor, other, written


def _variants(names, kind_of):
    """Multi-word names indexed by kind, length and word at each position: a variant is looked for
    only among names sharing a word in place, so the stage stays linear in the corpus."""
    index: dict[tuple, set[tuple[str, str, str]]] = defaultdict(set)
    for iri in sorted(names):
        kind = kind_of[iri]
        if kind == "Group" or IN_ARTICLE in iri:
            continue
        for key, anchor in _keys(names[iri]):
            key = _modern(key)
            words = key.split()
            if len(words) < 2:
                continue
            candidates = {c for i, w in enumerate(words) for c in index.get((kind, len(words), i, w), ())}
            for name, other, written in sorted(candidates):
                if other != iri and name != key and _variant(name, key):
                    yield iri, anchor, other, written
            for i, w in enumerate(words):
                index[(kind, len(words), i, w)].add((key, iri, anchor))


def _middle_names(names, kind_of):
    """A name of two words and the one longer name of its kind that begins and ends with them
    ("Imran Djumadil", "Imran S Djumadil"; "Stasiun Senen", "Stasiun Pasar Senen")."""
    longer: dict[tuple, set[tuple[str, str]]] = defaultdict(set)   # (kind, first, last word) → (iri, as written)
    two_words = []
    for iri in sorted(names):
        if kind_of[iri] == "Group" or IN_ARTICLE in iri:
            continue
        for key, anchor in _keys(names[iri]):
            words = _modern(key).split()
            if len(words) > 2:
                longer[(kind_of[iri], words[0], words[-1])].add((iri, anchor))
            elif len(words) == 2:
                two_words.append((iri, anchor, (kind_of[iri], *words)))
    for iri, anchor, words in two_words:
        fits = {(other, written) for other, written in longer.get(words, ()) if other != iri}
        if len({other for other, _ in fits}) == 1:
            yield (iri, anchor, *min(fits))


def _same_acronyms(names, kind_of):
    """Bodies articles introduced with one acronym, one's expansion running inside the other's, word
    for word or in words that begin alike ("Gelora Bandung Lautan Api (GBLA)", "Stadion Gelora Bandung
    Lautan Api (GBLA)"; "Komisi Pemberantas Korupsi (KPK)"); the "PKB" of a party and of an arts
    festival stay apart."""
    by_acronym: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for iri in sorted(names):
        if kind_of[iri] != "Organization" or IN_ARTICLE in iri:
            continue
        keys = _keys(names[iri])
        longs = [f" {_stems(key)} " for key, _ in keys if " " in key]
        for key, anchor in keys:
            if " " not in key and _initials(anchor) and entity_iri("Organization", anchor) != iri:
                by_acronym[key].append((iri, anchor, longs))
    for _, members in sorted(by_acronym.items()):
        for i, (a, anchor, longs_a) in enumerate(members):
            for b, other, longs_b in members[:i]:
                if any(x in y or y in x for x in longs_a for y in longs_b):
                    yield a, anchor, b, other


def _same_bodies(names, kind_of):
    """Bodies named by what they are and the place they serve, the first in full or cut, the place
    in any of the names the gazetteer gives its item ("Pemprov Sumbar", "Pemerintah Provinsi Sumatera
    Barat"; "Pemprov DKI Jakarta", "Pemprov Jakarta"). "Pemkab Bogor" is not "Pemkot Bogor"."""
    by_place: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)   # item → (head, its key, iri, name)
    for iri in sorted(names):
        if kind_of[iri] != "Organization" or IN_ARTICLE in iri:
            continue
        for _, anchor in _keys(names[iri]):
            head, place = _head_and_place(anchor)
            if place:
                by_place[place].append((head, normalise(head), iri, anchor))
    for _, members in sorted(by_place.items()):
        for i, (head, key, a, anchor) in enumerate(members):
            for other_head, other_key, b, other in members[:i]:
                if a != b and (key == other_key or short_form_of(head, other_key) or short_form_of(other_head, key)):
                    yield a, anchor, b, other


def _head_and_place(anchor: str) -> tuple[str, str | None]:
    """A body's name cut into the words before the place that ends it and that place's gazetteer
    item: ("Pemprov", Q2772) for "Pemprov Sumbar"; no place when the gazetteer knows none."""
    words = anchor.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        rows = [r for r in gazetteer.load().lookup(" ".join(words[-n:])) if r.kind in PLACE_KINDS]
        if rows:
            return " ".join(words[:-n]), rows[0].qid
    return anchor, None


def _stems(name: str) -> str:
    """A name's words cut to their first five letters: "pemberantas" and "pemberantasan" begin alike."""
    return " ".join(word[:5] for word in name.split())


def _short_names(names, kind_of, documents):
    """Short forms and one-word names of people. A short form's candidates are the entities of its
    articles and those some article calls by it, else, for an organisation's, the long names that
    begin with its first two letters, so the cost grows with the corpus, not with the number of
    short names times long ones."""
    long_names: dict[str, set[str]] = defaultdict(set)                           # iri → its long names
    persons: dict[str, set[tuple[str, str]]] = defaultdict(set)                  # word → (full name, person iri)
    called: dict[str, set[str]] = defaultdict(set)                               # name → iris it names
    starting: dict[tuple, set[tuple[str, str]]] = defaultdict(set)              # (kind, 2 letters) → (name, iri)
    for iri, counts in names.items():
        for key, anchor in _keys(counts):
            called[key].add(iri)
            words = [w for w in key.split() if w not in SKIP_WORDS]
            if len(words) < 2:
                continue
            long_names[iri].add(key)
            if kind_of[iri] in CUT_KINDS and IN_ARTICLE not in iri:
                starting[(kind_of[iri], key[:2])].add((key, iri))
            if kind_of[iri] == "Person" and not TICKET.search(anchor):   # "Ahok - Djarot" is two people
                for word in words:
                    persons[word].add((key, iri))
    near, context = _neighbours(documents), _neighbours(documents, kind_of)
    one_names: dict[str, list[tuple[str, str]]] = defaultdict(list)    # word → (article's person, as written)
    for iri, counts in sorted(names.items()):
        keys = _keys(counts)
        if len(keys) != 1 or " " in keys[0][0]:
            continue
        key, anchor = keys[0]
        kind, mine = kind_of[iri], near(iri)
        candidates = {t for t in mine | called[key]    # another article's own body is no one else's
                      if t != iri and kind_of[t] == kind and (t in mine or IN_ARTICLE not in t)}
        fits = _fits(kind, anchor, key, {(long, t) for t in candidates for long in long_names[t]})
        if not fits and kind == "Organization" and (may_be_short_form(anchor) or _initials(anchor)):
            fits = {(long, t) for t in candidates & called[key] for long in long_names[t]}   # "Kemendagri"
        found = _one(fits, "short form")
        if not found and kind == "Organization" and len(fits) > 1:   # "PKB" of a party and of a festival
            shared = {(long, t) for long, t in fits if _in_context(context(iri), context(t), iri, t)}
            found = _one(shared, "short form")
        if not found and kind in CUT_KINDS and not anchor.isupper():    # "Kemensos", "Jakut" of another article
            found = _short_form(kind, anchor, key, {(long, t) for long, t in starting[(kind, key[:2])]
                                                    if t != iri and long[:3] == key[:3]}, "unique short form")
            if found and len(documents[found[1]]) < len(documents[iri]):    # "Polri" is not Polda Riau's
                found = None
            if found and kind == "Place" and not _in_context(context(iri), context(found[1]), iri, found[1]):
                found = None     # a place's own name may look cut: Sumba is no Sumatera Barat
        if not found and kind == "Person":      # an article's Agus, or the one-name node of earlier loads
            found = _word_of_a_name(iri, key, persons, context) or \
                _nickname(key, {(long, t) for t in candidates & mine for long in long_names[t]})
            if not found and IN_ARTICLE in iri and not persons.get(key) and len(key) >= 3:
                one_names[_modern(key)].append((iri, anchor))
        if found:
            long, target, rule = found
            yield iri, anchor, target, long, rule
    for _, members in sorted(one_names.items()):
        yield from _one_name(members, context)


def _short_form(kind, anchor, key, candidates: set[tuple[str, str]], rule="short form"):
    return _one(_fits(kind, anchor, key, candidates), rule)


def _fits(kind, anchor, key, candidates: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (long name, entity) of ``candidates`` that the short name ``anchor`` is cut from."""
    if kind == "Group" or not (may_be_short_form(anchor) or _initials(anchor)):
        return set()
    return {(long, target) for long, target in candidates   # "RS" is no initials of "RS Siloam"
            if long[:1] == key[:1] and not (anchor.isupper() and key in long.split())
            and short_form_of(anchor, long)}


def _nickname(key: str, candidates: set[tuple[str, str]]):
    """A person's name cut into pieces from the start of some of its words ("Aher" Ahmad Heryawan,
    "Sandi" Sandiaga Uno), else one with a word one letter apart, when one person of the article
    (``candidates``) has such a name. "Soekarno" is not cut from Megawati Soekarnoputri."""
    if key in PLAIN_WORDS or len(key) < 4:
        return None
    cut = _one({(long, target) for long, target in candidates if _word_starts(key, tuple(long.split()))
                and not any(w.startswith(key) and _compound(w[len(key):]) for w in long.split())}, "nickname")
    return cut or _one({(long, target) for long, target in candidates    # "Djarot" for the article's Djarod Padakova
                        if any(_one_letter_apart(key, word) for word in long.split())}, "spelling variant")


def _compound(rest: str) -> bool:
    """The rest of a word after a name is a word of its own ("putri", daughter): no nickname."""
    return len(rest) >= 4 and rest in PLAIN_WORDS


@lru_cache(maxsize=100_000)
def _word_starts(short: str, words: tuple[str, ...]) -> bool:
    """Is ``short`` the starts of some of ``words``, in order?"""
    if not short or not words:
        return not short
    word, rest = words[0], words[1:]
    n = 0
    while n < len(word) and n < len(short) and word[n] == short[n]:
        n += 1
    return any(_word_starts(short[i:], rest) for i in range(n, -1, -1))


def _initials(anchor: str) -> bool:
    """Written in capitals, two letters or more ("SBY", "MU"): initials, even where a given name
    or a word is spelt so."""
    return anchor.isupper() and anchor.isalpha() and len(anchor) >= 2


def _word_of_a_name(iri, key, persons, near):
    if key in PLAIN_WORDS or len(key) < 3:
        return None
    mine = near(iri)
    return _one({(long, target) for long, target in persons.get(key, ())
                 if target != iri and _in_context(mine, near(target), iri, target)}, "word of a name")


def _one_name(members: list[tuple[str, str]], near):
    """Articles' people known by a word that no full name of the corpus has, spelt alike or in the
    old and the new spelling ("Soegiharto", "Sugiharto"; kg/lang/id/old_spellings.tsv), joined into one node:
    all of them for a rare word ("Yingluck"); for a given name ("Wiranto", and every Agus), those
    whose article shares another person or organisation with another's (at most ``ONE_NAME_PAIRS`` pairs are
    compared: past that, a name too common to tell its bearers apart stays with each article)."""
    spelt = Counter(normalise(anchor) for _, anchor in members)     # "Soegiharto", "Sugiharto"
    name = min(spelt, key=lambda n: (-spelt[n], n))                 # as most articles spell it
    node = next(iri for iri, anchor in members if normalise(anchor) == name).split(IN_ARTICLE, 1)[0]
    plain = any(n in PLAIN_WORDS for n in spelt)
    if plain and len(members) * (len(members) - 1) // 2 > ONE_NAME_PAIRS:
        return
    for i, (iri, anchor) in enumerate(members):
        mine = near(iri) if plain else set()
        if not plain or any(_in_context(mine, near(other), iri, other)
                            for j, (other, _) in enumerate(members) if j != i):
            yield iri, anchor, node, name, "one name"


def _one(fits: set[tuple[str, str]], rule: str):
    """The (long name, entity, rule) when the names fit one entity only."""
    if len({target for _, target in fits}) != 1:
        return None
    long, target = min(fits)
    return long, target, rule


def _naming_key(names: dict[str, Counter]):
    """Which IRI names a group: a gazetteer item's, one that is not an article's own, then the one
    whose mentions times words are most (a full name read once outweighs a first name read twice,
    "Polri" read often a stray "Polr I"), the one with most words, the first in order."""
    items = set()
    for counts in names.values():
        for _, anchor in counts:
            for row in gazetteer.load().lookup(anchor):
                kind = gazetteer.KIND_CLASS.get(row.kind)
                if kind:
                    items.add(entity_iri(ENTITY_KIND[kind], row.label_en or row.label_id))
    mentions = {iri: sum(counts.values()) for iri, counts in names.items()}
    words = lambda iri: iri.rsplit("/", 1)[-1].count("-") + 1   # noqa: E731
    return lambda iri: (iri not in items, IN_ARTICLE in iri, -mentions.get(iri, 0) * words(iri), -words(iri), iri)


class _Groups:
    """Union-find over entity IRIs."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, iri: str) -> str:
        root = iri
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while iri != root:
            self.parent[iri], iri = root, self.parent.get(iri, iri)
        return root

    def join(self, a: str, b: str) -> bool:
        """Join the groups of a and b; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra], self.parent[rb] = min(ra, rb), min(ra, rb)
        return True

    def merged(self, names: dict[str, Counter], documents: dict[str, set[str]]):
        """Names and articles of each group, under its root."""
        merged_names: dict[str, Counter] = defaultdict(Counter)
        merged_documents: dict[str, set[str]] = defaultdict(set)
        for iri, counts in names.items():
            root = self.find(iri)
            merged_names[root].update(counts)
            merged_documents[root] |= documents.get(iri, set())
        return merged_names, merged_documents

    def best(self, key) -> dict[str, str]:
        """Every IRI of a group of two or more → the IRI that names the group."""
        members: dict[str, list[str]] = defaultdict(list)
        for iri in list(self.parent):
            members[self.find(iri)].append(iri)
        return {iri: min(group, key=key) for group in members.values() for iri in group}
