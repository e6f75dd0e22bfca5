"""Offline Wikidata linking: type, context and ambiguity decide; a wrong link is worse than none."""
from __future__ import annotations

import csv
from importlib import resources

import pyoxigraph as ox
import pytest

from kg.link import link_store_entities
from kg.gazetteer import Row, packaged_table
from kg.gazetteer import normalise as normalize
from kg.link.common import EntityInfo
from kg.link.offline import OfflineLinker, link
from kg.vocab import CRISIS, ENTITIES_GRAPH, GEO, ID, ITSRDF, LINKS_GRAPH, NIF, OWL, RDF, RDFS, SKOS


def one(cls: str, label: str, alt: set[str] | None = None, context: set[str] | None = None):
    links = link([EntityInfo("http://x/e", cls, label, alt or set(), context or set())])
    return links[0] if links else None


@pytest.mark.parametrize("cls,label,qid", [
    ("Place", "Washington", "Q61"),          # the capital before the US state of the same name
    ("City", "Washington", "Q61"),
    ("Country", "Inggris", "Q145"),          # the United Kingdom, not England
    ("Place", "Inggris", "Q145"),
    ("Organization", "Kremlin", "Q218295"),  # the Russian presidency
    ("GovernmentBody", "Kremlin", "Q218295"),
    ("Place", "Nur-Sultan", "Q1520"),
    ("Place", "nur sultan", "Q1520"),        # case and hyphen do not matter
    ("Place", "Amerika Serikat", "Q30"),
    ("Country", "Tiongkok", "Q148"),
    ("Country", "Cina", "Q148"),
    ("Place", "Prancis", "Q142"),
    ("Place", "Perancis", "Q142"),
    ("Place", "Jenewa", "Q71"),
    ("Place", "Moskow", "Q649"),
    ("Country", "Selandia Baru", "Q664"),
    ("Country", "Afrika Selatan", "Q258"),
    ("Place", "Georgia", "Q230"),            # the country, not the US state
    ("InternationalOrganization", "PBB", "Q1065"),
    ("InternationalOrganization", "ODKB", "Q318693"),
    ("Organization", "OSCE", "Q81299"),
    ("MediaOrganization", "Reuters", "Q130879"),
    ("Company", "Meta", "Q380"),             # not the Colombian department Meta
    ("Person", "Tokayev", "Q200881"),
    ("Place", "Bogota", "Q2841"),            # diacritics do not matter (Bogotá)
])
def test_links_by_type_and_name(cls, label, qid):
    got = one(cls, label)
    assert got is not None and got.qid == qid


@pytest.mark.parametrize("cls,label", [
    ("Person", "Washington"),        # a person is never linked to a place
    ("Person", "Kremlin"),
    ("Place", "Kremlin"),            # offices only for organisation mentions
    ("Place", "Facebook"),
    ("Country", "Moskow"),           # a city is not a country
    ("Group", "Rusia"),              # groups are never linked
    ("Place", "Negeri Antah Berantah"),
    ("Organization", "ESA"),         # the source's acronym means something else in news
    ("Place", "Amazonas"),           # four regions in four countries, no context
    ("Region", "Central"),
])
def test_no_link_when_incompatible_unknown_or_ambiguous(cls, label):
    assert one(cls, label) is None


def test_context_country_breaks_a_tie():
    # Amazonas is a region of Brazil, Peru, Colombia and Venezuela.
    assert one("Region", "Amazonas", context={"Q155"}).qid == "Q40040"
    assert one("Region", "Amazonas", context={"Q419"}).qid == "Q201162"
    assert one("Region", "Amazonas", context={"Q252"}) is None   # Indonesia: none of them


def test_other_names_are_used_only_when_the_label_finds_nothing():
    assert one("Country", "Negeri Tirai Bambu", alt={"RRT"}).qid == "Q148"
    assert one("City", "Jenewa", alt={"Moskow"}).qid == "Q71"


def test_places_carry_coordinates_people_do_not():
    geneva = one("City", "Jenewa")
    assert (geneva.lat, geneva.lon) == pytest.approx((46.2, 6.14), abs=0.01)
    putin = one("Person", "Putin")
    assert putin.qid == "Q7747" and putin.lat is None and putin.lon is None


def test_methods_and_confidences():
    assert (one("Place", "Jenewa").method, one("Place", "Jenewa").confidence) == ("offline-label", 0.95)
    assert one("InternationalOrganization", "PBB").method == "offline-alias"
    assert one("Place", "Georgia").method == "offline-country"
    assert one("Region", "Amazonas", context={"Q155"}).method == "offline-context"


def test_ambiguous_people_are_never_guessed():
    rows = [Row("Q1", "person", "Ana Lima", "", ("Lima",), "Q155", None, None, 0),
            Row("Q2", "person", "Bruno Lima", "", ("Lima",), "Q419", None, None, 1)]
    linker = OfflineLinker(rows)
    assert link([EntityInfo("e", "Person", "Lima")], linker) == []
    assert link([EntityInfo("e", "Person", "Lima", context_countries={"Q419"})], linker)[0].qid == "Q2"


def test_normalize():
    assert normalize("Nur-Sultan") == normalize("NUR SULTAN") == "nur sultan"
    assert normalize("Washington, D.C.") == normalize("Washington DC")
    assert normalize("Aqtöbe") == "aqtobe"


def test_table_shape_and_ids_come_from_the_shared_files():
    text = resources.files("kg").joinpath("data/wikidata.tsv").read_text(encoding="utf-8")
    header = text.splitlines()[0].split("\t")
    assert header == ["qid", "kind", "label_en", "label_id", "aliases", "country_qid", "lat", "lon"]
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len({r["qid"] for r in rows}) == len(rows)
    kinds = {r["kind"] for r in rows}
    assert kinds <= {"country", "city", "region", "international_organization", "organization",
                     "media", "company", "government_body", "person", "office", "event", "other"}
    assert sum(r["kind"] == "country" for r in rows) >= 195
    assert len(packaged_table()) == len(rows)


# --- link_store_entities on a small hand-made store -------------------------------------------

def _store() -> ox.Store:
    store = ox.Store()
    ents = ox.NamedNode(ENTITIES_GRAPH)

    def entity(key, cls, label, alt=()):
        iri = ox.NamedNode(f"{ID}{key}")
        store.add(ox.Quad(iri, ox.NamedNode(RDF + "type"), ox.NamedNode(CRISIS + cls), ents))
        store.add(ox.Quad(iri, ox.NamedNode(RDFS + "label"), ox.Literal(label), ents))
        for name in alt:
            store.add(ox.Quad(iri, ox.NamedNode(SKOS + "altLabel"), ox.Literal(name), ents))
        return iri

    def mention(doc, n, target):
        phrase = ox.NamedNode(f"{ID}doc/{doc}#char={n},{n + 5}")
        graph = ox.NamedNode(f"{ID}doc/{doc}#char=0,100")
        store.add(ox.Quad(phrase, ox.NamedNode(RDF + "type"), ox.NamedNode(NIF + "Phrase"), graph))
        store.add(ox.Quad(phrase, ox.NamedNode(ITSRDF + "taIdentRef"), target, graph))
        store.add(ox.Quad(phrase, ox.NamedNode(NIF + "referenceContext"),
                          ox.NamedNode(f"{ID}doc/{doc}"), graph))

    # "Protes meluas di negara bagian Amazonas, Brasil, dan di Jenewa para diplomat bertemu."
    amazonas = entity("place/amazonas", "Region", "Amazonas")
    brasil = entity("place/brasil", "Country", "Brasil")
    geneva = entity("place/jenewa", "City", "Jenewa")
    mention("a", 0, amazonas)
    mention("a", 10, brasil)
    mention("a", 20, geneva)
    # "Juru bicara Kremlin mengatakan ..." / "Washington menolak" / protesters
    mention("b", 0, entity("org/kremlin", "Organization", "Kremlin"))
    mention("b", 10, entity("person/washington", "Person", "Washington"))
    mention("b", 20, entity("group/protesters", "Group", "pengunjuk rasa", ["demonstran"]))
    store.add(ox.Quad(ox.NamedNode(f"{ID}stale"), ox.NamedNode(OWL + "sameAs"),
                      ox.NamedNode("http://www.wikidata.org/entity/Q1"), ox.NamedNode(LINKS_GRAPH)))
    return store


def _links(store: ox.Store) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)):
        out.setdefault(q.subject.value, {})[q.predicate.value] = q.object
    return out


def test_link_store_entities_writes_the_links_graph():
    store = _store()
    summary = link_store_entities(store, online=False)
    assert summary.entities == 6 and summary.linked == 4
    links = _links(store)
    assert f"{ID}stale" not in links                               # the graph is replaced
    amazonas = links[f"{ID}place/amazonas"]
    assert amazonas[OWL + "sameAs"].value == "http://www.wikidata.org/entity/Q40040"   # via Brasil
    assert amazonas[CRISIS + "linkMethod"].value == "offline-context"
    kremlin = links[f"{ID}org/kremlin"]
    assert kremlin[OWL + "sameAs"].value == "http://www.wikidata.org/entity/Q218295"
    confidence = kremlin[CRISIS + "linkConfidence"]
    assert float(confidence.value) == 0.9
    assert confidence.datatype.value == "http://www.w3.org/2001/XMLSchema#decimal"
    assert GEO + "hasGeometry" not in kremlin
    geometry = links[f"{ID}place/jenewa"][GEO + "hasGeometry"]
    assert geometry.value == f"{ID}place/jenewa/geometry"
    wkt = links[geometry.value][GEO + "asWKT"]
    assert wkt.datatype.value == GEO + "wktLiteral"
    lon, lat = map(float, wkt.value.removeprefix("POINT(").removesuffix(")").split())
    assert (lon, lat) == pytest.approx((6.14, 46.2), abs=0.01)          # longitude first
    assert f"{ID}person/washington" not in links and f"{ID}group/protesters" not in links


def test_link_store_entities_twice_does_not_double():
    store = _store()
    link_store_entities(store, online=False)
    first = set(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))
    link_store_entities(store, online=False)
    assert set(store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))) == first
