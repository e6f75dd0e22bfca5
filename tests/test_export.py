"""`kg export`: every format opens in the library that reads it, with the graph's facts intact."""
from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from graph_fixture import ENTITIES, EVENTS, make_store

from kg.cli import cli
from kg.store import GraphStore

ID = "https://w3id.org/crisis-kg/id/"
PROTEST, COLOMBO, PROTESTERS = ID + "event/lk-1-protest", ID + "place/colombo", ID + "group/protesters"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("export") / "store")


def export(store, tmp_path, fmt, *options) -> str:
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", str(store), *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _file(store, tmp_path, fmt, *options):
    export(store, tmp_path, fmt, *options)
    return tmp_path / f"graph.{fmt}"


def fail(store, *options) -> str:
    result = CliRunner().invoke(cli, ["export", "--store", str(store), *options])
    assert result.exit_code != 0
    return result.output.strip()


@pytest.mark.parametrize("fmt, parser", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_quad_formats_round_trip_every_named_graph(store, tmp_path, fmt, parser):
    dataset = rdflib.Dataset()
    dataset.parse(data=export(store, tmp_path, fmt), format=parser)
    local = GraphStore(store).open_read()
    assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(local)
    graphs = {str(c.identifier) for c in dataset.contexts()}
    assert {ID + "graph/entities", ID + "graph/links", ID + "doc/lk-1#char=0,60"} <= graphs


def test_turtle_holds_the_merge_of_all_graphs(store, tmp_path):
    graph = rdflib.Graph().parse(data=export(store, tmp_path, "ttl"), format="turtle")
    local = GraphStore(store).open_read()
    assert len(graph) == len({q.triple for q in local})


def test_graphml_has_typed_labelled_nodes_and_weighted_role_edges(store, tmp_path):
    g = nx.read_graphml(_file(store, tmp_path, "graphml"))
    assert g.number_of_nodes() == ENTITIES + EVENTS
    assert g.nodes[COLOMBO]["type"] == "City" and g.nodes[COLOMBO]["wikidata"] == "Q35381"
    assert g.nodes[PROTEST]["kind"] == "event" and g.nodes[PROTEST]["date"] == "2022-07-09"
    assert g.nodes[PROTEST]["killed"] == 2
    roles = {(u, v, d["role"]): d["weight"] for u, v, d in g.edges(data=True)}
    assert roles[PROTEST, PROTESTERS, "agent"] == 2          # stated in two sentences
    assert roles[PROTEST, COLOMBO, "place"] == 1
    assert ID + "event/lk-1-riot" not in g                     # negated events are not drawn
    evidence = {(u, v, d["role"]): d["evidence"] for u, v, d in g.edges(data=True)}
    assert evidence[PROTEST, COLOMBO, "place"] == "Ribuan demonstran berunjuk rasa di Kolombo pada 9 Juli."
    assert g.nodes[COLOMBO]["color"] == "#c0392b" and g.nodes[PROTEST]["color"] == "#e67e22"


def test_communities_group_what_is_linked(store, tmp_path):
    """The statement, its speaker and his movement are one community, apart from the protest and
    its protesters: Gephi or yEd can colour them without running anything."""
    g = nx.read_graphml(_file(store, tmp_path, "graphml"))
    community = nx.get_node_attributes(g, "community")
    speaker, statement = ID + "person/ranil-wickremesinghe", ID + "event/lk-1-statement"
    assert community[speaker] == community[statement] == community[ID + "organization/front-aragalaya"]
    assert community[PROTEST] == community[PROTESTERS] != community[speaker]
    sizes = [list(community.values()).count(c) for c in range(max(community.values()) + 1)]
    assert sizes == sorted(sizes, reverse=True)                   # numbered by size, 0 the largest


def test_gexf_opens_coloured_and_sized(store, tmp_path):
    text = export(store, tmp_path, "gexf")
    node = re.search(r'<node id="%s".*?</node>' % re.escape(PROTEST), text, re.S).group()
    assert re.search(r'<viz:color r="230" g="126" b="34"', node)       # events orange, as on the web page
    sizes = {float(v) for v in re.findall(r'<viz:size value="([\d.]+)"', text)}
    assert len(sizes) > 1                                          # a node stated twice is drawn larger


def test_gexf_is_dynamic_with_event_dates(store, tmp_path):
    text = export(store, tmp_path, "gexf")
    assert re.search(r'<graph[^>]*mode="dynamic"', text) and 'timeformat="date"' in text
    g = nx.read_gexf(tmp_path / "graph.gexf")
    assert g.nodes[PROTEST]["start"] == "2022-07-09" and g.nodes[PROTEST]["label"].startswith("Protest")
    assert g.nodes[COLOMBO]["start"] == "2022-07-09"           # an entity appears with its first event
    assert any(d["weight"] == 2 for _, _, d in g.edges(data=True))


def test_cytoscape_elements_reference_existing_nodes(store, tmp_path):
    elements = json.loads(export(store, tmp_path, "cytoscape"))["elements"]
    ids = {n["data"]["id"] for n in elements["nodes"]}
    assert len(ids) == ENTITIES + EVENTS
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in elements["edges"])
    assert {e["data"]["role"] for e in elements["edges"]} >= {"agent", "target", "place", "speaker", "affiliation"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_parses_and_keeps_quotes_and_backslashes(store, tmp_path):
    pydot = pytest.importorskip("pydot")
    [graph] = pydot.graph_from_dot_data(export(store, tmp_path, "dot"))
    nodes = {n.get_name().strip('"'): n for n in graph.get_nodes() if n.get_name() not in ("node", "graph", "edge")}
    assert len(nodes) == ENTITIES + EVENTS and len(graph.get_edges()) == 7
    label = nodes[ID + "organization/front-aragalaya"].get("label")
    assert label == r'"Front \"Aragalaya\" \\ movement"'


def test_dot_renders_with_graphviz_at_a_sane_size(seed_store, tmp_path):
    """dot's ranks once drew the seeds' few hundred nodes as a strip 32,767 pixels wide."""
    if not shutil.which("dot"):
        pytest.skip("Graphviz is not installed (.ci/run installs it)")
    export(seed_store, tmp_path, "dot")
    picture = tmp_path / "graph.png"
    done = subprocess.run(["dot", "-Tpng", str(tmp_path / "graph.dot"), "-o", str(picture)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "too large" not in done.stderr, done.stderr
    width, height = struct.unpack(">II", picture.read_bytes()[16:24])
    assert max(width, height) < 8000 and max(width, height) / min(width, height) < 3, (width, height)
    svg = subprocess.run(["dot", "-Tsvg", str(tmp_path / "graph.dot")], capture_output=True, text=True, timeout=300)
    assert "Jomart Tokayev</text>" in svg.stdout and not re.search(r"<text[^>]*>https?:", svg.stdout)  # not IRIs


def test_html_is_self_contained(store, tmp_path):
    page = export(store, tmp_path, "html")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    assert "cytoscape" in page and "Ranil Wickremesinghe" in page
    assert page.count("</script>") == page.count("<script")    # the inlined code closes no tag early


def test_type_keeps_the_class_and_its_events(store, tmp_path):
    elements = json.loads(export(store, tmp_path, "cytoscape", "--type", "Person"))["elements"]
    assert {n["data"]["type"] for n in elements["nodes"]} == {"Person", "Statement"}
    places = json.loads(export(store, tmp_path, "cytoscape", "--type", "Place"))["elements"]
    assert {n["data"]["category"] for n in places["nodes"]} == {"Place", "Event"}   # City is a Place


def test_since_until_keep_events_in_range(store, tmp_path):
    elements = json.loads(export(store, tmp_path, "cytoscape", "--since", "2022-07-10",
                                 "--until", "2022-07-12"))["elements"]
    assert [n["data"]["type"] for n in elements["nodes"] if n["data"]["kind"] == "event"] == ["Statement"]


def test_rdf_subset_keeps_statements_about_kept_nodes(store, tmp_path):
    graph = rdflib.Graph().parse(data=export(store, tmp_path, "ttl", "--type", "Protest"), format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    assert PROTEST in subjects and ID + "event/lk-1-deploy" not in subjects


def test_query_exports_a_construct_result(store, tmp_path):
    graph = rdflib.Graph().parse(data=export(store, tmp_path, "ttl", "--query", "actor_network"), format="turtle")
    assert (rdflib.URIRef(PROTEST), rdflib.URIRef("https://w3id.org/crisis-kg/ontology#agent"),
            rdflib.URIRef(PROTESTERS)) in graph
    g = nx.read_graphml(_file(store, tmp_path, "graphml", "--query", "actor_network"))
    assert g.number_of_nodes() == ENTITIES + EVENTS


def test_errors_are_one_line(store):
    assert fail(store, "--format", "ttl", "--query", "timeline") == (
        "error: query timeline is a SELECT query; --query needs a CONSTRUCT query")
    assert fail(store, "--format", "gexf", "--type", "Unicorn").startswith("error: unknown class 'Unicorn'; classes: ")
    assert fail(store, "--format", "gexf", "--since", "9 July") == (
        "error: --since expects a date YYYY-MM-DD, got '9 July'")
    assert fail(store, "--format", "acled-csv", "--until", "2022-13-01") == (
        "error: --until expects a date YYYY-MM-DD, got '2022-13-01'")
    assert "no store at" in fail(store.parent / "missing", "--format", "ttl")
