"""Datelines ("Jakarta, CNN Indonesia --"): where and by whom a report was filed.

A dateline is the source's metadata, not a participant: the entity component keeps every
reading out of it and puts it in ``doc._.dateline``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.records import ENTITY_KIND
from kg.nlp.lexicon import DASHES, DATELINE_PART, DATELINE_REACH, OUTLET_ADDRESS, TEXTS
from kg.nlp.sentences import opens_name


class Datelines:
    """Methods of the entity component (kg.nlp.entities.CrisisEntities) that find datelines."""

    def _datelines(self, doc: Doc) -> list[tuple[int, int, tuple[str | None, str | None]]]:
        """(start, end, (place, outlet)) of the datelines that open a line: "Jakarta, CNN Indonesia --",
        "Wamena (ANTARA News) -", "Liputan6.com, Jakarta -", "Rimanews -". They say where and by whom
        the report was filed: source metadata, never entities of what it reports."""
        texts = doc.user_data[TEXTS]
        out = []
        for i in [0] + [i + 1 for i, text in enumerate(texts) if "\n" in text]:   # a line break is a token
            while i < len(texts) and not texts[i].strip():
                i += 1
            if i < len(texts) and (found := self._dateline_at(doc, i)):
                out.append(found)
        return out

    def _dateline_at(self, doc: Doc, start: int):
        """A dateline from token ``start``: up to three short parts before a dash, split by commas and
        brackets, each a place or an outlet. A part in brackets or written as a web address is an
        outlet, one the gazetteer knows is a place or an outlet; the one part left unknown is
        what the others are not (a lone one-word part is an outlet)."""
        texts = doc.user_data[TEXTS]
        end = len(texts)
        dash = next((i for i in range(start + 1, min(end, start + DATELINE_REACH))
                     if texts[i] in DASHES and doc[i - 1].whitespace_), None)      # "Minsk -", not "Nur-Sultan"
        if dash is None or \
                any(s < dash < e and label == "PER" for s, e, label in doc.user_data.get("model_ents", ())):
            return None         # "Karl - Heinz Rummenigge mengonfirmasi": a name, no dateline
        parts, part, bracket = [], [], False
        for i in range(start, dash):
            text = texts[i]
            if text in (",", "(", ")"):
                if part:
                    parts.append((part, bracket))
                part, bracket = [], text == "("
            elif "\n" in text:
                return None
            elif text.strip():
                if not opens_name(text) or len(part) == DATELINE_PART:
                    return None
                part.append(i)
        if part:
            parts.append((part, bracket))
        kinds = []       # per part, in order: (text, "place" | "outlet" | None)
        for tokens, in_brackets in parts:
            text = doc[tokens[0]:tokens[-1] + 1].text
            cls = self.gazetteer.entity_class(text)
            if in_brackets or OUTLET_ADDRESS.search(text) or cls == "MediaOrganization":
                kinds.append((text, "outlet"))
            elif ENTITY_KIND.get(cls) == "Place":
                kinds.append((text, "place"))
            else:
                kinds.append((text, None))
        known = {kind for _, kind in kinds}
        unknown = [text for text, kind in kinds if kind is None]
        if len(unknown) > 1 or not 1 <= len(parts) <= 3:
            return None
        if unknown:     # "Raqa, Suriah (ANTARA News)": a place; "Jakarta, CNN Indonesia", "Rimanews": an outlet
            lone_word = len(parts) == 1 and len(parts[0][0]) == 1 and unknown[0].lower() not in self.given_names
            guess = "place" if "outlet" in known else "outlet" if "place" in known or lone_word else None
            if guess is None:
                return None
            kinds = [(text, kind or guess) for text, kind in kinds]
        places = [text for text, kind in kinds if kind == "place"]
        outlets = [text for text, kind in kinds if kind == "outlet"]
        after = dash
        while after < end and (texts[after] in DASHES or not texts[after].strip()):
            after += 1
        return start, after, (places[0] if places else None, outlets[0] if outlets else None)
