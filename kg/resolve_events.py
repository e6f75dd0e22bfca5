"""Event identity: which event mentions are the same real-world event, within and across documents.

Why: the storming of a city hall is reported in many sentences of many
articles; analysts want one event node with every sentence as evidence (each
sentence keeps its own triples in its own graph). Two mentions are the same
event when nothing they say contradicts it and something links them, much
as ACLED codes one event per type, day and location:

- same class, same negation and modality (a promise to deploy is not a deployment),
  and for classes listed in triggers.json ``coref_by_sense`` the same sense
  (a resignation is not a dismissal);
- dates equal when both are known; places overlapping when both are known
  (a country-level mention is compatible with a city in it); agents overlapping
  when both are known; a statement needs the same speaker, and the same
  medium or overlapping quoted words;
- and at least one positive link: the same date, a shared place, or a shared actor.

Clusters are kept in input order and a mention joins the first compatible one,
so IRIs are deterministic for a given document order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import datetime

from kg.extract.triggers import BY_SENSE
from kg.records import ENTITY_KIND, Event, ExtractedDocument
from kg.vocab import event_iri

WORD = re.compile(r"\w+")
QUOTE_OVERLAP = 0.5
WINDOW = 2000          # documents an event stays open to new mentions
EVICT_EVERY = 250


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


class EventResolver:
    """Assigns event IRIs; create one per build and call ``assign`` on each document in order.

    Candidates are looked up through what links a mention to a cluster (its
    date, places, actors, speaker), so a year of news does not compare every
    event with every other.
    """

    def __init__(self, window: int = WINDOW, evict_every: int = EVICT_EVERY):
        self.window, self.evict_every = window, evict_every
        self.clusters: dict[int, _Cluster] = {}
        self.last_seen: dict[int, int] = {}          # cluster number → number of the last document in it
        self.index: dict[tuple, list[int]] = {}      # (class key, link) → cluster numbers
        self.documents = 0
        self.next_number = 0

    def assign(self, ext: ExtractedDocument) -> None:
        self.documents += 1
        if self.documents % self.evict_every == 0:
            self._forget_old_clusters()
        for event in ext.events:
            if event.iri:
                continue
            m = _features(ext, event)
            candidates = sorted({n for link in _links(m) for n in self.index.get((_key(m), link), ())})
            number = next((n for n in candidates if _compatible(self.clusters[n], m)), None)
            if number is None:
                number = self.next_number
                self.next_number += 1
                self.clusters[number] = _new_cluster(event_iri(ext.doc.id, event.begin, event.end), m)
            cluster = self.clusters[number]
            _absorb(cluster, m)
            self.last_seen[number] = self.documents
            for link in _links(m):
                numbers = self.index.setdefault((_key(m), link), [])
                if not numbers or numbers[-1] != number:
                    numbers.append(number)
            event.iri = cluster.iri

    def _forget_old_clusters(self) -> None:
        """Events not reported in the last ``window`` documents take no new mentions: memory stays flat."""
        old = {n for n, seen in self.last_seen.items() if seen <= self.documents - self.window}
        for n in old:
            del self.clusters[n], self.last_seen[n]
        self.index = {key: kept for key, numbers in self.index.items()
                      if (kept := [n for n in numbers if n not in old])}


def _key(m: "_Mention") -> tuple:
    return (m.cls, m.sense, m.negated, m.modality)


def _links(m: "_Mention") -> list[tuple[str, object]]:
    """What can tie a mention to a cluster; a statement is tied only through its speaker."""
    if m.cls == "Statement":
        return [("speaker", m.speaker)] if m.speaker else []
    return ([("date", m.date)] if m.date else []) + [("place", p) for p in sorted(m.places)] + \
        [("actor", a) for a in sorted(m.actors)]


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


def _compatible(c: _Cluster, m: _Mention) -> bool:
    if (c.cls, c.sense, c.negated, c.modality) != (m.cls, m.sense, m.negated, m.modality):
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
