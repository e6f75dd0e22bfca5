"""Precision by kind of a judged sample of facts, and the sampled facts still to judge.

Why: the verdicts in tests/judged/facts.jsonl say which facts a reader found
right or wrong; this turns them into precision per kind (for entity mentions,
span and type apart) and says, for STORE, how many of the sampled facts it
still states (after a rebuild with new code, a wrong fact that is gone counts
as fixed, a right fact that is gone as lost).

Usage: python tools/judge_report.py STORE SAMPLE.jsonl --judged tests/judged/facts.jsonl
"""
from __future__ import annotations

import argparse
from collections import Counter

from sample_facts import read_jsonl, judged, store_facts


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} = {right / total:.1%}" if total else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("sample")
    ap.add_argument("--judged", default="tests/judged/facts.jsonl")
    args = ap.parse_args()
    sample = read_jsonl(args.sample)
    verdicts = judged(args.judged)
    stated = {f.key for f in store_facts(args.store)}
    total, right, span_ok, type_ok, still, wrong_gone, right_gone = (Counter() for _ in range(7))
    unjudged = []
    for rec in sample:
        v = verdicts.get(rec["key"])
        if v is None:
            unjudged.append(rec)
            continue
        kind = rec["kind"]
        total[kind] += 1
        right[kind] += v["verdict"] == "right"
        span_ok[kind] += bool(v.get("span_ok", v["verdict"] == "right"))
        type_ok[kind] += bool(v.get("type_ok", v["verdict"] == "right"))
        still[kind] += rec["key"] in stated
        wrong_gone[kind] += v["verdict"] == "wrong" and rec["key"] not in stated
        right_gone[kind] += v["verdict"] == "right" and rec["key"] not in stated
    print(f"{'kind':<12} {'precision (judged sample)':<28} {'still stated':>12} {'wrong gone':>10} {'right gone':>10}")
    for kind in dict.fromkeys(r["kind"] for r in sample):
        print(f"{kind:<12} {_pct(right[kind], total[kind]):<28} {still[kind]:>12} {wrong_gone[kind]:>10} "
              f"{right_gone[kind]:>10}")
        if kind == "entity":
            print(f"{'  span':<12} {_pct(span_ok[kind], total[kind]):<28}")
            print(f"{'  type':<12} {_pct(type_ok[kind], total[kind]):<28}   (verdicts without type_ok count as the verdict)")
    print(f"{'all':<12} {_pct(sum(right.values()), sum(total.values())):<28} "
          f"{sum(still.values()):>12} {sum(wrong_gone.values()):>10} {sum(right_gone.values()):>10}")
    if unjudged:
        print(f"\n{len(unjudged)} sampled facts not judged yet:")
        for rec in unjudged:
            print(f"  [{rec['kind']}] {rec['fields']}  «{rec['sentence'][:120]}»")


if __name__ == "__main__":
    main()
