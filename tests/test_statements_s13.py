"""Statements reported as nouns of saying, more verbs of saying, and whom a later pronoun points back
to: each with the speaker the sentence gives, or none. Sentences about other countries and crises."""
from __future__ import annotations

import pytest
from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)
from test_statements import said


def test_a_noun_of_saying_names_the_person_after_it(read):
    ext = read("Partai oposisi menolak pernyataan Menteri Luar Negeri Filipina Teodoro Locsin soal Laut China Selatan.")
    assert said(ext) == [(0, "Teodoro Locsin")]


def test_a_noun_of_saying_before_a_country_is_no_statement(read):
    assert said(read("Warga Palestina menentang pengakuan Amerika Serikat atas Yerusalem sebagai ibu kota Israel.")) == []


def test_a_person_named_by_a_noun_of_saying_is_not_whom_the_next_pronoun_points_to(read):
    ext = read("Wakil Presiden Kenya William Ruto mengatakan hal itu.\n"
               "Menteri Dalam Negeri Fred Matiang'i menilai pengakuan Anne Waiguru merusak citra partai.\n"
               "Ia juga mempermasalahkan kenapa Anne Waiguru baru bicara sekarang.")
    assert (2, "Fred Matiang'i") in said(ext) and (2, "Anne Waiguru") not in said(ext)


@pytest.mark.parametrize("text, speaker", [
    ("Menteri Pertahanan Filipina Delfin Lorenzana memastikan akan mengirim pasukan tambahan ke Marawi.",
     "Delfin Lorenzana"),
    ("Hal itu dikemukakan Menteri Dalam Negeri Malaysia Hamzah Zainudin di Kuala Lumpur, Senin.", "Hamzah Zainudin"),
    ("Presiden Sri Lanka Gotabaya Rajapaksa menyesalkan kerusuhan di Kolombo.", "Gotabaya Rajapaksa"),
])
def test_more_verbs_of_saying(read, text, speaker):
    assert said(read(text)) == [(0, speaker)]


@pytest.mark.parametrize("text", [
    "Ribuan polisi Filipina dikerahkan untuk memastikan keamanan pemilu di Marawi.",     # to be done, not said
    "Tim nasional Thailand memastikan diri lolos ke final Piala AFF.",                   # secured, not said
])
def test_a_verb_of_saying_in_another_sense_is_no_statement(read, text):
    assert said(read(text)) == []


def test_a_tag_after_a_question_mark_points_back(read):
    ext = read("Perdana Menteri Thailand Prayut Chan-o-cha mengatakan pemilu akan digelar tahun depan.\n"
               "Lagi pula, apakah oposisi pasti benar? ujar dia.")
    assert said(ext) == [(0, "Prayut Chan-o-cha"), (1, "Prayut Chan-o-cha")]


def test_a_person_set_off_after_a_description_naming_a_party_is_whom_a_pronoun_points_to(read):
    ext = read("Politisi senior Partai Buruh Inggris, Jeremy Corbyn, berpendapat bahwa evaluasi harus dilakukan.\n"
               "Menurut dia, dinamika politik berubah.")
    assert said(ext) == [(1, "Jeremy Corbyn")]


def test_a_place_saying_where_the_speaker_is_is_no_speaker(read):
    assert said(read("Pimpinan gereja di Jerman dan Austria pada tahun 2005 menyesalkan kegagalan itu.")) == []


def test_a_name_in_a_list_is_not_whom_the_next_pronoun_points_to(read):
    ext = read("Menteri Keuangan Jepang Taro Aso tiba di Jakarta.\n"
               "Hadir pula para petinggi Partai Buruh Inggris, Jeremy Corbyn, Keir Starmer dan Tony Blair.\n"
               "Untuk meningkatkan ekspor ini katanya, perlu adanya regulasi.")
    assert said(ext) == [(2, "Taro Aso")]
