"""Shared fixtures: one build of the seeds per test session, in a temporary store."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    from kg.pipeline import build

    path = tmp_path_factory.mktemp("kg") / "store"
    report = build([SEEDS], path, jobs=1)
    assert report.built == 5 and not report.problems
    return path


@pytest.fixture(scope="session")
def seed_graph(seed_store):
    from kg.store import GraphStore

    return GraphStore(seed_store).open_read()
