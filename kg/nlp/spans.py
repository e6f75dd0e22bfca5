"""Candidate readings of names and the small rules on token runs they are made and chosen by.

Each rule of the entity component proposes ``Candidate`` spans; ``select`` settles the
overlaps (titled names first, then longest, then priority).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.nlp.lexicon import (
    DASHES, DEGREES, HEADLINE, HEADLINE_MIN_WORDS, HEADLINE_SHARE, NAME_PARTICLES, PRODUCT_WORDS, SCORE,
    SENTENCE_END, TITLED)
from kg.nlp.sentences import opens_name, token_texts


class Candidate:
    __slots__ = ("start", "end", "label", "priority", "role", "rank", "affiliation", "source")

    def __init__(self, start, end, label, priority, role=None, affiliation=None, source="rule", rank=None):
        self.start, self.end, self.label, self.priority = start, end, label, priority
        self.role, self.rank, self.affiliation, self.source = role, rank, affiliation, source


def phrase_matcher(nlp: Language, phrases) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("P", [nlp.make_doc(p) for p in phrases])
    return matcher


def lower_words(tokens) -> tuple[str, ...]:
    """The lower-case words of a Doc or Span: how a phrase matched in any case is looked up."""
    return tuple(t.lower_ for t in tokens)


def longest(matches):
    """The leftmost-longest matches that do not overlap ("Wakil Presiden | Direktur", not "Presiden Direktur")."""
    matches = sorted(matches, key=lambda m: (m[1], -m[2]))
    out, last_end = [], -1
    for m in matches:
        if m[1] >= last_end:
            out.append(m)
            last_end = m[2]
    return out


def headline_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of Title-Case lines (headlines), where a capital letter says nothing about names."""
    texts = token_texts(doc)
    out = set()
    for sent in doc.sents:
        if SENTENCE_END.search(sent.text.strip()):
            continue          # headlines have no full stop
        words = [text for text in texts[sent.start:sent.end] if text.isalpha() and len(text) > 3]
        if len(words) >= HEADLINE_MIN_WORDS and \
                sum(text[0].isupper() for text in words) >= HEADLINE_SHARE * len(words):
            out.update(range(sent.start, sent.end))
    return frozenset(out)


def capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.i not in tok.doc.user_data.get(HEADLINE, ())


def capitalised_run_end(doc: Doc, pos: int, taken: dict) -> int:
    """End of a run of 1-5 capitalised tokens (hyphens and particles allowed inside; a hyphen
    between spaces where the model reads one person across it: "Jean - Jacques Dozy")."""
    end = pos
    while end < len(doc) and end - pos < 6 and end not in taken:
        tok = doc[end]
        if capitalised(tok):
            end += 1
        elif tok.text == "-" and end + 1 < len(doc) and doc[end + 1].is_alpha and end > pos and \
                (not tok.whitespace_ and not doc[end - 1].whitespace_ or _model_person_across(doc, end)):
            end += 2
        elif tok.text.lower() in NAME_PARTICLES and end > pos and end + 1 < len(doc) and capitalised(doc[end + 1]):
            end += 1
        else:
            break
    return end


def head_word_class(span: Span, heads: dict[str, str]) -> str | None:
    """The class its first one or two words make a name ("Kementerian ..." → GovernmentBody), if any."""
    words = span.text.lower().split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in heads:
            return heads[" ".join(words[:n])]
    return None


def outside(candidates: list[Candidate], datelines: list[tuple]) -> list[Candidate]:
    """The readings that lie outside the datelines: a dateline holds no entity."""
    return [c for c in candidates if not any(s < c.end and c.start < e for s, e, _ in datelines)]


def score_at(texts: list[str], i: int) -> int:
    """How many tokens the score at token ``i`` takes ("2-1", "87 - 90"); 0 if none starts there."""
    if not texts[i][:1].isdecimal():      # what \d matches: most tokens are no score, and a regex costs more
        return 0
    if SCORE.fullmatch(texts[i]):
        return 1
    return 3 if i + 2 < len(texts) and texts[i + 1] in DASHES and SCORE.fullmatch(f"{texts[i]}-{texts[i + 2]}") else 0


def spelt_in_lower_case(doc: Doc, bracket: int, acronym: str) -> bool:
    """The lower-case words before ``bracket`` begin with the acronym's letters, in order
    ("pemutusan hubungan kerja (PHK)"): the acronym is a common noun's."""
    words = [t.text for t in doc[max(0, bracket - len(acronym)):bracket]]
    return len(words) == len(acronym) and all(w[:1].islower() for w in words) and \
        "".join(w[0] for w in words) == acronym.lower()


def cut_from_start(short: str, full: list[str]) -> bool:
    """Is ``short`` the initials of the capitalised words of ``full`` ("OSO" Oesman Sapta Odang, "HTI"),
    or, not in capitals, a name of three letters or more that opens as the full name does and is
    none of its words ("Setnov" Setya Novanto, "Kemenkes" Kementerian Kesehatan)?"""
    words = [w for w in full if w[:1].isupper()]
    if short.isupper():
        return len(short) >= 2 and short == "".join(w[0] for w in words)
    return len(words) >= 2 and len(short) >= 3 and short[:1].isupper() and \
        short[:2].lower() == words[0][:2].lower() and short not in words


def phrase_ending(texts: list[str], end: int, phrases: list[tuple[str, ...]]) -> int | None:
    """Where one of ``phrases`` (lower case) ends at token ``end`` starts, if one does."""
    return next((end - len(p) for p in phrases if tuple(t.lower() for t in texts[max(0, end - len(p)):end]) == p), None)


def product(span: Span) -> bool:
    """A product's or model's name, not a person's: it holds a number or ends in a product word
    ("Predator 21X", "Mitsubishi Fuso R Series"). A single letter may end a person's name ("Iwa K")."""
    return any(ch.isdigit() for ch in span.text) or span[-1].lower_ in PRODUCT_WORDS


def without_degrees(doc: Doc, c: Candidate) -> Candidate:
    """A person's name without the academic degrees written after it ("Johanes Panghutan Siboro SH")."""
    while c.label == "Person" and c.end - c.start > 1 and doc[c.end - 1].text.lower() in DEGREES:
        c.end -= 1
    return c


def after_short_form(doc: Doc, pos: int) -> int:
    """After a short form in brackets that follows an office or its unit ("Kepala Bagian Penerangan
    Umum (Kabag Penum) Polri", "Asosiasi Pengusaha Ritel Indonesia (Aprindo)"): ``pos`` otherwise."""
    close = next((i for i in range(pos + 1, min(len(doc), pos + 4)) if doc[i].text == ")"), None)
    if pos < len(doc) and doc[pos].text == "(" and close and all(opens_name(t.text) for t in doc[pos + 1:close]):
        return close + 1
    return pos


def model_person_starts(doc: Doc, taken: dict | None = None) -> set[int]:
    """Where the model's persons start; with ``taken``, only those that overlap no reading of the
    rules ("Kepala Pelaksana BPBD Garut": the model's "Pelaksana BPBD" is no person)."""
    return {s for s, e, label in doc.user_data.get("model_ents", ())
            if label == "PER" and not (taken and any(i in taken for i in range(s, e)))}


def _model_person_across(doc: Doc, i: int) -> bool:
    """The model reads one person over the tokens either side of token ``i``."""
    return any(s < i < e - 1 and label == "PER" for s, e, label in doc.user_data.get("model_ents", ()))


def model_says(doc: Doc, start: int, end: int, label: str, default: bool) -> bool:
    """Whether the statistical model put a ``label`` entity on tokens start..end; ``default``
    when the model is not in the pipeline."""
    if "model_ents" not in doc.user_data:
        return default
    return any(s < end and start < e and lab == label for s, e, lab in doc.user_data["model_ents"])


def untiled(candidates: list[Candidate]) -> list[Candidate]:
    """Without the model's spans that two or more readings tile exactly, one of them the rules':
    "Kementerian Dalam Negeri" + "Josue Boji" beat the model's one organisation, "Amerika Serikat"
    + "Steven Seagal" its one place (the gazetteer's names alone do not: "California Texas" is a
    company)."""
    by_start: dict[int, set[tuple[int, bool]]] = {}
    for c in candidates:
        if c.source != "model":
            by_start.setdefault(c.start, set()).add((c.end, c.source == "rule"))

    def tiled(start: int, end: int, pieces: int, rule: bool) -> bool:
        return any(e == end and pieces >= 1 and (rule or by_rule) or
                   e < end and tiled(e, end, pieces + 1, rule or by_rule) for e, by_rule in by_start.get(start, ()))
    return [c for c in candidates if c.source != "model" or not tiled(c.start, c.end, 0, False)]


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Names read after a title first (the model tends to swallow titles and countries into
    a name: "Peru Dina Boluarte"), then longest first, then higher priority; no overlaps."""
    used: set[int] = set()
    out = []
    for c in sorted(candidates, key=lambda c: (c.priority < TITLED, -(c.end - c.start), -c.priority, c.start)):
        tokens = set(range(c.start, c.end))
        if tokens & used:
            continue
        used |= tokens
        out.append(c)
    return sorted(out, key=lambda c: c.start)
