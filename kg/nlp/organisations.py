"""Organisations read from their shape: head words ("Kementerian ..."), tails ("... Group"),
acronym definitions ("Front Pembela Islam (FPI)"), cued lists and score lines.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.records import ENTITY_KIND
from kg.nlp.lexicon import (
    CANNOT_END_NAME, DIRECTIONS, HEADLINE, LIST_JOINERS, LIST_OPENERS, LONG_NAME_WORDS, NAME_PARTICLES,
    ROMAN, TEXTS, THING_HEADS, TITLED, TITLE_SPANS, WORK_WORDS, is_dictionary_word)
from kg.nlp.spans import (
    Candidate, capitalised, capitalised_run_end, head_word_class, model_says, score_at, spelt_in_lower_case)


class OrganisationReadings:
    """Methods of the entity component (kg.nlp.entities.CrisisEntities) that read
    organisations from their shape; they use the tables its constructor loads."""

    def _organisations(self, doc: Doc, gaz: list[Candidate], heads: list) -> list[Candidate]:
        """Head word + name words: "Kementerian Luar Negeri Rusia", "Bank Nasional Kazakhstan".

        A lower-case media or company head is a description, not part of the name:
        "kantor berita (Rusia) Tass" names Tass. So is a cue word whatever its case ("Maskapai
        Lion Air", "aplikasi Gojek"), unless only dictionary words follow it ("Perusahaan Listrik
        Negara" is the name): the cue gives the name its class. A national head with a country's
        name alone names that country's institution ("Bank Indonesia" is a central bank).
        """
        gaz_at = {c.start: c for c in gaz}
        # A name does not run on into a title, into a person the model sees ("Partai Golkar Aburizal Bakrie"),
        # or over "dan" into another organisation ("Partai Kebangkitan Bangsa dan Partai Demokrat").
        stops = {s for s, _ in doc.user_data[TITLE_SPANS]} | \
            {s for s, _, label in doc.user_data.get("model_ents", ()) if label == "PER"} | \
            {s - 1 for _, s, _ in heads if s > 0 and doc[s - 1].lower_ in LIST_JOINERS and capitalised(doc[s])}
        out = []
        head_starts = {s for _, s, _ in heads}
        for _, start, head_end in heads:
            head = doc[start:head_end].text.lower()
            if head in self.cue_heads and head_end in head_starts:
                continue            # the name's own head reads it: "Fraksi Partai Demokrat"
            cls = self.org_heads[head]
            lower_head = doc[head_end - 1].text[:1].islower()
            if lower_head and cls == "MediaOrganization" and start > 0 and doc[start - 1].lower_ in WORK_WORDS:
                continue            # a show's title: "drama televisi Megutan"
            descriptor = (lower_head and cls in ("MediaOrganization", "Company")) or \
                (head in self.cue_heads and (lower_head or not self._dictionary_words_after(doc, head_end)))
            name_start = end = head_end
            # a short form that names an institution alone ("Polri", "KPK") takes only acronyms after it
            # ("DPR RI", "TNI AD"), not the person it introduces ("Juru bicara Polri Setyo Wasisto")
            short_form = head in self.standalone_orgs and head_end - start == 1 and not is_dictionary_word(head)
            if descriptor and end in gaz_at and gaz_at[end].label == "Country":
                name_start = end = gaz_at[end].end
            while end < len(doc) and (end not in stops or descriptor and end == name_start):   # "aplikasi Signal"
                tok = doc[end]
                if end in gaz_at and gaz_at[end].label in ("Country", "City", "Region", "Place"):
                    end = self._after_place_in_name(doc, gaz_at[end].end, stops)
                    break
                if tok.text == "-" and end > name_start and end + 1 < len(doc) and not tok.whitespace_ and \
                        (capitalised(doc[end + 1]) or doc[end + 1].is_digit):
                    end += 2          # "Khabar-24", "Asia-Pasifik"
                elif self._person_after_portfolio(doc, name_start, end, cls == "PoliticalParty"):
                    out.append(Candidate(end, capitalised_run_end(doc, end, {}), "Person", TITLED))   # over the model's one name
                    break
                elif short_form and not tok.text.isupper():
                    break
                elif (capitalised(tok) and (descriptor or not lower_head)) or tok.text.lower() in self.org_words or \
                        (tok.is_digit and end > start):       # "Korem 043", "Densus 88"
                    end += 1
                else:
                    break
            while end > name_start and doc[end - 1].text.lower() in CANNOT_END_NAME:
                end -= 1
            if end == name_start and head not in self.standalone_orgs:
                continue
            if descriptor:
                if capitalised(doc[name_start]) and doc[name_start].text.lower() not in DIRECTIONS:
                    out.append(Candidate(name_start, end, cls, 4))
            else:
                national = head in self.national_heads and head_end in gaz_at and \
                    gaz_at[head_end].label == "Country" and gaz_at[head_end].end == end
                out.append(Candidate(start, end, "GovernmentBody" if national else cls, 4))
        return out

    def _cued_lists(self, doc: Doc, heads: list) -> list[Candidate]:
        """Names listed after a lower-case cue word are of the cue's class: "produsen (laptop) seperti
        Dell, Lenovo, dan HP", "klub seperti Ajax dan PSV"."""
        out = []
        for _, start, end in heads:
            head = doc[start:end].text
            if head.lower() not in self.cue_heads or not (head[:1].islower() or self._opens_sentence(doc, start)):
                continue
            pos = end
            while pos < min(len(doc), end + 2) and doc[pos].text[:1].islower() and doc[pos].lower_ not in LIST_OPENERS:
                pos += 1            # "produsen ponsel seperti"
            if pos >= len(doc) or doc[pos].lower_ not in LIST_OPENERS:
                continue
            pos += 1
            while (name_end := capitalised_run_end(doc, pos, {})) > pos:
                out.append(Candidate(pos, name_end, self.org_heads[head.lower()], 4))
                pos = name_end + (name_end < len(doc) and doc[name_end].text == ",")
                pos += pos < len(doc) and doc[pos].lower_ in LIST_JOINERS
        return out

    @staticmethod
    def _score_lines(doc: Doc) -> list[Candidate]:
        """The names either side of a score are teams: "Charlotte Hornets 87 - 90 Boston Celtics"
        (not a sentence's first word that is a dictionary word: "Skor Persib 1 - 0 Arema")."""
        texts = doc.user_data[TEXTS]
        out = []
        for i in range(len(texts)):
            if not (length := score_at(texts, i)):
                continue
            before, after = i, i + length
            start = before
            while start > 0 and before - start < 4 and capitalised(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            if start < before and doc[start].is_sent_start and is_dictionary_word(texts[start]):
                start += 1
            end = capitalised_run_end(doc, after, {}) if after < len(doc) else after
            if start < before and end > after:
                out += [Candidate(start, before, "Organization", 4), Candidate(after, end, "Organization", 4)]
        return out

    def _after_place_in_name(self, doc: Doc, pos: int, stops: set[int]) -> int:
        """Where an organisation's name that reached a place ends: there, or after the capitalised
        dictionary words that still belong to it ("Polda Metro Jaya", "Polres Bogor Kota"), not a
        person's name ("Kementerian Luar Negeri Rusia Sergei Lavrov") nor a weekday."""
        end = pos
        while end < len(doc) and end not in stops and capitalised(doc[end]) and is_dictionary_word(doc[end].text) \
                and doc[end].text.lower() not in self.date_words | self.given_names:
            end += 1
        return end

    @staticmethod
    def _dictionary_words_after(doc: Doc, pos: int) -> bool:
        """The capitalised words from ``pos`` on are all dictionary words ("Listrik Negara")."""
        end = pos
        while end < len(doc) and capitalised(doc[end]):
            end += 1
        return all(is_dictionary_word(t.text) for t in doc[pos:end])

    def _person_after_portfolio(self, doc: Doc, name_start: int, pos: int, party: bool) -> bool:
        """After an organisation's portfolio words ("Kementerian Dalam Negeri", "Bank Dunia", "Komisi
        I DPR"), two capitalised words that are no dictionary words or acronyms start a person's
        name ("... Josue Boji"), not more of the organisation's ("Universitas Gadjah Mada" has no
        portfolio words before "Gadjah"); so do they after a ``party``'s one-word name ("Fraksi
        Hanura Linggom Toruan"); right after an acronym, one such word does ("Kementerian
        PANRB Suwardi": a name does not go on past its short form)."""
        def portfolio_word(text: str) -> bool:
            return is_dictionary_word(text) or text.lower() in self.org_words or text.isupper()

        def name_word(text: str) -> bool:      # not a word that opens a body: "Komisi III Dewan Rakyat"
            return text[:1].isupper() and not text.isupper() and not portfolio_word(text) and \
                text.lower() not in self.org_heads and self.gazetteer.entity_class(text) is None
        if not (name_start < pos < len(doc) and name_word(doc[pos].text)):
            return False
        after_acronym = len(doc[pos - 1].text) > 1 and doc[pos - 1].text.isupper()
        one_word_party = party and pos == name_start + 1 and doc[name_start].lower_ not in self.org_heads
        return after_acronym or pos < len(doc) - 1 and name_word(doc[pos + 1].text) and \
            (one_word_party or all(portfolio_word(t.text) for t in doc[name_start:pos]))

    def _organisation_tails(self, doc: Doc) -> list[Candidate]:
        """Capitalised words ending in an organisation's last word: "Hamburger SV",
        "Human Rights Watch", "BAE Systems", "Football Club de Metz" (not in a Title-Case
        headline; a capitalised Indonesian word opening the sentence is not part of it, nor is a
        title before it: "Ketua Steering Committee")."""
        headline = doc.user_data.get(HEADLINE, ())
        titled = {i for s, e in doc.user_data[TITLE_SPANS] for i in range(s, e)}      # "Ketua Steering Committee X"
        out = []
        for i, text in enumerate(doc.user_data[TEXTS]):
            cls = self.org_tails.get(text.lower())
            if cls is None or not capitalised(tok := doc[i]) or i in headline:
                continue
            start = tok.i
            while start > 0 and tok.i - start < 5 and capitalised(doc[start - 1]) and not doc[start].is_sent_start \
                    and start - 1 not in titled:
                start -= 1
            if doc[start].is_sent_start and is_dictionary_word(doc[start].text):
                start += 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].text in NAME_PARTICLES and capitalised(doc[end + 1]):
                end += 2
            if start < tok.i:
                out.append(Candidate(start, end, cls, 3))
        return out

    def _acronym_definitions(self, doc: Doc, candidates: list[Candidate], dateline: set[int]) -> tuple[list, set[str]]:
        """"Long Name (ACR)": both are names of one organisation, of the class the rules gave the long
        name. The long name does not reach back into a dateline ("Jakarta, CNN Indonesia - - Mahkamah
        Konstitusi (MK)"). A long name that opens with a thing's head word ("Surat Perintah
        Dimulainya Penyidikan (SPDP)") or is written in lower case ("harga eceran tertinggi (HET)")
        names a thing: its short forms come back as the second value, no name wherever the model
        reads them."""
        aliases, things = [], set()
        for _, start, end in self.acronym_def(doc):
            acr = start + 1
            if sum(ch.isupper() for ch in doc[acr].text) < 2:
                continue
            if spelt_in_lower_case(doc, start, doc[acr].text):
                things.add(doc[acr].text)
                continue
            long_start = start
            while long_start > 0 and long_start - 1 not in dateline and (
                    capitalised(doc[long_start - 1]) or
                    doc[long_start - 1].text.lower() in self.org_words | LONG_NAME_WORDS):
                long_start -= 1
            while long_start < start and not capitalised(doc[long_start]):
                long_start += 1
            titles, name_start, initials = dict(doc.user_data[TITLE_SPANS]), long_start, set()
            while titles.get(name_start, start) < start:     # "Ketua Mahkamah Konstitusi (MK)": titles are no name
                initials.add(doc[name_start].text[0])
                name_start = titles[name_start]
            if doc[acr].text[0] in initials - {doc[name_start].text[0]}:
                continue        # "Kepala Staf Angkatan Darat (KSAD)": an office's short form, not an organisation
            long_start = name_start
            if start - long_start < 2:
                continue
            if doc[long_start].text.lower() in THING_HEADS:
                things.add(doc[acr].text)
                continue
            known = self.gazetteer.entity_class(doc[acr].text)
            head = next((c.label for c in candidates if (c.start, c.end) == (long_start, start) and c.source == "rule"
                         and ENTITY_KIND.get(c.label) == "Organization"), None) or \
                head_word_class(doc[long_start:start], self.org_heads)
            if not (known or head or model_says(doc, long_start, acr + 1, "ORG", default=True)):
                continue        # "Bahan Bakar Minyak (BBM)": a thing with an acronym, not an organisation
            cls = known or head or "Organization"
            if ENTITY_KIND.get(cls) not in ("Organization", "Place"):      # "Daerah Istimewa Yogyakarta (DIY)"
                cls = "Organization"
            candidates.append(Candidate(long_start, start, cls, 5))
            candidates.append(Candidate(acr, acr + 1, cls, 5))
            long_span, acr_span = doc[long_start:start], doc[acr:acr + 1]
            aliases.append(((long_span.start_char, long_span.end_char), (acr_span.start_char, acr_span.end_char)))
        return aliases, things

    def _organisation_names(self, doc: Doc, rules: list[Candidate]) -> dict[str, str]:
        """Name → class of the organisations the rules read, a party or a company also without its
        head word: after "Partai Golkar" or "Bank Mandiri", "Golkar" and "Mandiri" name them too
        (not so "Eropa" after "Uni Eropa")."""
        out = {}
        for c in rules:
            if c.source == "rule" and ENTITY_KIND.get(c.label) == "Organization":
                out[doc[c.start:c.end].text] = c.label
                headed = c.end - c.start > 1 and doc[c.start].lower_ in self.org_heads
                if headed and c.label in ("PoliticalParty", "Company"):
                    out.setdefault(doc[c.start + 1:c.end].text, c.label)
        return out

    def _organisation_shaped(self, span: Span) -> str | None:
        """The class of the organisation a model's "person" is by its shape: it opens with an
        organisation's head word that is no given name ("Densus Tipikor", "Universitas Makerere"), or
        holds an acronym of three letters or more among words that are not in capitals ("CIMB Sun
        Life"; "HM Prasetyo", "Fraser Robinson III" and "MICHELE PIRRO" are persons)."""
        first = span[0].lower_
        if first in self.org_heads and first not in self.given_names:
            return self.org_heads[first]
        acronyms = [t for t in span if len(t) > 2 and t.text.isupper() and t.is_alpha and not ROMAN.fullmatch(t.text)]
        return "Organization" if acronyms and len(acronyms) < len(span) and not span.text.isupper() else None
