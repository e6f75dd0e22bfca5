"""The language of the text: a folder of words, tables and trained models under kg/lang/CODE/.

Why: the code reads a language, it never spells one. Everything that is a word
of Indonesian (triggers, titles, function words, date names, page chrome) and
the models trained on Indonesian text live in kg/lang/id/; another language is
another folder with the same files (docs/LANGUAGES.md). ``KG_LANGUAGE`` selects
the folder, "id" by default.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DEFAULT = "id"


class LanguageError(ValueError):
    """KG_LANGUAGE (or a code) names no language folder."""


@dataclass(frozen=True)
class Language:
    """A language folder and what lang.json says of it."""
    code: str
    name: str
    rdf_language_tag: str      # the tag of literals written in this language ("id": "unjuk rasa"@id)
    spacy_lang: str            # the spaCy language class the pipeline builds on (spacy.blank)
    path: Path

    def file(self, name: str) -> Path:
        return self.path / name

    def json(self, name: str):
        """A JSON file of the language, read once."""
        return _json(self.path / name)

    def lines(self, name: str) -> list[str]:
        """A list file: one entry a line, blank lines and lines starting with '#' left out."""
        lines = (self.path / name).read_text(encoding="utf-8").splitlines()
        return [line.strip() for line in lines if line.strip() and not line.startswith("#")]

    def table(self, name: str) -> list[list[str]]:
        """A tab-separated file, read as ``lines``."""
        return [line.split("\t") for line in self.lines(name)]


@lru_cache(maxsize=None)
def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def language(code: str | None = None) -> Language:
    """The language of folder kg/lang/CODE; without a code, ``KG_LANGUAGE`` or "id"."""
    code = code or os.environ.get("KG_LANGUAGE") or DEFAULT
    path = ROOT / code
    if not (path / "lang.json").is_file():
        known = sorted(p.name for p in ROOT.iterdir() if (p / "lang.json").is_file())
        raise LanguageError(f"no language folder kg/lang/{code}/ with a lang.json (KG_LANGUAGE); there are: "
                            + ", ".join(known))
    meta = json.loads((path / "lang.json").read_text(encoding="utf-8"))
    return Language(meta["code"], meta["name"], meta["rdf_language_tag"], meta["spacy_lang"], path)
