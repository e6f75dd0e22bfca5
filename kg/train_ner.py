"""Train the statistical NER model on the real gold corpora (``make model``).

Why: rules cover titles, acronyms and gazetteers; the open world of names
needs a model. It is trained on the train splits of idner-news-2k and NERGrit
together, early-stopped on their dev splits together (test splits are never
read here), and the best model is written where kg.nlp loads it.

Training text is the detokenised sentence re-tokenised by spacy.blank("id"),
so the model sees the tokens it will see at run time. The DocBin files go to
a work folder (build/ by default, not committed).
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from kg import training
from kg.conll import MODEL_LABEL, SPLITS, GoldSentence, read_gold
from kg.eval_ner import evaluate_file, format_report
from kg.lang import language

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "ner.cfg"
META = {
    "name": "crisis_kg_ner",
    "version": "0.1.0",
    "description": "Indonesian NER (PER, ORG, LOC) for crisis-kg: CNN tok2vec + transition-based NER "
                   "on spacy.blank('id'), no pretrained vectors.",
    "license": "MIT (model); trained on MIT and Apache-2.0 data",
    "sources": [
        {"name": "idner-news-2k", "url": "https://github.com/khairunnisaor/idner-news-2k",
         "license": "MIT", "author": "Khairunnisa, Imankulova and Komachi (AACL-IJCNLP SRW 2020)"},
        {"name": "NERGrit (IndoNLU)", "url": "https://github.com/IndoNLP/indonlu",
         "license": "Apache-2.0", "author": "NERGrit contributors; IndoNLU (Wilie et al., 2020)"},
    ],
}


def docbin(nlp, sentences: list[GoldSentence]) -> tuple[DocBin, int]:
    """Gold sentences as Docs; spans the tokenizer cannot align are marked unknown, not O."""
    out = DocBin(store_user_data=False)
    unaligned = 0
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        ents, missing = [], []
        for begin, end, kind in sentence.spans:
            span = doc.char_span(begin, end, label=MODEL_LABEL[kind])
            if span is None:
                unaligned += 1
                missing.append(doc.char_span(begin, end, alignment_mode="expand"))
            else:
                ents.append(span)
        doc.set_ents(ents, missing=missing, default="outside")
        out.add(doc)
    return out, unaligned


def split_files(data: Path, split: str) -> list[Path]:
    files = [data / corpus / names[split] for corpus, names in SPLITS.items()]
    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"missing corpus file {path}")
    return files


def train(data: Path, out: Path, work: Path, config: Path = CONFIG,
          overrides: dict | None = None) -> spacy.Language:
    """Convert, train, keep the best model on dev, write it to ``out``; returns it."""
    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank(language().spacy_lang)
    for split in ("train", "dev"):
        sentences = [s for path in split_files(data, split) for s in read_gold(path)]
        corpus, unaligned = docbin(nlp, sentences)
        corpus.to_disk(work / f"{split}.spacy")
        print(f"{split}: {len(corpus)} sentences, {unaligned} gold spans not on token boundaries")
    return training.train_best(config, work, out, META, overrides)


def main(argv: list[str] | None = None) -> int:
    parser = training.arguments("python -m kg.train_ner", __doc__.split("\n\n")[0], "idner-news-2k/ and nergrit/",
                                language().file("ner-model"), "ner", CONFIG,
                                "components.tok2vec.model.encode.width=128")
    args = parser.parse_args(argv)
    try:
        nlp = train(args.data, args.out, args.work, args.config, training.overrides(args.set))
        for path in split_files(args.data, "dev"):
            print(format_report(evaluate_file(path, nlp)), end="\n\n")
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"model written to {args.out} ({training.size_mb(args.out):.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
