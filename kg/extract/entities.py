"""Sentences and entity mentions out of a processed spaCy Doc."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.nlp.lexicon import LIST_JOINERS, NAMES, THING_HEADS, read_table
from kg.records import ENTITY_KIND, Dateline, Mention, Sentence

EVENT_WORDS = frozenset(NAMES["event_words"])
LANGUAGE_WORDS = frozenset(NAMES["language_words"])
LIST_SEPARATORS = LIST_JOINERS | {",", ";"}     # "A, B, dan C"
ORG_TAILS = dict(read_table("org_tails.tsv"))      # "Inc" → Company
CUED_AS = {cue: what for what, cues in NAMES["cued_as"].items() for cue in cues}    # cue word → "product" or a class
CUE = re.compile(r"(?<![\w-])(" + "|".join(f"[{cue[0].upper()}{cue[0]}]{re.escape(cue[1:])}"
                                         for cue in sorted(CUED_AS, key=len, reverse=True)) + r")(\s*,)?\s+")
PRODUCT = "product"


def token_spans(sdoc: Doc) -> list[tuple[int, int, int, int]]:
    """(begin, length, 1 if space, 1 if it starts a sentence) of every token, read in one call:
    Token objects are slow to make."""
    return [tuple(row) for row in sdoc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).tolist()]


def sentences_of(text: str, tokens: list[tuple[int, int, int, int]]) -> list[Sentence]:
    """Sentences of ``text`` trimmed of surrounding whitespace; blank ones dropped. ``tokens``: token_spans."""
    starts = [i for i, (_, _, _, start) in enumerate(tokens) if start == 1 or i == 0]
    out = []
    for first, after in zip(starts, starts[1:] + [len(tokens)]):
        begin, length = tokens[first][0], tokens[after - 1][0] + tokens[after - 1][1] - tokens[first][0]
        part = text[begin:begin + length]
        stripped = part.strip()
        if not stripped:
            continue
        begin += len(part) - len(part.lstrip())
        out.append(Sentence(begin, begin + len(stripped), stripped))
    return out


def mentions_of(sdoc: Doc, sentences: list[Sentence]) -> list[Mention]:
    starts = [s.begin for s in sentences]
    mentions, affiliations = [], []
    for ent, cls in typed_by_article(sdoc):
        index = bisect_right(starts, ent.start_char) - 1
        if index < 0 or ent.end_char > sentences[index].end:
            continue
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, cls, index,
                                role=ent._.role, rank=ent._.rank, source=ent._.source))
        affiliations.append(ent._.affiliation)
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    for mention, affiliation in zip(mentions, affiliations):
        if affiliation:
            mention.affiliation = at.get(tuple(affiliation))
    return mentions


def typed_by_article(sdoc: Doc) -> list[tuple[Span, str]]:
    """The entities with the class the whole article gives them, names of events left out.

    Why: the model types a name no cue stands by from its shape alone (a company, a club or a phone
    becomes a person or a place), and a person's name spreads over the article's every mention of its
    words. A cue anywhere in the article is better evidence than that, at every mention of the name:
    a cue word before it, also capitalised at a sentence's start (``cued_as``: "seri Moto Z" is a
    phone, so is "Lenovo Moto Z"; "Serial House of Cards" a series; "gawang Lazio" a team; "produk
    Lenovo" a maker; "diperankan oleh Brenton Thwaites" an actor, also where the model read an
    organisation), or an organisation the rules or the gazetteer read ("saham Apple" ... "Apple
    melihat"). A product's model or a series is no entity; neither is an event's name ("Web Summit",
    "Bali Blues Festival (BBF)"): the ontology has no class for them. Not "film X": the film of
    James Bond is no film named "James Bond"."""
    ents = list(sdoc.ents)
    events = _event_names(sdoc, ents)
    cued = _cued_names(sdoc, {e.text for e in ents})
    products = [name for name, what in cued.items() if what == PRODUCT]
    organisations = _organisation_names(ents)
    listed = _kind_of_list(sdoc, ents)
    out = []
    for ent in ents:
        if ent.text in events or _modifier(sdoc, ent):
            continue
        cls = ent.label_
        kind = ENTITY_KIND.get(cls)
        retypable = kind in ("Person", "Place") or cued.get(ent.text) == "Person"
        if _weak(ent) and retypable and ENTITY_KIND.get(gazetteer.load().entity_class(ent.text)) != kind:
            if any(ent.text == name or ent.text.endswith(" " + name) for name in products) or \
                    (kind == "Place" and ent.text.isupper() and ent._.source == "model"):
                continue        # a product, or a short form only the model reads as a place ("IP")
            cls = cued.get(ent.text) or organisations.get(ent.text) or listed.get(ent.start) or cls
        out.append((ent, cls))
    return out


def _weak(ent: Span) -> bool:
    """Typed by the model alone, or a one-word person only because a longer name of the article holds it."""
    return ent._.source == "model" or \
        (ent.label_ == "Person" and ent._.source == "rule" and len(ent) == 1 and not ent._.role and not ent._.rank)


def _organisation_names(ents: list[Span]) -> dict[str, str]:
    """Name → class of the organisations the rules or the gazetteer read, or that end in an
    organisation's word ("Acer Inc."); a company's name is the company without that word too ("Acer")."""
    out = {}
    for ent in ents:
        words = [t for t in ent if t.is_alpha]
        tail = ORG_TAILS.get(words[-1].lower_) if len(words) > 1 else None
        cls = ent.label_ if not _weak(ent) and ENTITY_KIND.get(ent.label_) == "Organization" else tail
        if cls:
            out.setdefault(ent.text, cls)
            if tail == "Company":       # not "Madura" of "Madura United"
                out.setdefault(ent.doc.text[ent.start_char:words[-1].idx].strip(), cls)
    return out


def _modifier(sdoc: Doc, ent: Span) -> bool:
    """A word that only says what a thing is for or in which language: "kartu pengungsi" (a refugee
    card), "bahasa Perancis" (French)."""
    before = sdoc[ent.start - 1].lower_ if ent.start else ""
    kind = ENTITY_KIND.get(ent.label_)
    return (kind == "Group" and before in THING_HEADS) or (kind == "Place" and before in LANGUAGE_WORDS)


def _kind_of_list(sdoc: Doc, ents: list[Span]) -> dict[int, str]:
    """Start → kind of the model's names listed ("A, B, dan C") with two or more other names, two in
    three of them persons or two in three organisations: a team's line-up, a film's cast ("Ferdiansyah,
    Ahmad Birrul, Samsul Arifin, Edy Gunawan"), clubs ("Southampton, Bolton Wanderers, Reading, dan
    Fulham"), where the model may read one name as a place. Not a short form in capitals."""
    lists, current = [], [ents[0]] if ents else []
    for a, b in zip(ents, ents[1:]):
        if 0 < b.start - a.end <= 2 and all(t.lower_ in LIST_SEPARATORS for t in sdoc[a.end:b.start]) \
                and not b[0].is_sent_start:
            current.append(b)
        else:
            lists.append(current)
            current = [b]
    lists.append(current)
    out = {}
    for members in lists:
        for ent in members:
            if ent._.source != "model" or ent.text.isupper():
                continue
            for kind in ("Person", "Organization"):
                alike = sum(ENTITY_KIND.get(e.label_) == kind for e in members if e is not ent)
                if alike >= 2 and 3 * alike >= 2 * (len(members) - 1):
                    out[ent.start] = kind
    return out


def _event_names(sdoc: Doc, ents: list[Span]) -> set[str]:
    """Names of events: an event word is in the name or, capitalised, right before or after it ("MTV
    Latin" of "MTV Latin Awards", "FA" of "Piala FA"); with their short forms ("Bali Blues Festival (BBF)")."""
    def event_word(i: int) -> bool:
        return 0 <= i < len(sdoc) and sdoc[i].text[:1].isupper() and sdoc[i].lower_ in EVENT_WORDS

    def event(ent: Span) -> bool:
        return any(t.lower_ in EVENT_WORDS for t in ent) or event_word(ent.start - 1) or event_word(ent.end)
    at = {(e.start_char, e.end_char): e for e in ents}
    names = {e.text for e in ents if e._.source != "gazetteer" and event(e)}
    return names | {at[tuple(short)].text for long, short in (sdoc._.aliases or [])
                    if tuple(long) in at and at[tuple(long)].text in names and tuple(short) in at}


def _cued_names(sdoc: Doc, names: set[str]) -> dict[str, str]:
    """Name → what the lower-case cue word written right before it somewhere in the article says it
    is ("klubnya, Barito Putera" too). The whole name: "klub Madura United" says nothing of "Madura"."""
    text, out = sdoc.text, {}
    for match in CUE.finditer(text):
        pos = match.end()
        for name in names:
            rest = text[pos + len(name):pos + len(name) + 2]
            if text.startswith(name, pos) and not rest[:1].isalnum() and not (rest[:1] == " " and rest[1:].isupper()):
                out.setdefault(name, CUED_AS[match.group(1).lower()])
    return out


def dateline_of(sdoc: Doc) -> Dateline | None:
    """Where and by whom the report was filed, from its dateline ("Jakarta, CNN Indonesia --")."""
    return Dateline(*sdoc._.dateline) if sdoc._.dateline else None


def aliases_of(sdoc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Mention pairs (long name, acronym) from acronym definitions."""
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    return [(at[tuple(a)], at[tuple(b)]) for a, b in (sdoc._.aliases or [])
            if tuple(a) in at and tuple(b) in at]
