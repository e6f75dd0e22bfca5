"""Who speaks: a statement names its speaker only on evidence from the text, and none when the
evidence is unclear (a missing speaker costs less than a wrong one). Sentences about other
countries and crises."""
from __future__ import annotations

import pytest
from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)


def said(ext):
    """(sentence, speaker) of each statement; None for a statement with no speaker."""
    return [(e.sentence, names(ext, [e.speaker])[0] if e.speaker is not None else None) for e in of(ext, "Statement")]


def test_a_pronoun_points_back_to_the_person_a_later_sentence_opens_with(read):
    ext = read("“Kami menolak hasil pemilu,” kata pemimpin oposisi Kizza Besigye.\n"
               "Sementara itu, Menteri Dalam Negeri Uganda Kahinda Otafiire mengaku belum menerima laporan resmi.\n"
               "“Semua berjalan sesuai hukum,” ujarnya.")
    assert said(ext) == [(0, "Kizza Besigye"), (1, "Kahinda Otafiire"), (2, "Kahinda Otafiire")]   # "mengaku": a claim


@pytest.mark.parametrize("between", [
    "Robert Kyagulanyi akhirnya dibebaskan polisi pada Kamis.",     # the person who opens it undergoes
    "Seorang sopir truk mengatakan jalan menuju bandara diblokade.",  # someone unnamed speaks
])
def test_no_speaker_for_a_pronoun_whose_antecedent_is_unclear(read, between):
    ext = read(f"“Kami akan bertahan,” kata pemimpin oposisi Kizza Besigye.\n{between}\n“Kondisinya baik,” tuturnya.")
    assert said(ext) == [(0, "Kizza Besigye")]


def test_kata_dia_is_the_last_speaker_speaking_again(read):
    ext = read("“Kami menahan 20 orang,” kata Kapolres Jayapura AKBP Victor Mackbon.\n"
               "Dalam kasus ini, kata dia, polisi juga menyita dua pucuk senjata api.")
    assert said(ext) == [(0, "Victor Mackbon"), (1, "Victor Mackbon")]


def test_a_description_of_the_last_speaker_is_not_the_person_named_in_its_clause(read):
    ext = read("“Klien kami tidak bersalah,” kata Omar Hassan.\n"
               "Setelah polisi memeriksa Ahmed Salah, sang pengacara sempat mengimbau agar kliennya dibebaskan.")
    assert said(ext) == [(0, "Omar Hassan"), (1, "Omar Hassan")]


@pytest.mark.parametrize("text", [
    "Dilansir Reuters, perusahaan tambang itu mengumumkan penutupan tambang di Katanga.",   # a cited outlet
    "Menurut survei Gallup, Emmanuel Macron memenangi debat itu.",                         # a poll
    "Melalui akun Twitter -nya, penyanyi 20 tahun ini mengumumkan konser amal.",            # a channel
    "Sebut saja layanan WhatsApp Business yang ditujukan untuk pelaku usaha.",              # "for example"
    "Data itu menurut Direktur Jenderal Imigrasi dan Kependudukan Nasional sudah diperbarui.",  # a name cut at "dan"
])
def test_no_speaker_from_an_outlet_a_poll_a_channel_or_a_cut_name(read, text):
    assert [speaker for _, speaker in said(read(text)) if speaker is not None] == []
