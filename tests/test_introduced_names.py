"""A second name an article introduces for a person or a body ("X (Y)", "Y (X)", "X alias Y",
"X yang akrab disapa Y", a person's "X atau Y") is a mention of the same entity, there and
wherever the article uses it again. With the NER model, as an article is read in a build: without
it the rules read few persons' names alone."""
from __future__ import annotations

import pytest

from kg.records import Document
from kg.resolve.entities import resolve_entities


@pytest.fixture(scope="module")
def read():
    from kg.extract import extract
    from kg.nlp import load_pipeline

    pipeline = load_pipeline(use_model=True)

    def run(text: str):
        ext = extract(Document("t", text), pipeline(text))
        resolve_entities(ext)
        return ext
    return run


def entity_of(ext, text: str) -> set[str]:
    """The entities the article's mentions written ``text`` name (empty: no mention)."""
    return {m.entity for m in ext.mentions if m.text == text}


@pytest.mark.parametrize("text,full,other", [
    ("Presiden Filipina Rodrigo Duterte yang akrab disapa Digong mengecam para pengedar narkoba. "
     "Digong mengancam akan menembak mereka.", "Rodrigo Duterte", "Digong"),
    ("Mantan Presiden Afrika Selatan Jacob Zuma (JZ) menolak hadir di komisi antikorupsi. "
     "Pengacara JZ mengatakan kliennya sakit.", "Jacob Zuma", "JZ"),
    ("Presiden Sri Lanka Gotabaya Rajapaksa menghadapi protes besar. Pengunjuk rasa menuntut Gota "
     "(Gotabaya Rajapaksa) mundur. Gota melarikan diri ke Maladewa.", "Gotabaya Rajapaksa", "Gota"),
    ("Polisi Meksiko kembali menangkap Joaquin Guzman alias El Chapo di Sinaloa. "
     "El Chapo akan diekstradisi ke Amerika Serikat.", "Joaquin Guzman", "El Chapo"),
    ("Pengadilan antikorupsi memvonis mantan Presiden Filipina Joseph Ejercito Estrada atau Erap dengan "
     "hukuman seumur hidup. Erap menyatakan akan mengajukan banding.", "Joseph Ejercito Estrada", "Erap"),
    ("Mantan Presiden Filipina Gloria Macapagal Arroyo, yang biasa disapa GMA, dibebaskan dari tahanan "
     "rumah sakit di Manila. GMA ditahan sejak 2012.", "Gloria Macapagal Arroyo", "GMA"),
])
def test_the_other_name_of_a_person_is_the_same_entity_wherever_it_comes(read, text, full, other):
    ext = read(text)
    assert len(entity_of(ext, full)) == 1
    assert entity_of(ext, other) == entity_of(ext, full)
    assert len([m for m in ext.mentions if m.text == other]) == 2


def test_each_name_of_a_chain_of_aliases_is_the_one_suspect(read):
    ext = read("Polisi Filipina menangkap Abdul Basit Usman alias Abu Omar alias Abu Jamal di Mindanao.")
    assert len(entity_of(ext, "Abdul Basit Usman")) == 1
    assert entity_of(ext, "Abu Omar") == entity_of(ext, "Abu Jamal") == entity_of(ext, "Abdul Basit Usman")


def test_a_body_introduced_with_its_short_form_is_one_entity(read):
    ext = read("Kementerian Kesehatan (Kemenkes) Timor Leste menyatakan wabah demam berdarah meluas. "
               "Kemenkes meminta warga membersihkan saluran air.")
    assert not [m for m in ext.mentions if "(" in m.text]
    assert len(entity_of(ext, "Kemenkes")) == 1
    assert entity_of(ext, "Kemenkes") == entity_of(ext, "Kementerian Kesehatan")


@pytest.mark.parametrize("text,full,other", [
    # a body's initials before its name in brackets: no person's other name, whatever the model read
    ("Petani berunjuk rasa di depan kantor HKTI (Himpunan Kerukunan Tani Indonesia) di Jakarta.",
     "Himpunan Kerukunan Tani Indonesia", "HKTI"),
    # a party in brackets is no other name of the person: not cut from the name
    ("Anggota parlemen Malaysia Lim Kit Siang (DAP) mengkritik pemerintah.", "Lim Kit Siang", "DAP"),
    # after "atau" a given name is another person: "or"
    ("Posisi penjaga gawang Spanyol akan diisi David de Gea atau Sergio pada laga itu.", "David de Gea", "Sergio"),
])
def test_a_name_in_brackets_or_after_or_that_is_not_introduced_stays_apart(read, text, full, other):
    ext = read(text)
    assert entity_of(ext, full)
    assert not entity_of(ext, other) & entity_of(ext, full)
