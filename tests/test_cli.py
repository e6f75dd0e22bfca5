"""The command line: results, and one clear error line for bad use."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, list(args))
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
        (("build", str(tmp_path / "missing"), "--store", str(tmp_path / "s")), "no document could be read"),
        (("explain", "Nobody Atall", "--store", str(seed_store)), "no entity named"),
    ]
    for args, expected in cases:
        code, _, err = run(*args)
        assert code == 1, args
        last = err.strip().splitlines()[-1]
        assert last.startswith("error: ") and expected in last, (args, err)
        assert "Traceback" not in err


def test_explain_gives_facts_with_sentences(seed_store):
    code, out, _ = run("explain", "CSTO", "--store", str(seed_store))
    assert code == 0
    assert "Collective Security Treaty Organization" in out.splitlines()[0]
    assert "owl:sameAs wd:Q318693" in out
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

    for name, (target, summary) in LAZY_COMMANDS.items():
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        assert (command.help or "").startswith(summary.rstrip(".")), name
    loaded = subprocess.run([sys.executable, "-c", "import sys; from kg.cli import cli; "
                             "sys.argv = ['kg', '--help']\ntry: cli()\nexcept SystemExit: pass\n"
                             "print(sorted(m for m in sys.modules if m.startswith(('kg.', 'networkx', 'spacy'))))"],
                            capture_output=True, text=True).stdout.splitlines()[-1]
    assert "networkx" not in loaded and "spacy" not in loaded and "kg.export" not in loaded
