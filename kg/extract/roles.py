"""Who did what to whom, and where: the actors and places of a trigger.

Why: Indonesian marks voice on the verb, so the trigger's form decides the
roles (active: the subject acts; passive: the subject undergoes, "oleh X"
acts; a noun: the subject of the light verb before it acts). Word order reads
them in the trigger's clause; where it finds nobody, the dependency parse
(kg.extract.arguments) does. Datelines ("Jakarta, CNN Indonesia --") hold no
mentions (kg.nlp), so they are never actors.
"""
from __future__ import annotations

from kg.extract import arguments
from kg.extract.sentence import BREAKS, PUNCT_BREAKS, SAME_TIME, Sent
from kg.extract.morphology import Phrases, parse_phrase
from kg.extract.triggers import SAY_BEFORE, SKIP_BACK, Hit, governing_verb, is_nominal, is_speech
from kg.lang import language
from kg.nlp.lexicon import date_words

DATA = language().json("triggers.json")
WORDS = language().json("function_words.json")
CALENDAR = date_words()     # month and weekday names: "Selasa" after a name is when, not a surname
ACTOR_KINDS = {"Person", "Organization", "Group"}
OBJECT_PARTICIPANT = {"MilitaryDeployment", "Protest", "Meeting", "ArmedClash"}
ATTACKS = {"ArmedClash", "Bombing", "ViolenceAgainstCivilians"}     # "serangan militer Irak": the name after attacks
GATHERINGS = {"Meeting"}    # "Dalam pertemuan itu, X membahas ...": the main clause's subject took part
PREPOSITIONS = set(DATA["prepositions"])
OBJECT_PREPOSITIONS = set(WORDS["object_prepositions"])
LOCATIVES = set(DATA["locatives"])
DESTINATIONS = set(DATA["destinations"])
MOVING = set(DATA["moving_classes"])
MOTION = set(DATA["motion_words"])
MOTION_REACH = 6     # tokens before a destination in which a motion word sends there
FACILITIES = [parse_phrase(p) for p in DATA["facility_nouns"]]
NOMINAL_BARE = set(DATA["nominal_bare"])
PRONOUNS = set(DATA["statements"]["pronouns"])
ANTECEDENT_KINDS = {pronoun: set(kinds.split(",")) for pronoun, kinds in language().table("pronouns.tsv")}
CLITIC_KINDS = {p[1:]: kinds for p, kinds in ANTECEDENT_KINDS.items() if p.startswith("-")}   # "-nya"
OWNER_ACTS = {"ArmedClash", "Bombing", "PolicyMeasure"}    # "serangannya", "putusannya": its owner acts
KIN = set(language().json("names.json")["kin"])
PERFECT = set(WORDS["perfect"])
COORDINATION = set(WORDS["coordination"])
CLAUSE_OPENERS = set(WORDS["clause_openers"])
CONJUNCTION = WORDS["conjunction"]
RELATIVE = WORDS["relative"]
AGENT_PREPOSITION = WORDS["agent_preposition"]
PARTNER_PREPOSITION = WORDS["partner_preposition"]
BETWEEN = WORDS["between"]
CAUSES = set(WORDS["causes"])
SUBJECTLESS_OPENERS = set(WORDS["subjectless_openers"])
RESULTS = set(WORDS["results"])
VERBAL = ("me", "di", "ber", "ter")     # voices of a verb
CAUSED = {"Casualties"}     # hurt by a cause named in a clause of its own: "terluka karena tembakan ... di X"
PEOPLE = Phrases([parse_phrase(p) for p in DATA["figures"]["counted_nouns"]])
PLACE_PHRASES = set(WORDS["locative_cases"]) - OBJECT_PREPOSITIONS     # "di X", "ke X": never an object's
DEMONSTRATIVES = set(WORDS["demonstratives"])
PHRASE_REACH = 4     # words of a noun phrase between a preposition and the name it holds: "di grup Facebook"
PHRASE_WORDS = {"NOUN", "ADJ", "DET", "PROPN"}     # the parse's tags of those words
SENTENCE_ENDS = {".", "?", "!"}     # inside a quote the sentence splitter keeps whole


def _in_phrase(sent: Sent, mi: int, words: set[str], stop: int = 0) -> bool:
    """The name ends a phrase one of the prepositions ``words`` opens right before it ("di Lima"), or a
    place phrase that, as the parse tags the words between, opens a few nouns before it ("di grup Facebook",
    "di markas besar PBB"). Such a name is an oblique's, neither the subject nor the object of a verb.
    The walk ends at token ``stop``, a number ("lebih dari 320 ribu warga") or a demonstrative ("Pada
    pertemuan itu Google berjanji")."""
    if sent.preceded_by(mi, words):
        return True
    if sent.parse is None:
        return False
    for j in range(sent.first_tok[mi] - 1, max(stop - 1, sent.first_tok[mi] - 1 - PHRASE_REACH), -1):
        if sent.parse.pos[j] == "ADP":
            return sent.toks[j].low in words & PLACE_PHRASES
        if sent.toks[j].mention is not None or sent.parse.pos[j] not in PHRASE_WORDS \
                or sent.toks[j].low in DEMONSTRATIVES:
            return False
    return False


def _verb(sent: Sent, j: int, *forms: str) -> bool:
    """Token ``j`` is a verb of one of the voice ``forms`` ("me", "di"): the parse tags it a verb and the affixes
    allow that voice (the affix reading alone also finds "me" in "menteri", "di" in "dirut")."""
    return sent.parse is not None and sent.parse.pos[j] == "VERB" and any(f in forms for _, f in sent.toks[j].forms)


def _agent_of_passive(sent: Sent, mi: int) -> bool:
    """The name right after a passive verb (with its title: "diterima Gubernur Djarot", "disita petugas") is
    that verb's agent: in "Surat itu diterima Djarot dan menunjuk Saefullah" the letter appoints, not Djarot."""
    j = _before_title(sent, mi)
    if j >= 0 and sent.toks[j].low == AGENT_PREPOSITION:
        j -= 1
    return j >= 0 and _verb(sent, j, "di")


def _acceptable_subject(sent: Sent, mi: int, described: bool = False) -> bool:
    """An actor, or a place that opens a clause; never a name after a preposition. The head noun of a
    relative clause (``described``) may stand in a phrase of its own: "dengan anggota jaringan teroris
    yang ditangkap"."""
    kind = sent.kind(mi)
    in_phrase = sent.preceded_by(mi, PREPOSITIONS) if described else _in_phrase(sent, mi, PREPOSITIONS)
    if in_phrase or _after_facility(sent, mi) or _in_title(sent, mi) or _agent_of_passive(sent, mi) \
            or _kin_of(sent, mi):
        return False
    if kind in ACTOR_KINDS:
        return True
    if kind != "Place":
        return False
    j = sent.first_tok[mi] - 1           # a place acts only as a clause subject, not in "London, Inggris"
    if j < 0:
        return True
    if sent.toks[j].text == "," and j > 0 and sent.toks[j - 1].mention is not None \
            and sent.kind(sent.toks[j - 1].mention) == "Place":
        return False
    return sent.toks[j].text == "," or sent.toks[j].text in CLAUSE_OPENERS or sent.toks[j].low in BREAKS


def _coordinated_left(sent: Sent, mi: int) -> list[int]:
    """The mention with those of its kind joined to it on the left: "Rusia dan Belarus"."""
    out = [mi]
    j = sent.first_tok[mi] - 1
    while j > 0 and sent.toks[j].low in COORDINATION and sent.toks[j - 1].mention is not None:
        other = sent.toks[j - 1].mention
        if sent.kind(other) != sent.kind(mi):
            break
        out.insert(0, other)
        j = sent.first_tok[other] - 1
    return out


def _coordinated_right(sent: Sent, mi: int, limit: int) -> list[int]:
    """The mention with the actors joined to it on the right, up to token ``limit``."""
    out = [mi]
    j = sent.last_tok[mi] + 1
    while j + 1 < limit and sent.toks[j].low in COORDINATION and sent.toks[j + 1].mention is not None:
        other = sent.toks[j + 1].mention
        if sent.kind(other) not in ACTOR_KINDS:
            break
        out.append(other)
        j = sent.last_tok[other] + 1
    return out


def _body_of(sent: Sent, mi: int) -> int:
    """The body a group noun belongs to, named right after it ("oleh majelis hakim PN Jakarta Utara": the
    court), else the mention itself."""
    if sent.kind(mi) == "Group" and _in_title(sent, mi):
        return sent.toks[sent.last_tok[mi] + 1].mention
    return mi


def _office_of_person_after(sent: Sent, mi: int) -> bool:
    """A body or place that ends a noun phrase of office set off before a person ("menahan mantan Sekretaris
    Jenderal Kementerian Energi, Waryono Karno", "menangkap wakil ketua Partai X, Y"): the person is meant,
    the name only says where they served, and is not whom the verb befalls."""
    before, after = sent.first_tok[mi] - 1, sent.last_tok[mi] + 1
    if sent.kind(mi) == "Person" or sent.parse is None or before < 0 or after + 1 >= len(sent.toks):
        return False
    other = sent.toks[after + 1].mention
    return sent.toks[after].text == "," and other is not None and sent.kind(other) == "Person" \
        and sent.toks[before].mention is None and sent.parse.pos[before] in ("NOUN", "PROPN")


def _in_title(sent: Sent, mi: int) -> bool:
    """The name is a piece of the title of the person named right after it: "Ketua MPR Zulkifli Hasan",
    "Menteri Luar Negeri AS Rex Tillerson"; that person is the actor, the body only their affiliation,
    even when the recogniser missed the person.
    So is a group noun before the body it belongs to: "majelis hakim Pengadilan Negeri Bandung" names
    the court."""
    j = sent.last_tok[mi] + 1
    other = sent.toks[j].mention if j < len(sent.toks) else None
    if other is None and sent.kind(mi) == "Organization":
        return _unnamed_person_at(sent, j)
    if other is None or other == mi:
        return False
    return sent.kind(mi) != "Person" and sent.kind(other) == "Person" \
        or sent.kind(mi) == "Group" and sent.kind(other) == "Organization"


def _unnamed_person_at(sent: Sent, j: int) -> bool:
    """Two capitalised words the parse reads as a name but no mention holds ("Penyidik KPK Novel Baswedan
    disiram"): a person the recogniser missed, whose title the body before them belongs to."""
    words = sent.toks[j:j + 2]
    return len(words) == 2 and sent.parse is not None and sent.parse.pos[j] == "PROPN" and all(
        t.mention is None and t.text[:1].isupper() and t.text[1:].islower() and t.low not in CALENDAR for t in words)


def _active_verb(sent: Sent, j: int) -> bool:
    """An active verb ("menduga", "melakukan"): a name before it, with words between, is that verb's subject."""
    return any(form == "me" for _, form in sent.toks[j].forms)


def _relative(sent: Sent, j: int) -> bool:
    """The verb at ``j`` opens a relative clause ("Nyono yang mengenakan kemeja biru itu, digelandang"):
    it describes the subject, whose verb the trigger still is."""
    return j > 0 and sent.toks[j - 1].low == RELATIVE


def origin(sent: Sent, mi: int) -> bool:
    """A place after a word for people is where they are from: "pria Kosta Rika", "dua orang Israel",
    "tahanan Palestina"; the people are the actors, not the country."""
    j = sent.first_tok[mi] - 1
    return sent.kind(mi) == "Place" and j >= 0 and sent.any_phrase_at(j, PEOPLE) == 1


def subject_before(sent: Sent, start: int, speaker_scan: bool = False,
                   across_verbs: bool = True) -> tuple[list[int], bool]:
    """Actors the clause before token ``start`` names as subject, and whether a pronoun stood there.

    With ``across_verbs`` False (the victim of a passive or a casualty), another active verb with words of
    its own before the trigger ends the search: in "Polisi menduga korban diperkosa" the police are the ones
    who suspect, not the victim; in "pemberontak mengaku diserang" the verbs share their subject; a verb
    of a relative clause describes the subject ("Nyono yang mengenakan kemeja biru itu, digelandang").

    Relative clauses are skipped ("Prancis, ... yang menempatkan 1.500 tentara di Niger, mengatakan"):
    reaching "yang" drops what was found after it and keeps reading left for the head noun, unless
    the candidate already opens a clause ("..., dan Kremlin mengonfirmasi").
    """
    best, comma, worded, described = None, False, False, False
    j = start - 1
    while j >= 0:
        tok = sent.toks[j]
        if tok.mention is not None:
            mi = tok.mention
            if best is None and _acceptable_subject(sent, mi, described):
                best = mi
                comma = any(t.text == "," for t in sent.toks[sent.last_tok[mi]:start])
                if _opens_clause(sent, mi):
                    break
            elif best is not None and speaker_scan and _opens_clause(sent, mi) and sent.kind(mi) in ACTOR_KINDS \
                    and sent.toks[sent.last_tok[mi] + 1].text == ",":
                best = mi          # "Ana Lima, juru bicara polisi Peru, mengatakan"
                break
            j = sent.first_tok[mi] - 1
            continue
        if tok.low == RELATIVE:
            if best is not None and not comma and not _object_in_relative(sent, j, best):
                break
            best, described = None, True
        elif tok.low in PRONOUNS and best is None and (j == 0 or sent.toks[j - 1].low not in PREPOSITIONS):
            return [], True
        elif tok.text in ("”", '"') or (tok.low in BREAKS and tok.low != RELATIVE) or tok.text in PUNCT_BREAKS:
            break
        elif not speaker_scan and tok.text == "," and best is not None:
            break
        elif not speaker_scan and best is None and (is_speech(sent, j) and not _says_done(sent, j, start)
                                                    or not across_verbs and worded
                                                    and _active_verb(sent, j) and not _relative(sent, j)):
            break
        worded = worded or tok.low not in SKIP_BACK
        j -= 1
    return (_coordinated_left(sent, best) if best is not None else []), False


def _object_in_relative(sent: Sent, rel: int, mi: int) -> bool:
    """The mention follows a verb of the relative clause opened at token ``rel``: it is that verb's object,
    and the clause describes the subject further left ("Warga yang melihat pelaku membawa parang langsung
    melapor": the residents report, not the culprit)."""
    return any(_verb(sent, k, *VERBAL) if sent.parse is not None else _active_verb(sent, k)
               for k in range(rel + 1, sent.first_tok[mi]))


def _subject_or_antecedent(sent: Sent, start: int, across_verbs: bool = True) -> list[int]:
    """The subject subject_before finds; when a pronoun that opens the sentence stands there instead, the
    actor it points back to (``_antecedent``)."""
    found, pronoun = subject_before(sent, start, across_verbs=across_verbs)
    return found or (_antecedent(sent, start) if pronoun else [])


def _antecedent(sent: Sent, start: int) -> list[int]:
    """The only actor, of the kinds the sentence's opening pronoun may stand for (pronouns.tsv), that the
    sentence before names, when no other pronoun stands between it and token ``start``: "Liu ditahan pada
    2008. Dia dihukum penjara 11 tahun" (Liu was sentenced), "Ribuan buruh berkumpul di alun-alun. Mereka
    menuntut ..."; nobody when it names two, as the pronoun is then unclear."""
    kinds = ANTECEDENT_KINDS.get(sent.toks[0].low)
    if not kinds or sent.index == 0 or any(t.low in PRONOUNS for t in sent.toks[1:start]):
        return []
    return _only_one(sent, _of_sentence_before(sent), kinds)


def _of_sentence_before(sent: Sent) -> list[int]:
    return [mi for mi, m in enumerate(sent.ext.mentions) if m.sentence == sent.index - 1]


def _only_one(sent: Sent, mentions: list[int], kinds: set[str]) -> list[int]:
    """The only actor of ``kinds`` among ``mentions`` (its repeats count once); nobody when they name two."""
    found: dict[str, int] = {}
    for mi in mentions:
        if sent.kind(mi) in kinds:
            found.setdefault(sent.mention(mi).text.lower(), mi)
    return list(found.values()) if len(found) == 1 else []


def _owner(sent: Sent, hit: Hit) -> list[int]:
    """Whom the clitic pronoun of a noun trigger points back to (pronouns.tsv): the only person named
    before it in the sentence ("Pengakuan Agus ... berbuah pemecatannya"), else, when the sentence names
    nobody before it, the only one the sentence before names. Nobody past a pronoun, which may stand for
    someone else ("Dia membandingkan dengan putusannya"); a quote's sentences end at their full stop."""
    word = sent.toks[hit.end - 1].low
    kinds = next((k for clitic, k in CLITIC_KINDS.items() if word.endswith(clitic) and len(word) > len(clitic) + 2),
                 None)
    start = next((j + 1 for j in range(hit.start - 1, -1, -1) if sent.toks[j].text in SENTENCE_ENDS), 0)
    if kinds is None or any(t.low in PRONOUNS for t in sent.toks[start:hit.start]):
        return []
    before = [sent.toks[j].mention for j in range(start, hit.start) if sent.toks[j].mention is not None]
    if any(sent.kind(mi) in kinds for mi in before):
        return _only_one(sent, before, kinds)
    return _only_one(sent, _of_sentence_before(sent), kinds) if sent.index > 0 and start == 0 else []


def _says_done(sent: Sent, j: int, start: int) -> bool:
    """Only a perfect marker stands between the verb of saying at ``j`` and token ``start``: the speaker tells
    what it has done itself ("Rusia mengklaim telah menewaskan pemimpin ISIS"), so it is the subject of both."""
    between = [t.low for t in sent.toks[j + 1:start]]
    return bool(between) and all(w in PERFECT for w in between)


def _kin_of(sent: Sent, mi: int) -> bool:
    """A kinship word opens the name's noun phrase: the name only says whose relative the actor is ("menahan
    putra mantan senator Piedad Cordoba", "menangkap pelaku pembunuhan keluarga Ramos")."""
    for j in range(sent.first_tok[mi] - 1, max(-1, sent.first_tok[mi] - 1 - PHRASE_REACH), -1):
        tok = sent.toks[j]
        if tok.low in KIN:
            return True
        if tok.mention is not None or not tok.text.isalpha() or _verb(sent, j, *VERBAL):
            return False
    return False


def _before_title(sent: Sent, mi: int) -> int:
    """The token before the mention and its title ("Presiden X")."""
    j = sent.first_tok[mi] - 1
    role = (sent.mention(mi).role or "").lower().split()
    k = len(role)
    while k and j >= 0 and sent.toks[j].low == role[k - 1]:
        j, k = j - 1, k - 1
    return j


def _opens_clause(sent: Sent, mi: int) -> bool:
    """The mention (with its title: "Presiden X") stands first in its clause."""
    j = _before_title(sent, mi)
    return j < 0 or sent.toks[j].text in {",", "”", '"'} or sent.toks[j].low in CLAUSE_OPENERS \
        or sent.toks[j].low in BREAKS


def object_after(sent: Sent, end: int, limit: int, prefer_person: bool = False) -> list[int]:
    """First actor after token ``end`` in the clause (up to ``limit``) and before a quote's full stop, with
    coordinated ones."""
    found = []
    for j in range(end, limit):
        if sent.toks[j].text in SENTENCE_ENDS:
            break
        mi = sent.toks[j].mention
        if mi is None or sent.first_tok[mi] != j:
            continue
        if sent.kind(mi) not in ACTOR_KINDS and not (sent.kind(mi) == "Place" and not sent.preceded_by(mi, PREPOSITIONS)):
            continue
        if (_in_phrase(sent, mi, PREPOSITIONS - OBJECT_PREPOSITIONS, end) and j != end) or _after_facility(sent, mi) \
                or _in_title(sent, mi) or origin(sent, mi) or _kin_of(sent, mi):
            continue
        found.append(mi)
    if not found:
        return []
    if prefer_person:
        persons = [mi for mi in found if sent.kind(mi) == "Person"]
        if persons:
            return [persons[0]]
    return _coordinated_right(sent, found[0], limit)


def _named_after(sent: Sent, mi: int) -> int:
    """The person a group noun's phrase is set off before, between commas ("hakim perempuan Muslim, Hana
    Khatib, untuk ..."), else the group: the person is the one meant."""
    if sent.kind(mi) != "Group":
        return mi
    for j in range(sent.last_tok[mi] + 1, min(len(sent.toks) - 1, sent.last_tok[mi] + 1 + PHRASE_REACH)):
        tok = sent.toks[j]
        if tok.text == ",":
            other = sent.toks[j + 1].mention
            after = sent.last_tok[other] + 1 if other is not None else len(sent.toks)
            set_off = after < len(sent.toks) and sent.toks[after].text in {","} | SENTENCE_ENDS
            return other if other is not None and sent.kind(other) == "Person" and set_off else mi
        if tok.mention is not None or tok.low in PREPOSITIONS or tok.low in BREAKS:
            return mi
    return mi


def _agent_after(sent: Sent, end: int, limit: int) -> list[int]:
    """Agent of a passive verb: "diserbu oleh pengunjuk rasa", "dibantah Correa"."""
    j = end
    while j < limit and sent.toks[j].mention is None and j - end < 4:
        if sent.toks[j].low not in {AGENT_PREPOSITION, CONJUNCTION} and not any(
                r for r, f in sent.toks[j].forms if f == "di"):
            return []
        j += 1
    mi = _body_of(sent, sent.toks[j].mention) if j < limit and sent.toks[j].mention is not None else None
    if mi is not None and sent.kind(mi) in ACTOR_KINDS | {"Place"}:
        return _coordinated_right(sent, mi, limit)
    return []


def event_roles(sent: Sent, hit: Hit) -> tuple[list[int], list[int], list[int]]:
    """(agents, targets, participants) of a trigger, from its voice; where word order finds nobody,
    from the parse."""
    hi = _clause_end(sent, hit)
    agents, targets, participants = [], [], []
    passive = hit.voice in ("di", "ter") or (hit.cls == "Casualties" and hit.voice == "bare")
    nominal = is_nominal(hit.voice) or hit.voice == "bare" and sent.toks[hit.start].low in NOMINAL_BARE
    light = _passive_light(sent, hit, nominal)
    if hit.voice == "di":
        targets = _subject_or_antecedent(sent, hit.start, across_verbs=False) or _shared_subject(sent, hit, hit.start)
        agents = _agent_after(sent, hit.end, hi)
    elif light is not None:
        targets = _subject_or_antecedent(sent, light, across_verbs=False)
        agents = next((_agent_after(sent, k, hi) for k in range(hit.end, hi)
                       if sent.toks[k].low == AGENT_PREPOSITION), [])
    elif passive:
        targets = [] if _object_of_verb(sent, hit) else _subject_or_antecedent(sent, hit.start, across_verbs=False)
    elif nominal:
        light = governing_verb(sent, hit.start)
        if light is not None:
            agents = _subject_or_antecedent(sent, light) or _shared_subject(sent, hit, light)
        else:
            agents = _instrument_of(sent, hit.start) or _shared_subject(sent, hit, hit.start)
        participants = _own(sent, object_after(sent, hit.end, hi), _own_words(sent, hit.end, hi))
        second = _second_of_pair(sent, hit, hi)
        participants += [mi for mi in object_after(sent, second, hi) if mi not in participants] if second else []
        if hit.cls in ATTACKS and sent.toks[hit.end - 1].low in OBJECT_PREPOSITIONS:
            targets, participants = participants, []      # "kekerasan terhadap jurnalis": whom it befalls
        elif hit.cls in ATTACKS and participants and sent.first_tok[participants[0]] == hit.end:
            agents, participants = agents + participants, []      # "serangan udara Amerika Serikat"
        if hit.cls in GATHERINGS and not (agents or participants):
            participants = _fronted_subject(sent, hit, PREPOSITIONS)
        if not (agents or targets or participants):
            agents, targets = _owned(sent, hit)
    else:
        agents = _subject_or_antecedent(sent, hit.start) or _shared_subject(sent, hit, hit.start)
        objects = _own(sent, object_after(sent, hit.end, hi), _own_words(sent, hit.end, hi))
        targets = [_named_after(sent, mi) for mi in objects]
        if hit.cls not in OBJECT_PARTICIPANT:       # one met the party of "Ketua Partai X, Y"; one arrests Y only
            targets = [mi for mi in targets if not _office_of_person_after(sent, mi)]
    found = sent.dependents(hit.start, hit.end)
    if found is not None and not nominal and light is None:
        subjects = _parsed_actors(sent, hit, found.subjects + found.passive_subjects)
        if passive:
            targets = targets or subjects
            agents = agents or _parsed_actors(sent, hit, found.agents)
        else:
            agents = agents or subjects
            targets = targets or [mi for mi in _parsed_actors(sent, hit, found.objects) if mi not in agents]
    if hit.cls in OBJECT_PARTICIPANT:
        participants, targets = targets + participants, []
    return agents, targets, participants


def _passive_light(sent: Sent, hit: Hit, nominal: bool) -> int | None:
    """The passive verb a noun trigger is the object of ("Terdakwa X dijatuhi vonis ... oleh majelis hakim"):
    its subject is whom the measure befalls, the name after "oleh" the one who acts, and the phrase after the
    noun no target."""
    j = hit.start - 1
    if not (nominal or hit.voice == "bare") or j < 0 or hit.cls in OBJECT_PARTICIPANT or not _verb(sent, j, "di"):
        return None
    return j


def _owned(sent: Sent, hit: Hit) -> tuple[list[int], list[int]]:
    """(agents, targets) from a noun trigger's clitic owner: the one it befalls ("pemecatannya": his
    dismissal), the one who acts for an attack or a measure ("putusannya") and where the clitic stands on
    a later word, the trigger verb's object ("pengunduran dirinya": he resigned himself)."""
    owner = _owner(sent, hit)
    acts = hit.cls in OWNER_ACTS or hit.end - hit.start > 1
    return (owner, []) if acts else ([], owner)


def _object_of_verb(sent: Sent, hit: Hit) -> bool:
    """A bare casualty word right after an active verb is that verb's object ("Tersangka membacok korban"): the
    verb's subject hurt the victims, it is not among them."""
    return hit.voice == "bare" and hit.start > 0 and _verb(sent, hit.start - 1, "me")


def _parsed_actors(sent: Sent, hit: Hit, tokens: list[int]) -> list[int]:
    """The actors the parse hangs under the trigger, but for a speaker it reaches across a verb of saying,
    a name that only says whose relative the actor is and a body in a person's title."""
    return [_body_of(sent, mi) for mi in _parse_mentions(sent, tokens, ACTOR_KINDS)
            if not _across_speech(sent, hit, mi) and not _kin_of(sent, mi)
            and not (sent.kind(mi) == "Organization" and _in_title(sent, mi))]


def _instrument_of(sent: Sent, start: int) -> list[int]:
    """The subject of an active verb the noun trigger at ``start`` is the means of, after "dengan": "Pasukan
    koalisi akan mendukung dengan serangan udara" (the coalition strikes)."""
    if start > 1 and sent.toks[start - 1].low == PARTNER_PREPOSITION and _verb(sent, start - 2, "me"):
        return subject_before(sent, start - 2)[0]
    return []


def _shared_subject(sent: Sent, hit: Hit, verb: int) -> list[int]:
    """The main clause's subject, for a verb (or a noun after an active verb) right after a clause word that
    opens a clause with no subject of its own ("Liu ditahan pada 2008 setelah mengajukan protes": Liu
    protested; "Meski divonis, X tak ditahan"). Only a subject no verb precedes in the main clause: in
    "polisi menangkap X setelah menembak" the object X is not the shooter. A noun right after the clause word
    has a subject of its own: "setelah surat penangkapan terbit"."""
    opener = verb - 1 - int(verb > 1 and _verb(sent, verb - 1, "me"))
    if opener == verb - 1 and not (verb == hit.start and hit.voice in VERBAL or _verb(sent, verb, *VERBAL)):
        return []
    if opener == 0:
        return _fronted_subject(sent, hit, SUBJECTLESS_OPENERS, verb)
    if opener < 1 or sent.toks[opener].low not in SUBJECTLESS_OPENERS:
        return []
    found, _ = subject_before(sent, opener)
    first = sent.first_tok[found[0]] if found else 0
    before = range(sent.clause(first)[0], first)
    return found if found and not any(_verb(sent, j, *VERBAL) for j in before) else []


def _clause_end(sent: Sent, hit: Hit) -> int:
    """Where the words that may name the trigger's object or parties end: its clause's end, or further when a
    preposition that breaks a clause joins the partner to it: a trigger that ends in one ("koordinasi dengan
    Interpol"), a partner after a gathering or clash ("bertemu dengan X") or the second of a pair it opened
    ("pertemuan antara X dengan Y")."""
    hi = max(sent.clause(hit.start)[1], hit.end)
    if hit.end < len(sent.toks) and sent.toks[hit.end - 1].low in OBJECT_PREPOSITIONS:
        hi = max(hi, sent.clause(hit.end)[1])
    if hit.cls not in OBJECT_PARTICIPANT:
        return hi
    between = any(t.low == BETWEEN for t in sent.toks[hit.start:hi])
    if hi + 1 < len(sent.toks) and sent.toks[hi].low == PARTNER_PREPOSITION and (hi == hit.end or between):
        hi = sent.clause(hi + 1)[1]
    return hi


def _second_of_pair(sent: Sent, hit: Hit, hi: int) -> int | None:
    """The token after "dengan" that names the second party of a pair the trigger opens with "antara"
    ("pertemuan antara X dengan Y"): the first found after the trigger is X only."""
    if hit.cls not in OBJECT_PARTICIPANT or not any(t.low == BETWEEN for t in sent.toks[hit.start:hi]):
        return None
    return next((j + 1 for j in range(hit.end + 1, hi - 1) if sent.toks[j].low == PARTNER_PREPOSITION), None)


def _fronted_subject(sent: Sent, hit: Hit, openers: set[str], start: int | None = None) -> list[int]:
    """The subject of the main clause, named first after the comma (with its title), when the trigger (or
    its light verb at ``start``) opens the sentence in a phrase of its own after one of ``openers``
    ("Dalam lawatannya ke parlemen, Phu Trong didampingi ...": Phu Trong made the visit; "Meski divonis,
    X tak ditahan": X was sentenced)."""
    comma = next((j for j in range(hit.end, len(sent.toks)) if sent.toks[j].text == ","), None)
    if (hit.start if start is None else start) != 1 or sent.toks[0].low not in openers or comma is None \
            or comma + 1 == len(sent.toks) or any(_verb(sent, j, "me", "di", "ber") for j in range(hit.end, comma)):
        return []
    found = object_after(sent, comma + 1, sent.clause(comma + 1)[1])
    titled = found and all(t.text[:1].isupper() for t in sent.toks[comma + 1:sent.first_tok[found[0]]])
    return found if titled and (sent.kind(found[0]) in ACTOR_KINDS or sent.mention(found[0]).cls == "Country") else []


def _own_words(sent: Sent, end: int, limit: int) -> int:
    """Where the words that may name a trigger's object or parties end: at an active verb that follows it
    before any name, whose object they are ("Demonstrasi mendesak agar Ahok diadili": Ahok is whom the
    protest is about), unless joined to the trigger ("menangkap dan menahan X") or standing for a preposition
    ("bentrok melawan X")."""
    for j in range(end, limit):
        if sent.toks[j].mention is not None:
            return limit
        if _verb(sent, j, "me") and sent.toks[j - 1].low not in COORDINATION \
                and sent.toks[j].low not in OBJECT_PREPOSITIONS:
            return j
    return limit


def _own(sent: Sent, found: list[int], limit: int) -> list[int]:
    """The names found before token ``limit``, and the towns and regions found anywhere: one after the
    verb that ends the trigger's words is still where it aims ("serangan untuk merebut Mosul"); a country
    there is that verb's ("pemboman ... untuk mencapai perbatasan Yordania")."""
    return [mi for mi in found if sent.first_tok[mi] < limit
            or sent.kind(mi) == "Place" and sent.mention(mi).cls != "Country"]


def _parse_mentions(sent: Sent, tokens: list[int], kinds: set[str]) -> list[int]:
    """The mentions of ``kinds`` (actors, places) that the parse's dependents ``tokens`` name, one each,
    the nearest word of a name first."""
    mention_at = [t.mention for t in sent.toks]
    out = []
    for i in tokens:
        found = next((mi for mi in arguments.mentions_of(sent.parse, i, mention_at)
                      if sent.kind(mi) in kinds), None)
        if found is not None and found not in out:
            out.append(found)
    return out


def event_places(sent: Sent, hit: Hit) -> list[int]:
    """Places named with a locative ('di X', 'di kota X') in the trigger's clause, else linked to it;
    else the place phrase the parse hangs under the trigger or its object. Where something goes
    ('ke X', 'dari X') is the place of a deployment or a march, or where a motion word sends ("mengirim
    X ke Niamey untuk mediasi"), not of a holiday ("berlibur ke Indonesia"); a place said after a verb of saying
    that follows the trigger is where it was said ("X ditangkap, ujar Y di Mapolda"), not where
    the event happened; nor is a place of the main clause where the event of a clause before or after
    it happened ("Sebelum melakukan penangkapan, penyidik menggeledah kantor RSUD X")."""
    start = hit.start
    moving = hit.cls in MOVING
    lo, hi = sent.clause(start)
    locative = [mi for mi in sent.mentions if sent.kind(mi) == "Place" and (
        _located(sent, mi) or
        sent.preceded_by(mi, DESTINATIONS) and (moving or _sent_there(sent, sent.first_tok[mi])))
        and not _said_at(sent, hit, mi) and not _described(sent, hit, mi)]
    in_clause = [mi for mi in locative if lo <= sent.first_tok[mi] < hi]
    found = in_clause or [mi for mi in locative if not _across_fronted(sent, lo, mi)
                          and sent.linked(sent.first_tok[mi], start)] \
        or [mi for mi in locative if _in_cause(sent, hit, hi, mi) or _before_result(sent, hit, mi)] \
        or [mi for mi in locative if _scene(sent, mi)]
    dependents = sent.dependents(hit.start, hit.end)
    if found or dependents is None:
        return found
    places = [t for t in dependents.places
              if moving or arguments.case_word(sent.parse, t) not in DESTINATIONS or _sent_there(sent, t)]
    return [mi for mi in _parse_mentions(sent, places, {"Place"}) if not _said_at(sent, hit, mi)]


def _across_fronted(sent: Sent, lo: int, mi: int) -> bool:
    """The sentence opens with a clause of another time ("Sebelum ..., "), and of the trigger's clause (starting
    at token ``lo``) and the place one stands in it, the other not: in "Sebelum melakukan penangkapan,
    penyidik menggeledah kantor di X" X is not where the arrest was, in "Sebelum Miryam bersaksi di persidangan
    X, Anton menemui Miryam" the court is not where they met."""
    if sent.toks[0].low not in BREAKS - SAME_TIME:
        return False
    return (lo == 1) != (sent.clause(sent.first_tok[mi])[0] == 1)      # token 0 is the clause word


def _in_cause(sent: Sent, hit: Hit, hi: int, mi: int) -> bool:
    """The place lies in the clause that names what hurt the people, opened right after the casualty's clause
    (ending at ``hi``): "31 orang terluka karena tembakan tentara ... di Tepi Barat"."""
    return hit.cls in CAUSED and hi < len(sent.toks) and sent.toks[hi].low in CAUSES \
        and hi < sent.first_tok[mi] < sent.clause(hi + 1)[1]


def _scene(sent: Sent, mi: int) -> bool:
    """A place phrase that opens the sentence, set off by a comma, is where all it tells happens ("Di Jalur
    Gaza, puluhan penentang berkumpul ... dan melempari tentara"); not where what someone says there happened."""
    after = sent.last_tok[mi] + 1
    return sent.toks[0].low in LOCATIVES and sent.preceded_by(mi, LOCATIVES) \
        and sent.clause(sent.first_tok[mi])[0] == 0 and after < len(sent.toks) and sent.toks[after].text == "," \
        and not any(is_speech(sent, j) for j in range(len(sent.toks)))


def _before_result(sent: Sent, hit: Hit, mi: int) -> bool:
    """The casualty's clause tells the result of the clause before ("membacok istrinya hingga tewas",
    "menembaki demonstran sehingga dua orang tewas"): that clause's place is where the people died."""
    j = sent.clause(hit.start)[0] - 1
    return hit.cls in CAUSED and j > 0 and sent.toks[j].low in RESULTS and sent.first_tok[mi] < j \
        and sent.linked(sent.first_tok[mi], j)


def _located(sent: Sent, mi: int) -> bool:
    """"di X", or X ending a place phrase ("di zona diplomatik Kabul", "bandara Kandahar"); a country there
    owns what is named before it ("Kedutaan Jepang", "di sejumlah wilayah AS") and is not the place."""
    return sent.preceded_by(mi, LOCATIVES) or sent.mention(mi).cls != "Country" and (
        _in_phrase(sent, mi, LOCATIVES) or _after_facility(sent, mi))


def _described(sent: Sent, hit: Hit, mi: int) -> bool:
    """The parse hangs the place under a relative clause that does not hold the trigger ("Ayah Khadr yang
    lahir di Mesir tewas ketika ..."): it is where someone was born or lives, not where the event happened."""
    return sent.parse is not None and arguments.describes_other(
        sent.parse, sent.first_tok[mi], arguments.head_of_span(sent.parse, hit.start, hit.end))


def _sent_there(sent: Sent, first: int) -> bool:
    """A motion word stands a few words before the destination at token ``first``: "mengirim Presiden
    Benin ke Niamey"."""
    return any(sent.toks[j].low in MOTION for j in range(max(0, first - MOTION_REACH), first))


def _said_at(sent: Sent, hit: Hit, mi: int) -> bool:
    """A statement's own place is where it was said ("X ditangkap, ujar Y di Mapolda"), and a place
    before the verb of saying is where the speaker is ("Media pemerintah di Pyongyang memperingatkan
    serangan ...")."""
    return hit.cls != "Statement" and _across_speech(sent, hit, mi)


def _across_speech(sent: Sent, hit: Hit, mi: int) -> bool:
    """A verb of saying stands between the trigger and the mention: the mention is the speaker's, or
    where the speaker is ("Kapolda X menyatakan siswa ... dibunuh": X did not die). Before the trigger,
    only a verb whose speaker stands before it: in "Gedung di Aleppo, menurut PBB, diserang" Aleppo is where."""
    if sent.first_tok[mi] > hit.start:
        return any(is_speech(sent, j) for j in range(hit.end, sent.first_tok[mi]))
    return any(sent.any_phrase_at(j, SAY_BEFORE) for j in range(sent.last_tok[mi] + 1, hit.start))


def _after_facility(sent: Sent, mi: int) -> bool:
    """The mention follows a facility noun: "bandara Kandahar"."""
    j = sent.first_tok[mi]
    return any(sent.phrase_at(j - len(f), f) for f in FACILITIES if j - len(f) >= 0)
