"""Draw IndoSum articles at random, with a fixed seed, for gold annotation or a judged build.

Why: quality figures count only on text no rule was written from. The draw is a
committed command so anyone can redraw the same articles; articles already in a
gold file (or another draw) are left out, so sets never overlap.

Usage:
  python tools/draw_articles.py OUT.jsonl --seed 17 --per-category "tajuk utama=24,olahraga=6,..." \
      [--exclude-gold tests/gold/*.jsonl] [--exclude-ids FILE ...] [--data ../shared/data/indosum-dev]
  python tools/draw_articles.py OUT.jsonl --seed 1017 --n 1000 --exclude-gold ...
  python tools/draw_articles.py OUT.jsonl --seed 15 --n 30 --articles SENTENCE_ARTICLES.jsonl --prefix idner-
      (any JSON Lines kg reads, such as tools/sentence_articles.py's, instead of IndoSum; --prefix
      keeps the ids that start with one of the given prefixes)

OUT.jsonl gets one article a line ({"id","text","published","category","source"}), as kg build reads it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from run import read_indosum  # noqa: E402  (bench/run.py: the one IndoSum reader)


def metadata(data: Path) -> dict[str, dict]:
    """id → {"category", "source"} for the unique articles."""
    out: dict[str, dict] = {}
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.setdefault(rec["id"], {"category": rec.get("category", ""), "source": rec.get("source", "")})
    return out


def ids_in(paths: list[Path]) -> set[str]:
    out = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["id"])
    return out


def draw(articles: list[dict], meta: dict[str, dict], seed: int, per_category: dict[str, int] | None,
         n: int | None, exclude: set[str]) -> list[dict]:
    """Sorted by id first, so the draw depends on the seed and the data only, not on file order."""
    pool = sorted((a for a in articles if a["id"] not in exclude), key=lambda a: a["id"])
    rng = random.Random(seed)
    if per_category:
        chosen = []
        for category, count in per_category.items():
            group = [a for a in pool if meta[a["id"]]["category"] == category]
            if len(group) < count:
                sys.exit(f"error: only {len(group)} articles in category {category!r}, {count} asked")
            chosen += rng.sample(group, count)
        return chosen
    return rng.sample(pool, n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--per-category", help='e.g. "tajuk utama=24,olahraga=6"')
    ap.add_argument("--n", type=int)
    ap.add_argument("--exclude-gold", type=Path, nargs="*", default=[], help="gold or draw files whose ids to leave out")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indosum-dev")
    ap.add_argument("--articles", type=Path, help="draw from this JSON Lines file instead of IndoSum")
    ap.add_argument("--prefix", nargs="*", default=[], help="keep only ids with one of these prefixes")
    args = ap.parse_args()
    if bool(args.per_category) == bool(args.n):
        sys.exit("error: give either --per-category or --n")
    per_category = None
    if args.per_category:
        per_category = {k.strip(): int(v) for k, v in (part.split("=") for part in args.per_category.split(","))}
    if args.articles:
        articles = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines() if line.strip()]
        meta = {a["id"]: {"category": a.get("category", ""), "source": a.get("source", "")} for a in articles}
    else:
        articles, meta = read_indosum(args.data, None), metadata(args.data)
    if args.prefix:
        articles = [a for a in articles if a["id"].startswith(tuple(args.prefix))]
    chosen = draw(articles, meta, args.seed, per_category, args.n, ids_in(args.exclude_gold))
    with open(args.out, "w", encoding="utf-8") as out:
        for a in chosen:
            out.write(json.dumps({**a, **meta[a["id"]]}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles written to {args.out}")


if __name__ == "__main__":
    main()
