"""The `kg` command line: one click group, one command per user task, each a thin layer over kg.api.

Errors a user can act on are one line on stderr and exit code 1 (2 for a misused option);
nothing prints a traceback (set KG_DEBUG=1 to see one), and a reader that stops reading
(`kg query ... | head`) ends the command quietly. Heavy imports (spaCy, networkx) happen inside
the functions that need them, so `kg --help` and `kg query` start fast.
"""
from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

import click

from kg.api import DEFAULT_STORE, UserError
from kg.export import FORMATS

store_option = click.option("--store", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                            show_default=True, help="Store directory.")
param_option = click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
                            help="Query parameter (repeat for more).")


def _known_errors() -> tuple[type[BaseException], ...]:
    from kg.lang import LanguageError
    from kg.query import QueryError
    from kg.store import StoreError

    return (UserError, QueryError, StoreError, LanguageError)


# Commands that live in their own modules, imported only when run (fast start-up):
# name -> (module:function, summary, examples for --help).
LAZY_COMMANDS = {
    "eval": ("kg.evaluate:eval_command", "Score entities and events against a GOLD file (docs/GOLD.md).",
             "kg eval tests/gold/seeds.jsonl seeds\nkg eval tests/gold/seeds.jsonl seeds --json > scores.json"),
    "eval-ner": ("kg.eval_ner:eval_ner_command",
                 "Score the full entity pipeline (as `kg build` runs it) on CoNLL gold FILES.",
                 "kg eval-ner ../shared/data/nergrit/test_preprocess.txt\nkg eval-ner gold.conll --no-model"),
}


def examples(text: str) -> str:
    """An --help epilog whose lines click prints as written."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in text.splitlines())


class Group(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            target, _, example = LAZY_COMMANDS[name]
            module, attr = target.split(":")
            command = getattr(importlib.import_module(module), attr)
            command.epilog = command.epilog or examples(example)
            return command
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
        except click.exceptions.Exit:
            raise
        except click.ClickException as err:   # a misused option or argument: one line, like the rest
            hint = f" (see `{err.ctx.command_path} --help`)" if isinstance(err, click.UsageError) and err.ctx else ""
            click.echo(f"error: {err.format_message()}{hint}", err=True)
            sys.exit(err.exit_code)
        except (click.exceptions.Abort, BrokenPipeError):
            raise   # click ends a broken pipe quietly
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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=examples("kg build seeds\nkg query timeline\nkg export --format acled-csv -o events.csv\n"
                             "kg serve"))
@click.version_option(package_name="crisis-kg")
def cli():
    """Build and query knowledge graphs of political-crisis news.

    Every command that reads a store takes --store DIR (default .kg/store); `kg COMMAND --help`
    shows its options with examples.
    """


def _params(items) -> dict[str, str]:
    from kg.query import parse_params

    return parse_params(items)


# --- build --------------------------------------------------------------------

def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


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


def progress_line(done: int, total: int, elapsed: float) -> str:
    """"120/5,000 documents (2%), 12 s, about 8 min 03 s left": the time left at the rate so far."""
    line = f"{done:,}/{total:,} documents ({100 * done // max(total, 1)}%), {_duration(elapsed)}"
    if 0 < done < total:
        line += f", about {_duration(elapsed / done * (total - done))} left"
    return line


@cli.command(epilog=examples("kg build\nkg build seeds more/news.jsonl --store /data/kg\n"
                             "kg build corpus/ --prune --jobs 4\nkg build articles/ --manifest meta.csv --no-model\n"
                             "kg build corpus/ --merge-threshold 4   # join fewer reports into one event\n"
                             "kg build corpus/ --scheduler local:4   # a Dask cluster of 4 local workers\n"
                             "kg build corpus/ --scheduler tcp://10.0.0.5:8786 --endpoint http://kg:7878/store"))
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--manifest", type=click.Path(path_type=Path), help="manifest.csv for .txt/.html inputs.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes [all cores].")
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
@click.option("--prune", is_flag=True, help="Drop documents that are no longer among the inputs.")
@click.option("--wait", is_flag=True, help="Wait for another build on the same store to finish.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: tcp://HOST:PORT, or local:N for N local worker processes.")
@click.option("--endpoint", metavar="URL", help="Then push the graph to this SPARQL store, as `kg push` does.")
@identity_options
def build(inputs, store, manifest, jobs, no_model, prune, wait, scheduler, endpoint, merge_threshold, no_merge):
    """Read articles (default: seeds/) into the store.

    Unchanged documents are skipped, changed ones replaced; the store changes only when the build
    succeeds. On a terminal, progress shows the documents done of the total and the time left.
    With --scheduler the work runs on a Dask cluster (pip install 'crisis-kg[dask]'); the graph
    is the one a build on this machine gives.
    """
    from kg import api

    started, show = time.monotonic(), sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        click.echo(f"\r{progress_line(done, total, time.monotonic() - started)}\033[K", nl=False, err=True)

    report = api.build(list(inputs) or ["seeds"], store, manifest=manifest, jobs=jobs, use_model=not no_model,
                       prune=prune, wait=wait, progress=progress if show else None,
                       identity=identity_settings(merge_threshold, no_merge), scheduler=scheduler)
    if show:
        click.echo("", err=True)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    if report.built + report.unchanged == 0:
        raise UserError("no document could be read")
    click.echo(f"built {report.built} documents ({report.unchanged} unchanged, {report.removed} removed) "
               f"into {store}: {report.quads} quads in {report.seconds:.1f} s")
    if endpoint:
        pushed = api.push(endpoint, store)
        click.echo(f"pushed {pushed.graphs} graphs ({pushed.quads} quads) to {endpoint} "
                   f"in {pushed.requests} requests ({pushed.method})")


@cli.command(epilog=examples("kg extract part-0001/ -o part-0001.nq\n"
                             "ls corpus/*.jsonl | parallel kg extract {} -o shards/{/.}.nq --jobs 1"))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="N-Quads file to write.")
@click.option("--manifest", type=click.Path(path_type=Path), help="manifest.csv for .txt/.html inputs.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes [all cores].")
@click.option("--no-model", is_flag=True, help="Rules only, without the trained NER model.")
def extract(inputs, output, manifest, jobs, no_model):
    """Extract a shard of documents to N-Quads, without a store (for batch engines).

    Shards are deterministic and mergeable: load any number with `kg load`.
    """
    from kg import api

    report = api.extract(inputs, output, manifest=manifest, jobs=jobs, use_model=not no_model)
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    if report.built == 0:
        raise UserError("no document could be read")
    click.echo(f"extracted {report.built} documents to {output}: {report.quads} quads in {report.seconds:.1f} s")


@cli.command(epilog=examples("kg load shards/*.nq\nkg load part-0001.nq part-0002.nq --store /data/kg"))
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

@cli.command(epilog=examples("kg query timeline\nkg query evidence --param name=NAME --format csv\n"
                             "kg query events_at_place -p place=PLACE -p unasserted=true\n"
                             "kg query my-query.rq --store /data/kg --format json"))
@click.argument("name")
@store_option
@param_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json is SPARQL 1.1 Query Results JSON.")
def query(name, store, params, fmt):
    """Run a saved query (NAME, see `kg queries`) or a .rq file."""
    from kg import api

    click.echo(api.query(name, store, _params(params), fmt).rstrip("\n"))


@cli.command(epilog=examples("kg queries\nkg queries | grep event"))
@store_option
def queries(store):
    """List the saved queries with their titles and parameters.

    The list does not depend on the store; --store is taken, as by every command, so that one
    set of options serves them all.
    """
    from kg.query import saved_queries

    for q in saved_queries():
        params = " ".join(f"--param {p.name}=…" if p.default is None else f"[--param {p.name}={p.default}]"
                          for p in q.params)
        click.echo(f"{q.name:28} {q.title}" + (f"  {params}" if params else ""))


@cli.command(epilog=examples("kg stats\nkg stats --store /data/kg"))
@store_option
def stats(store):
    """Counts of documents, sentences, mentions, entities and events."""
    from kg.api import open_store
    from kg.stats import graph_stats

    for label, value in graph_stats(open_store(store)):
        click.echo(f"{label:40} {value}")


@cli.command(epilog=examples('kg explain NAME\nkg explain "FULL NAME OF A BODY"\n'
                             "kg explain https://w3id.org/crisis-kg/id/place/PLACE-SLUG"))
@click.argument("name")
@store_option
def explain(name, store):
    """What the graph says about an entity, with each fact's evidence sentence."""
    from kg import api

    click.echo("\n".join(api.explain(name, store)))


@cli.command(epilog=examples("kg link\nkg link --online\nkg link --online --api http://localhost:8080/w/api.php"))
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
        with _existing(store).write() as graph:
            summary = link_store_entities(graph, online=online, client=client)
    except WikidataUnavailable as err:
        raise UserError(f"{err}; the store is unchanged") from None
    methods = ", ".join(f"{k}: {v}" for k, v in sorted(summary.by_method.items()))
    click.echo(f"linked {summary.linked} of {summary.entities} entities ({methods})")


def _existing(path: Path):
    """The store to update in place; an error if there is none yet."""
    from kg.store import GraphStore

    store = GraphStore(path)
    if not store.exists():
        raise UserError(f"no store at {path}: run `kg build` first")
    return store


@cli.command(epilog=examples("kg validate\nkg validate --store /data/kg || echo 'see the problems above'"))
@store_option
def validate(store):
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it does not conform."""
    from kg.api import open_store
    from kg.graphs import data_graph
    from kg.validate import format_report, validate as run_validation

    report = run_validation(data_graph(open_store(store)))
    click.echo(format_report(report))
    if not report.conforms:
        sys.exit(1)


@cli.command(epilog=examples("kg reason\nkg reason --store /data/kg"))
@store_option
def reason(store):
    """Add what OWL 2 RL infers, in its own graph (…/id/graph/inferred), replacing the last run."""
    from kg.graphs import data_graph, ontology_graph, replace_graph
    from kg.reason import reason as run_reasoner, summarize
    from kg.vocab import INFERRED_GRAPH

    with _existing(store).write() as graph:
        inference = run_reasoner(data_graph(graph), ontology_graph())
        replace_graph(graph, INFERRED_GRAPH, inference.graph)
    click.echo(f"inferred {len(inference.graph)} triples in {inference.seconds:.1f} s "
               f"({inference.wikidata_links_set_aside} Wikidata links set aside)")
    for what, n in list(summarize(inference.graph).items())[:15]:
        click.echo(f"  {n:6}  {what}")
    for problem in inference.inconsistencies:
        click.echo(f"warning: {problem}", err=True)


# --- export, serve, push ------------------------------------------------------

FORMAT_LIST = "\n".join(f"  {name:10} {what}" for name, (_, what) in FORMATS.items())


@cli.command("export", epilog="\b\nFormats:\n" + FORMAT_LIST + "\n\n" + examples(
    "kg export --format acled-csv -o events.csv\nkg export --format geojson --since 2022-01-05 -o events.geojson\n"
    "kg export --format gexf -o crisis.gexf\nkg export --format dot | sfdp -Tsvg > graph.svg\n"
    "kg export --format graphml --query actor_network -o actors.graphml\nkg export --format ttl --type Protest"))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="Output format (see below).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File [stdout].")
@store_option
@click.option("--query", "query_name", metavar="NAME", help="Export a CONSTRUCT saved query's result.")
@param_option
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
    from kg import api

    api.export(fmt, output, store, query=query_name, params=_params(params), only_type=only_type,
               since=since, until=until, unasserted=unasserted)


@cli.command("serve", epilog=examples(
    "kg serve\nkg serve --port 8000 --store /data/kg --timeout 10\nkg serve --online   # allow SERVICE to Wikidata\n"
    "kg serve --host 0.0.0.0 --cors https://analysts.example.org"))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@store_option
@click.option("--timeout", type=click.FloatRange(0.1), default=30, show_default=True, help="Query time limit (s).")
@click.option("--max-results", type=click.IntRange(1), default=10000, show_default=True,
              help="Most solutions or triples in one answer.")
@click.option("--max-body", type=click.IntRange(1), default=1 << 20, show_default=True,
              help="Largest request body (bytes).")
@click.option("--cors", metavar="ORIGIN", help="Allow browser pages from ORIGIN (or *) to query.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="Query processes.")
@click.option("--max-bytes", type=click.IntRange(1), default=100 << 20, show_default=True,
              help="Largest answer (bytes); a bigger one is refused with 503.")
@click.option("--online", is_flag=True, help="Let queries call Wikidata's SPARQL endpoint with SERVICE.")
@click.option("--service", "services", multiple=True, metavar="URL",
              help="Another SPARQL endpoint queries may call with SERVICE (repeat for more).")
def serve_command(host, port, store, timeout, max_results, max_body, cors, workers, max_bytes, online, services):
    """Serve SPARQL, the saved queries and a web page (read-only).

    SERVICE calls are refused unless to an endpoint allowed by --online or --service.
    """
    from kg import api

    def ready(url: str) -> None:
        click.echo(f"serving {store} at {url} (SPARQL at /sparql; Ctrl-C stops)", err=True)

    api.serve(store, host, port, timeout=timeout, max_results=max_results, max_body=max_body, max_bytes=max_bytes,
              cors=cors, workers=workers, online=online, services=services, ready=ready)


@cli.command("push", epilog=examples("kg push --endpoint http://localhost:7878/store\n"
                                     "kg push --endpoint http://host:3030/crisis --auth admin:secret --per-graph"))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store endpoint, e.g. http://host:7878/store (Oxigraph), http://host:3030/ds (Fuseki).")
@store_option
@click.option("--batch", type=click.IntRange(1), default=1000, show_default=True, help="Graphs per request.")
@click.option("--auth", metavar="USER:PASS", envvar="KG_PUSH_AUTH", help="HTTP basic credentials [$KG_PUSH_AUTH].")
@click.option("--per-graph", is_flag=True, help="PUT graph by graph, leaving the remote's other graphs alone.")
def push_command(endpoint: str, store: Path, batch: int, auth: str | None, per_graph: bool):
    """Send all named graphs to a SPARQL store (Graph Store Protocol)."""
    from kg import api

    report = api.push(endpoint, store, batch=batch, auth=auth, per_graph=per_graph)
    click.echo(f"pushed {report.graphs} graphs ({report.quads} quads) to {endpoint} "
               f"in {report.requests} requests ({report.method})")


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
