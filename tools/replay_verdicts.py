"""Replay judged verdicts against a fresh build of their articles: which judged facts the code states.

Why: a judged sample measures the code it was drawn from; after a change, the same verdicts tell
how many wrong facts are gone and how many right ones are kept, kind by kind (docs/QUALITY.md).
tests/test_judged.py asserts the wrong ones do not come back; this prints the whole picture.

Usage: python tools/replay_verdicts.py VERDICTS.jsonl [--without OLDER.jsonl] [--kind speaker ...]
           [--data ../shared/data/indosum-dev] [--show] [--lost]
--without leaves out the verdicts whose key is in OLDER (e.g. the verdicts of one sample only);
--show lists the wrong facts still stated, --lost the right facts no longer stated.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from run import write_articles  # noqa: E402  (bench/run.py: the one IndoSum reader)

from kg.facts import facts  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.store import GraphStore  # noqa: E402


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("verdicts", type=Path)
    ap.add_argument("--without", type=Path)
    ap.add_argument("--kind", nargs="*", default=[])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indosum-dev")
    ap.add_argument("--show", action="store_true", help="list the wrong facts still stated")
    ap.add_argument("--lost", action="store_true", help="list the right facts no longer stated")
    args = ap.parse_args()
    older = {r["key"] for r in read(args.without)} if args.without else set()
    rows = [r for r in read(args.verdicts) if r["key"] not in older and (not args.kind or r["kind"] in args.kind)]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        missing = write_articles(args.data, sorted({r["doc"] for r in rows}), corpus)
        if missing:
            sys.exit(f"error: articles not in {args.data}: {', '.join(missing)}")
        build([corpus], Path(tmp) / "store")
        stated = {f.key for f in facts(GraphStore(Path(tmp) / "store").open_read())}
    judged, kept = Counter(), Counter()
    for r in rows:
        judged[r["kind"], r["verdict"]] += 1
        kept[r["kind"], r["verdict"]] += r["key"] in stated
    for kind in sorted({k for k, _ in judged}):
        print(f"{kind:12} wrong stated {kept[kind, 'wrong']:4}/{judged[kind, 'wrong']:4}   "
              f"right stated {kept[kind, 'right']:4}/{judged[kind, 'right']:4}")
    if args.show:
        for r in rows:
            if r["verdict"] == "wrong" and r["key"] in stated:
                print(f"  [{r['kind']}] {json.dumps(r['fields'], ensure_ascii=False)} ({r['why']}) «{r['sentence'][:120]}»")
    if args.lost:
        for r in rows:
            if r["verdict"] == "right" and r["key"] not in stated:
                print(f"  lost [{r['kind']}] {json.dumps(r['fields'], ensure_ascii=False)} «{r['sentence'][:120]}»")


if __name__ == "__main__":
    main()
