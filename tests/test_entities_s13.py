"""Entities of the right span and type (issue 18): honorifics and scholars' fields are roles, not
names; a party's one-word name ends where a person's begins; a one-word place the model reads as
a person opening a clause is one; a school is an organisation."""
from __future__ import annotations

import pytest

from test_entities import doc_with_model, roles, with_model


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline(use_model=False)


def test_honorifics_of_address_and_pilgrimage_are_ranks_not_part_of_the_name(nlp):
    found = roles(nlp("Jembatan itu diresmikan oleh Menteri Perhubungan Malaysia, Bapak Anthony Loke, pada 2019. "
                      "Kini Haji Mahathir Salleh menjadi pedagang sapi terbesar di Kedah."))
    assert ("Anthony Loke", "Person", "Menteri Perhubungan", "Bapak", "Malaysia") in found
    assert ("Mahathir Salleh", "Person", None, "Haji", None) in found
    assert not [name for name, *_ in found if name.startswith(("Bapak", "Haji"))]


def test_a_nun_or_a_monk_named_by_their_order_only_is_no_name():
    found = with_model("Vihara di Mandalay itu dijaga oleh Bhiksuni sejak junta berkuasa.", [(6, 7, "PER")])
    assert [name for name, *_ in found if name == "Bhiksuni"] == []


def test_a_scholars_field_before_a_name_is_the_role_and_the_nationality_its_affiliation(nlp):
    found = roles(nlp("Geolog Jerman Alfred Wegener mengunjungi Greenland pada 1930. "
                      "Ekonom INDEF Bhima Yudhistira menilai krisis di Sri Lanka akan berlanjut."))
    assert ("Alfred Wegener", "Person", "Geolog", None, "Jerman") in found
    assert ("Bhima Yudhistira", "Person", "Ekonom", None, "INDEF") in found


def test_a_treasurer_after_a_body_is_a_title_not_part_of_the_body(nlp):
    found = [(name, cls) for name, cls, *_ in roles(nlp(
        "Ia masih duduk di Komisi III Dewan Rakyat dan Bendahara Fraksi Pakatan Harapan di parlemen Malaysia."))]
    assert ("Komisi III Dewan Rakyat", "GovernmentBody") in found
    assert not [name for name, _ in found if "Bendahara" in name]


def test_a_partys_one_word_name_ends_where_a_persons_name_begins():
    """The model reads the party and the legislator as one organisation: the rules split it. A
    faction is its party's ("Fraksi Likud" names Likud)."""
    text = "Mobil dinas itu dibawa mantan legislator Fraksi Likud Yuli Edelstein ke Tel Aviv."
    found = with_model(text, [(7, 10, "ORG")])
    assert ("Likud", "PoliticalParty", None) in found
    assert ("Yuli Edelstein", "Person", None) in found


def test_a_faction_names_its_party_whole(nlp):
    found = [(name, cls) for name, cls, *_ in roles(nlp("Sekretaris Fraksi Partai Buruh itu menegaskan, "
                                                         "Fraksi Partai Buruh Jeremy Corbyn menolak."))]
    assert found.count(("Partai Buruh", "PoliticalParty")) == 2


def test_a_party_named_by_dictionary_words_stays_whole(nlp):
    found = [(name, cls) for name, cls, *_ in roles(nlp("Partai Aksi Rakyat menolak hasil pemilu di Singapura."))]
    assert ("Partai Aksi Rakyat", "PoliticalParty") in found


def test_a_second_organisation_the_model_reads_after_an_office_is_no_part_of_the_name():
    text = "Ketua DPP Likud Benny Gantz mengatakan partainya menolak usul itu."
    found = with_model(text, [(2, 3, "ORG"), (4, 5, "PER")])
    assert ("Benny Gantz", "Person", "Ketua") in found
    assert not [name for name, *_ in found if name.startswith("Likud ")]


def test_a_one_word_place_the_model_reads_as_a_person_opening_a_clause_is_a_person():
    """Paul is a region of Cape Verde too; the model reads a person where it opens the clause, and
    the city stays a city after a word of movement."""
    text = "Di ruangan gelap itu, Paul sadar ia ditahan milisi. Pesawat itu terbang menuju Osaka kemarin."
    found = with_model(text, [(5, 6, "PER"), (15, 16, "PER")])
    assert ("Paul", "Person", None) in found
    assert ("Osaka", "City", None) in found


def test_a_school_is_an_organisation_whatever_the_model_reads():
    text = "Dia lulus dari Seoul Science High School pada 2006 sebelum ditahan di Pyongyang."
    doc = doc_with_model(text, [(3, 7, "PER")])
    assert [(e.text, e.label_) for e in doc.ents if e.text.endswith("School")] == \
        [("Seoul Science High School", "Organization")]


def test_a_hyphen_between_spaces_stays_inside_a_name_the_model_reads_as_one_person():
    found = with_model("Geolog Prancis Jean - Jacques Dozy tiba di Jakarta.", [(2, 6, "PER")])
    assert ("Jean - Jacques Dozy", "Person", "Geolog") in found


def test_a_shows_title_after_a_media_word_is_no_outlet(nlp):
    found = [(name, cls) for name, cls, *_ in roles(nlp(
        "Serial televisi Crash Landing ditayangkan stasiun televisi Munhwa di Seoul sejak 2019."))]
    assert ("Munhwa", "MediaOrganization") in found
    assert not [name for name, cls in found if cls == "MediaOrganization" and name.startswith("Crash")]


def test_a_capitalised_group_word_after_a_given_name_is_no_crowd():
    """"Sergio Massa" is a person's name: "Massa" is no crowd there, while lower-case "massa" is."""
    from kg.nlp import load_pipeline
    nlp = load_pipeline()
    doc = nlp("Menteri Keuangan Argentina Sergio Massa mengatakan massa sudah bubar di Buenos Aires.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("Person", "Group")] == \
        [("Sergio Massa", "Person"), ("massa", "Group")]
