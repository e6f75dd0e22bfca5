"""tools/sentence_articles.py: each split of the sentence corpora becomes pseudo-articles kg reads."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
pytestmark = pytest.mark.skipif(not (DATA / "ud-indonesian").is_dir(), reason="../shared/data is absent")


def _articles(split: str = "test") -> list[dict]:
    spec = importlib.util.spec_from_file_location("sentence_articles", ROOT / "tools" / "sentence_articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.sentence_articles(DATA, split)


def test_every_test_sentence_once_in_articles_of_ten_without_a_date():
    articles = _articles()
    sentences, docs = {}, {}
    for a in articles:
        prefix = a["id"].rsplit("-", 1)[0]
        lines = a["text"].split("\n")
        assert 1 <= len(lines) <= 10 and all(line.strip() for line in lines)
        assert "published" not in a and a["category"] and a["source"]
        sentences[prefix] = sentences.get(prefix, 0) + len(lines)
        docs[prefix] = docs.get(prefix, 0) + 1
    assert sentences == {"idner-test": 509, "nergrit-test": 209, "gsd-test": 557, "csui-test": 374}
    assert docs == {"idner-test": 51, "nergrit-test": 21, "gsd-test": 56, "csui-test": 38}
    assert articles[0]["id"] == "idner-test-001" and len({a["id"] for a in articles}) == len(articles)


def test_tokens_are_joined_as_a_writer_would():
    first = _articles()[0]["text"].split("\n")
    assert first[1] == ("Ya sama dong. Masak dibedakan, ujar Joko Widodo atau yang karib disapa Jokowi di Kantor "
                        "Transisi Joko Widodo Jusuf Kalla di Jalan Situbondo nomor 10, Menteng, Jakarta Pusat, "
                        "Kamis (25/9/2014).")


def test_the_other_splits_are_read_by_their_own_ids_and_all_of_them_together():
    counts = {}
    for split in ("dev", "train"):
        for a in _articles(split):
            prefix = a["id"].rsplit("-", 1)[0]
            counts[prefix] = counts.get(prefix, 0) + a["text"].count("\n") + 1
    assert counts == {"idner-dev": 367, "nergrit-dev": 209, "gsd-dev": 559,
                      "idner-train": 1464, "nergrit-train": 1672, "csui-train": 656}
    every = {a["id"] for a in _articles("all")}
    assert len(every) == 661 and {"idner-test-001", "idner-dev-001", "csui-train-066"} <= every
