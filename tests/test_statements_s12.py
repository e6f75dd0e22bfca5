"""Statements and their speakers, stated only when sure: a passive verb of saying names its speaker
after it; a relative clause, a list, a cut name or an anonymous source is no speaker. Sentences about
other countries and crises."""
from __future__ import annotations

import pytest
from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)
from test_statements import said


def test_a_passive_verb_of_saying_names_the_person_after_it(read):
    ext = read("Pernyataan itu disampaikan oleh Menteri Luar Negeri Filipina Teodoro Locsin di Manila, Senin.")
    assert said(ext) == [(0, "Teodoro Locsin")]


@pytest.mark.parametrize("text", [
    "Pesan itu disampaikan kepada Presiden Filipina Rodrigo Duterte di Manila.",     # spoken to
    "Tuntutan itu disampaikan dalam pertemuan dengan Perdana Menteri Thailand Prayut Chan-o-cha.",
    "Keberatan yang disampaikan Presiden Kenya Uhuru Kenyatta ditolak Mahkamah Agung.",   # within another's words
])
def test_a_passive_verb_of_saying_names_no_one_it_is_said_to(read, text):
    assert [speaker for _, speaker in said(read(text)) if speaker is not None] == []


def test_the_person_a_relative_clause_is_about_speaks_not_those_it_names(read):
    ext = read("Ketua Komisi Pemilihan Kenya Wafula Chebukati yang didampingi dua anggotanya, Roselyn Akombe "
               "dan Consolata Maina mengatakan penghitungan suara akan diulang.")
    assert said(ext) == [(0, "Wafula Chebukati")]


@pytest.mark.parametrize("text", [
    "Kepala Staf Angkatan Darat Thailand Apirat Kongsompong tiba di Bangkok.\n"
    "Artinya, menurut sumber tersebut pemerintah Myanmar itu tidak akan mengirim delegasi.",   # an anonymous source
    "Duta Besar Korea Utara untuk Perserikatan Bangsa - bangsa di New York mengatakan negaranya "
    "tidak dapat membayar iuran.",                                                          # a name cut at a hyphen
    "Wakil Presiden Filipina Leni Robredo mengkritik pemerintah.\n"
    "Mereka adalah Maria Ressa, Chel Diokno, Leila de Lima, dan kelompok Karapatan.\n"
    "Mereka pun mendesak agar darurat militer di Mindanao dicabut.",                        # one of a list
])
def test_no_speaker_from_an_anonymous_source_a_cut_name_or_one_of_a_list(read, text):
    assert [speaker for sentence, speaker in said(read(text)) if sentence == text.count("\n")] == []


def test_a_word_that_starts_like_a_verb_of_saying_makes_no_statement(read):
    ext = read("Kelompok oposisi Venezuela menilai pemerintah telah menyalahi prosedur dalam menerbitkan "
               "dekrit darurat.")
    assert "menyalahi" not in [e.trigger for e in of(ext, "Statement")]


def test_praise_is_a_statement_of_whom_it_names(read):
    ext = read("Menteri Luar Negeri Jepang, Taro Kono, memuji langkah Korea Selatan membuka perundingan.")
    assert said(ext) == [(0, "Taro Kono")]


def test_a_body_one_of_whose_members_speaks_is_not_the_speaker(read):
    ext = read("Anggota parlemen dari partai Fidesz, Zoltan Kovacs, juga mengatakan pemungutan suara ditunda.")
    assert "parlemen" not in [speaker for _, speaker in said(ext)]
