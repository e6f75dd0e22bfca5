"""`kg eval`: the gold format and the scoring, on tiny hand-made gold."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.evaluate import GoldError, evaluate, gold_entity_spans, gold_events, names_match, read_gold


def test_names_match_by_tokens():
    assert names_match("Tokayev", "Kassym-Jomart Tokayev")
    assert names_match("para pengunjuk rasa", "pengunjuk rasa")
    assert not names_match("Almaty", "Aktobe")
    assert not names_match("", "Almaty")


def test_entity_entries_mark_every_occurrence_longest_first():
    text = "Presiden Kais Saied bertemu warga Tunis. Saied kembali ke tunis."
    spans = gold_entity_spans(text, [{"text": "Saied", "type": "Person"}, {"text": "Kais Saied", "type": "Person"},
                                     {"text": "Tunis", "type": "City", "skip": [1]}])
    assert spans == {(9, 19, "Person"), (41, 46, "Person"), (34, 39, "City")}


def test_event_trigger_occurrence_and_missing_trigger():
    text = "Polisi menahan 5 orang. Polisi menahan 7 orang."
    [e] = gold_events("d", text, [{"type": "Detention", "trigger": "menahan", "occurrence": 1, "date": "2024-08-05"}])
    assert e.offset == text.rindex("menahan") and str(e.date) == "2024-08-05"
    with pytest.raises(GoldError, match="'ditangkap'"):
        gold_events("d", text, [{"type": "Detention", "trigger": "ditangkap"}])


def test_bad_gold_line_names_the_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"g.jsonl:2"):
        read_gold(path)


@pytest.fixture
def corpus(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "dhaka.txt").write_text("Polisi menahan 20 orang di Dhaka pada hari Senin.\n", encoding="utf-8")
    (docs / "manifest.csv").write_text("file,published\ndhaka.txt,2024-08-08\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "dhaka", "entities": [
        {"text": "Polisi", "type": "Group"}, {"text": "Dhaka", "type": "City"}, {"text": "orang", "type": "Group"}],
        "events": [
            {"type": "Detention", "trigger": "menahan", "date": "2024-08-05", "places": ["Dhaka"],
             "participants": ["polisi"], "figures": [{"prop": "detained", "value": 20, "qualifier": "exact"}]},
            {"type": "Meeting", "trigger": "Dhaka"}]}) + "\n", encoding="utf-8")
    return gold, docs


def test_scores_on_a_tiny_gold(corpus):
    gold, docs = corpus
    report = evaluate(gold, [docs], use_model=False)
    ents = report.entity_types["overall"]
    assert (ents.tp, ents.gold, ents.pred) == (2, 3, 2)
    events = report.event_types["overall"]
    assert (events.tp, events.gold) == (1, 2) and events.p == 1.0 and events.r == 0.5
    assert report.event_types["Meeting"].r == 0.0
    for slot in ("date", "place", "participant", "figure", "figure qualifier"):
        s = report.slots[slot]
        assert (s.tp, s.gold, s.pred) == (1, 1, 1), slot



def test_a_figure_alone_is_an_argument_of_an_event_outside_statements(tmp_path):
    """"Enam orang luka" says how many were hurt and nothing else: the figure is the event's argument."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "lima.txt").write_text("Sedikitnya enam orang luka-luka.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "lima", "events": []}) + "\n", encoding="utf-8")
    coverage = evaluate(gold, [docs], use_model=False).coverage["events with an argument"]
    assert (coverage.tp, coverage.pred) == (1, 1)

def test_cli_prints_tables_and_one_line_errors(corpus, monkeypatch):
    from kg.cli import cli

    gold, docs = corpus
    result = CliRunner().invoke(cli, ["eval", str(gold), str(docs), "--no-model"])
    assert result.exit_code == 0, result.output
    assert "events by type" in result.output and "Detention" in result.output
    result = CliRunner().invoke(cli, ["eval", str(gold.parent / "nope.jsonl")])
    assert result.exit_code == 1
    assert "gold file" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["eval", str(gold), str(gold.parent / "empty-dir-that-is-missing")])
    assert result.exit_code == 1 and "does not exist" in result.output
