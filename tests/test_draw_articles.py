"""tools/draw_articles.py: a committed seed redraws the same articles, and drawn sets never overlap."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _draw(tmp_path: Path, name: str, *args: str) -> list[str]:
    out = tmp_path / name
    subprocess.run([sys.executable, str(ROOT / "tools" / "draw_articles.py"), str(out), *args],
                   check=True, capture_output=True, text=True)
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_draw_from_any_article_file_keeps_the_prefixes_and_leaves_out_earlier_draws(tmp_path):
    pool = tmp_path / "pool.jsonl"
    ids = [f"news-{n:03d}" for n in range(40)] + [f"wiki-{n:03d}" for n in range(40)]
    pool.write_text("".join(json.dumps({"id": i, "text": "Polisi menangkap dua orang.", "category": "news"}) + "\n"
                            for i in reversed(ids)), encoding="utf-8")
    first = _draw(tmp_path, "a.jsonl", "--seed", "15", "--n", "10", "--articles", str(pool), "--prefix", "news-")
    again = _draw(tmp_path, "b.jsonl", "--seed", "15", "--n", "10", "--articles", str(pool), "--prefix", "news-")
    assert first == again and len(set(first)) == 10 and all(i.startswith("news-") for i in first)
    other = _draw(tmp_path, "c.jsonl", "--seed", "15", "--n", "30", "--articles", str(pool), "--prefix", "news-",
                  "--exclude-gold", str(tmp_path / "a.jsonl"))
    assert not set(other) & set(first) and len(other) == 30
