"""`kg eval GOLD [INPUT ...]`: precision, recall and F1 of entities and events against hand-made gold.

Why: extraction quality is measured, not asserted (DESIGN.md). The pipeline
runs on the documents the gold file names (read from INPUT, default seeds/),
exactly as `kg build` would, and its mentions and events are compared with
the gold annotations. The gold format is documented in docs/GOLD.md:

- entities: a gold entry (surface text, type) marks every whole-word,
  case-insensitive occurrence of that text in the document (longer entries
  claim their span first; ``skip`` lists occurrences to leave out). Scored by
  exact offsets and type, and by exact offsets and top-level kind.
- events: an event mention is a (sentence, class) pair, located by the
  sentence holding the gold trigger; gold and predicted mentions of one class
  in one sentence are paired by trigger distance. Scored by class; then, on
  the paired mentions, the date, places, participants (every role: agent,
  target, participant, speaker), figures (property and value, with qualifier
  and source checked on the figures that match) and negation.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import click

from kg.lang import language
from kg.records import ENTITY_KIND, Event, ExtractedDocument

NAME_NOISE = set(language().json("names.json")["name_noise"])
ASSERTED = "asserted"
NON_NEWS = {"olahraga", "showbiz", "hiburan", "teknologi", "inspirasi"}   # IndoSum categories with no crisis news


# --- gold ----------------------------------------------------------------------

class GoldError(ValueError):
    """A gold file that cannot be read; the message names the line and the problem."""


@dataclass
class GoldEvent:
    type: str
    trigger: str
    offset: int
    date: date | None = None
    places: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    speaker: str | None = None
    negated: bool = False
    modality: str = ASSERTED
    spoken_for: str | None = None

    @property
    def asserted(self) -> bool:
        return self.modality == ASSERTED


@dataclass
class GoldDoc:
    id: str
    entities: list[dict] | None   # None: the file does not annotate entities for this document
    events: list[dict]
    category: str | None = None   # IndoSum's category: sport, showbiz ... must yield no crisis event


def read_gold(path: Path) -> list[GoldDoc]:
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"cannot read gold file {path}: {err}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}:{n}: not JSON: {err.msg}") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            raise GoldError(f"{path}:{n}: each line must be an object with an \"id\"")
        docs.append(GoldDoc(obj["id"], obj.get("entities"), obj.get("events", []), obj.get("category")))
    return docs


def _occurrences(text: str, needle: str, case: bool) -> list[int]:
    flags = 0 if case else re.IGNORECASE
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text, flags)]


def gold_entity_spans(text: str, entries: list[dict]) -> set[tuple[int, int, str]]:
    """Spans (begin, end, type) of every occurrence of each gold entry; longer entries first."""
    taken: set[int] = set()
    spans = set()
    for entry in sorted(entries, key=lambda e: -len(e["text"])):
        skip = set(entry.get("skip", []))
        for k, begin in enumerate(_occurrences(text, entry["text"], case=False)):
            end = begin + len(entry["text"])
            if k in skip or taken & set(range(begin, end)):
                continue
            taken |= set(range(begin, end))
            spans.add((begin, end, entry["type"]))
    return spans


def gold_events(doc_id: str, text: str, entries: list[dict]) -> list[GoldEvent]:
    out = []
    for entry in entries:
        hits = _occurrences(text, entry["trigger"], case=True)
        n = entry.get("occurrence", 0)
        if n >= len(hits):
            raise GoldError(f"gold event {entry['type']} of {doc_id}: trigger {entry['trigger']!r} "
                            f"(occurrence {n}) is not in the text")
        negated = bool(entry.get("negated", False))
        out.append(GoldEvent(entry["type"], entry["trigger"], hits[n],
                             date.fromisoformat(entry["date"]) if entry.get("date") else None,
                             entry.get("places", []), entry.get("participants", []), entry.get("figures", []),
                             entry.get("speaker"), negated,
                             entry.get("modality") or ("negated" if negated else ASSERTED), entry.get("spoken_for")))
    return out


# --- scoring ---------------------------------------------------------------------

@dataclass
class Count:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp, self.gold, self.pred = self.tp + tp, self.gold + gold, self.pred + pred

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.p, 3), "r": round(self.r, 3), "f1": round(self.f, 3),
                "tp": self.tp, "gold": self.gold, "pred": self.pred}


@dataclass
class Report:
    documents: int = 0
    entity_types: dict[str, Count] = field(default_factory=dict)
    entity_kinds: dict[str, Count] = field(default_factory=dict)
    event_types: dict[str, Count] = field(default_factory=dict)
    asserted_types: dict[str, Count] = field(default_factory=dict)
    slots: dict[str, Count] = field(default_factory=dict)
    coverage: dict[str, Count] = field(default_factory=dict)

    def count(self, table: str, key: str) -> Count:
        return getattr(self, table).setdefault(key, Count())


def _norm(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w[\w-]*", name.lower()) if w not in NAME_NOISE)


def names_match(a: str, b: str) -> bool:
    """'Boluarte' matches 'Dina Boluarte'; 'para pengunjuk rasa' matches 'pengunjuk rasa'."""
    x, y = _norm(a), _norm(b)
    return bool(x and y) and (x <= y or y <= x)


def _set_match(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    """(tp, gold, pred) of two name lists, each name used once."""
    left = list(pred)
    tp = 0
    for g in gold:
        hit = next((p for p in left if names_match(g, p)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
    return tp, len(gold), len(pred)


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if not any(names_match(n, o) for o in out):
            out.append(n)
    return out


def score_entities(report: Report, text: str, gold: list[dict], ext: ExtractedDocument) -> None:
    gold_spans = gold_entity_spans(text, gold)
    pred_spans = {(m.begin, m.end, m.cls) for m in ext.mentions}
    for table, key in (("entity_types", lambda c: c), ("entity_kinds", lambda c: ENTITY_KIND.get(c, c))):
        g = {(b, e, key(c)) for b, e, c in gold_spans}
        p = {(b, e, key(c)) for b, e, c in pred_spans}
        for cls in {c for *_, c in g | p}:
            report.count(table, cls).add(len({s for s in g & p if s[2] == cls}),
                                         sum(s[2] == cls for s in g), sum(s[2] == cls for s in p))
        report.count(table, "overall").add(len(g & p), len(g), len(p))


def _sentence_of(ext: ExtractedDocument, offset: int) -> int | None:
    return next((i for i, s in enumerate(ext.sentences) if s.begin <= offset < s.end), None)


def _pred_names(ext: ExtractedDocument, indexes: list[int]) -> list[str]:
    return _unique([ext.mentions[i].text for i in indexes])


def asserted(e: Event) -> bool:
    """What saved queries and exports show by default: not negated, no modality."""
    return not e.negated and e.modality is None


def _pair(ext: ExtractedDocument, golds: list[GoldEvent], preds: list[Event]) -> list[tuple[GoldEvent, Event]]:
    """Gold and predicted mentions of one class in one sentence, paired by trigger distance."""
    used: set[int] = set()
    pairs: list[tuple[GoldEvent, Event]] = []
    for g in sorted(golds, key=lambda g: g.offset):
        sentence = _sentence_of(ext, g.offset)
        options = [k for k, e in enumerate(preds) if k not in used and e.cls == g.type and e.sentence == sentence]
        if options:
            k = min(options, key=lambda k: abs(preds[k].begin - g.offset))
            used.add(k)
            pairs.append((g, preds[k]))
    return pairs


def _count_types(report: Report, table: str, golds: list[GoldEvent], preds: list[Event],
                 pairs: list[tuple[GoldEvent, Event]]) -> None:
    for cls in {g.type for g in golds} | {e.cls for e in preds}:
        report.count(table, cls).add(sum(g.type == cls for g, _ in pairs), sum(g.type == cls for g in golds),
                                     sum(e.cls == cls for e in preds))
    report.count(table, "overall").add(len(pairs), len(golds), len(preds))


def score_events(report: Report, doc_id: str, text: str, gold: list[dict], ext: ExtractedDocument,
                 category: str | None = None) -> None:
    golds = gold_events(doc_id, text, gold)
    preds = list(ext.events)
    pairs = _pair(ext, golds, preds)
    _count_types(report, "event_types", golds, preds, pairs)
    shown = [e for e in preds if asserted(e)]
    facts = [g for g in golds if g.asserted]
    _count_types(report, "asserted_types", facts, shown, _pair(ext, facts, shown))
    crisis = [e for e in shown if e.cls != "Statement"]
    argued: dict[str, bool] = {}     # event IRI → whether any of its mentions in the article has an argument:
    # an actor, a place, a date the text gives, or a figure (the numeral and the noun it counts, issue 17)
    for e in crisis:
        has = bool(e.agents or e.targets or e.participants or e.places or e.date or e.figures)
        report.count("coverage", "events with an argument").add(int(has), 0, 1)
        argued[e.iri] = argued.get(e.iri, False) or has
    for has in argued.values():
        report.count("coverage", "event nodes with an argument").add(int(has), 0, 1)
    if category in NON_NEWS:
        report.count("coverage", "crisis events in non-news articles").add(len(crisis), 0, len(shown))
    if not any(g.type != "Statement" for g in golds):
        report.count("coverage", "crisis events where the gold has none").add(len(crisis), 0, len(shown))
    for g, e in pairs:
        report.count("slots", "date").add(int(g.date is not None and g.date == e.date), int(g.date is not None),
                                          int(e.date is not None))
        report.count("slots", "place").add(*_set_match(g.places, _pred_names(ext, e.places)))
        actors = e.agents + e.targets + e.participants + ([e.speaker] if e.speaker is not None else [])
        report.count("slots", "participant").add(*_set_match(g.participants, _pred_names(ext, actors)))
        if g.type == "Statement":
            speaker = [ext.mentions[e.speaker].text] if e.speaker is not None else []
            report.count("slots", "speaker").add(*_set_match([g.speaker] if g.speaker else [], speaker))
            spoken_for = [ext.mentions[i].text for i in e.spoken_for]
            report.count("slots", "spoken for").add(*_set_match([g.spoken_for] if g.spoken_for else [], spoken_for))
        _score_figures(report, ext, g, e)
        report.count("slots", "negated").add(int(g.negated and e.negated), int(g.negated), int(e.negated))
        report.count("slots", "not asserted").add(int(not g.asserted and not asserted(e)), int(not g.asserted),
                                                  int(not asserted(e)))


def _score_figures(report: Report, ext: ExtractedDocument, g: GoldEvent, e: Event) -> None:
    left = list(e.figures)
    for fig in g.figures:
        hit = next((f for f in left if f.prop == fig["prop"] and f.quantity.value == fig["value"]), None)
        if hit is None:
            continue
        left.remove(hit)
        report.count("slots", "figure qualifier").add(int(hit.quantity.qualifier == fig.get("qualifier", "exact")), 1, 1)
        source = ext.mentions[hit.reported_by].text if hit.reported_by is not None else None
        want = fig.get("source")
        ok = (want is None and source is None) or (want and source and names_match(want, source))
        report.count("slots", "figure source").add(int(bool(ok)), 1, 1)
    matched = len(e.figures) - len(left)
    report.count("slots", "figure").add(matched, len(g.figures), len(e.figures))


# --- running ---------------------------------------------------------------------

def evaluate(gold_path: Path, inputs: list[Path], use_model: bool = True) -> Report:
    """Run the pipeline on the gold documents found in ``inputs`` and score them."""
    from kg.ingest import read_documents
    from kg.pipeline import extract_documents

    gold = read_gold(gold_path)
    wanted = {g.id for g in gold}
    docs = {d.id: d for d in read_documents(inputs, [], None) if d.id in wanted}
    missing = sorted(wanted - set(docs))
    if missing:
        raise GoldError(f"gold documents not found in {', '.join(map(str, inputs))}: {', '.join(missing)}")
    ordered = [docs[g.id] for g in gold]
    extracted = {e.doc.id: e for e in extract_documents(ordered, use_model)}
    report = Report(documents=len(gold))
    for g in gold:
        ext = extracted[g.id]
        if g.entities is not None:
            score_entities(report, ext.doc.text, g.entities, ext)
        score_events(report, g.id, ext.doc.text, g.events, ext, g.category)
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.documents} documents"]
    for title, table in (("entities by type", report.entity_types), ("entities by kind", report.entity_kinds),
                         ("events by type", report.event_types),
                         ("asserted events by type (what queries show)", report.asserted_types),
                         ("event attributes (on matched events)", report.slots)):
        lines += ["", f"{title:<36}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'tp':>7}"]
        keys = sorted(k for k in table if k != "overall") + (["overall"] if "overall" in table else [])
        for key in keys:
            c = table[key]
            lines.append(f"  {key:<34}{c.p:>7.3f}{c.r:>7.3f}{c.f:>7.3f}{c.gold:>7}{c.pred:>7}{c.tp:>7}")
    if report.coverage:
        lines += ["", "asserted events outside statements"]
        for key, c in sorted(report.coverage.items()):
            lines.append(f"  {key:<48}{c.tp:>6} of {c.pred}")
    return "\n".join(lines)


def report_dict(report: Report) -> dict:
    return {"documents": report.documents,
            **{name: {k: c.as_dict() for k, c in getattr(report, name).items()}
               for name in ("entity_types", "entity_kinds", "event_types", "asserted_types", "slots", "coverage")}}


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold, inputs, no_model, as_json):
    """Score entities and events against a GOLD file (docs/GOLD.md) for documents in INPUT (default seeds/)."""
    from kg.api import UserError

    if not gold.is_file():
        raise UserError(f"gold file {gold} does not exist")
    inputs = list(inputs) or [Path("seeds")]
    for path in inputs:
        if not path.exists():
            raise UserError(f"input {path} does not exist")
    try:
        report = evaluate(gold, inputs, use_model=not no_model)
    except GoldError as err:
        raise UserError(str(err)) from None
    click.echo(json.dumps(report_dict(report), indent=2) if as_json else format_report(report))
