"""Two bodies that share a name or an acronym are not joined (kg.resolve.entities, kg.resolve.aliases):
an acronym an article introduces names its expansion there only, and a national body named without
its country is one body across articles only when the articles' country agrees."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.records import Document
from kg.resolve.aliases import find_aliases
from kg.resolve.entities import resolve_entities


@pytest.fixture(scope="module")
def corpus():
    """Read articles as a build does; give each mention written ``text`` its final entity."""
    from kg.extract import extract
    from kg.nlp import load_pipeline

    pipeline = load_pipeline(use_model=True)

    def run(*texts: str):
        names, documents, mentions = {}, {}, []
        for n, text in enumerate(texts):
            ext = extract(Document(f"d{n}", text), pipeline(text))
            resolve_entities(ext)
            for m in ext.mentions:
                names.setdefault(m.entity, Counter())[(m.cls, m.text)] += 1
                documents.setdefault(m.entity, set()).add(f"d{n}")
                mentions.append((n, m.text, m.entity))
        joined = {a.alias: a.entity for a in find_aliases(names, documents)}
        return lambda n, text: {joined.get(iri, iri) for k, t, iri in mentions if k == n and t == text}
    return run


def test_one_acronym_for_two_bodies_in_two_articles_names_two_entities(corpus):
    entity = corpus(
        "Forum Musik Kolombo (FMK) membuka festival di ibu kota Sri Lanka. FMK menampilkan ratusan seniman.",
        "Front Militan Kurdistan (FMK) menyerang pos tentara Turki. Pemerintah Turki menyebut FMK teroris.")
    assert entity(0, "FMK") and entity(1, "FMK")
    assert entity(0, "FMK") == entity(0, "Forum Musik Kolombo")
    assert entity(1, "FMK") == entity(1, "Front Militan Kurdistan")
    assert not entity(0, "FMK") & entity(1, "FMK")


def test_an_acronym_introduced_in_two_articles_for_one_body_is_one_entity(corpus):
    entity = corpus(
        "Front Pembebasan Islam Moro (FPIM) menandatangani perjanjian damai dengan Manila. "
        "FPIM menyerahkan senjata di Mindanao.",
        "Pemimpin Front Pembebasan Islam Moro (FPIM) tewas dalam bentrokan di Mindanao. "
        "Juru bicara FPIM membenarkan kabar itu.")
    assert entity(0, "FPIM") == entity(1, "FPIM") == entity(1, "Front Pembebasan Islam Moro")


def test_a_party_of_one_name_in_two_countries_stays_two_parties(corpus):
    entity = corpus(
        "Kandidat Partai Demokrat Joe Biden memenangi pemilihan presiden Amerika Serikat. "
        "Biden mengalahkan Donald Trump di Pennsylvania dan Michigan.",
        "Partai Demokrat menggelar kongres di Jakarta. Ketua umum Partai Demokrat terpilih "
        "secara aklamasi di Jakarta.",
        "Partai Demokrat mengusung calon gubernur di Surabaya, Jawa Timur.")
    assert entity(0, "Partai Demokrat") and entity(1, "Partai Demokrat")
    assert not entity(0, "Partai Demokrat") & entity(1, "Partai Demokrat")
    assert entity(1, "Partai Demokrat") == entity(2, "Partai Demokrat")     # the home country's, twice


def test_a_ministry_named_with_its_country_or_in_an_article_or_sentence_on_that_country_is_not_the_home_one(corpus):
    entity = corpus(
        "Serangan siber melumpuhkan komputer di Rusia. Virus itu menyerang Kementerian Dalam Negeri "
        "dan sejumlah bank, kata pejabat di Moskow.",
        "Kementerian Dalam Negeri Rusia membantah laporan itu di Moskow.",
        "Kementerian Dalam Negeri (Kemendagri) meminta kepala daerah di Jawa Barat menyalurkan dana desa.",
        "Kemendagri menegur Bupati Bogor soal dana desa di Jawa Barat.",
        "Virus itu menyerang rumah sakit di Jakarta dan Inggris. Di Rusia, Kementerian Dalam Negeri "
        "ikut terserang.")
    home = entity(2, "Kementerian Dalam Negeri")
    assert home and home == entity(3, "Kemendagri")
    assert entity(0, "Kementerian Dalam Negeri") and not entity(0, "Kementerian Dalam Negeri") & home
    assert entity(1, "Kementerian Dalam Negeri Rusia") and not entity(1, "Kementerian Dalam Negeri Rusia") & home
    assert entity(4, "Kementerian Dalam Negeri") and not entity(4, "Kementerian Dalam Negeri") & home


def test_an_acronym_joins_the_body_it_was_introduced_for_and_of_two_the_one_of_shared_context():
    names = {
        "org/komisi-antikorupsi-nasional": Counter({("GovernmentBody", "Komisi Antikorupsi Nasional"): 3,
                                                    ("GovernmentBody", "KAN"): 2}),
        "org/komisi-antikorupsi-nasionalis": Counter({("GovernmentBody", "Komisi Antikorupsi Nasionalis"): 1,
                                                      ("GovernmentBody", "KAN"): 1}),       # a misspelling
        "org/kan": Counter({("GovernmentBody", "KAN"): 4}),
        "org/partai-rakyat-merdeka": Counter({("PoliticalParty", "Partai Rakyat Merdeka"): 1,
                                              ("PoliticalParty", "PRM"): 1}),
        "org/pekan-raya-musik": Counter({("Organization", "Pekan Raya Musik"): 1, ("Organization", "PRM"): 1}),
        "org/prm": Counter({("PoliticalParty", "PRM"): 2}),
        "person/tomas-villanueva": Counter({("Person", "Tomas Villanueva"): 2})}
    documents = {"org/komisi-antikorupsi-nasional": {"d1"}, "org/komisi-antikorupsi-nasionalis": {"d2"},
                 "org/kan": {"d3"}, "org/partai-rakyat-merdeka": {"d4"}, "org/pekan-raya-musik": {"d5"},
                 "org/prm": {"d6"}, "person/tomas-villanueva": {"d4", "d6"}}
    found = {(a.alias, a.entity) for a in find_aliases(names, documents)}
    assert found == {("org/komisi-antikorupsi-nasionalis", "org/komisi-antikorupsi-nasional"),
                     ("org/kan", "org/komisi-antikorupsi-nasional"),
                     ("org/prm", "org/partai-rakyat-merdeka")}     # the party's article names Villanueva too
