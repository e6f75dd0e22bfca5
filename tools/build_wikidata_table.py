"""Build kg/data/wikidata.tsv, the offline linker's table, from the verified files in ../shared/wikidata.

Every QID written comes from a row of those files; the hand-written files beside this script
(indonesian_country_names.tsv, extra_names.tsv) only add names and kinds to such rows and are
checked against them. Rows are written in preference order (countries, capitals, cities by
population, regions, then bodies, people, offices, events), so a reader that keeps the first row of
a shared name gets the preferred one; names shared by several rows are also listed, in that order,
in kg/data/wikidata_ambiguous.tsv.

Usage: python tools/build_wikidata_table.py [SHARED_WIKIDATA_DIR]   (default ../shared/wikidata)
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg.gazetteer import normalise as normalize  # noqa: E402
from kg.link.common import KINDS  # noqa: E402

TOOLS = Path(__file__).resolve().parent
OUT = ROOT / "kg" / "data" / "wikidata.tsv"
OUT_AMBIGUOUS = ROOT / "kg" / "data" / "wikidata_ambiguous.tsv"
COLUMNS = ("qid", "kind", "label_en", "label_id", "aliases", "country_qid", "lat", "lon")

BODY_KINDS = {
    "international organisation": "international_organization",
    "intergovernmental organisation": "international_organization",
    "intergovernmental forum": "international_organization",
    "NGO": "organization",
    "humanitarian movement": "organization",
    "humanitarian organisation": "organization",
}
KIND_ORDER = {"country": 0, "capital": 1, "city": 2, "region": 3, "international_organization": 4,
              "organization": 5, "government_body": 6, "media": 7, "company": 8, "office": 9,
              "person": 10, "event": 11, "other": 12}
QID = re.compile(r"^Q[1-9][0-9]*$")
PREFIXES = ("Kota ", "Kabupaten ", "Provinsi ")
SUFFIXES = (" Region", " Province", " Oblast")
# What is left of "Provinsi Barat" / "Central Region" is a common word, not a name.
GENERIC = {"barat", "timur", "utara", "selatan", "tengah", "pusat", "ibu kota", "central", "western",
           "eastern", "northern", "southern", "north", "south", "east", "west", "capital", "centre"}


class BuildError(Exception):
    pass


@dataclass
class Row:
    qid: str
    kind: str
    label_en: str
    label_id: str = ""
    aliases: list[str] = field(default_factory=list)
    country_qid: str = ""
    lat: str = ""
    lon: str = ""
    capital: bool = False
    population: int = 0
    source_names: set[str] = field(default_factory=set)   # English names the shared files give

    def add(self, *names: str) -> None:
        for name in names:
            name = name.strip()
            if name and name not in self.aliases:
                self.aliases.append(name)

    def set_coords(self, lat: str, lon: str) -> None:
        if not self.lat and lat and lon:
            self.lat, self.lon = lat, lon

    def sort_key(self) -> tuple:
        group = "capital" if self.kind == "city" and self.capital else self.kind
        return (KIND_ORDER[group], -self.population, int(self.qid[1:]))


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def variants(name: str) -> list[str]:
    """Short forms news uses: 'Kota Bandung' -> 'Bandung', 'Almaty Region' -> 'Almaty',
    'Montgomery, Alabama' -> 'Montgomery'."""
    out = []
    for prefix in PREFIXES:
        if name.startswith(prefix):
            out.append(name[len(prefix):])
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            out.append(name[: -len(suffix)])
    if ", " in name:
        out.append(name.split(", ")[0])
    return [v for v in out if normalize(v) not in GENERIC]


def build(shared: Path) -> dict[str, Row]:
    rows: dict[str, Row] = {}

    def put(row: Row) -> Row:
        if not QID.match(row.qid):
            raise BuildError(f"bad qid {row.qid!r}")
        old = rows.get(row.qid)
        if old is None:
            rows[row.qid] = row
            row.source_names.add(row.label_en)
            return row
        old.add(row.label_en, row.label_id, *row.aliases)
        old.set_coords(row.lat, row.lon)
        old.country_qid = old.country_qid or row.country_qid
        old.population = max(old.population, row.population)
        old.source_names.add(row.label_en)
        return old

    countries = read_tsv(shared / "countries.tsv")
    by_iso2 = {c["iso2"]: c["qid"] for c in countries if c["iso2"]}
    for c in countries:
        put(Row(c["qid"], "country", c["name_en"], c["name_id"], country_qid=c["qid"],
                lat=c["country_lat"], lon=c["country_lon"]))
    for c in countries:
        if not c["capital_qid"] or c["capital_qid"] == c["qid"]:
            continue   # no agreed capital (conflict in the sources), or a city-state
        cap = put(Row(c["capital_qid"], "city", c["capital_name_en"], country_qid=c["qid"],
                      lat=c["capital_lat"], lon=c["capital_lon"], capital=True))
        cap.add(c["capital_name_wof"])
        for alt in split(c["capital_alt"]):
            qid, _, name = alt.partition(":")
            put(Row(qid, "city", re.sub(r"\s*\(.*\)$", "", name), country_qid=c["qid"], capital=True))

    for p in read_tsv(shared / "places_extra.tsv"):
        names = [n for n in (p["name_en"], p["name_alt"], p["name_id"]) if n]
        row = put(Row(p["qid"], p["kind"], names[0], p["name_id"], country_qid=p["country_qid"],
                      lat=p["lat"], lon=p["lon"], population=int(p["population"] or 0)))
        row.add(*names)
        for name in names:
            row.add(*variants(name))

    for b in read_tsv(shared / "bodies.tsv"):
        if b["type"] not in BODY_KINDS:
            raise BuildError(f"bodies.tsv: unknown type {b['type']!r} for {b['qid']}")
        row = put(Row(b["qid"], BODY_KINDS[b["type"]], b["name_en"], b["name_id"]))
        row.add(*split(b["acronyms"]), *split(b["name_other_en"]))

    seeds = read_tsv(shared / "seed_entities.tsv")
    seed_qids = {s["qid"] for s in seeds}
    for s in seeds:
        if s["qid"] in rows:
            put(Row(s["qid"], rows[s["qid"]].kind, s["name_en"], lat=s["lat"], lon=s["lon"]))
        else:   # typed below from extra_names.tsv; "other" until then
            put(Row(s["qid"], "other", s["name_en"], lat=s["lat"], lon=s["lon"]))

    apply_country_names(rows, by_iso2)
    apply_extra_names(rows, by_iso2)
    untyped = sorted(q for q in seed_qids if rows[q].kind == "other")
    if untyped:
        raise BuildError(f"seed rows without a kind in extra_names.tsv: {', '.join(untyped)}")
    for row in rows.values():
        row.add(*[v for a in list(row.aliases) for v in variants(a)])
        if row.kind == "region":
            row.add(*variants(row.label_en), *variants(row.label_id))
    return rows


def check_name(row: Row, name_en: str, where: str) -> None:
    if name_en not in row.source_names:
        raise BuildError(f"{where}: {row.qid} is {sorted(row.source_names)} in the shared files, "
                         f"not {name_en!r}")


def relabel(row: Row, label_id: str, aliases: list[str]) -> None:
    if label_id and label_id != row.label_id:
        row.add(row.label_id)
        row.label_id = label_id
    row.add(*aliases)


def apply_country_names(rows: dict[str, Row], by_iso2: dict[str, str]) -> None:
    for rec in read_tsv(TOOLS / "indonesian_country_names.tsv"):
        key = rec["key"]
        qid = by_iso2.get(key, key if QID.match(key) else "")
        if qid not in rows or rows[qid].kind != "country":
            raise BuildError(f"indonesian_country_names.tsv: {key} is not a country of countries.tsv")
        check_name(rows[qid], rec["name_en"], "indonesian_country_names.tsv")
        relabel(rows[qid], rec["label_id"], split(rec["aliases"]))


def apply_extra_names(rows: dict[str, Row], by_iso2: dict[str, str]) -> None:
    for rec in read_tsv(TOOLS / "extra_names.tsv"):
        row = rows.get(rec["qid"])
        if row is None:
            raise BuildError(f"extra_names.tsv: {rec['qid']} is in none of the shared files")
        check_name(row, rec["name_en"], "extra_names.tsv")
        if rec["kind"]:
            if rec["kind"] not in KINDS:
                raise BuildError(f"extra_names.tsv: unknown kind {rec['kind']!r}")
            row.kind = rec["kind"]
        if rec["country"]:
            if rec["country"] not in by_iso2:
                raise BuildError(f"extra_names.tsv: unknown country code {rec['country']!r}")
            row.country_qid = by_iso2[rec["country"]]
        relabel(row, rec["label_id"], split(rec["aliases"]))
        drop = set(split(rec["drop_aliases"]))
        row.aliases = [a for a in row.aliases if a not in drop]


def finish(row: Row) -> list[str]:
    """The output columns; aliases exclude the labels and repeat no normalised name."""
    seen = {normalize(row.label_en), normalize(row.label_id)}
    aliases = []
    for alias in row.aliases:
        key = normalize(alias)
        if key and key not in seen and "|" not in alias:
            seen.add(key)
            aliases.append(alias)
    return [row.qid, row.kind, row.label_en, row.label_id, "|".join(aliases), row.country_qid,
            row.lat, row.lon]


def write(rows: dict[str, Row]) -> tuple[int, int]:
    ordered = sorted(rows.values(), key=Row.sort_key)
    names: dict[str, list[str]] = {}
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in ordered:
            cols = finish(row)
            if any("\t" in c or "\n" in c for c in cols):
                raise BuildError(f"{row.qid}: a name contains a tab or newline")
            out.write("\t".join(cols) + "\n")
            for name in [cols[2], cols[3], *split(cols[4])]:
                qids = names.setdefault(normalize(name), [])
                if name and row.qid not in qids:
                    qids.append(row.qid)
    ambiguous = {n: q for n, q in names.items() if n and len(q) > 1}
    with open(OUT_AMBIGUOUS, "w", encoding="utf-8", newline="") as out:
        out.write("name\tqids\n")
        for name in sorted(ambiguous):
            out.write(f"{name}\t{'|'.join(ambiguous[name])}\n")
    return len(ordered), len(ambiguous)


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "wikidata"
    try:
        rows = build(shared)
        count, ambiguous = write(rows)
    except (BuildError, OSError, KeyError, ValueError) as err:
        print(f"build_wikidata_table: {err}", file=sys.stderr)
        return 1
    kinds: dict[str, int] = {}
    for row in rows.values():
        kinds[row.kind] = kinds.get(row.kind, 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {count} rows "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
          f"{ambiguous} names shared by several rows -> {OUT_AMBIGUOUS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
