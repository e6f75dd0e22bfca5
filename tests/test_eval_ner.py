"""Span scoring by hand-computed numbers, file evaluation, and the shipped NER model."""
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from kg.eval_ner import evaluate_file, format_report, kind_of_label, score

MODEL = Path(__file__).resolve().parents[1] / "kg" / "lang" / "id" / "ner-model"


def test_score_by_hand():
    gold = [(0, 4, "Person"), (10, 15, "Place"), (20, 30, "Organization"), (40, 44, "Place")]
    pred = [(0, 4, "Person"),            # hit
            (10, 15, "Organization"),    # right span, wrong kind: FP for ORG, FN for Place
            (20, 29, "Organization"),    # off by one character: FP + FN
            (40, 44, "Place")]           # hit
    s = score(gold, pred)
    assert s["Person"] == {"p": 1.0, "r": 1.0, "f": 1.0, "tp": 1, "gold": 1, "pred": 1}
    assert (s["Place"]["p"], s["Place"]["r"]) == (1.0, 0.5)
    assert s["Place"]["f"] == pytest.approx(2 / 3)
    assert (s["Organization"]["tp"], s["Organization"]["gold"], s["Organization"]["pred"]) == (0, 1, 2)
    assert s["Organization"]["f"] == 0.0
    assert (s["overall"]["p"], s["overall"]["r"], s["overall"]["f"]) == (0.5, 0.5, 0.5)


def test_score_across_sentences_and_empty():
    gold = [(0, 0, 4, "Person"), (1, 0, 4, "Person")]
    pred = [(1, 0, 4, "Person")]
    overall = score(gold, pred)["overall"]
    assert (overall["p"], overall["r"]) == (1.0, 0.5)
    assert overall["f"] == pytest.approx(2 / 3)
    assert score([], [])["overall"]["f"] == 0.0


def test_our_classes_map_to_gold_kinds():
    assert kind_of_label("Person") == kind_of_label("PER") == "Person"
    assert kind_of_label("City") == kind_of_label("Country") == kind_of_label("LOC") == "Place"
    assert kind_of_label("PoliticalParty") == kind_of_label("ArmedForce") == "Organization"
    assert kind_of_label("Group") is None and kind_of_label("DATE") is None


@Language.component("toy_ner")
def toy_ner(doc):
    """Tags by a fixed word list: enough to check evaluation plumbing."""
    labels = {"Boluarte": "Person", "Lima": "City", "demonstran": "Group", "Kongres": "GovernmentBody"}
    doc.ents = [Span(doc, t.i, t.i + 1, label=labels[t.text]) for t in doc if t.text in labels]
    return doc


def test_evaluate_file_maps_and_drops_group(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text("Dina\tB-PERSON\nBoluarte\tI-PERSON\ndan\tO\ndemonstran\tO\ndi\tO\nLima\tB-PLACE\n"
                    "\nKongres\tB-ORGANISATION\nPeru\tI-ORGANISATION\nbersidang\tO\n")
    nlp = spacy.blank("id")
    nlp.add_pipe("toy_ner")
    report = evaluate_file(path, nlp)
    s = report["scores"]
    assert report["sentences"] == 2 and report["dropped"] == {"Group": 1}
    assert (s["Place"]["tp"], s["Person"]["tp"], s["Person"]["pred"]) == (1, 0, 1)  # "Boluarte" ≠ "Dina Boluarte"
    assert (s["overall"]["tp"], s["overall"]["gold"], s["overall"]["pred"]) == (1, 3, 3)
    table = format_report(report)
    assert "overall" in table and "not scored: Group 1" in table


@pytest.mark.skipif(not MODEL.is_dir(), reason="no trained model (run `make model`)")
def test_shipped_model_tags_people_and_places(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the model tried to use the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert spacy.load(MODEL).get_pipe("ner").labels == ("LOC", "ORG", "PER")
    from kg.nlp import load_pipeline

    doc = load_pipeline(use_model=True)(
        "Presiden Peru Dina Boluarte mengumumkan keadaan darurat di Lima setelah bentrokan antara polisi "
        "dan demonstran di Juliaca, Selasa. Analis Andrés Pérez mengatakan Gloria Yupanqui ditahan.")
    ents = {(e.text, e.label_, e._.source) for e in doc.ents}
    assert ("Dina Boluarte", "Person", "rule") in ents          # the title rule wins over the model's span
    assert ("Juliaca", "Place", "model") in ents                # the model knows places the gazetteer lacks
    assert {e.text for e in doc.ents if e.label_ == "Person"} >= {"Andrés Pérez", "Gloria Yupanqui"}
