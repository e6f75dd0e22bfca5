"""The words of the language folder that the name rules read, loaded once.

Word lists and tables of ``kg/lang/<language>/`` (names.json, abbreviations, common words,
dates) and the patterns and limits the rules share; no rule lives here.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy

from kg.lang import language


LANG = language()
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
