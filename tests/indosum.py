"""IndoSum articles for tests that measure on real text: read from ../shared/data, never from git.

Why: the real-article gold and the judged facts name IndoSum articles (CC BY-SA 4.0), whose text
stays in ../shared; a test writes the ones it needs to a corpus kg builds, and is skipped where
../shared is not there.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = ROOT.parent / "shared" / "data" / "indosum-dev"


def corpus(ids: list[str], path: Path) -> Path:
    """The articles with these ids, in this order, as a JSON Lines corpus at ``path``."""
    if not INDOSUM.is_dir():
        pytest.skip(f"IndoSum not found at {INDOSUM} (the articles are read from it)")
    sys.path.insert(0, str(ROOT / "bench"))
    from run import write_articles  # bench/run.py: the one IndoSum reader

    missing = write_articles(INDOSUM, ids, path)
    assert not missing, f"articles not in {INDOSUM}: {missing}"
    return path
