"""Write the IndoSum articles a gold file names, as JSON Lines `kg eval` reads.

Why: tests/gold/indosum.jsonl annotates real articles nobody here wrote (IndoSum, CC BY-SA
4.0). Their text stays in ../shared/data (it may not enter this repository's history); this
tool rebuilds the input the gold's offsets and triggers refer to, detokenised as `make bench`
does.

Usage: python tools/indosum_articles.py GOLD OUT.jsonl [../shared/data/indosum-dev]
then:  kg eval GOLD OUT.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from run import write_articles  # noqa: E402  (bench/run.py: the one IndoSum reader)


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-2])
    gold, out = Path(sys.argv[1]), Path(sys.argv[2])
    data = Path(sys.argv[3] if len(sys.argv) > 3 else ROOT.parent / "shared" / "data" / "indosum-dev")
    wanted = [json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    missing = write_articles(data, wanted, out)
    if missing:
        sys.exit(f"error: {len(missing)} article(s) of {gold} not in {data}: {', '.join(missing)}")
    print(f"{len(wanted)} articles written to {out}")


if __name__ == "__main__":
    main()
