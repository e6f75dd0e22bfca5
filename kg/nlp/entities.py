"""The entity component: every rule's readings and the model's, combined into ``doc.ents``.

Entities carry the ontology's class names as labels; titles, datelines and aliases are
kept beside them (``span._.role``, ``doc._.dateline``, ``doc._.aliases``).
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from kg import gazetteer
from kg.records import ENTITY_KIND
from kg.nlp.datelines import Datelines
from kg.nlp.lexicon import (
    ACRONYM, CLITIC, DIRECTIONS, ELONGATED, HEADLINE, INTRODUCERS, INTRODUCERS_IN_BRACKETS, INTRODUCER_SKIPS,
    LANG, NAME_PARTICLES, NOT_NAMES, OPEN_QUOTES, OR, ROLE, TEXTS, THING_HEADS, TITLE_SPANS, UNITS,
    common_words, date_words, is_dictionary_word, read_list, read_table)
from kg.nlp.model import MODEL_LABELS
from kg.nlp.organisations import OrganisationReadings
from kg.nlp.sentences import opens_name, token_texts
from kg.nlp.spans import (
    Candidate, capitalised, capitalised_run_end, cut_from_start, headline_tokens, longest, lower_words,
    model_says, outside, phrase_ending, phrase_matcher, product, score_at, select, untiled, without_degrees)
from kg.nlp.titles import TitleReadings


Span.set_extension("role", default=None, force=True)
Span.set_extension("rank", default=None, force=True)
Span.set_extension("affiliation", default=None, force=True)   # (start_char, end_char)
Span.set_extension("source", default="rule", force=True)
Doc.set_extension("aliases", default=None, force=True)        # [((b, e), (b, e)), ...]
Doc.set_extension("dateline", default=None, force=True)       # (place, outlet) of "Jakarta, CNN Indonesia --"


@Language.factory("crisis_entities")
def make_crisis_entities(nlp: Language, name: str) -> "CrisisEntities":
    return CrisisEntities(nlp)


class CrisisEntities(Datelines, TitleReadings, OrganisationReadings):
    """Rule-based entities combined with the statistical model's.

    Rules win where they are precise (titles, organisation patterns, acronym
    definitions, gazetteers, collective actors); the model covers the open
    world of names; types of model spans are refined from the gazetteer and
    place cues. Overlaps are settled longest-first, then by priority.
    """

    def __init__(self, nlp: Language):
        vocab = nlp.vocab
        self.gazetteer = gazetteer.load()
        self.names = PhraseMatcher(vocab, attr="ORTH")
        for text in self.gazetteer.names():
            self.names.add("GAZ", [nlp.make_doc(text)])
        self.groups = {phrase: label for phrase, _key, label in read_table("groups.tsv")}
        self.group_matcher = phrase_matcher(nlp, self.groups)
        titles = {row[0]: (row[1] if len(row) > 1 else "") for row in read_table("titles.tsv")}
        self.titles = phrase_matcher(nlp, titles)
        self.title_use = {lower_words(nlp.make_doc(title)): use for title, use in titles.items()}   # "co-founder": 3 tokens
        heads = read_table("org_heads.tsv")
        self.org_heads = {row[0]: row[1] for row in heads}
        self.standalone_orgs = {row[0] for row in heads if row[2:] == ["alone"]}
        self.cue_heads = {row[0] for row in heads if row[2:] == ["cue"]}
        self.national_heads = {row[0] for row in heads if row[2:] == ["national"]}
        self.org_head_matcher = phrase_matcher(nlp, self.org_heads)
        self.org_words = set(read_list("org_words.txt"))
        self.org_tails = dict(read_table("org_tails.tsv"))
        self.demonyms = set(read_list("demonyms.txt"))
        self.given_names = set(read_list("given_names.txt"))
        self.locatives = set(read_list("locative_words.txt"))
        self.speech_verbs = set(read_list("speech_verbs.txt"))
        self.openers = set(read_list("sentence_openers.txt"))
        self.tag_verbs = {verb for verb in LANG.json("triggers.json")["statements"]["after"] if verb.isalpha()}
        self.name_enders = set(read_list("name_enders.txt"))
        self.function_openers = (self.openers | spacy.util.get_lang_class(LANG.spacy_lang).Defaults.stop_words) - \
            self.given_names        # "Baik", "Kalau" opening a sentence: no word of the name after them
        self.common_words = common_words()
        self.date_words = date_words()
        self.place_cues = dict(read_table("place_cues.tsv"))
        self.place_cue_matcher = phrase_matcher(nlp, self.place_cues)
        self.acronym_def = Matcher(vocab)
        self.acronym_def.add("ACR", [[{"ORTH": "("}, {"TEXT": {"REGEX": ACRONYM.pattern}}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[HEADLINE] = headline_tokens(doc)
        token_texts(doc)
        doc.user_data[TITLE_SPANS] = [(s, e) for _, s, e in longest(self.titles(doc))]
        datelines = self._datelines(doc)
        candidates: list[Candidate] = []
        gaz_spans = self._gazetteer_spans(doc)
        candidates += gaz_spans
        candidates += self._groups(doc)
        heads = longest(self.org_head_matcher(doc))
        candidates += self._organisations(doc, gaz_spans, heads)
        candidates += self._organisation_tails(doc)
        candidates += self._cued_lists(doc, heads)
        candidates += self._score_lines(doc)
        aliases, things = self._acronym_definitions(doc, candidates, {i for s, e, _ in datelines for i in range(s, e)})
        candidates += self._titled_persons(doc, gaz_spans, candidates)
        candidates += self._place_cues(doc)
        candidates += self._speakers(doc, candidates)
        candidates += self._appositive_speakers(doc, candidates)
        candidates += self._tagged_names(doc, candidates)
        candidates += self._model_spans(doc, candidates, heads, things)
        candidates += self._given_name_persons(doc, gaz_spans)
        candidates = outside(candidates, datelines)
        chosen = select(outside(self._propagate_names(doc, select(untiled(candidates))), datelines))
        chosen += self._introduced_names(doc, chosen, aliases)
        doc.ents = [self._span(doc, without_degrees(doc, c)) for c in chosen if c.label != ROLE]
        doc._.aliases = aliases
        doc._.dateline = datelines[0][2] if datelines else None
        del doc.user_data[HEADLINE], doc.user_data[TEXTS], doc.user_data[TITLE_SPANS]
        return doc

    def _institution(self, doc: Doc, start: int, end: int) -> bool:
        """The model reads tokens start..end as one organisation shaped like one: a single word
        or a name with an acronym ("Polri", "PDI Perjuangan"), not two words like a person's."""
        shaped = end - start == 1 or any(t.text.isupper() and len(t.text) > 1 for t in doc[start:end])
        return shaped and (start, end, "ORG") in doc.user_data.get("model_ents", [])

    def _span(self, doc: Doc, c: Candidate) -> Span:
        span = Span(doc, c.start, c.end, label=c.label)
        span._.role = c.role
        span._.rank = c.rank
        span._.source = c.source
        if c.affiliation:
            aff = doc[c.affiliation[0]:c.affiliation[1]]
            span._.affiliation = (aff.start_char, aff.end_char)
        return span

    def _gazetteer_spans(self, doc: Doc) -> list[Candidate]:
        """Names the gazetteer knows where the context supports them (`_place_in_context`). A
        country stays (the model swallows countries into names: "Peru Dina Boluarte")."""
        out = []
        for _, start, end in self.names(doc):
            cls = self.gazetteer.entity_class(doc[start:end].text)
            if cls and opens_name(doc[start].text) and self._place_in_context(doc, start, end, cls):
                out.append(Candidate(start, end, cls, 5, source="gazetteer"))
        return out

    def _place_in_context(self, doc: Doc, start: int, end: int, cls: str) -> bool:
        """A one-word city, region or place of the gazetteer is one only where the text does not
        read it as something else: not inside a person's name the model reads ("Paul Kagame": Paul
        is a place in Minnesota too; "Barli Asmara"), and, when it is an everyday word ("Tak",
        "Para", "Berat"), only after a locative or a place cue or where the model reads a place, and
        never right after a given name ("Ana Lima"); not where the model reads it alone as a person
        (`_person_not_place`)."""
        if end - start > 1 or cls not in ("City", "Region", "Place"):
            return True
        if any(s <= start < e and e - s > 1 and label == "PER" for s, e, label in doc.user_data.get("model_ents", ())):
            return False
        if (start, end, "PER") in doc.user_data.get("model_ents", ()) and self._person_not_place(doc, start, end, cls):
            return False
        if not is_dictionary_word(doc[start].text):
            return True
        before = doc[start - 1].text.lower() if start else ""
        if before in self.given_names and capitalised(doc[start - 1]):
            return False        # "kata Ana Lima": a surname
        return self._after_locative(doc, start) or \
            model_says(doc, start, end, "LOC", default=not self._opens_sentence(doc, start))

    def _person_not_place(self, doc: Doc, start: int, end: int, cls: str | None) -> bool:
        """A one-word city, region or place of the gazetteer that the model reads alone as a person
        is one where it opens a sentence or a clause before a lower-case word, as a subject does:
        "Paul sadar ...", ", Paul sadar" (Paul is a region too); not after a word ("menuju Osaka",
        "ke Paul") nor in an apposition ("ibu kota provinsi itu, Zahedan, dan")."""
        return end - start == 1 and cls in ("City", "Region", "Place") and end < len(doc) and \
            doc[end].text[:1].islower() and (self._opens_sentence(doc, start) or doc[start - 1].text == ",")

    def _after_locative(self, doc: Doc, i: int) -> bool:
        """A locative or a place cue stands right before token ``i`` ("di Asmara", "kota Hamilton")."""
        return i > 0 and (doc[i - 1].lower_ in self.locatives or doc[i - 1].lower_ in self.place_cues)

    @staticmethod
    def _opens_sentence(doc: Doc, i: int) -> bool:
        """The word stands first in its sentence, after any opening quotes or brackets."""
        while i > 0 and not doc[i].is_sent_start and doc[i - 1].text in OPEN_QUOTES | {'"', "(", "'"}:
            i -= 1
        return bool(doc[i].is_sent_start)

    def _groups(self, doc: Doc) -> list[Candidate]:
        """Collective actors; not a word of a rank ("jenderal polisi" is a person), nor a capitalised
        word that goes on a given name ("Sergio Massa" is a person, not "Sergio" and a crowd)."""
        ranked = {i for s, e in doc.user_data[TITLE_SPANS] if self.title_use[lower_words(doc[s:e])] == "rank"
                  for i in range(s, e)}
        return [Candidate(s, e, "Group", 2) for _, s, e in self.group_matcher(doc)
                if not ranked.intersection(range(s, e)) and not self._surname(doc, s)]

    def _surname(self, doc: Doc, i: int) -> bool:
        """Token ``i`` is capitalised right after a capitalised given name: a name goes on."""
        return i > 0 and capitalised(doc[i]) and capitalised(doc[i - 1]) and doc[i - 1].lower_ in self.given_names

    def _place_cues(self, doc: Doc) -> list[Candidate]:
        """The name after a place cue ("kota X", "Kecamatan X"), up to a person's given name
        ("Negara Bagian Hawaii Chris Lee": two names). A place's name may hold another place the
        gazetteer knows ("Masjid Menara Kudus")."""
        out = []
        for _, start, end in longest(self.place_cue_matcher(doc)):
            pos = end
            while pos < len(doc) and doc[pos].text.lower() in DIRECTIONS:
                pos += 1
            cls = self.place_cues[doc[start:end].text.lower()]
            persons = {i: None for i in range(pos + 1, min(len(doc), pos + 6)) if self._given_name_end(doc, i) > i}
            name_end = capitalised_run_end(doc, pos, persons)
            if name_end > pos:
                if name_end < len(doc) and doc[name_end].text in DIRECTIONS:   # "Asia tengah" is a region
                    name_end, cls = name_end + 1, "Region"
                out.append(Candidate(pos, name_end, cls, 1))
        return out

    def _model_spans(self, doc: Doc, rules: list[Candidate], heads: list, things: set[str]) -> list[Candidate]:
        """The model's spans that may be names, typed by the gazetteer when it knows the name
        (a news agency it lists stays one, whatever kind the model guessed), as the rules typed
        an organisation elsewhere in the text ("aplikasi Gojek" makes every "Gojek" a company),
        and as persons when they open with a given name; a "person" the article puts somewhere
        ("di Kashmir") is a place throughout it. Left out in Title-Case headlines, and spans that
        open with a word of a title or with a cue word ("Kanselir Jerman", "Staf Angkatan Darat" of
        "Kepala Staf", "Maskapai Lion Air": the rules read the name after it), or that name a thing
        (``things``: short forms of things). A function word that only opens the sentence is not
        part of the name ("Baik Evelyn ataupun ...", "Kalau Zhang Nan ..."), nor a dictionary word
        there before a given name ("Pasukan Diego Simeone"), nor a month or a weekday at its end
        ("Rapat Dewan Gubernur Oktober")."""
        out = []
        headline = doc.user_data.get(HEADLINE, ())
        openers = {i for s, e in doc.user_data[TITLE_SPANS] for i in range(s, e)} | \
            {s for _, s, e in heads if doc[s:e].text.lower() in self.cue_heads}
        typed = self._organisation_names(doc, rules)
        model_ents = doc.user_data.pop("model_ents", [])
        been_at = {doc[s:e].text for s, e, _ in model_ents if s > 0 and doc[s - 1].text.lower() in self.locatives}
        for start, end, label in model_ents:
            kind = MODEL_LABELS.get(label)
            if end - start > 1 and self._opens_sentence(doc, start) and (doc[start].lower_ in self.function_openers or (
                    is_dictionary_word(doc[start].text) and self._given_name_end(doc, start + 1) > start + 1)):
                start += 1
            while end > start and doc[end - 1].lower_ in self.date_words:
                end -= 1
            end = next((i for i in range(start, end) if doc[i].text == "(" and ")" not in doc[i:end].text),
                       end)     # "Kementerian Kesehatan (Kemenkes": a name holds no bracket it does not close
            if end == start:
                continue
            span = doc[start:end]
            if kind is None or start in headline or start in openers or span.text in things or \
                    not self._may_be_name(span) or (kind == "Person" and product(span)):
                continue
            if kind == "Person" and span.text in been_at:
                kind = "Place"      # somewhere the article is "di Kashmir", the model's person "Kashmir" is a place
            known = self.gazetteer.entity_class(span.text)
            if kind == "Person" and self._person_not_place(doc, start, end, known):
                known = None
            known = known or typed.get(span.text)
            cls = known or ("Person" if self._given_name_first(span) else kind)
            if cls == "Person" and not known:
                cls = self._organisation_shaped(span) or cls
            out.append(Candidate(start, end, cls, 0, source="model"))
        return out

    def _may_be_name(self, span: Span) -> bool:
        """Not: a span opening with neither a capital nor a digit ("kota barat", a stray "“"
        or "“Orang": a name opens with its first letter), a word drawn out in speech ("Amiiiin"),
        the long name of a thing ("Surat Perintah ..."), a score ("Al Ahly 2-1 Zamalek": two
        teams), a unit after a number ("4 TB"), a single common, nationality or religion word or
        interjection ("Protes", "Kazakh", "Budha"), or a dictionary word alone at a sentence's
        start, or after the quote that opens it, that is no given name, also with a particle on it
        ("Bodoh", "Tetaplah")."""
        text = span.text
        low = text.lower()
        if not opens_name(text) or ELONGATED.search(text) or span[0].lower_ in THING_HEADS or \
                any(score_at(span.doc.user_data[TEXTS], i) for i in range(span.start, span.end)):
            return False
        if len(span) > 1:
            return True
        if low in UNITS and span.start > 0 and span.doc[span.start - 1].text[:1].isdigit():
            return False
        return not (low in self.common_words or low in NOT_NAMES or text in self.demonyms or
                    (self._opens_sentence(span.doc, span.start) and low not in self.given_names and
                     (is_dictionary_word(text) or is_dictionary_word(CLITIC.sub("", low)))))

    def _given_name_first(self, span: Span) -> bool:
        """The model's two to four words open with a given name and go on as a name: a person's,
        whatever kind the model gave them."""
        return span.end - span.start >= 2 and self._given_name_end(span.doc, span.start) == span.end

    def _given_name_end(self, doc: Doc, start: int) -> int:
        """Where a person's name that opens with a given name at ``start`` ends ("Janet Jackson",
        "Joshua Sandy Taniady"): up to four capitalised words, ending before a month or a weekday
        ("Selasa"); none may be an organisation's or a place's word or a dictionary word
        ("Elizabeth Hotel" is no person). ``start`` when there is none."""
        if doc[start].text.lower() not in self.given_names:
            return start
        end = start + 1
        while end < len(doc) and end - start < 4 and (capitalised(doc[end]) or
                                                      doc[end].text.lower() in NAME_PARTICLES):
            low = doc[end].text.lower()
            if low in self.date_words:
                break
            if low in self.org_heads or low in self.place_cues or is_dictionary_word(low):
                return start
            end += 1
        while end > start and doc[end - 1].text.lower() in NAME_PARTICLES:
            end -= 1
        return end if end - start >= 2 else start

    def _given_name_persons(self, doc: Doc, gaz: list[Candidate]) -> list[Candidate]:
        """Names that open with a given name, where no longer or surer reading covers them (the
        lowest priority): "Brooke Davis", and "Janet Jackson" over the city of Jackson. A capitalised
        word before the given name is a name's part, unless it ends a place ("aktor Amerika Serikat
        Steven Seagal", "kiper Cagliari Luca Crosta": the model's one span is two names)."""
        headline = doc.user_data.get(HEADLINE, ())
        place_ends = {c.end for c in gaz if ENTITY_KIND.get(c.label) == "Place"}
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            if text.lower() not in self.given_names or not capitalised(tok := doc[i]) or i in headline or \
                    (i > 0 and not tok.is_sent_start and capitalised(doc[i - 1]) and i not in place_ends):
                continue
            end = self._given_name_end(doc, tok.i)
            if end > tok.i:
                out.append(Candidate(tok.i, end, "Person", -1))
        return out

    def _propagate_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Persons named in full in this document are persons wherever the name comes again
        in full, and so are their bare surnames and first names, also where the model typed
        them otherwise; a bare surname also where the gazetteer knows a town of that name ("Linda
        Hamilton ... Hamilton"), unless a locative or a place cue stands before it ("di Asmara")."""
        parts, full, surnames = set(), set(), set()
        for c in chosen:
            if c.label == "Person" and c.end - c.start >= 2:
                full.add(tuple(t.text for t in doc[c.start:c.end]))
                surnames.add(doc[c.end - 1].text)
                for tok in doc[c.start:c.end]:
                    if len(tok.text) > 2 and capitalised(tok) and tok.lower_ not in NAME_PARTICLES | NOT_NAMES:
                        parts.add(tok.text)
        def surname_not_town(c: Candidate) -> bool:
            return c.label in ("City", "Region", "Place") and doc[c.start].text in surnames and \
                not self._after_locative(doc, c.start)
        kept = [c for c in chosen if not (c.end - c.start == 1 and doc[c.start].text in parts and
                                          (c.source == "model" or surname_not_town(c)))]
        taken = {i for c in kept for i in range(c.start, c.end)}
        by_first: dict[str, list[tuple]] = {}
        for name in sorted(full, key=lambda n: (-len(n), n)):      # the longest name first, in a fixed order
            by_first.setdefault(name[0], []).append(name)
        again, texts = [], doc.user_data[TEXTS]
        for start, text in enumerate(texts):
            for name in by_first.get(text, ()):
                end = start + len(name)
                if tuple(texts[start:end]) == name and not taken.intersection(range(start, end)):
                    again.append(Candidate(start, end, "Person", 0))
                    taken.update(range(start, end))
        return kept + again + [Candidate(i, i + 1, "Person", 0) for i, text in enumerate(texts)
                               if i not in taken and text in parts]

    def _introduced_names(self, doc: Doc, chosen: list[Candidate], aliases: list) -> list[Candidate]:
        """The other name an article introduces for a person or a body: "Jusuf Kalla (JK)", "Setnov
        (Setya Novanto)", "Oesman Sapta Odang alias OSO", "Ridwan Kamil yang akrab disapa Emil", a
        person's "Basuki Tjahaja Purnama atau Ahok" (the words: kg/lang/id/names.json). The pair goes
        to ``aliases`` (one entity: kg.resolve.entities), and the other name is a name of the full
        name's class wherever the text has it again ("JK" alone later on): readings of it are
        relabelled in ``chosen``, new ones returned. A name the rules or the gazetteer read as
        something else is no other name ("Fadli Zon (Gerindra)")."""
        at = {i: c for c in chosen for i in range(c.start, c.end)}
        paired = {short for _, short in aliases}
        texts, added = doc.user_data[TEXTS], []
        for c in [c for c in chosen if c.label != ROLE]:
            found = self._other_name(doc, c)
            if not found:
                continue
            (start, end), strict = found
            name, reading = texts[start:end], at.get(start)
            if reading and not ((reading.start, reading.end) == (start, end) and (
                    reading.label == "Person" and reading.source != "gazetteer" if strict else
                    reading.source == "model" or ENTITY_KIND.get(reading.label) == ENTITY_KIND.get(c.label))):
                continue
            if end - start == 1 and not name[0].isupper() and is_dictionary_word(name[0]):
                continue
            other = (doc[start:end].start_char, doc[start:end].end_char)
            if other not in paired:
                aliases.append(((doc[c.start:c.end].start_char, doc[c.start:c.end].end_char), other))
            for pos in range(len(texts)):
                if texts[pos:pos + len(name)] != name:
                    continue
                again = at.get(pos)
                if again is None and not any(i in at for i in range(pos, pos + len(name))):
                    again = Candidate(pos, pos + len(name), c.label, 0)
                    added.append(again)
                    at.update({i: again for i in range(pos, pos + len(name))})
                elif again and (again.start, again.end) == (pos, pos + len(name)) and \
                        (again is reading or again.source == "model"):
                    again.label = c.label
        return added

    def _other_name(self, doc: Doc, c: Candidate) -> tuple[tuple[int, int], bool] | None:
        """Where the other name of entity ``c`` stands, and whether only a name read as no one else
        will do (after a plain "atau", that is usually "or": no reading but a person's that is
        not the gazetteer's, no given name: "Shohei Matsunaga atau Tantan"). In brackets
        with no introducing word it must be cut from the full name (`cut_from_start`); before a
        person's name in brackets, not in capitals ("HKTI (Himpunan Kerukunan Tani Indonesia)" is
        a body the model may read as a person)."""
        texts, kind = doc.user_data[TEXTS], ENTITY_KIND.get(c.label)
        full, pos = texts[c.start:c.end], c.end
        if kind not in ("Person", "Organization") or pos >= len(texts):
            return None
        if texts[pos] == "(" and texts[pos + 2:pos + 3] == [")"] and cut_from_start(texts[pos + 1], full):
            return (pos + 1, pos + 2), False
        cue = phrase_ending(texts, c.start, INTRODUCERS_IN_BRACKETS)
        bracket = (cue if cue is not None else c.start) - 1
        if kind == "Person" and len(full) > 1 and bracket > 0 and texts[bracket] == "(" and texts[pos] == ")" and \
                capitalised(doc[bracket - 1]) and (cue is not None or not texts[bracket - 1].isupper() and
                                                    cut_from_start(texts[bracket - 1], full)):
            return (bracket - 1, bracket), False
        if kind == "Person" and len(full) > 1 and texts[pos] == OR and pos + 2 < len(texts) and \
                capitalised(doc[pos + 1]) and not capitalised(doc[pos + 2]) and texts[pos + 2] != "(" and \
                texts[pos + 1].lower() not in self.given_names:
            return (pos + 1, pos + 2), True
        while pos < len(texts) and pos - c.end < 3 and texts[pos].lower() in INTRODUCER_SKIPS:
            pos += 1
        cue_end = next((pos + len(p) for p in INTRODUCERS if tuple(t.lower() for t in texts[pos:pos + len(p)]) == p),
                       None)
        if cue_end:
            end = min(capitalised_run_end(doc, cue_end, {}), cue_end + 3)
            if end > cue_end:
                return (cue_end, end), False
        return None
