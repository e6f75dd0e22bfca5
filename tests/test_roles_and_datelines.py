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
