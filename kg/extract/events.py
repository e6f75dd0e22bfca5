"""Events of each sentence (placeholder until the event extractor lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.records import Event, ExtractedDocument


def extract_events(ext: ExtractedDocument, sdoc: Doc) -> list[Event]:
    return []
