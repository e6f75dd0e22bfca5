"""The Python API: what the `kg` commands do, as functions a script or a notebook can call.

The command line (``kg.cli``) only parses options and prints what these return, so both check
input the same way and fail the same way: with a one-line ``UserError`` (or the ``QueryError``,
``StoreError`` and ``LanguageError`` of the modules below), never with a half-written store.
Nothing is imported here at module level, so library modules import ``UserError`` and
``open_store`` from here without pulling in spaCy or networkx::

    from kg import api

    api.build(["seeds"], store=".kg/store")
    print(api.query("timeline", store=".kg/store", format="csv"))
    api.export("acled-csv", "events.csv", store=".kg/store")
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterable

DEFAULT_STORE = Path(".kg/store")
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"


class UserError(Exception):
    """Bad input or a refused request, said in one line; the store is unchanged."""


def open_store(store: str | os.PathLike = DEFAULT_STORE):
    """The last complete build, read-only (a one-line StoreError when there is none)."""
    from kg.store import GraphStore

    return GraphStore(Path(store)).open_read()


def count_articles(inputs: Iterable[str | os.PathLike], problems: list | None = None) -> int:
    """Articles the inputs hold, counted without parsing them (a progress total): a non-empty
    .txt or .html file is one, a non-blank .jsonl line one. Missing inputs go to ``problems``;
    a file that cannot be opened counts one, for the build to say why it skips it."""
    from kg.ingest import discover

    total = 0
    for path in discover([Path(p) for p in inputs], [] if problems is None else problems):
        try:
            if path.suffix.lower() != ".jsonl":
                total += path.stat().st_size > 0
                continue
            with open(path, "rb") as lines:
                total += sum(1 for line in lines if line.strip())
        except OSError:
            total += 1
    return total


def _articles(inputs: list[Path], doing: str) -> int:
    """count_articles, or a UserError saying why there is nothing to do."""
    problems: list = []
    total = count_articles(inputs, problems)
    if total == 0:
        raise UserError(f"nothing to {doing}: " + ("; ".join(map(str, problems)) or "the files are empty"))
    return total


def build(inputs: Iterable[str | os.PathLike] = ("seeds",), store: str | os.PathLike = DEFAULT_STORE, *,
          manifest: str | os.PathLike | None = None, jobs: int | None = None, use_model: bool = True,
          prune: bool = False, wait: bool = False, progress: Callable[[int, int], None] | None = None,
          identity=None, scheduler: str | None = None):
    """Read articles into the store and return the pipeline's BuildReport (its ``problems`` are
    the files skipped, with why). ``progress(done, total)`` is called after each batch;
    ``identity`` (kg.identity.IdentitySettings) says how strictly reports are joined across articles;
    ``scheduler`` (``tcp://HOST:PORT`` or ``local:N``) runs the work on a Dask cluster (kg.cluster).

    Inputs that hold no article at all are an error before any work, so the store is untouched."""
    from kg.pipeline import build as run_build

    inputs = [Path(p) for p in inputs]
    if manifest and not Path(manifest).is_file():
        raise UserError(f"manifest {manifest} does not exist")
    total = _articles(inputs, "build")
    if progress:
        progress(0, total)      # the total at once: the model takes seconds to load
    return run_build(inputs, Path(store), manifest=Path(manifest) if manifest else None, jobs=jobs,
                     use_model=use_model, prune=prune, wait=wait, identity=identity, scheduler=scheduler,
                     progress=(lambda done: progress(done, total)) if progress else None)


def extract(inputs: Iterable[str | os.PathLike], output: str | os.PathLike, *,
            manifest: str | os.PathLike | None = None, jobs: int | None = None, use_model: bool = True):
    """Extract documents to an N-Quads shard without a store (deterministic, mergeable with
    `kg load`); returns the BuildReport. Inputs with no article are an error before any work."""
    from kg.pipeline import extract_shard

    inputs = [Path(p) for p in inputs]
    _articles(inputs, "extract")
    return extract_shard(inputs, Path(output), manifest=Path(manifest) if manifest else None, jobs=jobs,
                         use_model=use_model)


def query(name: str, store: str | os.PathLike = DEFAULT_STORE, params: dict[str, str] | None = None,
          format: str = "table") -> str:
    """A saved query (by name) or a .rq file, its parameters bound as RDF terms, as text:
    ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 Query Results JSON); CONSTRUCT gives
    N-Triples. A failed SERVICE call is a one-line QueryError."""
    from kg.query import answer, find

    return answer(open_store(store), find(name), params or {}, format)


def explain(name: str, store: str | os.PathLike = DEFAULT_STORE) -> list[str]:
    """What the graph says about the entity with this name (or IRI), each fact with its sentence."""
    from kg.explain import explain as explain_entity

    lines = explain_entity(open_store(store), name)
    if not lines:
        raise UserError(f"no entity named {name!r} in {store}")
    return lines


def export(format: str, output: str | os.PathLike | None = None, store: str | os.PathLike = DEFAULT_STORE, *,
           query: str | None = None, params: dict[str, str] | None = None, only_type: str | None = None,
           since: str | None = None, until: str | None = None, unasserted: bool = False) -> None:
    """Write the graph, or a subset, in one of ``kg.export.FORMATS`` to ``output`` (stdout if
    None), through a temporary file so a failure leaves no half file. A subset is a CONSTRUCT saved
    query's result (``query``), one class (``only_type``) or events in a date range; events the
    text does not assert are left out unless ``unasserted``."""
    from kg.export import render

    main = open_store(store)
    write = render(main, format, query=query, params=params or {}, only_type=only_type,
                   since=since, until=until, unasserted=unasserted)
    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.flush()
        return
    path = Path(output)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as out:
            write(out)
        os.replace(tmp, path)
    except OSError as err:
        raise UserError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        tmp.unlink(missing_ok=True)


def serve(store: str | os.PathLike = DEFAULT_STORE, host: str = "127.0.0.1", port: int = 7878, *,
          timeout: float = 30, max_results: int = 10000, max_body: int = 1 << 20, max_bytes: int = 100 << 20,
          cors: str | None = None, workers: int = 2, online: bool = False, services: Iterable[str] = (),
          ready: Callable[[str], None] | None = None) -> None:
    """Serve SPARQL, the saved queries and the web page until interrupted (read-only).

    SERVICE calls go only to the endpoints in ``services``, plus Wikidata's with ``online``;
    ``ready(url)`` is called once the port is known to be free."""
    import uvicorn

    from kg.server import check_port, make_app

    store = Path(store)
    open_store(store)  # fail now, in one line, when there is no store
    check_port(host, port)
    allowed = (*services, *([WIKIDATA_SPARQL] if online else []))
    app = make_app(store, timeout=timeout, max_results=max_results, max_body=max_body, cors=cors,
                   workers=workers, max_bytes=max_bytes, services=allowed)
    if ready:
        ready(f"http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def push(endpoint: str, store: str | os.PathLike = DEFAULT_STORE, *, batch: int = 1000,
         auth: str | None = None, per_graph: bool = False):
    """Copy every named graph to a SPARQL store over HTTP; returns kg.push.Report."""
    from kg.push import push as push_graphs

    if not endpoint.startswith(("http://", "https://")):
        raise UserError(f"endpoint must be an http(s) URL, got {endpoint!r}")
    return push_graphs(open_store(store), endpoint, batch, auth, per_graph)
