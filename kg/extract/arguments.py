"""Event arguments read from a sentence's dependency parse (kg.syntax).

Why: token windows guess who did what to whom from word order, and go wrong as
soon as a sentence holds two clauses or two numbers ("polisi menahan sekitar
1.200 orang dan sedikitnya dua demonstran tewas": 1,200 were detained, two were
killed). The parse says which noun a numeral counts (nummod), which verb that
noun is the subject or object of, who the "oleh" agent of a passive is, and
which "di/ke/dari" phrase hangs under the trigger.

Pure functions over a Parse and a token → mention map: kg.extract.roles and
kg.extract.figures decide what to do with the answers (they keep their
word-order rules where the parse says nothing). Conventions are those of the UD Indonesian treebanks (see kg.syntax).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.lang import language
from kg.syntax import Parse

WORDS = language().json("function_words.json")

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubj:pass", "csubj:pass"}
OBJECTS = {"obj", "iobj"}
NAME_PARTS = (("flat", "flat:name", "appos", "compound"),     # a name's other words, nearest kinds first:
              ("nmod", "amod", "det", "nummod"))              # "Presiden Kenya Uhuru Kenyatta" is Kenyatta
COORDINATION = {"conj"}
LOCATIVE_CASES = set(WORDS["locative_cases"])        # "di X", "ke X", "dari X"
AGENT_CASE = WORDS["agent_preposition"]               # "oleh X"
COUNTS = {"nummod", "nummod:gov", "det"}   # a numeral under the noun it counts
CORE = {"nsubj", "nsubj:pass", "obj", "iobj"}    # a counted noun's own verb
DESCRIBING = {"acl", "acl:relcl"}             # a clause under the noun: "dua demonstran (yang) tewas"


@dataclass
class Roles:
    """Token indexes (of the parse) that the trigger's dependents point to, by role."""
    subjects: list[int] = field(default_factory=list)
    passive_subjects: list[int] = field(default_factory=list)
    objects: list[int] = field(default_factory=list)
    agents: list[int] = field(default_factory=list)        # "oleh X"
    places: list[int] = field(default_factory=list)        # "di/ke/dari X" under the trigger or its object


def head_of_span(parse: Parse, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside it: "unjuk rasa" → "unjuk"."""
    for i in range(start, end):
        if not start <= parse.heads[i] < end or parse.heads[i] == i:
            return i
    return start


def case_word(parse: Parse, i: int) -> str | None:
    cases = parse.children(i, "case")
    return parse.words[cases[0]].lower() if cases else None


def _with_conjuncts(parse: Parse, i: int) -> list[int]:
    return [i] + parse.children(i, *COORDINATION)


def roles(parse: Parse, trigger: int) -> Roles:
    """The trigger's subject, passive subject, object, "oleh" agent and place phrases."""
    out = Roles()
    for child in parse.children(trigger):
        dep, case = parse.deps[child], case_word(parse, child)
        if case == AGENT_CASE:
            out.agents += _with_conjuncts(parse, child)
        elif case in LOCATIVE_CASES:
            out.places.append(child)
        elif dep in SUBJECTS and case is None:
            out.subjects += _with_conjuncts(parse, child)
        elif dep in PASSIVE_SUBJECTS and case is None:
            out.passive_subjects += _with_conjuncts(parse, child)
        elif dep in OBJECTS and case is None:
            out.objects += _with_conjuncts(parse, child)
    for obj in out.objects:          # "menangkap 20 demonstran di Lima": the place hangs under the object
        out.places += [c for c in parse.children(obj, "nmod", "obl") if case_word(parse, c) in LOCATIVE_CASES]
    if not out.subjects and parse.deps[trigger] in COORDINATION:   # "... dan menahan 20 orang": a shared subject
        first = parse.heads[trigger]
        out.subjects = [c for c in parse.children(first, *SUBJECTS) if case_word(parse, c) is None]
    return out


def mentions_of(parse: Parse, i: int, mention_at: list[int | None]) -> list[int]:
    """The mentions a dependent may stand for, nearest first: its own, then those of the words of its
    name ("Presiden" → flat → "Kenya" → flat → "Uhuru Kenyatta"); never one behind a preposition."""
    out, queue, seen = [], [i], {i}
    while queue:
        j = queue.pop(0)
        if mention_at[j] is not None and mention_at[j] not in out:
            out.append(mention_at[j])
        for deps in NAME_PARTS:
            for child in parse.children(j, *deps):
                if child not in seen and case_word(parse, child) is None:
                    seen.add(child)
                    queue.append(child)
    return out


def counted_noun(parse: Parse, number: int) -> int | None:
    """The noun a numeral counts: its head when it is the noun's nummod ("20 demonstran")."""
    if parse.deps[number] in COUNTS and parse.heads[number] != number and parse.heads[number] > number:
        return parse.heads[number]
    return None


def predicates(parse: Parse, noun: int) -> list[int]:
    """The words a counted noun is the subject or object of: its head when it is a core argument
    ("dua demonstran tewas" → tewas; "menahan 1.200 orang" → menahan), and a clause that describes
    it ("dua demonstran [yang] tewas", acl). Not the head of an oblique ("menahan ... demonstran",
    obl): the count is not that verb's. None for a noun coordinated with another ("1.200 orang dan
    dua demonstran tewas"): the parse cannot tell a shared verb from a clause of its own there."""
    if parse.deps[noun] in COORDINATION:
        return []
    own = [c for c in parse.children(noun) if parse.deps[c] in DESCRIBING]
    head = parse.heads[noun]
    return own + ([head] if head != noun and parse.deps[noun] in CORE else [])


def dominates(parse: Parse, top: int, i: int) -> bool:
    """Word ``i`` lies in the subtree of word ``top``."""
    seen = set()
    while i not in seen:
        if i == top:
            return True
        seen.add(i)
        i = parse.heads[i]
    return False


def describes_other(parse: Parse, i: int, trigger: int) -> bool:
    """Word ``i`` stands in a relative clause about a subject or object, not in the trigger's: "Ayah Khadr
    yang lahir di Mesir tewas ketika helikopter ... mengebom" (where the father was born), "menangkap pria
    yang tinggal di Lima". A clause that holds the trigger, or describes a place or time ("ditangkap di
    tempat Abedi tinggal di selatan Manchester") may still say where the event happened."""
    clause = _describing_clause(parse, i)
    return clause is not None and not dominates(parse, clause, trigger) \
        and parse.deps[parse.heads[clause]] in CORE


def _describing_clause(parse: Parse, i: int) -> int | None:
    """The verb of the relative clause word ``i`` belongs to ("yang lahir di Mesir" → lahir), climbing
    through the nouns above it; None when the first verb above it heads no clause that describes a noun."""
    seen = set()
    while i not in seen and parse.heads[i] != i:
        seen.add(i)
        i = parse.heads[i]
        if parse.pos[i] in ("VERB", "AUX"):
            return i if parse.deps[i] in DESCRIBING else None
    return None
