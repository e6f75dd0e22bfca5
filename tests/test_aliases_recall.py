"""Other names of one entity across articles (kg.resolve.aliases): spellings, initials, nicknames,
middle names and short forms that join, and the look-alikes that must stay apart."""
from __future__ import annotations

from collections import Counter

from kg.resolve.aliases import find_aliases


def person(name: str, article: str = "") -> str:
    return f"person/{name}" + (f"/in/{article}" if article else "")


def joins(entities: dict[str, tuple[str, str, set[str]]]) -> set[tuple[str, str, str]]:
    """(alias, entity, rule) of every join, from IRI → (class, name as written, its articles: one
    mention in each); the result must not depend on the order the entities come in."""
    names = {iri: Counter({(cls, name): len(articles)}) for iri, (cls, name, articles) in entities.items()}
    documents = {iri: articles for iri, (_, _, articles) in entities.items()}
    found = find_aliases(names, documents)
    assert find_aliases(dict(reversed(list(names.items()))), documents) == found
    return {(a.alias, a.entity, a.rule) for a in found}


def test_a_name_in_the_old_and_the_new_spelling_is_one_name():
    found = joins({
        "person/raden-soebandrio-tjokro": ("Person", "Raden Soebandrio Tjokro", {"d1"}),
        "person/raden-subandrio-cokro": ("Person", "Raden Subandrio Cokro", {"d2", "d3"}),
        person("soewarno", "d4"): ("Person", "Soewarno", {"d4"}),
        person("suwarno", "d5"): ("Person", "Suwarno", {"d5"}),
        person("suwarno", "d6"): ("Person", "Suwarno", {"d6"})})
    assert found == {("person/raden-soebandrio-tjokro", "person/raden-subandrio-cokro", "same name"),
                     (person("soewarno", "d4"), "person/suwarno", "one name"),   # named as most articles spell it
                     (person("suwarno", "d5"), "person/suwarno", "one name"),
                     (person("suwarno", "d6"), "person/suwarno", "one name")}


def test_initials_in_capitals_join_the_long_name_of_their_article_even_two_letters_or_a_given_name():
    found = joins({
        "org/bn": ("PoliticalParty", "BN", {"d1", "d2"}),
        "org/barisan-nasional": ("PoliticalParty", "Barisan Nasional", {"d1"}),
        "org/ira": ("ArmedGroup", "IRA", {"d3"}),                        # "ira" is also a given name
        "org/irish-republican-army": ("ArmedGroup", "Irish Republican Army", {"d3"}),
        "place/rs": ("Place", "RS", {"d4"}),
        "place/rs-siloam": ("Place", "RS Siloam", {"d4"})})
    assert found == {("org/bn", "org/barisan-nasional", "short form"),
                     ("org/ira", "org/irish-republican-army", "short form")}
    # "RS" is a word of "RS Siloam" (a hospital), not its initials


def test_a_nickname_cut_from_the_starts_of_words_joins_the_one_person_of_its_article():
    found = joins({
        person("vero", "d1"): ("Person", "Vero", {"d1"}),
        "person/veronika-tanaka": ("Person", "Veronika Tanaka", {"d1", "d2"}),
        "person/viktor-orban": ("Person", "Viktor Orban", {"d1"}),
        person("ridwan", "d3"): ("Person", "Ridwan", {"d3"}),
        "person/rizky-darmawan": ("Person", "Rizky Darmawan", {"d3"}),
        person("hakimi", "d4"): ("Person", "Hakimi", {"d4"}),
        "person/achraf-hakimy": ("Person", "Achraf Hakimy", {"d4"}),
        person("soekarno", "d5"): ("Person", "Soekarno", {"d5"}),
        "person/megawati-soekarnoputri": ("Person", "Megawati Soekarnoputri", {"d5"})})
    assert found == {(person("vero", "d1"), "person/veronika-tanaka", "nickname"),
                     (person("hakimi", "d4"), "person/achraf-hakimy", "spelling variant"),
                     (person("ridwan", "d3"), "person/ridwan", "one name"),
                     (person("soekarno", "d5"), "person/soekarno", "one name")}
    # the letters of Ridwan run through "Rizky Darmawan", but not from the starts of its words;
    # "Soekarnoputri" is Soekarno's daughter ("putri"), not Soekarno cut short: both stay apart


def test_a_name_without_its_middle_word_joins_the_one_longer_name_in_shared_context():
    found = joins({
        "person/cyril-ramaphosa": ("Person", "Cyril Ramaphosa", {"d1"}),
        "person/cyril-matamela-ramaphosa": ("Person", "Cyril Matamela Ramaphosa", {"d2"}),
        "org/anc": ("PoliticalParty", "ANC", {"d1", "d2"}),
        "person/john-smith": ("Person", "John Smith", {"d3"}),
        "person/john-paul-smith": ("Person", "John Paul Smith", {"d3"}),
        "person/john-henry-smith": ("Person", "John Henry Smith", {"d3"}),
        "org/un": ("InternationalOrganization", "UN", {"d3"}),
        "place/stasiun-senen": ("Facility", "Stasiun Senen", {"d4"}),
        "place/stasiun-pasar-senen": ("Facility", "Stasiun Pasar Senen", {"d4", "d5"}),
        "place/kota-mosul": ("City", "Kota Mosul", {"d6"}),
        "place/kota-tua-mosul": ("Place", "Kota Tua Mosul", {"d7"})})
    assert found == {("person/cyril-ramaphosa", "person/cyril-matamela-ramaphosa", "middle name"),
                     ("place/stasiun-senen", "place/stasiun-pasar-senen", "middle name")}
    # John Smith fits two longer names: neither; a place only when one article names both


def test_an_organisations_short_form_joins_the_one_long_name_of_the_corpus_it_is_cut_from():
    found = joins({
        "org/kemensos": ("GovernmentBody", "Kemensos", {"d1"}),
        "org/kementerian-sosial": ("GovernmentBody", "Kementerian Sosial", {"d2", "d3"}),
        "org/persib": ("SportsClub", "Persib", {"d4", "d5", "d6"}),
        "org/perusahaan-sibolga": ("Company", "Perusahaan Sibolga", {"d7"}),
        "org/kemenhut": ("GovernmentBody", "Kemenhut", {"d8"}),
        "org/kementerian-kehutanan": ("GovernmentBody", "Kementerian Kehutanan", {"d9"}),
        "org/kementerian-hutan": ("GovernmentBody", "Kementerian Hutan", {"d9"}),
        "org/anda": ("Organization", "Anda", {"d10"}),
        "org/angkatan-darat": ("Military", "Angkatan Darat", {"d11", "d12"})})
    assert found == {("org/kemensos", "org/kementerian-sosial", "unique short form")}
    # Persib, named in more articles than the one long name it fits, is a name of its own;
    # Kemenhut fits two long names of the corpus: neither; "Anda" (you) has too little of
    # "Angkatan" to be cut from it
