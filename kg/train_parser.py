"""Train the Indonesian UPOS tagger + dependency parser on UD treebanks (``make parser``).

Why: event arguments (who did what to whom, how many, where) are read off a
dependency parse, and no Indonesian parser ships with spaCy. This one is
trained on the Universal Dependencies treebanks in ../shared/data/ud-indonesian:
GSD dev + CSUI train + PUD, minus a fixed random slice of those sentences that
is the dev set for early stopping. GSD test and CSUI test are only read after
training, to report scores; nothing is tuned on them.

Tokens: a CoNLL-U multiword token ("menyetujuinya" = "menyetujui" + "nya") is
kept as ONE token, as spaCy's tokenizer leaves it; it takes the relation and
head of its highest part, and its parts' dependents hang off it. The training
text is re-tokenised by spacy.blank("id") and aligned to the gold tokens
(``gold_preproc = false`` in configs/parser.cfg), so the model learns on the
tokens it sees at run time.
"""
from __future__ import annotations

import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from kg import training
from kg.lang import language

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "parser.cfg"
UD = "ud-indonesian"
TRAIN_FILES = ("id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu", "id_pud-ud-test.conllu")
TEST_FILES = {"GSD test": "id_gsd-ud-test.conllu", "CSUI test": "id_csui-ud-test.conllu"}
HOLDOUT_SHARE = 0.1          # of the training sentences, for early stopping
HOLDOUT_SEED = 20240107
TREEBANKS = [
    {"name": "UD_Indonesian-GSD", "commit": "89491e4", "split": "dev",
     "url": "https://github.com/UniversalDependencies/UD_Indonesian-GSD", "license": "CC BY-SA 4.0",
     "author": "McDonald et al. (ACL 2013, Universal Dependency Annotation for Multilingual Parsing); "
               "UD conversion by Daniel Zeman; lemmas and features from MorphInd (Septina Dian Larasati)"},
    {"name": "UD_Indonesian-CSUI", "commit": "41dd7f2", "split": "train",
     "url": "https://github.com/UniversalDependencies/UD_Indonesian-CSUI", "license": "CC BY-SA 4.0",
     "author": "Ika Alfina et al., Faculty of Computer Science, Universitas Indonesia"},
    {"name": "UD_Indonesian-PUD", "commit": "765fb3f", "split": "all 1,000 sentences",
     "url": "https://github.com/UniversalDependencies/UD_Indonesian-PUD", "license": "CC BY-SA 3.0",
     "author": "Parallel UD (CoNLL 2017 shared task): translation by DFKI, annotation by Google, "
               "revised by Alfina et al. (PACLIC 2019; IALP 2020), Universitas Indonesia"},
]
META = {
    "name": "crisis_kg_parser",
    "version": "0.1.0",
    "description": "Indonesian UPOS tagger + UD dependency parser for crisis-kg: spaCy efficiency CNN "
                   "on spacy.blank('id'), no pretrained vectors.",
    "license": "CC BY-SA 4.0 (derived from UD treebanks under CC BY-SA 4.0 and CC BY-SA 3.0)",
    "sources": [{k: v for k, v in t.items() if k != "split"} for t in TREEBANKS],
}


@dataclass
class UDSentence:
    """One treebank sentence over surface tokens; heads are 0-based and the root points to itself."""
    sent_id: str
    words: list[str]
    spaces: list[bool]
    heads: list[int]
    deps: list[str]
    pos: list[str]


def read_conllu(path: str | Path) -> list[UDSentence]:
    """Sentences of a CoNLL-U file, multiword tokens merged. Raises ValueError on a bad line."""
    sentences: list[UDSentence] = []
    sent_id, lines = "", []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if lines:
                    sentences.append(_sentence(sent_id or f"{Path(path).name}#{len(sentences) + 1}", lines, path))
                sent_id, lines = "", []
            elif line.startswith("#"):
                if line.startswith("# sent_id ="):
                    sent_id = line.partition("=")[2].strip()
            else:
                columns = line.split("\t")
                if len(columns) != 10:
                    raise ValueError(f"{path}:{number}: expected 10 tab-separated columns")
                lines.append((number, columns))
    if lines:
        sentences.append(_sentence(sent_id or f"{Path(path).name}#{len(sentences) + 1}", lines, path))
    return sentences


def _sentence(sent_id: str, lines: list[tuple[int, list[str]]], path) -> UDSentence:
    words: dict[int, list[str]] = {}               # syntactic word id → columns
    groups: list[tuple[int, int, str, bool]] = []  # surface token: first id, last id, form, space after
    covered = 0
    for number, cols in lines:
        ident = cols[0]
        if "." in ident:                           # empty node (enhanced graph only)
            continue
        try:
            if "-" in ident:
                first, last = (int(x) for x in ident.split("-"))
                groups.append((first, last, cols[1], "SpaceAfter=No" not in cols[9]))
                covered = last
                continue
            i = int(ident)
            words[i] = cols
            if i > covered:
                groups.append((i, i, cols[1], "SpaceAfter=No" not in cols[9]))
            int(cols[6])
        except ValueError:
            raise ValueError(f"{path}:{number}: bad id or head in {sent_id}") from None

    def depth(i: int) -> int:
        steps = 0
        while i and steps <= len(words):
            i, steps = int(words[i][6]), steps + 1
        return steps

    token_of = {}                                   # word id → surface token index
    chosen = []                                     # the word that speaks for each surface token
    for t, (first, last, _, _) in enumerate(groups):
        for i in range(first, last + 1):
            token_of[i] = t
        chosen.append(min(range(first, last + 1), key=depth))
    heads, deps, pos = [], [], []
    for t, word in enumerate(chosen):
        cols = words[word]
        head = int(cols[6])
        heads.append(t if head == 0 else token_of[head])
        deps.append("ROOT" if cols[7] == "root" else cols[7])
        pos.append(cols[3])
    return UDSentence(sent_id, [g[2] for g in groups], [g[3] for g in groups], heads, deps, pos)


def to_doc(vocab, sentence: UDSentence) -> Doc:
    return Doc(vocab, words=sentence.words, spaces=sentence.spaces, heads=sentence.heads,
               deps=sentence.deps, tags=sentence.pos, pos=sentence.pos)


def split_training(data: Path, share: float = HOLDOUT_SHARE,
                   seed: int = HOLDOUT_SEED) -> tuple[list[UDSentence], list[UDSentence]]:
    """Training sentences of the three treebanks and a fixed random slice held out for early stopping."""
    sentences = [s for name in TRAIN_FILES for s in read_conllu(_file(data, name))]
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    held = set(order[:round(len(sentences) * share)])
    return ([s for i, s in enumerate(sentences) if i not in held],
            [s for i, s in enumerate(sentences) if i in held])


def _file(data: Path, name: str) -> Path:
    path = data / UD / name
    if not path.is_file():
        raise FileNotFoundError(f"missing treebank file {path}")
    return path


def train(data: Path, out: Path, work: Path, config: Path = CONFIG,
          overrides: dict | None = None) -> spacy.Language:
    """Convert, train, keep the best model on the held-out slice, write it to ``out``; returns it."""
    work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank(language().spacy_lang).vocab
    for name, sentences in zip(("train", "dev"), split_training(data)):
        corpus = DocBin(attrs=["ORTH", "SPACY", "TAG", "POS", "HEAD", "DEP"], store_user_data=False)
        for sentence in sentences:
            corpus.add(to_doc(vocab, sentence))
        corpus.to_disk(work / f"{name}.spacy")
        print(f"{name}: {len(corpus)} sentences, {sum(len(s.words) for s in sentences)} tokens")
    if (work / "training").exists():
        shutil.rmtree(work / "training")
    return training.train_best(config, work, out, META, overrides)


# --- evaluation -------------------------------------------------------------

def evaluate(model: Path, path: Path) -> dict:
    """Scores of the shipped model on one test file.

    ``gold tokens``: each sentence's gold tokens go through kg.syntax.Parser, as
    the extraction calls it (one sentence, one tree); UAS and LAS count every
    token, punctuation included, as the CoNLL 2018 evaluation does; LAS
    compares the relation without its subtype ("nsubj:pass" = "nsubj") and
    ``LAS full`` with it; ``excl. punct`` leaves out tokens whose gold
    relation is punct. ``raw text``: the sentence text tokenised by
    spacy.blank("id") and aligned to the gold tokens, scored by spaCy (which
    leaves out punctuation).
    """
    from kg.syntax import load_parser

    sentences = read_conllu(path)
    parser = load_parser(model)
    parses = parser.parse([s.words for s in sentences])
    n = n_np = uas = las = las_full = uas_np = las_np = upos = 0
    for gold, parse in zip(sentences, parses):
        for i, word in enumerate(gold.words):
            g_dep = "root" if gold.deps[i] == "ROOT" else gold.deps[i]
            head_ok = parse.heads[i] == gold.heads[i]
            label_ok = head_ok and parse.deps[i].split(":")[0] == g_dep.split(":")[0]
            n += 1
            uas += head_ok
            las += label_ok
            las_full += head_ok and parse.deps[i] == g_dep
            upos += parse.pos[i] == gold.pos[i]
            if g_dep != "punct":
                n_np += 1
                uas_np += head_ok
                las_np += label_ok
    nlp = parser.nlp
    tokenizer = spacy.blank(language().spacy_lang).tokenizer    # the run-time tokenizer (the parser has none)
    examples = [Example(_retokenised(nlp.vocab, tokenizer(Doc(nlp.vocab, words=s.words, spaces=s.spaces).text)),
                        to_doc(nlp.vocab, s)) for s in sentences]
    raw = nlp.evaluate(examples)
    return {
        "sentences": len(sentences), "tokens": n,
        "UAS": uas / n, "LAS": las / n, "LAS full": las_full / n, "UPOS": upos / n,
        "UAS excl. punct": uas_np / n_np, "LAS excl. punct": las_np / n_np,
        "raw text UAS": raw["dep_uas"], "raw text LAS": raw["dep_las"], "raw text UPOS": raw["tag_acc"],
    }


def _retokenised(vocab, doc: Doc) -> Doc:
    """The same tokens in the parser's vocabulary."""
    return Doc(vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def format_scores(scores: dict[str, dict]) -> str:
    keys = ["UAS", "LAS", "LAS full", "UPOS", "UAS excl. punct", "LAS excl. punct",
            "raw text UAS", "raw text LAS", "raw text UPOS"]
    rows = ["| split | sentences | tokens | " + " | ".join(keys) + " |",
            "|---|---:|---:|" + "---:|" * len(keys)]
    for name, s in scores.items():
        rows.append(f"| {name} | {s['sentences']} | {s['tokens']} | "
                    + " | ".join(f"{100 * s[k]:.1f}" for k in keys) + " |")
    return "\n".join(rows)


def write_readme(out: Path, scores: dict[str, dict], labels: dict, held: int, trained: int,
                 minutes: float | None) -> None:
    size = training.size_mb(out)
    sources = "\n".join(
        f"- **{t['name']}** ({t['split']}), commit `{t['commit']}`, {t['url']}: {t['author']}. "
        f"Licence: {t['license']}." for t in TREEBANKS)
    took = f" Training took {minutes:.0f} minutes on one shared CPU core." if minutes else ""
    text = f"""# crisis-kg Indonesian tagger + dependency parser

A spaCy pipeline (`syntax_tok2vec` → `tagger` → `parser`): a small CNN
(hash embeddings of NORM, PREFIX, SUFFIX, SHAPE; width 96, depth 4; no
pretrained vectors) with a UPOS tagger (`token.tag_`) and a transition-based
dependency parser with UD relations. Loaded by `kg.syntax.load_parser()`;
`spacy.load()` on this folder works too. Size on disk: {size:.1f} MB.

## Data and training

Trained on {trained} sentences of GSD dev + CSUI train + PUD (multiword tokens
kept whole, as spaCy's tokenizer leaves them); {held} sentences of the same
files, a random slice with a fixed seed, were held out for early stopping.
GSD test and CSUI test were read only to report the scores below.{took}

```sh
make parser
# = nice .venv/bin/python -m kg.train_parser --data ../shared/data --out kg/lang/id/parser-model
```

Configuration: `configs/parser.cfg`. Labels ({len(labels['parser'])}): UD relations with
their subtypes; spaCy names the root `ROOT` (kg.syntax gives `root`); relations seen fewer
than 30 times in training are learnt as `dep`.

## Scores (test splits, never used for training or tuning)

{format_scores(scores)}

UAS/LAS/UPOS: gold tokens, every token counted (punctuation too), LAS on
the relation without subtype, "LAS full" with it. "excl. punct": tokens
whose gold relation is `punct` left out. "raw text": the sentence text
tokenised by spacy.blank("id"), aligned to the gold tokens and scored by
spaCy's scorer (punctuation left out).

## Credits and licence

This model is a derived work of the following Universal Dependencies
treebanks (https://universaldependencies.org) and is distributed under
**CC BY-SA 4.0** (https://creativecommons.org/licenses/by-sa/4.0/), the
licence of GSD and CSUI; PUD's CC BY-SA 3.0 allows adaptations under a later
version of the same licence. The rest of crisis-kg stays under its own
licence (MIT); this folder does not.

{sources}

References: Ryan McDonald et al. 2013, "Universal Dependency Annotation for
Multilingual Parsing", ACL 2013. Ika Alfina, Arawinda Dinakaramani, Mohamad
Ivan Fanany and Heru Suhartanto 2019, "A Gold Standard Dependency Treebank for
Indonesian", PACLIC 33. Ika Alfina, Daniel Zeman, Arawinda Dinakaramani,
Indra Budi and Heru Suhartanto 2020, "Selecting the UD v2 Morphological
Features for Indonesian Dependency Treebank", IALP 2020.
"""
    (out / "README.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = training.arguments("python -m kg.train_parser", __doc__.split("\n\n")[0], "ud-indonesian/",
                                language().file("parser-model"), "parser", CONFIG,
                                "components.syntax_tok2vec.model.encode.width=128")
    parser.add_argument("--evaluate-only", action="store_true",
                        help="do not train: score the model in --out and rewrite its README.md")
    args = parser.parse_args(argv)
    try:
        trained, held = (len(s) for s in split_training(args.data))
        minutes = None
        if not args.evaluate_only:
            started = time.monotonic()
            train(args.data, args.out, args.work, args.config, training.overrides(args.set))
            minutes = (time.monotonic() - started) / 60
            meta_path = args.out / "meta.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta["training_minutes"] = round(minutes, 1)
            meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        scores = {name: evaluate(args.out, _file(args.data, file)) for name, file in TEST_FILES.items()}
        print(format_scores(scores))
        meta = json.loads((args.out / "meta.json").read_text(encoding="utf-8"))
        write_readme(args.out, scores, meta["labels"], held, trained, minutes or meta.get("training_minutes"))
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"model in {args.out} ({training.size_mb(args.out):.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
