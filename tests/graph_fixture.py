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

# make_store(path, JOINED): a second article reports the protest, with a figure its police claimed,
# and the identity graph says why the two reports are one event (docs/IDENTITY.md). For the pages
# of `kg serve` and `kg explain` (tests/test_browser.py, tests/test_explain.py).
JOINED = r"""
@prefix doc2: <https://w3id.org/crisis-kg/id/doc/lk-2#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .

id:doc\/lk-2 {
  id:doc\/lk-2 a crisis:Document , nif:Context ; dcterms:identifier "lk-2" ; dcterms:publisher "Harian Contoh" ;
      dcterms:issued "2022-07-10"^^xsd:date ; nif:isString "..." .
  doc2:char\=0\,65 a nif:Sentence ; nif:isString "Sekitar 5.000 demonstran kembali berdemo di Kolombo, kata polisi." ;
      nif:beginIndex 0 ; nif:endIndex 65 ; nif:referenceContext id:doc\/lk-2 .
}

doc2:char\=0\,65 {
  doc2:char\=44\,51 a nif:Phrase ; nif:anchorOf "Kolombo" ; itsrdf:taIdentRef id:place\/colombo ;
      nif:beginIndex 44 ; nif:endIndex 51 ; nif:sentence doc2:char\=0\,65 ; nif:referenceContext id:doc\/lk-2 .
  doc2:char\=58\,64 a nif:Phrase ; nif:anchorOf "polisi" ; itsrdf:taIdentRef id:organization\/sri-lanka-police ;
      nif:beginIndex 58 ; nif:endIndex 64 ; nif:sentence doc2:char\=0\,65 ; nif:referenceContext id:doc\/lk-2 .
  id:event\/lk-1-protest a crisis:Protest ; crisis:evidence doc2:char\=0\,65 ; crisis:trigger "berdemo"@id ;
      crisis:date "2022-07-09"^^xsd:date ; crisis:place id:place\/colombo ; crisis:reportedBy id:organization\/sri-lanka-police ;
      crisis:hasFigure id:event\/lk-1-protest\/figure\/lk-2-0 .
  id:event\/lk-1-protest\/figure\/lk-2-0 a crisis:Figure ; crisis:countProperty crisis:count ; rdf:value 5000 ;
      crisis:qualifier "about" ; nif:anchorOf "Sekitar 5.000" ; crisis:reportedBy id:organization\/sri-lanka-police .
}

id:graph\/entities { id:organization\/sri-lanka-police a crisis:GovernmentBody ; rdfs:label "Sri Lanka Police" . }

id:graph\/identity {
  id:event\/lk-1-protest crisis:report id:event\/lk-1-protest , id:event\/lk-2-protest ;
      crisis:merge id:event\/lk-1-protest\/merge\/0 .
  id:event\/lk-1-protest crisis:inDocument id:doc\/lk-1 . id:event\/lk-2-protest crisis:inDocument id:doc\/lk-2 .
  id:event\/lk-1-protest\/merge\/0 a crisis:MergeDecision ; crisis:joins id:event\/lk-1-protest , id:event\/lk-2-protest ;
      crisis:score 3.5 ; crisis:sharedKey id:place\/colombo ; crisis:matchedDate "2022-07-09"^^xsd:date ;
      crisis:dateStated true .
}
"""


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
