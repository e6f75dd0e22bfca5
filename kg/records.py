"""Plain records passed between stages (ingest → nlp → extract → resolve → rdf).

No RDF here: the rdf stage is the only one that knows about triples.
Offsets are character offsets into ``Document.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Entity classes of the ontology and the top-level kind each belongs to.
ENTITY_KIND = {
    "Person": "Person",
    "Organization": "Organization",
    "GovernmentBody": "Organization",
    "InternationalOrganization": "Organization",
    "MediaOrganization": "Organization",
    "Company": "Organization",
    "PoliticalParty": "Organization",
    "ArmedForce": "Organization",
    "Place": "Place",
    "Country": "Place",
    "City": "Place",
    "Region": "Place",
    "Facility": "Place",
    "Group": "Group",
}

EVENT_CLASSES = (
    "Protest", "Riot", "ArmedClash", "Bombing", "ViolenceAgainstCivilians", "Detention", "Casualties",
    "MilitaryDeployment", "AidRequest", "EmergencyMeasure", "LeadershipChange",
    "CommunicationShutdown", "CommunicationRestoration", "Statement", "Meeting", "PolicyMeasure",
)


@dataclass
class Document:
    id: str
    text: str
    published: date | None = None
    publisher: str | None = None
    language: str | None = None
    url: str | None = None
    source: str = ""              # path (and line) it was read from
    meta: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""


@dataclass
class Sentence:
    begin: int
    end: int
    text: str


@dataclass
class Mention:
    """A span naming an entity. ``cls`` is an ENTITY_KIND key."""
    begin: int
    end: int
    text: str
    cls: str
    sentence: int                 # index into ExtractedDocument.sentences
    role: str | None = None       # title or role said next to a person ("Presiden")
    rank: str | None = None       # rank or honorific said before a person's name ("AKBP", "Jenderal")
    affiliation: int | None = None  # index of a mention the role belongs to ("Rusia")
    source: str = "rule"          # "rule" | "model" | "gazetteer"
    entity: str | None = None     # entity IRI, set by resolve


@dataclass
class Quantity:
    value: int
    qualifier: str                # exact | atLeast | moreThan | about | lessThan | dozens | hundreds | thousands ...
    text: str
    begin: int
    end: int


@dataclass
class Figure:
    """A number an event carries, and who claims it."""
    prop: str                     # killed | injured | missing | displaced | detained | deployed | protesters
    quantity: Quantity
    reported_by: int | None = None  # mention index of the source
    retracted: bool = False
    retracted_by: int | None = None  # mention index of who withdrew it


@dataclass
class Event:
    cls: str                      # one of EVENT_CLASSES
    sentence: int
    trigger: str
    begin: int
    end: int
    date: date | None = None
    date_text: str | None = None
    end_date: date | None = None  # "keadaan darurat hingga 19 Januari"
    sense: str | None = None      # finer kind of trigger ("resign", "dismiss"): coreference compares it
    places: list[int] = field(default_factory=list)        # mention indexes
    agents: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    participants: list[int] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    reported_by: list[int] = field(default_factory=list)
    speaker: int | None = None
    spoken_for: list[int] = field(default_factory=list)    # whom a spokesperson, lawyer or channel speaks for
    quote: str | None = None
    medium: str | None = None
    about: list[int] = field(default_factory=list)
    about_events: list[int] = field(default_factory=list)  # indexes into ExtractedDocument.events
    labels: list[int] = field(default_factory=list)        # Group mentions the speaker's words named
    negated: bool = False
    modality: str | None = None   # future | promise | threat | possible | request ...
    iri: str | None = None        # set by resolve (event coreference)


@dataclass
class Dateline:
    """Where and by whom a report was filed, read from its opening ("Jakarta, CNN Indonesia --"):
    source metadata, never participants of what it reports."""
    place: str | None
    outlet: str | None


@dataclass
class ExtractedDocument:
    doc: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[Event] = field(default_factory=list)
    aliases: list[tuple[int, int]] = field(default_factory=list)  # (long name, acronym) mention indexes
    dateline: Dateline | None = None


@dataclass
class Entity:
    iri: str
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
