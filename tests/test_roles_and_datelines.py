"""Speakers read through titles, ranks and appositions; datelines as document metadata in the graph;
roles, ranks and affiliations as triples. Sentences about other countries and crises."""
from __future__ import annotations

from datetime import date

from pyoxigraph import NamedNode
from rdflib import Graph, URIRef
from test_events import names, of, pipeline, read  # noqa: F401  (fixtures)

from kg import rdf
from kg.records import Dateline, Document, ExtractedDocument
from kg.resolve.entities import resolve_entities
from kg.resolve.events import resolve_events
from kg.vocab import CRISIS, DCTERMS, doc_iri


def speakers(ext):
    return [(names(ext, [e.speaker]) if e.speaker is not None else [], names(ext, e.spoken_for))
            for e in of(ext, "Statement")]


def test_the_speaker_is_the_person_after_the_title_rank_and_unit(read):
    ext = read("“Situasi terkendali,” kata Kepala Bidang Humas Kepolisian Almaty Kolonel Kanat Taimerdenov "
               "kepada wartawan. Menteri Pertahanan Ukraina Oleksii Reznikov mengatakan rudal menghantam Kyiv.")
    assert speakers(ext) == [(["Kanat Taimerdenov"], ["Kepolisian Almaty"]),   # a spokesman's office
                             (["Oleksii Reznikov"], [])]


def test_a_person_set_off_after_a_description_is_the_speaker(read):
    ext = read("Menurut Kepala Kepolisian Almaty, Kolonel Kanat Taimerdenov, 12 orang ditahan. "
               "“Kami aman,” kata polisi setempat, Kanat Taimerdenov, kepada wartawan. "
               "Menurut seorang sumber di kantor kepresidenan, Mohamed Bazoum dalam keadaan sehat.")
    assert speakers(ext) == [(["Kanat Taimerdenov"], []), (["Kanat Taimerdenov"], [])]


def test_an_office_whose_holder_is_not_named_speaks_for_its_organisation(read):
    ext = read("Mantan Kepala Staf Angkatan Darat (KSAD) tersebut mengatakan pasukan siap.")
    assert speakers(ext) == [([], ["Angkatan Darat"])]


def test_no_speaker_from_a_rumour_a_cited_outlet_or_a_relative(read):
    """"disebut-sebut" is a rumour; the outlet a quote is cited from is no speaker; "Istri Presiden
    X mengatakan" is the wife speaking, whom the text does not name."""
    ext = read("Ketajaman ini disebut - sebut membuat Juventus tak keberatan. “Kami siap,” ucap Maria Ortega "
               "seperti dilansir Reuters. “Kami kalah,” ucap sang pelatih seperti dikutip dari Reuters. "
               "Istri Presiden Kenya William Ruto mengatakan bantuan tiba di Nairobi.")
    assert [s for s, _ in speakers(ext)] == [["Maria Ortega"]]


def _objects(ext: ExtractedDocument, subject: str, predicate: str) -> set[str]:
    """The values the rdf stage writes for ``subject`` and ``predicate``, in any graph."""
    resolve_events(ext)
    return {q.object.value for q in rdf.document_quads(ext, "x")
            if q.subject == NamedNode(subject) and q.predicate == NamedNode(predicate)}


def test_roles_ranks_and_affiliations_are_triples(read):
    ext = read("Kepala Staf Angkatan Darat Ukraina Jenderal Valerii Zaluzhnyi mengatakan pasukan bertahan.")
    person = next(m for m in ext.mentions if m.cls == "Person")
    army = next(m for m in ext.mentions if m.text == "Angkatan Darat Ukraina")
    assert _objects(ext, person.entity, CRISIS + "role") == {"Kepala Staf", "Jenderal"}
    assert _objects(ext, person.entity, CRISIS + "affiliation") == {army.entity}


def test_a_dateline_is_document_metadata(pipeline):
    from kg.extract import extract

    text = "Khartoum (ANTARA) - Tentara Sudan dan RSF bertempur di Omdurman."
    ext = extract(Document("sd-1", text, published=date(2023, 4, 16)), pipeline(text))
    resolve_entities(ext)
    assert ext.dateline == Dateline("Khartoum", "ANTARA")
    assert [m.text for m in ext.mentions] == ["Tentara", "Sudan", "RSF", "Omdurman"]
    doc = doc_iri("sd-1")
    assert _objects(ext, doc, CRISIS + "datelinePlace") == {"Khartoum"}
    assert _objects(ext, doc, DCTERMS + "publisher") == {"ANTARA"}          # no publisher was given
    ext.doc.publisher = "Antara News Agency"
    assert _objects(ext, doc, DCTERMS + "publisher") == {"Antara News Agency"}


def test_the_ontology_defines_the_dateline_place():
    from kg.ontology import ontology_path

    onto = Graph().parse(ontology_path())
    prop = URIRef(CRISIS + "datelinePlace")
    assert (prop, URIRef("http://www.w3.org/2000/01/rdf-schema#domain"), URIRef(CRISIS + "Document")) in onto


def _places(ext, cls):
    return [[ext.mentions[i].text for i in e.places] for e in of(ext, cls)]


def test_where_something_goes_is_the_place_of_a_deployment_or_a_journey_only(read):
    ext = read("Dua bulan setelah lengser dari jabatannya, mantan Presiden Meksiko Enrique Pena Nieto akan "
               "berlibur ke Chile. Pemerintah mengerahkan 300 tentara ke Kidal. ECOWAS mengirim Presiden Benin "
               "Patrice Talon ke Niamey untuk mediasi dengan junta.")
    assert _places(ext, "LeadershipChange") == [[]]            # he will holiday in Chile: not where he stepped down
    assert _places(ext, "MilitaryDeployment") == [["Kidal"]]
    assert _places(ext, "Meeting") == [["Niamey"]]             # sent there to mediate


def test_where_a_spokesman_speaks_is_not_where_the_event_happened(read):
    ext = read('"Tiga orang sudah ditangkap," ujar juru bicara kepolisian Lima Carlos Ramos di Callao.')
    assert _places(ext, "Detention") == [[]]


def test_a_relative_clause_between_the_detainee_and_the_verb_keeps_the_detainee(read):
    ext = read("Bupati Carlos Mendoza yang mengenakan kemeja biru itu, digelandang menggunakan mobil tahanan "
               "polisi Nikaragua.")
    assert [names(ext, e.targets) for e in of(ext, "Detention")] == [["Carlos Mendoza"]]


def test_an_outlet_a_report_is_cited_from_is_no_speaker(read):
    ext = read("Menurut laporan Variety, film itu akan tayang pada Desember. Kontrak baru Leclerc dengan Tim Ferrari "
               'seperti dilaporkan Autosport, baru akan diumumkan di Monza. "Kami menolak," kata Menteri Luar Negeri '
               "Iran Javad Zarif seperti dilaporkan AFP.")
    assert speakers(ext) == [(["Javad Zarif"], [])]


# --- arguments that belong to the trigger (issue 17) ------------------------------------------------

def _roles(ext, cls):
    return [(names(ext, e.agents), names(ext, e.targets), names(ext, e.participants), names(ext, e.places))
            for e in of(ext, cls)]


def test_a_place_where_someone_was_born_is_not_where_the_event_happened(read):
    ext = read("Ayah Khadr yang lahir di Mesir tewas pada 2003 ketika helikopter militer Pakistan mengebom "
               "rumah tempatnya berlindung.")
    assert [places for *_, places in _roles(ext, "Casualties") + _roles(ext, "Bombing")] == [[], []]


def test_a_place_at_the_end_of_a_place_phrase_is_where(read):
    """"di zona diplomatik Kabul", "ditangkap di tempat Abedi tinggal di selatan Manchester": the clause
    describes the place of the arrest, so its town is the arrest's."""
    ext = read("Kepolisian Inggris mengatakan mereka telah mengamankan tiga pria lainnya yang ditangkap di tempat "
               "Abedi tinggal di selatan Manchester.")
    assert [places for *_, places in _roles(ext, "Detention")] == [["Manchester"]]


def test_the_place_of_the_main_clause_is_not_that_of_a_clause_before_it(read):
    ext = read("Sebelum melakukan penangkapan, penyidik kejaksaan melakukan penggeledahan di kantor wali kota Cusco.")
    assert [places for *_, places in _roles(ext, "Detention")] == [[]]


def test_a_country_after_an_embassy_owns_it_and_is_no_place(read):
    ext = read("Mendapat laporan itu, Menteri Luar Negeri Kang Kyung-wha lantas memanggil kuasa usaha Kedutaan "
               "Jepang, karena duta besar Jepang sedang berada di Tokyo.")
    assert [places for *_, places in _roles(ext, "Meeting")] == [[]]


def test_a_name_inside_a_place_phrase_is_not_the_object(read):
    ext = read("Kepolisian Brasil menangkap satu anggota baru penyebar konten kekerasan di grup Facebook milik "
               "kelompok itu.")
    assert [targets for _, targets, *_ in _roles(ext, "Detention")] == [[]]


def test_the_agent_of_a_passive_verb_is_not_the_subject_of_the_next(read):
    """The letter appoints, not the president who received it; the police seized evidence, nobody died."""
    ext = read("Surat tersebut diterima Presiden Emmanuel Macron dan telah menunjuk Jean Castex sebagai perdana "
               "menteri sementara. Sejumlah barang bukti disita polisi, antara lain sebilah parang, pakaian "
               "korban, dan potongan tubuh korban tewas di lokasi.")
    assert [(agents, targets) for agents, targets, *_ in _roles(ext, "LeadershipChange")] == [([], ["Jean Castex"])]
    assert [targets for _, targets, *_ in _roles(ext, "Casualties")] == [[]]


def test_a_name_after_another_verb_is_that_verbs(read):
    """Macron is whom the protesters want gone, the police what they want disbanded: neither protests."""
    ext = read("Demonstrasi mendesak agar Presiden Emmanuel Macron mundur telah dilakukan ratusan ribu orang di "
               "Paris. Unjuk rasa menuntut agar polisi dibubarkan digelar ribuan orang di Minneapolis.")
    assert [participants for _, _, participants, _ in _roles(ext, "Protest")] == [[], []]


def test_a_meeting_that_opens_the_sentence_has_the_main_subject_for_a_party(read):
    ext = read("Dalam pertemuan dengan tiga lembaga legislatif itu, Presiden Chile Michelle Bachelet membahas "
               "kerja sama perdagangan.")
    assert [participants for _, _, participants, _ in _roles(ext, "Meeting")] == [["Michelle Bachelet"]]


def test_one_count_of_a_list_is_not_the_figure(read):
    """Three were arrested: two is a part, the list's sum the figure. Counts with a figure word of their own
    stay figures."""
    ext = read("Polisi Thailand telah menangkap dua warga negara asing (WNA) dan juga satu orang Thailand yang "
               "diduga menyebarkan berita palsu. Bom itu menewaskan 22 orang dan melukai 59 lainnya di Manchester. "
               "Polisi Peru menahan sekitar 1.200 orang dan dua demonstran tewas dalam bentrokan di Lima.")
    assert [(f.prop, f.quantity.value) for e in ext.events for f in e.figures] == [
        ("detained", 3), ("killed", 22), ("injured", 59), ("detained", 1200), ("killed", 2)]


def test_both_parties_of_a_meeting_between_two_take_part(read):
    """'dengan' breaks a clause, but after 'antara X' or a trigger that ends in it, it joins the partner."""
    ext = read("Pertemuan antara Menteri Luar Negeri Jepang Taro Kono dengan Menteri Luar Negeri Korea Selatan "
               "Kang Kyung-wha membahas program nuklir. Kepolisian Kenya akan melakukan koordinasi dengan Interpol "
               "untuk memburu buronan itu.")
    assert [participants for _, _, participants, _ in _roles(ext, "Meeting")] == [
        ["Taro Kono", "Kang Kyung-wha"], ["Interpol"]]


def test_a_verb_used_as_a_preposition_keeps_the_opponent_and_a_means_its_user(read):
    """'melawan' stands for 'against'; the troops that help with air strikes strike."""
    ext = read("Pasukan pemerintah Sudan bentrok melawan kelompok RSF di Khartoum. "
               "Pasukan Prancis akan membantu dengan serangan udara di utara Mali.")
    assert [participants for _, _, participants, _ in _roles(ext, "ArmedClash")] == [["RSF"]]
    assert [agents for agents, *_ in _roles(ext, "Bombing")] == [["Pasukan"]]


def test_a_clause_without_a_subject_shares_the_main_one(read):
    """Navalny protested, Dagalo was sentenced; the object of the main clause is not the shooter."""
    ext = read("Pemimpin oposisi Rusia Alexei Navalny ditangkap saat berunjuk rasa di Moskow. "
               "Meski divonis, Jenderal Hamdan Dagalo tak ditahan karena mengajukan banding. "
               "Polisi Filipina menangkap Kolonel Juan Santos setelah menembak seorang warga.")
    assert [agents for agents, *_ in _roles(ext, "Protest")] == [["Alexei Navalny"]]
    assert [targets for _, targets, *_ in _roles(ext, "PolicyMeasure")] == [["Hamdan Dagalo"]]
    assert [agents for agents, *_ in _roles(ext, "ViolenceAgainstCivilians")] == [[]]


def test_the_place_of_a_cause_or_of_what_a_death_results_from(read):
    ext = read("Setidaknya 31 orang terluka karena tembakan tentara Israel di Tepi Barat. "
               "Polisi Kenya menembaki demonstran di Kisumu sehingga dua orang tewas.")
    assert [places for *_, places in _roles(ext, "Casualties")] == [["Tepi Barat"], ["Kisumu"]]


def test_a_place_that_opens_the_sentence_or_ends_an_advance_is_where(read):
    """'Di X,' sets the scene of all the sentence tells; 'merangsek ke kota tua X' advances on X."""
    ext = read("Di Jalur Gaza, puluhan demonstran Palestina berkumpul di pagar perbatasan dengan Israel dan "
               "melempari tentara Israel dengan batu. Pasukan Suriah mulai merangsek ke kota tua Aleppo.")
    assert [places for *_, places in _roles(ext, "Riot") + _roles(ext, "ArmedClash")] == [["Jalur Gaza"], ["Aleppo"]]


def test_where_a_speaker_is_is_not_where_what_they_tell_of_happened(read):
    """A place before the verb of saying belongs to who speaks: the news agency is in Damaskus."""
    ext = read("Kantor berita pemerintah di Damaskus melaporkan serangan udara menewaskan 12 orang. "
               "Kantor berita pemerintah di Damaskus melaporkan serangan udara di Idlib menewaskan 12 orang.")
    assert _places(ext, "Bombing") == [[], ["Idlib"]]


def test_a_name_that_says_whose_relative_the_detainee_is_is_not_the_detainee(read):
    ext = read("Polisi Kolombia menahan putra mantan senator Piedad Cordoba, Juan Cordoba, di Bogota.")
    assert [targets for _, targets, *_ in _roles(ext, "Detention")] == [["Juan Cordoba"]]


def test_who_tells_what_it_has_done_is_its_agent(read):
    """"X mengklaim telah menewaskan": X claims its own deed; "X mengatakan polisi menangkap": not X's."""
    ext = read("Kementerian Pertahanan Rusia mengklaim telah menewaskan pemimpin ISIS itu dalam serangan udara. "
               "Kementerian Pertahanan Rusia mengatakan tentara Suriah menewaskan pemimpin ISIS itu.")
    assert [agents for agents, *_ in _roles(ext, "Casualties")] == [["Kementerian Pertahanan Rusia"], ["tentara"]]
