"""Flat tables of events for the tools analysts already use: an ACLED-style CSV (spreadsheets,
pandas, R) and GeoJSON points (QGIS, Leaflet, geopandas).

ACLED codes a row per event and source, and so does the CSV: each row is what one source document
says about one event, read from that document's sentence graphs — the actors, the place, the
fatalities with their qualifier and claimant, the words that date it, and the sentences as notes —
so that sources can be compared and none hides another. The date is the one this source gives, else
the one another source gives the event, else (and the row says so) the publication date. The GeoJSON merges the sources of an event into one Point with the same columns,
all strings and numbers (QGIS can neither style nor filter nested lists); an event with no located
place has no point and is only in the CSV. Event types are read from the ontology's
``skos:closeMatch`` to ACLED's concepts, not from a table here.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from typing import BinaryIO, Iterable

import pyoxigraph as ox

from kg.gazetteer import packaged_table
from kg.vocab import CRISIS, DCTERMS, NIF, RDF, SKOS, XSD

from .model import Graph, Node, _rows

ACLED_SCHEME = "https://w3id.org/crisis-kg/ontology/acled#scheme"
PLACE_ORDER = ("Facility", "City", "Region", "Country")   # the most specific place is the location
ACTORS_1 = ("agent", "speaker", "participant")             # who acts: actor1 and its associated actors
ACTORS_2 = ("target",)
ROLES = (*ACTORS_1, *ACTORS_2, "place", "dateText")
COLUMNS = ["event_id", "event_date", "date_precision", "date_text", "event_type", "sub_event_type",
           "event_class", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1",
           "country", "latitude", "longitude", "fatalities", "fatalities_qualifier", "fatalities_claimant",
           "source", "source_date", "source_url", "document", "notes", "modality"]

SENTENCES = f"""SELECT ?e ?s ?doc ?text WHERE {{
  GRAPH ?s {{ ?e <{CRISIS}evidence> ?s }} ?s <{NIF}referenceContext> ?doc ; <{NIF}isString> ?text }}"""
FACTS = f"""SELECT ?e ?s ?p ?o WHERE {{ GRAPH ?s {{ ?e ?p ?o }}
  FILTER(?p IN ({", ".join(f"<{CRISIS}{role}>" for role in ROLES)})) }}"""
STATED = f"""{{ ?e <{CRISIS}date> ?date }}"""  # a date the text gives (crisis:reportDate is the stand-in)
DATES = f"SELECT ?e ?s ?date WHERE {{ GRAPH ?s {STATED} }}"
EVENT_DATES = f"SELECT ?e (MIN(?date) AS ?day) WHERE {{ GRAPH ?s {STATED} }} GROUP BY ?e"
KILLED = f"""SELECT ?e ?s ?value ?qualifier ?claimant WHERE {{ GRAPH ?s {{
  ?e <{CRISIS}killed> ?value FILTER(DATATYPE(?value) = <{XSD}integer>)
  OPTIONAL {{ ?e <{CRISIS}hasFigure> ?f . ?f <{CRISIS}countProperty> <{CRISIS}killed> ; <{RDF}value> ?value .
             OPTIONAL {{ ?f <{CRISIS}qualifier> ?qualifier }} OPTIONAL {{ ?f <{CRISIS}reportedBy> ?claimant }}
             OPTIONAL {{ ?f <{CRISIS}retracted> ?retracted }} }}
  FILTER(!BOUND(?retracted) || !?retracted) }} }}"""
DOCUMENTS = f"""SELECT ?doc (SAMPLE(?i) AS ?id) (MIN(STR(?d)) AS ?issued) (SAMPLE(?p) AS ?publisher)
  (SAMPLE(?u) AS ?url) WHERE {{ ?doc a <{CRISIS}Document>
  OPTIONAL {{ ?doc <{DCTERMS}identifier> ?i }} OPTIONAL {{ ?doc <{DCTERMS}issued> ?d }}
  OPTIONAL {{ ?doc <{DCTERMS}publisher> ?p }} OPTIONAL {{ ?doc <{DCTERMS}source> ?u }} }} GROUP BY ?doc"""
ACLED_TYPES = f"""SELECT ?class ?type ?sub WHERE {{
  ?class <{SKOS}closeMatch> ?top . ?top <{SKOS}inScheme> <{ACLED_SCHEME}> ; <{SKOS}notation> ?type .
  FILTER EXISTS {{ ?narrower <{SKOS}broader> ?top }}
  OPTIONAL {{ ?class <{SKOS}closeMatch> ?concept . ?concept <{SKOS}broader> ?top ; <{SKOS}notation> ?sub }} }}"""


@dataclass
class Report:
    """What some source documents say about one event: one for a CSV row, all for a map point."""
    event: Node
    documents: list[str]
    facts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))   # role: entity IRIs or values
    killed: list[tuple[int, str, str]] = field(default_factory=list)              # value, qualifier, claimant
    sentences: dict[str, str] = field(default_factory=dict)                        # sentence IRI: text

    def __add__(self, other: Report) -> Report:
        facts: dict[str, set[str]] = defaultdict(set)
        for report in (self, other):
            for role, values in report.facts.items():
                facts[role] |= values
        return Report(self.event, self.documents + other.documents, facts, self.killed + other.killed,
                      {**self.sentences, **other.sentences})


def read_reports(store: ox.Store, events: Iterable[Node]) -> list[Report]:
    """A report per event and source document, from the sentence graphs, in event order."""
    events = {n.id: n for n in events}
    reports: dict[tuple[str, str], Report] = {}
    document_of: dict[str, str] = {}
    for e, s, doc, text in _rows(store, SENTENCES):
        if e in events:
            document_of[s] = doc
            reports.setdefault((e, doc), Report(events[e], [doc])).sentences[s] = text
    for e, s, p, o in _rows(store, FACTS):
        if (e, document_of.get(s)) in reports:
            reports[e, document_of[s]].facts[p[len(CRISIS):]].add(o)
    for e, s, date in _rows(store, DATES):
        if (e, document_of.get(s)) in reports:
            reports[e, document_of[s]].facts["date"].add(date)
    for e, s, value, qualifier, claimant in _rows(store, KILLED):
        if (e, document_of.get(s)) in reports:
            reports[e, document_of[s]].killed.append((int(value), qualifier or "", claimant or ""))
    return [reports[key] for key in sorted(reports)]


class Table:
    """Turns reports into flat rows: names, places, types and sources looked up once."""

    def __init__(self, whole: Graph, store: ox.Store):
        self.nodes = whole.nodes
        self.ancestors = whole.ancestors
        self.documents = {doc: (ident or "", issued or "", publisher or "", url or "")
                          for doc, ident, issued, publisher, url in _rows(store, DOCUMENTS)}
        self.types = acled_types(store)
        self.dates = dict(_rows(store, EVENT_DATES))     # the first day the texts give each event
        self.gazetteer = {row.qid: row for row in packaged_table()}

    def names(self, report: Report, roles: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(self.nodes[i].label if i in self.nodes else i
                                  for role in roles for i in sorted(report.facts.get(role, ()))))

    def acled_type(self, event: Node) -> tuple[str, str]:
        found = {self.types[c] for cls in event.classes for c in self.ancestors.get(cls, {cls}) if c in self.types}
        return found.pop() if len(found) == 1 else ("", "")

    def location(self, report: Report) -> dict[str, object]:
        """The most specific located place (a city before a region before a country), with the
        region (of a country, not Central Asia) and country the gazetteer knows for its Wikidata item."""
        places = [self.nodes[p] for p in report.facts.get("place", ()) if p in self.nodes]
        located = [p for p in places if p.lat is not None] or places
        if not located:
            return {}
        place = min(located, key=lambda p: (PLACE_ORDER.index(p.type) if p.type in PLACE_ORDER
                                            else len(PLACE_ORDER), p.label))
        row = self.gazetteer.get(place.wikidata)
        country = self.gazetteer.get(row.country_qid) if row else None
        found = {"location": place.label, "admin1": row.label_en if row and row.kind == "region" and country else "",
                 "country": country.label_en if country else place.label if place.type == "Country" else ""}
        if place.lat is not None:
            found.update(latitude=place.lat, longitude=place.lon)
        return found

    def row(self, report: Report) -> dict[str, object]:
        event = report.event
        sources = [self.documents.get(doc, ("", "", "", "")) for doc in report.documents]
        day = min(report.facts.get("date", ()), default=None) or self.dates.get(event.id)   # else another source's
        issued = min((s[1] for s in sources if s[1]), default=None)
        date, precision = (day, "day") if day else (issued, "publication") if issued else ("", "unknown")
        actors1, actors2 = self.names(report, ACTORS_1), self.names(report, ACTORS_2)
        fatalities, qualifier, claimant = max(report.killed, default=(None, "", ""))
        event_type, sub_event_type = self.acled_type(event)
        return {"event_id": event.id, "event_date": date, "date_precision": precision,
                "date_text": _join(sorted(report.facts.get("dateText", ()))),
                "event_type": event_type, "sub_event_type": sub_event_type, "event_class": event.type,
                "actor1": actors1[0] if actors1 else "", "assoc_actor_1": _join(actors1[1:]),
                "actor2": actors2[0] if actors2 else "", "assoc_actor_2": _join(actors2[1:]),
                **dict.fromkeys(("location", "admin1", "country", "latitude", "longitude"), ""),
                **self.location(report),
                "fatalities": fatalities, "fatalities_qualifier": qualifier,
                "fatalities_claimant": self.nodes[claimant].label if claimant in self.nodes else claimant,
                "source": _join(s[2] for s in sources), "source_date": _join(s[1] for s in sources),
                "source_url": _join(s[3] for s in sources), "document": _join(s[0] for s in sources),
                "notes": " ".join(report.sentences[s] for s in sorted(report.sentences, key=_position)),
                "modality": event.modality}


def acled_types(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Each class's ACLED event type and sub-event type, from its skos:closeMatch in the ontology.
    An event type is a concept with sub-event types under it (acled:Fatalities is a column, not a
    type); the sub-event type is given when the class matches exactly one under its type."""
    tops: dict[str, set[str]] = defaultdict(set)
    subs: dict[str, set[str]] = defaultdict(set)
    for cls, top, sub in _rows(store, ACLED_TYPES):
        tops[cls].add(top)
        if sub:
            subs[cls].add(sub)
    return {cls: (next(iter(t)), next(iter(subs[cls])) if len(subs[cls]) == 1 else "")
            for cls, t in tops.items() if len(t) == 1}


def _join(values: Iterable[str]) -> str:
    """Several values in one cell, as ACLED joins associated actors: "A; B"."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def _position(sentence: str) -> tuple[str, int]:
    """A sentence IRI's document and start offset (…/doc/x#char=120,180), for reading order."""
    doc, _, span = sentence.partition("#char=")
    start = re.match(r"\d+", span)
    return doc, int(start.group()) if start else 0


def write_acled_csv(whole: Graph, chosen: Iterable[str], store: ox.Store, out: BinaryIO) -> None:
    """A row per event and source document, ACLED's column names where ACLED has the column."""
    table = Table(whole, store)
    rows = [table.row(r) for r in read_reports(store, _events(whole, chosen))]
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: (r["event_date"], r["event_id"], r["source_date"], r["document"])))
    out.write(text.getvalue().encode())


def write_geojson(whole: Graph, chosen: Iterable[str], store: ox.Store, out: BinaryIO) -> None:
    """RFC 7946: a Point ([lon, lat]) per event with a located place, the CSV's columns merged over
    its sources as flat properties, with the number of sources and of sentences."""
    table = Table(whole, store)
    by_event: dict[str, list[Report]] = defaultdict(list)
    for report in read_reports(store, _events(whole, chosen)):
        by_event[report.event.id].append(report)
    features = []
    for reports in by_event.values():
        row = table.row(reduce(Report.__add__, reports))
        if row["longitude"] == "":
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        properties.update(label=reports[0].event.label, sources=len(reports),
                          sentences=sum(len(r.sentences) for r in reports))
        features.append({"type": "Feature", "id": row["event_id"],
                         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": properties})
    features.sort(key=lambda f: (f["properties"]["event_date"], f["id"]))
    out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1).encode())


def _events(whole: Graph, chosen: Iterable[str]) -> list[Node]:
    return [whole.nodes[n] for n in chosen if n in whole.nodes and whole.nodes[n].kind == "event"]


WRITERS = {"acled-csv": write_acled_csv, "geojson": write_geojson}
