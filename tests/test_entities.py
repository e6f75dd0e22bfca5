"""Sentences and entities on text about other countries and crises (rules only: deterministic)."""
from __future__ import annotations

import pytest

from kg.extract.entities import sentences_of, token_spans


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline(use_model=False)


def sentences(nlp, text):
    return sentences_of(text, token_spans(nlp(text)))


def ents(nlp, text):
    return [(e.text, e.label_, e._.role) for e in nlp(text).ents]


def test_sentences_keep_quotes_together_and_join_split_attributions(nlp):
    text = ("“Kami tidak akan mundur. Ini baru permulaan,” kata seorang demonstran.\n"
            "Polisi menahan 20 orang. Bentrokan berlanjut pada malam hari.\n"
            "“Situasi terkendali,”\nujar juru bicara kepolisian.\nKrisis di Sri Lanka")
    found = [s.text for s in sentences(nlp, text)]
    assert found == [
        "“Kami tidak akan mundur. Ini baru permulaan,” kata seorang demonstran.",
        "Polisi menahan 20 orang.", "Bentrokan berlanjut pada malam hari.",
        "“Situasi terkendali,”\nujar juru bicara kepolisian.", "Krisis di Sri Lanka"]


def test_initials_and_abbreviations_before_a_name_end_no_sentence(nlp):
    text = ("Serial itu mengisahkan O.J. Simpson dan pembunuhan di Los Angeles. Protes pecah di St. Louis, "
            "Missouri. Dr. Martin Luther King Jr. memimpin pawai di Jl. Pettus. Polisi tiba. Massa bubar.")
    assert [s.text for s in sentences(nlp, text)] == [
        "Serial itu mengisahkan O.J. Simpson dan pembunuhan di Los Angeles.", "Protes pecah di St. Louis, Missouri.",
        "Dr. Martin Luther King Jr. memimpin pawai di Jl. Pettus.", "Polisi tiba.", "Massa bubar."]


def test_sentence_offsets_are_exact(nlp):
    text = "  Militer Myanmar menahan Aung San Suu Kyi.\n\nRibuan orang turun ke jalan di Yangon.  "
    for s in sentences(nlp, text):
        assert text[s.begin:s.end] == s.text


def test_titles_are_roles_not_names(nlp):
    found = ents(nlp, "Presiden Prancis Emmanuel Macron dan Sekretaris Jenderal PBB Antonio Guterres "
                      "bertemu di Paris.")
    assert ("Emmanuel Macron", "Person", "Presiden") in found
    assert ("Antonio Guterres", "Person", "Sekretaris Jenderal") in found
    assert ("Prancis", "Country", None) in found and ("Paris", "City", None) in found


def test_appositive_title_and_spokesperson_of_a_collective(nlp):
    found = ents(nlp, "Zaw Min Tun, juru bicara junta, mengatakan kepada Reuters bahwa militer menahan "
                      "ratusan demonstran di kota Mandalay.")
    assert ("Zaw Min Tun", "Person", "juru bicara") in found
    assert ("Reuters", "MediaOrganization", None) in found
    assert ("demonstran", "Group", None) in found
    assert ("Mandalay", "City", None) in found


def test_organisation_patterns_and_acronym_definitions(nlp):
    found = ents(nlp, "Kementerian Luar Negeri Peru mengecam Organisasi Negara-negara Amerika (OAS) "
                      "sementara kementerian dalam negeri membantah laporan itu.")
    assert ("Kementerian Luar Negeri Peru", "GovernmentBody", None) in found
    assert ("kementerian dalam negeri", "GovernmentBody", None) in found
    labels = {text: label for text, label, _ in found}
    assert labels.get("OAS") == labels.get("Organisasi Negara-negara Amerika")
    assert labels["OAS"] in ("Organization", "InternationalOrganization")


def test_place_cues_type_unknown_places(nlp):
    found = ents(nlp, "Bentrokan pecah di provinsi timur Kivu Utara dan di kota Goma.")
    assert ("Kivu Utara", "Region", None) in found
    assert ("Goma", "City", None) in found


def test_bare_surname_follows_full_name_in_document(nlp):
    doc = nlp("Perdana Menteri Thailand Prayuth Chan-ocha membubarkan parlemen. Prayuth mengatakan "
              "pemilu akan digelar.")
    persons = [e.text for e in doc.ents if e.label_ == "Person"]
    assert persons == ["Prayuth Chan-ocha", "Prayuth"]


def doc_with_model(text, model_ents):
    """The processed Doc of ``text`` as if the statistical model had found ``model_ents`` (token start, end, label)."""
    from kg.nlp import load_pipeline

    pipeline = load_pipeline(use_model=False)
    doc = pipeline.make_doc(text)
    for _, component in pipeline.pipeline[:-1]:
        doc = component(doc)
    doc.user_data["model_ents"] = model_ents
    return pipeline.get_pipe("crisis_entities")(doc)


def with_model(text, model_ents):
    """Entities of ``text`` as if the statistical model had found ``model_ents`` (token start, end, label)."""
    return [(e.text, e.label_, e._.role) for e in doc_with_model(text, model_ents).ents]


def mentions_with_model(text, model_names):
    """(text, class) of the mentions of ``text`` as if the model had read ``model_names`` ((name, label), in
    the order the text has them; a name may come more than once)."""
    from kg.extract.entities import mentions_of
    from kg.nlp import load_pipeline

    words = [t.text for t in load_pipeline(use_model=False).make_doc(text)]
    model_ents, pos = [], 0
    for name, label in model_names:
        n = len(name.split())
        pos = next(i for i in range(pos, len(words)) if " ".join(words[i:i + n]) == name)
        model_ents.append((pos, pos + n, label))
        pos += n
    doc = doc_with_model(text, model_ents)
    return [(m.text, m.cls) for m in mentions_of(doc, sentences_of(text, token_spans(doc)))]


def test_the_gazetteer_types_a_name_the_model_finds():
    """The model may call a news agency a person; a name the gazetteer knows keeps the gazetteer's class."""
    found = with_model("Menurut Tass, polisi Rusia menahan 20 orang.", [(1, 2, "PER")])  # "Tass", not "TASS"
    assert ("Tass", "MediaOrganization", None) in found


def test_an_acronym_names_an_organisation_only_with_a_sign_of_one():
    text = "Warga Lagos antre membeli Bahan Bakar Minyak (BBM) sejak pagi."
    assert not [e for e in with_model(text, []) if e[0] in ("Bahan Bakar Minyak", "BBM")]
    nigeria = "Kata aktivis Wahana Lingkungan Hidup Nigeria (WLHN), rencana itu merusak hutan."
    assert {("Wahana Lingkungan Hidup Nigeria", "Organization", None), ("WLHN", "Organization", None)} <= \
        set(with_model(nigeria, [(2, 6, "ORG")]))


def test_the_short_form_of_a_thing_is_no_organisation_whatever_the_model_says():
    """A document, a card or a fuel has a short form too: "Surat Perintah ... (SPDP)" names no organisation,
    here or where the short form comes again."""
    text = ("Polisi Manila mengirim Surat Perintah Dimulainya Penyidikan (SPDP) ke jaksa. "
            "SPDP itu diterima Kamis.")
    found = with_model(text, [(3, 7, "ORG"), (8, 9, "ORG"), (12, 13, "ORG")])
    assert not [e for e in found if "SPDP" in e[0] or "Surat" in e[0]]
    fuel = "Warga Lagos antre membeli Bahan Bakar Minyak (BBM) sejak pagi."
    assert not [e for e in with_model(fuel, [(4, 7, "ORG")]) if e[0] in ("Bahan Bakar Minyak", "BBM")]
    kenya = "Komisi Pemilihan Umum Independen (IEBC) menunda pengumuman."    # an organisation head
    assert ("IEBC", "GovernmentBody", None) in with_model(kenya, []) or \
        ("IEBC", "Organization", None) in with_model(kenya, [])


def test_a_model_span_that_does_not_open_a_name_is_dropped():
    """A quote mark (alone or glued to a word) is never a name, whatever the model says."""
    text = "“Kami tidak akan mundur,” kata Maria Ortega di Bogotá."
    found = with_model(text, [(0, 1, "PER"), (0, 2, "PER"), (8, 10, "PER")])
    assert [e for e in found if e[1] == "Person"] == [("Maria Ortega", "Person", None)]


def test_a_portfolio_or_an_institution_after_a_title_is_not_a_name():
    assert not [e for e in with_model("Mantan Menteri Perumahan Rakyat itu menolak.", []) if e[1] == "Person"]
    assert not [e for e in with_model("Wakil Kepala Carabineros mengundurkan diri.", [(2, 3, "ORG")])
                if e[1] == "Person"]
    found = with_model("Menteri Pertanian Mithika Linturi membantah laporan itu.", [(2, 4, "PER")])
    assert ("Mithika Linturi", "Person", "Menteri Pertanian") in found


def test_a_model_person_that_opens_with_a_title_gives_way_to_the_name_after_it():
    found = with_model("Kanselir Austria Karl Nehammer menolak usulan itu.", [(0, 2, "PER"), (2, 4, "PER")])
    persons = [e for e in found if e[1] == "Person"]
    assert persons == [("Karl Nehammer", "Person", "Kanselir")]


def test_a_name_that_opens_with_a_given_name_is_a_person(nlp):
    """A given name and capitalised words after it name a person, where the model typed them
    otherwise, found nothing, or a gazetteer city ("Jackson") lies inside; a weekday after the
    name is not part of it; a hotel named after someone is no person."""
    assert ("Janet Jackson", "Person", None) in ents(nlp, "Lagu itu dinyanyikan Janet Jackson di Lagos.")
    assert ("Brooke Davis", "Person", None) in ents(nlp, "Menurut laporan, Brooke Davis Selasa tiba di Nairobi.")
    assert ("Janet Jackson", "Person", None) in with_model("Lagu itu dinyanyikan Janet Jackson di Lagos.",
                                                           [(3, 5, "ORG")])
    assert not [e for e in ents(nlp, "Para diplomat menginap di Elizabeth Hotel di Nairobi.") if e[1] == "Person"]


def test_a_name_that_ends_with_an_organisation_word_is_an_organisation(nlp):
    found = ents(nlp, "Bek itu pindah dari Hamburger SV ke Fluminense FC pada Januari.")
    assert ("Hamburger SV", "Organization", None) in found and ("Fluminense FC", "Organization", None) in found
    assert ("Human Rights Watch", "Organization", None) in \
        ents(nlp, "Menurut Human Rights Watch, 30 warga sipil tewas di Tigray.")
    assert ("Football Club de Metz", "Organization", None) in \
        ents(nlp, "Ia bergabung dengan Football Club de Metz pada 1937.")
    found = ents(nlp, "Dengan Kenya Airways, perusahaan itu membuka rute ke Lagos.")   # not "Dengan Kenya Airways"
    assert ("Kenya Airways", "Company", None) in found


def test_a_dictionary_word_opening_a_sentence_is_no_name_alone():
    """The model reads a capitalised word at a sentence's start as a name; a dictionary word
    alone there is none, unless it is a given name."""
    assert not [e for e in with_model("Bodoh sekali kalau polisi Peru menolak usul itu.", [(0, 1, "PER")])
                if e[1] == "Person"]
    assert ("Budi", "Person", None) in with_model("Budi mengatakan pasar di Lima tutup.", [(0, 1, "PER")])


def test_a_place_name_the_model_reads_as_a_first_name_is_part_of_the_person():
    text = "Presiden Rwanda Paul Kagame menghadiri pertemuan di Kigali."
    found = with_model(text, [(2, 4, "PER")])
    assert ("Paul Kagame", "Person", "Presiden") in found and not [e for e in found if e[0] == "Paul"]
    found = with_model("Presiden Peru Dina Boluarte menolak mundur.", [(1, 4, "PER")])   # a country stays
    assert ("Peru", "Country", None) in found and ("Dina Boluarte", "Person", "Presiden") in found


def test_a_person_named_again_in_full_is_one_person_not_two_names():
    text = "Menurut Mariana Quispe, polisi menahan 12 orang. Mariana Quispe lalu pergi ke Cusco."
    found = with_model(text, [(1, 3, "PER")])
    assert [e for e in found if e[1] == "Person"] == [("Mariana Quispe", "Person", None)] * 2


def test_a_person_named_after_an_organisation_is_not_part_of_it():
    """Two capitalised non-dictionary words after an organisation's portfolio words start a
    person's name; the rules' two readings beat the model's one organisation over both."""
    found = with_model("Bank Dunia David Malpass memperingatkan resesi global.", [(0, 4, "ORG")])
    assert [e[:2] for e in found] == [("Bank Dunia", "InternationalOrganization"), ("David Malpass", "Person")]
    assert ("Kementerian Dalam Negeri Rusia", "GovernmentBody", None) in \
        with_model("Kementerian Dalam Negeri Rusia membantah laporan itu.", [])
    assert ("Universitas Gadjah Mada", "Organization", None) in with_model("Universitas Gadjah Mada menolak.", [])


def test_a_name_the_article_puts_somewhere_is_no_person():
    found = with_model("Polisi berjaga di Kamanyola. Warga Kamanyola mengungsi.", [(3, 4, "PER"), (6, 7, "PER")])
    assert [e[:2] for e in found if e[0] == "Kamanyola"] == [("Kamanyola", "Place")] * 2
    found = with_model("Permintaan itu disampaikan ke Sjahril Hamdani.", [(4, 6, "PER")])
    assert ("Sjahril Hamdani", "Person", None) in found


def test_a_name_set_off_before_a_verb_of_saying_is_a_person():
    found = with_model("Koffi Mensah, yang memimpin misi PBB di Ghana, mengatakan 12 orang ditahan.", [])
    assert ("Koffi Mensah", "Person", None) in found
    found = with_model("Pemerintah Kenya, melalui juru bicaranya, mengatakan jam malam dicabut.", [])
    assert not [e for e in found if e[1] == "Person"]


def test_a_name_named_again_takes_the_longest_full_name_whatever_the_hash_seed():
    """Full names sharing a first word are tried longest first, in a fixed order: the same
    text gives the same entities in every process (str hashing is salted per process)."""
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'tests'); from test_entities import with_model; "
            "print(with_model('Ana Maria Lopez tiba di Lima. Ana Maria berbicara. Kemudian Ana Maria Lopez pergi.', "
            "[(0, 3, 'PER'), (7, 9, 'PER')]))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(4)}
    assert runs == {"[('Ana Maria Lopez', 'Person', None), ('Lima', 'City', None), ('Ana Maria', 'Person', None), "
                    "('Ana Maria Lopez', 'Person', None)]\n"}


def test_the_model_on_windows_finds_what_it_finds_on_the_whole_text():
    """The model runs only near capitals and digits; the names it finds there are the ones it
    finds reading every word (long lower-case stretches are cut, a hyphenated name is kept)."""
    from spacy.tokens import Doc

    from kg.nlp import load_pipeline
    from kg.nlp.sentences import opens_name

    nlp = load_pipeline()
    text = ("Pemimpin Korea Utara Kim Jong-un mengatakan bahwa negaranya tidak akan pernah menyerah "
            "pada tekanan dari luar dan akan terus memperkuat pertahanan. Sementara itu, ribuan "
            "pengunjuk rasa di Lima menuntut agar Presiden Dina Boluarte mundur setelah bentrokan "
            "yang menewaskan 17 orang di kota Juliaca, kata Kantor Ombudsman Peru pada hari Senin.")
    doc = nlp.get_pipe("crisis_sentences")(nlp.make_doc(text))
    name_model = nlp.get_pipe("crisis_name_model")
    sub, kept = name_model._windows(doc)
    assert len(kept) < len(doc) - 10
    whole = name_model.model(Doc(name_model.model.vocab, words=[t.text for t in doc],
                                 spaces=[bool(t.whitespace_) for t in doc],
                                 sent_starts=[bool(t.is_sent_start) for t in doc]))
    def names(ents):    # what `_may_be_name` lets through
        return [(s, e, label) for s, e, label in ents if opens_name(doc[s].text)]

    expected = names((e.start, e.end, e.label_) for e in whole.ents)
    assert names(name_model(doc).user_data["model_ents"]) == expected
    assert ("Kim Jong-un", "PER") in {(doc[s:e].text, label) for s, e, label in expected}


def roles(doc):
    """(name, class, role, rank, affiliation) of each entity."""
    text = doc.text
    return [(e.text, e.label_, e._.role, e._.rank, e._.affiliation and text[slice(*e._.affiliation)])
            for e in doc.ents]


def test_an_office_and_its_organisation_are_the_role_and_the_affiliation(nlp):
    """Office words between a title and the name belong to the role; the organisation or country
    the office belongs to is the affiliation, a mention of its own."""
    found = roles(nlp("Kepala Biro Humas Kementerian Dalam Negeri Kazakhstan Saltanat Azirbek mengatakan 12 "
                      "orang ditahan. Menteri Luar Negeri Rusia Sergei Lavrov dan Wakil Menteri Pertahanan "
                      "Kazakhstan Marat Kozhanov bertemu."))
    assert ("Saltanat Azirbek", "Person", "Kepala Biro Humas", None, "Kementerian Dalam Negeri Kazakhstan") in found
    assert ("Kementerian Dalam Negeri Kazakhstan", "GovernmentBody", None, None, None) in found
    assert ("Sergei Lavrov", "Person", "Menteri Luar Negeri", None, "Rusia") in found
    assert ("Marat Kozhanov", "Person", "Wakil Menteri Pertahanan", None, "Kazakhstan") in found


def test_ranks_are_roles_of_their_own_and_never_part_of_the_name(nlp):
    found = roles(nlp("Kepala Staf Angkatan Darat Ukraina Jenderal Valerii Zaluzhnyi mengatakan pasukan bertahan. "
                      "Presiden Sudan Jenderal Abdel Fattah Burhan, Menteri Pertahanan Myanmar Jenderal Mya Tun Oo, "
                      "dan Letkol Inf Dwi Bima hadir."))
    assert ("Valerii Zaluzhnyi", "Person", "Kepala Staf", "Jenderal", "Angkatan Darat Ukraina") in found
    assert ("Abdel Fattah Burhan", "Person", "Presiden", "Jenderal", "Sudan") in found
    assert ("Mya Tun Oo", "Person", "Menteri Pertahanan", "Jenderal", "Myanmar") in found
    assert ("Dwi Bima", "Person", None, "Letkol Inf", None) in found        # Bima is a city too


def test_an_office_that_holds_its_unit_takes_the_territory_into_the_role(nlp):
    """"Kapolres Bogor" is the head of the Bogor police: Bogor names the office, and the person
    is the one after the comma and the rank."""
    found = roles(nlp("Kapolres Bogor, AKBP Andi Dharma mengatakan polisi menangkap tiga orang."))
    assert [e for e in found if e[1] in ("Person", "City")] == \
        [("Andi Dharma", "Person", "Kapolres Bogor", "AKBP", None)]


def test_a_unit_named_by_dictionary_words_belongs_to_the_role_and_is_the_affiliation(nlp):
    found = roles(nlp("Kepala Staf Angkatan Darat Jenderal Mulyono mengatakan pasukan dikerahkan ke perbatasan."))
    assert ("Mulyono", "Person", "Kepala Staf Angkatan Darat", "Jenderal", "Angkatan Darat") in found


def test_a_list_of_titled_persons_keeps_each_title_with_its_own_name():
    found = with_model("Hadir Menteri Luar Negeri Kenya Alfred Mutua, Menteri Kesehatan Nakhumicha Wafula, "
                       "dan Wakil Presiden Rigathi Gachagua.", [(5, 7, "PER"), (10, 12, "PER"), (16, 18, "PER")])
    persons = [e for e in found if e[1] == "Person"]
    assert persons == [("Alfred Mutua", "Person", "Menteri Luar Negeri"),
                       ("Nakhumicha Wafula", "Person", "Menteri Kesehatan"),
                       ("Rigathi Gachagua", "Person", "Wakil Presiden")]


def test_a_title_without_a_name_is_nobody(nlp):
    """No person, and no organisation made of the title's words ("Kepala Staf Angkatan Darat (KSAD)")."""
    found = roles(nlp("Mantan Kepala Staf Angkatan Darat (KSAD) tersebut mengatakan kondisi aman. Wakil Presiden "
                      "menegaskan bahwa pemilu tetap digelar, ujar jenderal polisi bintang dua itu."))
    assert [e[:2] for e in found] == [("Angkatan Darat", "ArmedForce")]


def test_cue_words_type_the_name_after_them_and_are_not_part_of_it(nlp):
    found = ents(nlp, "Maskapai Air Astana membatalkan penerbangan ke Almaty. Junta Myanmar memblokir aplikasi "
                      "Telegram dan platform Facebook. Lembaga pemantau NetBlocks mencatat internet padam.")
    assert ("Air Astana", "Company", None) in found
    assert ("Telegram", "Company", None) in found and ("Facebook", "Company", None) in found
    assert ("NetBlocks", "Organization", None) in found
    assert ("Perusahaan Listrik Negara", "Company", None) in \
        ents(nlp, "Perusahaan Listrik Negara menaikkan tarif.")       # dictionary words: the cue is the name's


def test_a_name_a_cue_types_keeps_its_type_where_the_model_finds_it_again():
    found = with_model("Pemerintah memblokir aplikasi Signal. Pengguna Signal mengeluh.",
                       [(3, 4, "PER"), (6, 7, "PER")])
    assert [e[:2] for e in found if e[0] == "Signal"] == [("Signal", "Company")] * 2


def test_datelines_are_source_metadata_not_entities(nlp):
    cases = {"Almaty, CNN Indonesia -- Polisi menahan 20 orang di Almaty.": ("Almaty", "CNN Indonesia"),
             "Khartoum (ANTARA) - Tentara Sudan menyerang pasukan RSF.": ("Khartoum", "ANTARA"),
             "Reuters.com, Naypyidaw - Junta membebaskan tahanan.": ("Naypyidaw", "Reuters.com"),
             "Kyiv - Rusia menembakkan rudal.": ("Kyiv", None)}
    for text, dateline in cases.items():
        doc = nlp(text)
        assert doc._.dateline == dateline
        assert not [e for e in doc.ents if e.start_char < text.index(" -")], text
    assert ("Almaty", "City", None) in ents(nlp, "Almaty, CNN Indonesia -- Polisi menahan 20 orang di Almaty.")
    for text in ("Nur-Sultan, ibu kota baru, tenang.", "Karl - Heinz Rummenigge mengonfirmasi kesepakatan."):
        assert nlp(text)._.dateline is None, text


def test_a_gazetteer_place_needs_a_context_that_supports_a_place():
    """"Tak" is a Thai province and Asmara Eritrea's capital, but "Tak ada" is "there is no" and
    "Barli Asmara" a person."""
    found = with_model("Tak ada yang tahu jumlah korban di Tak. Lagu itu dinyanyikan Barli Asmara di Asmara.",
                       [(12, 14, "PER")])
    assert [e[:2] for e in found if e[0] in ("Tak", "Asmara")] == [("Tak", "Region"), ("Asmara", "City")]
    assert ("Barli Asmara", "Person", None) in found
    assert not [e for e in with_model("“Para pengungsi kelaparan,” katanya.", []) if e[1] == "Region"]


def test_an_academic_degree_is_not_part_of_a_name(nlp):
    assert ("Kanat Taimerdenov", "Person", "Kepala") in \
        ents(nlp, "Kepala Kepolisian Almaty Kolonel Kanat Taimerdenov SH mengatakan 12 orang ditahan.")


def test_an_acronym_after_a_title_names_the_organisation_and_an_office_has_none(nlp):
    """"Ketua Komisi Pemilihan Umum Independen (IEBC)": the title is no part of the organisation's
    name; "Kepala Staf Angkatan Darat (KSAD)" is the office's short form; a dateline before the
    name is no part of it either."""
    found = ents(nlp, "Ketua Komisi Pemilihan Umum Independen (IEBC) Wafula Chebukati menunda pengumuman.")
    assert ("Komisi Pemilihan Umum Independen", "GovernmentBody", None) in found
    assert ("IEBC", "GovernmentBody", None) in found
    assert ("Wafula Chebukati", "Person", "Ketua Komisi Pemilihan Umum Independen") in found    # dictionary words
    found = ents(nlp, "Nairobi, CNN Indonesia -- Mahkamah Agung Kenya (MAK) membatalkan hasil pemilu.")
    assert ("Mahkamah Agung Kenya", "GovernmentBody", None) in found


def test_a_title_word_inside_a_name_the_model_reads_is_part_of_the_name():
    """"Hakim" is a judge, and a name: "Menteri Agama Lukman Hakim Saifuddin"."""
    found = with_model("Menteri Agama Lukman Hakim Saifuddin membuka sidang isbat.", [(2, 5, "PER")])
    assert ("Lukman Hakim Saifuddin", "Person", "Menteri Agama") in found


def test_words_that_are_no_names_whatever_the_model_says():
    """A religion, a unit after a number, a word drawn out in speech, a month: none is a name."""
    text = "Penduduk Thailand mayoritas beragama Budha dan laptop itu punya SSD 4 TB ."
    found = with_model(text, [(4, 5, "PER"), (11, 12, "PER")])
    assert not [e for e in found if e[0] in ("Budha", "TB")]
    assert not [e for e in with_model("Amiiiin , tulisnya di Instagram .", [(0, 1, "PER")]) if e[0] == "Amiiiin"]
    zelensky = with_model("Pidato Zelensky Oktober lalu didengar Kongres .", [(1, 3, "PER")])
    assert zelensky[0] == ("Zelensky", "Person", None)


def test_a_function_word_opening_the_sentence_is_not_part_of_a_name():
    found = with_model("Baik Ruto ataupun Odinga belum hadir di Nairobi.", [(0, 2, "PER"), (3, 4, "PER")])
    assert [e[:2] for e in found if e[1] == "Person"] == [("Ruto", "Person"), ("Odinga", "Person")]


def test_products_are_no_persons():
    """A model's name with a number or a product word is a product ("Galaxy Note 8", "R Series")."""
    assert not [e for e in with_model("Samsung Galaxy Note 8 dijual di Nairobi .", [(0, 4, "PER")]) if e[1] == "Person"]
    assert not [e for e in with_model("Toyota Land Cruiser Series dipakai tentara Sudan .", [(0, 4, "PER")])
                if e[1] == "Person"]


def test_a_model_person_shaped_like_an_organisation_is_one():
    """An organisation's head word first, or an acronym among other words, make an organisation;
    a Roman numeral, an honorific or a name in capitals do not."""
    assert ("Densus Antiteror", "GovernmentBody", None) in with_model(
        "Polisi Kenya membentuk Densus Antiteror baru .", [(3, 5, "PER")])
    assert ("CIMB Sun Life", "Organization", None) in with_model(
        "Premi CIMB Sun Life naik di Malaysia .", [(1, 4, "PER")])
    for text, span in (("Fraser Robinson III bekerja di Chicago .", (0, 3)), ("MICHELE PIRRO finis kedua .", (0, 2))):
        assert with_model(text, [(*span, "PER")])[0][1] == "Person", text


def test_a_bank_named_by_its_country_is_a_public_body(nlp):
    found = ents(nlp, "Bank Indonesia dan Bank Rusia menaikkan suku bunga, sementara Bank Mandiri menurunkannya.")
    assert [e[:2] for e in found] == [("Bank Indonesia", "GovernmentBody"), ("Bank Rusia", "GovernmentBody"),
                                      ("Bank Mandiri", "Company")]


def test_a_cue_word_types_the_names_listed_after_it(nlp):
    assert [e[:2] for e in ents(nlp, "Belum lagi produsen laptop seperti Dell, Lenovo, dan HP yang kuat di Asia.")
            if e[0] != "Asia"] == [("Dell", "Company"), ("Lenovo", "Company"), ("HP", "Company")]
    russia = ents(nlp, "Pemerintah Rusia memblokir aplikasi seperti Signal dan Telegram.")
    assert [e[:2] for e in russia[1:]] == [("Signal", "Company"), ("Telegram", "Company")]
    assert ("Wolfsburg", "Organization", None) in ents(nlp, "Bek klub Wolfsburg itu cedera saat melawan Bayern.")


def test_a_company_name_ends_before_the_person_after_it(nlp):
    assert ents(nlp, "CEO Sequoia Capital Doug Leone berkunjung ke Singapura.")[:2] == [
        ("Sequoia Capital", "Company", None), ("Doug Leone", "Person", "CEO")]


def test_a_surname_is_the_person_even_where_a_town_has_that_name(nlp):
    found = ents(nlp, "Linda Hamilton kembali ke layar. Dalam film itu Hamilton hanya menyumbangkan suaranya.")
    assert found == [("Linda Hamilton", "Person", None), ("Hamilton", "Person", None)]


def test_short_forms_of_provinces_are_regions(nlp):
    assert [e[:2] for e in ents(nlp, "Banjir melanda Kaltim dan Sulsel, kata Kapolda Sumut.")] == \
        [("Kaltim", "Region"), ("Sulsel", "Region"), ("Sumut", "Region")]


def test_a_party_named_with_its_head_word_is_the_party_without_it():
    text = "Kader Partai Likud berkumpul . Bukan tidak mungkin Likud akan mendukung Netanyahu ."
    assert ("Likud", "PoliticalParty", None) in with_model(text, [(1, 3, "ORG"), (8, 9, "PER"), (11, 12, "PER")])


def test_a_short_form_of_lower_case_words_is_a_common_noun():
    """"harga eceran tertinggi (HET)" is a price, however the model reads HET."""
    text = "Pemerintah Filipina menetapkan harga eceran tertinggi ( HET ) beras . HET berlaku Senin ."
    assert not [e for e in with_model(text, [(7, 8, "ORG"), (11, 12, "ORG")]) if e[0] == "HET"]


def test_the_names_either_side_of_a_score_are_teams():
    found = with_model("Hasil akhir Al Ahly 2-1 Zamalek di Kairo .", [(2, 7, "ORG"), (8, 9, "LOC")])
    assert [e[:2] for e in found] == [("Al Ahly", "Organization"), ("Zamalek", "Organization"), ("Kairo", "City")]
    assert [e[:2] for e in with_model("Charlotte Hornets 87 - 90 Boston Celtics", [(0, 2, "PER")])] == \
        [("Charlotte Hornets", "Organization"), ("Boston Celtics", "Organization")]


def test_a_place_cue_name_ends_before_a_person(nlp):
    """"Negara Bagian Hawaii Chris Lee" is two names."""
    hawaii = ents(nlp, "Sentimen itu senada dengan opini Perwakilan Negara Bagian Hawaii Chris Lee.")
    assert [e[:2] for e in hawaii] == [("Hawaii", "Region"), ("Chris Lee", "Person")]


def test_a_dictionary_word_opening_the_sentence_before_a_given_name_is_not_the_name():
    found = with_model("Pasukan Diego Simeone menguasai Grup D .", [(0, 3, "LOC")])
    assert ("Diego Simeone", "Person", None) in found and not [e for e in found if "Pasukan Diego" in e[0]]


def test_names_listed_after_a_cue_and_adalah_take_its_class(nlp):
    found = ents(nlp, "Kelima startup tersebut adalah Kata.ai, Mycotech, dan Squline dari Singapura.")
    assert [e[:2] for e in found][:3] == [("Kata.ai", "Company"), ("Mycotech", "Company"), ("Squline", "Company")]


def test_a_cue_word_types_the_name_wherever_the_article_writes_it_again():
    """"gawang Olympiakos": a team, also where the model reads the name alone as a person."""
    found = mentions_with_model("Pemain muda itu membobol gawang Olympiakos pada menit ke-80 . "
                                "Olympiakos kini tertinggal tiga poin .", [("Olympiakos", "PER"), ("Olympiakos", "PER")])
    assert found == [("Olympiakos", "Organization"), ("Olympiakos", "Organization")]


def test_a_product_model_is_no_entity():
    """"seri Redmi K" is a phone, and so is every mention of it, with its maker's name before it or not."""
    found = mentions_with_model("Xiaomi meluncurkan seri Redmi K di Nairobi . Xiaomi Redmi K dijual mulai Juni .",
                                [("Redmi K", "PER"), ("Xiaomi Redmi K", "PER")])
    assert not [m for m in found if "Redmi" in m[0]]


def test_an_event_or_an_award_is_no_entity():
    found = mentions_with_model("Ribuan orang menghadiri Festival Danau Inle di Shan . Ia meraih Kenya Music Awards .",
                                [("Festival Danau Inle", "ORG"), ("Kenya Music", "ORG")])
    assert not [m for m in found if "Inle" in m[0] or "Music" in m[0]]
    cup = mentions_with_model("Zamalek tersingkir dari Piala CAF musim ini .", [("CAF", "ORG")])
    assert not [m for m in cup if m[0] == "CAF"]


def test_a_language_or_a_card_names_no_place_and_no_group():
    found = mentions_with_model("UNHCR membagikan kartu pengungsi kepada warga di Bamako . "
                                "Dokumen itu ditulis dalam bahasa Prancis .", [])
    assert ("pengungsi", "Group") not in found and ("Prancis", "Country") not in found
    assert ("Bamako", "City") in found


def test_a_name_listed_among_persons_is_a_person():
    """A line-up: the model's one place among the players is a player too."""
    found = mentions_with_model("Susunan pemain Zamalek : Mohamed Awad , Hamza Mathlouthi , Mahmoud Alaa , Ahmed Fatouh .",
                                [("Mohamed Awad", "PER"), ("Hamza Mathlouthi", "PER"), ("Mahmoud Alaa", "LOC"),
                                 ("Ahmed Fatouh", "PER")])
    assert ("Mahmoud Alaa", "Person") in found
    clubs = mentions_with_model("Ia pernah bermain untuk Southampton FC , Bolton Wanderers FC , Reading , dan Fulham FC .",
                                [("Reading", "LOC")])
    assert ("Reading", "Organization") in clubs


def test_a_source_line_is_no_part_of_the_article():
    from kg.ingest import clean_text

    assert "Reuters" not in clean_text("Polisi menahan 20 orang di Lima.\nSumber: Reuters via Mashable.\nBentrokan berlanjut.")


def test_a_company_named_with_its_legal_form_is_the_company_without_it_too():
    found = mentions_with_model("Pendiri Naspers Ltd menyebut Naspers akan menjual sahamnya di Lagos .",
                                [("Naspers Ltd", "PER"), ("Naspers", "PER")])
    assert ("Naspers", "Company") in found and ("Naspers", "Person") not in found


def test_a_short_form_only_the_model_reads_as_a_place_is_no_place():
    found = mentions_with_model("Studio di Kyiv itu mengalihkan fokusnya ke IP baru .", [("IP", "LOC")])
    assert not [m for m in found if m[0] == "IP"]

