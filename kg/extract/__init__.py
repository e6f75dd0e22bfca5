"""Extraction: a processed spaCy Doc → sentences, mentions and events of one document."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import aliases_of, dateline_of, mentions_of, sentences_of, token_spans
from kg.records import Document, ExtractedDocument


def extract(doc: Document, sdoc: Doc) -> ExtractedDocument:
    from kg.extract.events import extract_events

    tokens = token_spans(sdoc)
    text = doc.text      # what the pipeline read; Doc.text would join every token again
    sentences = sentences_of(text, tokens)
    mentions = mentions_of(sdoc, sentences)
    ext = ExtractedDocument(doc, sentences, mentions, aliases=aliases_of(sdoc, mentions), dateline=dateline_of(sdoc))
    ext.events = extract_events(ext, [(begin, text[begin:begin + n]) for begin, n, space, _ in tokens if not space])
    return ext
