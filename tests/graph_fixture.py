"""A small store with events, roles, dates and coordinates, about another crisis than the seeds,
and a `kg serve` started on 127.0.0.1 for the tests.

Used by the export, server, browser and push tests: the graph follows DESIGN.md's data model, with
one fact stated in two sentence graphs (a weight of 2), a negated event, and a label that needs quoting.
"""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.ontology import ontology_path
from kg.store import GraphStore
from kg.vocab import ONTOLOGY_GRAPH

TRIG = r"""
@prefix crisis: <https://w3id.org/crisis-kg/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix id: <https://w3id.org/crisis-kg/id/> .
@prefix doc: <https://w3id.org/crisis-kg/id/doc/lk-1#> .

id:doc\/lk-1 {
  id:doc\/lk-1 a crisis:Document , nif:Context ; dcterms:identifier "lk-1" ;
      dcterms:issued "2022-07-14"^^xsd:date ; nif:isString "..." .
  doc:char\=0\,60 a nif:Sentence ; nif:isString "Ribuan demonstran berunjuk rasa di Kolombo pada 9 Juli." ;
      nif:beginIndex 0 ; nif:endIndex 60 ; nif:referenceContext id:doc\/lk-1 .
  doc:char\=61\,140 a nif:Sentence ; nif:isString "Tentara dikerahkan ke Kolombo; dua orang tewas." ;
      nif:beginIndex 61 ; nif:endIndex 140 ; nif:referenceContext id:doc\/lk-1 .
}

doc:char\=0\,60 {
  doc:char\=35\,42 a nif:Phrase ; nif:anchorOf "Kolombo" ; itsrdf:taIdentRef id:place\/colombo ;
      nif:sentence doc:char\=0\,60 ; nif:referenceContext id:doc\/lk-1 .
  doc:char\=8\,18 a nif:Phrase ; nif:anchorOf "demonstran" ; itsrdf:taIdentRef id:group\/protesters ;
      nif:sentence doc:char\=0\,60 ; nif:referenceContext id:doc\/lk-1 .
  id:event\/lk-1-protest a crisis:Protest ; crisis:evidence doc:char\=0\,60 ; crisis:trigger "berunjuk rasa"@id ;
      crisis:date "2022-07-09"^^xsd:date ; crisis:agent id:group\/protesters ; crisis:place id:place\/colombo .
  id:event\/lk-1-riot a crisis:Riot ; crisis:evidence doc:char\=0\,60 ; crisis:negated true ;
      crisis:place id:place\/colombo .
}

doc:char\=61\,140 {
  doc:char\=83\,90 a nif:Phrase ; nif:anchorOf "Kolombo" ; itsrdf:taIdentRef id:place\/colombo ;
      nif:sentence doc:char\=61\,140 ; nif:referenceContext id:doc\/lk-1 .
  id:event\/lk-1-protest crisis:evidence doc:char\=61\,140 ; crisis:agent id:group\/protesters ;
      crisis:killed 2 .
  id:event\/lk-1-deploy a crisis:MilitaryDeployment ; crisis:evidence doc:char\=61\,140 ;
      crisis:trigger "dikerahkan"@id ; crisis:date "2022-07-13"^^xsd:date ;
      crisis:agent id:organization\/sri-lanka-army ; crisis:place id:place\/colombo ;
      crisis:target id:group\/protesters .
  id:event\/lk-1-statement a crisis:Statement ; crisis:evidence doc:char\=61\,140 ;
      crisis:date "2022-07-10"^^xsd:date ; crisis:speaker id:person\/ranil-wickremesinghe ;
      crisis:quote "Kami akan memulihkan ketertiban."@id .
  id:person\/ranil-wickremesinghe a crisis:Person ; crisis:affiliation id:organization\/front-aragalaya .
}

id:graph\/entities {
  id:place\/colombo a crisis:City ; rdfs:label "Colombo" .
  id:group\/protesters a crisis:Group ; rdfs:label "protesters" .
  id:organization\/sri-lanka-army a crisis:ArmedForce ; rdfs:label "Sri Lanka Army" .
  id:person\/ranil-wickremesinghe a crisis:Person ; rdfs:label "Ranil Wickremesinghe" .
  id:organization\/front-aragalaya a crisis:Organization ; rdfs:label "Front \"Aragalaya\" \\ movement" .
}

id:graph\/links {
  id:place\/colombo owl:sameAs wd:Q35381 ; geo:hasGeometry id:place\/colombo\/geometry .
  id:place\/colombo\/geometry geo:asWKT "POINT(79.8612 6.9271)"^^geo:wktLiteral .
  id:person\/ranil-wickremesinghe owl:sameAs wd:Q7291917 .
}
"""

EVENTS = 3          # the negated riot is not drawn
ENTITIES = 5


def make_store(path: Path, more: str = "") -> Path:
    """The store of TRIG, and of ``more`` TriG after it (which may use TRIG's prefixes)."""
    with GraphStore(path).write() as store:
        store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        store.load((TRIG + more).encode(), format=ox.RdfFormat.TRIG)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store, *options) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store),
                                "--port", str(port), *options], stderr=log, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/queries", timeout=1)
            return process, url
        except httpx.TransportError:
            assert process.poll() is None, log.seek(0) or log.read()
            time.sleep(0.2)
    process.kill()
    raise AssertionError("the server did not start")


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
