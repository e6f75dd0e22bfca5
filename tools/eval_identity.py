"""Score identity on the pair golds: merge precision/recall and alias precision/recall, by split.

    python tools/eval_identity.py [--pairs tests/gold/identity_pairs.jsonl]
        [--aliases tests/gold/alias_pairs.jsonl] [--data ../shared/data/indosum-dev]
        [--merge-threshold 2.5] [--show dev]

Builds the articles both golds name, in one store, as a user's `kg build` would, and prints a
line per measure and split (docs/QUALITY.md, "Identity"); --show lists the pairs it gets wrong.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from run import write_articles  # noqa: E402  (bench/run.py: the one IndoSum reader)

from kg.evaluate_identity import evaluate_identity, gold_documents, read_pairs  # noqa: E402
from kg.identity import IdentitySettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "tests/gold/identity_pairs.jsonl")
    parser.add_argument("--aliases", type=Path, default=ROOT / "tests/gold/alias_pairs.jsonl")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/indosum-dev")
    parser.add_argument("--merge-threshold", type=float, default=IdentitySettings().threshold)
    parser.add_argument("--show", choices=["dev", "test"], action="append", default=[])
    args = parser.parse_args()
    pairs, aliases = read_pairs(args.pairs), read_pairs(args.aliases)
    ids = gold_documents(pairs, aliases)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        missing = write_articles(args.data, ids, corpus)
        if missing:
            sys.exit(f"articles not in {args.data}: {', '.join(missing)}")
        scores = evaluate_identity(corpus, Path(tmp) / "store", pairs, aliases,
                                   identity=IdentitySettings(threshold=args.merge_threshold))
    for (what, split), score in scores.items():
        print(score.line(f"{what} {split}"))
        if split in args.show:
            print("\n".join(f"  {line}" for line in score.wrong))


if __name__ == "__main__":
    main()
