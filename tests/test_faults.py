"""Faults through the real CLI: SIGKILL mid-build, a second writer, queries during a build, a full disk.

A first build of 2 articles makes generation 1; a build of 200 more is killed with SIGKILL
once it has started writing generation 2 (its RocksDB write-ahead log has grown). Meanwhile a
second build is refused, one with --wait queues behind it, and queries answer from generation 1.
The full disk is a 3 MB tmpfs (root only; skipped otherwise).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import GraphStore

KG = [sys.executable, "-m", "kg.cli"]
CITIES = ["Lima", "Quito", "Dakar", "Tbilisi", "Yerevan", "Kinshasa", "Nairobi", "Colombo", "Dhaka", "Bamako"]


def article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (f"Ribuan pengunjuk rasa berkumpul di {city} pada {1 + i % 28} Maret 2023 untuk menuntut pengunduran "
            f"diri menteri dalam negeri, kata polisi. Sebanyak {10 + i} orang ditahan dan {i % 7 + 2} orang terluka "
            "dalam bentrokan dengan aparat keamanan di dekat gedung parlemen. Pemerintah mengatakan bahwa situasi "
            "sudah terkendali, tetapi para pemimpin oposisi menyatakan akan terus berunjuk rasa sampai tuntutan "
            f"mereka dipenuhi. Presiden mengumumkan keadaan darurat selama {i % 30 + 1} hari di ibu kota. ") * 3


def write_jsonl(path: Path, ids: range) -> Path:
    path.write_text("".join(json.dumps({"id": f"art-{i:04d}", "text": article(i), "published": "2023-03-30"}) + "\n"
                            for i in ids), encoding="utf-8")
    return path


def build_cmd(inputs: Path, store: Path, *extra: str) -> list[str]:
    return [*KG, "build", str(inputs), "--store", str(store), "--no-model", "-j", "1", *extra]


def wal_bytes(gen: Path) -> int:
    return sum(p.stat().st_size for p in gen.glob("*.log")) if gen.is_dir() else -1


def wait_for(condition, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def document_ids(store: Path) -> list[str]:
    result = subprocess.run([*KG, "query", "documents", "--store", str(store), "--format", "csv"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line.split(",")[0] for line in result.stdout.splitlines()[1:]]


def test_sigkill_mid_build_keeps_the_previous_store_and_writers_queue_or_are_refused(tmp_path):
    store = tmp_path / "store"
    first = subprocess.run(build_cmd(write_jsonl(tmp_path / "two.jsonl", range(2)), store),
                           capture_output=True, text=True, timeout=240)
    assert first.returncode == 0, first.stderr
    before = len(GraphStore(store).open_read())
    assert before > 0 and (store / "CURRENT").read_text().strip() == "gen-000001"

    many = write_jsonl(tmp_path / "many.jsonl", range(2, 202))
    victim = subprocess.Popen(build_cmd(many, store), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    waiter = None
    try:
        gen2 = store / "gen-000002"
        wait_for(lambda: wal_bytes(gen2) > 0 or victim.poll() is not None, "the build to open generation 2")
        assert victim.poll() is None, victim.communicate()
        copied = wal_bytes(gen2)

        # A query during the build answers from the last complete store.
        assert document_ids(store) == ["art-0000", "art-0001"]
        assert len(GraphStore(store).open_read()) == before

        # A second build is refused in one line; one with --wait queues.
        refused = subprocess.run(build_cmd(tmp_path / "two.jsonl", store), capture_output=True, text=True,
                                 timeout=120)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert refused.stderr.count("\n") == 1
        assert refused.stderr.startswith(f"error: store {store} is being written by pid {victim.pid}")
        extra = write_jsonl(tmp_path / "extra.jsonl", range(900, 901))
        waiter = subprocess.Popen(build_cmd(extra, store, "--wait"), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)

        wait_for(lambda: wal_bytes(gen2) > copied or victim.poll() is not None, "the build to start writing")
        assert victim.poll() is None, "the build finished before it could be killed"
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=30)
    finally:
        if victim.poll() is None:
            victim.kill()
        victim.wait()
        victim.stdout.close()
        victim.stderr.close()
    assert victim.returncode == -signal.SIGKILL

    # The previous store is intact and readable, with the same quads.
    assert (store / "CURRENT").read_text().strip() == "gen-000001"
    assert len(GraphStore(store).open_read()) == before
    assert document_ids(store) == ["art-0000", "art-0001"]

    # The queued build then runs on the intact store (over the killed build's leftovers).
    out, err = waiter.communicate(timeout=240)
    assert waiter.returncode == 0, err
    assert out.startswith("built 1 documents (0 unchanged")
    assert document_ids(store) == ["art-0000", "art-0001", "art-0900"]
    assert len(GraphStore(store).open_read()) > before
    assert sorted(p.name for p in store.glob("gen-*")) == ["gen-000001", "gen-000002"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB tmpfs: room for a store of 2 articles, not for 200 more."""
    if os.geteuid() != 0:
        pytest.skip("a full disk needs root to mount a 3 MB tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    if not shutil.which("mount"):
        pytest.skip("no mount command to make a full disk")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3M", "tmpfs", str(mount)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a 3 MB tmpfs: {mounted.stderr.strip() or mounted.returncode}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_is_one_line_and_keeps_the_previous_store(tmp_path, tiny_disk):
    store = tiny_disk / "store"
    first = subprocess.run(build_cmd(write_jsonl(tmp_path / "two.jsonl", range(2)), store),
                           capture_output=True, text=True, timeout=240)
    assert first.returncode == 0, first.stderr
    before = len(GraphStore(store).open_read())

    full = subprocess.run(build_cmd(write_jsonl(tmp_path / "many.jsonl", range(2, 202)), store),
                          capture_output=True, text=True, timeout=240)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert full.stderr.count("\n") == 1, full.stderr
    line = full.stderr.strip()
    assert line.startswith(f"error: cannot write store {store}: ") and "no space left on device" in line.lower()
    assert line.endswith("; the previous store is unchanged")

    assert (store / "CURRENT").read_text().strip() == "gen-000001"
    assert sorted(p.name for p in store.glob("gen-*")) == ["gen-000001"]  # the failed generation is removed
    assert len(GraphStore(store).open_read()) == before
    assert document_ids(store) == ["art-0000", "art-0001"]
