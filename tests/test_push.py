"""`kg push` against a real Oxigraph server on 127.0.0.1: every quad arrives, pushing twice replaces."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_fixture import free_port, make_store

from kg.cli import cli
from kg.store import GraphStore

OXIGRAPH = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed (pip install oxigraph)")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("push") / "store")


@pytest.fixture()
def remote(tmp_path):
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "remote"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


def remote_quads(url: str) -> list[str]:
    request = urllib.request.Request(url + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return [line for line in response.read().decode().splitlines() if line.strip()]


def push(store, *options):
    result = CliRunner().invoke(cli, ["push", "--store", str(store), *options])
    assert result.exit_code == 0, result.output
    return result.output


def local_count(store) -> int:
    return len(GraphStore(store).open_read())


@pytest.mark.parametrize("options", [[], ["--batch", "2"], ["--per-graph"]])
def test_push_copies_every_quad_and_twice_replaces(store, remote, options):
    output = push(store, "--endpoint", remote + "/store", *options)
    assert f"({local_count(store)} quads)" in output
    first = remote_quads(remote)
    assert len(first) == local_count(store)
    push(store, "--endpoint", remote + "/store", *options)
    second = remote_quads(remote)
    assert len(second) == len(first)                       # the ontology's blank nodes do not double
    assert {q for q in second if "_:" not in q} == {q for q in first if "_:" not in q}


def test_sparql_update_fallback(store, remote):
    output = push(store, "--endpoint", remote + "/update", "--batch", "3")
    assert "SPARQL Update" in output and len(remote_quads(remote)) == local_count(store)
    push(store, "--endpoint", remote + "/update")
    assert len(remote_quads(remote)) == local_count(store)


def test_unreachable_endpoint_is_one_line(store):
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint", f"http://127.0.0.1:{free_port()}/store"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error: cannot reach http://127.0.0.1:") and "\n" not in result.output.strip()


def test_second_push_drops_what_the_store_no_longer_has(tmp_path, remote):
    store = make_store(tmp_path / "store")
    push(store, "--endpoint", remote + "/store")
    drop_links_graph(store)
    push(store, "--endpoint", remote + "/store")
    assert len(remote_quads(remote)) == local_count(store)


def drop_links_graph(store) -> None:
    """In a function, so the writable store is closed before anyone reads the new generation."""
    with GraphStore(store).write() as writable:
        writable.remove_graph(next(g for g in writable.named_graphs() if g.value.endswith("graph/links")))


def test_a_cluster_build_pushes_its_graph_to_the_endpoint(tmp_path, remote):
    """`kg build --scheduler local:1 --endpoint URL`: the graph lands in the store and, the same
    quads, on the SPARQL server."""
    pytest.importorskip("distributed")
    from conftest import SEEDS

    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--store", str(tmp_path / "store"), "--no-model",
                                      "--scheduler", "local:1", "--endpoint", remote + "/store"])
    assert result.exit_code == 0, result.output
    assert "pushed " in result.output and f"to {remote}/store" in result.output
    assert len(remote_quads(remote)) == local_count(tmp_path / "store") > 0
