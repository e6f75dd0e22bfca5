"""One sentence as the rules read it: tokens with their affix readings and mentions, clauses.

Why: every rule (triggers, roles, figures, statements, dates) asks the same
questions of a sentence: which mention a token belongs to, where its clause
begins and ends, whether a phrase starts here. They are answered once, here.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kg.extract import arguments
from kg.extract.morphology import Phrases, Spec, word_analysis
from kg.lang import language
from kg.records import ENTITY_KIND, ExtractedDocument, Mention
from kg.syntax import Parse

DATA = language().json("triggers.json")
WORDS = language().json("function_words.json")
PUNCT_BREAKS = {";", ":", "–", "—"}          # not parentheses: "Kamis (6/1/2022)", "(CSTO)"
BREAKS = set(DATA["clause_breaks"])
SAME_TIME = set(WORDS["same_time"])
PLACE_NOUNS = set(DATA["place_nouns"])


@dataclass(slots=True)
class Tok:
    """A token with its affix readings and the mention it is part of."""
    i: int                 # index within the sentence
    text: str
    low: str
    begin: int
    end: int
    forms: frozenset
    mention: int | None    # index of the mention the token is part of
    keys: frozenset = frozenset()


class Sent:
    """Tokens, mentions and clauses of one sentence; its parse when it holds a trigger. (Datelines hold
    no mentions: kg.nlp reads them as the document's metadata.)"""

    def __init__(self, ext: ExtractedDocument, index: int, tokens: list[tuple[int, str]], mentions: list[int]):
        """``tokens``: (character offset, text) of the sentence's tokens; ``mentions``: its mention indexes."""
        self.ext, self.index = ext, index
        self.s = ext.sentences[index]
        self.mentions = mentions
        begins = [begin for begin, _ in tokens]
        mention_at = {}
        for mi in mentions:
            m = ext.mentions[mi]
            for k in range(bisect_left(begins, m.begin), bisect_left(begins, m.end)):
                if begins[k] + len(tokens[k][1]) <= m.end:
                    mention_at[k] = mi
        self.toks = []
        for k, (begin, text) in enumerate(tokens):   # the affix analyser, not the lookup lemma: the affix carries the voice
            low, forms, keys = word_analysis(text)
            self.toks.append(Tok(k, text, low, begin, begin + len(text), forms, mention_at.get(k), keys))
        self.first_tok = {}   # mention → first token index
        self.last_tok = {}
        for tok in self.toks:
            if tok.mention is not None:
                self.first_tok.setdefault(tok.mention, tok.i)
                self.last_tok[tok.mention] = tok.i
        self.in_quote = self._quoted()
        self.parse: Parse | None = None      # set when the sentence holds a trigger and a parser is installed
        self.previous: Sent | None = None    # the document's sentence before, as the rules read it
        self._dependents: dict[tuple[int, int], arguments.Roles] = {}

    def dependents(self, start: int, end: int) -> arguments.Roles | None:
        """What the parse hangs under the words [start, end) (a trigger); read once, as roles and places both ask."""
        if self.parse is None:
            return None
        if (start, end) not in self._dependents:
            head = arguments.head_of_span(self.parse, start, end)
            self._dependents[(start, end)] = arguments.roles(self.parse, head)
        return self._dependents[(start, end)]

    def _quoted(self) -> list[bool]:
        inside, out = False, []
        for tok in self.toks:
            if tok.text in ("“",) or (tok.text == '"' and not inside):
                inside = True
                out.append(True)
                continue
            if tok.text in ("”",) or (tok.text == '"' and inside):
                inside = False
            out.append(inside)
        return out

    def mention(self, mi: int) -> Mention:
        return self.ext.mentions[mi]

    def kind(self, mi: int) -> str:
        return ENTITY_KIND.get(self.mention(mi).cls, "Organization")

    def tok_at_char(self, pos: int) -> int:
        for tok in self.toks:
            if tok.end > pos:
                return tok.i
        return len(self.toks) - 1

    def is_break(self, i: int) -> bool:
        tok = self.toks[i]
        return tok.low in BREAKS or tok.text in PUNCT_BREAKS

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around token i: between clause words, semicolons and commas."""
        lo = i
        while lo > 0 and not (self.is_break(lo - 1) or self.toks[lo - 1].text == ","):
            lo -= 1
        hi = i
        while hi + 1 < len(self.toks) and not (self.is_break(hi + 1) or self.toks[hi + 1].text == ","):
            hi += 1
        return lo, hi + 1

    def phrase_at(self, i: int, specs: list[Spec]) -> bool:
        return i + len(specs) <= len(self.toks) and all(s.matches(self.toks[i + k]) for k, s in enumerate(specs))

    def any_phrase_at(self, i: int, phrases: "Phrases") -> int:
        """Length of the longest phrase starting at token i, 0 if none."""
        if i >= len(self.toks):
            return 0
        best = 0
        for n in phrases.starting_at(self.toks[i]):
            phrase = phrases.phrases[n]
            if len(phrase) > best and self.phrase_at(i, phrase):
                best = len(phrase)
        return best

    def linked(self, a: int, b: int) -> bool:
        """No clause word between tokens a and b ("ketika", "saat" and "dan" keep the same time)."""
        lo, hi = min(a, b), max(a, b)
        return not any(self.toks[k].low in BREAKS - SAME_TIME or self.toks[k].text in PUNCT_BREAKS
                       for k in range(lo + 1, hi))

    def span_text(self, start: int, end: int) -> str:
        """The sentence's text from token ``start`` to token ``end`` (exclusive)."""
        return self.s.text[self.toks[start].begin - self.s.begin:self.toks[end - 1].end - self.s.begin]

    def preceded_by(self, mi: int, words: set[str]) -> bool:
        """The word before the mention (skipping place nouns such as 'kota', 'ibu kota') is one of ``words``;
        words of another name are not ("Kementerian Dalam Negeri" + "Josue Boji": no "dalam" there)."""
        j = self.first_tok[mi] - 1
        while j >= 0 and self.toks[j].low in PLACE_NOUNS and self.toks[j].mention is None:
            j -= 1
        return j >= 0 and self.toks[j].mention is None and self.toks[j].low in words
