"""Statements that news tells with tags after a quote, pronouns after the verb and verbs of claiming."""
from __future__ import annotations

from datetime import date

import pytest

from kg.pipeline import extract_documents
from kg.records import Document


@pytest.fixture(scope="module")
def read():
    def run(text: str):
        [ext] = extract_documents([Document("t", text, published=date(2023, 5, 2))])
        return ext
    return run


def spoken(ext) -> list[tuple[int, str, str | None]]:
    """(sentence, trigger, speaker) of each statement."""
    return [(e.sentence, e.trigger, ext.mentions[e.speaker].text if e.speaker is not None else None)
            for e in ext.events if e.cls == "Statement"]


def test_a_pronoun_after_a_tag_is_the_last_speaker(read):
    ext = read("Menteri Dalam Negeri Kenya Kithure Kindiki mengatakan polisi menahan 40 pengunjuk rasa.\n"
               "“Mereka merusak fasilitas umum di Nairobi,” kata dia.\n"
               "Menurut dia, pemerintah tidak akan menoleransi kekerasan.")
    assert spoken(ext) == [(0, "mengatakan", "Kithure Kindiki"), (1, "kata", "Kithure Kindiki"),
                           (2, "Menurut", "Kithure Kindiki")]


def test_a_pronoun_inside_a_clause_is_no_speaker(read):
    ext = read("Pengacara Imran Khan menyatakan kliennya akan mengajukan banding.\n"
               "Dari rekaman itu sudah jelas dia tidak bersalah.")
    assert [s[0] for s in spoken(ext)] == [0]


def test_verbs_that_tag_a_quote_or_an_inserted_clause(read):
    ext = read("“Kami akan terus berunjuk rasa sampai tuntutan kami dipenuhi,” tandas Evo Morales.\n"
               "Aksi itu, lanjut Evo Morales, akan digelar di La Paz.\n"
               "“Pemerintah harus mendengar rakyat,” pungkasnya.")
    assert spoken(ext) == [(0, "tandas", "Evo Morales"), (1, "lanjut", "Evo Morales"),
                           (2, "pungkasnya", "Evo Morales")]


def test_tag_words_elsewhere_say_nothing(read):
    ext = read("Lebih lanjut Presiden Gabriel Boric belum memberi keterangan.\n"
               "Sesi tanya jawab dengan Menteri Carolina Tohá dibatalkan.\n"
               "Kerusuhan itu menjadi tanggung jawab Gubernur Claudio Orrego.")
    assert spoken(ext) == []


def test_a_question_and_its_answer_name_their_speakers(read):
    ext = read("“Berapa korban yang sudah dievakuasi?” tanya Presiden Ferdinand Marcos kepada Gubernur Ben Evardone.\n"
               "“Sudah 200 keluarga,” jawabnya.\n"
               "“Sebagian masih di pengungsian,” jawab seorang relawan kepada Marcos.")
    # the answer is not the asker's, and "kepada X" names whom it is said to
    assert spoken(ext) == [(0, "tanya", "Ferdinand Marcos")]


def test_claims_and_explanations_are_statements(read):
    ext = read("Juru bicara militer Myanmar Zaw Min Tun mengaku pasukannya menembak dua warga di Sagaing.\n"
               "Zaw Min Tun menuturkan bahwa kedua warga itu membawa senjata.\n"
               "Ia menekankan bahwa penyelidikan sedang berlangsung.\n"
               "Pemerintah Persatuan Nasional menyambut baik penyelidikan itu.")
    assert spoken(ext) == [
        (0, "mengaku", "Zaw Min Tun"), (1, "menuturkan", "Zaw Min Tun"), (2, "menekankan", "Zaw Min Tun"),
        (3, "menyambut baik", "Pemerintah Persatuan Nasional")]


def test_who_claims_an_attack_still_takes_part_in_it(read):
    ext = read("Pemberontak Houthi mengaku diserang pesawat tempur di Hodeidah.")
    [claim] = [e for e in ext.events if e.cls == "Statement"]
    [attack] = [e for e in ext.events if e.cls != "Statement"]
    assert claim.trigger == "mengaku" and claim.speaker in attack.targets + attack.participants


def test_a_claim_in_a_relative_clause_of_unnamed_people(read):
    ext = read("Menteri Informasi Pakistan Marriyum Aurangzeb mengatakan, banyak orang yang mengaku wartawan memeras pejabat.")
    assert spoken(ext) == [(0, "mengatakan", "Marriyum Aurangzeb")]
