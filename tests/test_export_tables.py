"""The flat exports as their users' tools read them: the ACLED-style CSV in pandas, the GeoJSON in
GDAL (pyogrio, what QGIS and geopandas read it with).

The store is tests/graph_fixture.py's plus a second article that reports the same protest with
another figure (claimed by the police, "at least"; a retracted one beside it) and a clash in a
region, both dated only by the publication date (crisis:reportDate, as kg build writes it), so
that rows per source, claims, date precision, admin levels and actors can be told apart.
"""
from __future__ import annotations

import io
import json

import pandas as pd
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from graph_fixture import make_store

from kg.cli import cli
from kg.store import GraphStore

pyogrio = pytest.importorskip("pyogrio")

ID = "https://w3id.org/crisis-kg/id/"
PROTEST, DEPLOY, STATEMENT, CLASH, RIOT = (ID + f"event/{e}" for e in
                                           ("lk-1-protest", "lk-1-deploy", "lk-1-statement", "lk-2-clash", "lk-1-riot"))
SECOND_ARTICLE = r"""
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix doc: <https://w3id.org/crisis-kg/id/doc/lk-2#> .

id:doc\/lk-2 {
  id:doc\/lk-2 a crisis:Document , nif:Context ; dcterms:identifier "lk-2" ; dcterms:issued "2022-07-15"^^xsd:date ;
      dcterms:publisher "Daily Mirror" ; dcterms:source "https://example.org/lk-2" ; nif:isString "..." .
  doc:char\=0\,80 a nif:Sentence ; nif:referenceContext id:doc\/lk-2 ;
      nif:isString "Polisi mengatakan sedikitnya tiga demonstran tewas dalam unjuk rasa di Kolombo." .
  doc:char\=81\,130 a nif:Sentence ; nif:referenceContext id:doc\/lk-2 ;
      nif:isString "Polisi dan tentara bentrok dengan demonstran di Gampaha." .
}

doc:char\=0\,80 {
  id:event\/lk-1-protest crisis:evidence doc:char\=0\,80 ; crisis:agent id:group\/protesters ;
      crisis:reportDate "2022-07-15"^^xsd:date ;
      crisis:place id:place\/colombo , id:country\/sri-lanka ; crisis:killed 3 , 10 ;
      crisis:hasFigure id:event\/lk-1-protest\/figure\/a , id:event\/lk-1-protest\/figure\/b .
  id:event\/lk-1-protest\/figure\/a a crisis:Figure ; crisis:countProperty crisis:killed ; rdf:value 3 ;
      crisis:qualifier "atLeast" ; crisis:reportedBy id:group\/police .
  id:event\/lk-1-protest\/figure\/b a crisis:Figure ; crisis:countProperty crisis:killed ; rdf:value 10 ;
      crisis:qualifier "exact" ; crisis:retracted true .
}

doc:char\=81\,130 {
  id:event\/lk-2-clash a crisis:ArmedClash ; crisis:evidence doc:char\=81\,130 ; crisis:trigger "bentrok"@id ;
      crisis:reportDate "2022-07-15"^^xsd:date ;
      crisis:agent id:group\/police ; crisis:participant id:group\/soldiers ; crisis:target id:group\/protesters ;
      crisis:place id:place\/gampaha , id:country\/sri-lanka .
}

id:graph\/entities {
  id:group\/police a crisis:Group ; rdfs:label "police" .
  id:group\/soldiers a crisis:Group ; rdfs:label "soldiers" .
  id:country\/sri-lanka a crisis:Country ; rdfs:label "Sri Lanka" .
  id:place\/gampaha a crisis:Region ; rdfs:label "Gampaha" .
}

id:graph\/links {
  id:country\/sri-lanka owl:sameAs wd:Q854 ; geo:hasGeometry id:country\/sri-lanka\/geometry .
  id:country\/sri-lanka\/geometry geo:asWKT "POINT(81 7)"^^geo:wktLiteral .
  id:place\/gampaha owl:sameAs wd:Q206344 ; geo:hasGeometry id:place\/gampaha\/geometry .
  id:place\/gampaha\/geometry geo:asWKT "POINT(80.0144 7.118)"^^geo:wktLiteral .
}
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("tables") / "store", SECOND_ARTICLE)


def export(store, fmt, *options) -> str:
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--store", str(store), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def acled(store, *options) -> pd.DataFrame:
    """The CSV as pandas reads it (numbers as numbers, an empty cell NaN), text columns' NaN as ""."""
    table = pd.read_csv(io.StringIO(export(store, "acled-csv", *options)))
    return table.fillna({c: "" for c in table.columns if table[c].dtype == object or table[c].isna().all()})


def test_acled_csv_has_a_row_per_event_and_source(store):
    table = acled(store)
    assert list(table.columns) == [
        "event_id", "event_date", "date_precision", "date_text", "event_type", "sub_event_type", "event_class",
        "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "country", "latitude",
        "longitude", "fatalities", "fatalities_qualifier", "fatalities_claimant", "source", "source_date",
        "source_url", "document", "notes", "modality"]
    assert sorted(zip(table.event_id, table.document)) == sorted([
        (PROTEST, "lk-1"), (PROTEST, "lk-2"), (DEPLOY, "lk-1"), (STATEMENT, "lk-1"), (CLASH, "lk-2")])
    assert RIOT not in set(table.event_id)                  # negated: left out, as the saved queries do


def test_each_source_keeps_its_own_date_figure_claim_and_sentences(store):
    rows = acled(store).set_index(["event_id", "document"])
    first, second = rows.loc[(PROTEST, "lk-1")], rows.loc[(PROTEST, "lk-2")]
    assert (first.event_date, first.date_precision, first.date_text) == ("2022-07-09", "day", "")
    assert (second.event_date, second.date_precision) == ("2022-07-09", "day")      # the other source's, not
                                                                                      # its publication date
    clash = rows.loc[(CLASH, "lk-2")]
    assert (clash.event_date, clash.date_precision) == ("2022-07-15", "publication")  # no source dates it
    assert (first.fatalities, first.fatalities_qualifier, first.fatalities_claimant) == (2, "", "")
    assert (second.fatalities, second.fatalities_qualifier, second.fatalities_claimant) == (3, "atLeast", "police")
    assert first.notes == ("Ribuan demonstran berunjuk rasa di Kolombo pada 9 Juli. "
                           "Tentara dikerahkan ke Kolombo; dua orang tewas.")          # both sentences, in order
    assert second.notes.startswith("Polisi mengatakan sedikitnya tiga demonstran tewas")
    assert (second.source, second.source_date, second.source_url) == (
        "Daily Mirror", "2022-07-15", "https://example.org/lk-2")


def test_types_actors_and_places_follow_acled(store):
    rows = acled(store).set_index(["event_id", "document"])
    protest, clash = rows.loc[(PROTEST, "lk-2")], rows.loc[(CLASH, "lk-2")]
    assert (protest.event_type, protest.sub_event_type, protest.event_class) == ("Protests", "Peaceful protest", "Protest")
    assert (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")
    assert rows.loc[(DEPLOY, "lk-1")].event_type == ""      # the ontology maps MilitaryDeployment to no ACLED type
    assert (clash.actor1, clash.assoc_actor_1, clash.actor2) == ("police", "soldiers", "protesters")
    # the most specific located place; its region and country from the gazetteer's Wikidata ids
    assert (protest.location, protest.admin1, protest.country) == ("Colombo", "", "Sri Lanka")
    assert (protest.latitude, protest.longitude) == (6.9271, 79.8612)
    assert (clash.location, clash.admin1, clash.country) == ("Gampaha", "Gampaha", "Sri Lanka")


def test_acled_types_are_read_from_the_ontology(store, tmp_path):
    """Drop the ontology's closeMatch of Protest: the export no longer gives it an ACLED type."""
    from kg.vocab import CRISIS, ONTOLOGY_GRAPH, SKOS

    copy = make_store(tmp_path / "store")
    with GraphStore(copy).write() as graph:
        for q in list(graph.quads_for_pattern(ox.NamedNode(CRISIS + "Protest"), ox.NamedNode(SKOS + "closeMatch"),
                                              None, ox.NamedNode(ONTOLOGY_GRAPH))):
            graph.remove(q)
    rows = acled(copy).set_index("event_id")
    assert rows.loc[PROTEST].event_type == "" and rows.loc[DEPLOY].event_class == "MilitaryDeployment"


def test_unasserted_and_dates_select_rows(store):
    riot = acled(store, "--unasserted").set_index("event_id").loc[RIOT]
    assert (riot.modality, riot.event_type, riot.location) == ("negated", "Riots", "Colombo")
    assert sorted(set(acled(store, "--since", "2022-07-10").event_id)) == [DEPLOY, STATEMENT, CLASH]
    assert set(acled(store, "--type", "City").event_id) == {PROTEST, DEPLOY}     # actors still named
    assert set(acled(store, "--type", "City").actor1) == {"protesters", "Sri Lanka Army"}


def test_geojson_has_a_flat_point_per_located_event(store, tmp_path):
    path = tmp_path / "events.geojson"
    path.write_text(export(store, "geojson"), encoding="utf-8")
    collection = json.loads(path.read_text(encoding="utf-8"))
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {PROTEST, DEPLOY, CLASH}             # the statement has no place
    for feature in features.values():
        assert feature["geometry"]["type"] == "Point"
        assert all(isinstance(v, (str, int, float)) or v is None for v in feature["properties"].values())
    protest = features[PROTEST]
    assert protest["geometry"]["coordinates"] == [79.8612, 6.9271]          # [lon, lat], not [lat, lon]
    props = protest["properties"]
    assert (props["event_date"], props["date_precision"], props["sources"], props["sentences"]) == ("2022-07-09", "day", 2, 3)
    assert (props["fatalities"], props["fatalities_qualifier"], props["fatalities_claimant"]) == (3, "atLeast", "police")
    assert props["document"] == "lk-1; lk-2" and props["source"] == "Daily Mirror"

    info = pyogrio.read_info(path)                          # GDAL, as QGIS opens it
    assert info["features"] == 3 and info["geometry_type"] == "Point"
    assert {"event_type", "fatalities", "event_date", "actor1", "country"} <= set(info["fields"])
    meta, _, geometry, columns = pyogrio.raw.read(path)
    values = dict(zip(meta["fields"], columns))
    assert sorted(values["event_type"]) == ["", "Battles", "Protests"]
    assert sorted(v for v in values["fatalities"] if v == v) == [3]       # a number QGIS can size points by
    assert all(g is not None for g in geometry)


def test_tables_from_the_seeds_open_in_pandas(seed_store, tmp_path):
    table = acled(seed_store)
    assert len(table) > 50 and (table.notes != "").all() and (table.event_date != "").all()
    assert set(table.date_precision) <= {"day", "publication"}
    assert set(table.event_type) <= {"", "Protests", "Riots", "Battles", "Violence against civilians",
                                     "Explosions/Remote violence", "Strategic developments"}
    assert pd.to_datetime(table.event_date, format="%Y-%m-%d").notna().all()
    located = table[table.latitude.notna()]
    assert len(located) and located.latitude.between(-90, 90).all() and located.longitude.between(-180, 180).all()
    path = tmp_path / "seeds.geojson"
    path.write_text(export(seed_store, "geojson"), encoding="utf-8")
    assert pyogrio.read_info(path)["features"] == len(set(located.event_id))
