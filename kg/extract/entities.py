"""Sentences and entity mentions out of a processed spaCy Doc."""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from kg.records import Dateline, Mention, Sentence


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
    for ent in sdoc.ents:
        index = bisect_right(starts, ent.start_char) - 1
        if index < 0 or ent.end_char > sentences[index].end:
            continue
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, index,
                                role=ent._.role, rank=ent._.rank, source=ent._.source))
        affiliations.append(ent._.affiliation)
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    for mention, affiliation in zip(mentions, affiliations):
        if affiliation:
            mention.affiliation = at.get(tuple(affiliation))
    return mentions


def dateline_of(sdoc: Doc) -> Dateline | None:
    """Where and by whom the report was filed, from its dateline ("Jakarta, CNN Indonesia --")."""
    return Dateline(*sdoc._.dateline) if sdoc._.dateline else None


def aliases_of(sdoc: Doc, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Mention pairs (long name, acronym) from acronym definitions."""
    at = {(m.begin, m.end): i for i, m in enumerate(mentions)}
    return [(at[tuple(a)], at[tuple(b)]) for a, b in (sdoc._.aliases or [])
            if tuple(a) in at and tuple(b) in at]
