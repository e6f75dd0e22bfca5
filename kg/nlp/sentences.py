"""Sentences: the pipeline's first component, and the token texts every rule reads.

News sentences end inside quotes, after initials and at line breaks that continue a
sentence; spaCy's own splitter knows none of that.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.lexicon import (
    ABBREVIATIONS, CLOSE_QUOTES, CLOSING, INITIAL, OPENING, OPEN_QUOTES, SENTENCE_END, TEXTS)


@Language.component("crisis_sentences")
def crisis_sentences(doc: Doc) -> Doc:
    """Split at line breaks and sentence-final punctuation, not inside quotes.

    A line that ends inside an open sentence (a comma, or a quote closed with
    a comma) continues on the next line: “…,” / ujar X. Whitespace tokens
    never start a sentence. Works on plain lists: it runs on every token.
    """
    texts = token_texts(doc)
    breaks = ["\n" in text for text in texts]      # a token's trailing whitespace is one space at most
    words = [i for i, text in enumerate(texts) if text.strip()]
    starts = numpy.full((len(texts), 1), -1, dtype="int32").astype("uint64")
    if len(texts):
        starts[0, 0] = 1
    in_quote = False
    for k in range(len(words) - 1):
        i, j = words[k], words[k + 1]
        text = texts[i]
        if text in OPEN_QUOTES:
            in_quote = True
        elif text in CLOSE_QUOTES or (text == '"' and in_quote):
            in_quote = False
        elif text == '"':
            in_quote = True
        if any(breaks[i:j]):
            in_quote = False
            if not _continues(texts, i, texts[j]):
                starts[j, 0] = 1
        elif not in_quote and j == i + 1 and (
                SENTENCE_END.search(text) or
                (text in CLOSING and i > 0 and SENTENCE_END.search(texts[i - 1]))) and \
                _starts_sentence(texts[j]) and not _abbreviation(texts, i):
            starts[j, 0] = 1
    doc.from_array([SENT_START], starts)
    return doc


def _abbreviation(texts: list[str], i: int) -> bool:
    """Token ``i`` is initials ("O.J.") or an abbreviation before a name ("St.", "Dr." with its stop
    written apart or not): its full stop ends no sentence."""
    text = texts[i]
    if INITIAL.fullmatch(text):
        return True
    word = (texts[i - 1] if i > 0 else "") if text == "." else text[:-1] if text.endswith(".") else ""
    return word.lower() in ABBREVIATIONS


def _continues(texts: list[str], i: int, next_word: str) -> bool:
    """A line break inside a sentence: the line ends with a comma or the next starts in lower case."""
    while i > 0 and (texts[i] in CLOSING or not texts[i].strip()):
        i -= 1
    return texts[i] == "," or next_word[:1].islower()


def _starts_sentence(text: str) -> bool:
    return opens_name(text) or text[:1] in OPENING


def opens_name(text: str) -> bool:
    """A capital or a digit: how a name (and most sentences) opens."""
    return text[:1].isupper() or text[:1].isdigit()


def token_texts(doc: Doc) -> list[str]:
    """The tokens' texts, read once a doc and kept until the entity rules are done."""
    if TEXTS not in doc.user_data:
        doc.user_data[TEXTS] = [t.text for t in doc]
    return doc.user_data[TEXTS]
