"""Saved SPARQL queries: headers, safe parameter binding, result formats.

A saved query is a ``.rq`` file starting with comment headers::

    # title: Persons and their roles
    # description: Everyone named, with the titles the articles give them.
    # param: name string  The person's name, as written
    # param: unasserted boolean=false  Also show negated, future, hypothetical ... events

A parameter is ``NAME TYPE description`` or ``NAME TYPE=DEFAULT description``; TYPE is
string (the default), iri, date, integer or boolean. One without a default must be given;
one with a default is optional, so a switch such as ``unasserted`` can leave events out
unless asked. Parameters are bound as RDF terms through SPARQL substitution (SEP-0007),
never pasted into the query text, so a value cannot change the query. Oxigraph substitutes
only variables in scope at the top: a SELECT must project the variable, a CONSTRUCT must
have it in scope (e.g. projected by a subquery).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from kg.ontology import resource_dir

QUERIES_DIR = resource_dir("queries")
PARAM_TYPES = ("string", "iri", "date", "integer", "boolean")
XSD = "http://www.w3.org/2001/XMLSchema#"
FORMATS = ("table", "csv", "tsv", "json")
CELL_WIDTH = 60
BAD_IRI = re.compile(r'[\s<>"{}|\\^`]')


class QueryError(Exception):
    """A query that cannot run as asked; printed as one line."""


@dataclass
class Param:
    name: str
    type: str = "string"
    description: str = ""
    default: str | None = None    # None: the parameter must be given


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return operation(self.text)


def operation(text: str) -> str:
    """The first keyword after comments and the prologue: SELECT, CONSTRUCT, INSERT, DROP..."""
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    body = re.sub(r"(?is)^\s*(PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*", "", body)
    return body.split(None, 1)[0].upper() if body.strip() else "SELECT"


def parse(path: Path) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"cannot read query {path}: {err}") from None
    saved = SavedQuery(path.stem, path, text)
    for line in text.splitlines():
        m = re.match(r"\s*#\s*(title|description|param)\s*:\s*(.*)$", line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            parts = value.split(None, 2)
            if not parts:
                continue
            param = Param(parts[0], description=" ".join(parts[1:]))
            kind, has_default, default = parts[1].partition("=") if len(parts) > 1 else ("", "", "")
            if kind in PARAM_TYPES:
                param.type, param.description = kind, " ".join(parts[2:])
                param.default = default if has_default else None
            if param.default is not None:   # a wrong default is the query's fault: say so on loading
                try:
                    _term(param, param.default)
                except QueryError as err:
                    raise QueryError(f"query {saved.name}: default of {err}") from None
            saved.params.append(param)
        else:
            setattr(saved, key, value)
    return saved


def saved_queries(directory: Path = QUERIES_DIR) -> list[SavedQuery]:
    return [parse(p) for p in sorted(directory.glob("*.rq"))]


def find(name_or_path: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return parse(path)
    candidate = directory / f"{name_or_path}.rq"
    if candidate.exists():
        return parse(candidate)
    names = ", ".join(q.name for q in saved_queries(directory))
    raise QueryError(f"unknown query {name_or_path!r}; saved queries: {names}")


def parse_params(items) -> dict[str, str]:
    """KEY=VALUE strings from the command line into a dict."""
    values = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param expects KEY=VALUE, got {item!r}")
        values[key] = value
    return values


def bind(saved: SavedQuery, values: dict[str, str]) -> dict[ox.Variable, object]:
    """Check and convert parameter values to RDF terms."""
    declared = {p.name: p for p in saved.params}
    unknown = set(values) - set(declared)
    if unknown:
        raise QueryError(f"query {saved.name} has no parameter {sorted(unknown)[0]!r}"
                         f" (parameters: {', '.join(declared) or 'none'})")
    missing = [p.name for p in saved.params if p.name not in values and p.default is None]
    if missing:
        raise QueryError(f"query {saved.name} needs --param {missing[0]}=VALUE")
    values = {**{p.name: p.default for p in saved.params if p.default is not None}, **values}
    return {ox.Variable(name): _term(declared[name], value) for name, value in values.items()}


def _term(param: Param, value: str):
    if param.type == "iri":
        if not value or BAD_IRI.search(value) or ":" not in value:
            raise QueryError(f"parameter {param.name} must be an IRI, got {value[:80]!r}")
        return ox.NamedNode(value)
    if param.type == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"parameter {param.name} must be a date YYYY-MM-DD, got {value[:80]!r}") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if param.type == "integer":
        if not re.fullmatch(r"-?\d{1,18}", value):
            raise QueryError(f"parameter {param.name} must be an integer, got {value[:80]!r}")
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    if param.type == "boolean":
        if value.lower() not in ("true", "false"):
            raise QueryError(f"parameter {param.name} must be true or false, got {value[:80]!r}")
        return ox.Literal(value.lower(), datatype=ox.NamedNode(XSD + "boolean"))
    return ox.Literal(value)


# SERVICE, then whitespace, comments and SILENT, then what it calls: read from the raw text.
SERVICE_CALL = re.compile(r"SERVICE(?:\s+|#[^\n]*)*(?:SILENT(?:\s+|#[^\n]*)*)?([^\s{#]*)", re.I)


def services(text: str) -> list[str]:
    """What each SERVICE in a query calls, as written: ``<IRI>``, a prefixed name or a variable.

    Read from the raw text, strings and comments included, so that no way of writing a query
    hides a call (Oxigraph even reads ``1SERVICE<…>``): a false alarm costs a refusal, a miss a
    request to anywhere. What follows SERVICE is a call unless it cannot be one: neither an IRI
    nor a variable, and without the colon of a prefixed name ("service desk", ``ex:ServiceArea``)."""
    return [t for t in SERVICE_CALL.findall(text) if t.startswith(("<", "?", "$")) or ":" in t]


def refused_services(text: str, allowed) -> list[str]:
    """The SERVICE calls of a query that are not to an allowed endpoint (an absolute IRI, exactly)."""
    return [t for t in services(text) if not (t.startswith("<") and t.endswith(">") and t[1:-1] in allowed)]


UPDATES = {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def run(store: ox.Store, saved: SavedQuery, values: dict[str, str] | None = None):
    if saved.kind in UPDATES:
        raise QueryError(f"query {saved.name} is an update ({saved.kind}); queries only read the store")
    substitutions = bind(saved, values or {})
    try:
        return store.query(saved.text, use_default_graph_as_union=True,
                           substitutions=substitutions or None)
    except SyntaxError as err:
        raise QueryError(f"query {saved.name} is not valid SPARQL: {str(err).splitlines()[0]}") from None
    except RuntimeError as err:
        raise QueryError(f"query {saved.name}: {str(err).splitlines()[0]}") from None


def answer(store: ox.Store, saved: SavedQuery, values: dict[str, str] | None = None, fmt: str = "table") -> str:
    """The query's results as text (see render); a SERVICE call that fails (no network, the
    remote refuses or times out) is one QueryError naming the endpoint."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    try:
        return render(run(store, saved, values), fmt)
    except (OSError, RuntimeError) as err:
        called = services(saved.text)
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if called:
            raise QueryError(f"query {saved.name}: SERVICE {', '.join(called)} failed: {reason} "
                             "(the query needs the network and the endpoint)") from None
        if isinstance(err, RuntimeError):
            raise QueryError(f"query {saved.name}: {reason}") from None
        raise


# --- output -------------------------------------------------------------------

def cell(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def rows_of(results) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in results.variables]
    return names, [[cell(sol[n]) for n in names] for sol in results]


def render(results, fmt: str) -> str:
    """Render SELECT/ASK/CONSTRUCT results as text in the requested format."""
    if isinstance(results, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(results)}) if fmt == "json" else str(bool(results)).lower()
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES).decode()
    if fmt == "json":
        return results.serialize(format=ox.QueryResultsFormat.JSON).decode()
    names, rows = rows_of(results)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[c.replace("\t", " ").replace("\n", " ") if fmt == "tsv" else c for c in r]
                          for r in rows])
        return out.getvalue()
    return table(names, rows)


def table(names: list[str], rows: list[list[str]]) -> str:
    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"

    rows = [[short(c) for c in r] for r in rows]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
