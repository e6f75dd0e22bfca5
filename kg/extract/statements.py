"""Statements: who says what, for whom, through which outlet.

Why: in crisis news, who claims a fact matters as much as the fact. A verb of
saying names its speaker before it ("Boluarte mengatakan") or after it ("kata
Boluarte"); "katanya" points back to the last speaker; a spokesperson speaks for
a party ("Juru bicara Polri ..."); an outlet is the source when nobody speaks
("dilansir dari BBC"); a noun of saying reports a statement ("pernyataan Menteri X").
A speaker is stated only on evidence: when who speaks, or whom a pronoun points back
to, is unclear, no statement is made rather than one with a wrong speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.event_dates import DateRef, date_for
from kg.extract.morphology import Phrases, parse_phrase
from kg.extract.roles import ACTOR_KINDS, LOCATIVES, PRONOUNS, object_after, origin, subject_before
from kg.extract.sentence import Sent, Tok
from kg.extract.triggers import SAY_AFTER, SAY_BEFORE, SAY_NOT_AFTER, SAY_PRONOUN_VERBS, STATEMENTS, negation_modality
from kg.lang import language
from kg.records import Event, Mention

LABELS = set(STATEMENTS["labels"])
SPOKESPEOPLE = Phrases([parse_phrase(p) for p in STATEMENTS["spokespeople"]])
SPOKESPERSON_ROLES = {p.lower() for p in STATEMENTS["spokespeople"]}
OFFICES = Phrases([parse_phrase(row[0]) for row in language().table("titles.tsv")     # titles of office holders
                   if row[1:] not in (["rank"], ["after"], ["prefix"])])
OFFICE_WORDS = 6     # capitalised words an office's name may hold between its title and its organisation
KIN = set(language().json("names.json")["kin"])
MEDIUM_CUES = set(STATEMENTS["medium_cues"])
CITED_MEDIA = set(STATEMENTS["cited_media"])
CITED_FROM = set(STATEMENTS["cited_from"])
THAT = language().json("function_words.json")["complementizer"]
RELATIVE = language().json("function_words.json")["relative"]
DEMONSTRATIVES = set(language().json("function_words.json")["demonstratives"])
PRONOUN_CLITIC = STATEMENTS["pronoun_clitic"]
SAY_WORDS = set(STATEMENTS["after"] + STATEMENTS["tags"] + STATEMENTS["named_tags"])  # "tanya" only ends like "ujarnya"
ADDRESSEES = set(STATEMENTS["addressees"])
NEEDS_COMPLEMENT = Phrases([parse_phrase(p) for p in STATEMENTS["needs_complement"]])
COMPLEMENTS = set(STATEMENTS["complements"])
SAY_SHARED = Phrases([parse_phrase(p) for p in STATEMENTS["before_shared"]])
TAGS = Phrases([parse_phrase(p) for p in STATEMENTS["tags"] + STATEMENTS["named_tags"]])
NAMED_TAGS = Phrases([parse_phrase(p) for p in STATEMENTS["named_tags"]])
TAG_AFTER = {",", '"', "”", "?", "!"}      # what a verb tagging a quote or an inserted clause follows
CUES = language().json("speaker_cues.json")
DISCOURSE_OPENERS = set(CUES["discourse_openers"])
PASSIVE = CUES["passive_prefix"]
DOCUMENTS = set(CUES["documents"])
CHANNELS = set(CUES["channels"])
DESCRIBERS = set(CUES["describers"])
OPENING_AFTER_VERBS = set(CUES["opening_after_verbs"])
COORDINATORS = set(CUES["coordinators"])
ACTIVE = set(CUES["active_prefixes"])
AUXILIARIES = set(CUES["auxiliaries"])
MEMBERS = set(CUES["members"])
UNNAMED_SOURCES = set(CUES["unnamed_sources"])
PLURAL_PRONOUNS = set(CUES["plural_pronouns"])
NOT_SAYS = Phrases([parse_phrase(p) for p in CUES["not_says"]])
SAYS_BEFORE = Phrases([parse_phrase(p) for p in CUES["says_before"]])
PURPOSE = set(CUES["purpose"])
SAYS_NOUNS = set(CUES["says_nouns"])
PASSIVE_SAYS = Phrases([parse_phrase(p) for w in CUES["passive_says"] for p in (w, f"{w} oleh")])
_QUOTE = re.compile(r"“([^”“]{2,})”|\"([^\"]{2,})[\"”]")


@dataclass
class Speech:
    """A verb of saying at tokens [start, end) and whom it names as speakers; ``pronoun``: "katanya", "kata dia".
    No speakers and no pronoun: someone speaks whom the sentence does not name ("kata seorang warga").
    ``nominal``: a noun of saying ("pernyataan Menteri X"), a statement the sentence reports, not one it quotes."""
    start: int
    end: int
    speakers: list[int]
    pronoun: bool
    nominal: bool = False


def find_speeches(sent: Sent) -> list[Speech]:
    """The verbs of saying of a sentence outside its quotes, each with its speakers."""
    out = []
    for i, tok in enumerate(sent.toks):
        if tok.mention is not None or sent.in_quote[i] or sent.any_phrase_at(i, NOT_SAYS):
            continue
        if tok.low in SAY_PRONOUN_VERBS:
            out.append(Speech(i, i + 1, [], True))
        elif (n := sent.any_phrase_at(i, SAY_AFTER) or _tag(sent, i)) and \
                not (i and sent.toks[i - 1].low in SAY_NOT_AFTER) and not _reduplicated(sent, i) \
                and (i or tok.low in OPENING_AFTER_VERBS) \
                and not (i + n < len(sent.toks) and sent.toks[i + n].low in DOCUMENTS):    # "menurut survei X"
            clitic = n == 1 and tok.low.endswith(PRONOUN_CLITIC) and tok.low not in SAY_WORDS
            if (clitic or _pronoun_after(sent, i, n)) and not sent.any_phrase_at(i, NAMED_TAGS):
                # "menurutnya", "ungkapnya": the clitic is who speaks; '" ... ," kata dia': the pronoun
                out.append(Speech(i, i + n, [], True))
                continue
            _after_speech(sent, i, n, out, _tag_position(sent, i))
        elif tok.low in SAYS_NOUNS:
            if who := _said_by(sent, i + 1):
                out.append(Speech(i, i + 1, who, False, nominal=True))
        elif (n := sent.any_phrase_at(i, PASSIVE_SAYS)) and not (i and sent.toks[i - 1].low == RELATIVE):
            _after_speech(sent, i, n, out, False, passive=True)     # "Hal itu disampaikan oleh X": X, a person
        elif (n := sent.any_phrase_at(i, SAY_BEFORE) or sent.any_phrase_at(i, SAYS_BEFORE)
              or sent.any_phrase_at(i, SAY_SHARED)) \
                and not _bare_threat(sent, i, n) and not _unnamed_head(sent, i) \
                and not (i and sent.toks[i - 1].low in PURPOSE):      # "untuk memastikan": to be done, not said
            if _described(sent, i):
                out.append(Speech(i, i + n, [], True))
                continue
            who, pronoun = subject_before(sent, i, speaker_scan=True)
            who = _relative_head(sent, who) or \
                [mi for mi in who if _may_speak(sent, mi, i) and not _hyphen_cut(sent, mi)]
            pronoun = pronoun and not (_joined(sent, i) and sent.toks[_first_word(sent)].low not in PRONOUNS)
            if who or pronoun or _someone_new(sent, i):
                out.append(Speech(i, i + n, who, pronoun))
    return out


def _after_speech(sent: Sent, i: int, n: int, out: list[Speech], unnamed: bool, passive: bool = False) -> None:
    """The speech of a verb at tokens [i, i + n) whose speaker is named after it, if it names one or, when
    ``unnamed`` (it tags a quote: '" ... ," kata seorang warga'), someone speaks whom the text does not name.
    A passive verb's speaker is a person who follows it at once, after a title only: in "disampaikan kepada
    Presiden X" or "disampaikan dalam rapat dengan X" the name is no speaker's, a body named in the title
    ("oleh Humas Polda X") hides who spoke, and in "oleh Ketua Bidang X Y, Budi" X Y may be a body."""
    if i + n < len(sent.toks) and sent.toks[i + n].low in UNNAMED_SOURCES:     # "menurut sumber tersebut"
        out.append(Speech(i, i + n, [], False))
        return
    who = _speaker_after(sent, i + n)
    if who and passive and not (sent.kind(who[0]) == "Person" and _titled(sent, i + n, who[0])
                                and not _set_off_after(sent, who[0])):
        who = []
    who = [] if who and (_cut_name(sent, i + n, who[0]) or _hyphen_cut(sent, who[0])) else who
    if who and _points_back(sent, sent.last_tok[who[-1]] + 1):
        out.append(Speech(i, i + n, [], True))
    elif who or unnamed:
        out.append(Speech(i, i + n, who, False))


def _said_by(sent: Sent, start: int) -> list[int]:
    """The person a noun of saying ending at token ``start`` names as who said it: right after it, after
    the person's own title only ("pernyataan Menteri Luar Negeri X")."""
    mi = next((sent.toks[k].mention for k in range(start, min(start + OFFICE_WORDS, len(sent.toks)))
               if sent.toks[k].mention is not None and sent.kind(sent.toks[k].mention) == "Person"), None)
    return [mi] if mi is not None and _introduced(sent, start, mi) and not _hyphen_cut(sent, mi) else []


def _relative_head(sent: Sent, who: list[int]) -> list[int]:
    """The person a relative clause is about when the speakers found before the verb stand in it ("Ketua
    Komisi X yang didampingi dua anggotanya, A dan B, mengatakan"): X speaks, not those the clause names."""
    if not who:
        return []
    for k in range(min(sent.first_tok[mi] for mi in who) - 1, 0, -1):
        if sent.toks[k].low == RELATIVE:
            head = sent.toks[k - 1].mention
            return [head] if head is not None and head not in who and sent.kind(head) == "Person" else []
    return []


def _tag(sent: Sent, i: int) -> int:
    """Length of a verb that says only where it tags a quote or an inserted clause ('" ... ," tandas X',
    ', lanjut X,'), else 0: "lebih lanjut" and "tanya jawab" are no one's speech."""
    return sent.any_phrase_at(i, TAGS) if _tag_position(sent, i) else 0


def _tag_position(sent: Sent, i: int) -> bool:
    """Token ``i`` follows a closing quote or a comma, where a verb tags what was said."""
    return i > 0 and sent.toks[i - 1].text in TAG_AFTER


def _pronoun_after(sent: Sent, i: int, n: int) -> bool:
    """A pronoun is who speaks after a verb that tags a quote or opens the sentence ('" ... ," kata dia',
    "Menurut dia, ..."); inside a clause the words may be another's ("jelas dia tidak bersalah")."""
    return i + n < len(sent.toks) and sent.toks[i + n].low in PRONOUNS and (i == 0 or _tag_position(sent, i))


def _someone_new(sent: Sent, verb: int) -> bool:
    """The words before a verb of saying whose subject names no actor still name someone new
    ("tokoh masyarakat setempat mengatakan"), unless they point back ("Mantan penyiar itu
    melaporkan"), are a writing ("Putusan itu menjelaskan"), or the verb is a relative clause's
    ("orang yang seringkali menambahkan garam"). Right after a comma, the words are
    those before it ("Kepala tim, Gaetan Jego, mengatakan")."""
    k = sent.clause(verb - 1 if verb and sent.toks[verb - 1].text == "," else verb)[0]
    while k < verb and sent.toks[k].low in DISCOURSE_OPENERS:      # "Sementara itu tokoh masyarakat ..."
        k += 1
    words = sent.toks[k:verb]
    return bool(words) and words[0].low not in DOCUMENTS and not any(t.low in DEMONSTRATIVES for t in words) \
        and not (k and sent.toks[k - 1].low == RELATIVE)


def _may_speak(sent: Sent, mi: int, verb: int) -> bool:
    """Whether the subject found before a verb of saying can be its speaker: not whose relative the
    speaker is, nor an outlet cited ("Dilansir Chicago Tribune, Starbucks mengumumkan"), a channel
    ("Melalui akun Twitter-nya, ... mengumumkan"), a writing or hearsay ("Rumor mengatakan"), a body one
    of whose members speaks ("Anggota parlemen ... mengatakan"); and,
    for a verb joined to an earlier one ("..., dan kemudian mengumumkan"), only the subject the
    sentence opens with, as the nearest name is likely that earlier verb's object; nor a town in an address."""
    j = sent.first_tok[mi]
    if _relative_named(sent, mi) or _cited(sent, mi) or sent.mention(mi).text.lower() in DOCUMENTS or \
            sent.kind(mi) == "Place" and _located(sent, mi) or \
            any(t.low in CHANNELS for t in sent.toks[max(0, j - 2):j]) or \
            sent.kind(mi) != "Person" and j > 0 and sent.toks[j - 1].low in MEMBERS:
        return False
    if sent.kind(mi) == "Place" and sent.mention(mi).cls != "Country" and \
            sent.last_tok[mi] + 2 < verb and sent.toks[sent.last_tok[mi] + 1].text == ",":
        return False        # an address: "Warga RT 3, Jatipadang, Jakarta Selatan, Fatimah mengatakan"
    return not _joined(sent, verb) or _opens_sentence(sent, mi) or \
        sent.first_tok[mi] > 0 and sent.toks[sent.first_tok[mi] - 1].text == ","


def _located(sent: Sent, mi: int) -> bool:
    """The place says where the speaker is ("Pimpinan gereja di Jerman dan Austria menyesalkan"): after
    "di", or joined to a place that is."""
    j = sent.first_tok[mi] - 1
    while j > 0 and sent.toks[j].low in COORDINATORS | {","} and sent.toks[j - 1].mention is not None:
        mi = sent.toks[j - 1].mention
        j = sent.first_tok[mi] - 1
    return sent.preceded_by(mi, LOCATIVES)


def _joined(sent: Sent, verb: int) -> bool:
    """The verb of saying is joined to an earlier verb ("..., dan kemudian mengumumkan")."""
    return verb > 0 and sent.toks[verb - 1].low in COORDINATORS


def _first_word(sent: Sent) -> int:
    """The sentence's first token after the words that open a sentence ("Sementara itu, ...")."""
    k = 0
    while k < len(sent.toks) - 1 and (sent.toks[k].low in DISCOURSE_OPENERS or sent.toks[k].text == ","):
        k += 1
    return k


def _cut_name(sent: Sent, start: int, mi: int) -> bool:
    """The speaker named right after the verb is a name cut at "dan": the title ends with it ("Direktur
    Angkutan dan | Logistik Pelni X"), or one that is not in the title stands before it ("menurut Dirjen
    Peternakan dan | Kedokteran Hewan")."""
    m, words = sent.mention(mi), sent.toks[start:sent.first_tok[mi]]
    if set((m.role or "").lower().split()[-1:]) & COORDINATORS:
        return True
    return all(t.text != "," for t in words) and any(t.low in COORDINATORS and not _of_title(t, m) for t in words)


def _hyphen_cut(sent: Sent, mi: int) -> bool:
    """The name goes on past a hyphen the text did not mark as part of it ("Perserikatan Bangsa | - bangsa",
    "Karl | - Heinz Rummenigge"): a piece of a name is no speaker."""
    k = sent.last_tok[mi] + 1
    return k + 1 < len(sent.toks) and sent.toks[k].text == "-" and sent.toks[k + 1].text[:1].isalpha()


def _points_back(sent: Sent, k: int) -> bool:
    """A demonstrative right after the speaker named after the verb ("Menurut mantan Direktur Bank
    Dunia itu"): the words describe someone named before, and the name in them is not who speaks."""
    return k < len(sent.toks) and sent.toks[k].low in DEMONSTRATIVES and sent.toks[k].mention is None


def _described(sent: Sent, i: int) -> bool:
    """The speaker is a description ending in a demonstrative ("Pebalap tim Pertamina Arden itu menyatakan",
    "Mantan Menteri Perhubungan era Presiden X itu, mengatakan"): it points back to someone named before,
    and the name it ends with is not who speaks ("aliansi tersebut mengatakan" names no one and is read as usual).
    So does a clause opened by a describing word ("..., sang pengacara sempat mengimbau")."""
    j = i - 1 if i and sent.toks[i - 1].text != "," else i - 2
    if j > 0 and sent.toks[j].low in DEMONSTRATIVES and sent.toks[j].mention is None \
            and sent.toks[j - 1].mention is not None:
        return True
    k = sent.clause(i)[0]
    return k < i and sent.toks[k].low in DESCRIBERS and all(t.mention is None for t in sent.toks[k:i])


def _unnamed_head(sent: Sent, i: int) -> bool:
    """A verb of claiming opens a relative clause whose head, a word right before "yang", names no one
    ("banyak orang yang mengaku wartawan": people claiming to be reporters): who claims is that head, not
    a name further back. ("pernyataan yang mengatakan" is still the statement of whoever made it.)"""
    return i > 1 and sent.toks[i - 1].low == RELATIVE and sent.toks[i - 2].mention is None \
        and sent.toks[i - 2].text.isalnum() and sent.any_phrase_at(i, SAY_SHARED) > 0


def _bare_threat(sent: Sent, i: int, n: int) -> bool:
    """A verb like "mengancam" is speech only when it goes on to say something ("mengancam akan ...",
    "mengancam, ..."): "mengancam gawang", "kelompok yang mengancam dan berniat ..." are not."""
    return sent.any_phrase_at(i, NEEDS_COMPLEMENT) == n and (i + n >= len(sent.toks) or
                                                            sent.toks[i + n].low not in COMPLEMENTS)


def _reduplicated(sent: Sent, i: int) -> bool:
    """The verb repeats the word before it: "disebut - sebut" (rumoured) is no one's speech."""
    return i > 1 and sent.toks[i - 1].text == "-" and sent.toks[i - 2].low.endswith(sent.toks[i].low)


def _relative_named(sent: Sent, mi: int) -> bool:
    """The person is named only as whose relative the subject is: "Putera sulung mantan Gubernur DKI
    Jakarta Ali Sadikin menegaskan" is the son speaking, not Ali Sadikin."""
    if mi not in sent.first_tok:
        return False
    j = sent.first_tok[mi] - 1
    while j >= 0 and _of_title(sent.toks[j], sent.mention(mi)):
        j -= 1
    return any(sent.toks[k].low in KIN for k in range(max(0, j - 1), j + 1))


def _of_title(tok: Tok, m: Mention) -> bool:
    """The token is a word of the person's role or rank, or of the affiliation named with them."""
    return tok.low in f"{m.role or ''} {m.rank or ''}".lower().split() or \
        (tok.mention is not None and tok.mention == m.affiliation)


def _speaker_after(sent: Sent, start: int) -> list[int]:
    """Who speaks after a verb of saying that ends at token ``start``: the first actor of its clause
    (a person first), near the verb or after the person's own title ("kata Kepala Bidang Humas
    Polda Metro Jaya Komisaris Besar Argo Yuwono"); or, when the words before the first comma
    name no person, the person set off after it ("Menurut Kapolsek Antang Kalang, Iptu Afif Hasan",
    "kata polisi setempat, Louise Jorgensen")."""
    comma = _clause_end(sent, start)
    who = [mi for mi in object_after(sent, start, min(comma, start + 10), prefer_person=True)
           if sent.first_tok[mi] == start or not _cited(sent, mi) and not origin(sent, mi)
           and not sent.preceded_by(mi, ADDRESSEES)]
    # "ucap X seperti dilansir CNN" cites CNN; "ujar pria Kosta Rika" names where the speaker is from;
    # "jawab ibu korban kepada Menteri X": X is spoken to
    if who and sent.kind(who[0]) == "Person" or comma >= len(sent.toks) or comma == start:
        return who if who and (sent.first_tok[who[0]] - start <= 6 or _introduced(sent, start, who[0])) else []
    after = object_after(sent, comma + 1, _clause_end(sent, comma + 1), prefer_person=True)
    if after and sent.kind(after[0]) == "Person" and _introduced(sent, comma + 1, after[0]) and \
            (_describes(sent, start, comma, after[0]) or who and sent.first_tok[who[0]] != start):
        return after      # "Menurut komentator dan analis UFC, Kenny Florian": the body only describes the person
    return who if who and sent.first_tok[who[0]] - start <= 6 else []


def _describes(sent: Sent, start: int, end: int, mi: int) -> bool:
    """Tokens start..end describe the person ``mi`` set off after them: names, capitalised words and
    the person's title, with one other word at most ("polisi setempat"; not "dia", nor "seorang
    sumber di kantor kepresidenan"), nor a name alone that is not a person's ("lanjut Jootje, Ahok ...":
    a person taken for a place; "Menurut Amran, ..." names the speaker so too)."""
    toks = sent.toks[start:end]
    if toks and all(t.mention == toks[0].mention is not None for t in toks) and sent.kind(toks[0].mention) == "Place":
        return False
    others = [t for t in toks if t.mention is None and not t.text[:1].isupper() and not _of_title(t, sent.mention(mi))]
    return len(others) < min(2, len(toks))


def _clause_end(sent: Sent, start: int) -> int:
    """The first comma or clause break from token ``start`` on."""
    return next((k for k in range(start, len(sent.toks)) if sent.toks[k].text == "," or sent.is_break(k)),
                len(sent.toks))


def _set_off_after(sent: Sent, mi: int) -> bool:
    """A comma and a capitalised word that names no body or place follow mention ``mi``."""
    k = sent.last_tok[mi] + 1
    return k + 1 < len(sent.toks) and sent.toks[k].text == "," and sent.toks[k + 1].text[:1].isupper() \
        and (sent.toks[k + 1].mention is None or sent.kind(sent.toks[k + 1].mention) == "Person")


def _titled(sent: Sent, start: int, mi: int) -> bool:
    """Only capitalised words, the person's title and commas or brackets stand between token ``start`` and
    mention ``mi`` ("oleh Ketua Bidang Hukum, Lukman Hakim"; not "kepada Presiden X")."""
    return all(t.text[:1].isupper() or t.text in ",()" or _of_title(t, sent.mention(mi))
               for t in sent.toks[start:sent.first_tok[mi]])


def _introduced(sent: Sent, start: int, mi: int) -> bool:
    """Only the person's own title, rank and affiliation (and brackets) stand between token ``start``
    and mention ``mi``."""
    return all(_of_title(t, sent.mention(mi)) or t.text in ("(", ")") for t in sent.toks[start:sent.first_tok[mi]])


def make_statements(sent: Sent, speeches: list[Speech], dates: list[DateRef], last_speakers: list[int],
                events: list[Event], starts: dict[int, int], spoken: dict[int, list[int]]) -> tuple[list[Event], list[int]]:
    """Statements of a sentence, one per speaker, and whom a "katanya" in the next sentence points back
    to; ``spoken`` remembers whom each speaker speaks for, so that "katanya" keeps it. A speaker named
    only by a noun of saying ("Tjahjo menilai pengakuan Agus ...") is that only when no person opens
    the sentence (antecedent)."""
    out: list[Event] = []
    by_speaker: dict[int, Event] = {}
    quote = _quote(sent)
    all_speakers: list[int] = []
    quoting: list[int] = []
    for sp in sorted(speeches, key=lambda sp: sp.nominal):     # a verb of saying names the statement first
        before = all_speakers or last_speakers      # "X mengatakan ... karena menurut dia ...": X
        speakers = sp.speakers or ([mi for mi in before if sent.kind(mi) != "Place"
                                    and not (sent.kind(mi) == "Person" and _plural(sent, sp))] if sp.pronoun
                                   else _named_again(sent, sp, last_speakers))
        for speaker in speakers:
            if not sp.nominal:
                quoting.append(speaker)
            if speaker in by_speaker:
                continue
            tok = sent.toks[sp.start]
            negated, modality = negation_modality(sent, sp.start)
            if speaker not in spoken:
                spoken[speaker] = _spoken_for(sent, speaker)
            spoken_for = spoken[speaker]
            who = None if spoken_for == [speaker] else speaker
            e = Event("Statement", sent.index, sent.span_text(sp.start, sp.end), tok.begin, sent.toks[sp.end - 1].end,
                      speaker=who, spoken_for=spoken_for, quote=quote, negated=negated, modality=modality,
                      sense="statement")
            e.agents = [who] if who is not None else []
            ref = _speech_date(sent, dates, sp)
            if ref:
                e.date, e.date_text = ref.date, ref.text
            by_speaker[speaker] = e
            starts[id(e)] = sp.start
            out.append(e)
            all_speakers.append(speaker)
    for e in out:
        e.medium = _medium(sent, all_speakers)
        skip = set(all_speakers) | {e.medium} | {sent.mention(s).affiliation for s in all_speakers}
        e.about = [mi for mi in sent.mentions if mi not in skip and sent.kind(mi) in ACTOR_KINDS | {"Place"}
                   and not _same_entity(sent, mi, all_speakers)]
        e.labels = [mi for mi in sent.mentions if sent.kind(mi) == "Group"
                    and sent.mention(mi).text.lower() in LABELS]
    return out, quoting or (antecedent(sent, [], all_speakers) if all_speakers else [])


def _plural(sent: Sent, sp: Speech) -> bool:
    """The pronoun a speech points back with is one for many ("Mereka pun mendesak", "kata mereka"): the
    nearest pronoun before the verb in its clause, or the word right after it."""
    after = sent.toks[sp.end].low if sp.end < len(sent.toks) else ""
    before = [t.low for t in sent.toks[sent.clause(sp.start)[0]:sp.start] if t.low in PRONOUNS]
    return (after if after in PRONOUNS else before[-1] if before else "") in PLURAL_PRONOUNS


def _named_again(sent: Sent, sp: Speech, last: list[int]) -> list[int]:
    """A verb of saying followed by a name the text did not mark ("kata Zeid") names the last speaker
    when the word is one of that speaker's names ("Zeid Ra'ad Al Hussein")."""
    if sp.end >= len(sent.toks) or not sent.toks[sp.end].text[:1].isupper():
        return []
    word = sent.toks[sp.end].low
    return [mi for mi in last if word in sent.mention(mi).text.lower().split()][:1]


def _speech_date(sent: Sent, dates: list[DateRef], sp: Speech) -> DateRef | None:
    """When the words were said. After a quote ('" ... ," kata X, Selasa (3/1)') or before the verb
    a date dates the saying; after a verb that goes on to say something ('X mengatakan, tersangka
    tiba Kamis (5/10)') it dates what is said, unless it stands right by the verb ('mengatakan,
    Selasa (3/1), ...') or before "bahwa". Then the statement is dated by its article."""
    ref = date_for(sent, dates, sp.start, "Statement")
    if ref is None or ref.start < sp.end or any(sent.in_quote[:sp.start]):
        return ref
    between = [t for t in sent.toks[sp.end:ref.start] if t.text != ","]
    after = {t.low for t in sent.toks[ref.start:]}
    return ref if len(between) <= 1 or THAT in after else None


def _spoken_for(sent: Sent, speaker: int) -> list[int]:
    """Whom a speaker speaks for: a spokesperson's or lawyer's party ("Juru bicara Polri Setyo Wasisto" → Polri).

    When the spokesperson or office holder is not named ("Juru bicara Kremlin mengatakan", "mantan
    Kepala Staf Angkatan Darat tersebut mengatakan"), the party is what the text names; it is
    spoken for, and the speaker stays unknown."""
    m = sent.mention(speaker)
    if m.role and _spokesperson_role(m.role) and m.affiliation is not None:
        return [m.affiliation]
    j = sent.first_tok.get(speaker)      # None: a speaker named in an earlier sentence
    if j is not None and (any(sent.any_phrase_at(k, SPOKESPEOPLE) == j - k for k in range(max(0, j - 3), j)) or
                          sent.kind(speaker) != "Person" and _after_office(sent, j)):
        return [speaker]
    return []


def _after_office(sent: Sent, j: int) -> bool:
    """A title of office stands before token ``j``, with only capitalised words of the office's name
    between ("Kepala Staf | Angkatan Darat", "Kepala Biro Humas | KPK")."""
    for k in range(j, max(0, j - OFFICE_WORDS) - 1, -1):
        if any(sent.any_phrase_at(k - n, OFFICES) == n for n in range(1, min(k, 3) + 1)):
            return True
        if k == 0 or sent.toks[k - 1].mention is not None or not sent.toks[k - 1].text[:1].isupper():
            return False
    return False


def _spokesperson_role(role: str) -> bool:
    """The role's office is one that speaks for others: "Juru bicara", "Kepala Biro Humas" (its last words)."""
    words = role.lower().split()
    return any(" ".join(words[k:]) in SPOKESPERSON_ROLES for k in range(len(words)))


def _same_entity(sent: Sent, mi: int, others: list[int]) -> bool:
    """The mention is written as one of ``others``: a speaker is not what the speaker speaks about."""
    text = sent.mention(mi).text.lower()
    return any(sent.mention(o).text.lower() == text for o in others)


def antecedent(sent: Sent, speeches: list[Speech], last: list[int]) -> list[int]:
    """Whom "katanya", "ujarnya", "kata dia" point back to after a sentence (``speeches``: its verbs of
    saying, find_speeches) in which no named speaker
    speaks: the person the sentence opens with ("Menteri X tiba di ...", "Sementara itu X mengaku ..."
    → X); no one when someone unnamed speaks ("kata seorang warga") or the opening person undergoes
    ("X berhasil ditemukan"): the pronoun's antecedent is then unclear; else still the last speakers,
    as news goes on quoting whoever spoke last."""
    if any(not sp.speakers and not sp.pronoun for sp in speeches):
        return []
    persons = [mi for mi in sent.mentions if sent.kind(mi) == "Person" and mi in sent.first_tok
               and sent.mention(mi).text.lower() not in DOCUMENTS]
    if not persons:
        return last
    first = min(persons, key=lambda mi: sent.first_tok[mi])
    if not _opens_sentence(sent, first):
        return last
    return [] if _undergoes(sent, first) else [first]


def _opens_sentence(sent: Sent, mi: int) -> bool:
    """The mention is the sentence's subject: only its title and words that open a sentence stand before
    it ("Sementara itu, Kapolres X"), or a description naming no other person it is set off from ("Kuasa
    korban yang ..., X, ...", "Politisi senior Partai X, Y, ...")."""
    j, m = sent.first_tok[mi], sent.mention(mi)
    while j > 0 and _of_title(sent.toks[j - 1], m):
        j -= 1
    head = sent.toks[:j]
    if all(t.low in DISCOURSE_OPENERS or t.text == "," for t in head):
        return True
    after = sent.last_tok[mi] + 1      # one comma only: in "Mereka adalah A, B, X, ..." X is one of a list
    return head[-1].text == "," and all(t.mention is None or sent.kind(t.mention) != "Person" for t in head) and \
        sum(t.text == "," for t in head) == 1 and after + 1 < len(sent.toks) and sent.toks[after].text == "," \
        and not sent.toks[after + 1].text[:1].isupper()      # nor in "petinggi partai A, X, B dan C"


def _undergoes(sent: Sent, mi: int) -> bool:
    """A passive verb is the person's first verb ("X berhasil ditemukan", "X dan ibunya dikabarkan"),
    within six words and before any comma."""
    for t in sent.toks[sent.last_tok[mi] + 1:sent.last_tok[mi] + 7]:
        if t.text == ",":
            return False
        if t.mention is None and t.low.startswith(PASSIVE) and any(form == PASSIVE for _, form in t.forms):
            return True
        if t.mention is None and t.low not in AUXILIARIES and \
                any(t.low.startswith(form) and form in ACTIVE for _, form in t.forms):
            return False
    return False


def cited_media(sent: Sent) -> list[int]:
    """'Seperti dilansir dari BBC', 'menurut BBC': the outlet is the source when nobody speaks."""
    medium = _medium(sent, [])
    return [medium] if medium is not None and _cited(sent, medium) else []


def _cited(sent: Sent, mi: int) -> bool:
    """The mention is what the sentence cites: "dilansir (dari) BBC", "dikutip Reuters", "menurut BBC"."""
    j = sent.first_tok[mi] - 1
    while j >= 0 and sent.toks[j].low in CITED_FROM:
        j -= 1
    return j >= 0 and sent.toks[j].low in CITED_MEDIA


def _quote(sent: Sent) -> str | None:
    """Words between quotation marks; a quote opened or closed on another line runs to the sentence edge."""
    text = sent.s.text
    parts = [m.group(1) or m.group(2) for m in _QUOTE.finditer(text)]
    if not parts:
        opened, closed = text.rfind("“"), text.find("”")
        if opened >= 0 and closed < opened:
            parts = [text[opened + 1:]]
        elif closed >= 0 and opened < 0:
            parts = [text[:closed]]
    parts = [p.strip(" ,.") for p in parts if p and p.strip(" ,.")]
    return " … ".join(parts) or None


def _medium(sent: Sent, speakers: list[int]) -> int | None:
    """The outlet a statement was made in or cited from: "kepada BBC", "dilansir dari Reuters"."""
    for mi in sent.mentions:
        if mi in speakers or sent.mention(mi).cls not in ("MediaOrganization", "Company"):
            continue
        j = sent.first_tok[mi] - 1
        steps = 0
        while j >= 0 and steps < 3 and sent.toks[j].low not in MEDIUM_CUES and sent.toks[j].mention is None:
            j, steps = j - 1, steps + 1
        if j >= 0 and sent.toks[j].low in MEDIUM_CUES:
            return mi
    return None
