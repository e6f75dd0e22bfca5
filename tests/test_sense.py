"""Sense and realis: sport, health and fiction make no crisis event; conditions, questions, fears and
plans are not asserted; spokespeople speak for their party; datelines and model names are no actors
or counts. Sentences about other countries and crises, and of the kinds the judged sample found wrong."""
from __future__ import annotations

from datetime import date

from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)

from kg.evaluate import asserted

CRISIS = {"Protest", "Riot", "ArmedClash", "Bombing", "ViolenceAgainstCivilians", "Detention", "Casualties",
          "MilitaryDeployment", "LeadershipChange", "Meeting", "PolicyMeasure"}


def crisis_events(ext):
    return [e for e in ext.events if e.cls in CRISIS]


def test_a_football_report_states_no_crisis_event(read):
    ext = read("Liverpool menang 3-1 atas Everton dalam laga Liga Inggris di Anfield. Serangan balik cepat "
               "Salah berbuah gol pada babak kedua. Tembakan Richarlison membentur tiang gawang. Pelatih Jurgen "
               "Klopp mengatakan timnya bermain baik. Bek Virgil van Dijk mengalami cedera dan ditahan imbang "
               "bukan pilihan. Klub itu mempertahankan posisi di klasemen.")
    assert crisis_events(ext) == []
    assert of(ext, "Statement")            # what a coach says is still a statement


def test_a_real_arrest_in_a_sport_article_is_kept(read):
    ext = read("Pertandingan Persija melawan Persib di Stadion Gelora Bung Karno berakhir imbang. Gol, penalti "
               "dan kartu merah mewarnai laga itu. Polisi menangkap 12 suporter yang melempar batu ke arah "
               "pemain seusai pertandingan.")
    detentions = of(ext, "Detention")
    assert len(detentions) == 1 and [f.quantity.value for f in detentions[0].figures] == [12]


def test_health_and_natural_deaths_are_no_casualties(read):
    ext = read("Serangan jantung dan serangan stroke makin kerap menyerang kaum muda di Brasil, menurut studi "
               "para peneliti. Penyanyi itu meninggal dunia karena kanker pada usia 70 tahun.")
    assert crisis_events(ext) == []


def test_deaths_in_a_disaster_or_an_accident_are_casualties(read):
    ext = read("Sebanyak 27 orang penumpang bus meninggal dunia setelah bus terguling di Peru. "
               "Banjir di Bangladesh menyebabkan 15 orang meninggal.")
    assert [sorted(f.quantity.value for f in e.figures) for e in of(ext, "Casualties")] == [[27], [15]]


def test_a_film_plot_asserts_nothing(read):
    ext = read("Film itu mengisahkan seorang detektif di Oslo yang menyelidiki pembunuhan dan penculikan anak.")
    assert crisis_events(ext) == []


def test_other_senses_of_crisis_words(read):
    ext = read("Fotografer berhasil menangkap momen langka itu di Nairobi. Tim Kenya menduduki peringkat kedua. "
               "Data itu menunjukkan kenaikan ekspor. Program ransomware itu menyerang siber perusahaan di Seoul.")
    assert crisis_events(ext) == []


def test_conditions_questions_fears_and_plans_are_not_asserted(read):
    ext = read("Jika demonstran menyerbu gedung parlemen, polisi akan menembak. "
               "Hakim bertanya apakah dia melakukan pertemuan di Lima. "
               "Aparat berupaya mencegah bentrokan antara dua kelompok di Ambon. "
               "Pelantikan gubernur baru rencananya akan dilakukan pada 15 Desember. "
               "Polisi menerbitkan surat penangkapan terhadap pemimpin oposisi di Dhaka.", date(2021, 3, 4))
    by_class = {e.cls: e for e in crisis_events(ext)}
    assert by_class["Riot"].modality == "conditional"
    assert by_class["Meeting"].modality == "question"
    assert by_class["ArmedClash"].modality == "hypothetical"
    assert by_class["LeadershipChange"].modality == "plan"
    assert "Detention" not in by_class and by_class["PolicyMeasure"].sense == "warrant"   # a warrant, no arrest
    assert not any(asserted(e) for cls, e in by_class.items() if cls != "PolicyMeasure")


def test_everyday_events(read):
    ext = read("Polisi Filipina meringkus tiga pengedar narkoba di Manila. Warga dan aparat terlibat adu jotos di "
               "Kupang. Seorang wartawan dianiaya orang tak dikenal di Karachi. Kementerian Luar Negeri memanggil "
               "duta besar Myanmar. Pemerintah Thailand membubarkan organisasi itu. Parlemen mengesahkan RUU "
               "keamanan siber. Polisi mengamankan barang bukti di lokasi.")
    classes = [e.cls for e in crisis_events(ext)]
    assert classes == ["Detention", "ArmedClash", "ViolenceAgainstCivilians", "Meeting", "PolicyMeasure",
                       "PolicyMeasure"]


def test_a_spokesperson_speaks_for_the_party(read):
    ext = read("Juru bicara Polri Setyo Wasisto mengatakan 12 orang ditangkap di Medan. "
               "Juru bicara Kremlin mengatakan pasukan akan ditarik. “Kami siap,” katanya.")
    first, second, third = of(ext, "Statement")
    assert names(ext, [first.speaker]) == ["Setyo Wasisto"] and names(ext, first.spoken_for) == ["Polri"]
    assert second.speaker is None and names(ext, second.spoken_for) == ["Kremlin"]
    assert third.speaker is None and names(ext, third.spoken_for) == ["Kremlin"]


def test_a_dateline_is_no_actor(read):
    ext = read("Jakarta, CNN Indonesia -- Sebanyak tiga orang meninggal dunia akibat longsor di Garut.")
    event, = of(ext, "Casualties")
    assert names(ext, event.agents + event.targets + event.participants) == []
    assert names(ext, event.places) == ["Garut"]


def test_ages_and_model_names_are_no_counts(read):
    ext = read("Budi (45) dan Ani (38) ditangkap polisi di Surabaya. Rusia mengerahkan S-300 ke Suriah. "
               "Rusia juga mengerahkan sistem S - 400 ke Latakia.")
    assert [f for e in ext.events for f in e.figures] == []


def test_katanya_points_back_to_the_person_a_sentence_opens_with(read):
    ext = read("Presiden Kenya William Ruto tiba di Nairobi pada Senin. “Kami menolak tuduhan itu,” katanya.")
    statement, = of(ext, "Statement")
    assert names(ext, [statement.speaker]) == ["William Ruto"]


def test_katanya_without_an_antecedent_has_no_speaker(read):
    ext = read("Banjir merendam ratusan rumah di Jakarta. “Air naik cepat sekali,” katanya.")
    assert of(ext, "Statement") == []


def test_rulings_warrants_visits_stones_and_sieges(read):
    ext = read("Pengadilan Dhaka memvonis pemimpin oposisi lima tahun penjara. "
               "Polisi Peru menerbitkan surat perintah penangkapan terhadap mantan presiden. "
               "Menteri Luar Negeri Jepang berkunjung ke Hanoi. "
               "Puluhan pemuda melempari polisi dengan batu di Nablus. "
               "Pasukan Irak mengepung kota Tal Afar. "
               "Kekerasan terhadap jurnalis meningkat di Meksiko.")
    classes = [e.cls for e in crisis_events(ext)]
    assert classes == ["PolicyMeasure", "PolicyMeasure", "Meeting", "Riot", "ArmedClash", "ViolenceAgainstCivilians"]
    assert [e.sense for e in of(ext, "PolicyMeasure")] == ["ruling", "warrant"]


def test_jika_after_a_verb_of_knowing_is_that(read):
    ext = read("Keluarga mendapat kabar jika keempatnya telah ditangkap polisi Kolombia. "
               "Mereka akan menjemput pemimpinnya jika ditangkap polisi.")
    first, second = of(ext, "Detention")
    assert asserted(first) and second.modality == "conditional"


def test_meeting_words_in_other_senses(read):
    ext = read("Para diplomat menyebut perundingan di Jenewa menemui jalan buntu. "
               "Presiden mengunjungi proyek bendungan di Laos.")
    assert [e.cls for e in crisis_events(ext)] == ["Meeting"]      # the talks, not "menemui jalan buntu"


def test_figures_land_on_the_noun_they_count(read):
    ext = read("Polisi menahan sekitar 1.200 orang dan sedikitnya dua demonstran tewas di Almaty. "
               "Bentrokan itu menewaskan 22 orang dan melukai 59 lainnya di Osh.")
    figures = sorted((e.cls, f.prop, f.quantity.value) for e in ext.events for f in e.figures)
    assert figures == [("Casualties", "injured", 59), ("Casualties", "killed", 2), ("Casualties", "killed", 22),
                       ("Detention", "detained", 1200)]


def test_the_parse_finds_arguments_word_order_misses(read):
    ext = read("Menteri Luar Negeri Alfred Mutua sudah dilantik oleh Presiden Kenya Uhuru Kenyatta pada Rabu lalu.")
    event, = of(ext, "LeadershipChange")
    assert names(ext, event.agents) == ["Uhuru Kenyatta"] and names(ext, event.targets) == ["Alfred Mutua"]


def test_denials_purposes_and_orders_are_not_asserted(read):
    ext = read("Menteri itu menampik pertemuan dengan Presiden Gabon di Libreville. "
               "Para pengungsi meminta perlindungan supaya mereka tidak ditangkap polisi Malaysia. "
               "Presiden Amerika Serikat memerintahkan pasukan dikerahkan ke Suriah.")
    events = crisis_events(ext)
    assert [e.cls for e in events] == ["Meeting", "Detention", "MilitaryDeployment"]
    assert not any(asserted(e) for e in events)


def test_attacks_on_civilians_and_disorder(read):
    ext = read("Serangan teror di Nice menewaskan 84 orang. Kelompok bersenjata menyerang jemaah masjid di Kabul. "
               "Pasukan pemerintah menyerang posisi militan di Idlib. "
               "Kericuhan terjadi saat demonstrasi di depan kantor gubernur Papua.")
    assert [e.cls for e in crisis_events(ext)] == ["ViolenceAgainstCivilians", "Casualties",
                                                   "ViolenceAgainstCivilians", "ArmedClash", "Riot", "Protest"]


def test_releasing_a_video_is_no_statement(read):
    ext = read("Klub Roma merilis sebuah video singkat. Kepolisian Filipina merilis pernyataan soal operasi itu.")
    assert [e.trigger for e in of(ext, "Statement")] == ["merilis pernyataan"]


def test_verbal_and_sporting_protests_are_no_demonstrations(read):
    ext = read("Pemerintah Filipina menyampaikan protes ke Tiongkok atas kapal patroli di Laut China Selatan. "
               "\" Saya protes keras itu, \" kata Menteri Pertahanan Jepang. "
               "Ribuan buruh menggelar protes di depan parlemen Seoul.")
    protests = of(ext, "Protest")
    assert len(protests) == 1 and protests[0].trigger == "protes" and asserted(protests[0])


def test_cyber_attacks_disease_and_plates_are_no_crisis(read):
    ext = read("Program jahat WannaCry menyerang rumah sakit di Inggris dan perusahaan Telefonica di Spanyol. "
               "Penyakit itu juga menyerang kakek dan ibunya di Toronto. "
               "Jepang berada pada pertemuan lempeng Pasifik dan lempeng Filipina.")
    assert crisis_events(ext) == []


def test_a_victim_is_not_the_one_who_suspects_or_confirms(read):
    ext = read("Polisi Nairobi menduga korban diperkosa di rumahnya. "
               "Polisi Manila memastikan perempuan itu tewas akibat penganiayaan. "
               "Seorang wartawan ditembak mati oleh orang tak dikenal di Chihuahua.")
    for e in ext.events:
        assert not any(ext.mentions[t].text.startswith("Polisi") for t in e.targets), e
    assert crisis_events(ext)


def test_a_body_in_a_title_is_not_the_party(read):
    ext = read("Ia mengaku hanya bertemu dengan mantan anggota Komisi II DPR Mustokoweni. "
               "Para mahasiswa membubarkan diri usai bertemu dengan Ketua MPR Zulkifli Hasan di Jakarta.")
    parties = [names(ext, e.participants) for e in of(ext, "Meeting")]
    assert parties == [["Mustokoweni"], ["Zulkifli Hasan"]]


def test_a_demanded_resignation_a_countdown_and_an_accusation_are_not_asserted(read):
    ext = read("Partai oposisi mendesak Perdana Menteri Imran Khan untuk mundur. "
               "Perhitungan mundur Asian Games dimulai di Palembang. "
               "Dua pekerja migran itu diancam hukuman mati atas tuduhan pembunuhan di Riyadh. "
               "Tak ingin jatuh banyak korban, polisi Kolombia menembakkan gas air mata.")
    assert not any(asserted(e) for e in crisis_events(ext))


def test_a_measure_is_an_event_only_when_enacted(read):
    ext = read("Indonesia menyampaikan pandangan mengenai reformasi PBB di New York. "
               "Mekanisme subsidi itu nantinya bisa digunakan di Papua. "
               "Pemerintah Ekuador mencabut subsidi bahan bakar pada Kamis. "
               "Uni Eropa menjatuhkan sanksi terhadap pejabat Belarus. "
               "Presiden Trump mengeluarkan kebijakan larangan imigrasi dari enam negara.")
    senses = [e.sense for e in of(ext, "PolicyMeasure")]
    assert senses == ["subsidy", "sanctions", "regulation"]


def test_ships_and_tonnes_are_no_detainees(read):
    ext = read("Sebanyak 48 kapal asing berbobot 300 gross ton ditahan di Pelabuhan Pomako. "
               "Aparat Malaysia menangkap 81 kapal nelayan yang ditangkap mencuri ikan. "
               "Polisi Peru menahan 25 orang di Lima.")
    figures = [(f.prop, f.quantity.value) for e in ext.events for f in e.figures]
    assert figures == [("detained", 25)]


def test_rulings_and_appointments(read):
    ext = read("Majelis hakim Pengadilan Negeri Tangerang menolak eksepsi terdakwa. "
               "Keduanya diblokir oleh hakim federal di Hawaii. "
               "Anggota parlemen memuji pengangkatan Presiden Hana Mansour. "
               "Israel mengangkat hakim perempuan Muslim pertama.")
    assert [e.cls for e in crisis_events(ext)] == ["PolicyMeasure", "PolicyMeasure", "LeadershipChange",
                                                   "LeadershipChange"]


def test_menurutnya_points_back_and_a_nationality_never_speaks(read):
    ext = read("Menteri Pertahanan Ryamizard Ryacudu tiba di Moskow. Namun, pembelian 11 unit Sukhoi tersebut, "
               "menurutnya sudah cukup untuk memenuhi kebutuhan pertahanan Indonesia. "
               "\" Saya akan berjuang untuk menjadi kiper Real Madrid, \" ujar pria Kosta Rika itu.")
    assert [names(ext, [s.speaker]) for s in of(ext, "Statement")] == [["Ryamizard Ryacudu"]]


def test_killing_a_civilian_is_also_violence_against_civilians(read):
    ext = read("Seorang wartawan dibunuh di Veracruz pada Maret. "
               "Dua tentara Suriah dibunuh militan ISIS di Idlib. "
               "Penyanyi itu tewas gantung diri di Los Angeles.")
    assert [(e.cls, e.sentence) for e in crisis_events(ext)] == [
        ("Casualties", 0), ("ViolenceAgainstCivilians", 0), ("Casualties", 1)]


def test_the_name_after_an_attack_noun_attacks(read):
    ext = read("Pemimpin Al Qaeda itu terbunuh dalam serangan udara Amerika Serikat di dekat Idlib, Suriah.")
    bombing, = of(ext, "Bombing")
    assert names(ext, bombing.agents) == ["Amerika Serikat"] and bombing.targets == []


def test_a_nationality_is_no_party(read):
    ext = read("Hamas juga diyakini menahan dua orang Israel lainnya di Gaza. "
               "Aksi mogok makan tahanan Palestina di Israel dimulai pada 17 April lalu.")
    for e in crisis_events(ext):
        assert not {"Israel", "Palestina"} & set(names(ext, e.targets + e.participants)), e


def test_threatening_a_goal_is_no_statement(read):
    ext = read("Arjen Robben mengancam gawang Atletico pada menit ke-80. "
               "Presiden Turki Recep Tayyip Erdogan mengancam akan menutup perbatasan.")
    assert [names(ext, [s.speaker]) for s in of(ext, "Statement")] == [["Recep Tayyip Erdogan"]]


def test_the_unit_doing_an_autopsy_is_no_victim(read):
    ext = read("Tim identifikasi Polres Kediri Kota akan melakukan autopsi terhadap jenazah korban pembunuhan itu.")
    assert all(e.targets == [] for e in ext.events)


def test_a_description_ending_in_itu_points_back_to_the_speaker(read):
    ext = read("Wakil Ketua MPR Evert Ernest Mangindaan menerima tamu dari Hanoi. Mantan Menteri Perhubungan era "
               "Presiden Susilo Bambang Yudhoyono itu, mengatakan persoalan ASEAN harus diselesaikan bersama.")
    assert [names(ext, [s.speaker]) for s in of(ext, "Statement")] == [["Evert Ernest Mangindaan"]]


def test_coordinated_triggers_share_whether_they_happened(read):
    ext = read("Jika tidak, polisi akan segera menerbitkan red notice atau surat perintah penangkapan terhadap "
               "pemimpin oposisi Venezuela. \" Kita belum sampai membuat ' red notice ', \" ujar jaksa di Caracas.")
    warrants = of(ext, "PolicyMeasure")
    assert warrants and not any(asserted(e) for e in warrants)


# --- sport, show business, animals and games: crisis words in other senses (issue 17) ---------------

def test_a_club_named_after_the_army_and_a_practice_crash_are_no_crisis(read):
    ext = read("Laga Liga Thailand antara PS TNI dan Buriram United di Stadion Chang berakhir 0-1. Gol tunggal "
               "dicetak pada menit ke-70 lewat tendangan bebas. Kemenangan itu menjadi revans Buriram atas PS TNI, "
               "yang pada pertemuan pertama kalah di kandang. PS TNI lebih berbahaya dalam menyerang, tetapi kiper "
               "Buriram tampil gemilang. Pebalap Spanyol itu tampil di Sirkuit Sepang dengan cedera tulang setelah "
               "mengalami kecelakaan pada latihan bebas keempat.")
    assert crisis_events(ext) == []


def test_a_player_arrested_on_a_sport_page_is_kept(read):
    ext = read("Gelandang tim nasional Argentina itu absen dari laga kualifikasi Piala Dunia. Pelatih klub "
               "mengatakan pemainnya tidak ikut latihan di kandang pada pekan ini. Gelandang itu ditangkap polisi "
               "Buenos Aires karena mengemudi dalam keadaan mabuk. Klub akan menunggu hasil pemeriksaan sebelum "
               "menurunkannya di kompetisi liga dan turnamen piala.")
    assert [e.cls for e in crisis_events(ext) if asserted(e)] == ["Detention"]


def test_private_persons_meeting_make_no_meeting(read):
    ext = read("Pangeran Carl Philip disebut mengatur sebuah pertemuan dengan Maria Hellqvist pada Juli 2014 "
               "melalui teman keduanya, Jonas Berg. Pertemuan itu dirancang ketika Maria berada di Stockholm untuk "
               "bertemu dengan sahabatnya, seorang aktris.")
    assert of(ext, "Meeting") == []


def test_an_official_meeting_an_actress_is_a_meeting(read):
    ext = read("Menteri Luar Negeri Inggris Boris Johnson bertemu dengan aktris Angelina Jolie di London untuk "
               "membahas kekerasan seksual dalam konflik bersenjata.")
    assert len(of(ext, "Meeting")) == 1


def test_a_bombing_after_a_concert_is_kept_on_a_showbiz_page(read):
    ext = read("Penyanyi asal Kanada itu mengunjungi korban bom di Manchester pada Jumat. Ledakan bom usai "
               "konsernya pada 22 Mei lalu menewaskan 22 orang. Sang penyanyi membatalkan sisa tur dan album "
               "barunya. Para penggemar memenuhi bioskop dan panggung konser amal.")
    assert "Casualties" in [e.cls for e in crisis_events(ext) if asserted(e)]


def test_what_a_film_or_a_game_shows_is_told(read):
    ext = read("Sekuel film mata-mata itu akan tayang di bioskop tahun depan. Aktor utamanya kembali bermain "
               "bersama sutradara yang sama. Namun, di film itu sang agen terbunuh. Pengembang game itu juga "
               "membahas pengalaman pertempuran para prajurit di medan perang dalam konsol dan aplikasi baru.")
    assert crisis_events(ext) == []


def test_shark_attacks_and_a_tortured_octopus_are_no_violence(read):
    ext = read("Pantai di Florida itu dikenal sebagai pantai dengan populasi hiu terbanyak di dunia. Hiu sering "
               "muncul di dekat peselancar. Hingga tahun 2015, tercatat ada 238 serangan. Di restoran lain, koki "
               "menyajikan seekor gurita hidup. Melihat penyiksaan tersebut, organisasi pecinta hewan mengimbau "
               "pemerintah untuk membuat sebuah aturan tentang mutilasi hewan dan satwa laut seperti gurita.")
    assert crisis_events(ext) == []


def test_hackers_attacking_a_government_office_are_no_armed_clash(read):
    ext = read("Perusahaan keamanan siber itu meluncurkan aplikasi dan perangkat lunak baru untuk konsumen. Platform "
               "itu melindungi komputer dari malware. Teknologi itu juga dipakai startup dan investor di Seoul. "
               "\" Ketika mereka menyerang orang-orang di pemerintahan, mereka tidak menyerang instansi pemerintah "
               "tapi menginginkan informasi dari orang tersebut, \" kata seorang pakar.")
    assert crisis_events(ext) == []


def test_victims_of_harassment_and_a_rope_that_holds_are_no_casualties_or_detention(read):
    ext = read("Ribuan perempuan di Madrid berpakaian hitam sebagai bentuk solidaritas kepada para korban badai "
               "skandal pelecehan seksual. Tanggul yang menahan air sungai di Dhaka jebol pada Senin.")
    assert of(ext, "Casualties") == [] and of(ext, "Detention") == []
