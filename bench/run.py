"""Benchmark `kg build` and the saved queries on IndoSum, against floors measured in the same run.

Machines here are shared and noisy, so every figure that matters is reported as
a ratio to a baseline timed in the same run: spaCy's bare tokenizer (what any
extractor pays), pyoxigraph's bulk loader (what any load pays) and rdflib
(what many users query with today). Builds and rdflib run in subprocesses so
their peak memory (maxrss) is their own.

    python bench/run.py --data ../shared/data/indosum-dev --out docs/PERFORMANCE.md [--limit 400] [--scale 1,10]
    python bench/run.py _serve STORE     # only kg serve against the Oxigraph server, on a built store
    python bench/run.py _pushed STORE    # only: the store pushed to an Oxigraph server answers as kg serve does
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_SPACE_BEFORE = set(",.!?;:)]”")
NO_SPACE_AFTER = set("([“")
QUERY_REPEATS = 5
RDFLIB_TIMEOUT = 20     # seconds an rdflib query may take at least before it is stopped ...
RDFLIB_PATIENCE = 30    # ... or this many times oxigraph's time, whichever is longer (so a stop proves ≥ 30×)
RDFLIB_MAX_WAIT = 180   # ... but never more than this
RDFLIB_MAX_QUADS = 2_000_000   # above this rdflib would need tens of GB: not run
STAGE_DOCS = 3463       # stages are timed in one process with everything in memory: on at most this many documents
REPEAT_BUDGET = 10      # stop repeating a query once its runs add up to this


# --- corpus -------------------------------------------------------------------

def detokenise(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if out and tok not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += tok
    return out


def read_indosum(data: Path, limit: int | None) -> list[dict]:
    """Unique articles as {"id", "text", "published"?}; paragraphs become lines."""
    seen, articles = set(), []
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["id"] in seen:
                continue
            seen.add(rec["id"])
            text = "\n".join(" ".join(detokenise(s) for s in para) for para in rec["paragraphs"])
            article = {"id": rec["id"], "text": text}
            stamp = re.match(r"(\d{10})-", rec["id"])
            if stamp:
                article["published"] = dt.datetime.fromtimestamp(int(stamp.group(1)), dt.timezone.utc).date().isoformat()
            articles.append(article)
            if limit and len(articles) >= limit:
                return articles
    return articles


def write_articles(data: Path, ids: list[str], path: Path) -> list[str]:
    """Write the articles with these ids, in this order, as JSON Lines kg reads (gold sets, judged
    builds); returns the ids not found, and writes nothing then. Ids not in IndoSum may name the
    pseudo-articles of the sentence corpora beside it (tools/sentence_articles.py, every split: the
    seed-14 judged sample, session 13's sets)."""
    articles = {a["id"]: a for a in read_indosum(data, None)}
    if any(i not in articles for i in ids):
        sys.path.insert(0, str(ROOT / "tools"))
        from sentence_articles import sentence_articles
        articles.update((a["id"], a) for a in sentence_articles(data.parent, "all"))
    missing = [i for i in ids if i not in articles]
    if not missing:
        path.write_text("".join(json.dumps(articles[i], ensure_ascii=False) + "\n" for i in ids), encoding="utf-8")
    return missing


def write_corpus(articles: list[dict], scale: int, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(scale):
            for a in articles:
                rec = dict(a, id=a["id"] if copy == 0 else f"{a['id']}-x{copy}")
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


# --- child processes ----------------------------------------------------------

def child(argv: list[str]) -> dict:
    """Run `python bench/run.py _MODE args`, return its JSON answer."""
    proc = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"bench child {argv[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def mode_build(corpus: str, store: str, jobs: str, model: str = "model", scheduler: str = "") -> dict:
    """The real code path, `kg.pipeline.build`, on a fresh store (``model``: "model" or "no-model";
    ``scheduler``: a Dask cluster, e.g. local:2, instead of ``jobs`` processes)."""
    from kg.pipeline import build

    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    report = build([Path(corpus)], Path(store), jobs=int(jobs), use_model=model == "model", scheduler=scheduler or None)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "built": report.built, "quads": report.quads,
            "problems": len(report.problems), "rss_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "workers_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def mode_stages(corpus: str, limit: str) -> dict:
    """Each stage of the build timed alone, one process, on the same documents (at most ``limit``)."""
    import pyoxigraph as ox

    from kg import nlp, rdf
    from kg.extract import extract
    from kg.ingest import read_documents
    from kg.identity import resolve_store
    from kg.pipeline import Tally, label_and_link, settings_hash
    from kg.resolve.entities import resolve_entities
    from kg.resolve.events import resolve_events

    t = {}
    s = time.perf_counter()
    docs = list(islice(read_documents([Path(corpus)], []), int(limit)))
    t["ingest"] = time.perf_counter() - s
    s = time.perf_counter()
    pipeline = nlp.load_pipeline(True)
    t["nlp (load pipeline)"] = time.perf_counter() - s
    s = time.perf_counter()
    sdocs = list(pipeline.pipe(d.text for d in docs))
    t["nlp"] = time.perf_counter() - s
    s = time.perf_counter()
    extracted = [extract(d, sd) for d, sd in zip(docs, sdocs)]
    t["extract"] = time.perf_counter() - s
    s = time.perf_counter()
    tally = Tally()
    for ext in extracted:
        resolve_entities(ext)
        resolve_events(ext)
        tally.add(ext)
    t["resolve"] = time.perf_counter() - s
    s = time.perf_counter()
    settings = settings_hash(True)
    quads = [q for ext in extracted for q in rdf.document_quads(ext, settings)]
    t["rdf"] = time.perf_counter() - s
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(tmp)
        s = time.perf_counter()
        store.bulk_extend(quads)     # what kg.pipeline.build does
        store.flush()
        t["load"] = time.perf_counter() - s
        s = time.perf_counter()
        label_and_link(store, tally)
        t["labels and links"] = time.perf_counter() - s
        s = time.perf_counter()
        resolve_store(store)
        t["identity across documents"] = time.perf_counter() - s
    return {"stages": t, "quads": len(quads), "docs": len(docs)}


def mode_identity(corpus: str, counts: str) -> dict:
    """The corpus-level identity stage (kg.identity.resolve_store) on builds of the first N distinct
    articles, for each N: its cost must grow with the reports, not their square. Distinct articles,
    not the k× copies: a copy of an article reports the same incidents, and every copy would join."""
    import pyoxigraph as ox

    from kg.identity import read_reports, resolve_store
    from kg.pipeline import build
    from kg.store import GraphStore

    lines = Path(corpus).read_text(encoding="utf-8").splitlines(keepends=True)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts.split(","):
            part, store_path = Path(tmp) / f"{n}.jsonl", Path(tmp) / f"store-{n}"
            part.write_text("".join(lines[:int(n)]), encoding="utf-8")
            build([part], store_path)
            store = ox.Store(str(GraphStore(store_path).current()))
            started = time.perf_counter()
            resolve_store(store)         # undoes the build's joins, then decides them again
            seconds = time.perf_counter() - started
            out[n] = {"seconds": seconds, "reports": len(read_reports(store))}
            del store
    return out


def mode_spacy(corpus: str) -> dict:
    """The tokenizer floor: blank("id") + sentencizer over the same texts."""
    import spacy

    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    s = time.perf_counter()
    pipeline = spacy.blank("id")
    pipeline.add_pipe("sentencizer")
    setup = time.perf_counter() - s
    s = time.perf_counter()
    tokens = sum(len(doc) for doc in pipeline.pipe(texts))
    return {"seconds": time.perf_counter() - s, "setup": setup, "tokens": tokens, "chars": sum(map(len, texts))}


def mode_nlp(corpus: str, limit: str) -> dict:
    """Tokens/s of the spaCy pipeline alone, with the trained model and with rules only."""
    from kg import nlp

    texts = [json.loads(line)["text"] for line in islice(open(corpus, encoding="utf-8"), int(limit))]
    out = {}
    for label, use_model in (("with the model", True), ("rules only (--no-model)", False)):
        pipeline = nlp.load_pipeline(use_model)
        s = time.perf_counter()
        tokens = sum(len(doc) for doc in pipeline.pipe(texts))
        out[label] = tokens / (time.perf_counter() - s)
    return out


def mode_bulk(nquads: str) -> dict:
    """The load floor: pyoxigraph's bulk loader on the N-Quads of the built store."""
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(tmp)
        s = time.perf_counter()
        store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return {"seconds": time.perf_counter() - s}


def mode_rdflib(nquads: str, budgets: str, values: str = "{}") -> dict:
    """The same saved queries with rdflib over the union of all graphs; budgets: name=seconds,...;
    values: the parameters' values as JSON, bound with initBindings."""
    import rdflib

    from kg.query import find

    s = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nquads, format="nquads")
    out = {"load": time.perf_counter() - s, "queries": {}, "errors": {}}
    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    for name, _, budget in (b.partition("=") for b in budgets.split(",")):
        text = find(name).text
        times = []
        try:
            while len(times) < QUERY_REPEATS and sum(times) < REPEAT_BUDGET:
                signal.alarm(int(budget))
                s = time.perf_counter()
                bindings = {rdflib.Variable(k): rdflib.Literal(v) for k, v in query_values(name, json.loads(values)).items()}
                len(list(ds.query(text, initBindings=bindings)))
                times.append(time.perf_counter() - s)
                signal.alarm(0)
        except TimeoutError:
            times = times or [None]
            out.setdefault("stopped", {})[name] = int(budget)
        except Exception as err:  # noqa: BLE001 - rdflib fails on some valid queries; report, go on
            signal.alarm(0)
            out["errors"][name] = f"{type(err).__name__}: {err}"
            continue
        out["queries"][name] = statistics.median(times) if None not in times else None
    return out


# --- kg serve against the Oxigraph server -------------------------------------

SERVE_REPEATS = (7, 31)  # requests of each query to each server, alternating: at least, at most ...
SERVE_BUDGET = 1.0       # ... and enough to fill this many seconds a server
SERVE_CLIENTS = 4
SERVE_ROUNDS = 5         # of the throughput test: every client sends every query once; servers alternate
SERVE_STARTS = 3
ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
          "CONSTRUCT": "application/n-triples", "DESCRIBE": "application/n-triples"}


def served_queries() -> dict[str, tuple[str, str]]:
    """Name -> (SPARQL text, Accept) of the saved queries both servers answer from their text alone:
    no SERVICE, and no parameter without a default (an unbound ``?unasserted`` acts as false)."""
    from kg.query import saved_queries

    return {q.name: (q.text, ACCEPT[q.kind]) for q in saved_queries()
            if "SERVICE" not in q.text.upper() and all(p.default is not None for p in q.params)}


def ask(port: int, text: str, accept: str, conn=None) -> bytes:
    """POST a query to /sparql (kept-alive when ``conn`` is given); the body of a 200 answer."""
    import http.client

    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("POST", "/sparql", body=text.encode(),
                 headers={"Content-Type": "application/sparql-query", "Accept": accept})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise OSError(f"HTTP {response.status}: {body[:200]!r}")
    return body


def answer_size(body: bytes, accept: str) -> int:
    """Solutions or triples in an answer."""
    if accept.endswith("json"):
        data = json.loads(body)
        return len(data["results"]["bindings"]) if "results" in data else 1
    return body.count(b"\n")


def launch(argv: list[str], port: int) -> tuple[subprocess.Popen, float]:
    """Start a server; seconds until it has answered a first query."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            ask(port, "ASK {}", ACCEPT["ASK"])
            return process, time.perf_counter() - started
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"{argv[0]} stopped at start-up: {' '.join(argv)}") from None
            time.sleep(0.002)


def throughput(port: int, queries: list[tuple[str, str]]) -> float:
    """Seconds for SERVE_CLIENTS clients to send every query once, each from its own start."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor

    def client(start: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        for i in range(len(queries)):
            ask(port, *queries[(start + i) % len(queries)], conn)

    started = time.perf_counter()
    with ThreadPoolExecutor(SERVE_CLIENTS) as pool:
        list(pool.map(client, [i * len(queries) // SERVE_CLIENTS for i in range(SERVE_CLIENTS)]))
    return time.perf_counter() - started


def kg_serve(store: str, port: int) -> list[str]:
    """`kg serve` on a store, allowed to send up to a billion rows: whole answers, as a server's."""
    return [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
            "--max-results", str(10 ** 9)]


def mode_serve(store: str) -> dict:
    """`kg serve` and `oxigraph serve-read-only` on the same store (union default graph), sent the
    same SPARQL text: start-up, median latency per query (a connection a request, as SPARQLWrapper
    and rdflib make them), requests per second from 4 clients (each keeping its connection).
    kg serve may send up to a billion rows, so neither answer is cut."""
    sys.path.insert(0, str(ROOT / "tests"))
    from graph_fixture import free_port, stop_server  # the tests' way to pick a port and stop a server

    from kg.store import GraphStore

    location = GraphStore(store).current()
    if location is None:
        raise SystemExit(f"no store at {store}")
    oxigraph = Path(sys.executable).parent / "oxigraph"
    ports = {"kg": free_port(), "oxigraph": free_port()}
    argv = {"kg": kg_serve(store, ports["kg"]),
            "oxigraph": [str(oxigraph), "serve-read-only", "--location", str(location),
                         "--bind", f"127.0.0.1:{ports['oxigraph']}", "--union-default-graph"]}
    out = {"startup": {name: [] for name in argv}, "queries": {}, "seconds": {name: [] for name in argv},
           "clients": SERVE_CLIENTS}
    for _ in range(SERVE_STARTS):
        for name in argv:
            process, seconds = launch(argv[name], ports[name])
            out["startup"][name].append(seconds)
            stop_server(process)
    servers = {name: launch(argv[name], ports[name])[0] for name in argv}
    try:
        queries = served_queries()
        for query, (text, accept) in queries.items():
            times, sizes = {name: [] for name in argv}, {}
            started = time.perf_counter()
            for name in argv:    # a first answer warms the caches of each
                sizes[name] = answer_size(ask(ports[name], text, accept), accept)
            least, most = SERVE_REPEATS
            for _ in range(min(most, max(least, int(2 * SERVE_BUDGET / (time.perf_counter() - started))))):
                for name in argv:
                    s = time.perf_counter()
                    ask(ports[name], text, accept)
                    times[name].append(time.perf_counter() - s)
            out["queries"][query] = {name: {"seconds": statistics.median(times[name]), "rows": sizes[name]}
                                     for name in argv}
            print(f"  {query}: {sizes['kg']} rows, kg serve / oxigraph "
                  f"{statistics.median(times['kg']) / statistics.median(times['oxigraph']):.2f}×",
                  file=sys.stderr, flush=True)
        for _ in range(SERVE_ROUNDS):
            for name in argv:
                out["seconds"][name].append(throughput(ports[name], list(queries.values())))
        out["requests"] = SERVE_CLIENTS * len(queries)     # a round's
    finally:
        for process in servers.values():
            stop_server(process)
    print("\n".join(serve_lines(out) + [""] + [f"{a}: {b} {c}" for a, b, c in serve_targets(out)]),
          file=sys.stderr)
    return out


def mode_pushed(store: str) -> dict:
    """The store pushed (`kg push`, the Graph Store Protocol) into an empty Oxigraph server: the
    rows each saved query gives there and from `kg serve` on the embedded store, and the push's time."""
    sys.path.insert(0, str(ROOT / "tests"))
    from graph_fixture import free_port, stop_server

    oxigraph = Path(sys.executable).parent / "oxigraph"
    ports = {"kg": free_port(), "pushed": free_port()}
    with tempfile.TemporaryDirectory() as location:
        argv = {"kg": kg_serve(store, ports["kg"]),
                "pushed": [str(oxigraph), "serve", "--location", location, "--bind", f"127.0.0.1:{ports['pushed']}",
                           "--union-default-graph"]}
        servers = {name: launch(argv[name], ports[name])[0] for name in argv}
        try:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg.cli", "push", "--endpoint",
                            f"http://127.0.0.1:{ports['pushed']}/store", "--store", str(store)],
                           cwd=ROOT, check=True, capture_output=True)
            seconds = time.perf_counter() - started
            rows = {query: {name: answer_size(ask(ports[name], text, accept), accept) for name in argv}
                    for query, (text, accept) in served_queries().items()}
        finally:
            for process in servers.values():
                stop_server(process)
    return {"push_seconds": seconds, "rows": rows}


def pushed_target(pushed: dict) -> tuple[str, str, str]:
    differ = sorted(q for q, v in pushed["rows"].items() if v["kg"] != v["pushed"])
    return (f"a store pushed to the Oxigraph server answers every saved query with the rows of the embedded "
            f"one ({len(pushed['rows'])} queries; issue 21)",
            "all the same" if not differ else f"{len(differ)} differ: {', '.join(differ)}", verdict(not differ))


def geomean(values) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values))


def serve_ratios(serve: dict) -> dict[str, float]:
    """Per query: kg serve's median time over the Oxigraph server's."""
    return {q: v["kg"]["seconds"] / v["oxigraph"]["seconds"] for q, v in serve["queries"].items()}


def rps_ratio(serve: dict) -> float:
    """kg serve's requests per second over the Oxigraph server's, over all (alternating) rounds."""
    return sum(serve["seconds"]["oxigraph"]) / sum(serve["seconds"]["kg"])


def serve_targets(serve: dict) -> list[tuple[str, str, str]]:
    ratios = serve_ratios(serve)
    latency, rps = geomean(ratios.values()), rps_ratio(serve)
    return [(f"`kg serve` latency within 1.10× of the Oxigraph server's, same store and SPARQL text "
             f"(geometric mean over {len(ratios)} saved queries; issue 21)",
             f"{latency:.2f}× ({min(ratios.values()):.2f}–{max(ratios.values()):.2f}× by query)",
             verdict(latency <= 1.10)),
            (f"`kg serve` requests per second with {serve['clients']} clients ≥ 0.90× the Oxigraph server's",
             f"{rps:.2f}×", verdict(rps >= 0.90))]


def serve_lines(serve: dict) -> list[str]:
    ratios = serve_ratios(serve)
    kg, oxigraph = (serve["requests"] * len(serve["seconds"][name]) / sum(serve["seconds"][name])
                    for name in ("kg", "oxigraph"))
    lines = ["", "## `kg serve` against the Oxigraph server (issue 21)", "",
             f"`kg serve` and `oxigraph serve-read-only --union-default-graph` on the same store"
             + (f" (the {serve['scale']}× build)" if "scale" in serve else "") + ", sent the same text of "
             "each saved query without a required parameter (POST to `/sparql`, JSON or N-Triples, a "
             f"connection a request); median of {SERVE_REPEATS[0]} to {SERVE_REPEATS[1]} alternating requests "
             "after one to warm up. "
             "`kg serve` runs with `--max-results 1000000000`, so both send whole answers.", "",
             "| Query | Rows | kg serve ms | Oxigraph server ms | × |", "|---|---|---|---|---|"]
    for q, v in serve["queries"].items():
        lines.append(f"| {q} | {v['kg']['rows']:,} | {1000 * v['kg']['seconds']:.1f} | "
                     f"{1000 * v['oxigraph']['seconds']:.1f} | {ratios[q]:.2f} |")
    lines += ["", f"Throughput: {serve['clients']} clients at once, each sending every query once from its own "
              f"start on a kept-alive connection ({serve['requests']} requests), {len(serve['seconds']['kg'])} "
              f"rounds a server, alternating: kg serve answered {kg:.1f} requests/s, the Oxigraph server "
              f"{oxigraph:.1f} ({kg / oxigraph:.2f}×).",
              "", f"Start-up until a first answer (median of {len(serve['startup']['kg'])}): kg serve "
              f"{statistics.median(serve['startup']['kg']):.2f} s, the Oxigraph server "
              f"{statistics.median(serve['startup']['oxigraph']):.3f} s."]
    return lines


CHILD_MODES = {"_build": mode_build, "_stages": mode_stages, "_identity": mode_identity, "_spacy": mode_spacy,
               "_bulk": mode_bulk, "_rdflib": mode_rdflib, "_nlp": mode_nlp, "_serve": mode_serve,
               "_pushed": mode_pushed}


# --- in-process measurements --------------------------------------------------

def saved_query_names() -> list[str]:
    """Every saved query but the federated one (it needs the network)."""
    from kg.query import saved_queries

    return [q.name for q in saved_queries() if "SERVICE" not in q.text.upper()]


# a parameter's value in the benchmark: the most frequent name of its kind in the corpus
SAMPLE_VALUES = {
    "name": "?e itsrdf:taIdentRef ?x . ?x rdfs:label ?v",
    "place": "?e crisis:place ?x . ?x rdfs:label ?v",
    "actor": "?e crisis:speaker ?x . ?x rdfs:label ?v",
}


def sample_values(store_path: Path) -> dict[str, str]:
    from kg.store import GraphStore
    from kg.vocab import sparql_prefixes

    store = GraphStore(store_path).open_read()
    out = {}
    for param, pattern in SAMPLE_VALUES.items():
        q = sparql_prefixes() + f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT 1"
        rows = list(store.query(q, use_default_graph_as_union=True))
        if rows:
            out[param] = rows[0]["v"].value
    return {param: out.get(param) or out.get("name", "") for param in SAMPLE_VALUES}


def query_values(name: str, values: dict[str, str]) -> dict[str, str]:
    from kg.query import find

    return {p.name: values[p.name] for p in find(name).params if p.name in values}


def oxigraph_queries(store_path: Path, names: list[str], values: dict[str, str]) -> dict[str, tuple[float, int]]:
    from kg.query import find, run
    from kg.store import GraphStore

    store = GraphStore(store_path).open_read()
    out = {}
    for name in names:
        saved = find(name)
        times, rows = [], 0
        while len(times) < QUERY_REPEATS and sum(times) < REPEAT_BUDGET:
            s = time.perf_counter()
            rows = len(list(run(store, saved, query_values(name, values))))
            times.append(time.perf_counter() - s)
        out[name] = (statistics.median(times), rows)
        print(f"  {name}: {rows} rows, {out[name][0]:.3f} s", file=sys.stderr, flush=True)
    return out


def dump_nquads(store_path: Path, out: Path) -> None:
    import pyoxigraph as ox

    from kg.store import GraphStore

    GraphStore(store_path).open_read().dump(output=str(out), format=ox.RdfFormat.N_QUADS)


def rdflib_queries(nquads: Path, oxigraph: dict[str, tuple[float, int]], quads: int, values: dict[str, str]) -> dict:
    """rdflib on the same queries, each stopped after max(RDFLIB_TIMEOUT, RDFLIB_PATIENCE × oxigraph's time)."""
    if quads > RDFLIB_MAX_QUADS:
        return {"skipped": f"{quads:,} quads is more than rdflib can hold here ({RDFLIB_MAX_QUADS:,} at most)",
                "queries": {}, "errors": {}, "load": None}
    budgets = {n: min(RDFLIB_MAX_WAIT, max(RDFLIB_TIMEOUT, int(RDFLIB_PATIENCE * sec) + 1))
               for n, (sec, _) in oxigraph.items()}
    return child(["_rdflib", str(nquads), ",".join(f"{n}={b}" for n, b in budgets.items()), json.dumps(values)])


def startup(store_path: Path) -> dict[str, float]:
    kg = str(Path(sys.executable).parent / "kg")
    commands = {
        "python -c 'import pyoxigraph, click'": [sys.executable, "-c", "import pyoxigraph, click"],
        "kg --help": [kg, "--help"],
        "kg query documents": [kg, "query", "documents", "--store", str(store_path), "--format", "csv"],
    }
    out = {}
    for label, argv in commands.items():
        times = []
        for _ in range(QUERY_REPEATS):
            s = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True, cwd=ROOT)
            times.append(time.perf_counter() - s)
        out[label] = statistics.median(times)
    return out


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


# --- report -------------------------------------------------------------------

def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpus": str(os.cpu_count()), "cpu": model, "python": platform.python_version(),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def fmt(x, digits=2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def render(m: dict, r: dict, limit: int | None) -> str:
    scales = sorted(r["scales"], key=int)
    lines = [
        "# Performance", "",
        "Generated by `make bench` (`bench/run.py`); do not edit by hand.", "",
        f"- Date: {m['date']}; machine: {m['cpus']} CPUs ({m['cpu']}), Python {m['python']}, "
        f"load average at start {m['load']} (the machine is shared: compare ratios, not absolute times).",
        f"- Corpus: IndoSum dev folds, {r['articles']} unique articles"
        + (f" (`--limit {limit}` of 3,463)" if limit else "") +
        ", detokenised, one JSON Lines file; the k× corpus repeats them with new ids.",
        "- Tokens are counted by spaCy's `blank(\"id\")` tokenizer. Default settings "
        f"({'with' if r['model'] else 'without'} the trained NER model, which is "
        f"{'installed' if r['model'] else 'not installed here'}).", "",
    ]
    lines += ["## Targets", "", "| Target (issue 7) | Measured | Verdict |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in r["targets"]]
    lines += ["", "## `kg build` end to end (fresh store)", "",
              "| Scale | Articles | Tokens | Jobs | Seconds | Articles/s | Tokens/s | × tokenizer floor (incl. setup) "
              "| Peak RSS main (MB) | Peak RSS worker (MB) | Quads | Store on disk (MB) |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for k in scales:
        s = r["scales"][k]
        builds = sorted(s["build"].items())
        if "build_no_model" in s:
            builds.append((f"{r.get('default_jobs', '1')}, rules only (`--no-model`)", s["build_no_model"]))
        builds += [(f"Dask `local:{j}`", d) for j, d in sorted(s.get("dask", {}).items())]
        for jobs, b in builds:
            lines.append(f"| {k}× | {s['articles']} | {s['tokens']} | {jobs} | {b['seconds']:.1f} | "
                         f"{s['articles'] / b['seconds']:.1f} | {s['tokens'] / b['seconds']:,.0f} | "
                         f"{b['seconds'] / floor(s):.1f} | {b['rss_mb']:.0f} | "
                         f"{b['workers_rss_mb']:.0f} | {b['quads']} | {s['disk_mb']:.1f} |")
    lines += ["", "Tokenizer floor (spaCy `blank(\"id\")` + `sentencizer`, same texts, one process), measured "
              "before and after the builds of each scale; the ratios use the mean of the two, so a machine "
              "that speeds up or slows down during the builds moves the floor with them:", "",
              "| Scale | Run | Setup (`blank(\"id\")`) s | Tokenizing s | Tokens/s (tokenizing) |", "|---|---|---|---|---|"]
    for k in scales:
        for when, sp in zip(("before the builds", "after the builds"), floor_runs(r["scales"][k])):
            lines.append(f"| {k}× | {when} | {sp.get('setup', 0):.2f} | {sp['seconds']:.2f} | "
                         f"{sp['tokens'] / sp['seconds']:,.0f} |")
    if len(scales) > 1:
        per_token = [1e6 * tokenizing(r["scales"][k]) / r["scales"][k]["tokens"] for k in scales]
        lines += ["", f"The {scales[-1]}× corpus repeats the same texts: from the second copy on, spaCy's tokenizer "
                  f"finds every word in its cache, so the floor costs {per_token[-1]:.1f} µs a token at "
                  f"{scales[-1]}× against {per_token[0]:.1f} µs at {scales[0]}×, while the model's cost per "
                  f"token stays. Ratios at {scales[-1]}× are stricter than on new text."]
    if "identity" in r:
        lines += ["", "## Identity across documents (issue 18)", "",
                  "`kg.identity.resolve_store` on builds of the first N distinct articles: undo the build's "
                  "joins, read every report, block by class and shared key within the date reach, decide, "
                  "rename and write the reasons (docs/IDENTITY.md). Distinct articles, not copies: copies of "
                  "an article report the same incidents and would all join.", "",
                  "| Articles | Reports | Seconds | ms per report |", "|---|---|---|---|"]
        for n, x in sorted(r["identity"].items(), key=lambda kv: int(kv[0])):
            lines.append(f"| {int(n):,} | {x['reports']:,} | {x['seconds']:.2f} | "
                         f"{1000 * x['seconds'] / max(1, x['reports']):.3f} |")
    if "serve" in r:
        lines += serve_lines(r["serve"])
    if "pushed" in r:
        p = r["pushed"]
        lines += ["", f"`kg push` of the {p['scale']}× store into an empty `oxigraph serve --union-default-graph` "
                  f"took {p['push_seconds']:.1f} s; rows of each saved query there and from `kg serve`:", "",
                  "| Query | kg serve rows | pushed store rows |", "|---|---|---|"]
        lines += [f"| {q} | {v['kg']:,} | {v['pushed']:,} |" for q, v in p["rows"].items()]
    docs = r["stages"]["docs"]
    lines += ["", f"## Time per stage (one process, the first {docs:,} documents, {scales[0]}×)", "",
              "| Stage | Seconds | Share |", "|---|---|---|"]
    st = r["stages"]["stages"]
    lines += [f"| {name} | {sec:.2f} | {100 * sec / sum(st.values()):.0f} % |" for name, sec in st.items()]
    lines += ["", "Load floor: pyoxigraph `Store.bulk_load` of the N-Quads exported from the built store; the "
              f"build's load stage is `Store.bulk_extend` of the {r['stages']['quads']:,} quads the stage made "
              f"({st['load']:.2f} s). Compared per quad.", "",
              "| Scale | Store quads | `bulk_load` s | Load stage / `bulk_load`, per quad |", "|---|---|---|---|"]
    for k in scales:
        s = r["scales"][k]
        lines.append(f"| {k}× | {s['quads']:,} | {s['bulk']['seconds']:.2f} | {load_ratio(r['stages'], s):.2f} |")
    if "nlp" in r:
        lines += ["", "## The spaCy pipeline alone (issue 4: the cost of the NER model)", "",
                  f"Tokens/s of `kg.nlp.load_pipeline()` over the first {docs:,} articles, one process:", "",
                  "| Pipeline | Tokens/s |", "|---|---|"]
        lines += [f"| {label} | {tps:,.0f} |" for label, tps in r["nlp"].items()]
        with_model, rules_only = r["nlp"].values()
        model_us = 1e6 * (1 / with_model - 1 / rules_only)
        first = r["scales"][scales[0]]
        floor_us = 1e6 * tokenizing(first) / first["tokens"]
        cores = int(r.get("default_jobs", "1"))
        lines += ["", f"The model alone costs {model_us:.1f} µs a token, {model_us / floor_us:.1f}× the tokenizer "
                  f"floor's {floor_us:.1f} µs: on {cores} cores it takes {model_us / floor_us / cores:.1f} of "
                  "the 4× budget of `kg build` before anything else runs."]
        lines += budget_lines(r, model_us, cores)
    lines += ["", "## Saved queries (median of 5, results fully read)", "",
              "`wikidata_enrich` (a federated `SERVICE` query) is left out. A parameter gets the most frequent "
              "value of its kind in the corpus (" + "; ".join(f"{k}×: " + ", ".join(
                  f"{p} = \"{v}\"" for p, v in r["scales"][k].get("values", {}).items()) for k in scales) + "). "
              "rdflib: `Dataset(default_union=True)` "
              f"over the same N-Quads; a query is stopped after {RDFLIB_PATIENCE}× oxigraph's time (at least "
              f"{RDFLIB_TIMEOUT} s), shown as \"> …\": the speed-up is then a lower bound.", "",
              "| Query | " + " | ".join(f"{k}× rows | {k}× oxigraph ms | {k}× rdflib ms | {k}× speed-up"
                                       for k in scales) + " |",
              "|---|" + "---|---|---|---|" * len(scales)]
    for name in r["queries"]:
        row = []
        for k in scales:
            s = r["scales"][k]
            ox_s, rows = s["oxigraph"][name]
            rl = s["rdflib"]["queries"].get(name)
            x, bound = speedup(s, name)
            if s["rdflib"].get("skipped"):
                row += [str(rows), f"{1000 * ox_s:.1f}", "not run", "n/a"]
            elif name in s["rdflib"].get("errors", {}):
                row += [str(rows), f"{1000 * ox_s:.1f}", "fails", "n/a"]
            elif bound:
                row += [str(rows), f"{1000 * ox_s:.1f}", f"> {1000 * s['rdflib']['stopped'][name]:,}", f"> {x:.0f}×"]
            else:
                row += [str(rows), f"{1000 * ox_s:.1f}", fmt(1000 * rl, 0), f"{x:.0f}×"]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    errors = {n: e for k in scales for n, e in r["scales"][k]["rdflib"].get("errors", {}).items()}
    if errors:
        lines += ["", "rdflib fails on: " + "; ".join(f"`{n}` ({e})" for n, e in sorted(errors.items())) + "."]
    for k in scales:
        if r["scales"][k]["rdflib"].get("skipped"):
            lines += ["", f"rdflib at {k}×: not run, {r['scales'][k]['rdflib']['skipped']}."]
    lines += ["", "rdflib parse of the N-Quads: " + ", ".join(
        f"{k}× {fmt(r['scales'][k]['rdflib']['load'], 1)} s" for k in scales
        if r["scales"][k]["rdflib"]["load"] is not None) + ".", ""]
    lines += ["## Start-up (median of 5)", "",
              "`kg query documents` runs against a store of the five seed articles, so the figure is start-up, "
              "not query time (query times are above).", "",
              "| Command | Seconds | × `import pyoxigraph, click` |", "|---|---|---|"]
    base = r["startup"]["python -c 'import pyoxigraph, click'"]
    for label, sec in r["startup"].items():
        lines.append(f"| `{label}` | {sec:.3f} | {sec / base:.2f} |")
    lines += ["", f"## Growth with corpus size ({r.get('default_jobs', '1')} job(s), the default)", "",
              "![Growth with corpus size](performance-growth.svg)", "",
              "| Scale | Articles | Tokens | Build s | Floor s | Build / floor | Peak RSS, largest process (MB) "
              "| Quads | Store (MB) | Median query ms |", "|---|---|---|---|---|---|---|---|---|---|"]
    for g in growth_rows(r):
        lines.append(f"| {g['scale']}× | {g['articles']:,} | {g['tokens']:,} | {g['build']:.1f} | {g['floor']:.1f} | "
                     f"{g['build'] / g['floor']:.1f} | {g['memory']:.0f} | {g['quads']:,} | {g['store']:.1f} | "
                     f"{g['query']:.1f} |")
    return "\n".join(lines) + "\n"


def budget_lines(r: dict, model_us: float, cores: int) -> list[str]:
    """Where the 4× budget goes at the largest scale, in CPU-µs a token: what no build can avoid
    (tokenizing, bulk_load, the model) against what the build spent."""
    k = sorted(r["scales"], key=int)[-1]
    s = r["scales"][k]
    tokens, jobs = s["tokens"], str(cores)
    if jobs not in s["build"]:
        return []
    budget = 4 * floor(s) / tokens * 1e6 * cores
    tokenizer, loading = 1e6 * tokenizing(s) / tokens, 1e6 * s["bulk"]["seconds"] / tokens
    spent = 1e6 * s["build"][jobs]["seconds"] * cores / tokens
    fixed = tokenizer + loading + model_us
    return ["", f"Where the budget goes at {k}× ({cores} cores, CPU-µs a token): the 4× target allows "
            f"{budget:.1f}; tokenizing (the floor itself) takes {tokenizer:.1f}, `bulk_load` of the same quads "
            f"(the load floor) {loading:.1f}, the model {model_us:.1f}: {fixed:.1f} before any rule, extraction, "
            f"resolution or RDF, leaving {budget - fixed:.1f} for them. The build spent at most {spent:.1f} "
            f"({s['build'][jobs]['seconds']:.0f} s on {cores} cores), {spent - fixed:.1f} beyond those floors."]


def floor_runs(scale: dict) -> list[dict]:
    """The tokenizer floor's runs at a scale: before the builds and, since this machine's speed
    drifts, again after them."""
    return [scale["spacy"]] + ([scale["spacy_after"]] if "spacy_after" in scale else [])


def tokenizing(scale: dict) -> float:
    return statistics.mean(run["seconds"] for run in floor_runs(scale))


def floor(scale: dict) -> float:
    """The tokenizer floor end to end: building blank("id") + tokenizing, the mean of its runs."""
    return statistics.mean(run["seconds"] + run.get("setup", 0.0) for run in floor_runs(scale))


def load_ratio(stages: dict, scale: dict) -> float:
    """Seconds per quad of the build's load stage over those of `bulk_load` at this scale."""
    return (stages["stages"]["load"] / stages["quads"]) / (scale["bulk"]["seconds"] / scale["quads"])


def speedup(scale: dict, name: str) -> tuple[float | None, bool]:
    """rdflib's time over oxigraph's, and whether it is a lower bound (rdflib was stopped)."""
    ox_s = scale["oxigraph"][name][0]
    rl = scale["rdflib"]["queries"].get(name)
    if rl:
        return rl / ox_s, False
    stopped = scale["rdflib"].get("stopped", {}).get(name)
    return (stopped / ox_s, True) if stopped else (None, False)


def peak_mb(build: dict) -> float:
    return max(build["rss_mb"], build["workers_rss_mb"])


def targets(r: dict) -> list[tuple[str, str, str]]:
    scales = sorted(r["scales"], key=int)
    top = r["scales"][scales[-1]]
    first = r["scales"][scales[0]]
    out = []
    for j in sorted(top["build"]):
        ratio = top["build"][j]["seconds"] / floor(top)
        out.append((f"`kg build` within 4× the tokenizer floor, end to end ({scales[-1]}×, {j} job(s))",
                    f"{ratio:.1f}×", verdict(ratio <= 4)))
        if len(scales) > 1 and j in first["build"]:
            extra = (top["build"][j]["seconds"] - first["build"][j]["seconds"]) / (floor(top) - floor(first))
            out.append((f"… per extra article, start-up costs removed ({scales[0]}× → {scales[-1]}×, {j} job(s))",
                        f"{extra:.1f}×", verdict(extra <= 4)))
    if "build_no_model" in first:
        ratio = first["build_no_model"]["seconds"] / floor(first)
        out.append((f"(for comparison) `kg build --no-model` against the same floor ({scales[0]}×, "
                    f"{r.get('default_jobs', '1')} job(s))", f"{ratio:.1f}×", verdict(ratio <= 4)))
    ratios = [load_ratio(r["stages"], r["scales"][k]) for k in scales]
    out.append(("loading within 1.5× of `bulk_load`",
                ", ".join(f"{x:.2f}× ({k}×)" for x, k in zip(ratios, scales)), verdict(max(ratios) <= 1.5)))
    measured = [k for k in scales if not r["scales"][k]["rdflib"].get("skipped")]
    if measured:
        at = r["scales"][measured[-1]]
        failed = at["rdflib"].get("errors", {})
        found = [speedup(at, n) for n in r["queries"] if n not in failed]
        worst = min(x for x, _ in found if x is not None)
        bounds = sum(1 for _, bound in found if bound)
        out.append((f"saved queries ≥ 20× faster than rdflib ({measured[-1]}×"
                    + (f", the largest scale rdflib can hold" if measured[-1] != scales[-1] else "") + ")",
                    f"smallest speed-up {worst:.0f}× over {len(found)} queries"
                    + (f" ({bounds} stopped in rdflib: lower bounds)" if bounds else "")
                    + (f"; {len(failed)} fail in rdflib" if failed else ""),
                    verdict(worst >= 20)))
    for j, d in sorted(first.get("dask", {}).items()):
        if j in first["build"]:
            ratio = first["build"][j]["seconds"] / d["seconds"]
            out.append((f"Dask `--scheduler local:{j}` documents per second against `kg build -j {j}` "
                        f"({scales[0]}×, same run)", f"{ratio:.2f}×", verdict(ratio >= 0.85)))
    if "identity" in r:
        runs = sorted(r["identity"].items(), key=lambda kv: int(kv[0]))
        (n0, a), (n1, b) = runs[0], runs[-1]
        growth = b["seconds"] / a["seconds"]
        out.append((f"identity across documents grows with the corpus ({n0} → {n1} distinct articles, "
                    f"{int(n1) / int(n0):.0f}×)", f"{growth:.1f}×", verdict(growth <= 1.2 * int(n1) / int(n0))))
    if "serve" in r:
        out += serve_targets(r["serve"])
    if "pushed" in r:
        out.append(pushed_target(r["pushed"]))
    base = r["startup"]["python -c 'import pyoxigraph, click'"]
    for label in ("kg --help", "kg query documents"):
        x = r["startup"][label] / base
        out.append((f"`{label}` within 3× of `import pyoxigraph, click`", f"{x:.2f}×", verdict(x <= 3)))
    jobs = r.get("default_jobs", "1")
    peaks = [peak_mb(r["scales"][k]["build"][jobs]) for k in scales if jobs in r["scales"][k]["build"]]
    if len(peaks) > 1:
        growth = peaks[-1] / peaks[0]
        out.append((f"peak memory flat as the corpus grows ({scales[0]}× → {scales[-1]}×, {jobs} job(s), "
                    "largest process)", f"{peaks[0]:.0f} → {peaks[-1]:.0f} MB ({growth:.2f}×)", verdict(growth <= 1.25)))
    return out


def growth_rows(r: dict) -> list[dict]:
    """Per scale: articles and each measure that should grow at most linearly (build, store) or not at all (memory)."""
    jobs = r.get("default_jobs", "1")
    rows = []
    for k in sorted(r["scales"], key=int):
        s = r["scales"][k]
        b = s["build"].get(jobs) or next(iter(s["build"].values()))
        rows.append({"scale": k, "articles": s["articles"], "tokens": s["tokens"], "build": b["seconds"],
                     "floor": floor(s), "memory": peak_mb(b), "store": s["disk_mb"], "quads": s["quads"],
                     "query": statistics.median(v[0] for v in s["oxigraph"].values()) * 1000})
    return rows


def growth_svg(r: dict) -> str:
    """Each measure relative to the smallest corpus, on log-log axes, with the line of linear growth."""
    rows = growth_rows(r)
    series = {"kg build s": "build", "tokenizer floor s": "floor", "peak memory": "memory",
              "store on disk": "store", "median query": "query"}
    colours = ["#1b6ca8", "#888888", "#c0392b", "#27ae60", "#8e44ad"]
    x0 = rows[0]["articles"]
    xs = [math.log10(row["articles"] / x0) for row in rows]
    ys = [math.log10(row[key] / rows[0][key]) for key in series.values() for row in rows] + xs
    xmax, ymin, ymax = max(xs + [1]), min(ys + [0]), max(ys + [1])
    W, H, M = 560, 360, 50

    def px(x, y):
        return M + (W - 2 * M) * x / xmax, H - M - (H - 2 * M) * (y - ymin) / (ymax - ymin)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
             f'<rect width="{W}" height="{H}" fill="white"/>',
             f'<text x="{M}" y="18" font-size="13">Growth with corpus size (relative to {x0:,} articles, log-log)</text>']
    (ax, ay), (bx, by) = px(0, 0), px(xmax, xmax)
    parts.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="#ccc" stroke-dasharray="4"/>')
    parts.append(f'<text x="{bx - 60:.1f}" y="{by + 14:.1f}" fill="#999">linear</text>')
    for i, (label, key) in enumerate(series.items()):
        points = [px(x, math.log10(row[key] / rows[0][key])) for x, row in zip(xs, rows)]
        parts.append(f'<polyline fill="none" stroke="{colours[i]}" stroke-width="2" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        parts.append(f'<text x="{W - M - 120}" y="{40 + 14 * i}" fill="{colours[i]}">{label} '
                     f'×{rows[-1][key] / rows[0][key]:.1f}</text>')
    for x, row in zip(xs, rows):
        tx, ty = px(x, ymin)
        parts.append(f'<text x="{tx:.1f}" y="{ty + 16:.1f}" text-anchor="middle">{row["articles"]:,}</text>')
    parts.append(f'<text x="{W / 2}" y="{H - 8}" text-anchor="middle">articles</text></svg>')
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="Folder of IndoSum .jsonl files.")
    parser.add_argument("--out", type=Path, required=True, help="Markdown report to write.")
    parser.add_argument("--limit", type=int, default=None, help="Use the first N unique articles [all].")
    parser.add_argument("--scale", default="1,3,10", help="Corpus multiples to measure [1,3,10].")
    parser.add_argument("--jobs", default=None, help="Job counts for the build at the first scale [1,all cores].")
    parser.add_argument("--jobs-above", default=None,
                        help="Job counts at the larger scales [all cores: the default setting].")
    parser.add_argument("--json", type=Path, default=None, help="Also write the raw figures here.")
    parser.add_argument("--from-json", type=Path, default=None, help="Only re-render figures saved with --json.")
    args = parser.parse_args()

    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        info = saved.pop("machine")
        saved["targets"] = targets(saved)
        args.out.write_text(render(info, saved, args.limit))
        args.out.with_name("performance-growth.svg").write_text(growth_svg(saved))
        return
    from kg import nlp

    info = machine()
    articles = read_indosum(args.data, args.limit)
    all_cores = str(os.cpu_count() or 1)
    jobs_first = args.jobs.split(",") if args.jobs else sorted({"1", all_cores})
    jobs_above = args.jobs_above.split(",") if args.jobs_above else [all_cores]
    names = saved_query_names()
    r = {"articles": len(articles), "model": nlp.model_available(), "queries": names, "scales": {},
         "default_jobs": all_cores}
    for path in (args.out, args.json):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        print("start-up", file=sys.stderr, flush=True)
        small = tmp / "store-seeds"
        child(["_build", str(ROOT / "seeds"), str(small), "1"])
        r["startup"] = startup(small)
        for k in args.scale.split(","):
            jobs = jobs_first if k == args.scale.split(",")[0] else jobs_above
            corpus = tmp / f"corpus-{k}x.jsonl"
            write_corpus(articles, int(k), corpus)
            s = {"articles": len(articles) * int(k), "build": {}}
            print(f"[{k}×] tokenizer floor", file=sys.stderr, flush=True)
            s["spacy"] = child(["_spacy", str(corpus)])
            s["tokens"] = s["spacy"]["tokens"]
            store = tmp / f"store-{k}x"
            for j in jobs:
                print(f"[{k}×] kg build --jobs {j}", file=sys.stderr, flush=True)
                s["build"][j] = child(["_build", str(corpus), str(store), j])
            print(f"[{k}×] tokenizer floor again", file=sys.stderr, flush=True)
            s["spacy_after"] = child(["_spacy", str(corpus)])
            if k == args.scale.split(",")[0]:     # the same build on a local Dask cluster, against --jobs
                s["dask"] = {}
                for j in jobs:
                    print(f"[{k}×] kg build --scheduler local:{j}", file=sys.stderr, flush=True)
                    s["dask"][j] = child(["_build", str(corpus), str(tmp / "store-dask"), "1", "model", f"local:{j}"])
                shutil.rmtree(tmp / "store-dask", ignore_errors=True)
            if k == args.scale.split(",")[0]:     # what the NER model costs, end to end
                print(f"[{k}×] kg build --jobs {all_cores} --no-model", file=sys.stderr, flush=True)
                s["build_no_model"] = child(["_build", str(corpus), str(tmp / "store-no-model"), all_cores, "no-model"])
                shutil.rmtree(tmp / "store-no-model", ignore_errors=True)
            s["disk_mb"] = disk_mb(store)
            if k == args.scale.split(",")[0]:     # one process, in memory: on the first scale only
                print(f"[{k}×] stages", file=sys.stderr, flush=True)
                r["stages"] = child(["_stages", str(corpus), str(STAGE_DOCS)])
                r["nlp"] = child(["_nlp", str(corpus), str(STAGE_DOCS)])
                print(f"[{k}×] identity across documents", file=sys.stderr, flush=True)
                tenth = max(1, len(articles) // 10)
                r["identity"] = child(["_identity", str(corpus), f"{tenth},{3 * tenth},{10 * tenth}"])
            nquads = tmp / f"store-{k}x.nq"
            dump_nquads(store, nquads)
            s["bulk"] = child(["_bulk", str(nquads)])
            print(f"[{k}×] queries", file=sys.stderr, flush=True)
            s["values"] = sample_values(store)
            s["oxigraph"] = oxigraph_queries(store, names, s["values"])
            if k == args.scale.split(",")[0]:
                print(f"[{k}×] kg serve against the Oxigraph server", file=sys.stderr, flush=True)
                r["serve"] = dict(child(["_serve", str(store)]), scale=k)
                print(f"[{k}×] kg push to an Oxigraph server", file=sys.stderr, flush=True)
                r["pushed"] = dict(child(["_pushed", str(store)]), scale=k)
            s["quads"] = next(iter(s["build"].values()))["quads"]
            s["rdflib"] = rdflib_queries(nquads, s["oxigraph"], s["quads"], s["values"])
            nquads.unlink()
            shutil.rmtree(store, ignore_errors=True)
            r["scales"][k] = s
            if args.json:   # partial figures survive an interrupted run
                args.json.write_text(json.dumps({"machine": info, **r}, indent=1))
        r["targets"] = targets(r)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, **r}, indent=1))
    args.out.write_text(render(info, r, args.limit))
    args.out.with_name("performance-growth.svg").write_text(growth_svg(r))
    for what, value, ok in r["targets"]:
        print(f"{what}: {value} {ok}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in CHILD_MODES:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(CHILD_MODES[sys.argv[1]](*sys.argv[2:])))
    else:
        main()
