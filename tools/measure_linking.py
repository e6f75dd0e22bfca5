"""Measure Wikidata linking on a built store against the seed entities that have a verified id.

For each row of seed_entities.tsv, the store entities of a compatible class named like it (its
English name, or a label or alias the packaged table gives its QID and no preferred row shares) are
the ones that should carry its link:
  correct  - one of them is linked to the seed's QID, and no entity is linked wrongly;
  wrong    - an entity named only like this seed is linked to another QID, or an entity linked to
             the seed's QID has none of its names;
  missed   - named in the build but not linked;
  absent   - no entity of the build carries any of its names (not counted in the shares).

Usage (after `kg build seeds`, which links at its end):
  .venv/bin/python tools/measure_linking.py [--store .kg/store]
      [--seeds ../shared/wikidata/seed_entities.tsv] [--details]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg.link import read_entities  # noqa: E402
from kg.gazetteer import normalise as normalize, packaged_table  # noqa: E402
from kg.link.common import compatible_kinds  # noqa: E402
from kg.store import GraphStore, StoreError  # noqa: E402
from kg.vocab import CRISIS, LINKS_GRAPH, WD, sparql_prefixes  # noqa: E402


def read_links(store) -> dict[str, tuple[str, str]]:
    query = sparql_prefixes() + f"""
        SELECT ?e ?item ?method WHERE {{ GRAPH <{LINKS_GRAPH}> {{
          ?e owl:sameAs ?item . OPTIONAL {{ ?e <{CRISIS}linkMethod> ?method }} }} }}"""
    return {s["e"].value: (s["item"].value.removeprefix(WD),
                           s["method"].value if s["method"] is not None else "")
            for s in store.query(query)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=".kg/store")
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "wikidata" / "seed_entities.tsv"))
    parser.add_argument("--details", action="store_true", help="one line per seed entity")
    args = parser.parse_args(argv)
    try:
        store = GraphStore(args.store).open_read()
        with open(args.seeds, encoding="utf-8") as handle:
            seeds = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (StoreError, OSError) as err:
        print(f"measure_linking: {err}", file=sys.stderr)
        return 1

    table = {row.qid: row for row in packaged_table()}
    owner: dict[str, str] = {}       # a shared name belongs to the preferred (earliest) row
    for row in packaged_table():
        for name in (row.label_en, row.label_id, *row.aliases):
            owner.setdefault(normalize(name), row.qid)
    names: dict[str, set[str]] = {}
    for seed in seeds:
        row = table.get(seed["qid"])
        given = {normalize(n) for n in ([row.label_en, row.label_id, *row.aliases] if row else []) if n}
        names[seed["qid"]] = {n for n in given if owner.get(n) == seed["qid"]}
        names[seed["qid"]].add(normalize(seed["name_en"]))
    entities = read_entities(store)
    links = read_links(store)
    entity_names = {e.iri: {normalize(n) for n in {e.label, *e.alt_labels} if n} for e in entities}

    def fits(entity, qid: str) -> bool:
        return qid not in table or table[qid].kind in compatible_kinds(entity.cls)

    counts = {"correct": 0, "wrong": 0, "missed": 0, "absent": 0}
    lines = []
    for seed in seeds:
        qid = seed["qid"]
        named = [e for e in entities if entity_names[e.iri] & names[qid] and fits(e, qid)]
        only_this = [e for e in named
                     if not any(entity_names[e.iri] & names[o] for o in names if o != qid)]
        right = [e for e in named if links.get(e.iri, ("",))[0] == qid]
        wrong = [e for e in only_this if e.iri in links and links[e.iri][0] != qid]
        wrong += [e for e in entities if links.get(e.iri, ("",))[0] == qid and e not in named]
        status = ("absent" if not named and not wrong else "wrong" if wrong
                  else "correct" if right else "missed")
        counts[status] += 1
        shown = wrong if status == "wrong" else right or named
        lines.append(f"{status:8} {qid:11} {seed['name_en'][:38]:38} " + "; ".join(
            f"{e.label} [{e.cls}] -> {links.get(e.iri, ('-', ''))[0]} {links.get(e.iri, ('', ''))[1]}"
            for e in shown[:3]))

    found = len(seeds) - counts["absent"]
    share = (lambda n: f"{n} ({100 * n / found:.0f}%)") if found else (lambda n: str(n))
    if args.details:
        print("\n".join(lines))
    print(f"seed entities with a verified id: {len(seeds)}; named in the build: {found}; "
          f"linked correctly: {share(counts['correct'])}; linked wrongly: {share(counts['wrong'])}; "
          f"not linked: {share(counts['missed'])}")
    methods: dict[str, int] = {}
    for _, method in links.values():
        methods[method] = methods.get(method, 0) + 1
    print(f"all links in the store: {len(links)} of {len(entities)} entities "
          f"({', '.join(f'{m} {n}' for m, n in sorted(methods.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
