"""Span-level NER scores of a spaCy pipeline against CoNLL gold.

Why: entity quality is measured on text nobody here wrote. Each gold sentence
is detokenised (kg.conll), the pipeline runs on the raw text, and predicted
entities are compared with gold spans by exact character offsets and kind.

Mapping of our classes to the gold's three kinds: every class maps to its
top-level kind in ``records.ENTITY_KIND`` (Person → PER; Place, Country, City,
Region, Facility → LOC; Organization, GovernmentBody,
InternationalOrganization, MediaOrganization, Company, PoliticalParty,
ArmedForce → ORG). The bare model's own labels PER/ORG/LOC map directly.
``Group`` (collective actors such as "demonstran", "aparat keamanan") has no
counterpart in either corpus, so Group predictions are dropped before scoring
and only counted. Gold conventions are normalised as kg.conll describes.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import click

from kg.conll import KIND_OF_TAG, KINDS, read_gold
from kg.lang import language
from kg.nlp.lexicon import read_table
from kg.records import ENTITY_KIND

UNSCORED = {"Group"}
PLACE_NOUNS = {row[0] for row in read_table("place_cues.tsv") if " " not in row[0]}


def kind_of_label(label: str) -> str | None:
    """Gold kind a predicted label is scored as; None for unscored or unknown labels."""
    kind = ENTITY_KIND.get(label) or KIND_OF_TAG.get(label)
    return None if kind in UNSCORED else kind


def _prf(tp: int, gold: int, pred: int) -> dict[str, float | int]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "gold": gold, "pred": pred}


def score(gold_spans: Iterable[tuple], predicted_spans: Iterable[tuple]) -> dict[str, dict]:
    """Per-kind and overall precision, recall, F1 by exact match.

    Spans are tuples whose last item is the kind, e.g. ``(begin, end, kind)``;
    across sentences prefix a sentence number: ``(i, begin, end, kind)``.
    """
    gold, pred = set(gold_spans), set(predicted_spans)
    hits = gold & pred
    kinds = list(KINDS) + sorted({s[-1] for s in gold | pred} - set(KINDS))
    scores = {k: _prf(sum(s[-1] == k for s in hits), sum(s[-1] == k for s in gold),
                      sum(s[-1] == k for s in pred)) for k in kinds}
    scores["overall"] = _prf(len(hits), len(gold), len(pred))
    return scores


def without_place_noun(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """Our convention for "kota Bandung", "desa Kramas": the place is "Bandung", the lower-case
    noun before it is a cue (place_cues.tsv of the language folder), not part of the name; both corpora put it
    inside the span, so gold spans are read without it."""
    begin, end, kind = span
    first, _, rest = text[begin:end].partition(" ")
    if kind == "Place" and rest[:1].isupper() and first.islower() and first in PLACE_NOUNS:
        return begin + len(first) + 1, end, kind
    return span


def evaluate_file(path: str | Path, nlp) -> dict:
    """Run ``nlp`` on every detokenised gold sentence of a CoNLL file and score its entities."""
    sentences = read_gold(path)
    gold: list[tuple] = []
    pred: list[tuple] = []
    dropped: dict[str, int] = {}
    tokens = 0
    start = time.perf_counter()
    for i, (sentence, doc) in enumerate(zip(sentences, nlp.pipe(s.text for s in sentences))):
        tokens += len(doc)
        gold.extend((i, *without_place_noun(sentence.text, span)) for span in sentence.spans)
        for ent in doc.ents:
            kind = kind_of_label(ent.label_)
            if kind is None:
                dropped[ent.label_] = dropped.get(ent.label_, 0) + 1
            else:
                pred.append((i, ent.start_char, ent.end_char, kind))
    seconds = time.perf_counter() - start
    return {"file": str(path), "sentences": len(sentences), "tokens": tokens,
            "seconds": seconds, "dropped": dropped, "scores": score(gold, pred)}


def format_report(report: dict) -> str:
    """The report as a plain-text table."""
    head = f"{report['file']}: {report['sentences']} sentences, {report['tokens']} tokens"
    if report["seconds"]:
        head += f", {report['tokens'] / report['seconds']:,.0f} tokens/s"
    lines = [head, f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'tp':>7}"]
    for kind, s in report["scores"].items():
        lines.append(f"{kind:<14}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}"
                     f"{s['gold']:>7}{s['pred']:>7}{s['tp']:>7}")
    if report["dropped"]:
        lines.append("not scored: " + ", ".join(f"{k} {n}" for k, n in sorted(report["dropped"].items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score a bare spaCy model directory (the pipeline's own command is `kg eval-ner`)."""
    parser = argparse.ArgumentParser(prog="python -m kg.eval_ner", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="CoNLL gold files")
    parser.add_argument("--model", type=Path, default=language().file("ner-model"))
    args = parser.parse_args(argv)
    import spacy
    try:
        nlp = spacy.load(args.model)
    except OSError:
        print(f"error: no NER model at {args.model} (run `make model`)", file=sys.stderr)
        return 2
    for path in args.files:
        try:
            print(format_report(evaluate_file(path, nlp)), end="\n\n")
        except (OSError, ValueError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    return 0


@click.command("eval-ner")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
def eval_ner_command(files, no_model):
    """Score the full entity pipeline (as `kg build` runs it) on CoNLL gold FILES."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline(use_model=not no_model)
    for path in files:
        try:
            report = evaluate_file(path, nlp)
        except ValueError as err:
            raise click.ClickException(f"{path}: {err}") from None
        click.echo(format_report(report) + "\n")


if __name__ == "__main__":
    sys.exit(main())
