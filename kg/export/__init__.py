"""`kg export`: the graph in the formats of RDF stores, network tools, maps and browsers.

RDF formats write the quads; the others draw the node/edge model of ``model.py``. A subset is a
CONSTRUCT saved query's result (--query), one class (--type) or a date range of events
(--since/--until); for RDF formats --type and the dates keep the statements about the kept nodes.
Like the saved queries, every export but the whole graph in an RDF format (the raw graph, complete)
leaves out events the text does not assert (negated, future, conditional ...) unless --unasserted.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable

import click
import pyoxigraph as ox

from kg.cli import UserError, open_store, store_option
from kg.vocab import ONTOLOGY_GRAPH

from . import model, network, rdf
from .html import write_html

GRAPH_WRITERS = {**network.WRITERS, "html": write_html}
FORMATS = [*rdf.WRITERS, *GRAPH_WRITERS]
QUERY_GRAPH = ox.NamedNode("urn:crisis-kg:query-result")


def query_source(store: ox.Store, name: str, params: tuple[str, ...],
                 unasserted: bool = False) -> tuple[ox.Store, list[ox.Quad]]:
    """A CONSTRUCT saved query's triples, in a memory store that also holds the ontology.
    --unasserted sets the query's own ``unasserted`` parameter, unless --param gives it."""
    from kg.query import find, parse_params, run

    saved = find(name)
    if saved.kind not in ("CONSTRUCT", "DESCRIBE"):
        raise UserError(f"query {name} is a {saved.kind} query; --query needs a CONSTRUCT query")
    values = parse_params(params)
    if unasserted and any(p.name == "unasserted" for p in saved.params):
        values.setdefault("unasserted", "true")
    triples = list(run(store, saved, values))
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object, QUERY_GRAPH) for t in triples)
    memory.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH)))
    return memory, [ox.Quad(t.subject, t.predicate, t.object) for t in triples]


def _write(path: Path | None, write) -> None:
    """Write to the file through a temporary one, so a failure leaves no half file."""
    if path is None:
        try:
            write(sys.stdout.buffer)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader (e.g. `head`) has seen enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as out:
            write(out)
        os.replace(tmp, path)
    except OSError as err:
        raise UserError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        tmp.unlink(missing_ok=True)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File [stdout].")
@store_option
@click.option("--query", "query_name", metavar="NAME", help="Export a CONSTRUCT saved query's result.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Parameter of --query.")
@click.option("--type", "only_type", metavar="CLASS", help="Keep nodes of this class (e.g. Person, Protest).")
@click.option("--since", metavar="DATE", help="Keep events on or after this date (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Keep events on or before this date (YYYY-MM-DD).")
@click.option("--unasserted", is_flag=True,
              help="Include negated, future, conditional, hypothetical ... events, left out by default.")
def export_command(fmt, output, store, query_name, params, only_type, since, until, unasserted):
    """Export the graph (or a subset) for other tools.

    Events the text does not assert (crisis:negated, crisis:modality) are left out with their
    edges, rows and features unless --unasserted; ttl, trig, nq and jsonld of the whole graph
    are the raw graph and hold everything.
    """
    try:
        since, until = model.check_date(since, "--since"), model.check_date(until, "--until")
        main = open_store(store)
        source, quads = (query_source(main, query_name, params, unasserted) if query_name
                         else (main, main.quads_for_pattern(None, None, None, None)))
        subset = bool(only_type or since or until)
        graph = (model.read_graph(source, only_type, since, until, unasserted)
                 if subset or fmt in GRAPH_WRITERS else None)
    except model.SubsetError as err:
        raise UserError(str(err)) from None
    if fmt in rdf.WRITERS:
        if graph is not None:
            quads = _about(quads, graph)
        _write(output, lambda out: rdf.WRITERS[fmt](quads, out))
    else:
        _write(output, lambda out: GRAPH_WRITERS[fmt](graph, out))


def _about(quads: Iterable[ox.Quad], graph: model.Graph) -> Iterable[ox.Quad]:
    return (q for q in quads if isinstance(q.subject, ox.NamedNode) and q.subject.value in graph.nodes)
