"""Soak `kg serve`: concurrent saved queries for a long while, with errors, latency and memory over time.

Not part of CI. Starts `kg serve` on 127.0.0.1 on a free port against a store (the seeds are
built into it first when it does not exist), runs a Python client of N threads cycling through
the saved queries (parameters filled with labels from the store) for --seconds, then `wrk` for
--wrk-seconds if it is installed (Debian: apt-get install wrk), sampling the resident memory
(VmRSS) of the server and of each of its query workers every --sample seconds. Prints a
markdown report (and writes it to --out).

    python bench/soak.py --seconds 600 [--store .kg/store] [--threads 8] [--out soak.md]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from graph_fixture import start_server, stop_server  # noqa: E402

OFFLINE = {"wikidata_enrich"}  # needs the internet (a SERVICE call to Wikidata)
LABELS = ("SELECT DISTINCT ?label WHERE { GRAPH <https://w3id.org/crisis-kg/id/graph/entities> "
          "{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label } } ORDER BY ?label LIMIT 40")


def ensure_store(store: Path) -> None:
    if (store / "CURRENT").exists():
        return
    print(f"no store at {store}: building the seeds into it", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--store", str(store)],
                   check=True, cwd=ROOT)


def workload(client: httpx.Client) -> list[tuple[str, str]]:
    """(name, path) of every offline saved query; parameterised ones once per sample label."""
    labels = [r["label"]["value"] for r in
              client.get("/sparql", params={"query": LABELS}).json()["results"]["bindings"]][::5] or ["x"]
    paths = []
    for q in client.get("/queries").json():
        if q["name"] in OFFLINE:
            continue
        if not q["params"]:
            paths.append((q["name"], f"/queries/{q['name']}"))
        for label in labels if q["params"] else []:
            values = {p["name"]: label for p in q["params"]}
            paths.append((q["name"], f"/queries/{q['name']}?{urlencode(values)}"))
    return paths


# --- memory ---------------------------------------------------------------------

def workers_of(pid: int) -> list[int]:
    """The server's query processes (spawned children, not multiprocessing's resource tracker)."""
    try:
        kids = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    found = []
    for kid in kids:
        try:
            if b"spawn_main" in Path(f"/proc/{kid}/cmdline").read_bytes():
                found.append(kid)
        except OSError:
            continue
    return found


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class MemorySampler(threading.Thread):
    """(seconds since start, server MB, [worker MB ...]) every ``every`` seconds."""

    def __init__(self, pid: int, every: float, started: float):
        super().__init__(daemon=True)
        self.pid, self.every, self.started = pid, every, started
        self.samples: list[tuple[float, float, list[float]]] = []
        self.stop = threading.Event()

    def sample(self) -> None:
        workers = [m for c in workers_of(self.pid) if (m := rss_mb(c)) is not None]
        self.samples.append((time.monotonic() - self.started, rss_mb(self.pid) or 0.0, workers))

    def run(self) -> None:
        while not self.stop.wait(self.every):
            self.sample()


# --- the Python client ----------------------------------------------------------

def client_loop(url: str, paths: list[tuple[str, str]], offset: int, deadline: float,
                results: list[tuple[str, int, float]]) -> None:
    """One thread: cycle through the queries (from its own offset) until the deadline."""
    with httpx.Client(base_url=url, timeout=60) as client:
        i = offset
        while time.monotonic() < deadline:
            name, path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError as err:
                status = type(err).__name__
            results.append((name, status, time.perf_counter() - started))


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def run_wrk(url: str, paths: list[tuple[str, str]], seconds: int, threads: int) -> str:
    lua = "paths = {" + ", ".join(f'"{p}"' for _, p in paths) + "}\n" + \
          "i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(lua)
        script.flush()
        out = subprocess.run(["wrk", "-t2", f"-c{threads}", f"-d{seconds}s", "--timeout", "60s", "--latency",
                              "-s", script.name, url], capture_output=True, text=True)
    return out.stdout + out.stderr


# --- report ---------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def report(args, paths, results, samples, wall: float, wrk: str | None) -> str:
    statuses = Counter(str(s) for _, s, _ in results)
    ok = [t for _, s, t in results if s == 200]
    lines = [
        f"Command: `python bench/soak.py --seconds {args.seconds} --threads {args.threads} "
        f"--workers {args.workers}` against `{args.store}` ({len(paths)} distinct requests over "
        f"{len({n for n, _ in paths})} saved queries).",
        "",
        "| Requests | Per second | Errors (non-200) | Statuses | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
        f"| {len(results):,} | {len(results) / wall:,.1f} | {len(results) - len(ok):,} | "
        f"{', '.join(f'{k}: {v:,}' for k, v in sorted(statuses.items()))} | {ms(percentile(ok, 50))} | "
        f"{ms(percentile(ok, 90))} | {ms(percentile(ok, 99))} | {ms(max(ok, default=float('nan')))} |",
        "",
        "| Saved query | Requests | p50 ms | p99 ms | max ms |",
        "|---|---|---|---|---|",
    ]
    for name in sorted({n for n, _, _ in results}):
        times = [t for n, s, t in results if n == name and s == 200]
        lines.append(f"| {name} | {sum(1 for n, _, _ in results if n == name):,} | {ms(percentile(times, 50))} | "
                     f"{ms(percentile(times, 99))} | {ms(max(times, default=float('nan')))} |")
    lines += ["", "Resident memory (VmRSS, MB) every "
              f"{args.sample:g} s: the web process and each query worker.", "",
              "| t (s) | server | workers |", "|---|---|---|"]
    lines += [f"| {t:.0f} | {server:.0f} | {' / '.join(f'{w:.0f}' for w in workers)} |"
              for t, server, workers in samples]
    if wrk is not None:
        lines += ["", f"wrk ({args.wrk_seconds} s, {args.threads} connections, same requests in turn):", "",
                  "```", wrk.strip(), "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / ".kg" / "store")
    parser.add_argument("--seconds", type=int, default=600, help="length of the Python-client run")
    parser.add_argument("--threads", type=int, default=8, help="concurrent clients (and wrk connections)")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--sample", type=float, default=10, help="memory sampling interval (s)")
    parser.add_argument("--wrk-seconds", type=int, default=60, help="wrk run after the Python client (0: none)")
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    args = parser.parse_args()

    ensure_store(args.store)
    process, url = start_server(args.store, "--workers", str(args.workers))
    try:
        started = time.monotonic()
        sampler = MemorySampler(process.pid, args.sample, started)
        sampler.sample()
        sampler.start()
        with httpx.Client(base_url=url, timeout=60) as client:
            paths = workload(client)
        results: list[tuple[str, int, float]] = []
        begin = time.monotonic()
        threads = [threading.Thread(target=client_loop, args=(url, paths, i * len(paths) // args.threads,
                                                              begin + args.seconds, results))
                   for i in range(args.threads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - begin
        wrk = None
        if args.wrk_seconds:
            wrk = run_wrk(url, paths, args.wrk_seconds, args.threads) if shutil.which("wrk") else \
                "wrk is not installed (apt-get install wrk); skipped"
        sampler.stop.set()
        sampler.join()
        sampler.sample()
        alive = process.poll() is None
    finally:
        stop_server(process)
    text = report(args, paths, results, sampler.samples, wall, wrk)
    text += f"\nServer still running at the end: {'yes' if alive else 'NO'}.\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
