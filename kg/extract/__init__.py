"""Extraction: a processed spaCy Doc → sentences, mentions and events of one document."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import aliases_of, mentions_of, sentences_of
from kg.records import Document, ExtractedDocument


def extract(doc: Document, sdoc: Doc) -> ExtractedDocument:
    from kg.extract.events import extract_events

    sentences = sentences_of(sdoc)
    mentions = mentions_of(sdoc, sentences)
    ext = ExtractedDocument(doc, sentences, mentions, aliases=aliases_of(sdoc, mentions))
    ext.events = extract_events(ext, sdoc)
    return ext
