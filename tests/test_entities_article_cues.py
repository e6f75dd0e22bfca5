"""Names typed over the whole article by cue words (a series, an actor), an abbreviated rank, a verb
of quoting before an outlet, and a ministry's short form."""
from __future__ import annotations

from test_entities import ents, mentions_with_model, nlp  # noqa: F401  (the rules-only fixture)


def test_a_cue_opening_a_sentence_counts_too():
    """"Serial Casa Blanca": a capitalised cue at the start of a sentence says what the name is."""
    found = mentions_with_model("Serial Casa Blanca tayang di Bogota . Aktor itu tidak lagi tampil di Casa Blanca .",
                                [("Casa Blanca", "LOC"), ("Casa Blanca", "LOC")])
    assert not [m for m in found if "Blanca" in m[0]]


def test_an_actor_played_by_is_a_person_also_where_the_model_read_an_organisation():
    found = mentions_with_model("Tokoh jenderal itu diperankan oleh Kagiso Mokoena dalam film tentang kudeta di Lesotho .",
                                [("Kagiso Mokoena", "ORG")])
    assert ("Kagiso Mokoena", "Person") in found


def test_an_organisation_without_a_person_cue_stays_an_organisation():
    found = mentions_with_model("Kagiso Mining menutup tambang di Lesotho setelah protes buruh .",
                                [("Kagiso Mining", "ORG")])
    assert ("Kagiso Mining", "Organization") in found


def test_an_abbreviated_captain_is_a_rank_not_a_name(nlp):  # noqa: F811
    """"Presiden KPI Capt . Juma Otieno": "Capt" is his rank, no name of its own."""
    doc = nlp("Kapal itu ditahan di Mombasa , kata Presiden KPI Capt . Juma Otieno kepada wartawan .")
    assert [(e.text, e.label_, e._.role) for e in doc.ents if e.label_ == "Person"] == [("Juma Otieno", "Person", "Presiden")]


def test_a_ministry_named_by_its_short_form_alone_is_a_government_body(nlp):  # noqa: F811
    found = ents(nlp, "Anak-anak itu dibina di panti milik Kemensos , sedangkan Kemenpora menunda acara di Ambon .")
    assert ("Kemensos", "GovernmentBody") in [e[:2] for e in found]
    assert ("Kemenpora", "GovernmentBody") in [e[:2] for e in found]


def test_a_verb_of_quoting_opening_the_sentence_is_no_part_of_the_name():
    """"Melansir Billboard, ...": the outlet is "Billboard"."""
    found = mentions_with_model("Melansir Daily Nation , polisi Kenya menahan dua wartawan di Nairobi .",
                                [("Melansir Daily Nation", "ORG")])
    assert ("Daily Nation", "Organization") in found
    assert not [m for m in found if m[0].startswith("Melansir")]
