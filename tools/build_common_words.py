"""Common Indonesian words, from the NER training splits, into the language folder's common_words.txt (kg/lang/id/).

Why: a capitalised word that opens a sentence ("Protes", "Banyak", "Meriam") looks like a
name to the statistical model; a word the corpora mostly write in lower case outside
entities is not one. Derived from the train splits only (idner-news-2k, MIT; NERGrit,
Apache-2.0), never from dev or test.

Usage: python tools/build_common_words.py [../shared/data]
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kg.conll import SPLITS, read_conll
from kg.lang import language

OUT = language().file("common_words.txt")
MIN_COUNT = 1


def common_words(data: Path) -> list[str]:
    lower, capital = Counter(), Counter()
    for corpus, names in SPLITS.items():
        for sentence in read_conll(data / corpus / names["train"]):
            for i, (token, tag) in enumerate(zip(sentence.tokens, sentence.tags)):
                if not token.isalpha() or tag != "O":
                    continue
                if token.islower():
                    lower[token] += 1
                elif i > 0 and token[0].isupper():
                    capital[token.lower()] += 1
    return sorted(w for w, n in lower.items() if n >= MIN_COUNT and n > 2 * capital[w] and len(w) > 2)


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    words = common_words(data)
    OUT.write_text("# Words the NER training splits mostly write in lower case outside entities "
                   "(tools/build_common_words.py).\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {OUT}")


if __name__ == "__main__":
    main()
