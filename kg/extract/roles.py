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
from kg.extract.sentence import BREAKS, PUNCT_BREAKS, Sent
from kg.extract.morphology import Phrases, parse_phrase
from kg.extract.triggers import SKIP_BACK, Hit, governing_verb, is_nominal, is_speech
from kg.lang import language

DATA = language().json("triggers.json")
WORDS = language().json("function_words.json")
ACTOR_KINDS = {"Person", "Organization", "Group"}
OBJECT_PARTICIPANT = {"MilitaryDeployment", "Protest", "Meeting", "ArmedClash"}
ATTACKS = {"ArmedClash", "Bombing", "ViolenceAgainstCivilians"}     # "serangan militer Irak": the name after attacks
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
COORDINATION = set(WORDS["coordination"])
CLAUSE_OPENERS = set(WORDS["clause_openers"])
CONJUNCTION = WORDS["conjunction"]
RELATIVE = WORDS["relative"]
AGENT_PREPOSITION = WORDS["agent_preposition"]
PARTNER_PREPOSITION = WORDS["partner_preposition"]
PEOPLE = Phrases([parse_phrase(p) for p in DATA["figures"]["counted_nouns"]])


def _acceptable_subject(sent: Sent, mi: int) -> bool:
    """An actor, or a place that opens a clause; never a name after a preposition."""
    kind = sent.kind(mi)
    if sent.preceded_by(mi, PREPOSITIONS) or _after_facility(sent, mi) or _in_title(sent, mi):
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


def _in_title(sent: Sent, mi: int) -> bool:
    """The name is a piece of the title of the person named right after it: "Ketua MPR Zulkifli Hasan",
    "Menteri Luar Negeri AS Rex Tillerson"; that person is the actor, the body only their affiliation."""
    j = sent.last_tok[mi] + 1
    other = sent.toks[j].mention if j < len(sent.toks) else None
    return sent.kind(mi) != "Person" and other is not None and other != mi and sent.kind(other) == "Person"


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
    best, comma, worded = None, False, False
    j = start - 1
    while j >= 0:
        tok = sent.toks[j]
        if tok.mention is not None:
            mi = tok.mention
            if best is None and _acceptable_subject(sent, mi):
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
            if best is not None and not comma:
                break
            best = None
        elif tok.low in PRONOUNS and best is None and (j == 0 or sent.toks[j - 1].low not in PREPOSITIONS):
            return [], True
        elif tok.text in ("”", '"') or (tok.low in BREAKS and tok.low != RELATIVE) or tok.text in PUNCT_BREAKS:
            break
        elif not speaker_scan and tok.text == "," and best is not None:
            break
        elif not speaker_scan and best is None and (is_speech(sent, j) or not across_verbs and worded
                                                    and _active_verb(sent, j) and not _relative(sent, j)):
            break
        worded = worded or tok.low not in SKIP_BACK
        j -= 1
    return (_coordinated_left(sent, best) if best is not None else []), False


def _opens_clause(sent: Sent, mi: int) -> bool:
    """The mention (with its title: "Presiden X") stands first in its clause."""
    j = sent.first_tok[mi] - 1
    role = (sent.mention(mi).role or "").lower().split()
    k = len(role)
    while k and j >= 0 and sent.toks[j].low == role[k - 1]:
        j, k = j - 1, k - 1
    return j < 0 or sent.toks[j].text in {",", "”", '"'} or sent.toks[j].low in CLAUSE_OPENERS \
        or sent.toks[j].low in BREAKS


def object_after(sent: Sent, end: int, limit: int, prefer_person: bool = False) -> list[int]:
    """First actor after token ``end`` in the clause (up to ``limit``), with coordinated ones."""
    found = []
    for j in range(end, limit):
        mi = sent.toks[j].mention
        if mi is None or sent.first_tok[mi] != j:
            continue
        if sent.kind(mi) not in ACTOR_KINDS and not (sent.kind(mi) == "Place" and not sent.preceded_by(mi, PREPOSITIONS)):
            continue
        if (sent.preceded_by(mi, PREPOSITIONS - OBJECT_PREPOSITIONS) and j != end) or _after_facility(sent, mi) \
                or _in_title(sent, mi) or origin(sent, mi):
            continue
        found.append(mi)
    if not found:
        return []
    if prefer_person:
        persons = [mi for mi in found if sent.kind(mi) == "Person"]
        if persons:
            return [persons[0]]
    return _coordinated_right(sent, found[0], limit)


def _agent_after(sent: Sent, end: int, limit: int) -> list[int]:
    """Agent of a passive verb: "diserbu oleh pengunjuk rasa", "dibantah Correa"."""
    j = end
    while j < limit and sent.toks[j].mention is None and j - end < 4:
        if sent.toks[j].low not in {AGENT_PREPOSITION, CONJUNCTION} and not any(
                r for r, f in sent.toks[j].forms if f == "di"):
            return []
        j += 1
    if j < limit and sent.toks[j].mention is not None and sent.kind(sent.toks[j].mention) in ACTOR_KINDS | {"Place"}:
        return _coordinated_right(sent, sent.toks[j].mention, limit)
    return []


def event_roles(sent: Sent, hit: Hit) -> tuple[list[int], list[int], list[int]]:
    """(agents, targets, participants) of a trigger, from its voice; where word order finds nobody,
    from the parse."""
    lo, hi = sent.clause(hit.start)
    hi = max(hi, hit.end)
    if hit.cls in OBJECT_PARTICIPANT and hit.end + 1 < len(sent.toks) and sent.toks[hit.end].low == PARTNER_PREPOSITION:
        hi = sent.clause(hit.end + 1)[1]      # "bertemu dengan X", "bentrok dengan X": the partner is a participant
    agents, targets, participants = [], [], []
    passive = hit.voice in ("di", "ter") or (hit.cls == "Casualties" and hit.voice == "bare")
    nominal = is_nominal(hit.voice) or hit.voice == "bare" and sent.toks[hit.start].low in NOMINAL_BARE
    if hit.voice == "di":
        targets, _ = subject_before(sent, hit.start, across_verbs=False)
        agents = _agent_after(sent, hit.end, hi)
    elif passive:
        targets, _ = subject_before(sent, hit.start, across_verbs=False)
    elif nominal:
        light = governing_verb(sent, hit.start)
        if light is not None:
            agents, _ = subject_before(sent, light)
        participants = object_after(sent, hit.end, hi)
        if hit.cls in ATTACKS and participants and sent.first_tok[participants[0]] == hit.end:
            agents, participants = agents + participants, []      # "serangan udara Amerika Serikat"
    else:
        agents, _ = subject_before(sent, hit.start)
        targets = object_after(sent, hit.end, hi)
    found = sent.dependents(hit.start, hit.end)
    if found is not None and not nominal:
        subjects = _parse_mentions(sent, found.subjects + found.passive_subjects, ACTOR_KINDS)
        if passive:
            targets = targets or subjects
            agents = agents or _parse_mentions(sent, found.agents, ACTOR_KINDS)
        else:
            agents = agents or subjects
            targets = targets or [mi for mi in _parse_mentions(sent, found.objects, ACTOR_KINDS) if mi not in agents]
    if hit.cls in OBJECT_PARTICIPANT:
        participants, targets = targets + participants, []
    return agents, targets, participants


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
    the event happened."""
    start = hit.start
    moving = hit.cls in MOVING
    lo, hi = sent.clause(start)
    locative = [mi for mi in sent.mentions if sent.kind(mi) == "Place" and (
        sent.preceded_by(mi, LOCATIVES) or _after_facility(sent, mi) or
        sent.preceded_by(mi, DESTINATIONS) and (moving or _sent_there(sent, mi))) and not _said_at(sent, hit, mi)]
    in_clause = [mi for mi in locative if lo <= sent.first_tok[mi] < hi]
    found = in_clause or [mi for mi in locative if sent.linked(sent.first_tok[mi], start)]
    dependents = sent.dependents(hit.start, hit.end)
    if found or dependents is None:
        return found
    places = [t for t in dependents.places if moving or arguments.case_word(sent.parse, t) not in DESTINATIONS]
    return [mi for mi in _parse_mentions(sent, places, {"Place"}) if not _said_at(sent, hit, mi)]


def _sent_there(sent: Sent, mi: int) -> bool:
    """A motion word stands a few words before the destination: "mengirim Presiden Benin ke Niamey"."""
    first = sent.first_tok[mi]
    return any(sent.toks[j].low in MOTION for j in range(max(0, first - MOTION_REACH), first))


def _said_at(sent: Sent, hit: Hit, mi: int) -> bool:
    """A verb of saying stands between the trigger and the place after it (a statement's own
    place is where it was said)."""
    return hit.cls != "Statement" and any(is_speech(sent, j) for j in range(hit.end, sent.first_tok[mi]))


def _after_facility(sent: Sent, mi: int) -> bool:
    """The mention follows a facility noun: "bandara Kandahar"."""
    j = sent.first_tok[mi]
    return any(sent.phrase_at(j - len(f), f) for f in FACILITIES if j - len(f) >= 0)
