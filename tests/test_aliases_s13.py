"""One person, one node (kg.resolve.aliases): the evidence that joins another article's short name or
spelling to a full name, and the namesakes that must stay apart whatever order articles come in."""
from __future__ import annotations

import pytest
from test_aliases_recall import joins, person
from test_identity import write


def test_articles_that_both_know_a_person_by_one_word_share_him_as_context():
    found = joins({
        "person/mevlut-cavusoglu": ("Person", "Mevlut Cavusoglu", {"d1"}),
        "person/mevlut-cavushoglu": ("Person", "Mevlut Cavushoglu", {"d2"}),
        person("erdogan", "d1"): ("Person", "Erdogan", {"d1"}),
        person("erdogan", "d2"): ("Person", "Erdogan", {"d2"}),
        "person/abdul-azis": ("Person", "Abdul Azis", {"d3"}),
        "person/abdul-aziz": ("Person", "Abdul Aziz", {"d4"}),
        person("muhammad", "d3"): ("Person", "Muhammad", {"d3"}),
        person("muhammad", "d4"): ("Person", "Muhammad", {"d4"})})
    assert ("person/mevlut-cavusoglu", "person/mevlut-cavushoglu", "spelling variant") in found
    assert not {a for a, b, _ in found} & {"person/abdul-azis", "person/abdul-aziz"}
    # two articles that each name a Muhammad share no one: Abdul Azis and Abdul Aziz stay two men


def test_a_pair_of_names_joined_by_a_dash_is_no_ones_full_name():
    found = joins({
        "person/lula-alckmin": ("Person", "Lula - Alckmin", {"d1"}),
        "person/geraldo-alckmin": ("Person", "Geraldo Alckmin", {"d2"}),
        person("alckmin", "d3"): ("Person", "Alckmin", {"d3"}),
        "org/partai-sosialis-brasil": ("PoliticalParty", "Partai Sosialis Brasil", {"d1", "d2", "d3"})})
    assert found == {(person("alckmin", "d3"), "person/geraldo-alckmin", "word of a name")}


def test_two_people_sharing_a_surname_stay_apart_and_so_does_the_surname_alone():
    found = joins({
        "person/raul-castro": ("Person", "Raul Castro", {"d1"}),
        "person/fidel-castro": ("Person", "Fidel Castro", {"d2"}),
        person("castro", "d3"): ("Person", "Castro", {"d3"}),
        "org/partai-komunis-kuba": ("PoliticalParty", "Partai Komunis Kuba", {"d1", "d2", "d3"})})
    assert found == set()     # "Castro" fits both in context: neither


@pytest.mark.parametrize("short, long, expected", [
    ("Kominfo", "kementerian komunikasi dan informatika", True),     # the head word left out
    ("Komdigi", "kementerian komunikasi dan digital", True),
    ("Kemenkominfo", "kementerian komunikasi dan informatika", True),
    ("Sosial", "kementerian sosial", False),                         # one word left is no short form
    ("Pemkor", "komisi pemberantasan korupsi", False),               # "komisi" is no head word to leave out
])
def test_a_body_s_short_form_may_leave_out_its_head_word(short, long, expected):
    from kg.resolve.entities import short_form_of

    assert short_form_of(short, long) is expected


def test_a_body_is_one_whether_its_head_is_cut_and_its_place_named_short_or_long():
    found = joins({
        "org/kedubes-as": ("GovernmentBody", "Kedubes AS", {"d1"}),
        "org/kedutaan-besar-amerika-serikat": ("GovernmentBody", "Kedutaan Besar Amerika Serikat", {"d2"}),
        "org/konsulat-jenderal-as": ("GovernmentBody", "Konsulat Jenderal AS", {"d3"}),
        "org/pemerintah-as": ("GovernmentBody", "Pemerintah AS", {"d4"}),
        "org/pemerintah-amerika-serikat": ("GovernmentBody", "Pemerintah Amerika Serikat", {"d5"}),
        "org/pemkab-bogor": ("GovernmentBody", "Pemkab Bogor", {"d6"}),
        "org/pemkot-bogor": ("GovernmentBody", "Pemkot Bogor", {"d7"})})
    assert found == {("org/kedubes-as", "org/kedutaan-besar-amerika-serikat", "same body"),
                     ("org/pemerintah-as", "org/pemerintah-amerika-serikat", "same body")}
    # a consulate is not the embassy, and the regency's government is not the city's


def test_a_places_short_form_joins_the_long_name_of_another_article_in_shared_context():
    found = joins({
        "place/jaksel": ("City", "Jaksel", {"d1"}),
        "place/jakarta-selatan": ("City", "Jakarta Selatan", {"d2"}),
        "org/kpu": ("GovernmentBody", "KPU", {"d1", "d2"}),
        "place/sumba": ("Place", "Sumba", {"d3"}),
        "place/sumatera-barat": ("Region", "Sumatera Barat", {"d4"})})
    assert found == {("place/jaksel", "place/jakarta-selatan", "unique short form")}
    # Sumba looks cut from Sumatera Barat, but their articles share no one: an island of its own


ARTICLES = [
    ("brazil-a", "2024-04-03", "Wakil Presiden Brasil Geraldo Alckmin bertemu pimpinan Partai Sosialis Brasil "
     "di Brasilia pada Senin (1/4). Geraldo Alckmin mengatakan pemerintah akan menaikkan anggaran bantuan banjir."),
    ("brazil-b", "2024-04-04", "Alckmin menyatakan Partai Sosialis Brasil mendukung rencana itu dalam rapat di "
     "Sao Paulo, Selasa (2/4). Menurut Alckmin, dana itu cair pekan depan."),
    ("cuba-a", "2024-04-05", "Mantan Presiden Kuba Raul Castro menghadiri kongres Partai Komunis Kuba di Havana "
     "pada Kamis (4/4)."),
    ("cuba-b", "2024-04-06", "Partai Komunis Kuba mengenang Fidel Castro dalam upacara di Santiago de Cuba, "
     "Jumat (5/4)."),
]


def entities_by_name(tmp_path, articles) -> dict[tuple[str, str], str]:
    from kg.pipeline import build
    from kg.store import GraphStore
    from kg.vocab import sparql_prefixes

    tmp_path.mkdir()
    build([write(tmp_path / "a.jsonl", articles)], tmp_path / "store", jobs=1)
    store = GraphStore(tmp_path / "store").open_read()
    return {(r["d"].value.rsplit("/", 1)[-1], r["m"].value): r["e"].value for r in store.query(
        sparql_prefixes() + """SELECT ?d ?m ?e WHERE { GRAPH ?g {
            [] nif:anchorOf ?m ; itsrdf:taIdentRef ?e ; nif:referenceContext ?d } }""")}


def test_another_articles_surname_joins_the_full_name_and_namesakes_stay_apart_in_any_order(tmp_path):
    forward = entities_by_name(tmp_path / "f", ARTICLES)
    assert forward[("brazil-b", "Alckmin")] == forward[("brazil-a", "Geraldo Alckmin")]
    assert forward[("cuba-a", "Raul Castro")] != forward[("cuba-b", "Fidel Castro")]
    assert entities_by_name(tmp_path / "r", ARTICLES[::-1]) == forward
