"""Titles, offices and ranks before a name, kept apart from it.

"Kepala Staf Angkatan Darat Jenderal X": the person is X; the title is ``span._.role``, the
rank ``span._.rank``, the office's organisation ``span._.affiliation``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.records import ENTITY_KIND
from kg.nlp.lexicon import (
    ACRONYM, ARTICLES, OFFICE_REACH, RANK_SUFFIXES, ROLE, TERRITORY_WORDS, TEXTS, TITLED, TITLE_SPANS,
    is_dictionary_word)
from kg.nlp.sentences import opens_name
from kg.nlp.spans import (
    Candidate, after_short_form, capitalised, capitalised_run_end, lower_words, model_person_starts,
    model_says)

QUOTE_ENDS = {",", '"', "”", "'"}   # what stands before a verb of saying that tags a quote


class TitleReadings:
    """Methods of the entity component (kg.nlp.entities.CrisisEntities) that read titles,
    offices, ranks and the names they introduce; they use the matchers its constructor builds."""

    def _titled_persons(self, doc: Doc, gaz: list[Candidate], others: list[Candidate]) -> list[Candidate]:
        """Title [office] [affiliation] [rank] [,] Name  and  Name, title: titles, offices and ranks
        are the person's role, never part of the name (`_role_phrase`, `_appositions`)."""
        taken = {i: c for c in others for i in range(c.start, c.end)}
        titles = self._title_matches(doc, gaz)
        texts = doc.user_data[TEXTS]
        stop = {**taken, **titles, **{i: doc[i] for i, text in enumerate(texts) if text in self.demonyms}}
        out, done, introducing = [], 0, set()
        for start in sorted(titles):
            if start >= done and (read := self._role_phrase(doc, start, titles, taken, stop)):
                out += read
                done = read[0].end
                introducing.add(start)
        return out + self._appositions(doc, titles, introducing, out, stop)

    def _appositions(self, doc: Doc, titles: dict, introducing: set[int], read: list[Candidate],
                     stop: dict) -> list[Candidate]:
        """Name, title: "Zaw Min Tun, juru bicara junta". Not where the title introduces a name of its
        own (a list: "Menteri BUMN Rini Soemarno, Menteri Kesehatan Nila Moeloek"), nor over a
        title's words; a name read after its rank takes the role ("Letnan Jenderal Sansern
        Kaewkamnerd, juru bicara pemerintahan")."""
        texts = doc.user_data[TEXTS]
        titled = {i for s, (e, _) in titles.items() for i in range(s, e)} | \
            {i for c in read if c.label == ROLE for i in range(c.start, c.end)}
        persons = {(c.start, c.end): c for c in read if c.label == "Person"}
        out = []
        for i, text in enumerate(texts):
            if text != ",":
                continue
            after = i + 2 if i + 1 < len(doc) and texts[i + 1].lower() in ARTICLES else i + 1
            if after not in titles or titles[after][1] == "rank" or after in introducing:
                continue
            start = i
            while start > 0 and i - start < 4 and (start - 1) not in stop and (start - 1) not in titled \
                    and capitalised(doc[start - 1]):
                start -= 1
            while start < i and doc[start].text.lower() in self.openers:
                start += 1
            role = doc[after:self._joined_title(after, titles)[0]].text
            if (start, i) in persons:
                persons[(start, i)].role = persons[(start, i)].role or role
            elif i - start >= 2 and not self._no_name(doc, start, i):
                out.append(Candidate(start, i, "Person", TITLED, role=role))
        return out

    def _no_name(self, doc: Doc, start: int, end: int) -> bool:
        """Words after or before a title that name no person: dictionary words ("Menteri Perumahan
        Rakyat", "anggota Biro Politik") or one institution the model reads ("Wakil Kepala Polri"),
        unless the model reads a person there."""
        return not model_says(doc, start, end, "PER", default=True) and (
            all(is_dictionary_word(t.text) and t.text.lower() not in self.given_names for t in doc[start:end])
            or self._institution(doc, start, end))

    def _title_matches(self, doc: Doc, gaz: list[Candidate]) -> dict[int, tuple[int, str]]:
        """Titles of the text, start → (end, use), the longest where they overlap; not inside a name
        the gazetteer knows ("Raja Ampat"), a facility's name ("Bandara Sultan Hasanuddin") or, but
        for a rank, a person's name the model reads ("Lukman Hakim Saifuddin": hakim is a judge)."""
        in_places = {i for c in gaz for i in range(c.start, c.end)}
        in_persons = {i for s, e, label in doc.user_data.get("model_ents", ()) if label == "PER"
                      for i in range(s + 1, e)}
        out = {}
        for s, e in doc.user_data[TITLE_SPANS]:
            use = self.title_use[lower_words(doc[s:e])]
            if s not in in_places and not (use != "rank" and s in in_persons) and \
                    not (s > 0 and self.place_cues.get(doc[s - 1].text.lower()) == "Facility"):
                out[s] = (e, use)
        return out

    @staticmethod
    def _joined_title(start: int, titles: dict) -> tuple[int, str]:
        """End and use of the title at ``start`` with the title its prefixes join: "mantan Wakil Gubernur"."""
        end, use = titles[start]
        while use == "prefix" and end in titles:
            end, use = titles[end]
        return end, use

    def _role_phrase(self, doc: Doc, start: int, titles: dict, taken: dict, stop: dict) -> list[Candidate] | None:
        """Title [office words] [affiliation] [rank] [,] [rank] Name, read from the title at ``start``:
        "Kepala Biro Humas KPK Febri Diansyah" (role "Kepala Biro Humas", affiliation KPK), "Kapolres
        Bogor, AKBP Andi Dharma" (role "Kapolres Bogor", rank "AKBP"), "Menteri Luar Negeri AS Rex
        Tillerson" (affiliation AS). The person comes first, then one-token readings that keep other
        readings (the model's "Biro Humas KPK", a city in "Kapolres Bogor") off the role's words."""
        end, use = self._joined_title(start, titles)
        if use in ("prefix", "after"):
            return None
        rank = affiliation = None
        if use == "rank":
            role_end, pos = start, self._rank_end(doc, start, titles)
            rank = (start, pos)
        elif use == "unit":
            role_end = pos = self._territory_end(doc, end, titles)
        else:
            role_end, affiliation, pos = self._office(doc, end, titles, taken)
        if pos < len(doc) and doc[pos].text == ",":
            pos += 1
        if rank is None and self._is_rank(pos, titles):
            rank = (pos, self._rank_end(doc, pos, titles))
            pos = rank[1]
        if pos >= len(doc):
            return None
        known_person = pos in taken and taken[pos].label == "Person" and taken[pos].start == pos
        name_end = taken[pos].end if known_person else capitalised_run_end(doc, pos, self._name_stops(doc, pos, stop, taken))
        if name_end == pos or doc[pos].text.lower() in self.date_words:
            return None         # "kata Kepala Dinas Sosial DKI Masrokhan, Rabu (24/5)": a weekday is no name
        if self._no_name(doc, pos, name_end):
            return None
        possessive = use == "possessive" and name_end - pos == 1
        role = doc[start:role_end].text if role_end > start and not possessive else None
        person = Candidate(pos, name_end, "Person", TITLED, role=role, affiliation=affiliation,
                           rank=doc[rank[0]:rank[1]].text if rank else None)
        kept = range(*affiliation) if affiliation else range(0)
        words = [i for i in (*range(start, role_end), *range(*(rank or (0, 0)))) if i not in kept]
        return [person, *(Candidate(i, i + 1, ROLE, TITLED) for i in words)]

    def _name_stops(self, doc: Doc, pos: int, stop: dict, taken: dict) -> dict:
        """What ends a name read after a title: ``stop``, less a one-word city or region inside the
        name ("Kolonel Inf Dwi Bima": Bima is a city too) or opening it with a given name."""
        first = pos if doc[pos].text.lower() in self.given_names else pos + 1      # "Pangeran George"
        inside = [i for i in range(first, min(len(doc), pos + 4)) if (c := taken.get(i)) is not None
                  and c.end - c.start == 1 and c.label in ("City", "Region", "Place")]
        return {i: v for i, v in stop.items() if i not in inside}

    @staticmethod
    def _is_rank(pos: int, titles: dict) -> bool:
        return pos in titles and titles[pos][1] == "rank"

    def _rank_end(self, doc: Doc, pos: int, titles: dict) -> int:
        """End of the ranks from ``pos`` with what belongs to them: "Kombes Pol dr", "Jenderal TNI (Purn)"."""
        while pos < len(doc):
            if self._is_rank(pos, titles):
                pos = titles[pos][0]
            elif doc[pos].text.lower() in RANK_SUFFIXES:
                pos += 1
            elif doc[pos].text == "(" and pos + 2 < len(doc) and doc[pos + 1].text.lower() in RANK_SUFFIXES \
                    and doc[pos + 2].text == ")":
                pos += 3
            else:
                break
        return pos

    def _territory_end(self, doc: Doc, pos: int, titles: dict) -> int:
        """After an office that holds its unit ("Kapolres"), the end of the words naming the unit's
        territory (one word at least, whatever the model reads there): up to a rank, a comma, a given
        name or a name the model reads ("Kapolres Bogor, AKBP ...", "Kapolda Metro Jaya Irjen ...",
        "Kapolsek Taman Sari Jakarta Barat")."""
        persons = model_person_starts(doc)
        end = pos
        while end < len(doc) and end - pos < TERRITORY_WORDS and capitalised(doc[end]) and \
                not self._is_rank(end, titles) and not (end > pos and (end in persons or
                                                                        doc[end].text.lower() in self.given_names)):
            end += 1
        return end

    def _office(self, doc: Doc, pos: int, titles: dict, taken: dict) -> tuple[int, tuple | None, int]:
        """After a title: where its role ends, the affiliation, and where a rank or the name may start.

        Office words belong to the role ("Biro Humas", "luar negeri", and "Reskrim" or "Staf" that
        lead to a unit). The first unit (an organisation, a place, a demonym or an acronym) is the
        affiliation; when only dictionary words name it, it is part of the role too ("Kepala Staf
        Angkatan Darat"). More units may follow it ("Komisi III DPR"). A rank or a name the model
        reads ends the office."""
        role_end, affiliation = pos, None
        persons = model_person_starts(doc, taken)
        limit = min(len(doc), pos + OFFICE_REACH)
        while pos < limit and not self._is_rank(pos, titles):
            if pos in titles and affiliation is None:       # "Wakil Presiden Direktur", "Kepala Seksi"
                pos = role_end = self._joined_title(pos, titles)[0]
            elif unit := self._unit_at(doc, pos, taken):     # before the model's person: "Presiden Peru Dina Boluarte"
                if affiliation is None:
                    affiliation = unit
                    if self._generic_unit(doc, unit, taken):
                        role_end = unit[1]
                pos = after_short_form(doc, unit[1])
            elif affiliation is not None and doc[pos].text.lower() in self.org_words and \
                    self._unit_at(doc, pos + 1, taken):       # "Duta Besar Indonesia untuk Arab Saudi"
                pos += 1
            elif pos not in persons and affiliation is None and \
                    (self._office_word(doc[pos]) or self._before_unit(doc, pos, titles, taken)):
                pos = role_end = after_short_form(doc, pos + 1)
            elif unit := self._model_unit_at(doc, pos):      # "Ketua DPP Hanura Yuddy Chrisnandi"
                affiliation, pos = affiliation or unit, after_short_form(doc, unit[1])
            else:
                break
        return role_end, affiliation, pos

    @staticmethod
    def _generic_unit(doc: Doc, unit: tuple[int, int], taken: dict) -> bool:
        """An organisation that dictionary words alone name ("Angkatan Darat", "Staf Kepresidenan"):
        it says which office the title is, so it belongs to the role too."""
        c = taken.get(unit[0])
        return c is not None and ENTITY_KIND.get(c.label) == "Organization" and \
            all(is_dictionary_word(t.text) for t in doc[unit[0]:unit[1]])

    def _unit_at(self, doc: Doc, pos: int, taken: dict) -> tuple[int, int] | None:
        """The organisation, place or collective an office may belong to, starting at ``pos``: one
        the rules read, a demonym, an acronym, or a place word (`_place_word`)."""
        if pos >= len(doc):
            return None
        c = taken.get(pos)
        if c is not None and c.start == pos and ENTITY_KIND.get(c.label) in ("Place", "Organization", "Group"):
            return c.start, c.end
        text = doc[pos].text
        if text in self.demonyms or (ACRONYM.match(text) and text.isupper()) or self._place_word(doc, pos):
            return pos, pos + 1
        return None

    def _place_word(self, doc: Doc, pos: int) -> bool:
        """A one-word place of the gazetteer that the context rules left out as an everyday word, after
        an office it is the office's place ("BPBD Garut"); not a given name ("Presiden Rwanda Paul Kagame")."""
        return ENTITY_KIND.get(self.gazetteer.entity_class(doc[pos].text)) == "Place" and \
            doc[pos].text.lower() not in self.given_names and pos not in model_person_starts(doc)

    def _model_unit_at(self, doc: Doc, pos: int) -> tuple[int, int] | None:
        """An organisation or place the model reads from ``pos`` that holds no title and no person:
        the unit of an office the rules do not know ("Pelatih Persib Bandung, Djadjang Nurdjaman")."""
        model_ents = doc.user_data.get("model_ents", ())
        for s, e, label in model_ents:
            after = e + 1 if e < len(doc) and doc[e].text == "," else e
            if s == pos and label in ("ORG", "LOC") and not any(s <= t < e for t, _ in doc.user_data[TITLE_SPANS]) and \
                    not any(s < pe and ps < e for ps, pe, other in model_ents if other == "PER") and \
                    after < len(doc) and opens_name(doc[after].text):      # a name is left after it
                return s, e
        return None

    def _office_word(self, tok) -> bool:
        """A word of an office's name: "luar negeri", "Biro Humas" (not a given name: "Budi")."""
        low = tok.text.lower()
        return low in self.org_words or \
            (capitalised(tok) and is_dictionary_word(tok.text) and low not in self.given_names)

    def _before_unit(self, doc: Doc, pos: int, titles: dict, taken: dict) -> bool:
        """Capitalised words from ``pos`` lead to a unit, a rank or a name the model reads: they name
        an office the dictionary does not know ("Kasat Reskrim Polres Bogor", "Kepala Staf Angkatan
        Darat", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Asman Abnur")."""
        if not (capitalised(doc[pos]) or self._office_word(doc[pos])) or doc[pos].text.lower() in self.given_names:
            return False        # "Pangeran George dan Putri Charlotte": a given name opens a name
        persons = model_person_starts(doc, taken)
        for j in range(pos + 1, min(len(doc), pos + OFFICE_REACH)):
            if self._unit_at(doc, j, taken) or self._is_rank(j, titles) or j in persons:
                return True
            if not (capitalised(doc[j]) or self._office_word(doc[j])):
                return False
        return False

    def _speakers(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """Two to four capitalised words right before a verb of saying name a person: "Andrés Pérez mengatakan"."""
        taken = {i for c in others for i in range(c.start, c.end)}
        title_at = dict(doc.user_data[TITLE_SPANS])
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            if text.lower() not in self.speech_verbs or i < 2:
                continue
            tok = doc[i]
            start = tok.i
            while start > 0 and tok.i - start < 5 and (start - 1) not in taken and capitalised(doc[start - 1]) \
                    and doc[start - 1].text not in self.demonyms:
                start -= 1
            while start < tok.i and doc[start].text.lower() in self.openers:
                start += 1
            role = None
            if start in title_at:          # "Wakil Presiden menegaskan": a title, no name
                role, start = doc[start:title_at[start]].text, title_at[start]
            if tok.i - start >= 2:
                out.append(Candidate(start, tok.i, "Person", 2, role=role))
        return out

    def _tagged_names(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """One capitalised word right after a verb of saying that tags a quote or clause (", kata
        Zaenal,", ", ujar Yuddy di ...") names its speaker, a person: the tag leaves room for no
        other reading. A word read otherwise, a place, an organisation's word, a month or weekday,
        a common word, a title or an acronym stays what it is."""
        taken = {i for c in others for i in range(c.start, c.end)}
        texts = doc.user_data[TEXTS]
        out = []
        for i in range(2, len(texts)):
            if texts[i - 1] not in self.tag_verbs or texts[i - 2] not in QUOTE_ENDS or i in taken:
                continue          # on texts first: a Token object costs more than the test, on every token
            tok, low = doc[i], texts[i].lower()
            if not capitalised(tok) or tok.text.isupper() or \
                    (i + 1 < len(doc) and texts[i + 1].lower() not in self.name_enders):
                continue
            if low in self.common_words or low in self.date_words or low in self.org_heads or \
                    (low,) in self.title_use or tok.text in self.demonyms or self.gazetteer.entity_class(tok.text):
                continue
            out.append(Candidate(i, i + 1, "Person", 1))
        return out

    def _appositive_speakers(self, doc: Doc, others: list[Candidate]) -> list[Candidate]:
        """Two or three capitalised words opening a sentence, set off by a comma, whose clause
        ends in a verb of saying after another comma, name a person: "Maman Sidikou, yang
        merupakan pemimpin MONUSCO, ..., mengatakan". Dictionary words ("Pemerintah Kenya,")
        and names read otherwise are left alone."""
        taken = {i for c in others for i in range(c.start, c.end)}
        out = []
        for sent in doc.sents:
            end = sent.start
            while end < sent.end and end - sent.start < 3 and capitalised(doc[end]) and end not in taken \
                    and not doc[end].text.isupper() and not is_dictionary_word(doc[end].text):
                end += 1
            if end - sent.start < 2 or end >= sent.end or doc[end].text != "," or \
                    self.gazetteer.entity_class(doc[sent.start:end].text):
                continue
            if any(doc[i].text == "," and doc[i + 1].text.lower() in self.speech_verbs for i in range(end + 1, sent.end - 1)):
                out.append(Candidate(sent.start, end, "Person", 2))
        return out
