"""A crisis word's other sense, told by the words beside it: a pest's attack, a meteor caught on camera, an
engine's combustion, a wounded heart, troops on a raid, one man's complaint, a night shift. Each is no crisis
event; the crisis sense of the same word, beside other words, stays one."""
from __future__ import annotations

from test_events import of, pipeline, read  # noqa: F401  (fixtures)


def test_a_pests_or_an_animals_attack_is_no_clash(read):
    ext = read("Pusat rehabilitasi di Queensland merawat anak-anak koala yang sakit akibat serangan kutu. "
               "Dua pendaki di Taman Nasional Yellowstone diserang kawanan lebah.")
    assert of(ext, "ArmedClash") == [] and of(ext, "ViolenceAgainstCivilians") == []


def test_an_armed_attack_is_kept(read):
    ext = read("Kelompok bersenjata menyerang pos militer di perbatasan Mali pada Selasa.")
    assert of(ext, "ArmedClash") or of(ext, "ViolenceAgainstCivilians")


def test_what_a_camera_or_an_astronomer_catches_is_no_arrest(read):
    ext = read("Astronom di Chile berhasil menangkap ada komet melintas di atas gurun Atacama. "
               "Kamera pengawas menangkap cahaya terang di langit Oslo.")
    assert of(ext, "Detention") == []


def test_robbers_caught_by_the_police_are_an_arrest(read):
    ext = read("Polisi Kenya menangkap 5 perampok bank di Nairobi.")
    assert of(ext, "Detention")


def test_combustion_in_an_engine_or_a_kiln_is_no_riot(read):
    ext = read("Kendaraan tempur buatan Swedia itu memakai mesin pembakaran internal berbahan bakar solar. "
               "Suhu tungku pembakaran keramik di Jingdezhen mencapai 1.300 derajat.")
    assert of(ext, "Riot") == []


def test_a_crowd_burning_a_police_station_is_a_riot(read):
    ext = read("Massa membakar kantor polisi di Port Moresby setelah seorang pemuda tewas ditembak.")
    assert of(ext, "Riot")


def test_a_wounded_heart_or_a_fear_of_injury_is_no_casualty(read):
    ext = read("Ucapan menteri itu melukai perasaan warga Filipina. "
               "Orang yang takut terluka sering menjauh dari pasangannya.")
    assert of(ext, "Casualties") == []


def test_people_wounded_in_a_blast_are_casualties(read):
    ext = read("Tujuh orang terluka dalam ledakan di pasar Kabul pada Senin.")
    assert of(ext, "Casualties")


def test_a_raid_on_a_mission_of_troops_is_no_riot(read):
    ext = read("Helikopter itu dirancang untuk misi penyerbuan ke sasaran di medan sulit. "
               "Pasukan komando menyerbu markas kelompok itu di Mogadishu.")
    assert of(ext, "Riot") == []


def test_one_mans_complaint_is_no_protest_but_residents_protesting_are(read):
    ext = read("Pada kontes itu, dia protes karena merasa juri tidak adil.")
    assert of(ext, "Protest") == []
    ext = read("Ratusan warga memprotes penggusuran permukiman di Lagos.")
    assert of(ext, "Protest")


def test_a_night_shift_is_no_curfew_but_a_curfew_imposed_is(read):
    ext = read("Perawat itu bekerja di jam malam di rumah sakit Lima.")
    assert of(ext, "EmergencyMeasure") == []
    ext = read("Pemerintah Sri Lanka memberlakukan jam malam di Kandy setelah kerusuhan.")
    assert of(ext, "EmergencyMeasure")


def test_tears_or_heat_held_back_are_no_detention_but_a_suspect_held_is(read):
    ext = read("Penyanyi asal Manila itu berbicara sambil menahan tangis. "
               "Lapisan garam itu berguna untuk menahan panas di dalam daging.")
    assert of(ext, "Detention") == []
    ext = read("Polisi Bolivia menahan tiga tersangka pembunuhan wartawan di La Paz.")
    assert of(ext, "Detention")


def test_a_short_transfer_report_holds_no_meeting(read):
    ext = read("Agen sang pemain bertemu dengan petinggi Porto di Lisbon. Klub itu menawar 20 juta euro, "
               "sementara pelatih ingin dia tampil di liga musim depan.")
    assert of(ext, "Meeting") == []


def test_a_company_meeting_a_ministry_in_a_short_technology_report_is_a_meeting(read):
    ext = read("Perwakilan perusahaan aplikasi itu melakukan pertemuan dengan Kementerian Digital Malaysia di "
               "Putrajaya. Aplikasi dan platform itu diunduh jutaan pengguna ponsel.")
    assert of(ext, "Meeting")
