"""Hostile `kg query`: values cannot change a query, typed parameters are checked, updates never run.

tests/test_cli.py already sends hostile *string* values to a saved query; here the queries are
.rq files of our own, with iri, integer and date parameters, and updates.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import GraphStore
from kg.vocab import doc_iri

KG = [sys.executable, "-m", "kg.cli"]
ARTICLE = ("Ribuan pengunjuk rasa berkumpul di Tbilisi pada hari Minggu untuk menuntut pencabutan undang-undang "
           "agen asing, kata polisi. Sebanyak 66 orang ditahan setelah bentrokan di depan gedung parlemen.")
HOSTILE = ['"} DROP ALL {"', "x\" ) } DELETE WHERE { ?s ?p ?o } #", "<http://ex/a> } ; DROP ALL ; {"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "georgia.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "store"
    assert build([folder / "georgia.txt"], path, jobs=1, use_model=False).built == 1
    return path


@pytest.fixture
def rq(tmp_path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / f"{name}.rq"
        path.write_text(text, encoding="utf-8")
        return path
    return write


def quads(store: Path) -> int:
    return len(GraphStore(store).open_read())


def kg_query(path: Path, store: Path, *params: str) -> subprocess.CompletedProcess:
    args = [*KG, "query", str(path), "--store", str(store), "--format", "csv"]
    for p in params:
        args += ["-p", p]
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def one_error_line(result, expected: str) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert expected in result.stderr, result.stderr


def test_iri_parameter_is_bound_as_a_term(store, rq):
    path = rq("props", "# title: Properties\n# param: x iri  A subject\nSELECT ?x ?p WHERE { ?x ?p ?o }\n")
    result = kg_query(path, store, f"x={doc_iri('georgia')}")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0] == "x,p" and len(rows) > 3
    assert all(r.startswith(doc_iri("georgia") + ",") for r in rows[1:])


@pytest.mark.parametrize("value", [
    "http://ex/a>b", "http://ex/a> } DROP ALL { <http://ex/b", "http://ex/a b", 'http://ex/"x"', "not an iri", "",
])
def test_bad_iris_are_refused_in_one_line(store, rq, value):
    path = rq("props", "# param: x iri\nSELECT ?x ?p WHERE { ?x ?p ?o }\n")
    one_error_line(kg_query(path, store, f"x={value}"), "parameter x must be an IRI")


@pytest.mark.parametrize("kind, value, expected", [
    ("integer", "1 } DROP ALL {", "must be an integer"),
    ("integer", "1" * 40, "must be an integer"),
    ("date", '2023-01-01"^^<http://ex/t>', "must be a date YYYY-MM-DD"),
    ("date", "2023-02-30", "must be a date YYYY-MM-DD"),
])
def test_typed_parameters_are_checked(store, rq, kind, value, expected):
    path = rq("typed", f"# param: x {kind}\nSELECT ?x WHERE {{ ?s ?p ?x }} LIMIT 1\n")
    one_error_line(kg_query(path, store, f"x={value}"), f"parameter x {expected}")


def test_hostile_values_stay_values_and_change_nothing(store, rq):
    before = quads(store)
    path = rq("labels", "# param: x string\nSELECT ?x ?s WHERE { ?s ?p ?x }\n")
    for value in HOSTILE:
        result = kg_query(path, store, f"x={value}")
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert result.stdout.splitlines() == ["x,s"]
    assert quads(store) == before


def test_one_megabyte_values(store, rq):
    """Too long for one argv entry (Linux caps it at 128 KB), so through click in-process."""
    before = quads(store)
    strings = rq("labels", "# param: x string\nSELECT ?x ?s WHERE { ?s ?p ?x }\n")
    iris = rq("props", "# param: x iri\nSELECT ?x ?p WHERE { ?x ?p ?o }\n")
    for path, value in [(strings, '"} DROP ALL {"' * 75_000), (iris, "http://ex/" + "a" * 1_000_000)]:
        result = CliRunner().invoke(cli, ["query", str(path), "--store", str(store), "--format", "csv",
                                          "-p", f"x={value}"])
        assert result.exit_code == 0 and result.stderr == "", result.stderr[:200]
        assert result.stdout.splitlines() == [result.stdout.splitlines()[0]]
    result = CliRunner().invoke(cli, ["query", str(iris), "--store", str(store), "-p", "x=http://ex/>" * 100_000])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert len(result.stderr) < 200   # the error quotes only the start of the value
    assert quads(store) == before


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "CLEAR DEFAULT",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT DATA { GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> \"o\" } }",
    "PREFIX ex: <http://ex/>\nDELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <file:///etc/passwd>",
])
def test_updates_are_refused_and_the_store_is_unchanged(store, rq, update):
    before = quads(store)
    current = (store / "CURRENT").read_text()
    one_error_line(kg_query(rq("update", f"# title: an update\n{update}\n"), store), "query update")
    assert quads(store) == before
    assert (store / "CURRENT").read_text() == current


def test_the_query_side_opens_the_store_read_only(store):
    graph = GraphStore(store).open_read()
    with pytest.raises(RuntimeError, match="only possible on read-write"):
        graph.update("DROP ALL")
    assert quads(store) == len(graph) > 0
