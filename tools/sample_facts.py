"""Draw facts of a built store at random, per kind, for judging by reading their sentences.

Why: precision is measured on facts nobody wrote rules from. The draw is
deterministic (facts sorted by key, fixed seed), so the same store and seed
give the same sample; verdicts are kept in tests/judged/facts.jsonl keyed by
sentence text and fact, so they survive rebuilds.

Usage: python tools/sample_facts.py STORE OUT.jsonl [--seed 7]
           [--per-kind "event=70,agent=25,..."] [--judged tests/judged/facts.jsonl] [--new-since OLD_STORE]

--new-since draws only from the facts STORE states and OLD_STORE (a build of the same articles with
earlier code) does not, and prints how many facts of each kind are new and gone: with the old
sample's verdicts replayed (tools/replay_verdicts.py), what a change did to precision.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.facts import Fact, facts  # noqa: E402
from kg.store import GraphStore  # noqa: E402

PER_KIND = "event=70,agent=25,target=25,participant=20,place=25,date=20,figure=40,speaker=40,entity=60"


def store_facts(store: str) -> list[Fact]:
    return facts(GraphStore(store).open_read())


def read_jsonl(path: str | Path) -> list[dict]:
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def judged(path: str | Path | None) -> dict[str, dict]:
    """Verdicts by fact key (the last line for a key wins)."""
    return {rec["key"]: rec for rec in read_jsonl(path)} if path else {}


def parse_per_kind(text: str) -> dict[str, int]:
    out = {}
    for part in text.split(","):
        kind, _, n = part.partition("=")
        out[kind.strip()] = int(n)
    return out


def draw(all_facts: list[Fact], per_kind: dict[str, int], seed: int) -> list[Fact]:
    """Up to n facts of each kind, drawn without replacement from the key-sorted facts."""
    rng = random.Random(seed)
    ordered = sorted(all_facts, key=lambda f: f.key)
    sample = []
    for kind, n in per_kind.items():
        pool = [f for f in ordered if f.kind == kind]
        sample.extend(rng.sample(pool, min(n, len(pool))))
    return sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-kind", default=PER_KIND)
    ap.add_argument("--judged")
    ap.add_argument("--new-since")
    args = ap.parse_args()
    found = store_facts(args.store)
    if args.new_since:
        old = {f.key: f.kind for f in store_facts(args.new_since)}
        now = {f.key for f in found}
        found = [f for f in found if f.key not in old]
        print("new:", dict(sorted(Counter(f.kind for f in found).items())))
        print("gone:", dict(sorted(Counter(kind for key, kind in old.items() if key not in now).items())))
    sample = draw(found, parse_per_kind(args.per_kind), args.seed)
    Path(args.out).write_text("".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in sample),
                              encoding="utf-8")
    print(f"{len(sample)} facts written to {args.out}")
    if args.judged:
        verdicts = judged(args.judged)
        done = sum(f.key in verdicts for f in sample)
        print(f"{done} already judged in {args.judged}, {len(sample) - done} to judge")


if __name__ == "__main__":
    main()
