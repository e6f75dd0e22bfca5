"""The spaCy pipeline for Indonesian news: tokens, sentences, entities.

Built on ``spacy.blank("id")``: a sentence splitter that knows quotes and
headlines, the project's trained NER model when it is installed, and rule
components whose patterns live in the language folder (``kg/lang/id/``). Entities end up in
``doc.ents`` with our ontology's class names as labels; a person's title is
kept apart from the name, in ``span._.role``.
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.lang import language
from kg.records import ENTITY_KIND

LANG = language()
MODEL_DIR = Path(os.environ.get("KG_NER_MODEL") or LANG.file("ner-model"))   # KG_NER_MODEL: use another model
MODEL_LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}

Span.set_extension("role", default=None, force=True)
Span.set_extension("affiliation", default=None, force=True)   # (start_char, end_char)
Span.set_extension("source", default="rule", force=True)
Doc.set_extension("aliases", default=None, force=True)        # [((b, e), (b, e)), ...]

INITIAL = re.compile(r"[A-Z]\.")       # "Stephen R. Covey": an initial does not end a sentence
SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*$")
OPEN_QUOTES = {"“", "‘"}
CLOSE_QUOTES = {"”", "’"}
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,9}$")
NAMES = LANG.json("names.json")
NAME_PARTICLES = set(NAMES["name_particles"])
HEADLINE = "kg_headline_tokens"
NAME_CONTEXT = 3    # tokens the model sees either side of a word that may be in a name: one more than its CNN's reach
TEXTS = "kg_token_texts"     # the tokens' texts, read once: spaCy makes a new Token object at every doc[i]
PIPE_BATCH = 32     # articles a batch: at spaCy's default of 1000 the model runs ~45 % slower (cache misses)
ARTICLES = set(NAMES["articles"])
TITLED = 6          # priority of a name read after a title, the highest
HEADLINE_MIN_WORDS, HEADLINE_SHARE = 5, 0.8
CANNOT_END_NAME = set(NAMES["cannot_end_name"]) | {"-"}
DIRECTIONS = set(NAMES["directions"])
LONG_NAME_WORDS = set(NAMES["long_name_words"]) | {"-"}    # inside a long name before "(ACRONYM)"


def read_list(name: str) -> list[str]:
    """A word list of the language folder, one entry a line."""
    return LANG.lines(name)


def read_table(name: str) -> list[list[str]]:
    """A tab-separated table of the language folder."""
    return LANG.table(name)


# --- sentences -------------------------------------------------------------

@Language.component("crisis_sentences")
def crisis_sentences(doc: Doc) -> Doc:
    """Split at line breaks and sentence-final punctuation, not inside quotes.

    A line that ends inside an open sentence (a comma, or a quote closed with
    a comma) continues on the next line: “…,” / ujar X. Whitespace tokens
    never start a sentence. Works on plain lists: it runs on every token.
    """
    texts = token_texts(doc)
    breaks = ["\n" in t.text_with_ws for t in doc]
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
        elif not in_quote and j == i + 1 and _starts_sentence(texts[j]) and not INITIAL.fullmatch(text) and (
                SENTENCE_END.search(text) or
                (text in CLOSE_QUOTES | {'"'} and i > 0 and SENTENCE_END.search(texts[i - 1]))):
            starts[j, 0] = 1
    doc.from_array([SENT_START], starts)
    return doc


def _continues(texts: list[str], i: int, next_word: str) -> bool:
    """A line break inside a sentence: the line ends with a comma or the next starts in lower case."""
    while i > 0 and (texts[i] in CLOSE_QUOTES | {'"'} or not texts[i].strip()):
        i -= 1
    return texts[i] == "," or next_word[:1].islower()


def _starts_sentence(text: str) -> bool:
    return opens_name(text) or text[:1] in OPEN_QUOTES | {'"', "("}


def opens_name(text: str) -> bool:
    """A capital or a digit: how a name (and most sentences) opens."""
    return text[:1].isupper() or text[:1].isdigit()


def token_texts(doc: Doc) -> list[str]:
    """The tokens' texts, read once a doc and kept until the entity rules are done."""
    if TEXTS not in doc.user_data:
        doc.user_data[TEXTS] = [t.text for t in doc]
    return doc.user_data[TEXTS]


# --- entities --------------------------------------------------------------

class Candidate:
    __slots__ = ("start", "end", "label", "priority", "role", "affiliation", "source")

    def __init__(self, start, end, label, priority, role=None, affiliation=None, source="rule"):
        self.start, self.end, self.label, self.priority = start, end, label, priority
        self.role, self.affiliation, self.source = role, affiliation, source


@Language.factory("crisis_entities")
def make_crisis_entities(nlp: Language, name: str) -> "CrisisEntities":
    return CrisisEntities(nlp)


class CrisisEntities:
    """Rule-based entities combined with the statistical model's.

    Rules win where they are precise (titles, organisation patterns, acronym
    definitions, gazetteers, collective actors); the model covers the open
    world of names; types of model spans are refined from the gazetteer and
    place cues. Overlaps are settled longest-first, then by priority.
    """

    def __init__(self, nlp: Language):
        vocab = nlp.vocab
        self.gazetteer = gazetteer.load()
        self.names = PhraseMatcher(vocab, attr="ORTH")
        for text in self.gazetteer.names():
            self.names.add("GAZ", [nlp.make_doc(text)])
        self.groups = {phrase: label for phrase, _key, label in read_table("groups.tsv")}
        self.group_matcher = _phrase_matcher(nlp, self.groups)
        self.title_use = {row[0]: (row[1] if len(row) > 1 else "") for row in read_table("titles.tsv")}
        self.titles = _phrase_matcher(nlp, self.title_use)
        heads = read_table("org_heads.tsv")
        self.org_heads = {row[0]: row[1] for row in heads}
        self.standalone_orgs = {row[0] for row in heads if row[2:] == ["alone"]}
        self.org_head_matcher = _phrase_matcher(nlp, self.org_heads)
        self.org_words = set(read_list("org_words.txt"))
        self.org_tails = dict(read_table("org_tails.tsv"))
        self.demonyms = set(read_list("demonyms.txt"))
        self.given_names = set(read_list("given_names.txt"))
        self.locatives = set(read_list("locative_words.txt"))
        self.speech_verbs = set(read_list("speech_verbs.txt"))
        self.openers = set(read_list("sentence_openers.txt"))
        self.common_words = common_words()
        self.date_words = date_words()
        self.place_cues = dict(read_table("place_cues.tsv"))
        self.place_cue_matcher = _phrase_matcher(nlp, self.place_cues)
        self.acronym_def = Matcher(vocab)
        self.acronym_def.add("ACR", [[{"ORTH": "("}, {"TEXT": {"REGEX": ACRONYM.pattern}}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[HEADLINE] = _headline_tokens(doc)
        token_texts(doc)
        candidates: list[Candidate] = []
        gaz_spans = self._gazetteer_spans(doc)
        candidates += gaz_spans
        candidates += self._groups(doc)
        candidates += self._organisations(doc, gaz_spans)
        candidates += self._organisation_tails(doc)
        aliases = self._acronym_definitions(doc, candidates)
        candidates += self._titled_persons(doc, gaz_spans, candidates)
        candidates += self._place_cues(doc)
        candidates += self._speakers(doc, candidates)
        candidates += self._appositive_speakers(doc, candidates)
        candidates += self._model_spans(doc)
        candidates += self._given_name_persons(doc)
        chosen = _select(self._propagate_names(doc, _select(_untiled(candidates))))
        doc.ents = [self._span(doc, c) for c in chosen]
        doc._.aliases = aliases
        del doc.user_data[HEADLINE], doc.user_data[TEXTS]
        return doc

    def _institution(self, doc: Doc, start: int, end: int) -> bool:
        """The model reads tokens start..end as one organisation shaped like one: a single word
        or a name with an acronym ("Polri", "PDI Perjuangan"), not two words like a person's."""
        shaped = end - start == 1 or any(t.text.isupper() and len(t.text) > 1 for t in doc[start:end])
        return shaped and (start, end, "ORG") in doc.user_data.get("model_ents", [])

    def _after_portfolio(self, doc: Doc, pos: int, end: int) -> int:
        """Where the model's person starts inside tokens pos..end when only dictionary words
        (a minister's portfolio, a rank) come before it; else pos."""
        for start, person_end, label in doc.user_data.get("model_ents", []):
            if label == "PER" and pos < start < end and person_end <= end and \
                    all(is_dictionary_word(t.text) for t in doc[pos:start]):
                return start
        return pos

    def _span(self, doc: Doc, c: Candidate) -> Span:
        span = Span(doc, c.start, c.end, label=c.label)
        span._.role = c.role
        span._.source = c.source
        if c.affiliation:
            aff = doc[c.affiliation[0]:c.affiliation[1]]
            span._.affiliation = (aff.start_char, aff.end_char)
        return span

    def _gazetteer_spans(self, doc: Doc) -> list[Candidate]:
        """Names the gazetteer knows; not a one-word city or region the model reads as a
        person's first name ("Paul Kagame": Paul is a place in Minnesota too). A country stays
        (the model swallows countries into names: "Peru Dina Boluarte")."""
        first_names = {s for s, e, label in doc.user_data.get("model_ents", ()) if label == "PER" and e - s > 1}
        out = []
        for _, start, end in self.names(doc):
            cls = self.gazetteer.entity_class(doc[start:end].text)
            if cls and not (start in first_names and end - start == 1 and cls in ("City", "Region", "Place")) \
                    and not self._common_word_opening(doc, start, end):
                out.append(Candidate(start, end, cls, 5, source="gazetteer"))
        return out

    @staticmethod
    def _common_word_opening(doc: Doc, start: int, end: int) -> bool:
        """A one-word gazetteer name that is an everyday word capitalised only because it opens the
        sentence ("Para diplomat ...": Pará is a Brazilian state) is no place unless the model reads one."""
        return end - start == 1 and bool(doc[start].is_sent_start) and is_dictionary_word(doc[start].text) \
            and not _model_says(doc, start, end, "LOC", default=False)

    def _groups(self, doc: Doc) -> list[Candidate]:
        return [Candidate(s, e, "Group", 2) for _, s, e in self.group_matcher(doc)]

    def _organisations(self, doc: Doc, gaz: list[Candidate]) -> list[Candidate]:
        """Head word + name words: "Kementerian Luar Negeri Rusia", "Bank Nasional Kazakhstan".

        A lower-case media or company head is a description, not part of the name:
        "kantor berita (Rusia) Tass" names Tass.
        """
        gaz_at = {c.start: c for c in gaz}
        # A name does not run on into a title or into a person the model sees ("Partai Golkar Aburizal Bakrie").
        stops = {s for _, s, _ in self.titles(doc)} | \
            {s for s, _, label in doc.user_data.get("model_ents", ()) if label == "PER"}
        out = []
        for _, start, head_end in _longest(self.org_head_matcher(doc)):
            head = doc[start:head_end].text.lower()
            cls = self.org_heads[head]
            lower_head = doc[head_end - 1].text[:1].islower()
            descriptor = lower_head and cls in ("MediaOrganization", "Company")
            name_start = end = head_end
            # a short form that names an institution alone ("Polri", "KPK") takes only acronyms after it
            # ("DPR RI", "TNI AD"), not the person it introduces ("Juru bicara Polri Setyo Wasisto")
            short_form = head in self.standalone_orgs and head_end - start == 1 and not is_dictionary_word(head)
            if descriptor and end in gaz_at and gaz_at[end].label == "Country":
                name_start = end = gaz_at[end].end
            while end < len(doc) and end not in stops:
                tok = doc[end]
                if end in gaz_at and gaz_at[end].label in ("Country", "City", "Region", "Place"):
                    end = gaz_at[end].end
                    break
                if tok.text == "-" and end > name_start and end + 1 < len(doc) and not tok.whitespace_ and \
                        (_capitalised(doc[end + 1]) or doc[end + 1].is_digit):
                    end += 2          # "Khabar-24", "Asia-Pasifik"
                elif self._person_after_portfolio(doc, name_start, end):
                    break
                elif short_form and not tok.text.isupper():
                    break
                elif (_capitalised(tok) and (descriptor or not lower_head)) or tok.text.lower() in self.org_words:
                    end += 1
                else:
                    break
            while end > name_start and doc[end - 1].text.lower() in CANNOT_END_NAME:
                end -= 1
            if end == name_start and head not in self.standalone_orgs:
                continue
            if descriptor:
                if _capitalised(doc[name_start]) and doc[name_start].text.lower() not in DIRECTIONS:
                    out.append(Candidate(name_start, end, cls, 4))
            else:
                out.append(Candidate(start, end, cls, 4))
        return out

    def _person_after_portfolio(self, doc: Doc, name_start: int, pos: int) -> bool:
        """After an organisation's portfolio words ("Kementerian Dalam Negeri", "Bank Dunia"),
        two capitalised words that are no dictionary words or acronyms start a person's name
        ("... Josue Boji"), not more of the organisation's ("Universitas Gadjah Mada" has no
        portfolio words before "Gadjah")."""
        def portfolio_word(text: str) -> bool:
            return is_dictionary_word(text) or text.lower() in self.org_words

        def name_word(text: str) -> bool:
            return text[:1].isupper() and not text.isupper() and not portfolio_word(text) and \
                self.gazetteer.entity_class(text) is None
        return name_start < pos < len(doc) - 1 and name_word(doc[pos].text) and name_word(doc[pos + 1].text) and \
            all(portfolio_word(t.text) for t in doc[name_start:pos])

    def _organisation_tails(self, doc: Doc) -> list[Candidate]:
        """Capitalised words ending in an organisation's last word: "Hamburger SV",
        "Human Rights Watch", "BAE Systems", "Football Club de Metz" (not in a Title-Case
        headline; a capitalised Indonesian word opening the sentence is not part of it)."""
        headline = doc.user_data.get(HEADLINE, ())
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            cls = self.org_tails.get(text.lower())
            if cls is None or not _capitalised(tok := doc[i]) or i in headline:
                continue
            start = tok.i
            while start > 0 and tok.i - start < 5 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            if doc[start].is_sent_start and is_dictionary_word(doc[start].text):
                start += 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].text in NAME_PARTICLES and _capitalised(doc[end + 1]):
                end += 2
            if start < tok.i:
                out.append(Candidate(start, end, cls, 3))
        return out

    def _acronym_definitions(self, doc: Doc, candidates: list[Candidate]) -> list:
        """"Long Name (ACR)": both are names of one organisation."""
        aliases = []
        for _, start, end in self.acronym_def(doc):
            acr = start + 1
            if sum(ch.isupper() for ch in doc[acr].text) < 2:
                continue
            long_start = start
            while long_start > 0 and (_capitalised(doc[long_start - 1]) or
                                      doc[long_start - 1].text.lower() in self.org_words | LONG_NAME_WORDS):
                long_start -= 1
            while long_start < start and not _capitalised(doc[long_start]):
                long_start += 1
            if start - long_start < 2:
                continue
            known = self.gazetteer.entity_class(doc[acr].text)
            head = _head_word_class(doc[long_start:start], self.org_heads)
            if not (known or head or _model_says(doc, long_start, acr + 1, "ORG", default=True)):
                continue        # "Bahan Bakar Minyak (BBM)": a thing with an acronym, not an organisation
            cls = known or head or "Organization"
            if ENTITY_KIND.get(cls) != "Organization":
                cls = "Organization"
            candidates.append(Candidate(long_start, start, cls, 5))
            candidates.append(Candidate(acr, acr + 1, cls, 5))
            long_span, acr_span = doc[long_start:start], doc[acr:acr + 1]
            aliases.append(((long_span.start_char, long_span.end_char), (acr_span.start_char, acr_span.end_char)))
        return aliases

    def _titled_persons(self, doc: Doc, gaz: list[Candidate], others: list[Candidate]) -> list[Candidate]:
        """Title [affiliation] [,] Name  and  Name, title: the title is a role, not part of the name."""
        taken = {i: c for c in others for i in range(c.start, c.end)}
        title_at = {s: e for _, s, e in _longest(self.titles(doc))}
        texts = doc.user_data[TEXTS]
        stop = {**taken, **title_at, **{i: doc[i] for i, text in enumerate(texts) if text in self.demonyms}}
        out = []
        for start, end in title_at.items():
            role = doc[start:end].text
            use = self.title_use[role.lower()]
            if use == "after":
                continue
            pos, affiliation = end, None
            if pos in taken and ENTITY_KIND.get(taken[pos].label) in ("Place", "Organization", "Group"):
                affiliation = (taken[pos].start, taken[pos].end)
                pos = taken[pos].end
            elif pos < len(doc) and (doc[pos].text in self.demonyms or
                                     (ACRONYM.match(doc[pos].text) and doc[pos].text.isupper())):
                affiliation = (pos, pos + 1)
                pos += 1
            if pos < len(doc) and doc[pos].text == ",":
                pos += 1
            known_person = pos in taken and taken[pos].label == "Person"
            name_end = taken[pos].end if known_person else _name_end(doc, pos, stop)
            if name_end == pos:
                continue
            if not _model_says(doc, pos, name_end, "PER", default=True) and \
                    (all(is_dictionary_word(t.text) for t in doc[pos:name_end]) or
                     self._institution(doc, pos, name_end)):
                continue        # "Menteri Perumahan Rakyat", "Wakil Kepala Polri": a portfolio, an institution
            name_start = self._after_portfolio(doc, pos, name_end)
            if name_start > pos:    # "Menteri Perhubungan Jusman Syafii Djamal": the portfolio joins the role
                role, pos = f"{role} {doc[pos:name_start].text}", name_start
            possessive = use == "possessive" and name_end - pos == 1
            out.append(Candidate(pos, name_end, "Person", TITLED, role=None if possessive else role,
                                 affiliation=affiliation))
        for i, text in enumerate(texts):
            if text != ",":
                continue
            after = i + 2 if i + 1 < len(doc) and texts[i + 1].lower() in ARTICLES else i + 1
            if after not in title_at:
                continue
            start = i
            while start > 0 and i - start < 4 and (start - 1) not in stop and _capitalised(doc[start - 1]):
                start -= 1
            while start < i and doc[start].text.lower() in self.openers:
                start += 1
            if i - start >= 2:
                out.append(Candidate(start, i, "Person", TITLED, role=doc[after:title_at[after]].text))
        return out

    def _speakers(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """Two to four capitalised words right before a verb of saying name a person: "Andrés Pérez mengatakan"."""
        taken = {i for c in others for i in range(c.start, c.end)}
        title_at = {s: e for _, s, e in _longest(self.titles(doc))}
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            if text.lower() not in self.speech_verbs or i < 2:
                continue
            tok = doc[i]
            start = tok.i
            while start > 0 and tok.i - start < 5 and (start - 1) not in taken and _capitalised(doc[start - 1]) \
                    and doc[start - 1].text not in self.demonyms:
                start -= 1
            while start < tok.i and doc[start].text.lower() in self.openers:
                start += 1
            role = None
            if start in title_at and title_at[start] < tok.i:
                role, start = doc[start:title_at[start]].text, title_at[start]
            if tok.i - start >= 2:
                out.append(Candidate(start, tok.i, "Person", 2, role=role))
        return out

    def _appositive_speakers(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """Two or three capitalised words opening a sentence, set off by a comma, whose clause
        ends in a verb of saying after another comma, name a person: "Maman Sidikou, yang
        merupakan pemimpin MONUSCO, ..., mengatakan". Dictionary words ("Pemerintah Kenya,")
        and names read otherwise are left alone."""
        taken = {i for c in others for i in range(c.start, c.end)}
        out = []
        for sent in doc.sents:
            end = sent.start
            while end < sent.end and end - sent.start < 3 and _capitalised(doc[end]) and end not in taken \
                    and not doc[end].text.isupper() and not is_dictionary_word(doc[end].text):
                end += 1
            if end - sent.start < 2 or end >= sent.end or doc[end].text != "," or \
                    self.gazetteer.entity_class(doc[sent.start:end].text):
                continue
            if any(doc[i].text == "," and doc[i + 1].text.lower() in self.speech_verbs for i in range(end + 1, sent.end - 1)):
                out.append(Candidate(sent.start, end, "Person", 2))
        return out

    def _place_cues(self, doc: Doc) -> list[Candidate]:
        out = []
        for _, start, end in _longest(self.place_cue_matcher(doc)):
            pos = end
            while pos < len(doc) and doc[pos].text.lower() in DIRECTIONS:
                pos += 1
            name_end = _name_end(doc, pos, {})
            if name_end > pos:
                cls = self.place_cues[doc[start:end].text.lower()]
                if name_end < len(doc) and doc[name_end].text in DIRECTIONS:   # "Asia tengah" is a region
                    name_end, cls = name_end + 1, "Region"
                out.append(Candidate(pos, name_end, cls, 1))
        return out

    def _model_spans(self, doc: Doc) -> list[Candidate]:
        """The model's spans that may be names, typed by the gazetteer when it knows the name
        (a news agency it lists stays one, whatever kind the model guessed) and as persons
        when they open with a given name; a "person" the article puts somewhere ("di Kashmir")
        is a place throughout it. Left out in Title-Case headlines, and persons that open with
        a title ("Kanselir Jerman": the title rule reads the name after it)."""
        out = []
        headline = doc.user_data.get(HEADLINE, ())
        title_starts = {s for _, s, _ in self.titles(doc)}
        model_ents = doc.user_data.pop("model_ents", [])
        been_at = {doc[s:e].text for s, e, _ in model_ents if s > 0 and doc[s - 1].text.lower() in self.locatives}
        for start, end, label in model_ents:
            kind = MODEL_LABELS.get(label)
            span = doc[start:end]
            if kind is None or start in headline or (kind == "Person" and start in title_starts) or \
                    not self._may_be_name(span):
                continue
            if kind == "Person" and span.text in been_at:
                kind = "Place"      # somewhere the article is "di Kashmir", the model's person "Kashmir" is a place
            known = self.gazetteer.entity_class(span.text)
            cls = known or ("Person" if self._given_name_first(span) else kind)
            out.append(Candidate(start, end, cls, 0, source="model"))
        return out

    def _may_be_name(self, span: Span) -> bool:
        """Not: a span opening with neither a capital nor a digit ("kota barat", a stray "“"
        or "“Orang": a name opens with its first letter), a single common or nationality word
        ("Protes", "Kazakh"), or a dictionary word alone at a sentence's start that is no given
        name ("Bodoh")."""
        text = span.text
        if not opens_name(text):
            return False
        if len(span) > 1:
            return True
        return not (text.lower() in self.common_words or text in self.demonyms or
                    (span[0].is_sent_start and is_dictionary_word(text) and text.lower() not in self.given_names))

    def _given_name_first(self, span: Span) -> bool:
        """The model's two to four words open with a given name and go on as a name: a person's,
        whatever kind the model gave them."""
        return span.end - span.start >= 2 and self._given_name_end(span.doc, span.start) == span.end

    def _given_name_end(self, doc: Doc, start: int) -> int:
        """Where a person's name that opens with a given name at ``start`` ends ("Janet Jackson",
        "Joshua Sandy Taniady"): up to four capitalised words, ending before a month or a weekday
        ("Selasa"); none may be an organisation's or a place's word or a dictionary word
        ("Elizabeth Hotel" is no person). ``start`` when there is none."""
        if doc[start].text.lower() not in self.given_names:
            return start
        end = start + 1
        while end < len(doc) and end - start < 4 and (_capitalised(doc[end]) or
                                                      doc[end].text.lower() in NAME_PARTICLES):
            low = doc[end].text.lower()
            if low in self.date_words:
                break
            if low in self.org_heads or low in self.place_cues or is_dictionary_word(low):
                return start
            end += 1
        while end > start and doc[end - 1].text.lower() in NAME_PARTICLES:
            end -= 1
        return end if end - start >= 2 else start

    def _given_name_persons(self, doc: Doc) -> list[Candidate]:
        """Names that open with a given name, where no longer or surer reading covers them (the
        lowest priority): "Brooke Davis", and "Janet Jackson" over the city of Jackson."""
        headline = doc.user_data.get(HEADLINE, ())
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            if text.lower() not in self.given_names or not _capitalised(tok := doc[i]) or i in headline or \
                    (i > 0 and not tok.is_sent_start and _capitalised(doc[i - 1])):
                continue
            end = self._given_name_end(doc, tok.i)
            if end > tok.i:
                out.append(Candidate(tok.i, end, "Person", -1))
        return out

    def _propagate_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Persons named in full in this document are persons wherever the name comes again
        in full, and so are their bare surnames and first names, also where the model typed
        them otherwise."""
        parts, full = set(), set()
        for c in chosen:
            if c.label == "Person" and c.end - c.start >= 2:
                full.add(tuple(t.text for t in doc[c.start:c.end]))
                for tok in doc[c.start:c.end]:
                    if len(tok.text) > 2 and _capitalised(tok) and tok.text.lower() not in NAME_PARTICLES:
                        parts.add(tok.text)
        kept = [c for c in chosen if not (c.source == "model" and c.end - c.start == 1 and doc[c.start].text in parts)]
        taken = {i for c in kept for i in range(c.start, c.end)}
        by_first: dict[str, list[tuple]] = {}
        for name in sorted(full, key=lambda n: (-len(n), n)):      # the longest name first, in a fixed order
            by_first.setdefault(name[0], []).append(name)
        again, texts = [], doc.user_data[TEXTS]
        for start, text in enumerate(texts):
            for name in by_first.get(text, ()):
                end = start + len(name)
                if tuple(texts[start:end]) == name and not taken.intersection(range(start, end)):
                    again.append(Candidate(start, end, "Person", 0))
                    taken.update(range(start, end))
        return kept + again + [Candidate(i, i + 1, "Person", 0) for i, text in enumerate(texts)
                               if i not in taken and text in parts]


def _phrase_matcher(nlp: Language, phrases) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("P", [nlp.make_doc(p) for p in phrases])
    return matcher


def _longest(matches):
    """Drop matches contained in a longer one starting at the same or an earlier token."""
    matches = sorted(matches, key=lambda m: (m[1], -m[2]))
    out, last_end = [], -1
    for m in matches:
        if m[2] > last_end:
            out.append(m)
            last_end = m[2]
    return out


def _headline_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of Title-Case lines (headlines), where a capital letter says nothing about names."""
    out = set()
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        if SENTENCE_END.search(sent.text.strip()):
            continue          # headlines have no full stop
        if len(words) >= HEADLINE_MIN_WORDS and \
                sum(t.text[0].isupper() for t in words) >= HEADLINE_SHARE * len(words):
            out.update(range(sent.start, sent.end))
    return frozenset(out)


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.i not in tok.doc.user_data.get(HEADLINE, ())


def _name_end(doc: Doc, pos: int, taken: dict) -> int:
    """End of a run of 1-5 capitalised tokens (hyphens and particles allowed inside)."""
    end = pos
    while end < len(doc) and end - pos < 6 and end not in taken:
        tok = doc[end]
        if _capitalised(tok):
            end += 1
        elif tok.text == "-" and end + 1 < len(doc) and doc[end + 1].is_alpha and end > pos \
                and not tok.whitespace_ and not doc[end - 1].whitespace_:
            end += 2
        elif tok.text.lower() in NAME_PARTICLES and end > pos and end + 1 < len(doc) and _capitalised(doc[end + 1]):
            end += 1
        else:
            break
    return end


def _head_word_class(span: Span, heads: dict[str, str]) -> str | None:
    """The class its first one or two words make a name ("Kementerian ..." → GovernmentBody), if any."""
    words = span.text.lower().split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in heads:
            return heads[" ".join(words[:n])]
    return None


def _model_says(doc: Doc, start: int, end: int, label: str, default: bool) -> bool:
    """Whether the statistical model put a ``label`` entity on tokens start..end; ``default``
    when the model is not in the pipeline."""
    if "model_ents" not in doc.user_data:
        return default
    return any(s < end and start < e and lab == label for s, e, lab in doc.user_data["model_ents"])


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words the NER train splits write in lower case, and spaCy's stop words of the language."""
    return frozenset(read_list("common_words.txt")) | spacy.util.get_lang_class(LANG.spacy_lang).Defaults.stop_words


@lru_cache(maxsize=1)
def _lemmas() -> tuple:
    table = _lemma_table()
    return table, frozenset(table.values())


def is_dictionary_word(text: str) -> bool:
    """An Indonesian dictionary word (which some names also are): the common words, spaCy's
    stop words, and the forms and lemmas of the lookup lemmatizer's table."""
    lemmas, lemma_values = _lemmas()
    low = text.lower()
    return low in common_words() or low in lemmas or low in lemma_values


def date_words() -> set[str]:
    """Month and weekday names ("Selasa" after a name is when, not a surname)."""
    dates = LANG.json("dates.json")
    return {w.lower() for w in [*dates["months"], *dates["weekdays"]]}


def _lemma_table():
    """The lookup lemmatizer's table (spacy-lookups-data): inflected forms → lemmas. Read as a
    dictionary of words; no lemmatizer runs, since nothing reads a token's lemma."""
    from spacy.lookups import load_lookups

    return load_lookups(LANG.spacy_lang, ["lemma_lookup"]).get_table("lemma_lookup")   # a Table: keys are hashed


def _untiled(candidates: list[Candidate]) -> list[Candidate]:
    """Without the model's spans that two or more rule readings tile exactly: "Kementerian
    Dalam Negeri" + "Josue Boji" read by the rules beat the model's one organisation (the
    gazetteer's names do not: "California Texas" is a company)."""
    by_start: dict[int, set[int]] = {}
    for c in candidates:
        if c.source == "rule":
            by_start.setdefault(c.start, set()).add(c.end)

    def tiled(start: int, end: int, pieces: int) -> bool:
        return any(e == end and pieces >= 1 or e < end and tiled(e, end, pieces + 1) for e in by_start.get(start, ()))
    return [c for c in candidates if c.source != "model" or not tiled(c.start, c.end, 0)]


def _select(candidates: list[Candidate]) -> list[Candidate]:
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


# --- model -----------------------------------------------------------------

class NameModel:
    """The trained model (tok2vec + ner), run only on the words that may be in a name.

    A name opens with a capital or a digit (`opens_name`; `_may_be_name` drops the rest),
    and the model's CNN reads two tokens each way: windows of NAME_CONTEXT tokens either side
    of such words (about two thirds of a news text) give the words of a name the vectors they
    have in the whole text. On 3,463 IndoSum articles, 7 of 91,750 entities changed (two for the better)
    and the pipeline ran 13 % faster. Entities go aside into ``user_data`` as (token start,
    end, label) for the rule component to weigh.
    """

    def __init__(self, model: Language):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = PIPE_BATCH):
        for batch in spacy.util.minibatch(docs, batch_size):
            windows = [self._windows(doc) for doc in batch]
            parsed = self.model.pipe((sub for sub, _ in windows), batch_size=len(batch))
            for doc, (_, kept), sub in zip(batch, windows, parsed):
                doc.user_data["model_ents"] = [
                    (kept[e.start], kept[e.end - 1] + 1, e.label_) for e in sub.ents
                    if kept[e.end - 1] - kept[e.start] == e.end - 1 - e.start]   # not across a gap
                yield doc

    def _windows(self, doc: Doc) -> tuple[Doc, list[int]]:
        """The words within NAME_CONTEXT tokens of a capital or a digit, as one doc, and where
        each came from. Sentence starts are kept: the model's entities do not cross them."""
        texts = token_texts(doc)
        near = bytearray(len(texts) + 2 * NAME_CONTEXT)
        reach = b"\x01" * (2 * NAME_CONTEXT + 1)
        for i, text in enumerate(texts):
            if opens_name(text):
                near[i:i + len(reach)] = reach
        kept = [i for i in range(len(texts)) if near[i + NAME_CONTEXT]]
        spaces, starts = doc.to_array([SPACY, SENT_START]).T.tolist()
        sub = Doc(self.model.vocab, words=[texts[i] for i in kept], spaces=[bool(spaces[i]) for i in kept],
                  sent_starts=[k == 0 or starts[i] == 1 for k, i in enumerate(kept)])
        return sub, kept


@Language.factory("crisis_name_model")
def make_name_model(nlp: Language, name: str) -> NameModel:
    return NameModel(spacy.load(MODEL_DIR, exclude=["senter", "parser", "lemmatizer", "tokenizer"],
                                config={"nlp": {"tokenizer": {"@tokenizers": "crisis_kg.bare_tokenizer.v1"}}}))


def model_available() -> bool:
    return (MODEL_DIR / "meta.json").exists()


@spacy.registry.tokenizers("crisis_kg.bare_tokenizer.v1")
def bare_tokenizer():
    """The model is loaded only for its components: a tokenizer without Indonesian's
    ~16 k special cases spares seconds of start-up (the pipeline has its own)."""
    from spacy.tokenizer import Tokenizer
    return lambda nlp: Tokenizer(nlp.vocab)


@lru_cache(maxsize=2)
def load_pipeline(use_model: bool = True) -> Language:
    """The full pipeline; without the trained model, rules alone (and a warning)."""
    nlp = spacy.blank(LANG.spacy_lang)
    nlp.add_pipe("crisis_sentences")
    if use_model:
        if model_available():
            nlp.add_pipe("crisis_name_model")
        else:
            logging.getLogger("kg").warning(
                "NER model not found in %s: using rules only (run `make model`)", MODEL_DIR)
    nlp.add_pipe("crisis_entities")
    nlp.batch_size = PIPE_BATCH
    return nlp

