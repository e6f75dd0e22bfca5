"""Sentences and entity mentions out of a processed spaCy Doc."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from kg.records import Mention, Sentence


def sentences_of(sdoc: Doc) -> list[Sentence]:
    """Sentences trimmed of surrounding whitespace; blank ones dropped."""
    out = []
    for sent in sdoc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        begin = sent.start_char + (len(text) - len(text.lstrip()))
        out.append(Sentence(begin, begin + len(stripped), stripped))
    return out


def mentions_of(sdoc: Doc, sentences: list[Sentence]) -> list[Mention]:
    starts = [s.begin for s in sentences]
    mentions, affiliations = [], []
    for ent in sdoc.ents:
        index = bisect_right(starts, ent.start_char) - 1
        if index < 0 or ent.end_char > sentences[index].end:
            continue
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, index,
                                role=ent._.role, source=ent._.source))
        affiliations.append(ent._.affiliation)
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    for mention, affiliation in zip(mentions, affiliations):
        if affiliation:
            mention.affiliation = at.get(tuple(affiliation))
    return mentions


def aliases_of(sdoc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Mention pairs (long name, acronym) from acronym definitions."""
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    return [(at[tuple(a)], at[tuple(b)]) for a, b in (sdoc._.aliases or [])
            if tuple(a) in at and tuple(b) in at]
