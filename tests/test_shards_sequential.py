"""Shards loaded one after another, in two commands (a user adding a day's articles to a store),
give the graph of one build of all of them.

Why: the identity stage decides over everything loaded, so a second load may decide joins the
first one could not (a person's short name in one shard, the full name in the other) and undo
joins the first made. The corpus is the articles of the identity gold's pairs
(tests/gold/identity_pairs.jsonl), the two articles of each pair in different shards.
"""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from indosum import ROOT, corpus
from kg.cli import cli
from kg.pipeline import shard_documents
from kg.store import GraphStore
from kg.vocab import ALIASES_GRAPH, sparql_prefixes

PAIRS = ROOT / "tests" / "gold" / "identity_pairs.jsonl"


def invoke(*args, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


def quads(store) -> list[str]:
    """The store's quads, sorted, without a document's source path (it names the shard) or the
    ontology's blank nodes (named afresh at each load)."""
    return sorted(str(q) for q in GraphStore(store).open_read()
                  if not q.predicate.value.endswith("#sourcePath") and not str(q.subject).startswith("_:"))


@pytest.fixture(scope="module")
def cut(tmp_path_factory):
    """The two corpora, their shards and one build of both."""
    tmp = tmp_path_factory.mktemp("sequential")
    first, second = [], []
    for line in PAIRS.read_text().splitlines():
        pair = json.loads(line)
        for article, side in ((pair["a"], first), (pair["b"], second)):
            if article not in first and article not in second:
                side.append(article)
    corpora = [corpus(first, tmp / "first.jsonl"), corpus(second, tmp / "second.jsonl")]
    shards = [tmp / "first.nq", tmp / "second.nq"]
    for corpus_file, shard in zip(corpora, shards):
        invoke("extract", corpus_file, "-o", shard, "-j", 2)
    invoke("build", *corpora, "--store", tmp / "one", "-j", 2)
    return shards, tmp / "one", corpora


def test_the_cut_puts_a_short_name_and_its_full_name_in_different_shards(cut):
    shards, one, _ = cut
    named = [{q.object.value for q in ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS)
              if q.predicate.value.endswith("#taIdentRef")} for shard in shards]
    rows = GraphStore(one).open_read().query(sparql_prefixes() + f"""
        SELECT ?short ?long WHERE {{ GRAPH <{ALIASES_GRAPH}> {{
            ?d crisis:joinedEntity ?short ; crisis:joinedInto ?long ;
               crisis:aliasRule ?rule FILTER(?rule IN ("short form", "word of a name")) }} }}""")
    apart = [r for r in rows if any(r["short"].value in named[i] - named[1 - i] and
                                    r["long"].value in named[1 - i] - named[i] for i in (0, 1))]
    assert apart, "no short name joins a full name of the other shard: the test would prove nothing"


def test_the_cut_puts_reports_of_one_incident_in_different_shards(cut):
    shards, one, _ = cut
    documents = [set(shard_documents(shard)) for shard in shards]
    rows = GraphStore(one).open_read().query(sparql_prefixes() + """
        SELECT ?da ?db WHERE { GRAPH ?g { ?m a crisis:MergeDecision ; crisis:joins ?a, ?b FILTER(STR(?a) < STR(?b))
                                          ?a crisis:inDocument ?da . ?b crisis:inDocument ?db } }""")
    assert any((r["da"].value in documents[0]) != (r["db"].value in documents[0]) for r in rows), \
        "no incident joins reports of the two shards: the test would prove nothing"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_shards_loaded_one_after_another_give_the_graph_of_one_build(cut, order, tmp_path):
    shards, one, _ = cut
    for i in order:
        invoke("load", shards[i], "--store", tmp_path / "store")
    assert quads(tmp_path / "store") == quads(one)


def test_a_shard_loaded_again_leaves_the_graph_of_one_build(cut, tmp_path):
    shards, one, _ = cut
    for shard in (shards[0], shards[1], shards[0]):
        invoke("load", shard, "--store", tmp_path / "store")
    assert quads(tmp_path / "store") == quads(one)


def test_a_build_that_adds_articles_to_a_store_gives_the_graph_of_one_build(cut, tmp_path):
    _, one, corpora = cut
    invoke("build", corpora[1], "--store", tmp_path / "store", "-j", 2)
    invoke("build", *corpora, "--store", tmp_path / "store", "-j", 2)
    assert quads(tmp_path / "store") == quads(one)
