"""Events that happened, of the right type (issue 17): a meeting still to be held is planned, not held; a
myth, a song or a gathering for shelter is no crisis; parliament's sittings, lobbies and hearings are
meetings, and a by-election to a seat or a leadership vote is a change of office. Sentences about other
countries' politics and crises."""
from __future__ import annotations

from datetime import date

from test_events import of, read, pipeline  # noqa: F401  (fixtures)
from test_sense import crisis_events

from kg.evaluate import asserted


def test_a_meeting_yet_to_be_held_is_not_asserted(read):
    ext = read("Menteri Luar Negeri Peru Ana Cecilia Gervasi dijadwalkan berangkat ke Quito pekan ini. "
               "Menurut juru bicara kementerian, dalam pertemuan itu Gervasi akan meminta penjelasan dari "
               "pemerintah Ekuador. Presiden Guillermo Lasso direncanakan mengadakan sejumlah pertemuan dengan "
               "para menteri.", date(2022, 5, 2))
    meetings = of(ext, "Meeting")
    assert [m.modality for m in meetings] == ["future", "plan"]
    assert not any(asserted(m) for m in meetings)


def test_a_meeting_held_where_parties_agree_on_the_future_is_asserted(read):
    ext = read("Menteri Pertahanan Filipina Delfin Lorenzana bertemu Menteri Pertahanan Jepang di Tokyo. "
               "Dalam pertemuan itu, kedua menteri sepakat akan meningkatkan latihan bersama.", date(2022, 5, 2))
    assert [m.modality for m in of(ext, "Meeting")] == [None, None]


def test_neither_nor_denies_both(read):
    ext = read("Badan Meteorologi Chile menyatakan gempa dirasakan di Santiago, tetapi tidak ada kerusakan "
               "maupun korban jiwa yang dilaporkan.", date(2021, 7, 1))
    casualties, = of(ext, "Casualties")
    assert casualties.negated and not asserted(casualties)


def test_other_senses_the_words_beside_a_trigger_tell(read):
    ext = read("Band asal Oslo itu merilis satu demo pada 1991 yang berisi empat lagu. "
               "Kelompok itu dikenal lewat lagu protes tentang kemiskinan. "
               "Ratusan warga berkumpul di sebuah gereja di Goma untuk mencari perlindungan. "
               "Pemerintah kota Jaipur mengerahkan monyet untuk mengusir monyet-monyet lain. "
               "Kota itu kemudian ditunjuk sebagai tuan rumah Olimpiade. "
               "Orator itu membakar massa dengan pidatonya. "
               "Raja itu jatuh sakit dan meninggal dunia sehari kemudian. "
               "Lulusan akademi itu dilantik sebagai letnan dua. "
               "Dalam mitologi Yunani, sang pahlawan membunuh raksasa itu. "
               "Sel darah putih membunuh bakteri yang masuk ke tubuh. "
               "Merek ponsel asal Shenzhen itu menyerang pasar India. "
               "Pasukan pemerintah Sudan dipukul mundur dari Kota Kaya.", date(2021, 7, 1))
    assert crisis_events(ext) == []


def test_an_arrest_the_police_find_hard_is_not_asserted(read):
    ext = read("Pelaku terlalu kuat sehingga polisi Kenya kesulitan untuk menangkapnya di Nairobi.", date(2021, 7, 1))
    detention, = of(ext, "Detention")
    assert detention.modality == "attempt" and not asserted(detention)


def test_parliament_sittings_lobbies_and_hearings_are_meetings(read):
    ext = read("Komisi Pertahanan Parlemen Filipina menggelar rapat dengar pendapat dengan Menteri Pertahanan "
               "Delfin Lorenzana di Manila. Sidang dipimpin Ketua Komisi Pertahanan Parlemen Ronaldo Zamora. "
               "Dua fraksi memilih walkout dari forum lobi fraksi-fraksi. Uji kelayakan calon Panglima "
               "Angkatan Bersenjata digelar Komisi Pertahanan Parlemen.", date(2022, 5, 2))
    meetings = of(ext, "Meeting")
    assert len(meetings) == 4 and all(asserted(m) for m in meetings)


def test_talks_with_a_counterpart_and_a_summons_to_parliament_are_meetings(read):
    ext = read("Menteri Pertahanan Filipina Delfin Lorenzana membicarakan keamanan maritim dengan Menteri "
               "Pertahanan Jepang Nobuo Kishi. Komisi Pertahanan Parlemen Filipina memanggil Lorenzana ke "
               "parlemen. Usul itu belum dibicarakan dengan baik di partai.", date(2022, 5, 2))
    assert [(m.sentence, asserted(m)) for m in of(ext, "Meeting")] == [(0, True), (1, True)]


def test_a_court_hearing_a_hotel_lobby_and_a_closed_door_are_no_meetings(read):
    ext = read("Sidang perdana terdakwa kasus korupsi itu digelar di Pengadilan Negeri Manila. "
               "Para tamu menunggu di lobi hotel di Makati. Pintu gudang itu ditutup rapat oleh warga.",
               date(2022, 5, 2))
    assert of(ext, "Meeting") == []


def test_elections_to_office_and_replacements_of_a_member(read):
    ext = read("Partai Liberal bergabung ke koalisi pemerintah pada pemilihan pimpinan Senat Filipina. "
               "Suap itu terkait dengan terpilihnya Maria Santos sebagai Deputi Gubernur Bank Sentral. "
               "Partai itu mengajukan pergantian antar waktu anggota parlemen Jose Reyes.", date(2022, 5, 2))
    changes = of(ext, "LeadershipChange")
    assert len(changes) == 3 and all(asserted(c) for c in changes)


def test_rocket_fire_is_a_strike_from_afar_not_a_clash(read):
    ext = read("Tembakan roket dari Suriah menghantam Dataran Tinggi Golan, tetapi tidak ada laporan korban.",
               date(2014, 8, 24))
    assert [e.cls for e in ext.events if e.cls != "Statement"] == ["Bombing"]
