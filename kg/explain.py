"""What the graph says about one entity or event, told so that a person reads it in a minute.

``describe`` gathers it once: the node with its types; its facts ordered by relation and named from
its own side ("agent of", not "agent"), each with the sentences that state it (the words of both ends
marked), their article, publisher, date and claimant; events named by type, place and date; for an
event joined from several articles, which articles and why (docs/IDENTITY.md). `kg explain` prints
it (``explain``) and the pages /entity/… and /event/… of `kg serve` draw it from JSON, so the two
never tell different stories. ``labels`` names any IRIs the same way, for the page's tables.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from kg.export.tables import PLACE_ORDER
from kg.vocab import (CRISIS, DCTERMS, ENTITIES_GRAPH, ID, IDENTITY_GRAPH, ITSRDF, NIF, ONTOLOGY_GRAPH, PREFIXES,
                      RDF, RDFS, SKOS, WD)

# How a relation reads from the described node's side: (as its subject, as its object), in the order
# facts are shown. None: not a fact from that side (a quote is about the statement, not the words).
RELATIONS = {
    "trigger": ("reported as", None),
    "role": ("role", None),
    "affiliation": ("affiliated with", "has affiliated"),
    "labelledBy": ("so labelled by", "labelled"),
    "agent": ("agent", "agent of"),
    "speaker": ("speaker", "speaker in"),
    "spokenFor": ("on behalf of", "spoken for in"),
    "target": ("target", "target of"),
    "participant": ("participant", "took part in"),
    "place": ("place", "place of"),
    "date": ("date", None),
    "reportDate": ("date", None),
    "endDate": ("until", None),
    "quote": ("quote", None),
    "killed": ("killed", None),
    "injured": ("injured", None),
    "missing": ("missing", None),
    "displaced": ("displaced", None),
    "protesters": ("protesters", None),
    "detained": ("detained", None),
    "deployed": ("deployed", None),
    "count": ("count", None),
    "medium": ("medium", "medium of"),
    "about": ("about", "subject of"),
    "reportedBy": ("reported by", "reported"),
}
FIGURE_READINGS = {"reportedBy": "reported figure", "retractedBy": "retracted figure"}   # an entity's, of figures
ORDER = [r for pair in RELATIONS.values() for r in pair if r] + list(FIGURE_READINGS.values())
CATEGORIES = ("Person", "Organization", "Place", "Group", "Event")
QUALIFIERS = {"atLeast": "at least", "moreThan": "more than", "about": "about", "lessThan": "less than",
              "upTo": "up to"}
SOURCES_PER_FACT = 3      # sentences listed under a fact; the rest are counted
FACTS_PER_RELATION = 40   # facts listed for one relation (a police force acts in thousands of events)
MENTIONS_LISTED = 50      # sentences listed that name an entity
RELATED = 8               # other events listed on an event's page

TYPE = RDF + "type"
MENTION_OF = ITSRDF + "taIdentRef"


@dataclass
class Source:
    """A sentence that states a fact, the words to mark in it, and where it comes from."""
    sentence: str
    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)   # [start, end) in text, in order, apart
    document: str = ""
    publisher: str = ""
    issued: str = ""
    url: str = ""
    claimant: str = ""     # who the sentence says claims it (crisis:reportedBy)


@dataclass
class Fact:
    relation: str          # read from the described node's side: "agent of", "killed"
    value: str             # a name, an event's name, a date, words
    link: str = ""         # the page of the entity or event the value names
    note: str = ""         # "publication date", "retracted by …"
    sources: list[Source] = field(default_factory=list)
    more: int = 0          # sentences stating it beyond those listed


@dataclass
class Merge:
    """Two reports in different articles joined into one event, and why (the identity graph)."""
    documents: list[str]
    shared: list[str]
    score: float
    date: str = ""
    stated: bool = False   # the date is stated in the texts, not publication dates standing in


@dataclass
class Description:
    iri: str
    kind: str                                                # "entity" or "event"
    name: str
    types: list[str]
    status: str = ""                                         # "negated", "future" …: not asserted
    names: list[str] = field(default_factory=list)           # other names
    wikidata: list[str] = field(default_factory=list)        # Q-ids
    facts: list[Fact] = field(default_factory=list)
    more_facts: dict[str, int] = field(default_factory=dict)  # relation: facts not listed
    sentences: int = 0                                       # sentences naming the entity or reporting the event
    documents: list[str] = field(default_factory=list)       # their articles
    mentions: list[Source] = field(default_factory=list)     # sentences naming the entity (the first MENTIONS_LISTED)
    merges: list[Merge] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)   # (page, name) of events sharing actors or places


@dataclass
class Label:
    label: str
    href: str = ""         # its page on `kg serve`, for entities and events
    category: str = ""     # Person, Organization, Place, Group or Event (the page's colours)


def _rows(store: ox.Store, query: str, node: ox.NamedNode | None = None) -> list[tuple]:
    """Solutions as tuples of terms; ``node`` is bound to ?x, which the query projects first."""
    return [tuple(s) for s in store.query(query, use_default_graph_as_union=True,
                                          substitutions={ox.Variable("x"): node} if node else None)]


def _values(terms) -> str:
    """A VALUES list of IRIs (ox.NamedNode checked them: nothing in them can end the IRI)."""
    return " ".join(sorted({str(t if isinstance(t, ox.NamedNode) else ox.NamedNode(t)) for t in terms}))


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _is_sentence(graph) -> bool:
    return isinstance(graph, ox.NamedNode) and "#char=" in graph.value


def _reading_order(sentence: str) -> tuple[str, int]:
    doc, _, span = sentence.partition("#char=")
    start = re.match(r"\d+", span)
    return doc, int(start.group()) if start else 0


class Ontology:
    """Names and hierarchy of the ontology's classes and properties, read once."""

    def __init__(self, store: ox.Store):
        self.names = {c.value: l.value for c, l in _rows(store, f"""SELECT ?c ?l WHERE {{
            GRAPH <{ONTOLOGY_GRAPH}> {{ ?c <{RDFS}label> ?l FILTER(LANGMATCHES(LANG(?l), "en")) }} }}""")}
        self.above: dict[str, set[str]] = defaultdict(set)   # itself and its ancestors
        for c, d in _rows(store, f"""SELECT ?c ?d WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
                ?c (<{RDFS}subClassOf>|<{RDFS}subPropertyOf>)* ?d FILTER(isIRI(?c) && isIRI(?d)) }} }}"""):
            self.above[c.value].add(d.value)

    def name(self, iri: str) -> str:
        return self.names.get(iri) or _local(iri)

    def most_specific(self, terms) -> list[str]:
        """The terms no other of them is below (Person, not Entity; speaker, not agent)."""
        terms = set(terms)
        return sorted(t for t in terms if not any(t != o and t in self.above.get(o, ()) for o in terms))

    def category(self, classes) -> str:
        above = set().union(*(self.above.get(c, {c}) for c in classes))
        return next((c for c in CATEGORIES if CRISIS + c in above), "")


def page(iri: str, category: str) -> str:
    """The path of an entity's or an event's page on `kg serve`: /entity/person/x, /event/<id>."""
    if not iri.startswith(ID) or not category:
        return ""
    return ("/" if category == "Event" else "/entity/") + iri[len(ID):]


def labels(store: ox.Store, iris, onto: Ontology | None = None) -> dict[str, Label]:
    """Readable names: an entity's label, an event's type, place and date, a document's identifier,
    an ontology term's name, a Wikidata item's Q-id, otherwise the prefixed name."""
    onto = onto or Ontology(store)
    iris = sorted({i for i in iris if isinstance(i, str) and _valid(i)})
    if not iris:
        return {}
    classes: dict[str, set[str]] = defaultdict(set)
    for x, c in _rows(store, f"SELECT ?x ?c WHERE {{ VALUES ?x {{ {_values(iris)} }} ?x a ?c }}"):
        classes[x.value].add(c.value)
    found = {x.value: l.value for x, l in _rows(store, f"""SELECT ?x ?l WHERE {{ VALUES ?x {{ {_values(iris)} }}
        GRAPH <{ENTITIES_GRAPH}> {{ ?x <{RDFS}label> ?l }} }}""")}
    documents = {x.value: i.value for x, i in _rows(store, f"""SELECT ?x ?i WHERE {{
        VALUES ?x {{ {_values(iris)} }} ?x <{DCTERMS}identifier> ?i }}""")}
    found |= _event_names(store, onto, [i for i in iris if onto.category(classes[i]) == "Event"])
    out = {}
    for iri in iris:
        category = onto.category(classes[iri]) if iri in found else ""
        label = found.get(iri) or documents.get(iri) or (iri[len(WD):] if iri.startswith(WD) else
                                                          onto.names.get(iri) or _prefixed(iri))
        out[iri] = Label(label, page(iri, category), category)
    return out


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
        return True
    except ValueError:
        return False


def _prefixed(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _event_names(store: ox.Store, onto: Ontology, events: list[str]) -> dict[str, str]:
    """'Detention by Kenya Police in Nairobi, 2024-06-25': the most specific type
    and its sense, the agents, the most specific places (a town before a region before a country),
    the first date, and the status of an event the text does not assert."""
    if not events:
        return {}
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e, p, o in _rows(store, f"""SELECT ?e ?p ?o WHERE {{ VALUES ?e {{ {_values(events)} }}
            VALUES ?p {{ <{TYPE}> <{CRISIS}sense> <{CRISIS}agent> <{CRISIS}speaker> <{CRISIS}place> <{CRISIS}date>
                         <{CRISIS}modality> <{CRISIS}negated> }} ?e ?p ?o }}"""):
        facts[e.value]["agent" if p.value == CRISIS + "speaker" else _local(p.value)].add(o.value)   # a speaker acts
    named: dict[str, tuple[str, int]] = {}    # agent or place: label, rank (0 the most specific place)
    ends = {x for f in facts.values() for x in f["place"] | f["agent"]}
    for x, label, c in _rows(store, f"""SELECT ?x ?l ?c WHERE {{ VALUES ?x {{ {_values(ends)} }}
            GRAPH <{ENTITIES_GRAPH}> {{ ?x <{RDFS}label> ?l ; a ?c }} }}""") if ends else ():
        kind = _local(c.value)
        rank = PLACE_ORDER.index(kind) if kind in PLACE_ORDER else len(PLACE_ORDER)
        named[x.value] = (label.value, min(rank, named.get(x.value, ("", rank))[1]))
    names = {}
    for e in events:
        f = facts[e]
        kind = " and ".join(onto.name(c) for c in onto.most_specific(c for c in f["type"] if c.startswith(CRISIS)))
        name = (kind or "event")[:1].upper() + (kind or "event")[1:]
        senses = sorted(x for x in f["sense"] if x.lower() not in name.lower())   # not "Statement (statement)"
        name += f" ({', '.join(senses)})" if senses else ""
        agents = sorted(named[a][0] for a in f["agent"] if a in named)[:2]
        name += f" by {' and '.join(agents)}" if agents else ""
        located = [named[p] for p in f["place"] if p in named]
        best = min((rank for _, rank in located), default=None)
        where = sorted(label for label, rank in located if rank == best)[:2]
        name += (f" in {' and '.join(where)}" if where else "") + (f", {min(f['date'])}" if f["date"] else ", undated")
        status = _status(f["modality"], f["negated"])
        names[e] = name + (f" ({status})" if status else "")
    return names


def _status(modalities, negated) -> str:
    return "negated" if "true" in negated else ", ".join(sorted(modalities))


# --- describing one node ----------------------------------------------------------------

Q_OUT = "SELECT ?x ?g ?p ?o WHERE { GRAPH ?g { ?x ?p ?o } }"
Q_IN = "SELECT ?x ?g ?s ?p WHERE { GRAPH ?g { ?s ?p ?x } }"
Q_FIGURES = f"""SELECT ?x ?g ?e ?f ?p ?o WHERE {{
  {{ GRAPH ?g {{ ?x <{CRISIS}hasFigure> ?f }} BIND(?x AS ?e) }}
  UNION {{ GRAPH ?g {{ ?f <{CRISIS}reportedBy>|<{CRISIS}retractedBy> ?x . ?e <{CRISIS}hasFigure> ?f }} }}
  GRAPH ?g {{ ?f ?p ?o }} }}"""


@dataclass
class _Claim:
    """A fact as read from the quads, before it is named: the sentence graphs that state it."""
    relation: str
    other: object                  # the term at the other end: an entity, an event, a literal, a figure
    graphs: list[str] = field(default_factory=list)


@dataclass
class _Figure:
    event: str
    measure: str = "count"
    value: str = ""
    qualifier: str = "exact"
    words: str = ""
    reported_by: list[str] = field(default_factory=list)
    retracted_by: list[str] = field(default_factory=list)
    retracted: bool = False


def describe(store: ox.Store, iri: str) -> Description | None:
    """Everything the graph says about the node, or None when it says nothing."""
    if not _valid(iri):
        return None
    node = ox.NamedNode(iri)
    out = [r[1:] for r in _rows(store, Q_OUT, node)]
    into = [r[1:] for r in _rows(store, Q_IN, node)]
    if not out and not into:
        return None
    onto = Ontology(store)
    classes = {o.value for _, p, o in out if p.value == TYPE and o.value.startswith(CRISIS)}
    kind = "event" if onto.category(classes) == "Event" else "entity"
    figures = _figures(store, node)
    claims = _claims(onto, node, out, into, figures)
    listed = _listed(claims)
    said = sorted({g.value for g, _, p in into if p.value == MENTION_OF and _is_sentence(g)}
                  | {o.value for _, p, o in out if p.value == CRISIS + "evidence"}, key=_reading_order)
    cited = {g for c in listed for g in c.graphs[:SOURCES_PER_FACT]}
    sentences = _Sentences(store, cited | set(said[:MENTIONS_LISTED] if kind == "entity" else ()))
    names = labels(store, [iri, *(c.other.value for c in listed if isinstance(c.other, ox.NamedNode)),
                           *(f.event for f in figures.values()),
                           *(p for f in figures.values() for p in f.reported_by + f.retracted_by),
                           *sentences.claimants()], onto)
    me = names.get(iri) or Label(_local(iri))
    senses = sorted({o.value for _, p, o in out if p.value == CRISIS + "sense"})
    desc = Description(iri, kind, me.label, [onto.name(c) + (f" ({', '.join(senses)})" if senses else "")
                                              for c in onto.most_specific(classes)])
    desc.status = _status({o.value for _, p, o in out if p.value == CRISIS + "modality"},
                          {o.value for _, p, o in out if p.value == CRISIS + "negated"})
    desc.names = sorted({o.value for g, p, o in out if g.value == ENTITIES_GRAPH and p.value == SKOS + "altLabel"})
    desc.wikidata = sorted({o.value[len(WD):] for _, _, o in out if o.value.startswith(WD)})
    desc.facts = [_fact(c, node, figures, sentences, names) for c in listed]
    desc.more_facts = {r: n - FACTS_PER_RELATION for r, n in Counter(c.relation for c in claims).items()
                       if n > FACTS_PER_RELATION}
    desc.sentences = len(said)
    desc.documents = sorted(_identifiers(store, {s.partition("#char=")[0] for s in said}).values())
    if kind == "entity":
        desc.mentions = [sentences.source(g, [node]) for g in said[:MENTIONS_LISTED]]
    else:
        desc.merges = _merges(store, node, names)
        desc.related = _related(store, node, onto)
    return desc


def _figures(store: ox.Store, node: ox.NamedNode) -> dict[str, _Figure]:
    """The figures the node reports (an event's killed, injured …), or claims or retracts (an entity's)."""
    figures: dict[str, _Figure] = {}
    for _, _, e, f, p, o in _rows(store, Q_FIGURES, node):
        fig = figures.setdefault(f.value, _Figure(e.value))
        local = _local(p.value)
        if local == "countProperty":
            fig.measure = _local(o.value)
        elif local in ("value", "qualifier"):
            setattr(fig, local, o.value)
        elif local == "anchorOf":
            fig.words = o.value
        elif local == "retracted":
            fig.retracted = o.value == "true"
        elif local in ("reportedBy", "retractedBy"):
            (fig.reported_by if local == "reportedBy" else fig.retracted_by).append(o.value)
    return figures


def _claims(onto: Ontology, node: ox.NamedNode, out, into, figures: dict[str, _Figure]) -> list[_Claim]:
    """The node's facts in sentence graphs, by relation and other end, in the order shown. A
    relation implied by a more specific one to the same end in the same sentence (agent, by
    speaker) is not repeated, nor a bare count that a figure of the sentence gives with its qualifier."""
    stated: dict[tuple[int, object], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for side, quads in ((0, out), (1, [(g, p, s) for g, s, p in into])):
        for g, p, other in quads:
            local = p.value[len(CRISIS):] if p.value.startswith(CRISIS) else ""
            if not _is_sentence(g) or other.value in figures or not RELATIONS.get(local, (None, None))[side]:
                continue
            stated[(side, other)][p.value].add(g.value)
    for f, fig in figures.items():
        if fig.event == node.value:
            stated[(0, ox.NamedNode(f))][CRISIS + fig.measure] |= _graphs_of(into, out, f)
        for local, reading in FIGURE_READINGS.items():
            if node.value in (fig.reported_by if local == "reportedBy" else fig.retracted_by):
                stated[(1, ox.NamedNode(f))][reading] |= _graphs_of(into, out, f)
    given = {(g, fig.measure, fig.value) for f, fig in figures.items() for g in _graphs_of(into, out, f)}
    claims: dict[tuple[str, object], _Claim] = {}
    for (side, other), props in stated.items():
        for graph in sorted({g for gs in props.values() for g in gs}, key=_reading_order):
            here = [p for p, gs in props.items() if graph in gs]
            for p in onto.most_specific(here):
                local = _local(p)
                if isinstance(other, ox.Literal) and (graph, local, other.value) in given:
                    continue
                relation = p if p in FIGURE_READINGS.values() else RELATIONS[local][side]
                claims.setdefault((relation, other), _Claim(relation, other)).graphs.append(graph)
    return sorted(claims.values(), key=lambda c: (ORDER.index(c.relation), _reading_order(c.graphs[0]), str(c.other)))


def _graphs_of(into, out, figure: str) -> set[str]:
    """The sentence graphs that state a figure: where the node has it, or names it as claimed."""
    return {g.value for g, _, o in out if o.value == figure} | {g.value for g, s, _ in into if s.value == figure}


def _listed(claims: list[_Claim]) -> list[_Claim]:
    """The first FACTS_PER_RELATION facts of each relation."""
    seen: dict[str, int] = defaultdict(int)
    listed = []
    for c in claims:
        seen[c.relation] += 1
        if seen[c.relation] <= FACTS_PER_RELATION:
            listed.append(c)
    return listed


def _fact(claim: _Claim, node: ox.NamedNode, figures: dict[str, _Figure], sentences: _Sentences,
          names: dict[str, Label]) -> Fact:
    other = claim.other
    fig = figures.get(other.value)
    name = names.get(other.value)
    link, note, ends, words = "", "", [node, other], []
    if fig:
        event = ox.NamedNode(fig.event)
        amount = (f"{QUALIFIERS[fig.qualifier]} {fig.value}" if fig.qualifier in QUALIFIERS
                  else fig.value + ("" if fig.qualifier == "exact" else f" ({_words(fig.qualifier)})"))
        if fig.event == node.value:
            value = amount
        else:
            value = f"{fig.measure} {amount}: {names[fig.event].label if fig.event in names else fig.event}"
            link = names[fig.event].href if fig.event in names else ""
        if fig.retracted or fig.retracted_by:
            note = "retracted" + (" by " + ", ".join(names[p].label for p in fig.retracted_by if p in names)
                                  if fig.retracted_by else "")
        ends, words = [node, event, other], [fig.words]
        claimant_of = [other]
    elif isinstance(other, ox.Literal):
        value = f"«{other.value}»" if claim.relation in ("reported as", "quote") else other.value
        words = [other.value]
        claimant_of = [node]
    else:
        value, link = (name.label, name.href) if name else (_local(other.value), "")
        claimant_of = [t for t in (node, other) if names.get(t.value, Label("")).category == "Event"]
    fact = Fact(claim.relation, value, link, note, more=max(0, len(claim.graphs) - SOURCES_PER_FACT))
    for graph in claim.graphs[:SOURCES_PER_FACT]:
        dated = claim.relation in ("date", "until")
        said = words + (sentences.date_words(graph, node) if dated else [])
        source = sentences.source(graph, ends, said, claimant_of, names)
        if dated and sentences.publication_date(graph, node):
            fact.note = "the article's publication date: the text gives none"
        fact.sources.append(source)
    return fact


def _words(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel).lower()


def _identifiers(store: ox.Store, documents) -> dict[str, str]:
    found = {d.value: i.value for d, i in _rows(store, f"""SELECT ?d ?i WHERE {{
        VALUES ?d {{ {_values(documents)} }} ?d <{DCTERMS}identifier> ?i }}""")} if documents else {}
    return {d: found.get(d, _local(d)) for d in documents}


class _Sentences:
    """The sentence graphs a description cites, read whole: their text and article, and what each
    states (mentions with offsets, triggers, date words, figure words, claimants), to mark and credit."""

    def __init__(self, store: ox.Store, graphs):
        self.text: dict[str, tuple[str, int, str]] = {}      # graph: text, start offset, document
        self.meta: dict[str, dict[str, str]] = defaultdict(dict)
        self.quads: dict[str, list[tuple[str, str, object]]] = defaultdict(list)
        if not graphs:
            return
        for g, text, begin, doc in _rows(store, f"""SELECT ?g ?t ?b ?d WHERE {{ VALUES ?g {{ {_values(graphs)} }}
                ?g <{NIF}isString> ?t ; <{NIF}beginIndex> ?b ; <{NIF}referenceContext> ?d }}"""):
            self.text[g.value] = (text.value, int(begin.value), doc.value)
        for doc, p, o in _rows(store, f"""SELECT ?d ?p ?o WHERE {{
                VALUES ?d {{ {_values(t[2] for t in self.text.values())} }}
                VALUES ?p {{ <{DCTERMS}identifier> <{DCTERMS}publisher> <{DCTERMS}issued> <{DCTERMS}source> }}
                ?d ?p ?o }}""") if self.text else ():
            self.meta[doc.value][_local(p.value)] = o.value
        for g, s, p, o in _rows(store, f"""SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {_values(graphs)} }}
                GRAPH ?g {{ ?s ?p ?o }} }}"""):
            self.quads[g.value].append((s.value, p.value, o))

    def _objects(self, graph: str, subject: str, prop: str) -> list:
        return [o for s, p, o in self.quads.get(graph, ()) if s == subject and p == prop]

    def claimants(self) -> list[str]:
        return [o.value for quads in self.quads.values() for _, p, o in quads if p == CRISIS + "reportedBy"]

    def date_words(self, graph: str, event: ox.NamedNode) -> list[str]:
        return [o.value for o in self._objects(graph, event.value, CRISIS + "dateText")]

    def publication_date(self, graph: str, event: ox.NamedNode) -> bool:
        return bool(self._objects(graph, event.value, CRISIS + "reportDate"))

    def spans(self, graph: str, term: ox.NamedNode) -> list[tuple[int, int]]:
        """Where the sentence names the term: an entity's mentions, an event's trigger words."""
        _, begin, _ = self.text[graph]
        found = []
        for s, p, o in self.quads.get(graph, ()):
            if p == MENTION_OF and o == term:
                starts, ends = self._objects(graph, s, NIF + "beginIndex"), self._objects(graph, s, NIF + "endIndex")
                found += [(int(b.value) - begin, int(e.value) - begin) for b, e in zip(starts, ends)]
                if not starts:    # a mention given by its words alone
                    found += self.find(graph, [a.value for a in self._objects(graph, s, NIF + "anchorOf")])
        triggers = [w for o in self._objects(graph, term.value, CRISIS + "trigger") for w in o.value.split(", ")]
        return found + self.find(graph, triggers)   # "menyerbu, membakar": two words of one event

    def find(self, graph: str, words) -> list[tuple[int, int]]:
        text = self.text[graph][0].lower()
        return [(at, at + len(w)) for w in words if w and (at := text.find(w.lower())) >= 0]

    def source(self, graph: str, ends, words=(), claimant_of=(), names: dict[str, Label] | None = None) -> Source:
        """The sentence with the words naming the fact's two ends (and ``words``) marked."""
        text, _, doc = self.text[graph]
        marks: list[tuple[int, int]] = []
        spans = [s for t in ends if isinstance(t, ox.NamedNode) for s in self.spans(graph, t)]
        for b, e in sorted(spans + self.find(graph, words)):
            if 0 <= b < e <= len(text) and (not marks or b >= marks[-1][1]):
                marks.append((b, e))
        meta = self.meta.get(doc, {})
        names = names or {}
        claimants = [names[o.value].label if o.value in names else _local(o.value)
                     for t in claimant_of for o in self._objects(graph, t.value, CRISIS + "reportedBy")]
        return Source(graph, text, marks, meta.get("identifier", _local(doc)), meta.get("publisher", ""),
                      meta.get("issued", ""), meta.get("source", ""), ", ".join(dict.fromkeys(claimants)))


def _merges(store: ox.Store, node: ox.NamedNode, names: dict[str, Label]) -> list[Merge]:
    """Each join of two reports into this event: their articles, what they share, date and score."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _, m, p, o in _rows(store, f"""SELECT ?x ?m ?p ?o WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{
            ?x <{CRISIS}merge> ?m . ?m ?p ?o }} }}""", node):
        found[m.value][_local(p.value)].add(o.value)
    documents = {r.value: d.value for _, r, d in _rows(store, f"""SELECT ?x ?r ?d WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{
            ?x <{CRISIS}report> ?r . ?r <{CRISIS}inDocument> ?d }} }}""", node)}
    ids = _identifiers(store, set(documents.values()))
    shared = labels(store, {k for m in found.values() for k in m["sharedKey"]})
    merges = []
    for m in sorted(found.values(), key=lambda m: -float(min(m["score"], default="0"))):
        merges.append(Merge(sorted({ids[documents[r]] for r in m["joins"] if r in documents}),
                            sorted(shared[k].label if k in shared else _local(k) for k in m["sharedKey"]),
                            float(min(m["score"], default="0")), min(m["matchedDate"], default=""),
                            "true" in m["dateStated"]))
    return merges


def _related(store: ox.Store, node: ox.NamedNode, onto: Ontology) -> list[tuple[str, str]]:
    """Other events with the most actors and places in common, then the nearest in time."""
    roles = " ".join(f"<{CRISIS}{r}>" for r in ("agent", "target", "participant", "speaker", "place"))
    shared = {e.value: int(n.value) for _, e, n in _rows(store, f"""SELECT ?x ?e (COUNT(DISTINCT ?y) AS ?n) WHERE {{
            VALUES ?p {{ {roles} }} VALUES ?q {{ {roles} }} ?x ?p ?y . ?e ?q ?y . ?e <{CRISIS}evidence> [] FILTER(?e != ?x)
        }} GROUP BY ?x ?e ORDER BY DESC(?n) LIMIT 200""", node)}
    names = labels(store, [*shared, node.value], onto)
    day = re.search(r"\d{4}-\d\d-\d\d", names[node.value].label) if node.value in names else None

    def distance(event: str) -> float:
        other = re.search(r"\d{4}-\d\d-\d\d", names[event].label)
        if not (day and other):
            return float("inf")
        return abs((date.fromisoformat(other.group()) - date.fromisoformat(day.group())).days)

    chosen = sorted((e for e in shared if e in names), key=lambda e: (-shared[e], distance(e), names[e].label))
    return [(names[e].href, names[e].label) for e in chosen[:RELATED]]


# --- the text of `kg explain` ------------------------------------------------------------

FIND = f"""SELECT DISTINCT ?x ?e WHERE {{
  GRAPH <{ENTITIES_GRAPH}> {{ {{ ?e <{RDFS}label> ?n }} UNION {{ ?e <{SKOS}altLabel> ?n }} }}
  FILTER(LCASE(STR(?n)) = LCASE(STR(?x)))
}} ORDER BY ?e"""
WIDTH = 160    # characters of a sentence shown around its marked words


def find(store: ox.Store, name: str) -> list[str]:
    """The nodes a name means: entities so named (label or other name, any case), or an IRI, whole
    or after https://w3id.org/crisis-kg/id/ (person/x, event/…)."""
    for iri in (name, ID + name.lstrip("/")):
        if _valid(iri) and _rows(store, "SELECT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } } LIMIT 1", ox.NamedNode(iri)):
            return [iri]
    return [e.value for _, e in _rows(store, FIND, ox.Literal(name))]


def explain(store: ox.Store, name: str) -> list[str]:
    """The lines `kg explain` prints: each node the name means, as ``describe`` tells it."""
    lines: list[str] = []
    for iri in find(store, name):
        desc = describe(store, iri)
        if desc:
            lines += ([""] if lines else []) + render(desc)
    return lines


def render(desc: Description) -> list[str]:
    """A description as text: the node, then its facts, each with its first sentence; a sentence
    already shown is referred to by its number."""
    kinds = ", ".join(desc.types) if desc.kind == "entity" else ""    # an event's name starts with its type
    lines = [desc.name + (f" ({kinds})" if kinds else ""), f"  <{desc.iri}>"]
    about = []
    if desc.names:
        about.append("also called " + ", ".join(desc.names))
    about += [f"Wikidata {q}" for q in desc.wikidata]
    verb = "named in" if desc.kind == "entity" else "reported in"
    about.append(f"{verb} {_plural(desc.sentences, 'sentence')} of {_plural(len(desc.documents), 'article')}")
    lines.append("  " + "; ".join(about))
    for merge in desc.merges:
        how = "the stated day" if merge.stated else "the publication date"
        lines.append(f"  joined: {' + '.join(merge.documents) or 'two reports'} share {', '.join(merge.shared)}"
                     + (f", {how} {merge.date}" if merge.date else "") + f" (score {merge.score:g})")
    numbers: dict[str, int] = {}
    for fact in desc.facts:
        refs = [numbers[s.sentence] for s in fact.sources if s.sentence in numbers]
        new = next((s for s in fact.sources if s.sentence not in numbers), None)
        rest = len(fact.sources) + fact.more - len(refs) - (new is not None)
        lines.append(f"  {fact.relation}: {fact.value}" + (f" ({fact.note})" if fact.note else "")
                     + (" [" + ", ".join(map(str, refs)) + "]" if refs else "")
                     + (f" (+{_plural(rest, 'more sentence')})" if rest else ""))
        if new:
            numbers[new.sentence] = len(numbers) + 1
            lines.append(f"      [{numbers[new.sentence]}] {_excerpt(new)} ({_credit(new)})")
    lines += [f"  … and {n} more: {relation}" for relation, n in desc.more_facts.items()]
    if desc.related:
        lines.append("  related: " + "; ".join(name for _, name in desc.related[:3]))
    return lines


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _credit(source: Source) -> str:
    said = f"{source.claimant} says, " if source.claimant else ""
    return said + ", ".join(p for p in (source.document, source.publisher, source.issued) if p)


def _excerpt(source: Source) -> str:
    """The sentence on one line, its marked words in «»; a long one cut at words around them."""
    text, marks = source.text, source.marks
    pieces, at = [], 0
    for b, e in marks:
        pieces += [text[at:b], "«", text[b:e], "»"]
        at = e
    marked = " ".join("".join(pieces + [text[at:]]).split())
    if len(marked) <= WIDTH:
        return f"“{marked}”"
    first = max(marked.find("«"), 0)
    start = max(0, min(first - WIDTH // 3, len(marked) - WIDTH))
    start = marked.find(" ", start) + 1 if start else 0
    end = marked.rfind(" ", start, start + WIDTH)
    end = len(marked) if start + WIDTH >= len(marked) else end if end > first else start + WIDTH
    return "“" + ("…" if start else "") + marked[start:end] + ("…" if end < len(marked) else "") + "”"
