"""The spaCy pipeline for Indonesian news: tokens, sentences, entities.

Built on ``spacy.blank("id")``: a sentence splitter that knows quotes and
headlines, the project's trained NER model when it is installed, and rule
components whose patterns live in the language folder (``kg/lang/id/``). Entities end up in
``doc.ents`` with our ontology's class names as labels; a person's title and office are
kept apart from the name, in ``span._.role`` (a rank in ``span._.rank``, the office's
organisation in ``span._.affiliation``). A dateline ("Jakarta, CNN Indonesia --") holds no
entity: it is ``doc._.dateline``, where and by whom the report was filed.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

import kg.nlp.entities  # noqa: F401  (registers its spaCy component)
from kg.nlp.lexicon import LANG, PIPE_BATCH
from kg.nlp.model import MODEL_DIR, model_available
import kg.nlp.sentences  # noqa: F401  (registers its spaCy component)


@lru_cache(maxsize=2)
def load_pipeline(use_model: bool = True) -> Language:
    """The full pipeline; without the trained model, rules alone (and a warning)."""
    nlp = spacy.blank(LANG.spacy_lang)
    nlp.add_pipe("crisis_sentences")
    if use_model:
        if model_available():
            nlp.add_pipe("crisis_name_model")
        else:
            logging.getLogger("kg").warning(
                "NER model not found in %s: using rules only (run `make model`)", MODEL_DIR)
    nlp.add_pipe("crisis_entities")
    nlp.batch_size = PIPE_BATCH
    return nlp
