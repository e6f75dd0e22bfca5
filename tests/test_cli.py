"""The command line: results, and one clear error line for bad use."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, list(args), prog_name="kg")
    return result.exit_code, result.stdout, result.stderr


def test_query_formats(seed_store):
    code, out, _ = run("query", "documents", "--store", str(seed_store), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"][:3] == ["id", "published", "publisher"]
    published = {b["id"]["value"]: b["published"]["value"] for b in data["results"]["bindings"]}
    assert published["002_996e9b703d4280fc"] == "2022-01-06"
    code, out, _ = run("query", "documents", "--store", str(seed_store), "--format", "csv")
    assert out.splitlines()[0].startswith("id,published,publisher")
    assert len(out.splitlines()) == 6


def test_param_is_bound_not_pasted(seed_store):
    code, out, _ = run("query", "evidence", "--store", str(seed_store), "-p", "name=CSTO", "--format", "tsv")
    assert code == 0 and len(out.splitlines()) > 5
    for hostile in ['"} DROP ALL {"', "x\" ) } SELECT * WHERE { ?s ?p ?o } #", "a" * 100_000]:
        code, out, err = run("query", "evidence", "--store", str(seed_store), "-p", f"name={hostile}",
                             "--format", "csv")
        assert code == 0 and err == ""
        assert out.splitlines() == ["name,entity,document,anchor,text"]


def test_errors_are_one_line(seed_store, tmp_path):
    cases = [
        (("query", "no_such_query", "--store", str(seed_store)), "unknown query 'no_such_query'"),
        (("query", "evidence", "--store", str(seed_store)), "needs --param name=VALUE"),
        (("query", "documents", "--store", str(tmp_path / "none")), "no store at"),
        (("query", "evidence", "--store", str(seed_store), "-p", "nope"), "--param expects KEY=VALUE"),
        (("build", str(tmp_path / "missing"), "--store", str(tmp_path / "s")),
         f"nothing to build: {tmp_path / 'missing'}: no such file or directory"),
        (("export", "--format", "geojson", "--since", "2022-13-01", "--store", str(seed_store)),
         "--since expects a date YYYY-MM-DD, got '2022-13-01'"),
        (("explain", "Nobody Atall", "--store", str(seed_store)), "no entity named"),
    ]
    for args, expected in cases:
        code, _, err = run(*args)
        assert code == 1, args
        last = err.strip().splitlines()[-1]
        assert last.startswith("error: ") and expected in last, (args, err)
        assert "Traceback" not in err
    assert not (tmp_path / "s").exists()         # reported before any work: no store was made


def test_explain_gives_facts_with_sentences(seed_store):
    code, out, _ = run("explain", "CSTO", "--store", str(seed_store))
    assert code == 0
    assert "Collective Security Treaty Organization" in out.splitlines()[0]
    assert "Wikidata Q318693" in out
    assert "“" in out


def test_queries_lists_titles():
    code, out, _ = run("queries")
    names = [line.split()[0] for line in out.splitlines()]
    assert len(names) >= 10 and "timeline" in names and "evidence" in names


def test_help_lists_lazy_commands_with_their_own_help_without_importing_them():
    import importlib
    import subprocess
    import sys

    from kg.cli import LAZY_COMMANDS

    for name, (target, summary, _) in LAZY_COMMANDS.items():
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        assert (command.help or "").startswith(summary.rstrip(".")), name
    loaded = subprocess.run([sys.executable, "-c", "import sys; from kg.cli import cli; "
                             "sys.argv = ['kg', '--help']\ntry: cli()\nexcept SystemExit: pass\n"
                             "print(sorted(m for m in sys.modules if m.startswith(('kg.', 'networkx', 'spacy'))))"],
                            capture_output=True, text=True).stdout.splitlines()[-1]
    assert "networkx" not in loaded and "spacy" not in loaded and "kg.export.model" not in loaded


def test_usage_errors_are_one_line():
    for args, expected in [(("export", "--format", "nope"), "error: Invalid value for '--format': 'nope' is not"),
                           (("query",), "error: Missing argument 'NAME'."),
                           (("build", "--jobs", "0"), "error: Invalid value for '--jobs'")]:
        code, out, err = run(*args)
        assert code == 2 and out == "", args
        assert err.count("\n") == 1 and err.startswith(expected), err
        assert f"(see `kg {args[0]} --help`)" in err


def test_every_command_has_examples_and_every_reader_of_a_store_takes_store():
    from click import Context

    ctx = Context(cli)
    without_store = set()
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        code, out, _ = run(name, "--help")
        assert code == 0 and "Examples:\n" in out, name
        examples = out.split("Examples:\n", 1)[1].splitlines()
        assert examples and all(line.strip().startswith(f"kg {name}") or " kg " in line
                                for line in examples if line.strip()), (name, examples)
        if "--store" not in {opt for p in command.params for opt in p.opts}:
            without_store.add(name)
    assert without_store == {"extract", "eval", "eval-ner"}       # the commands that never open a store


def test_progress_shows_the_total_and_the_time_left():
    from kg.cli import progress_line

    assert progress_line(120, 5000, 12.0) == "120/5,000 documents (2%), 12 s, about 8 min 08 s left"
    assert progress_line(2500, 5000, 4000.0) == "2,500/5,000 documents (50%), 1 h 06 min, about 1 h 06 min left"
    assert progress_line(5000, 5000, 30.4) == "5,000/5,000 documents (100%), 30 s"


def test_a_closed_pipe_ends_quietly(seed_store):
    """`kg ... | head -1`: the reader has gone; no error line, no traceback."""
    import subprocess
    import sys

    for args in (["stats"], ["query", "timeline"], ["export", "--format", "nq"], ["explain", "CSTO"]):
        process = subprocess.Popen([sys.executable, "-m", "kg.cli", *args, "--store", str(seed_store)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdout.close()                 # before the command writes anything
        err = process.stderr.read().decode()
        process.wait(60)
        assert err == "" and process.returncode == 1, (args, err)


def test_a_failed_service_call_is_one_line(seed_store, tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]            # closed again: nothing listens there
    query = tmp_path / "remote.rq"
    query.write_text(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}\n")
    code, out, err = run("query", str(query), "--store", str(seed_store))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"error: query remote: SERVICE <http://127.0.0.1:{port}/sparql> failed: "), err


def test_no_library_module_imports_the_cli():
    import ast
    from pathlib import Path

    import kg

    importers = []
    for path in Path(kg.__file__).parent.rglob("*.py"):
        if path.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "kg.cli" or n.startswith("kg.cli.") for n in names):
                importers.append(path.name)
    assert importers == []
