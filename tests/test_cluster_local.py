"""A local Dask cluster's workers are forked from the building process once it has loaded the
pipeline (kg.cluster): a worker killed mid-run is replaced, its tasks run again, and the graph is
still the one of a single build."""
from __future__ import annotations

import os
import signal

import pytest

from test_cluster import one_build, shards  # noqa: F401  (fixtures)
from test_shards_sequential import quads

distributed = pytest.importorskip("distributed")


def test_a_local_worker_killed_mid_run_gives_the_graph_of_one_build(one_build, shards, tmp_path):  # noqa: F811
    from kg.pipeline import build

    killed = []

    def kill_one_worker(done: int) -> None:      # after the first chunk is back: mid-run
        if not killed:
            pids = distributed.default_client().run(os.getpid)
            killed.append(min(pids.values()))
            os.kill(killed[0], signal.SIGKILL)

    report = build(list(shards), tmp_path / "store", scheduler="local:2", progress=kill_one_worker)
    assert killed and report.built == sum(len(path.read_text().splitlines()) for path in shards)
    assert quads(tmp_path / "store") == quads(one_build)
