"""Events whose actors are common nouns (jurnalis, wartawan) or a pronoun that points back to the one
person of the sentence before; no group from a legal status or a trade ("tersangka", "pelaku usaha").
Sentences about other countries and crises."""
from __future__ import annotations

from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)


def roles(event, ext):
    return names(ext, event.agents), names(ext, event.targets)


def test_a_legal_status_or_a_trade_is_no_group(pipeline):
    """"ditetapkan sebagai tersangka" says what a person is; "pelaku pasar" are traders, not culprits."""
    doc = pipeline("Jaksa Kenya menetapkan mantan menteri itu sebagai tersangka . Pelaku pasar di Nairobi "
                   "menunggu putusan hakim .")
    assert not [e.text for e in doc.ents if e.label_ == "Group" and e.text.lower() in ("tersangka", "pelaku")]


def test_violence_against_a_group_befalls_it(read):
    ext = read("Kelompok itu mengecam kekerasan terhadap jurnalis di Filipina.")
    assert roles(of(ext, "ViolenceAgainstCivilians")[0], ext) == ([], ["jurnalis"])


def test_an_opening_pronoun_stands_for_the_one_person_of_the_sentence_before(read):
    ext = read("Mantan presiden Peru Alberto Fujimori ditahan pada 2007. "
               "Dia divonis 25 tahun penjara dua tahun kemudian.")
    assert names(ext, of(ext, "PolicyMeasure")[0].targets) == ["Alberto Fujimori"]


def test_a_pronoun_after_two_people_stays_unresolved(read):
    ext = read("Alberto Fujimori bertemu Keiko Fujimori di Lima pada 2007. "
               "Dia divonis 25 tahun penjara dua tahun kemudian.")
    assert of(ext, "PolicyMeasure")[0].targets == []


def test_the_object_of_a_relative_clause_is_not_the_subject(read):
    ext = read("Warga yang melihat Juan Santos membawa parang langsung melaporkannya ke polisi Manila.")
    assert [names(ext, [e.speaker]) for e in of(ext, "Statement")] == [["Warga"]]


def test_the_attacker_is_not_the_victim_of_the_attack(read):
    ext = read("Polisi Filipina mengatakan Juan Santos membacok korban dengan parang hingga korban mengalami luka "
               "di kepala.")
    assert names(ext, of(ext, "ViolenceAgainstCivilians")[0].agents) == ["Juan Santos"]
    assert [names(ext, e.targets) for e in of(ext, "Casualties")] == [[]]


def test_they_stand_for_the_one_group_of_the_sentence_before(read):
    ext = read("Ribuan buruh berkumpul di Nairobi pada Senin. Mereka kemudian ditangkap polisi.")
    assert roles(of(ext, "Detention")[0], ext) == (["polisi"], ["buruh"])
