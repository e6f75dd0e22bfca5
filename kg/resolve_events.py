"""Event identity: which event mentions are the same real-world event."""
from __future__ import annotations

from kg.records import ExtractedDocument
from kg.vocab import event_iri


def assign_event_iris(ext: ExtractedDocument) -> None:
    for event in ext.events:
        event.iri = event.iri or event_iri(ext.doc.id, event.begin, event.end)
