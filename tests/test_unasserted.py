"""Events the text does not assert (crisis:negated, crisis:modality) are left out of every saved
query and export by default, and come back with unasserted=true / --unasserted."""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from graph_fixture import make_store

from kg.cli import cli
from kg.query import QueryError, bind, find, parse, rows_of, run, saved_queries
from kg.store import GraphStore

ID = "https://w3id.org/crisis-kg/id/event/"
PROTEST, DEPLOY, STATEMENT = ID + "lk-1-protest", ID + "lk-1-deploy", ID + "lk-1-statement"
RIOT, PLAN, DENIAL, PROMISE = ID + "lk-1-riot", ID + "lk-1-plan", ID + "lk-1-denial", ID + "lk-1-promise"
UNASSERTED = {RIOT, PLAN, DENIAL, PROMISE}

# graph_fixture's store (with its negated riot) and one more sentence: a planned deployment, a denied
# and a promised statement, and what each query reads (triggers, dates, actors, figures) for all.
MORE = r"""
@prefix crisis: <https://w3id.org/crisis-kg/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/crisis-kg/id/> .
@prefix doc: <https://w3id.org/crisis-kg/id/doc/lk-1#> .

id:doc\/lk-1 {
  doc:char\=141\,260 a nif:Sentence ; nif:beginIndex 141 ; nif:endIndex 260 ; nif:referenceContext id:doc\/lk-1 ;
      nif:isString "Tidak ada kerusuhan, kata Ranil; tentara akan dikerahkan lagi, dan ia berjanji akan bicara." .
}

doc:char\=141\,260 {
  id:event\/lk-1-protest a crisis:Protest ; crisis:evidence doc:char\=141\,260 ; crisis:hasFigure id:fig\/protest .
  id:fig\/protest crisis:countProperty crisis:killed ; rdf:value 2 ; crisis:qualifier "exact" .
  id:event\/lk-1-riot a crisis:Riot ; crisis:evidence doc:char\=141\,260 ; crisis:negated true ;
      crisis:trigger "kerusuhan"@id ; crisis:date "2022-07-11"^^xsd:date ; crisis:agent id:group\/protesters ;
      crisis:hasFigure id:fig\/riot .
  id:fig\/riot crisis:countProperty crisis:injured ; rdf:value 5 ; crisis:qualifier "exact" .
  id:event\/lk-1-plan a crisis:MilitaryDeployment ; crisis:evidence doc:char\=141\,260 ; crisis:modality "future" ;
      crisis:trigger "dikerahkan"@id ; crisis:date "2022-07-15"^^xsd:date ; crisis:endDate "2022-07-20"^^xsd:date ;
      crisis:agent id:organization\/sri-lanka-army ; crisis:target id:group\/protesters ;
      crisis:place id:place\/colombo ; crisis:hasFigure id:fig\/plan .
  id:fig\/plan crisis:countProperty crisis:deployed ; rdf:value 500 ; crisis:qualifier "about" .
  id:event\/lk-1-denial a crisis:Statement ; crisis:evidence doc:char\=141\,260 ; crisis:negated true ;
      crisis:trigger "kata"@id ; crisis:date "2022-07-12"^^xsd:date ;
      crisis:speaker id:person\/ranil-wickremesinghe ; crisis:quote "Tidak ada kerusuhan"@id .
  id:event\/lk-1-promise a crisis:Statement ; crisis:evidence doc:char\=141\,260 ; crisis:modality "promise" ;
      crisis:trigger "berjanji"@id ; crisis:date "2022-07-12"^^xsd:date ;
      crisis:speaker id:person\/ranil-wickremesinghe ; crisis:quote "akan bicara"@id .
}

<https://w3id.org/crisis-kg/id/graph/identity> {
  id:event\/lk-1-protest crisis:report id:event\/lk-1-protest , id:event\/lk-2-protest ;
      crisis:merge <https://w3id.org/crisis-kg/id/event/lk-1-protest/merge/0> .
  id:event\/lk-1-protest crisis:inDocument id:doc\/lk-1 . id:event\/lk-2-protest crisis:inDocument id:doc\/lk-2 .
  <https://w3id.org/crisis-kg/id/event/lk-1-protest/merge/0> a crisis:MergeDecision ; crisis:score 4.5 ;
      crisis:sharedKey id:place\/colombo ; crisis:dateStated true .
  id:event\/lk-1-riot crisis:report id:event\/lk-1-riot , id:event\/lk-2-riot ;
      crisis:merge <https://w3id.org/crisis-kg/id/event/lk-1-riot/merge/0> .
  id:event\/lk-1-riot crisis:inDocument id:doc\/lk-1 . id:event\/lk-2-riot crisis:inDocument id:doc\/lk-2 .
  <https://w3id.org/crisis-kg/id/event/lk-1-riot/merge/0> a crisis:MergeDecision ; crisis:score 3.5 ;
      crisis:sharedKey id:place\/colombo ; crisis:dateStated false .
}
"""

# Every saved query that reads events, with its parameters and the unasserted events it can show.
CASES = {
    "timeline": ({}, {RIOT, PLAN, DENIAL, PROMISE}),
    "events_at_place": ({"place": "Colombo"}, {RIOT, PLAN}),
    "actor_network": ({}, {RIOT, PLAN, DENIAL, PROMISE}),
    "crisis_chain": ({}, set()),                   # counts, not events: see its own test
    "entity_profile": ({"name": "protesters"}, {RIOT, PLAN}),
    "figures_by_source": ({}, {RIOT, PLAN}),
    "statements": ({}, {DENIAL, PROMISE}),
    "statements_by_actor": ({"actor": "ranil"}, {DENIAL, PROMISE}),
    "figure_summary": ({}, {RIOT, PLAN}),
    "joined_reports": ({}, {RIOT}),
    "event_map": ({}, {RIOT, PLAN}),               # the events at Colombo, which has coordinates
}
READS_EVENTS = re.compile(r"crisis:(Event|Statement|evidence|hasFigure|negated|modality)\b")
FILTER = re.compile(r"OPTIONAL \{ SELECT DISTINCT \?(\w+) \(true AS \?hidden\) WHERE \{ \{ \?\1 crisis:negated true \} "
                    r"UNION \{ \?\1 crisis:modality \[\] \} \} \}\s+FILTER\(\?unasserted \|\| !BOUND\(\?hidden\)\)")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = make_store(tmp_path_factory.mktemp("unasserted") / "store")
    with GraphStore(path).write() as store:
        store.load(MORE.encode(), format=ox.RdfFormat.TRIG)
    return path


@pytest.fixture(scope="module")
def store(store_path):
    return GraphStore(store_path).open_read()


def shown(store, name: str, values: dict[str, str]) -> set[str]:
    """The events a saved query's answer names, in any cell or triple."""
    results = run(store, find(name), values)
    if isinstance(results, ox.QueryTriples):
        text = " ".join(str(t) for t in results)
    else:
        text = " ".join(" ".join(row) for row in rows_of(results)[1])
    return {e for e in (PROTEST, DEPLOY, STATEMENT, *UNASSERTED) if re.search(re.escape(e) + r"\b(?!/)", text)}


def test_every_query_that_reads_events_has_the_switch_and_the_one_filter():
    reading = {q.name for q in saved_queries() if READS_EVENTS.search(q.text)}
    assert reading == set(CASES)
    for name in CASES:
        saved = find(name)
        [param] = [p for p in saved.params if p.name == "unasserted"]
        assert (param.type, param.default) == ("boolean", "false"), name
        assert FILTER.search(saved.text) and "left out unless unasserted is true" in saved.description, name
        if saved.kind == "SELECT":    # Oxigraph substitutes projected variables only
            assert "?unasserted" in saved.text.split("WHERE")[0], name


@pytest.mark.parametrize("name", sorted(n for n, (_, hidden) in CASES.items() if hidden))
def test_saved_query_leaves_unasserted_events_out_unless_asked(store, name):
    values, hidden = CASES[name]
    default, everything = shown(store, name, values), shown(store, name, {**values, "unasserted": "true"})
    assert default and not default & UNASSERTED
    assert everything & UNASSERTED == hidden
    assert everything - UNASSERTED == default
    assert shown(store, name, {**values, "unasserted": "false"}) == default


def test_crisis_chain_counts_only_asserted_events_unless_asked(store):
    def steps(values):
        names, rows = rows_of(run(store, find("crisis_chain"), values))
        return {r[names.index("type")]: (r[names.index("events")], r[names.index("lastDate")],
                                         r[names.index("until")]) for r in rows}

    assert steps({}) == {"Protest": ("1", "2022-07-09", ""), "MilitaryDeployment": ("1", "2022-07-13", "")}
    assert steps({"unasserted": "TRUE"}) == {"Protest": ("1", "2022-07-09", ""), "Riot": ("1", "2022-07-11", ""),
                                             "MilitaryDeployment": ("2", "2022-07-15", "2022-07-20")}


def test_timeline_shows_the_modality_of_what_it_was_asked_to_include(store):
    names, rows = rows_of(run(store, find("timeline"), {"unasserted": "true"}))
    modality = {r[names.index("event")]: r[names.index("modality")] for r in rows}
    assert modality[RIOT] == "negated" and modality[PLAN] == "future" and modality[PROTEST] == ""


def test_parameter_defaults_and_booleans(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# param: name string  A name\n# param: all boolean=false Everything\n"
                    "# param: n integer=3\nSELECT ?name ?all ?n WHERE {}\n", encoding="utf-8")
    saved = parse(path)
    assert [(p.name, p.type, p.default, p.description) for p in saved.params] == [
        ("name", "string", None, "A name"), ("all", "boolean", "false", "Everything"), ("n", "integer", "3", "")]
    values = {v.value: t.value for v, t in bind(saved, {"name": "x"}).items()}
    assert values == {"name": "x", "all": "false", "n": "3"}
    assert bind(saved, {"name": "x", "all": "True"})[ox.Variable("all")] == ox.Literal(
        "true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    with pytest.raises(QueryError, match="needs --param name=VALUE"):
        bind(saved, {})
    with pytest.raises(QueryError, match="^parameter all must be true or false, got 'yes'$"):
        bind(saved, {"name": "x", "all": "yes"})
    path.write_text("# param: all boolean=maybe\nSELECT ?all WHERE {}\n", encoding="utf-8")
    with pytest.raises(QueryError, match="^query q: default of parameter all must be true or false"):
        parse(path)


def test_a_bad_boolean_is_one_error_line(store_path):
    for args in (["query", "timeline", "--param", "unasserted=maybe"],
                 ["export", "--format", "ttl", "--query", "actor_network", "-p", "unasserted=maybe"]):
        result = CliRunner().invoke(cli, [*args, "--store", str(store_path)])
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == "error: parameter unasserted must be true or false, got 'maybe'\n"


def test_cli_query_takes_the_switch(store_path):
    def events(*args):
        result = CliRunner().invoke(cli, ["query", "timeline", "--store", str(store_path), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return {b["event"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}

    assert events() == {PROTEST, DEPLOY}
    assert events("-p", "unasserted=true") == {PROTEST, DEPLOY, *UNASSERTED}


def export(store_path, tmp_path, fmt, *options) -> str:
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", str(store_path), *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def named(text: str) -> set[str]:
    return {e for e in (PROTEST, DEPLOY, STATEMENT, *UNASSERTED) if re.search(re.escape(e) + r"(?![\w/-])", text)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "dot", "geojson", "html"])
def test_exports_leave_unasserted_events_out_unless_asked(store_path, tmp_path, fmt):
    default, everything = named(export(store_path, tmp_path, fmt)), named(export(store_path, tmp_path, fmt, "--unasserted"))
    drawn = {PROTEST, DEPLOY} if fmt == "geojson" else {PROTEST, DEPLOY, STATEMENT}   # geojson: events at places
    assert default == drawn
    assert everything == drawn | ({RIOT, PLAN} if fmt == "geojson" else UNASSERTED)


def test_exported_unasserted_events_carry_their_modality(store_path, tmp_path):
    nodes = {n["data"]["id"]: n["data"] for n in
             json.loads(export(store_path, tmp_path, "cytoscape", "--unasserted"))["elements"]["nodes"]}
    assert nodes[RIOT]["modality"] == "negated" and nodes[PLAN]["modality"] == "future"
    assert nodes[PLAN]["label"].endswith("(future)") and "modality" not in nodes[PROTEST]
    features = {f["id"]: f["properties"] for f in json.loads(export(store_path, tmp_path, "geojson"))["features"]}
    assert features[PROTEST]["modality"] == "" and features[PROTEST]["fatalities"] == 2
    riot = {f["id"]: f["properties"] for f in json.loads(export(store_path, tmp_path, "geojson", "--unasserted"))["features"]}[RIOT]
    assert riot["modality"] == "negated"


def test_rdf_exports_are_the_raw_graph_and_their_subsets_follow_the_switch(store_path, tmp_path):
    raw = export(store_path, tmp_path, "nq")     # (every quad, in every RDF format: test_export.py)
    assert named(raw) == {PROTEST, DEPLOY, STATEMENT, *UNASSERTED}
    assert named(export(store_path, tmp_path, "nq", "--type", "MilitaryDeployment")) == {DEPLOY}
    assert PLAN in named(export(store_path, tmp_path, "nq", "--type", "MilitaryDeployment", "--unasserted"))
    assert not named(export(store_path, tmp_path, "nq", "--query", "actor_network")) & UNASSERTED
    everything = export(store_path, tmp_path, "nq", "--query", "actor_network", "--unasserted")
    assert named(everything) >= UNASSERTED and f'<{PLAN}> <https://w3id.org/crisis-kg/ontology#modality> "future"' in everything
    drawn = json.loads(export(store_path, tmp_path, "cytoscape", "--query", "actor_network", "--unasserted"))
    assert {n["data"]["id"]: n["data"].get("modality") for n in drawn["elements"]["nodes"]}[RIOT] == "negated"
