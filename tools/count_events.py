"""List and count the asserted crisis events of an article file, per category.

Why: an article of sport, show business or technology should yield no crisis
event unless it reports one (a player arrested, a bombing at a concert); the
events such articles do yield are read one by one to tell the two apart. The
count is a committed command so the figure in docs/QUALITY.md can be redrawn.
Asserted: neither negated nor under a modality; statements are not counted.

Usage: python tools/count_events.py ARTICLES.jsonl [--no-model]
  prints one event a line (article id, category, class, trigger, sentence),
  then the number of events and of articles with one, per category.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.ingest import read_documents  # noqa: E402
from kg.pipeline import extract_documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--no-model", action="store_true", help="rules only, without the NER model")
    args = ap.parse_args()
    docs = list(read_documents([args.articles], []))
    events, articles, total = Counter(), Counter(), Counter()
    for ext in extract_documents(docs, not args.no_model):
        category = ext.doc.meta.get("category", "")
        total[category] += 1
        asserted = [e for e in ext.events if e.cls != "Statement" and not e.negated and e.modality is None]
        for e in asserted:
            sentence = ext.sentences[e.sentence].text.replace("\n", " ")
            print(ext.doc.id, category, e.cls, e.trigger, sentence, sep="\t")
        events[category] += len(asserted)
        articles[category] += bool(asserted)
    print()
    for category in sorted(total):
        print(f"{category or '-'}: {events[category]} events in {articles[category]} of {total[category]} articles")
    print(f"all: {sum(events.values())} events in {sum(articles.values())} of {sum(total.values())} articles")


if __name__ == "__main__":
    main()
