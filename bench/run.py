"""Benchmark `kg build` and the saved queries on IndoSum, against floors measured in the same run.

Machines here are shared and noisy, so every figure that matters is reported as
a ratio to a baseline timed in the same run: spaCy's bare tokenizer (what any
extractor pays), pyoxigraph's bulk loader (what any load pays) and rdflib
(what many users query with today). Builds and rdflib run in subprocesses so
their peak memory (maxrss) is their own.

    python bench/run.py --data ../shared/data/indosum-dev --out docs/PERFORMANCE.md [--limit 400] [--scale 1,10]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_SPACE_BEFORE = set(",.!?;:)]”")
NO_SPACE_AFTER = set("([“")
QUERY_REPEATS = 5
RDFLIB_TIMEOUT = 20     # seconds one rdflib query may take before it counts as "more than that"
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


def mode_build(corpus: str, store: str, jobs: str) -> dict:
    """The real code path, `kg.pipeline.build`, on a fresh store."""
    from kg.pipeline import build

    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    report = build([Path(corpus)], Path(store), jobs=int(jobs))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "built": report.built, "quads": report.quads,
            "problems": len(report.problems), "rss_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "workers_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def mode_stages(corpus: str) -> dict:
    """Each stage of the build timed alone, one process, on the same documents."""
    import pyoxigraph as ox

    from kg import nlp, rdf
    from kg.extract import extract
    from kg.ingest import read_documents
    from kg.pipeline import settings_hash
    from kg.resolve import Resolver
    from kg.resolve_events import EventResolver

    t = {}
    s = time.perf_counter()
    docs = list(read_documents([Path(corpus)], []))
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
    resolver, events = Resolver(), EventResolver()
    for ext in extracted:
        resolver.resolve(ext)
        events.assign(ext)
    t["resolve"] = time.perf_counter() - s
    s = time.perf_counter()
    settings = settings_hash(True)
    quads = [q for ext in extracted for q in rdf.document_quads(ext, settings)]
    t["rdf"] = time.perf_counter() - s
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(tmp)
        s = time.perf_counter()
        store.extend(quads)
        store.flush()
        t["load"] = time.perf_counter() - s
    return {"stages": t, "quads": len(quads), "docs": len(docs)}


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


def mode_bulk(nquads: str) -> dict:
    """The load floor: pyoxigraph's bulk loader on the N-Quads of the built store."""
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(tmp)
        s = time.perf_counter()
        store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return {"seconds": time.perf_counter() - s}


def mode_rdflib(nquads: str, names: str) -> dict:
    """The same saved queries with rdflib over the union of all graphs."""
    import rdflib

    from kg.query import find

    s = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nquads, format="nquads")
    out = {"load": time.perf_counter() - s, "queries": {}, "errors": {}}
    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    for name in names.split(","):
        text = find(name).text
        times = []
        try:
            while len(times) < QUERY_REPEATS and sum(times) < REPEAT_BUDGET:
                signal.alarm(RDFLIB_TIMEOUT)
                s = time.perf_counter()
                len(list(ds.query(text)))
                times.append(time.perf_counter() - s)
                signal.alarm(0)
        except TimeoutError:
            times = times or [None]
        except Exception as err:  # noqa: BLE001 - rdflib fails on some valid queries; report, go on
            signal.alarm(0)
            out["errors"][name] = f"{type(err).__name__}: {err}"
            continue
        out["queries"][name] = statistics.median(times) if None not in times else None
    return out


CHILD_MODES = {"_build": mode_build, "_stages": mode_stages, "_spacy": mode_spacy,
               "_bulk": mode_bulk, "_rdflib": mode_rdflib}


# --- in-process measurements --------------------------------------------------

def saved_query_names() -> list[str]:
    from kg.query import saved_queries

    return [q.name for q in saved_queries() if not q.params and "SERVICE" not in q.text.upper()]


def oxigraph_queries(store_path: Path, names: list[str]) -> dict[str, tuple[float, int]]:
    from kg.query import find, run
    from kg.store import GraphStore

    store = GraphStore(store_path).open_read()
    out = {}
    for name in names:
        saved = find(name)
        times, rows = [], 0
        while len(times) < QUERY_REPEATS and sum(times) < REPEAT_BUDGET:
            s = time.perf_counter()
            rows = len(list(run(store, saved)))
            times.append(time.perf_counter() - s)
        out[name] = (statistics.median(times), rows)
        print(f"  {name}: {rows} rows, {out[name][0]:.3f} s", file=sys.stderr, flush=True)
    return out


def dump_nquads(store_path: Path, out: Path) -> None:
    import pyoxigraph as ox

    from kg.store import GraphStore

    GraphStore(store_path).open_read().dump(output=str(out), format=ox.RdfFormat.N_QUADS)


def rdflib_queries(nquads: Path, names: list[str]) -> dict:
    return child(["_rdflib", str(nquads), ",".join(names)])


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
        for jobs, b in sorted(s["build"].items()):
            lines.append(f"| {k}× | {s['articles']} | {s['tokens']} | {jobs} | {b['seconds']:.1f} | "
                         f"{s['articles'] / b['seconds']:.1f} | {s['tokens'] / b['seconds']:,.0f} | "
                         f"{b['seconds'] / floor(s):.1f} | {b['rss_mb']:.0f} | "
                         f"{b['workers_rss_mb']:.0f} | {b['quads']} | {s['disk_mb']:.1f} |")
    lines += ["", "Tokenizer floor (spaCy `blank(\"id\")` + `sentencizer`, same texts, one process):", "",
              "| Scale | Setup (`blank(\"id\")`) s | Tokenizing s | Tokens/s (tokenizing) |", "|---|---|---|---|"]
    for k in scales:
        sp = r["scales"][k]["spacy"]
        lines.append(f"| {k}× | {sp.get('setup', 0):.2f} | {sp['seconds']:.2f} | {sp['tokens'] / sp['seconds']:,.0f} |")
    lines += ["", "## Time per stage (one process, same documents)", "",
              "| Stage | " + " | ".join(f"{k}× seconds | {k}× share" for k in scales) + " |",
              "|---|" + "---|---|" * len(scales)]
    stage_names = list(r["scales"][scales[0]]["stages"]["stages"])
    for name in stage_names:
        row = []
        for k in scales:
            st = r["scales"][k]["stages"]["stages"]
            row += [f"{st[name]:.2f}", f"{100 * st[name] / sum(st.values()):.0f} %"]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    lines += ["", "Load floor: pyoxigraph `Store.bulk_load` of the N-Quads exported from the built store.", "",
              "| Scale | Quads | `store.extend` (load stage) s | `bulk_load` s | Ratio |", "|---|---|---|---|---|"]
    for k in scales:
        s = r["scales"][k]
        load = s["stages"]["stages"]["load"]
        lines.append(f"| {k}× | {s['stages']['quads']} | {load:.2f} | {s['bulk']['seconds']:.2f} | "
                     f"{load / s['bulk']['seconds']:.2f} |")
    lines += ["", "## Saved queries (median of 5, results fully read)", "",
              "Queries with parameters or `SERVICE` are skipped. rdflib: `Dataset(default_union=True)` "
              f"over the same N-Quads; a query still running after {RDFLIB_TIMEOUT} s is stopped "
              "(shown as \"> …\": the speed-up is then a lower bound).", "",
              "| Query | " + " | ".join(f"{k}× rows | {k}× oxigraph ms | {k}× rdflib ms | {k}× speed-up"
                                       for k in scales) + " |",
              "|---|" + "---|---|---|---|" * len(scales)]
    for name in r["queries"]:
        row = []
        for k in scales:
            s = r["scales"][k]
            ox_s, rows = s["oxigraph"][name]
            rl = s["rdflib"]["queries"].get(name)
            if name in s["rdflib"].get("errors", {}):
                row += [str(rows), f"{1000 * ox_s:.1f}", "fails", "n/a"]
                continue
            row += [str(rows), f"{1000 * ox_s:.1f}", fmt(1000 * rl, 0) if rl else f"> {RDFLIB_TIMEOUT * 1000}",
                    f"{rl / ox_s:.0f}×" if rl else f"> {RDFLIB_TIMEOUT / ox_s:.0f}×"]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    errors = {n: e for k in scales for n, e in r["scales"][k]["rdflib"].get("errors", {}).items()}
    if errors:
        lines += ["", "rdflib fails on: " + "; ".join(f"`{n}` ({e})" for n, e in sorted(errors.items())) + "."]
    lines += ["", "rdflib parse of the N-Quads: " + ", ".join(
        f"{k}× {fmt(r['scales'][k]['rdflib']['load'], 1)} s" for k in scales) + ".", ""]
    lines += ["## Start-up (median of 5)", "", "| Command | Seconds | × `import pyoxigraph, click` |",
              "|---|---|---|"]
    base = r["startup"]["python -c 'import pyoxigraph, click'"]
    for label, sec in r["startup"].items():
        lines.append(f"| `{label}` | {sec:.3f} | {sec / base:.2f} |")
    lines += ["", "## Growth with corpus size", "",
              "| Scale | Articles | Build s (1 job) | Peak RSS (MB) | Store (MB) | Median query ms (oxigraph) |",
              "|---|---|---|---|---|---|"]
    for k in scales:
        s = r["scales"][k]
        b = s["build"]["1"] if "1" in s["build"] else next(iter(s["build"].values()))
        med = statistics.median(v[0] for v in s["oxigraph"].values()) * 1000
        lines.append(f"| {k}× | {s['articles']} | {b['seconds']:.1f} | {b['rss_mb']:.0f} | {s['disk_mb']:.1f} | "
                     f"{med:.1f} |")
    return "\n".join(lines) + "\n"


def floor(scale: dict) -> float:
    """The tokenizer floor end to end: building blank("id") + tokenizing."""
    return scale["spacy"]["seconds"] + scale["spacy"].get("setup", 0.0)


def targets(r: dict) -> list[tuple[str, str, str]]:
    scales = sorted(r["scales"], key=int)
    top = r["scales"][scales[-1]]
    first = r["scales"][scales[0]]
    out = []
    default_jobs = str(max(int(j) for j in first["build"]))
    for j in sorted({"1", default_jobs}):
        ratio = top["build"][j]["seconds"] / floor(top)
        out.append((f"`kg build` within 4× the tokenizer floor, end to end ({scales[-1]}×, {j} job(s))",
                    f"{ratio:.1f}×", verdict(ratio <= 4)))
        if len(scales) > 1:
            extra = (top["build"][j]["seconds"] - first["build"][j]["seconds"]) / (floor(top) - floor(first))
            out.append((f"… per extra article, start-up costs removed ({scales[0]}× → {scales[-1]}×, {j} job(s))",
                        f"{extra:.1f}×", verdict(extra <= 4)))
    load = first["stages"]["stages"]["load"] / first["bulk"]["seconds"]
    out.append(("loading within 1.5× of `bulk_load`", f"{load:.2f}× ({scales[0]}×)", verdict(load <= 1.5)))
    failed = top["rdflib"].get("errors", {})
    speedups = [(top["rdflib"]["queries"].get(n) or RDFLIB_TIMEOUT) / top["oxigraph"][n][0]
                for n in r["queries"] if n not in failed]
    missing = sum(1 for n in r["queries"] if n not in failed and not top["rdflib"]["queries"].get(n))
    worst = min(speedups)
    out.append((f"saved queries ≥ 20× faster than rdflib ({scales[-1]}×)",
                f"smallest speed-up {worst:.0f}× over {len(speedups)} queries"
                + (f" ({missing} stopped after {RDFLIB_TIMEOUT} s in rdflib: lower bounds)" if missing else "")
                + (f"; {len(failed)} fail in rdflib" if failed else ""),
                verdict(worst >= 20)))
    base = r["startup"]["python -c 'import pyoxigraph, click'"]
    for label in ("kg --help", "kg query documents"):
        x = r["startup"][label] / base
        out.append((f"`{label}` within 3× of `import pyoxigraph, click`", f"{x:.2f}×", verdict(x <= 3)))
    rss = [r["scales"][k]["build"]["1"]["rss_mb"] for k in scales if "1" in r["scales"][k]["build"]]
    if len(rss) > 1:
        growth = rss[-1] / rss[0]
        out.append((f"peak memory flat as the corpus grows ({scales[0]}× → {scales[-1]}×, 1 job)",
                    f"{rss[0]:.0f} → {rss[-1]:.0f} MB ({growth:.2f}×)", verdict(growth <= 1.25)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="Folder of IndoSum .jsonl files.")
    parser.add_argument("--out", type=Path, required=True, help="Markdown report to write.")
    parser.add_argument("--limit", type=int, default=None, help="Use the first N unique articles [all].")
    parser.add_argument("--scale", default="1,10", help="Corpus multiples to measure [1,10].")
    parser.add_argument("--jobs", default=None, help="Job counts for the build [1,all cores].")
    parser.add_argument("--json", type=Path, default=None, help="Also write the raw figures here.")
    parser.add_argument("--from-json", type=Path, default=None, help="Only re-render figures saved with --json.")
    args = parser.parse_args()

    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        info = saved.pop("machine")
        saved["targets"] = targets(saved)
        args.out.write_text(render(info, saved, args.limit))
        return
    from kg import nlp

    info = machine()
    articles = read_indosum(args.data, args.limit)
    jobs = args.jobs.split(",") if args.jobs else sorted({"1", str(os.cpu_count() or 1)})
    names = saved_query_names()
    r = {"articles": len(articles), "model": nlp.model_available(), "queries": names, "scales": {}}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        for k in args.scale.split(","):
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
            s["disk_mb"] = disk_mb(store)
            print(f"[{k}×] stages", file=sys.stderr, flush=True)
            s["stages"] = child(["_stages", str(corpus)])
            nquads = tmp / f"store-{k}x.nq"
            dump_nquads(store, nquads)
            s["bulk"] = child(["_bulk", str(nquads)])
            print(f"[{k}×] queries", file=sys.stderr, flush=True)
            s["oxigraph"] = oxigraph_queries(store, names)
            s["rdflib"] = rdflib_queries(nquads, names)
            r["scales"][k] = s
            if args.json:   # partial figures survive an interrupted run
                args.json.write_text(json.dumps({"machine": info, **r}, indent=1))
            if k == args.scale.split(",")[0]:
                r["startup"] = startup(store)
        r["targets"] = targets(r)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, **r}, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(info, r, args.limit))
    for what, value, ok in r["targets"]:
        print(f"{what}: {value} {ok}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in CHILD_MODES:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(CHILD_MODES[sys.argv[1]](*sys.argv[2:])))
    else:
        main()
