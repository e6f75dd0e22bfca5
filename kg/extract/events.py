"""Events of a document: what happened, to whom, where, when, how many, and who says so.

Why: analysts come for events with their evidence. This module is the flow over
one document; each question has its module: triggers and whether the text
asserts them (kg.extract.triggers), actors and places (kg.extract.roles), the
date in the sentence (kg.extract.event_dates), statements and sources
(kg.extract.statements), figures (kg.extract.figures), the sense of a crisis
word (kg.extract.sense). All words live in the language folder (kg/lang/).

One event per sentence, class, sense, negation, modality and date: "diserbu
dan dibakar" is one riot. "sehari setelah X" and "sehari kemudian" are resolved
once the whole document is read, against the date of the event they point back
to. Only the sentences that hold a trigger are parsed.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.extract.event_dates import DateRef, date_for, sentence_dates, until
from kg.extract.figures import add_figures
from kg.extract.roles import COORDINATION, event_places, event_roles
from kg.extract.sense import article_domain, crisis_sense, domain_counts, private_meeting
from kg.extract.sentence import Sent
from kg.extract.statements import antecedent, cited_media, find_speeches, make_statements
from kg.extract.triggers import BY_SENSE, Hit, is_nominal, match_triggers, negation_modality
from kg.records import Event, ExtractedDocument
from kg.syntax import load_parser

SITE_OBJECTS = {"PolicyMeasure"}     # classes whose object may be a place: a city recognised, a region annexed


@dataclass
class _Pending:
    """An anchored date phrase waiting for the events it points to."""
    sentence: int
    ref: DateRef
    events: list[Event]


def extract_events(ext: ExtractedDocument, words: list[tuple[int, str]]) -> list[Event]:
    """Events of a document; ``words``: (character offset, text) of its tokens, spaces left out."""
    events: list[Event] = []
    pending: list[_Pending] = []
    last_speakers: list[int] = []
    spoken: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    starts_of_tokens = [begin for begin, _ in words]
    mentions_in: dict[int, list[int]] = defaultdict(list)
    for mi, m in enumerate(ext.mentions):
        mentions_in[m.sentence].append(mi)
    sents = []
    for index, s in enumerate(ext.sentences):
        lo, hi = bisect_left(starts_of_tokens, s.begin), bisect_left(starts_of_tokens, s.end)
        tokens = [(begin, text) for begin, text in words[lo:hi] if begin + len(text) <= s.end]
        if tokens:
            sent = Sent(ext, index, tokens, mentions_in[index])
            sent.previous = sents[-1] if sents else None
            sents.append(sent)
    cues = [domain_counts(sent.toks) for sent in sents]
    domain = article_domain(sum(cues, Counter()))
    hits = [[hit for hit in match_triggers(sent) if crisis_sense(sent_cues, domain, hit.cls)]
            for sent, sent_cues in zip(sents, cues)]
    _parse([sent for sent, found in zip(sents, hits) if found])
    for sent, sent_hits in zip(sents, hits):
        found, last_speakers = _sentence_events(sent, sent_hits, ext.doc.published, last_speakers, starts, pending,
                                                spoken)
        first = len(events)
        events.extend(found)
        for e in found:
            if e.cls == "Statement":
                e.about_events = [first + k for k, other in enumerate(found) if other.cls != "Statement"]
    _resolve_anchored(events, pending, starts)
    return events


def _parse(sents: list[Sent]) -> None:
    """Parse, in one batch, the sentences that hold a trigger: the parser costs about a hundred times
    the tokenizer, so the rest of the text is never parsed. Without an installed parser, word order rules."""
    parser = _parser()
    if parser is None or not sents:
        return
    for sent, parse in zip(sents, parser.parse([[t.text for t in sent.toks] for sent in sents])):
        sent.parse = parse


@lru_cache(maxsize=1)
def _parser():
    try:
        return load_parser()
    except FileNotFoundError:
        return None


def _a_site(sent: Sent, mi: int, cls: str) -> bool:
    """A town, region or site is where an event happens, not whom it befalls or who takes part; a
    country may be an actor ("Rusia menyerang Ukraina"), and a measure may be about a place ("mengakui
    Yerusalem sebagai ibu kota")."""
    return sent.kind(mi) == "Place" and sent.mention(mi).cls != "Country" and cls not in SITE_OBJECTS


def _sentence_events(sent: Sent, hits: list[Hit], published, last_speakers: list[int], starts: dict[int, int],
                     pending: list[_Pending], spoken: dict[int, list[int]]) -> tuple[list[Event], list[int]]:
    """Events of the trigger ``hits`` and the statements of a sentence, and whom a pronoun of the next
    sentence points back to. Its dates are read only when an event or a statement may take one: the
    date rules are dearer than the rest of a sentence."""
    dates = sentence_dates(sent, published) if hits else []
    out: list[Event] = []
    groups: dict[tuple, Event] = {}
    realis: dict[int, tuple[bool, str | None]] = {}     # end token of a trigger → its negation and modality
    for hit in hits:
        joined = _coordinated(sent, hit.start)
        negated, modality = realis[joined] if joined in realis else \
            negation_modality(sent, hit.start, hit.end if is_nominal(hit.voice) else None)
        realis[hit.end] = (negated, modality)
        ref = date_for(sent, dates, hit.start, hit.cls)
        key = (hit.cls, hit.sense if hit.cls in BY_SENSE else None,
               negated, modality, ref.date if ref else None)
        agents, targets, participants = event_roles(sent, hit)
        if hit.needs_party and not (targets or participants) or \
                private_meeting(sent, hit.cls, agents + targets + participants):
            continue
        trigger = sent.span_text(hit.start, hit.end)
        event = groups.get(key)
        if event is None:
            first = sent.toks[hit.start]
            event = Event(hit.cls, sent.index, trigger, first.begin, sent.toks[hit.end - 1].end,
                          negated=negated, modality=modality, sense=hit.sense)
            if ref:
                event.date, event.date_text = ref.date, ref.text
            event.end_date = until(dates, sent, hit.start)
            groups[key] = event
            starts[id(event)] = hit.start
            out.append(event)
        elif trigger not in event.trigger.split(", "):
            event.trigger += ", " + trigger
        _add(event.agents, agents)
        sites = [m for m in targets + participants if _a_site(sent, m, hit.cls)]   # "korban di Subang": where
        _add(event.targets, [t for t in targets if t not in event.agents and t not in sites])
        _add(event.participants, [p for p in participants if p not in event.agents + event.targets and p not in sites])
        _add(event.places, [p for p in event_places(sent, hit) + sites if p not in event.agents + event.targets])
    for ref in dates:
        if ref.anchored_days is not None:
            pending.append(_Pending(sent.index, ref, list(out)))

    statements, speakers = [], []
    speeches = find_speeches(sent)
    if speeches:
        statements, speakers = make_statements(sent, speeches, dates if hits else sentence_dates(sent, published),
                                               last_speakers, out, starts, spoken)
    if out:      # figures and sources are read for the sentence's events only
        sources = speakers or cited_media(sent)
        add_figures(sent, out, starts, speeches, sources)
        for e in out:
            if e.cls != "Statement":
                _add(e.reported_by, [s for s in sources if s not in e.agents])
    return out + statements, speakers or antecedent(sent, speeches, last_speakers)


def _coordinated(sent: Sent, start: int) -> int | None:
    """The end of the trigger a trigger at ``start`` is joined to by "dan", "atau": "akan menerbitkan red notice
    atau surat perintah penangkapan" plans both, "tidak ditangkap atau ditahan" denies both."""
    return start - 1 if start > 0 and sent.toks[start - 1].low in COORDINATION else None


def _add(target: list[int], items: list[int]) -> None:
    """Append the items not yet in target, in order."""
    for item in items:
        if item not in target:
            target.append(item)


def _resolve_anchored(events: list[Event], pending: list[_Pending], starts: dict[int, int]) -> None:
    """'sehari kemudian' after a dated event; 'sehari setelah X' from X's date, or X's date from the main event's."""
    for p in pending:
        days, at = p.ref.anchored_days, p.ref.start
        local = [e for e in p.events if e.cls != "Statement"]
        if p.ref.follows:
            after = [e for e in local if starts[id(e)] > at]
            before = [e for e in local if starts[id(e)] < at]
            if not after or not before:
                continue
            pointed, main = after[0], before[-1]
            if main.date is not None and pointed.date is None:
                pointed.date, pointed.date_text = main.date - timedelta(days=days), p.ref.text
            elif main.date is None:
                anchor = _class_date(events, pointed.cls, pointed)
                if anchor is not None:
                    main.date, main.date_text = anchor + timedelta(days=days), p.ref.text
                    if pointed.date is None:
                        pointed.date, pointed.date_text = anchor, p.ref.text
        else:
            earlier = [e for e in events if e.date is not None and (
                e.sentence < p.sentence or (e.sentence == p.sentence and starts[id(e)] < at))]
            if not earlier:
                continue
            anchor = earlier[-1].date
            for e in local:
                if e.date is None and starts[id(e)] > starts.get(id(earlier[-1]), -1):
                    e.date, e.date_text = anchor + timedelta(days=days), p.ref.text


def _class_date(events: list[Event], cls: str, exclude: Event) -> date | None:
    """The date most events of this class carry in the document: what "setelah X" points back to."""
    counts = Counter(e.date for e in events if e.cls == cls and e.date is not None and e is not exclude)
    return max(counts, key=lambda d: (counts[d], -d.toordinal())) if counts else None
