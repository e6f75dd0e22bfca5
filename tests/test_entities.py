"""Sentences and entities on text about other countries and crises (rules only: deterministic)."""
from __future__ import annotations

import pytest

from kg.extract.entities import sentences_of


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline(use_model=False)


def ents(nlp, text):
    return [(e.text, e.label_, e._.role) for e in nlp(text).ents]


def test_sentences_keep_quotes_together_and_join_split_attributions(nlp):
    text = ("“Kami tidak akan mundur. Ini baru permulaan,” kata seorang demonstran.\n"
            "Polisi menahan 20 orang. Bentrokan berlanjut pada malam hari.\n"
            "“Situasi terkendali,”\nujar juru bicara kepolisian.\nKrisis di Sri Lanka")
    sentences = [s.text for s in sentences_of(nlp(text))]
    assert sentences == [
        "“Kami tidak akan mundur. Ini baru permulaan,” kata seorang demonstran.",
        "Polisi menahan 20 orang.", "Bentrokan berlanjut pada malam hari.",
        "“Situasi terkendali,”\nujar juru bicara kepolisian.", "Krisis di Sri Lanka"]


def test_sentence_offsets_are_exact(nlp):
    text = "  Militer Myanmar menahan Aung San Suu Kyi.\n\nRibuan orang turun ke jalan di Yangon.  "
    for s in sentences_of(nlp(text)):
        assert text[s.begin:s.end] == s.text


def test_titles_are_roles_not_names(nlp):
    found = ents(nlp, "Presiden Prancis Emmanuel Macron dan Sekretaris Jenderal PBB Antonio Guterres "
                      "bertemu di Paris.")
    assert ("Emmanuel Macron", "Person", "Presiden") in found
    assert ("Antonio Guterres", "Person", "Sekretaris Jenderal") in found
    assert ("Prancis", "Country", None) in found and ("Paris", "City", None) in found


def test_appositive_title_and_spokesperson_of_a_collective(nlp):
    found = ents(nlp, "Zaw Min Tun, juru bicara junta, mengatakan kepada Reuters bahwa militer menahan "
                      "ratusan demonstran di kota Mandalay.")
    assert ("Zaw Min Tun", "Person", "juru bicara") in found
    assert ("Reuters", "MediaOrganization", None) in found
    assert ("demonstran", "Group", None) in found
    assert ("Mandalay", "City", None) in found


def test_organisation_patterns_and_acronym_definitions(nlp):
    found = ents(nlp, "Kementerian Luar Negeri Peru mengecam Organisasi Negara-negara Amerika (OAS) "
                      "sementara kementerian dalam negeri membantah laporan itu.")
    assert ("Kementerian Luar Negeri Peru", "GovernmentBody", None) in found
    assert ("kementerian dalam negeri", "GovernmentBody", None) in found
    labels = {text: label for text, label, _ in found}
    assert labels.get("OAS") == labels.get("Organisasi Negara-negara Amerika")
    assert labels["OAS"] in ("Organization", "InternationalOrganization")


def test_place_cues_type_unknown_places(nlp):
    found = ents(nlp, "Bentrokan pecah di provinsi timur Kivu Utara dan di kota Goma.")
    assert ("Kivu Utara", "Region", None) in found
    assert ("Goma", "City", None) in found


def test_bare_surname_follows_full_name_in_document(nlp):
    doc = nlp("Perdana Menteri Thailand Prayuth Chan-ocha membubarkan parlemen. Prayuth mengatakan "
              "pemilu akan digelar.")
    persons = [e.text for e in doc.ents if e.label_ == "Person"]
    assert persons == ["Prayuth Chan-ocha", "Prayuth"]


def test_the_gazetteer_types_a_name_the_model_finds():
    """The model may call a news agency a person; a name the gazetteer knows keeps the gazetteer's class."""
    from kg.nlp import load_pipeline

    pipeline = load_pipeline(use_model=False)
    entities = pipeline.get_pipe("crisis_entities")
    doc = pipeline.make_doc("Menurut Tass, polisi Rusia menahan 20 orang.")   # not "TASS": no gazetteer match
    for _, component in pipeline.pipeline[:-1]:
        doc = component(doc)
    doc.user_data["model_ents"] = [(1, 2, "PER"), (7, 8, "PER")]   # "Tass", "orang"
    doc = entities(doc)
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Tass"] == [("Tass", "MediaOrganization")]
