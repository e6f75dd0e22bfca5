"""The Python API (kg.api), as a script or a notebook uses it: the same checks and results as the
commands, which are a thin layer over it."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
from conftest import ROOT, SEEDS
from graph_fixture import free_port

from kg import api
from kg.query import QueryError


def test_count_articles_counts_without_reading(tmp_path):
    (tmp_path / "a.txt").write_text("Polisi menahan dua orang.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "news.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    problems: list = []
    assert api.count_articles([tmp_path, tmp_path / "missing"], problems) == 4
    assert [str(p) for p in problems] == [f"{tmp_path / 'missing'}: no such file or directory"]


@pytest.mark.parametrize("inputs, reason", [
    (["missing"], "missing: no such file or directory"),
    (["empty-folder"], "empty-folder: no articles (.txt, .jsonl, .html) found"),
    (["blank.jsonl"], "the files are empty"),
])
def test_nothing_to_build_is_an_error_before_any_work(tmp_path, inputs, reason):
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    store = tmp_path / "store"
    with pytest.raises(api.UserError, match="^nothing to build: .*" + reason.replace("(", r"\(").replace(")", r"\)")):
        api.build([tmp_path / i for i in inputs], store)
    assert not store.exists()


def test_build_reports_progress_with_its_total(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("001_ae63efb113a25a47.txt", "004_295c2baa0c2732ff.txt"):
        shutil.copy(SEEDS / name, articles / name)
    calls = []
    report = api.build([articles], tmp_path / "store", jobs=1, use_model=False,
                       progress=lambda done, total: calls.append((done, total)))
    assert report.built == 2 and calls[0] == (0, 2) and calls[-1] == (2, 2)
    assert all(total == 2 for _, total in calls)
    rows = list(csv.DictReader(io.StringIO(api.query("documents", tmp_path / "store", format="csv"))))
    assert sorted(r["id"] for r in rows) == ["001_ae63efb113a25a47", "004_295c2baa0c2732ff"]


def test_query_explain_and_export(seed_store, tmp_path):
    text = api.query("evidence", seed_store, {"name": "CSTO"}, format="tsv")
    assert text.splitlines()[0] == "name\tentity\tdocument\tanchor\ttext" and len(text.splitlines()) > 5
    with pytest.raises(QueryError, match="needs --param name=VALUE"):
        api.query("evidence", seed_store)
    assert "Collective Security Treaty Organization" in api.explain("CSTO", seed_store)[0]
    with pytest.raises(api.UserError, match="no entity named 'Nobody'"):
        api.explain("Nobody", seed_store)
    out = tmp_path / "events.csv"
    api.export("acled-csv", out, seed_store, since="2022-01-05", until="2022-01-05")
    exported = {r["event_id"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    timeline = csv.DictReader(io.StringIO(api.query("timeline", seed_store, format="csv")))
    assert exported and exported == {r["event"] for r in timeline if r["date"] == "2022-01-05"}
    with pytest.raises(api.UserError, match="--since expects a date"):
        api.export("geojson", tmp_path / "x.geojson", seed_store, since="2022-02-30")
    assert not (tmp_path / "x.geojson").exists() and not list(tmp_path.glob("*.part"))


def test_a_failed_service_is_a_query_error(seed_store, tmp_path):
    port = free_port()
    query = tmp_path / "remote.rq"
    query.write_text(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    with pytest.raises(QueryError, match=f"SERVICE <http://127.0.0.1:{port}/sparql> failed"):
        api.query(str(query), seed_store)


def test_serve_answers_until_interrupted(seed_store):
    port = free_port()
    script = textwrap.dedent(f"""
        from kg import api
        api.serve({str(seed_store)!r}, port={port}, ready=lambda url: print("ready", url, flush=True))
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert process.stdout.readline() == f"ready http://127.0.0.1:{port}/\n"
        for _ in range(100):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"})
                break
            except httpx.TransportError:
                assert process.poll() is None
                time.sleep(0.2)
        assert answer.json()["boolean"] is True
    finally:
        process.terminate()
        process.wait(30)
