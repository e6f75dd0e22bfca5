"""Bad input through the real `kg build` (a subprocess): each bad file is one warning, the rest is built.

The corpus is generated at test time by tests/badinput/make.py (the 5 MB line is not committed).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import GraphStore
from kg.vocab import NIF, doc_iri

sys.path.insert(0, str(Path(__file__).parent / "badinput"))
import make  # noqa: E402

KG = [sys.executable, "-m", "kg.cli"]


def kg_build(*inputs: Path, store: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "build", *map(str, inputs), "--store", str(store), "--no-model", "-j", "1"],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make.make(tmp_path_factory.mktemp("badinput"))


@pytest.fixture(scope="module")
def mixed_build(corpus, tmp_path_factory):
    """One build over every bad input together with the good articles next to them."""
    store = tmp_path_factory.mktemp("store") / "store"
    result = kg_build(corpus["corpus"], corpus["nothing"], corpus["missing"], corpus["big"], store=store)
    return result, store


def warnings_naming(stderr: str, needle: str) -> list[str]:
    return [line for line in stderr.splitlines() if needle in line]


def test_the_build_goes_on_and_exits_zero(mixed_build):
    result, _ = mixed_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("built 6 documents")
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("needle, reason", [
    ("empty.txt", "empty file; skipped"),
    ("binary.txt", "binary or unknown encoding; skipped"),
    ("english.txt", "not Indonesian text; skipped"),
    ("latin1.txt", "bad date '2023-02-30' in manifest"),
    ("ghost.txt", "lists ghost.txt, which does not exist"),
    ("nocols/manifest.csv", "manifest has no 'file' column; ignored"),
    ("broken.jsonl:2", "bad JSON"),
    ("broken.jsonl:3", "no string 'text' field; skipped"),
    ("broken.jsonl:4", "no string 'text' field; skipped"),
    ("nothing", "no articles (.txt, .jsonl, .html) found"),
    ("missing", "no such file or directory"),
    ("huge.txt", "text longer than 1,000,000 characters (5,000,001); skipped"),
])
def test_one_warning_per_bad_input_naming_file_and_reason(mixed_build, needle, reason):
    result, _ = mixed_build
    lines = warnings_naming(result.stderr, needle)
    assert len(lines) == 1, (needle, result.stderr)
    assert reason in lines[0]


def test_good_files_and_readable_encodings_give_no_warning(mixed_build):
    result, _ = mixed_build
    assert len(result.stderr.splitlines()) == 12
    for name in ("good.txt", "utf16.txt", "page.html", "article.txt", "broken.jsonl:1:"):
        assert warnings_naming(result.stderr, name) == [], name


def test_good_articles_are_built_with_text_decoded_and_scripts_dropped(mixed_build):
    _, store = mixed_build
    graph = GraphStore(store).open_read()
    is_string = ox.NamedNode(NIF + "isString")
    texts = {q.subject.value: q.object.value for q in graph.quads_for_pattern(None, is_string, None)
             if "#char=" not in q.subject.value}
    assert set(texts) == {doc_iri(i) for i in ("good", "latin1", "utf16", "page", "article", "jsonl-good")}
    assert "Presiden Perú José Pérez" in texts[doc_iri("latin1")]
    assert texts[doc_iri("utf16")].startswith("Perdana Menteri São Tomé")
    page = texts[doc_iri("page")]
    assert "Polisi Kenya menahan puluhan demonstran" in page
    for chrome in ("Presiden palsu", "trackVisitor", "color: red", "Beranda", "Hak cipta"):
        assert chrome not in page


def test_nothing_readable_fails_with_one_error_line(corpus, tmp_path):
    articles = corpus["articles"]
    result = kg_build(articles / "empty.txt", articles / "binary.txt", articles / "english.txt",
                      corpus["nothing"], corpus["missing"], store=tmp_path / "store")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "error: no document could be read"
    assert all(line.startswith("warning: ") for line in lines[:-1])
    for name in ("empty.txt", "binary.txt", "english.txt", "nothing", "missing"):
        assert len(warnings_naming(result.stderr, name)) == 1, name
