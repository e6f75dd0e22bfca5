"""The language folder: what kg/lang/id/ holds, how a folder is read, and a missing language's error."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import lang

ROOT = Path(__file__).resolve().parents[1]


def test_the_default_language_is_indonesian_with_its_models():
    indonesian = lang.language()
    assert (indonesian.code, indonesian.rdf_language_tag, indonesian.spacy_lang) == ("id", "id", "id")
    for name in ("triggers.json", "senses.json", "dates.json", "titles.tsv", "function_words.json"):
        assert indonesian.file(name).is_file(), name
    for model in ("ner-model", "parser-model"):
        assert (indonesian.path / model / "meta.json").is_file(), model


def test_a_folder_is_read_as_lists_tables_and_json(tmp_path, monkeypatch):
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "lang.json").write_text(json.dumps(
        {"code": "xx", "name": "Test", "rdf_language_tag": "xx-Latn", "spacy_lang": "xx"}), encoding="utf-8")
    (folder / "words.txt").write_text("# a comment\nsatu\n\n dua \n", encoding="utf-8")
    (folder / "table.tsv").write_text("a\tb\n# skipped\nc\td\n", encoding="utf-8")
    monkeypatch.setattr(lang, "ROOT", tmp_path)
    lang.language.cache_clear()
    try:
        test = lang.language("xx")
        assert (test.name, test.rdf_language_tag) == ("Test", "xx-Latn")
        assert test.lines("words.txt") == ["satu", "dua"]
        assert test.table("table.tsv") == [["a", "b"], ["c", "d"]]
    finally:
        lang.language.cache_clear()


def test_an_unknown_language_is_one_error_line_and_no_store(tmp_path):
    env = {**os.environ, "KG_LANGUAGE": "zz"}
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "error: no language folder kg/lang/zz/ with a lang.json (KG_LANGUAGE); there are: id"]
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("path", ["kg/extract", "kg/nlp"])
def test_no_indonesian_word_lists_are_left_in_the_code(path):
    """The trigger, title and function words live in the language folder, not in Python."""
    words = {"tewas", "ditangkap", "kepada", "terhadap", "pengunjuk", "juru"}
    target = ROOT / path
    files = sorted(target.glob("*.py")) if target.is_dir() else [target]
    for f in files:
        text = f.read_text(encoding="utf-8")
        literals = {w for w in words if f'"{w}"' in text}
        assert not literals, f"{f.name} spells {sorted(literals)}"
