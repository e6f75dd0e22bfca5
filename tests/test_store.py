"""The store: atomic generations, one writer at a time, errors that keep the data."""
from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

from kg.store import GraphStore, StoreError

Q = ox.Quad(ox.NamedNode("http://ex/s"), ox.NamedNode("http://ex/p"), ox.Literal("o"), ox.NamedNode("http://ex/g"))
Q2 = ox.Quad(ox.NamedNode("http://ex/s2"), ox.NamedNode("http://ex/p"), ox.Literal("o"), ox.NamedNode("http://ex/g"))


def test_a_failed_write_leaves_the_previous_store(tmp_path):
    store = GraphStore(tmp_path / "s")
    with store.write() as w:
        w.add(Q)
    with pytest.raises(RuntimeError):
        with store.write() as w:
            w.add(Q2)
            raise RuntimeError("boom")
    assert list(store.open_read()) == [Q]
    assert len(list((tmp_path / "s").glob("gen-*"))) == 1


def test_readers_see_the_last_complete_generation_during_a_write(tmp_path):
    store = GraphStore(tmp_path / "s")
    with store.write() as w:
        w.add(Q)
    with store.write() as w:
        w.add(Q2)
        assert len(store.open_read()) == 1
    assert len(store.open_read()) == 2


def test_a_second_writer_is_refused_clearly(tmp_path):
    store = GraphStore(tmp_path / "s")
    with store.write():
        with pytest.raises(StoreError, match="is being written by pid"):
            with GraphStore(tmp_path / "s").write():
                pass


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_location_is_a_clear_error(tmp_path):
    store = GraphStore(tmp_path / "s")
    with store.write() as w:
        w.add(Q)
    (tmp_path / "s").chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot write store"):
            with store.write() as w:
                w.add(Q2)
    finally:
        (tmp_path / "s").chmod(0o700)
    assert list(store.open_read()) == [Q]


def test_an_unwritable_location_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot write store"):
        with GraphStore(tmp_path / "file" / "store").write():
            pass


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="run `kg build` first"):
        GraphStore(tmp_path / "nothing").open_read()


def test_a_kept_reference_does_not_hold_the_store_open(tmp_path):
    store = GraphStore(tmp_path / "s")
    with store.write() as kept:
        kept.add(Q)
    assert list(store.open_read()) == [Q]
    with pytest.raises(StoreError, match="after its write had finished"):
        kept.add(Q2)
