"""The on-disk store: generations of an Oxigraph store behind one pointer file.

A writer works on a new generation (a hard-linked backup of the current one,
cheap in RocksDB) and flips the ``CURRENT`` pointer with an atomic rename
only when it has finished. So a failed or killed build leaves the previous
store intact and readable, readers never see a half-written graph, and
queries during a build answer from the last complete store.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

POINTER = "CURRENT"
LOCK = "LOCK"


class StoreError(Exception):
    """A problem with the store a user can act on; printed as one line."""


class GraphStore:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def current(self) -> Path | None:
        try:
            name = (self.path / POINTER).read_text().strip()
        except FileNotFoundError:
            return None
        gen = self.path / name
        return gen if gen.is_dir() else None

    def exists(self) -> bool:
        return self.current() is not None

    def open_read(self) -> ox.Store:
        gen = self.current()
        if gen is None:
            raise StoreError(f"no store at {self.path}: run `kg build` first")
        try:
            return ox.Store.read_only(str(gen))
        except OSError as err:
            raise StoreError(f"cannot open store {self.path}: {err}") from None

    @contextmanager
    def write(self, wait: bool = False) -> Iterator[ox.Store]:  # a _Writing that acts as an ox.Store
        """Yield a writable copy of the store; it becomes current on success."""
        with self._lock(wait):
            old = self.current()
            new = self.path / f"gen-{self._next_number(old):06d}"
            try:
                if new.exists():
                    shutil.rmtree(new)
                if old is not None:
                    ox.Store.read_only(str(old)).backup(str(new))
                handle = _Writing(ox.Store(str(new)))
                yield handle
                handle.close()
                _settle(new)
                self._point_to(new)
            except OSError as err:
                shutil.rmtree(new, ignore_errors=True)
                raise StoreError(f"cannot write store {self.path}: {_reason(err)}; "
                                 "the previous store is unchanged") from None
            except BaseException:
                shutil.rmtree(new, ignore_errors=True)
                raise
            self._drop_old_generations(keep={new.name, old.name if old else ""})

    @contextmanager
    def _lock(self, wait: bool) -> Iterator[None]:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            handle = open(self.path / LOCK, "a+")
        except OSError as err:
            raise StoreError(f"cannot write store {self.path}: {_reason(err)}") from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreError(f"store {self.path} is being written by {holder}; "
                                 "try again when it finishes (or pass --wait)") from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _next_number(self, old: Path | None) -> int:
        return int(old.name.split("-")[1]) + 1 if old else 1

    def _point_to(self, gen: Path) -> None:
        tmp = self.path / (POINTER + ".tmp")
        with open(tmp, "w") as out:
            out.write(gen.name + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path / POINTER)

    def _drop_old_generations(self, keep: set[str]) -> None:
        """Keep the current and the previous one (a reader may still use it)."""
        for child in self.path.glob("gen-*"):
            if child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)


def _settle(path: Path) -> None:
    """Reopen the new generation once and compact it: RocksDB turns its write-ahead log into table
    files (the log can be larger than the data), so readers open it fast, and merges the tables
    that loads and writes left, so queries read fewer (a fifth faster on a build of 1,000
    articles, for the cost of 1 to 2 % of the build; docs/PERFORMANCE.md)."""
    ox.Store(str(path)).optimize()


class _Writing:
    """The store being written, released when the write ends.

    RocksDB stays open for writing while any reference to the store lives; a
    caller that kept one would block readers of the new generation, so the
    handle drops the only real reference itself.
    """

    def __init__(self, store: ox.Store):
        self._store: ox.Store | None = store

    def __getattr__(self, name: str):
        if self._store is None:
            raise StoreError("the store was used after its write had finished")
        return getattr(self._store, name)

    def __iter__(self):
        return iter(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        self._store.flush()
        self._store = None


def _reason(err: OSError) -> str:
    """A short reason; RocksDB's errors come without an errno, so their text is read too."""
    text = str(err)
    if err.errno == errno.ENOSPC or "No space left on device" in text:
        return "no space left on device"
    if err.errno in (errno.EACCES, errno.EROFS, errno.EPERM) or \
            any(s in text for s in ("Permission denied", "Read-only file system")):
        return "permission denied (read-only?)"
    return err.strerror or text.splitlines()[0]
