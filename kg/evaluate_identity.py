"""Identity measured on judged pairs: are two articles' reports one event, are two names one entity.

Why pairs: whether two reports are one incident, or two names one person, is what an analyst
can judge by reading; a gold of pairs (tests/gold/identity_pairs.jsonl, alias_pairs.jsonl,
docs/GOLD.md) scores the graph that one build of all their articles gives:

- merge precision: of the gold pairs the graph joins, the share that report one incident;
  merge recall: of the same-incident pairs, the share joined by an event of a class the gold names.
  Different pairs whose articles both recall a third incident ("recalled") are not scored: a
  join there may be that incident's; nor is a join by an event of a class that neither judged
  incident has (it is about some other incident, which nobody judged). Each missed pair says
  what kept it apart: no event of the class in one article, or the nearest miss of the reports'
  pairs (kg.resolve.incidents.APART: a class, a date or a place that disagrees, nothing specific
  shared, a score below the threshold), so the largest classes of misses can be counted;
- alias precision and recall: the same, for two names resolving to one entity node.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.resolve.incidents import APART, THRESHOLD, Report, apart_because
from kg.vocab import NIF, doc_iri, sparql_prefixes


@dataclass
class PairScore:
    """Counts over judged pairs; ``wrong`` lists the pairs the graph gets wrong, for reading."""
    same: int = 0
    different: int = 0
    joined_same: int = 0
    joined_different: int = 0
    recalled: int = 0              # different incidents whose articles both recall a third: not scored
    joined_recalled: int = 0
    joined_other: int = 0          # different pairs joined by an event of a class neither incident has
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        joined = self.joined_same + self.joined_different
        return self.joined_same / joined if joined else 1.0

    @property
    def recall(self) -> float:
        return self.joined_same / self.same if self.same else 1.0

    def line(self, what: str) -> str:
        return (f"{what}: precision {self.precision:.3f} ({self.joined_same} of "
                f"{self.joined_same + self.joined_different} joined pairs right), recall {self.recall:.3f} "
                f"({self.joined_same} of {self.same} same pairs joined); {self.joined_different} of "
                f"{self.different} different pairs joined" +
                (f" ({self.joined_other} more joined on another incident, not scored)" if self.joined_other else "") +
                (f" ({self.joined_recalled} of {self.recalled} pairs recalling a third incident joined, "
                 "not scored)" if self.recalled else ""))


def read_pairs(path: Path, split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def gold_documents(pairs: list[dict], aliases: list[dict]) -> list[str]:
    """The article ids the event-pair and alias golds name, each once, in order."""
    return list(dict.fromkeys([i for p in pairs for i in (p["a"], p["b"])] +
                              [i for p in aliases for i in (p["doc_a"], p["doc_b"])]))


def score_event_pairs(store: ox.Store, pairs: list[dict], reports: list[Report] = (),
                      threshold: float = THRESHOLD) -> PairScore:
    """Merge precision and recall: a pair is joined when one event has evidence in both articles.
    ``reports`` (kg.identity.read_reports) and ``threshold`` say why a same pair was missed."""
    events_of: dict[str, dict[str, str]] = defaultdict(dict)          # doc → event IRI → class
    q = sparql_prefixes() + """SELECT DISTINCT ?g ?e ?cls WHERE { GRAPH ?g { ?e a ?cls ; crisis:evidence ?g } }"""
    wanted = {doc_iri(i) for p in pairs for i in (p["a"], p["b"])}
    for r in store.query(q):
        doc = r["g"].value.split("#", 1)[0]
        if doc in wanted:
            events_of[doc][r["e"].value] = r["cls"].value.rsplit("#", 1)[-1]
    reports_of: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        reports_of[r.document].append(r)
    score = PairScore()
    for p in pairs:
        a, b = events_of[doc_iri(p["a"])], events_of[doc_iri(p["b"])]
        shared = {a[e] for e in a.keys() & b.keys()}
        if p["same"]:
            score.same += 1
            if shared & set(p["classes"]):
                score.joined_same += 1
            else:
                score.wrong.append(f"missed {p['classes']}: {p['a']} / {p['b']} ({p.get('incident', '')})"
                                   f" — {_why_missed(p, reports_of, threshold)}")
        elif p.get("recalled"):       # both recall a background incident: a join may be right
            score.recalled += 1
            score.joined_recalled += bool(shared)
        else:
            score.different += 1
            judged = set(p.get("classes_a", ())) | set(p.get("classes_b", ()))
            if shared & judged:
                score.joined_different += 1
                score.wrong.append(f"joined {sorted(shared)}: {p['a']} / {p['b']} ({p.get('shared', '')})")
            elif shared:             # an event of a class neither judged incident has: another incident
                score.joined_other += 1
                score.wrong.append(f"joined, another incident {sorted(shared)}: {p['a']} / {p['b']}")
    return score


def _why_missed(pair: dict, reports_of: dict[str, list[Report]], threshold: float) -> str:
    """What kept a same pair apart: no report of the gold's classes in an article, or the nearest
    miss of the pairs of such reports."""
    found = [[r for r in reports_of[doc_iri(pair[side])] if r.kind[0] in pair["classes"]] for side in "ab"]
    if not all(found):
        return "no event of the class in " + " and ".join(side for side, rs in zip("ab", found) if not rs)
    return "nearest: " + max((apart_because(a, b, threshold) for a in found[0] for b in found[1]),
                             key=APART.index)


def score_alias_pairs(store: ox.Store, pairs: list[dict]) -> PairScore:
    """Alias precision and recall: a pair is joined when the mentions at the first occurrence of
    each name resolve to one entity."""
    score = PairScore()
    for p in pairs:
        a, b = _entity_at(store, p["doc_a"], p["name_a"]), _entity_at(store, p["doc_b"], p["name_b"])
        joined = a is not None and a == b
        label = f"{p['name_a']!r} ({p['doc_a']}) / {p['name_b']!r} ({p['doc_b']})"
        if p["same"]:
            score.same += 1
            score.joined_same += joined
            if not joined:
                score.wrong.append(f"apart: {label} → {a} / {b}")
        else:
            score.different += 1
            score.joined_different += joined
            if joined:
                score.wrong.append(f"merged: {label} → {a}")
    return score


def _entity_at(store: ox.Store, doc_id: str, name: str) -> str | None:
    """The entity of the mention that overlaps most the first occurrence of ``name`` in the article."""
    doc = ox.NamedNode(doc_iri(doc_id))
    texts = list(store.quads_for_pattern(doc, ox.NamedNode(NIF + "isString"),
                                         None, doc))
    if not texts:
        return None
    start = texts[0].object.value.find(name)
    if start < 0:
        return None
    end = start + len(name)
    q = sparql_prefixes() + """SELECT ?doc ?b ?e ?ent WHERE { GRAPH ?g {
        ?m nif:referenceContext ?doc ; nif:beginIndex ?b ; nif:endIndex ?e ; itsrdf:taIdentRef ?ent } }"""
    best, overlap = None, 0
    for r in store.query(q, substitutions={ox.Variable("doc"): doc}):
        common = min(end, int(r["e"].value)) - max(start, int(r["b"].value))
        if common > overlap:
            best, overlap = r["ent"].value, common
    return best


def evaluate_identity(corpus: Path, store: Path, pairs: list[dict], aliases: list[dict], **build_options) -> dict:
    """Build the gold's articles (from ``corpus``, JSON Lines as kg reads) into ``store`` and
    score event pairs and alias pairs by split."""
    from kg.identity import IdentitySettings, read_reports
    from kg.pipeline import build
    from kg.store import GraphStore

    build([corpus], store, **build_options)
    graph = GraphStore(store).open_read()
    reports, threshold = read_reports(graph), (build_options.get("identity") or IdentitySettings()).threshold
    scores = {}
    for split in ("dev", "test"):
        scores[("events", split)] = score_event_pairs(graph, [p for p in pairs if p.get("split") == split],
                                                      reports, threshold)
        scores[("aliases", split)] = score_alias_pairs(graph, [p for p in aliases if p.get("split") == split])
    return scores
