"""Given names, into the language folder's given_names.txt (kg/lang/id/).

Why: the model often types a foreign person's name as an organisation or a place ("Janet
Jackson", "Georg Ludwig von Trapp"); a name that opens with a common given name is a person's.
Two sources, both with known licences:
- the 1990 US Census first-name lists (public domain) as packaged in the `names` sdist on PyPI
  (MIT, Trey Hunner): `pip download --no-deps names==0.3.0`, unpack, pass its `names/` folder;
- first words of persons in the NER train splits (idner-news-2k, MIT; NERGrit, Apache-2.0),
  never dev or test, that never open an organisation or a place there.
Dropped: Indonesian dictionary words, months and weekdays ("April"), nationality words,
particles ("Al") and names the gazetteer knows (a country or city: "Georgia", "Jordan").

Usage: python tools/build_given_names.py CENSUS_NAMES_DIR [../shared/data]
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kg import gazetteer
from kg.conll import SPLITS, read_conll
from kg.lang import language
from kg.nlp.lexicon import NAME_PARTICLES, date_words, is_dictionary_word, read_list

OUT = language().file("given_names.txt")
CENSUS_MIN_PERCENT = 0.01     # names at least this common among Americans (about 1,600 names)
TRAIN_MIN_COUNT = 2


def census_names(folder: Path) -> set[str]:
    """American given names that are not also Indonesian words ("Kristen" is Christian)."""
    out = set()
    for path in ("dist.male.first", "dist.female.first"):
        for line in (folder / path).read_text(encoding="ascii").splitlines():
            name, percent, *_ = line.split()
            if float(percent) >= CENSUS_MIN_PERCENT and not is_dictionary_word(name):
                out.add(name.lower())
    return out


def train_names(data: Path) -> set[str]:
    """First words of persons in the train splits that never open another kind of name."""
    person, other = Counter(), Counter()
    for corpus, names in SPLITS.items():
        for sentence in read_conll(data / corpus / names["train"]):
            for token, tag in zip(sentence.tokens, sentence.tags):
                if tag.startswith("B-") and token.isalpha() and token[0].isupper():
                    (person if tag == "B-Person" else other)[token.lower()] += 1
    return {w for w, n in person.items() if n >= TRAIN_MIN_COUNT and not other[w]}


def excluded() -> set[str]:
    """Words that are not only names: dictionary words, months, weekdays, nationalities,
    particles ("Al Qaeda"), places and bodies."""
    known = {name.lower() for row in gazetteer.packaged_table() if row.kind != "person" for name in row.names}
    return known | set(read_list("common_words.txt")) | {w.lower() for w in read_list("demonyms.txt")} | \
        date_words() | NAME_PARTICLES


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    data = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data")
    names = sorted((census_names(Path(sys.argv[1])) | train_names(data)) - excluded())
    OUT.write_text("# Given names (tools/build_given_names.py): 1990 US Census first names, and first words "
                   "of persons in the NER train splits.\n" + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names written to {OUT}")


if __name__ == "__main__":
    main()
