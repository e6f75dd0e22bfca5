"""Scale-out: shards extracted without a store are deterministic and merge into one graph."""
from __future__ import annotations

from click.testing import CliRunner

from conftest import SEEDS
from kg.cli import cli
from kg.store import GraphStore
from kg.vocab import ENTITIES_GRAPH


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_shards_are_deterministic_and_merge(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    invoke("extract", *files[:2], "-o", tmp_path / "a.nq", "--no-model", "-j", 1)
    invoke("extract", *files[:2], "-o", tmp_path / "a2.nq", "--no-model", "-j", 2)
    invoke("extract", *files[2:], "-o", tmp_path / "b.nq", "--no-model", "-j", 1)
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "a2.nq").read_bytes()

    store = tmp_path / "store"
    assert "loaded 5 documents from 2 shard(s)" in invoke("load", tmp_path / "a.nq", tmp_path / "b.nq",
                                                          "--store", store)
    first = len(GraphStore(store).open_read())
    invoke("load", tmp_path / "b.nq", "--store", store)        # reloading replaces, never doubles
    graph = GraphStore(store).open_read()
    assert len(graph) == first
    labels = {q.object.value for q in graph.quads_for_pattern(None, None, None, None)
              if q.graph_name.value == ENTITIES_GRAPH and q.predicate.value.endswith("#label")}
    assert {"Kassym-Jomart Tokayev", "Collective Security Treaty Organization"} <= labels
