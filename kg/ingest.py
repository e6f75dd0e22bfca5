"""Read articles (.txt with manifest.csv, .jsonl, .html) into clean Documents.

Every problem with an input is reported as one line naming the file and the
reason, and the input is skipped; the caller decides whether that is fatal.
Page chrome (share buttons, app banners, menus, repeated titles) is removed
here, so it can never become a sentence, an entity or an event.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

from kg.lang import language
from kg.records import Document

LANG = language()
WORDS = LANG.json("function_words.json")
MANIFEST = "manifest.csv"
SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
MAX_BYTES = 50_000_000
MAX_CHARS = 1_000_000   # spaCy's nlp.max_length: longer texts make the whole build fail
CHROME_MAX_WORDS = 12
MENU_MAX_WORDS = 3
VERB_PREFIX = re.compile(r"^(" + "|".join(WORDS["verb_prefixes"]) + r")\w{3,}", re.IGNORECASE)
FUNCTION_WORDS = set(WORDS["prose_words"])


@dataclass
class Problem:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


CHROME = [re.compile(p, re.IGNORECASE) for p in LANG.lines("chrome.txt")]
WHOLE_LINE_CHROME = [p for p in CHROME if p.pattern.startswith("^") and p.pattern.endswith("$")]
BARE_VERBS = set(LANG.lines("verbs.txt"))


# --- cleaning --------------------------------------------------------------

def clean_text(text: str) -> str:
    """Drop page chrome: boilerplate lines, short verbless menu lines, exact repeats."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.replace("\n", "").replace("\t", "").isprintable():
        text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    kept, seen = [], set()
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        key = stripped.lower()
        if not stripped:
            if kept and kept[-1]:
                kept.append("")
            continue
        if key in seen or _is_chrome(stripped):
            continue
        seen.add(key)
        kept.append(stripped)
    return "\n".join(kept).strip()


def _is_chrome(line: str) -> bool:
    words = line.split()
    if any(p.search(line) for p in (CHROME if len(words) <= CHROME_MAX_WORDS else WHOLE_LINE_CHROME)):
        return True
    if len(words) <= MENU_MAX_WORDS and not re.search(r"[.!?”\"]$", line):
        if len(words) > 1 and any(w in FUNCTION_WORDS for w in words):
            return False
        return len(words) == 1 or not any(VERB_PREFIX.match(w) or w.lower().strip(",.") in BARE_VERBS for w in words)
    return False


def in_language(text: str) -> bool:
    """Enough function words of the language; short texts get the benefit of the doubt."""
    words = re.findall(r"[a-zA-Z]+", text.lower())
    if len(words) < 30:
        return True
    return sum(w in FUNCTION_WORDS for w in words) / len(words) >= 0.04


# --- decoding --------------------------------------------------------------

def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else the detected encoding; None if binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        return None
    western = data.decode("cp1252", errors="replace")
    if sum(not ch.isascii() for ch in western) < 0.2 * len(western) and \
            all(ch.isalpha() or ch in "’‘“”–—…•€°©®" for ch in western if not ch.isascii()):
        return western   # mostly ASCII with a few Western accents: detectors guess badly here
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    text = data.decode(best.encoding, errors="replace")
    controls = sum(1 for ch in text[:10_000] if not ch.isprintable() and ch not in "\n\r\t")
    return None if controls > 0.05 * min(len(text), 10_000) else text


# --- html ------------------------------------------------------------------

class _MainText(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button",
            "svg", "iframe", "template", "select", "menu"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
             "blockquote", "tr", "title", "figcaption", "ul", "ol", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


# --- manifest --------------------------------------------------------------

def parse_date(value: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    return date.fromisoformat(value[:10])


def read_manifest(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        problems.append(Problem(str(path), f"manifest unreadable ({err}); ignored"))
        return {}
    if not rows or "file" not in rows[0]:
        problems.append(Problem(str(path), "manifest has no 'file' column; ignored"))
        return {}
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if not name:
            continue
        clean = {k: (v or "").strip() for k, v in row.items() if k}
        try:
            parse_date(clean.get("published", ""))
        except ValueError:
            problems.append(Problem(f"{path}:{name}", f"bad date {clean['published']!r} in manifest; "
                                    "the article is read without a publication date"))
            clean["published"] = ""
        out[name] = clean
    for name in out:
        if not (path.parent / name).exists():
            problems.append(Problem(str(path), f"lists {name}, which does not exist"))
    return out


# --- documents -------------------------------------------------------------

def make_document(doc_id: str, text: str, meta: dict[str, str], source: str) -> Document:
    meta = {k: v for k, v in meta.items() if v not in (None, "")}
    published = meta.pop("published", "") or None
    doc = Document(
        id=doc_id, text=text, published=parse_date(published) if published else None,
        publisher=meta.pop("publisher", None), language=meta.pop("language", None) or LANG.code,
        url=meta.pop("url", None), source=source,
        meta={k: str(v) for k, v in meta.items() if k not in ("file", "id", "text")},
    )
    fingerprint = json.dumps([text, str(doc.published), doc.publisher, doc.url, doc.language,
                              sorted(doc.meta.items())], ensure_ascii=False)
    doc.content_hash = hashlib.sha256(fingerprint.encode()).hexdigest()
    return doc


def _checked(doc: Document, problems: list[Problem]) -> Document | None:
    if not doc.text.strip():
        problems.append(Problem(doc.source, "no text after removing page chrome; skipped"))
        return None
    if len(doc.text) > MAX_CHARS:
        problems.append(Problem(doc.source, f"text longer than {MAX_CHARS:,} characters "
                                f"({len(doc.text):,}); skipped"))
        return None
    if not in_language(doc.text):
        problems.append(Problem(doc.source, f"not {LANG.name} text; skipped"))
        return None
    return doc


def _read_file_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            problems.append(Problem(str(path), f"larger than {MAX_BYTES // 1_000_000} MB; skipped"))
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(str(path), f"cannot read ({err.strerror}); skipped"))
        return None
    if not data.strip():
        problems.append(Problem(str(path), "empty file; skipped"))
        return None
    text = decode(data)
    if text is None:
        problems.append(Problem(str(path), "binary or unknown encoding; skipped"))
    return text


def read_text_file(path: Path, meta: dict[str, str], problems: list[Problem]) -> Iterator[Document]:
    text = _read_file_text(path, problems)
    if text is None:
        return
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    doc = _checked(make_document(path.stem, clean_text(text), meta, str(path)), problems)
    if doc:
        yield doc


def _jsonl_lines(path: Path, problems: list[Problem]) -> Iterator[tuple[int, str]]:
    """(number, text) of each line, streamed: one JSON Lines file may hold a year of news.

    A line over MAX_BYTES is skipped with a reason; lines are UTF-8 (JSON's encoding), with the
    detection of ``decode`` for the odd line that is not."""
    try:
        handle = open(path, "rb")
    except OSError as err:
        problems.append(Problem(str(path), f"cannot read ({err.strerror}); skipped"))
        return
    seen_text = False
    with handle:
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_BYTES + 1), b""), 1):
            if len(raw) > MAX_BYTES:
                problems.append(Problem(f"{path}:{number}", f"line longer than {MAX_BYTES:,} bytes; skipped"))
                while raw and not raw.endswith(b"\n"):      # the rest of that line
                    raw = handle.readline(MAX_BYTES + 1)
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen_text = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = decode(raw)
                if line is None:
                    problems.append(Problem(f"{path}:{number}", "binary or unknown encoding; skipped"))
                    continue
            yield number, line
    if not seen_text:
        problems.append(Problem(str(path), "empty file; skipped"))


def read_jsonl(path: Path, problems: list[Problem]) -> Iterator[Document]:
    for number, line in _jsonl_lines(path, problems):
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(Problem(where, f"bad JSON ({err.msg}); skipped"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(Problem(where, "no string 'text' field; skipped"))
            continue
        meta = {k: v for k, v in record.items() if isinstance(v, (str, int, float)) and k != "text"}
        meta = {k: str(v) for k, v in meta.items()}
        try:
            parse_date(meta.get("published", ""))
        except ValueError:
            problems.append(Problem(where, f"bad date {meta['published']!r}; read without a publication date"))
            meta["published"] = ""
        doc_id = meta.get("id") or f"{path.stem}-{number}"
        doc = _checked(make_document(doc_id, clean_text(record["text"]), meta, where), problems)
        if doc:
            yield doc


def discover(inputs: list[Path], problems: list[Problem]) -> list[Path]:
    """Article files under the inputs, sorted, so builds are deterministic."""
    files = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(str(path), "no articles (.txt, .jsonl, .html) found"))
            files += found
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                problems.append(Problem(str(path), "not a .txt, .jsonl or .html file; skipped"))
        else:
            problems.append(Problem(str(path), "no such file or directory"))
    return files


def read_documents(inputs: list[Path], problems: list[Problem],
                   manifest: Path | None = None) -> Iterator[Document]:
    """Documents from files and folders, in a stable order."""
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    explicit = read_manifest(manifest, problems) if manifest else None
    for path in discover(inputs, problems):
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, problems)
            continue
        if explicit is not None:
            entries = explicit
        else:
            folder = path.parent
            if folder not in manifests:
                manifests[folder] = read_manifest(folder / MANIFEST, problems) \
                    if (folder / MANIFEST).exists() else {}
            entries = manifests[folder]
        yield from read_text_file(path, entries.get(path.name, {}), problems)
