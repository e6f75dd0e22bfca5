"""What training the project's spaCy models shares: the command line, config overrides, and
keeping the best model where the package loads it.

Why: the NER model (kg.train_ner) and the tagger + parser (kg.train_parser) are trained the
same way: DocBin files in a work folder, spaCy's trainer with a config from configs/, the
best model on the dev split kept, stamped with its sources and written without local paths.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]


def arguments(prog: str, description: str, data_holds: str, out: Path, work: str, config: Path,
              example_override: str) -> argparse.ArgumentParser:
    """The options every training command takes: --data, --out, --work, --config, --set."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help=f"folder holding {data_holds}")
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / work,
                        help="folder for DocBin files and checkpoints (not committed)")
    parser.add_argument("--config", type=Path, default=config)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help=f"config override, e.g. {example_override}")
    return parser


def overrides(items: list[str]) -> dict:
    """KEY=VALUE config overrides, values read as JSON where they are ("64", "true") and as text otherwise."""
    return {key: _value(value) for key, _, value in (item.partition("=") for item in items)}


def _value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def train_best(config: Path, work: Path, out: Path, meta: dict, settings: dict | None = None) -> spacy.Language:
    """Train on ``work``/train.spacy, early-stopped on ``work``/dev.spacy; write the best model to ``out``."""
    from spacy.cli.train import train as spacy_train

    spacy_train(config, work / "training", overrides={
        "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"), **(settings or {})})
    best = spacy.load(work / "training" / "model-best")
    best.meta.update(meta)
    best.config["paths"].update({"train": None, "dev": None})   # no local paths in the shipped config
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    best.to_disk(out)
    return best


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6
