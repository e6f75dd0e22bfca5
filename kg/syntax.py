"""Dependency parses of Indonesian sentences, for reading event arguments.

Why: "who did what to whom, how many, where" is a matter of syntax — the
subject and object of a trigger verb, the "oleh" agent of a passive, the
numeral that counts a noun, the "di" phrase that places the event. The
parser is the project's own (``python -m kg.train_parser``, shipped in
``kg/lang/id/parser-model``), trained on the Universal Dependencies treebanks;
it is slow next to the tokenizer, so callers parse only the sentences they
need, already tokenised, in batches.

Conventions (those of the UD Indonesian treebanks): the preposition hangs
under its noun (``di`` → case → ``Lima``) and the noun under the verb
(``Lima`` → obl → ``menangkap``) or, as often, under a noun before it
(nmod); the passive agent is the noun with an ``oleh`` case child, labelled
``obl:agent`` or ``obl`` (GSD never uses obl:agent); a numeral is ``nummod``
of the noun it counts; a second coordinated verb is ``conj`` of the first.
Multiword tokens stay whole ("ditangkapnya" is one word).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.lang import language

WORDS_ONLY = "kg.words_only_tokenizer.v1"
DEFAULT_MODEL = language().file("parser-model")


@dataclass
class Parse:
    """One sentence's parse, aligned with the words given."""
    words: list[str]
    heads: list[int]   # index of the head within the sentence; the root points to itself
    deps: list[str]    # UD relation, lower case ("nsubj", "obj", "nummod", "obl", "root", ...)
    pos: list[str]     # UPOS

    def children(self, i: int, *deps: str) -> list[int]:
        """Dependents of word ``i`` (all, or those whose relation is one of ``deps``), in order."""
        return [j for j, h in enumerate(self.heads) if h == i and j != i and (not deps or self.deps[j] in deps)]


class Parser:
    """A loaded tagger + parser; ``parse`` takes tokenised sentences."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.vocab = nlp.vocab

    def parse(self, sentences: list[list[str]], batch_size: int = 64) -> list[Parse]:
        """Parse each list of words as ONE sentence (one tree), in a batch.

        Words are taken as given (no re-tokenisation), so indexes line up with
        the caller's tokens. Whitespace-only words are allowed (they attach to
        a neighbour); empty strings are not.
        """
        from spacy.tokens import Doc

        docs, results = [], []
        for words in sentences:
            words = list(words)
            if any(not isinstance(w, str) or not w for w in words):
                raise ValueError("a word must be a non-empty string")
            if words:
                # one sentence per list: the parser may not start a new one inside it
                docs.append(Doc(self.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1)))
        parsed = iter(self.nlp.pipe(docs, batch_size=batch_size))
        for words in sentences:
            if not words:
                results.append(Parse([], [], [], []))
                continue
            doc = next(parsed)
            results.append(Parse(
                words=[t.text for t in doc],
                heads=[t.head.i for t in doc],
                deps=[t.dep_.lower() for t in doc],
                pos=[t.tag_ for t in doc]))
        return results


def load_parser(path: str | Path | None = None) -> Parser:
    """The shipped parser (or ``path``, or $KG_PARSER_MODEL), loaded once per path.

    Raises FileNotFoundError, with the command that makes the model, if it is missing.
    """
    chosen = Path(path or os.environ.get("KG_PARSER_MODEL") or DEFAULT_MODEL).resolve()
    return _load(chosen)


def _words_only_tokenizer():
    """A tokenizer with no rules, for a pipeline that is only given Docs built from words."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


@lru_cache(maxsize=4)
def _load(path: Path) -> Parser:
    import spacy

    if WORDS_ONLY not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(WORDS_ONLY, func=_words_only_tokenizer)
    if not (path / "meta.json").is_file():
        raise FileNotFoundError(
            f"no parser model in {path}: train it with `make parser` or set KG_PARSER_MODEL")
    # The tokenizer is never used (Docs are built from words): neither build the language's
    # (16,000 exceptions, 3 s a process) nor read the saved one.
    nlp = spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": WORDS_ONLY}}})
    missing = {"tagger", "parser"} - set(nlp.pipe_names)
    if missing:
        raise FileNotFoundError(f"{path} is not a parser model (no {', '.join(sorted(missing))})")
    return Parser(nlp)
