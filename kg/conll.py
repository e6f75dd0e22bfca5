"""Read CoNLL-style NER gold and turn it into raw text with character spans.

Why: the evaluation (and the model's training data) must see the text our
pipeline sees, so each tokenised gold sentence is detokenised into plain text
and every gold span gets exact character offsets into that text.

Two layouts are read, line by line: ``TOKEN UPOS TAG`` (idner-news-2k,
space separated, CRLF) and ``TOKEN<TAB>TAG`` (NERGrit). Blank lines separate
sentences; the token is the first column and the BIO tag the last.

Convention differences between the corpora are normalised on the gold spans
(see ``_tidy``): punctuation that wraps or trails a span is left out
(``(Jokowi)`` → ``Jokowi``, ``Indonesia?`` → ``Indonesia``), and a name with
its acronym in brackets, which idner-news-2k tags as one span, is split in
two spans of the same kind as NERGrit does (``Partai Amanat Nasional (PAN)``
→ ``Partai Amanat Nasional`` + ``PAN``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Gold entity types of both corpora → the ontology's top-level kinds.
KIND_OF_TAG = {
    "PER": "Person", "PERSON": "Person",
    "ORG": "Organization", "ORGANISATION": "Organization", "ORGANIZATION": "Organization",
    "LOC": "Place", "PLACE": "Place",
}
KINDS = ("Person", "Organization", "Place")
# Labels of the statistical NER model (spaCy's usual short names).
MODEL_LABEL = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}

# File of each split in each corpus folder of ../shared/data.
SPLITS = {
    "idner-news-2k": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
    "nergrit": {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt",
                "test": "test_preprocess.txt"},
}

_NO_SPACE_BEFORE = set(",.)];:!?%")
_NO_SPACE_AFTER = set("([")
_QUOTES = {'"', "'", "`", "``", "''"}
_OPENER = {"(": ")", "[": "]", '"': '"', "'": "'", "`": "`"}
_CLOSER = {v: k for k, v in _OPENER.items()}
_TRAILING = set(",;:!?")

Span = tuple[int, int, str]          # (begin, end, kind): character offsets


@dataclass
class TaggedSentence:
    """One gold sentence as the corpus gives it; tags are BIO over kinds (``B-Person``)."""
    tokens: list[str]
    tags: list[str]


@dataclass
class GoldSentence:
    """A detokenised gold sentence: ``text`` and its spans as character offsets."""
    text: str
    spans: list[Span]


def read_conll(path: str | Path) -> list[TaggedSentence]:
    """Sentences of a CoNLL file; tags mapped to our kinds. Raises ValueError on a bad line."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as lines:   # universal newlines: CRLF is fine
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append(TaggedSentence(tokens, tags))
                    tokens, tags = [], []
                continue
            columns = line.split("\t") if "\t" in line else line.split()
            if len(columns) < 2:
                raise ValueError(f"{path}:{number}: expected a token and a tag, got {line!r}")
            tokens.append(columns[0])
            tags.append(_kind_tag(columns[-1], path, number))
    if tokens:
        sentences.append(TaggedSentence(tokens, tags))
    return sentences


def _kind_tag(tag: str, path: str | Path, number: int) -> str:
    if tag == "O":
        return tag
    prefix, _, name = tag.partition("-")
    kind = KIND_OF_TAG.get(name.upper())
    if prefix not in ("B", "I") or kind is None:
        raise ValueError(f"{path}:{number}: unknown NER tag {tag!r}")
    return f"{prefix}-{kind}"


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens as a writer would; returns the text and each token's (begin, end)."""
    text: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    glue_next = True                 # no space before the first token
    open_quotes: set[str] = set()
    for i, token in enumerate(tokens):
        glue = glue_next or set(token) <= _NO_SPACE_BEFORE
        glue_next = set(token) <= _NO_SPACE_AFTER
        if token in _QUOTES:         # alternate: opening quote hugs the next token, closing the previous
            if token in open_quotes:
                open_quotes.discard(token)
                glue = True
            else:
                open_quotes.add(token)
                glue_next = True
        elif 0 < i < len(tokens) - 1 and _joins(tokens[i - 1], token, tokens[i + 1]):
            glue = glue_next = True  # "2 . 000" → "2.000", "sumber - sumber" → "sumber-sumber"
        if not glue:
            text.append(" ")
            position += 1
        text.append(token)
        offsets.append((position, position + len(token)))
        position += len(token)
    return "".join(text), offsets


def _joins(before: str, token: str, after: str) -> bool:
    """A separator that tokenisation cut out of one word: digit groups, reduplication."""
    if token == ".":
        return before.isdigit() and after.isdigit()
    return token == "-" and before.isalpha() and before.lower() == after.lower()


def token_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags → (first token, end token, kind); a stray I- starts a span as conlleval does."""
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and (prefix != "I" or name != kind):
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, name
    return spans


def gold_sentence(sentence: TaggedSentence) -> GoldSentence:
    """Detokenise a tagged sentence and give its normalised gold spans in characters."""
    text, offsets = detokenise(sentence.tokens)
    spans: list[Span] = []
    for first, end, kind in token_spans(sentence.tags):
        spans.extend(_tidy(text, offsets[first][0], offsets[end - 1][1], kind))
    return GoldSentence(text, spans)


def read_gold(path: str | Path) -> list[GoldSentence]:
    return [gold_sentence(s) for s in read_conll(path)]


def _tidy(text: str, begin: int, end: int, kind: str) -> list[Span]:
    """Drop wrapping or unpaired edge punctuation; split ``Name (ACR)`` into two spans."""
    while begin < end:
        first, last = text[begin], text[end - 1]
        inner = text[begin + 1:end - 1]
        if first in _OPENER and end - begin > 1 and last == _OPENER[first] and _OPENER[first] not in inner:
            begin, end = begin + 1, end - 1                  # "(Jokowi)", '"Harry"'
        elif first in _OPENER and _OPENER[first] not in text[begin + 1:end]:
            begin += 1                                       # "(PKS" without its ")"
        elif last in _TRAILING or (last in _CLOSER and _CLOSER[last] not in text[begin:end - 1]):
            end -= 1                                         # "Indonesia?", "Demokrat)"
        elif text[begin].isspace():
            begin += 1
        elif text[end - 1].isspace():
            end -= 1
        else:
            break
    if begin >= end:
        return []
    if text[end - 1] == ")":
        opening = text.rfind("(", begin, end)
        if opening > begin and text[opening + 1:end - 1].strip():
            head = _tidy(text, begin, opening, kind)
            if head:
                return head + _tidy(text, opening + 1, end - 1, kind)
    return [(begin, end, kind)]
