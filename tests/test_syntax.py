"""kg.syntax: the shipped UD parser reads the relations the event extraction relies on.

The sentences are ones the shipped model (kg/lang/id/parser-model) parses right;
after retraining, a failure here means the new model lost a pattern that
kg.extract may depend on — check before shipping it.
"""
from __future__ import annotations

import re

import pytest

from kg.syntax import Parse, load_parser

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text)


@pytest.fixture(scope="module")
def parser():
    return load_parser()


@pytest.fixture(scope="module")
def parses(parser) -> dict[str, Parse]:
    texts = [
        "Di Lima, polisi menangkap 20 demonstran.",
        "Dua wartawan ditangkap oleh polisi di Yangon.",
        "Presiden Sri Lanka melarikan diri ke Maladewa.",
        "Para pengungsi tiba dari Suriah.",
        "Militer Myanmar mengambil alih kekuasaan dan menahan Aung San Suu Kyi.",
        "Juru bicara polisi mengatakan, tiga pelaku ditangkap di Nairobi.",
    ]
    return dict(zip(texts, parser.parse([words(t) for t in texts])))


def rel(parse: Parse, word: str) -> tuple[str, str]:
    """(relation, head word) of the first occurrence of ``word``."""
    i = parse.words.index(word)
    return parse.deps[i], parse.words[parse.heads[i]]


def test_subject_object_numeral_and_place(parses):
    p = parses["Di Lima, polisi menangkap 20 demonstran."]
    assert rel(p, "menangkap") == ("root", "menangkap")
    assert rel(p, "polisi") == ("nsubj", "menangkap")
    assert rel(p, "demonstran") == ("obj", "menangkap")
    assert rel(p, "20") == ("nummod", "demonstran")
    assert rel(p, "Lima") == ("obl", "menangkap")          # the noun hangs off the verb ...
    assert rel(p, "Di") == ("case", "Lima")                # ... and the preposition off the noun
    assert p.pos[p.words.index("menangkap")] == "VERB"
    assert p.pos[p.words.index("20")] == "NUM"


def test_passive_subject_and_oleh_agent(parses):
    p = parses["Dua wartawan ditangkap oleh polisi di Yangon."]
    assert rel(p, "wartawan") == ("nsubj:pass", "ditangkap")
    assert rel(p, "polisi") == ("obl:agent", "ditangkap")
    assert rel(p, "oleh") == ("case", "polisi")
    assert rel(p, "Dua") == ("nummod", "wartawan")


@pytest.mark.parametrize("text, marker, place, verb", [
    ("Presiden Sri Lanka melarikan diri ke Maladewa.", "ke", "Maladewa", "melarikan"),
    ("Para pengungsi tiba dari Suriah.", "dari", "Suriah", "tiba"),
])
def test_ke_and_dari_phrases(parses, text, marker, place, verb):
    p = parses[text]
    assert rel(p, place) == ("obl", verb)
    assert rel(p, marker) == ("case", place)


def test_name_parts_hang_off_the_first(parses):
    p = parses["Presiden Sri Lanka melarikan diri ke Maladewa."]
    assert rel(p, "Presiden") == ("nsubj", "melarikan")
    assert rel(p, "Sri") == ("flat:name", "Presiden")


def test_coordinated_clauses(parses):
    p = parses["Militer Myanmar mengambil alih kekuasaan dan menahan Aung San Suu Kyi."]
    assert rel(p, "Militer") == ("nsubj", "mengambil")
    assert rel(p, "menahan") == ("conj", "mengambil")      # the second verb: conj of the first
    assert rel(p, "dan") == ("cc", "menahan")
    assert rel(p, "Aung") == ("obj", "menahan")
    assert p.children(p.words.index("menahan"), "nsubj") == []   # subject shared, not repeated


def test_reported_clause(parses):
    p = parses["Juru bicara polisi mengatakan, tiga pelaku ditangkap di Nairobi."]
    dep, head = rel(p, "ditangkap")
    assert head == "mengatakan" and dep in ("ccomp", "advcl", "parataxis")   # the reported clause, under the verb of saying
    assert rel(p, "pelaku") == ("nsubj:pass", "ditangkap")
    assert rel(p, "tiga") == ("nummod", "pelaku")
    assert rel(p, "Nairobi") == ("obl", "ditangkap")


def test_every_parse_is_one_tree_over_the_given_words(parses):
    for text, p in parses.items():
        n = len(p.words)
        assert p.words == words(text)
        assert len(p.heads) == len(p.deps) == len(p.pos) == n
        assert all(0 <= h < n for h in p.heads)
        assert [i for i, h in enumerate(p.heads) if h == i] == [p.deps.index("root")]
        assert all(d == d.lower() for d in p.deps)
        assert set(p.pos) <= UPOS
        for i in range(n):                                 # no cycles: every word reaches the root
            seen, j = set(), i
            while p.heads[j] != j:
                assert j not in seen
                seen.add(j)
                j = p.heads[j]


def test_batch_edges(parser):
    assert parser.parse([]) == []
    empty, one = parser.parse([[], ["Protes"]])
    assert empty == Parse([], [], [], [])
    assert one.heads == [0] and one.deps == ["root"]
    with pytest.raises(ValueError):
        parser.parse([["Protes", ""]])


def test_loaded_once_and_clear_error_when_missing(parser, tmp_path, monkeypatch):
    assert load_parser() is parser
    monkeypatch.setenv("KG_PARSER_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="make parser"):
        load_parser()
