"""Where the ontology and the SHACL shapes live.

The canonical files are in the repository's ``ontology/`` folder (the package
is installed editable), so there is one copy to edit and no drift.
"""
from __future__ import annotations

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"


def _existing(name: str) -> Path:
    path = ONTOLOGY_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{name} not found in {ONTOLOGY_DIR}")
    return path


def ontology_path() -> Path:
    return _existing("crisis.ttl")


def shapes_path() -> Path:
    return _existing("shapes.ttl")
