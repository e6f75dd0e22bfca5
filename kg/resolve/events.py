"""Event coreference within one document: which event mentions of an article are one event.

Why: an article reports the storming of a city hall in several sentences; analysts want one
event node with every sentence as evidence (each sentence keeps its own triples in its own
graph). Within an article, two mentions are the same event when nothing they say contradicts
it and something links them, much as ACLED codes one event per type, day and location:

- same class, same negation and modality (a promise to deploy is not a deployment),
  and for classes listed in triggers.json ``coref_by_sense`` the same sense
  (a resignation is not a dismissal);
- dates equal when both are known; places overlapping when both are known
  (a country-level mention is compatible with a city in it); agents overlapping
  when both are known; a statement needs the same speaker, and the same
  medium or overlapping quoted words;
- and at least one positive link: the same date, a shared place, or a shared actor.

A mention that points back ("serangan tersebut", "penangkapan itu") and says nothing of its own
(no date, place or actor) is the last event of its kind told before it in the article.

Inside one article a shared "polisi" or the same day is a fair link: the article tells one
story. Across articles it is not, and kg.resolve.incidents asks for much more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import datetime

from kg.extract.triggers import BY_SENSE
from kg.lang import language
from kg.records import ENTITY_KIND, Event, ExtractedDocument
from kg.vocab import event_iri

WORD = re.compile(r"\w+")
QUOTE_OVERLAP = 0.5
DEMONSTRATIVES = set(language().json("function_words.json")["demonstratives"])


@dataclass
class _Mention:
    """What coreference compares, with entity IRIs instead of mention indexes."""
    cls: str
    sense: str | None
    negated: bool
    modality: str | None
    date: datetime.date | None
    places: set[str]
    countries: set[str]
    agents: set[str]
    actors: set[str]
    speaker: str | None
    medium: str | None
    quote_words: set[str]


@dataclass
class _Cluster(_Mention):
    """The features of an event's mentions so far, merged."""
    iri: str = ""


def _new_cluster(iri: str, m: _Mention) -> _Cluster:
    return _Cluster(iri=iri, **{k: set(v) if isinstance(v, set) else v for k, v in vars(m).items()})


def resolve_events(ext: ExtractedDocument) -> None:
    """Give each event of one document its IRI: mentions of one event share the IRI of the first.

    A mention joins the first compatible cluster, in text order, so IRIs are deterministic.
    Across documents, events are joined later, over the whole corpus (kg.resolve.incidents).
    """
    clusters: list[_Cluster] = []
    for event in ext.events:
        if event.iri:
            continue
        m = _features(ext, event)
        cluster = next((c for c in clusters if _compatible(c, m)), None)
        if cluster is None and _points_back(ext, event):
            cluster = next((c for c in reversed(clusters) if _key(c) == _key(m)), None)
        if cluster is None:
            cluster = _new_cluster(event_iri(ext.doc.id, event.begin, event.end), m)
            clusters.append(cluster)
        _absorb(cluster, m)
        event.iri = cluster.iri


def _features(ext: ExtractedDocument, e: Event) -> _Mention:
    ent = [m.entity or f"mention:{i}" for i, m in enumerate(ext.mentions)]
    places = {ent[i] for i in e.places}
    countries = {ent[i] for i in e.places if ext.mentions[i].cls == "Country"}
    actors = {ent[i] for i in e.agents + e.targets + e.participants
              if ENTITY_KIND.get(ext.mentions[i].cls) != "Place" or i in e.agents}
    return _Mention(e.cls, e.sense if e.cls in BY_SENSE else None, e.negated, e.modality, e.date, places, countries,
                    {ent[i] for i in e.agents}, actors,
                    ent[e.speaker] if e.speaker is not None else None,
                    ent[e.medium] if e.medium is not None else None,
                    {w.lower() for w in WORD.findall(e.quote or "") if len(w) > 3})


def _key(m: _Mention) -> tuple:
    return (m.cls, m.sense, m.negated, m.modality)


def _points_back(ext: ExtractedDocument, e: Event) -> bool:
    """Named with a demonstrative right after the trigger, and nothing of its own."""
    following = WORD.findall(ext.doc.text[e.end:e.end + 20])
    return bool(following) and following[0].lower() in DEMONSTRATIVES and not \
        (e.date_text or e.places or e.agents or e.targets or e.participants)


def _compatible(c: _Cluster, m: _Mention) -> bool:
    if _key(c) != _key(m):
        return False
    if c.date and m.date and c.date != m.date:
        return False
    if c.places and m.places and not (c.places & m.places) and not (c.places <= c.countries or m.places <= m.countries):
        return False
    if c.agents and m.agents and not c.agents & m.agents:
        return False
    if m.cls == "Statement":
        if not m.speaker or m.speaker != c.speaker:
            return False
        same_words = c.quote_words and m.quote_words and \
            len(c.quote_words & m.quote_words) >= QUOTE_OVERLAP * min(len(c.quote_words), len(m.quote_words))
        return bool((m.medium and m.medium == c.medium) or same_words or (m.date and m.date == c.date))
    return bool((c.date and c.date == m.date) or c.places & m.places or c.actors & m.actors)


def _absorb(c: _Cluster, m: _Mention) -> None:
    c.date = c.date or m.date
    c.places |= m.places
    c.countries |= m.countries
    c.agents |= m.agents
    c.actors |= m.actors
    c.speaker = c.speaker or m.speaker
    c.medium = c.medium or m.medium
    c.quote_words |= m.quote_words
