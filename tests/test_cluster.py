"""One graph however the work was cut: one build, shards loaded in any order, and Dask with one
or two local workers or a real scheduler with worker processes on 127.0.0.1; and faults.

The corpus is the articles of the identity gold's pairs (tests/gold/identity_pairs.jsonl), with
the two articles of each pair in different shards, so reports of one incident are joined only
if identity works across shards.
"""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indosum import ROOT, corpus
from kg.store import GraphStore
from test_shards_sequential import invoke, quads

pytest.importorskip("distributed")
DASK = Path(sys.executable).parent / "dask"
PAIRS = ROOT / "tests" / "gold" / "identity_pairs.jsonl"
ARTICLES = 120


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Two corpora: the first article of each same-incident pair in one, the second in the other."""
    tmp = tmp_path_factory.mktemp("cluster")
    first, second = [], []
    for line in PAIRS.read_text().splitlines():
        pair = json.loads(line)
        if len(first) + len(second) >= ARTICLES:
            break
        for article, side in ((pair["a"], first), (pair["b"], second)):
            if article not in first and article not in second:
                side.append(article)
    return corpus(first, tmp / "first.jsonl"), corpus(second, tmp / "second.jsonl")


@pytest.fixture(scope="module")
def one_build(shards, tmp_path_factory):
    store = tmp_path_factory.mktemp("one") / "store"
    invoke("build", *shards, "--store", store, "-j", 2)
    return store


def test_one_build_joins_reports_across_the_two_shards(one_build, shards):
    from kg.vocab import doc_iri, sparql_prefixes

    first = {doc_iri(json.loads(line)["id"]) for line in shards[0].read_text().splitlines()}
    rows = GraphStore(one_build).open_read().query(sparql_prefixes() + """
        SELECT ?da ?db WHERE { GRAPH ?g { ?m a crisis:MergeDecision ; crisis:joins ?a, ?b FILTER(STR(?a) < STR(?b))
                                          ?a crisis:inDocument ?da . ?b crisis:inDocument ?db } }""")
    across = [r for r in rows if (r["da"].value in first) != (r["db"].value in first)]
    assert across, "no incident joins reports of the two shards: the test would prove nothing"


def test_shards_loaded_in_any_order_give_the_graph_of_one_build(one_build, shards, tmp_path):
    nq = [tmp_path / "first.nq", tmp_path / "second.nq"]
    for corpus_file, shard in zip(shards, nq):
        invoke("extract", corpus_file, "-o", shard, "-j", 1)
    expected = quads(one_build)
    invoke("load", nq[1], nq[0], "--store", tmp_path / "reversed")
    assert quads(tmp_path / "reversed") == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_a_local_dask_cluster_gives_the_graph_of_one_build(one_build, shards, tmp_path, workers):
    invoke("build", *shards, "--store", tmp_path / "store", "--scheduler", f"local:{workers}")
    assert quads(tmp_path / "store") == quads(one_build)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def scheduler():
    """A real `dask scheduler` on 127.0.0.1; stopped after the test."""
    port = _free_port()
    process = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_port(port)
    yield f"tcp://127.0.0.1:{port}", process
    process.kill()
    process.wait()


def _wait_for_port(port: int) -> None:
    for _ in range(300):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def _worker(address: str) -> subprocess.Popen:
    """A `dask worker` process without a nanny, so that killing it kills the worker."""
    return subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def test_a_real_cluster_gives_the_same_graph_when_a_worker_is_killed_mid_run(one_build, shards, scheduler,
                                                                               tmp_path):
    from kg.pipeline import build

    address, _ = scheduler
    doomed, survivor = _worker(address), _worker(address)
    try:
        def kill_one_worker(done: int) -> None:      # after the first chunk is back: mid-run
            if doomed.poll() is None:
                doomed.send_signal(signal.SIGKILL)
                doomed.wait()

        report = build(list(shards), tmp_path / "store", scheduler=address, progress=kill_one_worker)
        assert doomed.returncode == -signal.SIGKILL and report.built == len(_ids(shards))
        assert quads(tmp_path / "store") == quads(one_build)
    finally:
        for process in (doomed, survivor):
            process.kill()
            process.wait()


def _ids(shards) -> list[str]:
    return [json.loads(line)["id"] for path in shards for line in path.read_text().splitlines()]


@pytest.fixture
def other_store(tmp_path):
    """A store that holds other articles than the shards' (the seeds, rules only: quick)."""
    from conftest import SEEDS

    store = tmp_path / "store"
    invoke("build", SEEDS, "--store", store, "--no-model", "-j", 1)
    return store


def test_an_unreachable_scheduler_is_one_line_and_the_store_is_unchanged(other_store, shards):
    store = other_store
    before = quads(store)
    out = invoke("build", *shards, "--store", store, "--scheduler", f"tcp://127.0.0.1:{_free_port()}", code=1)
    assert out.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:") and out.count("\n") == 1
    assert quads(store) == before


def test_a_scheduler_lost_mid_run_is_one_line_and_the_store_is_unchanged(other_store, shards, scheduler):
    from kg import pipeline
    from kg.api import UserError

    address, process = scheduler
    store = other_store
    before = quads(store)
    worker = _worker(address)
    try:
        def kill_scheduler(done: int) -> None:
            process.kill()

        with pytest.raises(UserError, match=r"^the Dask run on tcp://127\.0\.0\.1:\d+ could not finish .*; "
                                            r"the store is unchanged$"):
            pipeline.build(list(shards), store, scheduler=address, progress=kill_scheduler)
        assert quads(store) == before
    finally:
        worker.kill()
        worker.wait()


def test_a_scheduler_without_workers_is_one_line(scheduler, shards, tmp_path, monkeypatch):
    from kg import cluster

    monkeypatch.setattr(cluster, "WORKER_SECONDS", 1)
    out = invoke("build", *shards, "--store", tmp_path / "store", "--scheduler", scheduler[0], code=1)
    assert out == f"error: no Dask worker joined the scheduler at {scheduler[0]} within 1 s\n"
    assert not GraphStore(tmp_path / "store").exists()


def test_a_malformed_scheduler_is_one_line(shards, tmp_path):
    out = invoke("build", *shards, "--store", tmp_path / "store", "--scheduler", "local:two", code=1)
    assert out == "error: --scheduler local:two: say local:N with N worker processes, or tcp://HOST:PORT\n"
