"""Where the ontology, the SHACL shapes and the saved queries live.

The canonical files are the repository's ``ontology/`` and ``queries/`` folders
(one copy to edit, used as they are by an editable install); a wheel installs
copies under ``<prefix>/share/crisis-kg/``.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARE = Path(sys.prefix) / "share" / "crisis-kg"


def resource_dir(name: str) -> Path:
    """The repository's folder when there is one, else the installed copy."""
    return REPO / name if (REPO / name).is_dir() else SHARE / name


ONTOLOGY_DIR = resource_dir("ontology")


def _existing(name: str) -> Path:
    path = ONTOLOGY_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{name} not found in {ONTOLOGY_DIR}")
    return path


def ontology_path() -> Path:
    return _existing("crisis.ttl")


def shapes_path() -> Path:
    return _existing("shapes.ttl")
