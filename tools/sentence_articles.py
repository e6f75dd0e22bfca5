"""Turn the sentence corpora in ../shared/data into pseudo-articles kg builds, one split at a time.

Why: every IndoSum article has been used to write or judge rules, so a blind judged sample needs
real news text nobody has looked at: the test sentences of idner-news-2k, NERGrit and the UD
Indonesian treebanks (GSD, CSUI). They come tokenised, one sentence at a time; this tool
detokenises each (kg.conll's writer-like joining; a CoNLL-U sentence's own `# text =` line when
it has one) and groups consecutive sentences of a file into articles of ten, one sentence a line.
The corpora give no publication date, so no `published` key is written (kg then reads the
document without a date rather than with an invented one).

The test splits were session 12's blind text; the train and dev splits (session 13's) trained the
NER model and the parser, but no extraction rule was written from their text, so they measure
events, statements and arguments blind (not entities: the NER model has seen them).

Usage: python tools/sentence_articles.py OUT.jsonl [--split test|dev|train|all] [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.conll import detokenise, read_conll

ROOT = Path(__file__).resolve().parents[1]
PER_ARTICLE = 10
# split → (id prefix, file under the data folder, format). PUD is left out: translated from English.
SOURCES = {
    "test": [("idner-test", "idner-news-2k/test.txt", "conll"),
             ("nergrit-test", "nergrit/test_preprocess.txt", "conll"),
             ("gsd-test", "ud-indonesian/id_gsd-ud-test.conllu", "conllu"),
             ("csui-test", "ud-indonesian/id_csui-ud-test.conllu", "conllu")],
    "dev": [("idner-dev", "idner-news-2k/dev.txt", "conll"),
            ("nergrit-dev", "nergrit/valid_preprocess.txt", "conll"),
            ("gsd-dev", "ud-indonesian/id_gsd-ud-dev.conllu", "conllu")],
    "train": [("idner-train", "idner-news-2k/train.txt", "conll"),
              ("nergrit-train", "nergrit/train_preprocess.txt", "conll"),
              ("csui-train", "ud-indonesian/id_csui-ud-train.conllu", "conllu")],
}


def conllu_sentences(path: Path) -> list[str]:
    """Each sentence's `# text =` line, else its words detokenised (multiword-token ranges skipped)."""
    sentences: list[str] = []
    text, words = None, []
    for line in path.read_text(encoding="utf-8-sig").splitlines() + [""]:
        if not line.strip():
            if text is not None or words:
                sentences.append(text if text is not None else detokenise(words)[0])
            text, words = None, []
        elif line.startswith("# text = "):
            text = line.removeprefix("# text = ").strip()
        elif not line.startswith("#"):
            number, form = line.split("\t")[:2]
            if number.isdigit():
                words.append(form)
    return sentences


def sentence_articles(data: Path, split: str = "test") -> list[dict]:
    """Pseudo-articles of ten consecutive sentences per file of the split ("all": every split), in a
    fixed order."""
    articles = []
    sources = [s for key in SOURCES for s in SOURCES[key]] if split == "all" else SOURCES[split]
    for prefix, name, layout in sources:
        path = data / name
        if layout == "conll":
            sentences = [detokenise(s.tokens)[0] for s in read_conll(path)]
        else:
            sentences = conllu_sentences(path)
        for n, start in enumerate(range(0, len(sentences), PER_ARTICLE), 1):
            articles.append({"id": f"{prefix}-{n:03d}",
                             "text": "\n".join(sentences[start:start + PER_ARTICLE]),
                             "category": "news", "source": name.split("/")[0]})
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--split", choices=[*SOURCES, "all"], default="test")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    articles = sentence_articles(args.data, args.split)
    args.out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    print(f"{len(articles)} articles ({sum(a['text'].count(chr(10)) + 1 for a in articles)} sentences) "
          f"written to {args.out}")


if __name__ == "__main__":
    main()
