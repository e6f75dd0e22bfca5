"""The spaCy pipeline for Indonesian news: tokens, sentences, entities.

Built on ``spacy.blank("id")``: a sentence splitter that knows quotes and
headlines, the project's trained NER model when it is installed, and rule
components whose patterns live in the language folder (``kg/lang/id/``). Entities end up in
``doc.ents`` with our ontology's class names as labels; a person's title and office are
kept apart from the name, in ``span._.role`` (a rank in ``span._.rank``, the office's
organisation in ``span._.affiliation``). A dateline ("Jakarta, CNN Indonesia --") holds no
entity: it is ``doc._.dateline``, where and by whom the report was filed.
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
Span.set_extension("rank", default=None, force=True)
Span.set_extension("affiliation", default=None, force=True)   # (start_char, end_char)
Span.set_extension("source", default="rule", force=True)
Doc.set_extension("aliases", default=None, force=True)        # [((b, e), (b, e)), ...]
Doc.set_extension("dateline", default=None, force=True)       # (place, outlet) of "Jakarta, CNN Indonesia --"

INITIAL = re.compile(r"(?:[A-Z]\.)+")       # "Stephen R. Covey", "O.J. Simpson": initials end no sentence
SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*$")
OPEN_QUOTES = {"“", "‘"}
CLOSE_QUOTES = {"”", "’"}
CLOSING = CLOSE_QUOTES | {'"'}
OPENING = OPEN_QUOTES | {'"', "("}
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,9}$")
NAMES = LANG.json("names.json")
NAME_PARTICLES = set(NAMES["name_particles"])
HEADLINE = "kg_headline_tokens"
NAME_CONTEXT = 3    # tokens the model sees either side of a word that may be in a name: one more than its CNN's reach
TEXTS = "kg_token_texts"     # the tokens' texts, read once: spaCy makes a new Token object at every doc[i]
TITLE_SPANS = "kg_title_spans"  # (start, end) of the titles, matched once a doc
PIPE_BATCH = 32     # articles a batch: at spaCy's default of 1000 the model runs ~45 % slower (cache misses)
ARTICLES = set(NAMES["articles"])
TITLED = 6          # priority of a name read after a title, the highest
HEADLINE_MIN_WORDS, HEADLINE_SHARE = 5, 0.8
CANNOT_END_NAME = set(NAMES["cannot_end_name"]) | {"-"}
DIRECTIONS = set(NAMES["directions"])
LONG_NAME_WORDS = set(NAMES["long_name_words"]) | {"-"}    # inside a long name before "(ACRONYM)"
RANK_SUFFIXES = set(NAMES["rank_suffixes"])
DEGREES = set(NAMES["degrees"])
UNITS = set(NAMES["units"])
NOT_NAMES = set(NAMES["not_names"])
THING_HEADS = set(NAMES["thing_heads"])
WORK_WORDS = set(NAMES["work_words"])
PRODUCT_WORDS = set(NAMES["product_words"])
LIST_OPENERS, LIST_JOINERS = set(NAMES["list_openers"]), set(NAMES["list_joiners"])
CLITIC = re.compile("(" + "|".join(NAMES["clitics"]) + ")$")     # "Tetaplah": "tetap" + "-lah"
INTRODUCERS = [tuple(p.split()) for p in NAMES["introducers"]]     # "Oesman Sapta Odang alias OSO"
INTRODUCERS_IN_BRACKETS = [tuple(p.split()) for p in NAMES["introducers_in_brackets"]]
INTRODUCER_SKIPS, OR = set(NAMES["introducer_skips"]), NAMES["or"]
SCORE = re.compile(r"\d{1,3}-\d{1,3}")     # "2-1" written as one token
ROMAN = re.compile(r"[IVXLC]+", re.IGNORECASE)      # "Casimir III", "komisi iii": a number of a name, no acronym
ELONGATED = re.compile(r"([a-z])\1\1")      # "Amiiiin", "Wkwkkkk": a word drawn out in speech, no name
ROLE = "Role"       # label of a reading that only keeps other readings off a person's title and rank words
OFFICE_REACH = 10   # tokens between a title and the name after it: "Kepala Bidang Humas Polda Metro Jaya"
TERRITORY_WORDS = 4  # words naming the territory of an office that holds its unit: "Kapolsek Taman Sari Jakarta Barat"
DASHES = {"-", "--", "–", "—"}
DATELINE_REACH = 12  # tokens before the dash of "Samarinda, Kalimantan Timur (ANTARA News) -"
DATELINE_PART = 4    # words of one place or outlet in a dateline
OUTLET_ADDRESS = re.compile(r"\w\.(com|net|co|id|org)(\.id)?$", re.IGNORECASE)    # "Merdeka.com", "JUARA.net"


def read_list(name: str) -> list[str]:
    """A word list of the language folder, one entry a line."""
    return LANG.lines(name)


ABBREVIATIONS = set(read_list("abbreviations.txt"))


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


# --- entities --------------------------------------------------------------

class Candidate:
    __slots__ = ("start", "end", "label", "priority", "role", "rank", "affiliation", "source")

    def __init__(self, start, end, label, priority, role=None, affiliation=None, source="rule", rank=None):
        self.start, self.end, self.label, self.priority = start, end, label, priority
        self.role, self.rank, self.affiliation, self.source = role, rank, affiliation, source


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
        titles = {row[0]: (row[1] if len(row) > 1 else "") for row in read_table("titles.tsv")}
        self.titles = _phrase_matcher(nlp, titles)
        self.title_use = {_words(nlp.make_doc(title)): use for title, use in titles.items()}   # "co-founder": 3 tokens
        heads = read_table("org_heads.tsv")
        self.org_heads = {row[0]: row[1] for row in heads}
        self.standalone_orgs = {row[0] for row in heads if row[2:] == ["alone"]}
        self.cue_heads = {row[0] for row in heads if row[2:] == ["cue"]}
        self.national_heads = {row[0] for row in heads if row[2:] == ["national"]}
        self.org_head_matcher = _phrase_matcher(nlp, self.org_heads)
        self.org_words = set(read_list("org_words.txt"))
        self.org_tails = dict(read_table("org_tails.tsv"))
        self.demonyms = set(read_list("demonyms.txt"))
        self.given_names = set(read_list("given_names.txt"))
        self.locatives = set(read_list("locative_words.txt"))
        self.speech_verbs = set(read_list("speech_verbs.txt"))
        self.openers = set(read_list("sentence_openers.txt"))
        self.function_openers = (self.openers | spacy.util.get_lang_class(LANG.spacy_lang).Defaults.stop_words) - \
            self.given_names        # "Baik", "Kalau" opening a sentence: no word of the name after them
        self.common_words = common_words()
        self.date_words = date_words()
        self.place_cues = dict(read_table("place_cues.tsv"))
        self.place_cue_matcher = _phrase_matcher(nlp, self.place_cues)
        self.acronym_def = Matcher(vocab)
        self.acronym_def.add("ACR", [[{"ORTH": "("}, {"TEXT": {"REGEX": ACRONYM.pattern}}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[HEADLINE] = _headline_tokens(doc)
        token_texts(doc)
        doc.user_data[TITLE_SPANS] = [(s, e) for _, s, e in _longest(self.titles(doc))]
        datelines = self._datelines(doc)
        candidates: list[Candidate] = []
        gaz_spans = self._gazetteer_spans(doc)
        candidates += gaz_spans
        candidates += self._groups(doc)
        heads = _longest(self.org_head_matcher(doc))
        candidates += self._organisations(doc, gaz_spans, heads)
        candidates += self._organisation_tails(doc)
        candidates += self._cued_lists(doc, heads)
        candidates += self._score_lines(doc)
        aliases, things = self._acronym_definitions(doc, candidates, {i for s, e, _ in datelines for i in range(s, e)})
        candidates += self._titled_persons(doc, gaz_spans, candidates)
        candidates += self._place_cues(doc)
        candidates += self._speakers(doc, candidates)
        candidates += self._appositive_speakers(doc, candidates)
        candidates += self._model_spans(doc, candidates, heads, things)
        candidates += self._given_name_persons(doc, gaz_spans)
        candidates = _outside(candidates, datelines)
        chosen = _select(_outside(self._propagate_names(doc, _select(_untiled(candidates))), datelines))
        chosen += self._introduced_names(doc, chosen, aliases)
        doc.ents = [self._span(doc, _without_degrees(doc, c)) for c in chosen if c.label != ROLE]
        doc._.aliases = aliases
        doc._.dateline = datelines[0][2] if datelines else None
        del doc.user_data[HEADLINE], doc.user_data[TEXTS], doc.user_data[TITLE_SPANS]
        return doc

    def _institution(self, doc: Doc, start: int, end: int) -> bool:
        """The model reads tokens start..end as one organisation shaped like one: a single word
        or a name with an acronym ("Polri", "PDI Perjuangan"), not two words like a person's."""
        shaped = end - start == 1 or any(t.text.isupper() and len(t.text) > 1 for t in doc[start:end])
        return shaped and (start, end, "ORG") in doc.user_data.get("model_ents", [])

    def _span(self, doc: Doc, c: Candidate) -> Span:
        span = Span(doc, c.start, c.end, label=c.label)
        span._.role = c.role
        span._.rank = c.rank
        span._.source = c.source
        if c.affiliation:
            aff = doc[c.affiliation[0]:c.affiliation[1]]
            span._.affiliation = (aff.start_char, aff.end_char)
        return span

    def _datelines(self, doc: Doc) -> list[tuple[int, int, tuple[str | None, str | None]]]:
        """(start, end, (place, outlet)) of the datelines that open a line: "Jakarta, CNN Indonesia --",
        "Wamena (ANTARA News) -", "Liputan6.com, Jakarta -", "Rimanews -". They say where and by whom
        the report was filed: source metadata, never entities of what it reports."""
        texts = doc.user_data[TEXTS]
        out = []
        for i in [0] + [i + 1 for i, text in enumerate(texts) if "\n" in text]:   # a line break is a token
            while i < len(texts) and not texts[i].strip():
                i += 1
            if i < len(texts) and (found := self._dateline_at(doc, i)):
                out.append(found)
        return out

    def _dateline_at(self, doc: Doc, start: int):
        """A dateline from token ``start``: up to three short parts before a dash, split by commas and
        brackets, each a place or an outlet. A part in brackets or written as a web address is an
        outlet, one the gazetteer knows is a place or an outlet; the one part left unknown is
        what the others are not (a lone one-word part is an outlet)."""
        texts = doc.user_data[TEXTS]
        end = len(texts)
        dash = next((i for i in range(start + 1, min(end, start + DATELINE_REACH))
                     if texts[i] in DASHES and doc[i - 1].whitespace_), None)      # "Minsk -", not "Nur-Sultan"
        if dash is None or \
                any(s < dash < e and label == "PER" for s, e, label in doc.user_data.get("model_ents", ())):
            return None         # "Karl - Heinz Rummenigge mengonfirmasi": a name, no dateline
        parts, part, bracket = [], [], False
        for i in range(start, dash):
            text = texts[i]
            if text in (",", "(", ")"):
                if part:
                    parts.append((part, bracket))
                part, bracket = [], text == "("
            elif "\n" in text:
                return None
            elif text.strip():
                if not opens_name(text) or len(part) == DATELINE_PART:
                    return None
                part.append(i)
        if part:
            parts.append((part, bracket))
        kinds = []       # per part, in order: (text, "place" | "outlet" | None)
        for tokens, in_brackets in parts:
            text = doc[tokens[0]:tokens[-1] + 1].text
            cls = self.gazetteer.entity_class(text)
            if in_brackets or OUTLET_ADDRESS.search(text) or cls == "MediaOrganization":
                kinds.append((text, "outlet"))
            elif ENTITY_KIND.get(cls) == "Place":
                kinds.append((text, "place"))
            else:
                kinds.append((text, None))
        known = {kind for _, kind in kinds}
        unknown = [text for text, kind in kinds if kind is None]
        if len(unknown) > 1 or not 1 <= len(parts) <= 3:
            return None
        if unknown:     # "Raqa, Suriah (ANTARA News)": a place; "Jakarta, CNN Indonesia", "Rimanews": an outlet
            lone_word = len(parts) == 1 and len(parts[0][0]) == 1 and unknown[0].lower() not in self.given_names
            guess = "place" if "outlet" in known else "outlet" if "place" in known or lone_word else None
            if guess is None:
                return None
            kinds = [(text, kind or guess) for text, kind in kinds]
        places = [text for text, kind in kinds if kind == "place"]
        outlets = [text for text, kind in kinds if kind == "outlet"]
        after = dash
        while after < end and (texts[after] in DASHES or not texts[after].strip()):
            after += 1
        return start, after, (places[0] if places else None, outlets[0] if outlets else None)

    def _gazetteer_spans(self, doc: Doc) -> list[Candidate]:
        """Names the gazetteer knows where the context supports them (`_place_in_context`). A
        country stays (the model swallows countries into names: "Peru Dina Boluarte")."""
        out = []
        for _, start, end in self.names(doc):
            cls = self.gazetteer.entity_class(doc[start:end].text)
            if cls and opens_name(doc[start].text) and self._place_in_context(doc, start, end, cls):
                out.append(Candidate(start, end, cls, 5, source="gazetteer"))
        return out

    def _place_in_context(self, doc: Doc, start: int, end: int, cls: str) -> bool:
        """A one-word city, region or place of the gazetteer is one only where the text does not
        read it as something else: not inside a person's name the model reads ("Paul Kagame": Paul
        is a place in Minnesota too; "Barli Asmara"), and, when it is an everyday word ("Tak",
        "Para", "Berat"), only after a locative or a place cue or where the model reads a place, and
        never right after a given name ("Ana Lima"); not where the model reads it alone as a person
        (`_person_not_place`)."""
        if end - start > 1 or cls not in ("City", "Region", "Place"):
            return True
        if any(s <= start < e and e - s > 1 and label == "PER" for s, e, label in doc.user_data.get("model_ents", ())):
            return False
        if (start, end, "PER") in doc.user_data.get("model_ents", ()) and self._person_not_place(doc, start, end, cls):
            return False
        if not is_dictionary_word(doc[start].text):
            return True
        before = doc[start - 1].text.lower() if start else ""
        if before in self.given_names and _capitalised(doc[start - 1]):
            return False        # "kata Ana Lima": a surname
        return self._after_locative(doc, start) or \
            _model_says(doc, start, end, "LOC", default=not self._opens_sentence(doc, start))

    def _person_not_place(self, doc: Doc, start: int, end: int, cls: str | None) -> bool:
        """A one-word city, region or place of the gazetteer that the model reads alone as a person
        is one where it opens a sentence or a clause before a lower-case word, as a subject does:
        "Paul sadar ...", ", Paul sadar" (Paul is a region too); not after a word ("menuju Osaka",
        "ke Paul") nor in an apposition ("ibu kota provinsi itu, Zahedan, dan")."""
        return end - start == 1 and cls in ("City", "Region", "Place") and end < len(doc) and \
            doc[end].text[:1].islower() and (self._opens_sentence(doc, start) or doc[start - 1].text == ",")

    def _after_locative(self, doc: Doc, i: int) -> bool:
        """A locative or a place cue stands right before token ``i`` ("di Asmara", "kota Hamilton")."""
        return i > 0 and (doc[i - 1].lower_ in self.locatives or doc[i - 1].lower_ in self.place_cues)

    @staticmethod
    def _opens_sentence(doc: Doc, i: int) -> bool:
        """The word stands first in its sentence, after any opening quotes or brackets."""
        while i > 0 and not doc[i].is_sent_start and doc[i - 1].text in OPEN_QUOTES | {'"', "(", "'"}:
            i -= 1
        return bool(doc[i].is_sent_start)

    def _groups(self, doc: Doc) -> list[Candidate]:
        """Collective actors; not a word of a rank ("jenderal polisi" is a person)."""
        ranked = {i for s, e in doc.user_data[TITLE_SPANS] if self.title_use[_words(doc[s:e])] == "rank"
                  for i in range(s, e)}
        return [Candidate(s, e, "Group", 2) for _, s, e in self.group_matcher(doc)
                if not ranked.intersection(range(s, e))]

    def _organisations(self, doc: Doc, gaz: list[Candidate], heads: list) -> list[Candidate]:
        """Head word + name words: "Kementerian Luar Negeri Rusia", "Bank Nasional Kazakhstan".

        A lower-case media or company head is a description, not part of the name:
        "kantor berita (Rusia) Tass" names Tass. So is a cue word whatever its case ("Maskapai
        Lion Air", "aplikasi Gojek"), unless only dictionary words follow it ("Perusahaan Listrik
        Negara" is the name): the cue gives the name its class. A national head with a country's
        name alone names that country's institution ("Bank Indonesia" is a central bank).
        """
        gaz_at = {c.start: c for c in gaz}
        # A name does not run on into a title, into a person the model sees ("Partai Golkar Aburizal Bakrie"),
        # or over "dan" into another organisation ("Partai Kebangkitan Bangsa dan Partai Demokrat").
        stops = {s for s, _ in doc.user_data[TITLE_SPANS]} | \
            {s for s, _, label in doc.user_data.get("model_ents", ()) if label == "PER"} | \
            {s - 1 for _, s, _ in heads if s > 0 and doc[s - 1].lower_ in LIST_JOINERS and _capitalised(doc[s])}
        out = []
        head_starts = {s for _, s, _ in heads}
        for _, start, head_end in heads:
            head = doc[start:head_end].text.lower()
            if head in self.cue_heads and head_end in head_starts:
                continue            # the name's own head reads it: "Fraksi Partai Demokrat"
            cls = self.org_heads[head]
            lower_head = doc[head_end - 1].text[:1].islower()
            if lower_head and cls == "MediaOrganization" and start > 0 and doc[start - 1].lower_ in WORK_WORDS:
                continue            # a show's title: "drama televisi Megutan"
            descriptor = (lower_head and cls in ("MediaOrganization", "Company")) or \
                (head in self.cue_heads and (lower_head or not self._dictionary_words_after(doc, head_end)))
            name_start = end = head_end
            # a short form that names an institution alone ("Polri", "KPK") takes only acronyms after it
            # ("DPR RI", "TNI AD"), not the person it introduces ("Juru bicara Polri Setyo Wasisto")
            short_form = head in self.standalone_orgs and head_end - start == 1 and not is_dictionary_word(head)
            if descriptor and end in gaz_at and gaz_at[end].label == "Country":
                name_start = end = gaz_at[end].end
            while end < len(doc) and (end not in stops or descriptor and end == name_start):   # "aplikasi Signal"
                tok = doc[end]
                if end in gaz_at and gaz_at[end].label in ("Country", "City", "Region", "Place"):
                    end = self._after_place_in_name(doc, gaz_at[end].end, stops)
                    break
                if tok.text == "-" and end > name_start and end + 1 < len(doc) and not tok.whitespace_ and \
                        (_capitalised(doc[end + 1]) or doc[end + 1].is_digit):
                    end += 2          # "Khabar-24", "Asia-Pasifik"
                elif self._person_after_portfolio(doc, name_start, end, cls == "PoliticalParty"):
                    out.append(Candidate(end, _name_end(doc, end, {}), "Person", TITLED))   # over the model's one name
                    break
                elif short_form and not tok.text.isupper():
                    break
                elif (_capitalised(tok) and (descriptor or not lower_head)) or tok.text.lower() in self.org_words or \
                        (tok.is_digit and end > start):       # "Korem 043", "Densus 88"
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
                national = head in self.national_heads and head_end in gaz_at and \
                    gaz_at[head_end].label == "Country" and gaz_at[head_end].end == end
                out.append(Candidate(start, end, "GovernmentBody" if national else cls, 4))
        return out

    def _cued_lists(self, doc: Doc, heads: list) -> list[Candidate]:
        """Names listed after a lower-case cue word are of the cue's class: "produsen (laptop) seperti
        Dell, Lenovo, dan HP", "klub seperti Ajax dan PSV"."""
        out = []
        for _, start, end in heads:
            head = doc[start:end].text
            if head.lower() not in self.cue_heads or not (head[:1].islower() or self._opens_sentence(doc, start)):
                continue
            pos = end
            while pos < min(len(doc), end + 2) and doc[pos].text[:1].islower() and doc[pos].lower_ not in LIST_OPENERS:
                pos += 1            # "produsen ponsel seperti"
            if pos >= len(doc) or doc[pos].lower_ not in LIST_OPENERS:
                continue
            pos += 1
            while (name_end := _name_end(doc, pos, {})) > pos:
                out.append(Candidate(pos, name_end, self.org_heads[head.lower()], 4))
                pos = name_end + (name_end < len(doc) and doc[name_end].text == ",")
                pos += pos < len(doc) and doc[pos].lower_ in LIST_JOINERS
        return out

    @staticmethod
    def _score_lines(doc: Doc) -> list[Candidate]:
        """The names either side of a score are teams: "Charlotte Hornets 87 - 90 Boston Celtics"
        (not a sentence's first word that is a dictionary word: "Skor Persib 1 - 0 Arema")."""
        texts = doc.user_data[TEXTS]
        out = []
        for i in range(len(texts)):
            if not (length := _score_at(texts, i)):
                continue
            before, after = i, i + length
            start = before
            while start > 0 and before - start < 4 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            if start < before and doc[start].is_sent_start and is_dictionary_word(texts[start]):
                start += 1
            end = _name_end(doc, after, {}) if after < len(doc) else after
            if start < before and end > after:
                out += [Candidate(start, before, "Organization", 4), Candidate(after, end, "Organization", 4)]
        return out

    def _after_place_in_name(self, doc: Doc, pos: int, stops: set[int]) -> int:
        """Where an organisation's name that reached a place ends: there, or after the capitalised
        dictionary words that still belong to it ("Polda Metro Jaya", "Polres Bogor Kota"), not a
        person's name ("Kementerian Luar Negeri Rusia Sergei Lavrov") nor a weekday."""
        end = pos
        while end < len(doc) and end not in stops and _capitalised(doc[end]) and is_dictionary_word(doc[end].text) \
                and doc[end].text.lower() not in self.date_words | self.given_names:
            end += 1
        return end

    @staticmethod
    def _dictionary_words_after(doc: Doc, pos: int) -> bool:
        """The capitalised words from ``pos`` on are all dictionary words ("Listrik Negara")."""
        end = pos
        while end < len(doc) and _capitalised(doc[end]):
            end += 1
        return all(is_dictionary_word(t.text) for t in doc[pos:end])

    def _person_after_portfolio(self, doc: Doc, name_start: int, pos: int, party: bool) -> bool:
        """After an organisation's portfolio words ("Kementerian Dalam Negeri", "Bank Dunia", "Komisi
        I DPR"), two capitalised words that are no dictionary words or acronyms start a person's
        name ("... Josue Boji"), not more of the organisation's ("Universitas Gadjah Mada" has no
        portfolio words before "Gadjah"); so do they after a ``party``'s one-word name ("Fraksi
        Hanura Linggom Toruan"); right after an acronym, one such word does ("Kementerian
        PANRB Suwardi": a name does not go on past its short form)."""
        def portfolio_word(text: str) -> bool:
            return is_dictionary_word(text) or text.lower() in self.org_words or text.isupper()

        def name_word(text: str) -> bool:      # not a word that opens a body: "Komisi III Dewan Rakyat"
            return text[:1].isupper() and not text.isupper() and not portfolio_word(text) and \
                text.lower() not in self.org_heads and self.gazetteer.entity_class(text) is None
        if not (name_start < pos < len(doc) and name_word(doc[pos].text)):
            return False
        after_acronym = len(doc[pos - 1].text) > 1 and doc[pos - 1].text.isupper()
        one_word_party = party and pos == name_start + 1 and doc[name_start].lower_ not in self.org_heads
        return after_acronym or pos < len(doc) - 1 and name_word(doc[pos + 1].text) and \
            (one_word_party or all(portfolio_word(t.text) for t in doc[name_start:pos]))

    def _organisation_tails(self, doc: Doc) -> list[Candidate]:
        """Capitalised words ending in an organisation's last word: "Hamburger SV",
        "Human Rights Watch", "BAE Systems", "Football Club de Metz" (not in a Title-Case
        headline; a capitalised Indonesian word opening the sentence is not part of it, nor is a
        title before it: "Ketua Steering Committee")."""
        headline = doc.user_data.get(HEADLINE, ())
        titled = {i for s, e in doc.user_data[TITLE_SPANS] for i in range(s, e)}      # "Ketua Steering Committee X"
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            cls = self.org_tails.get(text.lower())
            if cls is None or not _capitalised(tok := doc[i]) or i in headline:
                continue
            start = tok.i
            while start > 0 and tok.i - start < 5 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start \
                    and start - 1 not in titled:
                start -= 1
            if doc[start].is_sent_start and is_dictionary_word(doc[start].text):
                start += 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].text in NAME_PARTICLES and _capitalised(doc[end + 1]):
                end += 2
            if start < tok.i:
                out.append(Candidate(start, end, cls, 3))
        return out

    def _acronym_definitions(self, doc: Doc, candidates: list[Candidate], dateline: set[int]) -> tuple[list, set[str]]:
        """"Long Name (ACR)": both are names of one organisation, of the class the rules gave the long
        name. The long name does not reach back into a dateline ("Jakarta, CNN Indonesia - - Mahkamah
        Konstitusi (MK)"). A long name that opens with a thing's head word ("Surat Perintah
        Dimulainya Penyidikan (SPDP)") or is written in lower case ("harga eceran tertinggi (HET)")
        names a thing: its short forms come back as the second value, no name wherever the model
        reads them."""
        aliases, things = [], set()
        for _, start, end in self.acronym_def(doc):
            acr = start + 1
            if sum(ch.isupper() for ch in doc[acr].text) < 2:
                continue
            if _spelt_in_lower_case(doc, start, doc[acr].text):
                things.add(doc[acr].text)
                continue
            long_start = start
            while long_start > 0 and long_start - 1 not in dateline and (
                    _capitalised(doc[long_start - 1]) or
                    doc[long_start - 1].text.lower() in self.org_words | LONG_NAME_WORDS):
                long_start -= 1
            while long_start < start and not _capitalised(doc[long_start]):
                long_start += 1
            titles, name_start, initials = dict(doc.user_data[TITLE_SPANS]), long_start, set()
            while titles.get(name_start, start) < start:     # "Ketua Mahkamah Konstitusi (MK)": titles are no name
                initials.add(doc[name_start].text[0])
                name_start = titles[name_start]
            if doc[acr].text[0] in initials - {doc[name_start].text[0]}:
                continue        # "Kepala Staf Angkatan Darat (KSAD)": an office's short form, not an organisation
            long_start = name_start
            if start - long_start < 2:
                continue
            if doc[long_start].text.lower() in THING_HEADS:
                things.add(doc[acr].text)
                continue
            known = self.gazetteer.entity_class(doc[acr].text)
            head = next((c.label for c in candidates if (c.start, c.end) == (long_start, start) and c.source == "rule"
                         and ENTITY_KIND.get(c.label) == "Organization"), None) or \
                _head_word_class(doc[long_start:start], self.org_heads)
            if not (known or head or _model_says(doc, long_start, acr + 1, "ORG", default=True)):
                continue        # "Bahan Bakar Minyak (BBM)": a thing with an acronym, not an organisation
            cls = known or head or "Organization"
            if ENTITY_KIND.get(cls) not in ("Organization", "Place"):      # "Daerah Istimewa Yogyakarta (DIY)"
                cls = "Organization"
            candidates.append(Candidate(long_start, start, cls, 5))
            candidates.append(Candidate(acr, acr + 1, cls, 5))
            long_span, acr_span = doc[long_start:start], doc[acr:acr + 1]
            aliases.append(((long_span.start_char, long_span.end_char), (acr_span.start_char, acr_span.end_char)))
        return aliases, things

    def _titled_persons(self, doc: Doc, gaz: list[Candidate], others: list[Candidate]) -> list[Candidate]:
        """Title [office] [affiliation] [rank] [,] Name  and  Name, title: titles, offices and ranks
        are the person's role, never part of the name (`_role_phrase`, `_appositions`)."""
        taken = {i: c for c in others for i in range(c.start, c.end)}
        titles = self._title_matches(doc, gaz)
        texts = doc.user_data[TEXTS]
        stop = {**taken, **titles, **{i: doc[i] for i, text in enumerate(texts) if text in self.demonyms}}
        out, done, introducing = [], 0, set()
        for start in sorted(titles):
            if start >= done and (read := self._role_phrase(doc, start, titles, taken, stop)):
                out += read
                done = read[0].end
                introducing.add(start)
        return out + self._appositions(doc, titles, introducing, out, stop)

    def _appositions(self, doc: Doc, titles: dict, introducing: set[int], read: list[Candidate],
                     stop: dict) -> list[Candidate]:
        """Name, title: "Zaw Min Tun, juru bicara junta". Not where the title introduces a name of its
        own (a list: "Menteri BUMN Rini Soemarno, Menteri Kesehatan Nila Moeloek"), nor over a
        title's words; a name read after its rank takes the role ("Letnan Jenderal Sansern
        Kaewkamnerd, juru bicara pemerintahan")."""
        texts = doc.user_data[TEXTS]
        titled = {i for s, (e, _) in titles.items() for i in range(s, e)} | \
            {i for c in read if c.label == ROLE for i in range(c.start, c.end)}
        persons = {(c.start, c.end): c for c in read if c.label == "Person"}
        out = []
        for i, text in enumerate(texts):
            if text != ",":
                continue
            after = i + 2 if i + 1 < len(doc) and texts[i + 1].lower() in ARTICLES else i + 1
            if after not in titles or titles[after][1] == "rank" or after in introducing:
                continue
            start = i
            while start > 0 and i - start < 4 and (start - 1) not in stop and (start - 1) not in titled \
                    and _capitalised(doc[start - 1]):
                start -= 1
            while start < i and doc[start].text.lower() in self.openers:
                start += 1
            role = doc[after:self._joined_title(after, titles)[0]].text
            if (start, i) in persons:
                persons[(start, i)].role = persons[(start, i)].role or role
            elif i - start >= 2 and not self._no_name(doc, start, i):
                out.append(Candidate(start, i, "Person", TITLED, role=role))
        return out

    def _no_name(self, doc: Doc, start: int, end: int) -> bool:
        """Words after or before a title that name no person: dictionary words ("Menteri Perumahan
        Rakyat", "anggota Biro Politik") or one institution the model reads ("Wakil Kepala Polri"),
        unless the model reads a person there."""
        return not _model_says(doc, start, end, "PER", default=True) and (
            all(is_dictionary_word(t.text) and t.text.lower() not in self.given_names for t in doc[start:end])
            or self._institution(doc, start, end))

    def _title_matches(self, doc: Doc, gaz: list[Candidate]) -> dict[int, tuple[int, str]]:
        """Titles of the text, start → (end, use), the longest where they overlap; not inside a name
        the gazetteer knows ("Raja Ampat"), a facility's name ("Bandara Sultan Hasanuddin") or, but
        for a rank, a person's name the model reads ("Lukman Hakim Saifuddin": hakim is a judge)."""
        in_places = {i for c in gaz for i in range(c.start, c.end)}
        in_persons = {i for s, e, label in doc.user_data.get("model_ents", ()) if label == "PER"
                      for i in range(s + 1, e)}
        out = {}
        for s, e in doc.user_data[TITLE_SPANS]:
            use = self.title_use[_words(doc[s:e])]
            if s not in in_places and not (use != "rank" and s in in_persons) and \
                    not (s > 0 and self.place_cues.get(doc[s - 1].text.lower()) == "Facility"):
                out[s] = (e, use)
        return out

    @staticmethod
    def _joined_title(start: int, titles: dict) -> tuple[int, str]:
        """End and use of the title at ``start`` with the title its prefixes join: "mantan Wakil Gubernur"."""
        end, use = titles[start]
        while use == "prefix" and end in titles:
            end, use = titles[end]
        return end, use

    def _role_phrase(self, doc: Doc, start: int, titles: dict, taken: dict, stop: dict) -> list[Candidate] | None:
        """Title [office words] [affiliation] [rank] [,] [rank] Name, read from the title at ``start``:
        "Kepala Biro Humas KPK Febri Diansyah" (role "Kepala Biro Humas", affiliation KPK), "Kapolres
        Bogor, AKBP Andi Dharma" (role "Kapolres Bogor", rank "AKBP"), "Menteri Luar Negeri AS Rex
        Tillerson" (affiliation AS). The person comes first, then one-token readings that keep other
        readings (the model's "Biro Humas KPK", a city in "Kapolres Bogor") off the role's words."""
        end, use = self._joined_title(start, titles)
        if use in ("prefix", "after"):
            return None
        rank = affiliation = None
        if use == "rank":
            role_end, pos = start, self._rank_end(doc, start, titles)
            rank = (start, pos)
        elif use == "unit":
            role_end = pos = self._territory_end(doc, end, titles)
        else:
            role_end, affiliation, pos = self._office(doc, end, titles, taken)
        if pos < len(doc) and doc[pos].text == ",":
            pos += 1
        if rank is None and self._is_rank(pos, titles):
            rank = (pos, self._rank_end(doc, pos, titles))
            pos = rank[1]
        if pos >= len(doc):
            return None
        known_person = pos in taken and taken[pos].label == "Person" and taken[pos].start == pos
        name_end = taken[pos].end if known_person else _name_end(doc, pos, self._name_stops(doc, pos, stop, taken))
        if name_end == pos or doc[pos].text.lower() in self.date_words:
            return None         # "kata Kepala Dinas Sosial DKI Masrokhan, Rabu (24/5)": a weekday is no name
        if self._no_name(doc, pos, name_end):
            return None
        possessive = use == "possessive" and name_end - pos == 1
        role = doc[start:role_end].text if role_end > start and not possessive else None
        person = Candidate(pos, name_end, "Person", TITLED, role=role, affiliation=affiliation,
                           rank=doc[rank[0]:rank[1]].text if rank else None)
        kept = range(*affiliation) if affiliation else range(0)
        words = [i for i in (*range(start, role_end), *range(*(rank or (0, 0)))) if i not in kept]
        return [person, *(Candidate(i, i + 1, ROLE, TITLED) for i in words)]

    def _name_stops(self, doc: Doc, pos: int, stop: dict, taken: dict) -> dict:
        """What ends a name read after a title: ``stop``, less a one-word city or region inside the
        name ("Kolonel Inf Dwi Bima": Bima is a city too) or opening it with a given name."""
        first = pos if doc[pos].text.lower() in self.given_names else pos + 1      # "Pangeran George"
        inside = [i for i in range(first, min(len(doc), pos + 4)) if (c := taken.get(i)) is not None
                  and c.end - c.start == 1 and c.label in ("City", "Region", "Place")]
        return {i: v for i, v in stop.items() if i not in inside}

    @staticmethod
    def _is_rank(pos: int, titles: dict) -> bool:
        return pos in titles and titles[pos][1] == "rank"

    def _rank_end(self, doc: Doc, pos: int, titles: dict) -> int:
        """End of the ranks from ``pos`` with what belongs to them: "Kombes Pol dr", "Jenderal TNI (Purn)"."""
        while pos < len(doc):
            if self._is_rank(pos, titles):
                pos = titles[pos][0]
            elif doc[pos].text.lower() in RANK_SUFFIXES:
                pos += 1
            elif doc[pos].text == "(" and pos + 2 < len(doc) and doc[pos + 1].text.lower() in RANK_SUFFIXES \
                    and doc[pos + 2].text == ")":
                pos += 3
            else:
                break
        return pos

    def _territory_end(self, doc: Doc, pos: int, titles: dict) -> int:
        """After an office that holds its unit ("Kapolres"), the end of the words naming the unit's
        territory (one word at least, whatever the model reads there): up to a rank, a comma, a given
        name or a name the model reads ("Kapolres Bogor, AKBP ...", "Kapolda Metro Jaya Irjen ...",
        "Kapolsek Taman Sari Jakarta Barat")."""
        persons = _model_person_starts(doc)
        end = pos
        while end < len(doc) and end - pos < TERRITORY_WORDS and _capitalised(doc[end]) and \
                not self._is_rank(end, titles) and not (end > pos and (end in persons or
                                                                        doc[end].text.lower() in self.given_names)):
            end += 1
        return end

    def _office(self, doc: Doc, pos: int, titles: dict, taken: dict) -> tuple[int, tuple | None, int]:
        """After a title: where its role ends, the affiliation, and where a rank or the name may start.

        Office words belong to the role ("Biro Humas", "luar negeri", and "Reskrim" or "Staf" that
        lead to a unit). The first unit (an organisation, a place, a demonym or an acronym) is the
        affiliation; when only dictionary words name it, it is part of the role too ("Kepala Staf
        Angkatan Darat"). More units may follow it ("Komisi III DPR"). A rank or a name the model
        reads ends the office."""
        role_end, affiliation = pos, None
        persons = _model_person_starts(doc, taken)
        limit = min(len(doc), pos + OFFICE_REACH)
        while pos < limit and not self._is_rank(pos, titles):
            if pos in titles and affiliation is None:       # "Wakil Presiden Direktur", "Kepala Seksi"
                pos = role_end = self._joined_title(pos, titles)[0]
            elif unit := self._unit_at(doc, pos, taken):     # before the model's person: "Presiden Peru Dina Boluarte"
                if affiliation is None:
                    affiliation = unit
                    if self._generic_unit(doc, unit, taken):
                        role_end = unit[1]
                pos = _after_short_form(doc, unit[1])
            elif affiliation is not None and doc[pos].text.lower() in self.org_words and \
                    self._unit_at(doc, pos + 1, taken):       # "Duta Besar Indonesia untuk Arab Saudi"
                pos += 1
            elif pos not in persons and affiliation is None and \
                    (self._office_word(doc[pos]) or self._before_unit(doc, pos, titles, taken)):
                pos = role_end = _after_short_form(doc, pos + 1)
            elif unit := self._model_unit_at(doc, pos):      # "Ketua DPP Hanura Yuddy Chrisnandi"
                affiliation, pos = affiliation or unit, _after_short_form(doc, unit[1])
            else:
                break
        return role_end, affiliation, pos

    @staticmethod
    def _generic_unit(doc: Doc, unit: tuple[int, int], taken: dict) -> bool:
        """An organisation that dictionary words alone name ("Angkatan Darat", "Staf Kepresidenan"):
        it says which office the title is, so it belongs to the role too."""
        c = taken.get(unit[0])
        return c is not None and ENTITY_KIND.get(c.label) == "Organization" and \
            all(is_dictionary_word(t.text) for t in doc[unit[0]:unit[1]])

    def _unit_at(self, doc: Doc, pos: int, taken: dict) -> tuple[int, int] | None:
        """The organisation, place or collective an office may belong to, starting at ``pos``: one
        the rules read, a demonym, an acronym, or a place word (`_place_word`)."""
        if pos >= len(doc):
            return None
        c = taken.get(pos)
        if c is not None and c.start == pos and ENTITY_KIND.get(c.label) in ("Place", "Organization", "Group"):
            return c.start, c.end
        text = doc[pos].text
        if text in self.demonyms or (ACRONYM.match(text) and text.isupper()) or self._place_word(doc, pos):
            return pos, pos + 1
        return None

    def _place_word(self, doc: Doc, pos: int) -> bool:
        """A one-word place of the gazetteer that the context rules left out as an everyday word, after
        an office it is the office's place ("BPBD Garut"); not a given name ("Presiden Rwanda Paul Kagame")."""
        return ENTITY_KIND.get(self.gazetteer.entity_class(doc[pos].text)) == "Place" and \
            doc[pos].text.lower() not in self.given_names and pos not in _model_person_starts(doc)

    def _model_unit_at(self, doc: Doc, pos: int) -> tuple[int, int] | None:
        """An organisation or place the model reads from ``pos`` that holds no title and no person:
        the unit of an office the rules do not know ("Pelatih Persib Bandung, Djadjang Nurdjaman")."""
        model_ents = doc.user_data.get("model_ents", ())
        for s, e, label in model_ents:
            after = e + 1 if e < len(doc) and doc[e].text == "," else e
            if s == pos and label in ("ORG", "LOC") and not any(s <= t < e for t, _ in doc.user_data[TITLE_SPANS]) and \
                    not any(s < pe and ps < e for ps, pe, other in model_ents if other == "PER") and \
                    after < len(doc) and opens_name(doc[after].text):      # a name is left after it
                return s, e
        return None

    def _office_word(self, tok) -> bool:
        """A word of an office's name: "luar negeri", "Biro Humas" (not a given name: "Budi")."""
        low = tok.text.lower()
        return low in self.org_words or \
            (_capitalised(tok) and is_dictionary_word(tok.text) and low not in self.given_names)

    def _before_unit(self, doc: Doc, pos: int, titles: dict, taken: dict) -> bool:
        """Capitalised words from ``pos`` lead to a unit, a rank or a name the model reads: they name
        an office the dictionary does not know ("Kasat Reskrim Polres Bogor", "Kepala Staf Angkatan
        Darat", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Asman Abnur")."""
        if not (_capitalised(doc[pos]) or self._office_word(doc[pos])) or doc[pos].text.lower() in self.given_names:
            return False        # "Pangeran George dan Putri Charlotte": a given name opens a name
        persons = _model_person_starts(doc, taken)
        for j in range(pos + 1, min(len(doc), pos + OFFICE_REACH)):
            if self._unit_at(doc, j, taken) or self._is_rank(j, titles) or j in persons:
                return True
            if not (_capitalised(doc[j]) or self._office_word(doc[j])):
                return False
        return False

    def _speakers(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """Two to four capitalised words right before a verb of saying name a person: "Andrés Pérez mengatakan"."""
        taken = {i for c in others for i in range(c.start, c.end)}
        title_at = dict(doc.user_data[TITLE_SPANS])
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
            if start in title_at:          # "Wakil Presiden menegaskan": a title, no name
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
        """The name after a place cue ("kota X", "Kecamatan X"), up to a person's given name
        ("Negara Bagian Hawaii Chris Lee": two names). A place's name may hold another place the
        gazetteer knows ("Masjid Menara Kudus")."""
        out = []
        for _, start, end in _longest(self.place_cue_matcher(doc)):
            pos = end
            while pos < len(doc) and doc[pos].text.lower() in DIRECTIONS:
                pos += 1
            cls = self.place_cues[doc[start:end].text.lower()]
            persons = {i: None for i in range(pos + 1, min(len(doc), pos + 6)) if self._given_name_end(doc, i) > i}
            name_end = _name_end(doc, pos, persons)
            if name_end > pos:
                if name_end < len(doc) and doc[name_end].text in DIRECTIONS:   # "Asia tengah" is a region
                    name_end, cls = name_end + 1, "Region"
                out.append(Candidate(pos, name_end, cls, 1))
        return out

    def _model_spans(self, doc: Doc, rules: list[Candidate], heads: list, things: set[str]) -> list[Candidate]:
        """The model's spans that may be names, typed by the gazetteer when it knows the name
        (a news agency it lists stays one, whatever kind the model guessed), as the rules typed
        an organisation elsewhere in the text ("aplikasi Gojek" makes every "Gojek" a company),
        and as persons when they open with a given name; a "person" the article puts somewhere
        ("di Kashmir") is a place throughout it. Left out in Title-Case headlines, and spans that
        open with a word of a title or with a cue word ("Kanselir Jerman", "Staf Angkatan Darat" of
        "Kepala Staf", "Maskapai Lion Air": the rules read the name after it), or that name a thing
        (``things``: short forms of things). A function word that only opens the sentence is not
        part of the name ("Baik Evelyn ataupun ...", "Kalau Zhang Nan ..."), nor a dictionary word
        there before a given name ("Pasukan Diego Simeone"), nor a month or a weekday at its end
        ("Rapat Dewan Gubernur Oktober")."""
        out = []
        headline = doc.user_data.get(HEADLINE, ())
        openers = {i for s, e in doc.user_data[TITLE_SPANS] for i in range(s, e)} | \
            {s for _, s, e in heads if doc[s:e].text.lower() in self.cue_heads}
        typed = self._organisation_names(doc, rules)
        model_ents = doc.user_data.pop("model_ents", [])
        been_at = {doc[s:e].text for s, e, _ in model_ents if s > 0 and doc[s - 1].text.lower() in self.locatives}
        for start, end, label in model_ents:
            kind = MODEL_LABELS.get(label)
            if end - start > 1 and self._opens_sentence(doc, start) and (doc[start].lower_ in self.function_openers or (
                    is_dictionary_word(doc[start].text) and self._given_name_end(doc, start + 1) > start + 1)):
                start += 1
            while end > start and doc[end - 1].lower_ in self.date_words:
                end -= 1
            end = next((i for i in range(start, end) if doc[i].text == "(" and ")" not in doc[i:end].text),
                       end)     # "Kementerian Kesehatan (Kemenkes": a name holds no bracket it does not close
            if end == start:
                continue
            span = doc[start:end]
            if kind is None or start in headline or start in openers or span.text in things or \
                    not self._may_be_name(span) or (kind == "Person" and _product(span)):
                continue
            if kind == "Person" and span.text in been_at:
                kind = "Place"      # somewhere the article is "di Kashmir", the model's person "Kashmir" is a place
            known = self.gazetteer.entity_class(span.text)
            if kind == "Person" and self._person_not_place(doc, start, end, known):
                known = None
            known = known or typed.get(span.text)
            cls = known or ("Person" if self._given_name_first(span) else kind)
            if cls == "Person" and not known:
                cls = self._organisation_shaped(span) or cls
            out.append(Candidate(start, end, cls, 0, source="model"))
        return out

    def _organisation_names(self, doc: Doc, rules: list[Candidate]) -> dict[str, str]:
        """Name → class of the organisations the rules read, a party or a company also without its
        head word: after "Partai Golkar" or "Bank Mandiri", "Golkar" and "Mandiri" name them too
        (not so "Eropa" after "Uni Eropa")."""
        out = {}
        for c in rules:
            if c.source == "rule" and ENTITY_KIND.get(c.label) == "Organization":
                out[doc[c.start:c.end].text] = c.label
                headed = c.end - c.start > 1 and doc[c.start].lower_ in self.org_heads
                if headed and c.label in ("PoliticalParty", "Company"):
                    out.setdefault(doc[c.start + 1:c.end].text, c.label)
        return out

    def _organisation_shaped(self, span: Span) -> str | None:
        """The class of the organisation a model's "person" is by its shape: it opens with an
        organisation's head word that is no given name ("Densus Tipikor", "Universitas Makerere"), or
        holds an acronym of three letters or more among words that are not in capitals ("CIMB Sun
        Life"; "HM Prasetyo", "Fraser Robinson III" and "MICHELE PIRRO" are persons)."""
        first = span[0].lower_
        if first in self.org_heads and first not in self.given_names:
            return self.org_heads[first]
        acronyms = [t for t in span if len(t) > 2 and t.text.isupper() and t.is_alpha and not ROMAN.fullmatch(t.text)]
        return "Organization" if acronyms and len(acronyms) < len(span) and not span.text.isupper() else None

    def _may_be_name(self, span: Span) -> bool:
        """Not: a span opening with neither a capital nor a digit ("kota barat", a stray "“"
        or "“Orang": a name opens with its first letter), a word drawn out in speech ("Amiiiin"),
        the long name of a thing ("Surat Perintah ..."), a score ("Al Ahly 2-1 Zamalek": two
        teams), a unit after a number ("4 TB"), a single common, nationality or religion word or
        interjection ("Protes", "Kazakh", "Budha"), or a dictionary word alone at a sentence's
        start, or after the quote that opens it, that is no given name, also with a particle on it
        ("Bodoh", "Tetaplah")."""
        text = span.text
        low = text.lower()
        if not opens_name(text) or ELONGATED.search(text) or span[0].lower_ in THING_HEADS or \
                any(_score_at(span.doc.user_data[TEXTS], i) for i in range(span.start, span.end)):
            return False
        if len(span) > 1:
            return True
        if low in UNITS and span.start > 0 and span.doc[span.start - 1].text[:1].isdigit():
            return False
        return not (low in self.common_words or low in NOT_NAMES or text in self.demonyms or
                    (self._opens_sentence(span.doc, span.start) and low not in self.given_names and
                     (is_dictionary_word(text) or is_dictionary_word(CLITIC.sub("", low)))))

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

    def _given_name_persons(self, doc: Doc, gaz: list[Candidate]) -> list[Candidate]:
        """Names that open with a given name, where no longer or surer reading covers them (the
        lowest priority): "Brooke Davis", and "Janet Jackson" over the city of Jackson. A capitalised
        word before the given name is a name's part, unless it ends a place ("aktor Amerika Serikat
        Steven Seagal", "kiper Cagliari Luca Crosta": the model's one span is two names)."""
        headline = doc.user_data.get(HEADLINE, ())
        place_ends = {c.end for c in gaz if ENTITY_KIND.get(c.label) == "Place"}
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            if text.lower() not in self.given_names or not _capitalised(tok := doc[i]) or i in headline or \
                    (i > 0 and not tok.is_sent_start and _capitalised(doc[i - 1]) and i not in place_ends):
                continue
            end = self._given_name_end(doc, tok.i)
            if end > tok.i:
                out.append(Candidate(tok.i, end, "Person", -1))
        return out

    def _propagate_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Persons named in full in this document are persons wherever the name comes again
        in full, and so are their bare surnames and first names, also where the model typed
        them otherwise; a bare surname also where the gazetteer knows a town of that name ("Linda
        Hamilton ... Hamilton"), unless a locative or a place cue stands before it ("di Asmara")."""
        parts, full, surnames = set(), set(), set()
        for c in chosen:
            if c.label == "Person" and c.end - c.start >= 2:
                full.add(tuple(t.text for t in doc[c.start:c.end]))
                surnames.add(doc[c.end - 1].text)
                for tok in doc[c.start:c.end]:
                    if len(tok.text) > 2 and _capitalised(tok) and tok.lower_ not in NAME_PARTICLES | NOT_NAMES:
                        parts.add(tok.text)
        def surname_not_town(c: Candidate) -> bool:
            return c.label in ("City", "Region", "Place") and doc[c.start].text in surnames and \
                not self._after_locative(doc, c.start)
        kept = [c for c in chosen if not (c.end - c.start == 1 and doc[c.start].text in parts and
                                          (c.source == "model" or surname_not_town(c)))]
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

    def _introduced_names(self, doc: Doc, chosen: list[Candidate], aliases: list) -> list[Candidate]:
        """The other name an article introduces for a person or a body: "Jusuf Kalla (JK)", "Setnov
        (Setya Novanto)", "Oesman Sapta Odang alias OSO", "Ridwan Kamil yang akrab disapa Emil", a
        person's "Basuki Tjahaja Purnama atau Ahok" (the words: kg/lang/id/names.json). The pair goes
        to ``aliases`` (one entity: kg.resolve.entities), and the other name is a name of the full
        name's class wherever the text has it again ("JK" alone later on): readings of it are
        relabelled in ``chosen``, new ones returned. A name the rules or the gazetteer read as
        something else is no other name ("Fadli Zon (Gerindra)")."""
        at = {i: c for c in chosen for i in range(c.start, c.end)}
        paired = {short for _, short in aliases}
        texts, added = doc.user_data[TEXTS], []
        for c in [c for c in chosen if c.label != ROLE]:
            found = self._other_name(doc, c)
            if not found:
                continue
            (start, end), strict = found
            name, reading = texts[start:end], at.get(start)
            if reading and not ((reading.start, reading.end) == (start, end) and (
                    reading.label == "Person" and reading.source != "gazetteer" if strict else
                    reading.source == "model" or ENTITY_KIND.get(reading.label) == ENTITY_KIND.get(c.label))):
                continue
            if end - start == 1 and not name[0].isupper() and is_dictionary_word(name[0]):
                continue
            other = (doc[start:end].start_char, doc[start:end].end_char)
            if other not in paired:
                aliases.append(((doc[c.start:c.end].start_char, doc[c.start:c.end].end_char), other))
            for pos in range(len(texts)):
                if texts[pos:pos + len(name)] != name:
                    continue
                again = at.get(pos)
                if again is None and not any(i in at for i in range(pos, pos + len(name))):
                    again = Candidate(pos, pos + len(name), c.label, 0)
                    added.append(again)
                    at.update({i: again for i in range(pos, pos + len(name))})
                elif again and (again.start, again.end) == (pos, pos + len(name)) and \
                        (again is reading or again.source == "model"):
                    again.label = c.label
        return added

    def _other_name(self, doc: Doc, c: Candidate) -> tuple[tuple[int, int], bool] | None:
        """Where the other name of entity ``c`` stands, and whether only a name read as no one else
        will do (after a plain "atau", that is usually "or": no reading but a person's that is
        not the gazetteer's, no given name: "Shohei Matsunaga atau Tantan"). In brackets
        with no introducing word it must be cut from the full name (`_cut_from_start`); before a
        person's name in brackets, not in capitals ("HKTI (Himpunan Kerukunan Tani Indonesia)" is
        a body the model may read as a person)."""
        texts, kind = doc.user_data[TEXTS], ENTITY_KIND.get(c.label)
        full, pos = texts[c.start:c.end], c.end
        if kind not in ("Person", "Organization") or pos >= len(texts):
            return None
        if texts[pos] == "(" and texts[pos + 2:pos + 3] == [")"] and _cut_from_start(texts[pos + 1], full):
            return (pos + 1, pos + 2), False
        cue = _phrase_ending(texts, c.start, INTRODUCERS_IN_BRACKETS)
        bracket = (cue if cue is not None else c.start) - 1
        if kind == "Person" and len(full) > 1 and bracket > 0 and texts[bracket] == "(" and texts[pos] == ")" and \
                _capitalised(doc[bracket - 1]) and (cue is not None or not texts[bracket - 1].isupper() and
                                                    _cut_from_start(texts[bracket - 1], full)):
            return (bracket - 1, bracket), False
        if kind == "Person" and len(full) > 1 and texts[pos] == OR and pos + 2 < len(texts) and \
                _capitalised(doc[pos + 1]) and not _capitalised(doc[pos + 2]) and texts[pos + 2] != "(" and \
                texts[pos + 1].lower() not in self.given_names:
            return (pos + 1, pos + 2), True
        while pos < len(texts) and pos - c.end < 3 and texts[pos].lower() in INTRODUCER_SKIPS:
            pos += 1
        cue_end = next((pos + len(p) for p in INTRODUCERS if tuple(t.lower() for t in texts[pos:pos + len(p)]) == p),
                       None)
        if cue_end:
            end = min(_name_end(doc, cue_end, {}), cue_end + 3)
            if end > cue_end:
                return (cue_end, end), False
        return None


def _phrase_matcher(nlp: Language, phrases) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("P", [nlp.make_doc(p) for p in phrases])
    return matcher


def _words(tokens) -> tuple[str, ...]:
    """The lower-case words of a Doc or Span: how a phrase matched in any case is looked up."""
    return tuple(t.lower_ for t in tokens)


def _longest(matches):
    """The leftmost-longest matches that do not overlap ("Wakil Presiden | Direktur", not "Presiden Direktur")."""
    matches = sorted(matches, key=lambda m: (m[1], -m[2]))
    out, last_end = [], -1
    for m in matches:
        if m[1] >= last_end:
            out.append(m)
            last_end = m[2]
    return out


def _headline_tokens(doc: Doc) -> frozenset[int]:
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


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.i not in tok.doc.user_data.get(HEADLINE, ())


def _name_end(doc: Doc, pos: int, taken: dict) -> int:
    """End of a run of 1-5 capitalised tokens (hyphens and particles allowed inside; a hyphen
    between spaces where the model reads one person across it: "Jean - Jacques Dozy")."""
    end = pos
    while end < len(doc) and end - pos < 6 and end not in taken:
        tok = doc[end]
        if _capitalised(tok):
            end += 1
        elif tok.text == "-" and end + 1 < len(doc) and doc[end + 1].is_alpha and end > pos and \
                (not tok.whitespace_ and not doc[end - 1].whitespace_ or _model_person_across(doc, end)):
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


def _outside(candidates: list[Candidate], datelines: list[tuple]) -> list[Candidate]:
    """The readings that lie outside the datelines: a dateline holds no entity."""
    return [c for c in candidates if not any(s < c.end and c.start < e for s, e, _ in datelines)]


def _score_at(texts: list[str], i: int) -> int:
    """How many tokens the score at token ``i`` takes ("2-1", "87 - 90"); 0 if none starts there."""
    if not texts[i][:1].isdecimal():      # what \d matches: most tokens are no score, and a regex costs more
        return 0
    if SCORE.fullmatch(texts[i]):
        return 1
    return 3 if i + 2 < len(texts) and texts[i + 1] in DASHES and SCORE.fullmatch(f"{texts[i]}-{texts[i + 2]}") else 0


def _spelt_in_lower_case(doc: Doc, bracket: int, acronym: str) -> bool:
    """The lower-case words before ``bracket`` begin with the acronym's letters, in order
    ("pemutusan hubungan kerja (PHK)"): the acronym is a common noun's."""
    words = [t.text for t in doc[max(0, bracket - len(acronym)):bracket]]
    return len(words) == len(acronym) and all(w[:1].islower() for w in words) and \
        "".join(w[0] for w in words) == acronym.lower()


def _cut_from_start(short: str, full: list[str]) -> bool:
    """Is ``short`` the initials of the capitalised words of ``full`` ("OSO" Oesman Sapta Odang, "HTI"),
    or, not in capitals, a name of three letters or more that opens as the full name does and is
    none of its words ("Setnov" Setya Novanto, "Kemenkes" Kementerian Kesehatan)?"""
    words = [w for w in full if w[:1].isupper()]
    if short.isupper():
        return len(short) >= 2 and short == "".join(w[0] for w in words)
    return len(words) >= 2 and len(short) >= 3 and short[:1].isupper() and \
        short[:2].lower() == words[0][:2].lower() and short not in words


def _phrase_ending(texts: list[str], end: int, phrases: list[tuple[str, ...]]) -> int | None:
    """Where one of ``phrases`` (lower case) ends at token ``end`` starts, if one does."""
    return next((end - len(p) for p in phrases if tuple(t.lower() for t in texts[max(0, end - len(p)):end]) == p), None)


def _product(span: Span) -> bool:
    """A product's or model's name, not a person's: it holds a number or ends in a product word
    ("Predator 21X", "Mitsubishi Fuso R Series"). A single letter may end a person's name ("Iwa K")."""
    return any(ch.isdigit() for ch in span.text) or span[-1].lower_ in PRODUCT_WORDS


def _without_degrees(doc: Doc, c: Candidate) -> Candidate:
    """A person's name without the academic degrees written after it ("Johanes Panghutan Siboro SH")."""
    while c.label == "Person" and c.end - c.start > 1 and doc[c.end - 1].text.lower() in DEGREES:
        c.end -= 1
    return c


def _after_short_form(doc: Doc, pos: int) -> int:
    """After a short form in brackets that follows an office or its unit ("Kepala Bagian Penerangan
    Umum (Kabag Penum) Polri", "Asosiasi Pengusaha Ritel Indonesia (Aprindo)"): ``pos`` otherwise."""
    close = next((i for i in range(pos + 1, min(len(doc), pos + 4)) if doc[i].text == ")"), None)
    if pos < len(doc) and doc[pos].text == "(" and close and all(opens_name(t.text) for t in doc[pos + 1:close]):
        return close + 1
    return pos


def _model_person_starts(doc: Doc, taken: dict | None = None) -> set[int]:
    """Where the model's persons start; with ``taken``, only those that overlap no reading of the
    rules ("Kepala Pelaksana BPBD Garut": the model's "Pelaksana BPBD" is no person)."""
    return {s for s, e, label in doc.user_data.get("model_ents", ())
            if label == "PER" and not (taken and any(i in taken for i in range(s, e)))}


def _model_person_across(doc: Doc, i: int) -> bool:
    """The model reads one person over the tokens either side of token ``i``."""
    return any(s < i < e - 1 and label == "PER" for s, e, label in doc.user_data.get("model_ents", ()))


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

