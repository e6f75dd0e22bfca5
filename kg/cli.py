"""The `kg` command line: one click group, one command per user task.

Errors a user can act on are one line on stderr and exit code 1; nothing
prints a traceback (set KG_DEBUG=1 to see one). Heavy imports (spaCy, the
model) happen inside the commands that need them, so `kg --help` and
`kg query` start fast.
"""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

DEFAULT_STORE = Path(".kg/store")
store_option = click.option("--store", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                            show_default=True, help="Store directory.")


class UserError(Exception):
    """Raised by commands for a clean one-line failure."""


def _known_errors() -> tuple[type[BaseException], ...]:
    from kg.lang import LanguageError
    from kg.query import QueryError
    from kg.store import StoreError

    return (UserError, QueryError, StoreError, LanguageError)


# Commands that live in their own modules, imported only when run (fast start-up).
LAZY_COMMANDS = {
    "eval": ("kg.evaluate:eval_command", "Score entities and events against a GOLD file (docs/GOLD.md)."),
    "eval-ner": ("kg.eval_ner:eval_ner_command", "Score the full entity pipeline (as `kg build` runs it) on CoNLL gold FILES."),
    "export": ("kg.export:export_command", "Export the graph (or a subset) for other tools."),
    "serve": ("kg.server:serve_command", "Serve SPARQL, the saved queries and a web page (read-only)."),
    "push": ("kg.push:push_command", "Send all named graphs to a SPARQL store (Graph Store Protocol)."),
}


class Group(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[name][0].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        """The command list, without importing the lazy commands' modules."""
        rows = [(name, LAZY_COMMANDS[name][1] if name in LAZY_COMMANDS
                 else self.commands[name].get_short_help_str(formatter.width - 20))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted; the store is unchanged", err=True)
            sys.exit(130)
        except Exception as err:  # noqa: BLE001 - the one place that turns errors into a line
            if os.environ.get("KG_DEBUG"):
                raise
            known = isinstance(err, _known_errors())
            message = str(err) if known else f"internal error: {type(err).__name__}: {err}"
            click.echo(f"error: {message.splitlines()[0] if message else type(err).__name__}", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crisis-kg")
def cli():
    """Build and query knowledge graphs of political-crisis news."""


def open_store(path: Path):
    from kg.store import GraphStore

    return GraphStore(path).open_read()


def existing_store(path: Path):
    """The store to update in place; an error if there is none yet."""
    from kg.store import GraphStore

    store = GraphStore(path)
    if not store.exists():
        raise UserError(f"no store at {path}: run `kg build` first")
    return store


# --- build --------------------------------------------------------------------

def identity_options(command):
    """How strictly reports in different articles are joined into one event (docs/IDENTITY.md)."""
    command = click.option("--no-merge", is_flag=True,
                           help="Keep every article's events apart: no joining across articles.")(command)
    return click.option("--merge-threshold", type=click.FloatRange(0, None), default=None, metavar="SCORE",
                        help="Score two reports must reach to be one event [2.5]; higher is stricter.")(command)


def identity_settings(merge_threshold: float | None, no_merge: bool):
    from kg.identity import IdentitySettings

    settings = IdentitySettings(merge=not no_merge)
    if merge_threshold is not None:
        settings.threshold = merge_threshold
    return settings


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--manifest", type=click.Path(path_type=Path), help="manifest.csv for .txt/.html inputs.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes [all cores].")
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
@click.option("--prune", is_flag=True, help="Drop documents that are no longer among the inputs.")
@click.option("--wait", is_flag=True, help="Wait for another build on the same store to finish.")
@identity_options
def build(inputs, store, manifest, jobs, no_model, prune, wait, merge_threshold, no_merge):
    """Read articles (default: seeds/) into the store.

    Unchanged documents are skipped, changed ones replaced; the store changes
    only when the build succeeds.
    """
    from kg.pipeline import build as run_build

    inputs = list(inputs) or [Path("seeds")]
    if manifest and not manifest.is_file():
        raise UserError(f"manifest {manifest} does not exist")
    show = sys.stderr.isatty()
    progress = (lambda n: click.echo(f"\r{n} documents", nl=False, err=True)) if show else None
    report = run_build(inputs, store, manifest=manifest, jobs=jobs, use_model=not no_model,
                       prune=prune, wait=wait, progress=progress,
                       identity=identity_settings(merge_threshold, no_merge))
    if show:
        click.echo("", err=True)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"built {report.built} documents ({report.unchanged} unchanged, {report.removed} removed) "
               f"into {store}: {report.quads} quads in {report.seconds:.1f} s")
    if report.built + report.unchanged == 0:
        raise UserError("no document could be read")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="N-Quads file to write.")
@click.option("--manifest", type=click.Path(path_type=Path), help="manifest.csv for .txt/.html inputs.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes [all cores].")
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
def extract(inputs, output, manifest, jobs, no_model):
    """Extract a shard of documents to N-Quads, without a store (for batch engines).

    Shards are deterministic and mergeable: load any number with `kg load`.
    """
    from kg.pipeline import extract_shard

    report = extract_shard(list(inputs), output, manifest=manifest, jobs=jobs, use_model=not no_model)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"extracted {report.built} documents to {output}: {report.quads} quads in {report.seconds:.1f} s")
    if report.built == 0:
        raise UserError("no document could be read")


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@click.option("--wait", is_flag=True, help="Wait for another writer on the same store to finish.")
@identity_options
def load(shards, store, wait, merge_threshold, no_merge):
    """Load N-Quads shards made by `kg extract`, replacing their documents; relabel and relink."""
    from kg.pipeline import load_shards

    report = load_shards(list(shards), store, wait=wait, identity=identity_settings(merge_threshold, no_merge))
    click.echo(f"loaded {report.built} documents from {len(shards)} shard(s) into {store}: "
               f"{report.quads} quads in {report.seconds:.1f} s")


# --- queries ------------------------------------------------------------------

@cli.command()
@click.argument("name")
@store_option
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
def query(name, store, params, fmt):
    """Run a saved query (NAME) or a .rq file."""
    from kg.query import find, parse_params, render, run

    saved = find(name)
    click.echo(render(run(open_store(store), saved, parse_params(params)), fmt).rstrip("\n"))


@cli.command()
def queries():
    """List the saved queries with their titles and parameters."""
    from kg.query import saved_queries

    for q in saved_queries():
        params = " ".join(f"--param {p.name}=…" if p.default is None else f"[--param {p.name}={p.default}]"
                          for p in q.params)
        click.echo(f"{q.name:28} {q.title}" + (f"  {params}" if params else ""))


@cli.command()
@store_option
def stats(store):
    """Counts of documents, sentences, mentions, entities and events."""
    from kg.stats import graph_stats

    for label, value in graph_stats(open_store(store)):
        click.echo(f"{label:40} {value}")


@cli.command()
@click.argument("name")
@store_option
def explain(name, store):
    """What the graph says about an entity, with each fact's evidence sentence."""
    from kg.explain import explain as explain_entity

    lines = explain_entity(open_store(store), name)
    if not lines:
        raise UserError(f"no entity named {name!r} in {store}")
    click.echo("\n".join(lines))


@cli.command()
@store_option
@click.option("--online", is_flag=True, help="Also ask Wikidata's API for what the offline table leaves unlinked.")
@click.option("--cache", type=click.Path(path_type=Path), default=Path(".kg/wikidata-cache"), show_default=True,
              help="Where answers from Wikidata are cached.")
@click.option("--api", default=None, help="Wikidata API URL (for mirrors and tests).")
def link(store, online, cache, api):
    """Link entities to Wikidata (owl:sameAs, coordinates); offline unless --online."""
    from kg.link import WikidataUnavailable, link_store_entities
    from kg.link.online import WikidataClient

    client = WikidataClient(**({"base_url": api} if api else {}), cache_dir=cache) if online else None
    try:
        with existing_store(store).write() as graph:
            summary = link_store_entities(graph, online=online, client=client)
    except WikidataUnavailable as err:
        raise UserError(f"{err}; the store is unchanged") from None
    methods = ", ".join(f"{k}: {v}" for k, v in sorted(summary.by_method.items()))
    click.echo(f"linked {summary.linked} of {summary.entities} entities ({methods})")


@cli.command()
@store_option
def validate(store):
    """Check the graph against the SHACL shapes (ontology/shapes.ttl)."""
    from kg.graphs import data_graph
    from kg.validate import format_report, validate as run_validation

    report = run_validation(data_graph(open_store(store)))
    click.echo(format_report(report))
    if not report.conforms:
        sys.exit(1)


@cli.command()
@store_option
def reason(store):
    """Add what OWL 2 RL infers, in its own graph (…/id/graph/inferred), replacing the last run."""
    from kg.graphs import data_graph, ontology_graph, replace_graph
    from kg.reason import reason as run_reasoner, summarize
    from kg.vocab import INFERRED_GRAPH

    with existing_store(store).write() as graph:
        inference = run_reasoner(data_graph(graph), ontology_graph())
        replace_graph(graph, INFERRED_GRAPH, inference.graph)
    click.echo(f"inferred {len(inference.graph)} triples in {inference.seconds:.1f} s "
               f"({inference.wikidata_links_set_aside} Wikidata links set aside)")
    for what, n in list(summarize(inference.graph).items())[:15]:
        click.echo(f"  {n:6}  {what}")
    for problem in inference.inconsistencies:
        click.echo(f"warning: {problem}", err=True)


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
