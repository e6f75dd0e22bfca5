"""Cross-document event identity: one incident in several articles is one event, and only then."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.resolve.incidents import Report, apart_because, compatible, incidents, score
from kg.vocab import ID

PERSON, OTHER = ID + "person/min-aung-hlaing", ID + "person/zaw-min-tun"
TOWN, OTHER_TOWN, COUNTRY = ID + "city/mandalay", ID + "city/yangon", ID + "place/myanmar"


def report(iri: str, doc: str, day: int | None = 3, stated: bool = True, cls: str = "Detention",
           keys=(("person", PERSON),), sites=(), agents=(), countries=(), published: int = 4, **more) -> Report:
    keys = set(keys) | {("town", s) for s in sites}
    return Report(iri=iri, document=doc, published=date(2023, 3, published), kind=(cls, None, False, None),
                  date=date(2023, 3, day) if day else None, date_stated=stated, keys=frozenset(keys),
                  sites=frozenset(sites), agents=frozenset(agents), countries=frozenset(countries), **more)


def test_a_shared_person_on_a_stated_day_joins_two_reports():
    merge = score(report("e/a", "d/a"), report("e/b", "d/b"))
    assert merge and merge.score == 3.0 and merge.shared == [("person", PERSON)] and merge.date_stated


@pytest.mark.parametrize("b, why", [
    (report("e/b", "d/b", cls="Protest"), "another class"),
    (report("e/b", "d/b", day=5), "another day"),
    (report("e/b", "d/b", keys=()), "nothing specific shared"),
    (report("e/b", "d/b", keys=(("person", OTHER),)), "another person"),
    (report("e/b", "d/a"), "the same article: its own coreference kept them apart"),
    (report("e/b", "d/b", day=None), "no date at all"),
])
def test_reports_that_are_not_one_incident(b, why):
    assert score(report("e/a", "d/a"), b) is None, why


def test_places_must_agree_below_the_country_and_countries_say_too_little():
    a = report("e/a", "d/a", sites=[TOWN], countries=[COUNTRY])
    assert not compatible(a, report("e/b", "d/b", sites=[OTHER_TOWN]))
    assert compatible(a, report("e/b", "d/b", countries=[COUNTRY]))
    assert compatible(a, report("e/b", "d/b", countries=[ID + "place/thailand"]))   # the town is more specific
    assert not compatible(report("e/a", "d/a", countries=[COUNTRY]),
                          report("e/b", "d/b", countries=[ID + "place/thailand"]))


def test_specific_agents_must_overlap():
    a = report("e/a", "d/a", agents=[PERSON])
    assert not compatible(a, report("e/b", "d/b", agents=[OTHER]))
    assert compatible(a, report("e/b", "d/b"))


def test_a_publication_date_stands_in_for_a_day_after_and_scores_less():
    stated = report("e/a", "d/a", day=3, keys=(("town", TOWN),))
    undated = report("e/b", "d/b", day=4, stated=False, keys=(("town", TOWN),))
    merge = score(stated, undated)
    assert merge and merge.score == 2.0 and not merge.date_stated       # a town and the next day: too little
    assert not incidents([stated, undated])
    assert len(incidents([stated, undated], threshold=2.0)) == 1
    site = ("site", ID + "place/bandara-mandalay")
    assert score(report("e/a", "d/a", keys=(site,)), report("e/b", "d/b", day=4, stated=False, keys=(site,))).score == 2.5
    assert score(stated, report("e/c", "d/c", day=2, stated=False, keys=(("town", TOWN),))) is None  # published before it


def test_a_later_article_may_recall_an_incident_without_its_date_when_more_than_one_key_is_shared():
    stated = report("e/a", "d/a", day=3, keys=(("person", PERSON), ("site", ID + "place/penjara-obo")))
    recalled = report("e/b", "d/b", day=20, stated=False, published=20, keys=(("person", PERSON),))
    assert score(stated, recalled).score == 2.0 and not incidents([stated, recalled])   # the date adds nothing
    both = report("e/b", "d/b", day=20, stated=False, published=20,
                  keys=(("person", PERSON), ("site", ID + "place/penjara-obo")))
    assert score(stated, both).score == 4.0
    assert score(stated, report("e/c", "d/c", day=None, stated=False)) is None
    late = Report(**{**vars(both), "date": date(2023, 4, 5)})                          # 33 days after
    assert score(stated, late) is None


def test_other_specific_participants_must_overlap():
    """Two arrests in one case, or a minister's two meetings, are two events."""
    a = report("e/a", "d/a", others=frozenset({ID + "person/detainee-one"}))
    assert score(a, report("e/b", "d/b", others=frozenset({ID + "person/detainee-two"}))) is None
    assert score(a, report("e/b", "d/b", others=frozenset({ID + "person/detainee-one", ID + "person/three"})))


def test_a_statement_dated_by_its_publication_needs_the_same_speaker_and_some_of_the_same_words():
    said = dict(cls="Statement", speaker=PERSON, keys=(("person", PERSON),), day=4, stated=False)
    a = report("e/a", "d/a", quote_words=frozenset({"tentara", "menembak", "warga", "mandalay"}), **said)
    same = report("e/b", "d/b", quote_words=frozenset({"tentara", "menembak", "warga", "sipil"}), **said)
    other = report("e/c", "d/c", quote_words=frozenset({"pemilu", "ditunda", "tahun", "depan", "sipil"}), **said)
    assert score(a, same) and not score(a, other)


def test_one_speaker_on_a_day_both_texts_state_is_one_statement_whatever_part_each_quotes():
    """Two articles quote different figures from one press conference."""
    said = dict(cls="Statement", keys=(("person", PERSON),), day=3, stated=True)
    exports = report("e/a", "d/a", speaker=PERSON, quote_words=frozenset({"ekspor", "turun", "persen"}), **said)
    balance = report("e/b", "d/b", speaker=PERSON, quote_words=frozenset({"neraca", "surplus", "miliar"}), **said)
    assert score(exports, balance).score == 3.0
    assert score(exports, report("e/c", "d/c", speaker=OTHER, **said)) is None          # another speaker
    assert score(exports, report("e/c", "d/c", speaker=PERSON, **{**said, "day": 4})) is None   # another day
    assert score(report("e/a", "d/a", speaker=PERSON, sites=[TOWN], **said),
                 report("e/b", "d/b", speaker=PERSON, sites=[OTHER_TOWN], **said)) is None  # another place


def test_each_pair_apart_says_what_keeps_it_apart():
    """What the pair gold's missed pairs are counted by (tools/eval_identity.py --show)."""
    a = report("e/a", "d/a", sites=[TOWN])
    assert apart_because(a, report("e/b", "d/b", cls="Protest")) == "kind"
    assert apart_because(a, report("e/b", "d/b", day=6)) == "dates"
    assert apart_because(a, report("e/b", "d/b", sites=[OTHER_TOWN])) == "places"
    assert apart_because(a, report("e/b", "d/b", keys=())) == "nothing specific shared"
    assert apart_because(a, report("e/b", "d/b", day=4, stated=False, keys=(("town", TOWN),))) == \
        "score below the threshold"
    assert apart_because(a, report("e/b", "d/b")) == "another report disagrees"   # the pair alone joins


def test_no_chain_joins_reports_that_disagree_and_the_order_does_not_matter():
    """b agrees with a and with c, but a and c name different towns: b joins the better one only."""
    a = report("e/a", "d/a", sites=[TOWN], keys=(("person", PERSON), ("organisation", ID + "org/x")))
    b = report("e/b", "d/b", keys=(("person", PERSON), ("organisation", ID + "org/x")))
    c = report("e/c", "d/c", sites=[OTHER_TOWN])
    found = incidents([a, b, c])
    assert [[r.iri for r in i.reports] for i in found] == [["e/a", "e/b"]]
    assert [[r.iri for r in i.reports] for i in incidents([c, b, a])] == [["e/a", "e/b"]]


def test_the_first_published_report_names_the_incident():
    found = incidents([report("e/z", "d/z", published=3), report("e/a", "d/a", published=5)])
    assert found[0].iri == "e/z"


# --- on a store, through kg build ---------------------------------------------------------------

ARTICLES = [   # two reports of one raid, and a raid the same day elsewhere by the same "polisi"
    ("kenya-1", "2024-06-26", "Polisi Kenya menangkap aktivis Boniface Mwangi di Nairobi pada Selasa (25/6). "
                              "Mwangi ditahan di kantor polisi Central."),
    ("kenya-2", "2024-06-26", "Pengacara mengatakan polisi menangkap aktivis Boniface Mwangi di Nairobi pada "
                              "hari Selasa (25/6)."),
    ("kenya-3", "2024-06-26", "Polisi menangkap 30 pemuda di Mombasa pada hari Selasa (25/6)."),
]


def write(path: Path, articles) -> Path:
    path.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in articles))
    return path


def detentions_by_document(store_path: Path) -> dict[str, set[str]]:
    from kg.store import GraphStore
    from kg.vocab import sparql_prefixes

    store = GraphStore(store_path).open_read()
    out: dict[str, set[str]] = {}
    for r in store.query(sparql_prefixes() + "SELECT ?g ?e WHERE { GRAPH ?g { ?e a crisis:Detention } }"):
        out.setdefault(r["g"].value.split("/doc/")[1].split("#")[0], set()).add(r["e"].value)
    return out


def test_one_raid_in_two_articles_is_one_event_with_its_reasons(tmp_path):
    from kg.pipeline import build
    from kg.store import GraphStore
    from kg.vocab import sparql_prefixes

    build([write(tmp_path / "a.jsonl", ARTICLES)], tmp_path / "store", jobs=1)
    found = detentions_by_document(tmp_path / "store")
    assert found["kenya-1"] & found["kenya-2"]
    assert not found["kenya-3"] & (found["kenya-1"] | found["kenya-2"])     # "polisi" and a day are not enough
    store = GraphStore(tmp_path / "store").open_read()
    reasons = {(r["key"].value.rsplit("/", 1)[-1], float(r["score"].value)) for r in store.query(sparql_prefixes() + """
        SELECT ?key ?score WHERE { ?e a crisis:Detention ; crisis:merge ?m . ?m crisis:sharedKey ?key ; crisis:score ?score }""",
        use_default_graph_as_union=True)}
    assert reasons == {("boniface-mwangi", 4.5), ("nairobi", 4.5)}      # the person 2, Nairobi 1.5, the stated day 1


def test_the_graph_does_not_depend_on_the_order_and_merging_can_be_turned_off(tmp_path):
    from kg.identity import IdentitySettings
    from kg.pipeline import build

    build([write(tmp_path / "a.jsonl", ARTICLES)], tmp_path / "one", jobs=1)
    build([write(tmp_path / "b.jsonl", ARTICLES[::-1])], tmp_path / "two", jobs=1)
    assert detentions_by_document(tmp_path / "one") == detentions_by_document(tmp_path / "two")
    build([tmp_path / "a.jsonl"], tmp_path / "apart", jobs=1, identity=IdentitySettings(merge=False))
    apart = detentions_by_document(tmp_path / "apart")
    assert not apart["kenya-1"] & apart["kenya-2"]


def test_a_rebuilt_article_that_no_longer_matches_leaves_no_join_behind(tmp_path):
    from kg.pipeline import build

    build([write(tmp_path / "a.jsonl", ARTICLES)], tmp_path / "store", jobs=1)
    changed = [ARTICLES[0], ("kenya-2", "2024-06-26", "Pengacara mengatakan polisi menangkap aktivis Boniface Mwangi "
                                                      "di Nairobi pada hari Kamis (20/6)."), ARTICLES[2]]
    build([write(tmp_path / "a.jsonl", changed)], tmp_path / "store", jobs=1)
    fresh = tmp_path / "fresh"
    build([tmp_path / "a.jsonl"], fresh, jobs=1)
    found = detentions_by_document(tmp_path / "store")
    assert not found["kenya-1"] & found["kenya-2"]
    assert found == detentions_by_document(fresh)


def test_figures_of_one_incident_are_summed_up_by_a_query_not_added(tmp_path):
    from kg.pipeline import build
    from kg.query import find, rows_of, run
    from kg.store import GraphStore

    articles = [("kabul-1", "2023-07-03", "Sedikitnya 10 orang tewas dalam ledakan bom di Kabul pada hari Senin (3/7), "
                                          "kata polisi."),
                ("kabul-2", "2023-07-04", "Sebanyak 12 orang tewas dalam ledakan bom di Kabul pada hari Senin (3/7), "
                                          "menurut Kementerian Kesehatan Afghanistan.")]
    build([write(tmp_path / "a.jsonl", articles)], tmp_path / "store", jobs=1)
    names, rows = rows_of(run(GraphStore(tmp_path / "store").open_read(), find("figure_summary"), {}))
    killed = [dict(zip(names, row)) for row in rows if dict(zip(names, row))["measure"] == "killed"]
    assert [(r["low"], r["high"], r["latest"], r["claims"], r["articles"]) for r in killed] == \
        [("10", "12", "12", "2", "2")]


# --- aliases ---------------------------------------------------------------------------------

@pytest.mark.parametrize("short, long, expected", [
    ("KPK", "komisi pemberantasan korupsi", True),
    ("Kemenkeu", "kementerian keuangan", True),
    ("Kemenhub", "kementerian perhubungan", True),       # a piece may start after "per-"
    ("Jaksel", "jakarta selatan", True),
    ("Jokowi", "joko widodo", True),
    ("Juventus", "juventus stadium", False),             # one letter of "stadium" is no piece
    ("Arenal", "ari renaldi", False),                   # "a" alone is no piece either
    ("KPU", "komisi pemberantasan korupsi", False),
])
def test_short_forms_are_initials_or_pieces_of_every_word(short, long, expected):
    from kg.resolve.entities import short_form_of

    assert short_form_of(short, long) is expected


def test_a_short_form_joins_the_one_long_name_an_article_uses_with_it():
    from collections import Counter

    from kg.resolve.aliases import find_aliases

    names = {"org/kemenkeu": Counter({("GovernmentBody", "Kemenkeu"): 3}),
             "org/kementerian-keuangan": Counter({("GovernmentBody", "Kementerian Keuangan"): 2}),
             "org/bnpt": Counter({("GovernmentBody", "BNPT"): 1}),
             "org/badan-nasional-penanggulangan-terorisme": Counter({("GovernmentBody", "Badan Nasional Penanggulangan Terorisme"): 1}),
             "org/badan-nasional-penanggulangan-tsunami": Counter({("GovernmentBody", "Badan Nasional Penanggulangan Tsunami"): 1}),
             "org/kemenhan": Counter({("GovernmentBody", "Kemenhan"): 1}),
             "org/kementerian-kehutanan": Counter({("GovernmentBody", "Kementerian Kehutanan"): 1})}
    documents = {"org/kemenkeu": {"d1", "d2"}, "org/kementerian-keuangan": {"d2"},
                 "org/bnpt": {"d3"}, "org/badan-nasional-penanggulangan-terorisme": {"d3"},
                 "org/badan-nasional-penanggulangan-tsunami": {"d3"},
                 "org/kemenhan": {"d4"}, "org/kementerian-kehutanan": {"d5"}}
    found = find_aliases(names, documents)
    assert [(a.alias, a.entity, a.rule) for a in found] == [("org/kemenkeu", "org/kementerian-keuangan", "short form")]
    # BNPT fits two long names of its article: neither; Kemenhan and Kementerian Kehutanan never share one


def test_an_alias_is_joined_whatever_the_order_with_its_evidence(tmp_path):
    from kg.pipeline import build
    from kg.store import GraphStore
    from kg.vocab import sparql_prefixes

    articles = [("a", "2024-05-02", "Kemenkeu memangkas subsidi energi di Buenos Aires pada hari Rabu (1/5)."),
                ("b", "2024-05-03", "Kementerian Keuangan mengatakan Kemenkeu telah memangkas subsidi itu.")]
    build([write(tmp_path / "a.jsonl", articles)], tmp_path / "store", jobs=1)
    store = GraphStore(tmp_path / "store").open_read()
    entities = {r["m"].value: r["e"].value for r in store.query(sparql_prefixes() + """
        SELECT ?m ?e WHERE { GRAPH ?g { [] nif:anchorOf ?m ; itsrdf:taIdentRef ?e } }""")}
    assert entities["Kemenkeu"] == entities["Kementerian Keuangan"]
    decisions = {(r["s"].value, r["l"].value, r["r"].value) for r in store.query(sparql_prefixes() + """
        SELECT ?s ?l ?r WHERE { ?d a crisis:AliasDecision ; crisis:shortName ?s ; crisis:longName ?l ;
                                   crisis:aliasRule ?r }""", use_default_graph_as_union=True)}
    assert decisions == {("Kemenkeu", "kementerian keuangan", "short form")}   # article b calls it so


def test_an_articles_one_word_person_joins_the_full_name_whose_articles_it_shares_context_with():
    from collections import Counter

    from kg.resolve.aliases import find_aliases

    person = lambda name, article="": f"person/{name}" + (f"/in/{article}" if article else "")  # noqa: E731
    names = {person("yingluck", "d0"): Counter({("Person", "Yingluck"): 2}),
             person("yingluck-shinawatra"): Counter({("Person", "Yingluck Shinawatra"): 1}),
             person("prayut", "d2"): Counter({("Person", "Prayut"): 1}),
             person("prayut-chan-o-cha"): Counter({("Person", "Prayut Chan-o-cha"): 1}),
             person("prayut-jantarasri"): Counter({("Person", "Prayut Jantarasri"): 1}),
             person("boediono", "d5"): Counter({("Person", "Boediono"): 1}),
             person("boediono", "d6"): Counter({("Person", "Boediono"): 3}),
             person("djarot", "d7"): Counter({("Person", "Djarot"): 1}),
             person("djarot-saiful-hidayat"): Counter({("Person", "Djarot Saiful Hidayat"): 1}),
             "place/bangkok": Counter({("City", "Bangkok"): 4}), "org/pheu-thai": Counter({("PoliticalParty", "Pheu Thai"): 2}),
             "place/cilacap": Counter({("City", "Cilacap"): 1}), "place/jakarta": Counter({("City", "Jakarta"): 1}),
             "org/bank-indonesia": Counter({("GovernmentBody", "Bank Indonesia"): 2})}
    documents = {person("yingluck", "d0"): {"d0"}, person("yingluck-shinawatra"): {"d1"},
                 person("prayut", "d2"): {"d2"}, person("prayut-chan-o-cha"): {"d3"}, person("prayut-jantarasri"): {"d4"},
                 person("boediono", "d5"): {"d5"}, person("boediono", "d6"): {"d6"},
                 person("djarot", "d7"): {"d7"}, person("djarot-saiful-hidayat"): {"d8"},
                 "place/bangkok": {"d0", "d1", "d2", "d3"}, "org/pheu-thai": {"d0", "d1", "d2", "d3"},
                 "place/cilacap": {"d7"}, "place/jakarta": {"d5", "d6", "d7", "d8"}, "org/bank-indonesia": {"d5", "d6"}}
    found = find_aliases(names, documents)
    assert [(a.alias, a.entity, a.rule) for a in found] == [
        (person("boediono", "d5"), person("boediono"), "one name"),      # no full name has it, same context
        (person("boediono", "d6"), person("boediono"), "one name"),
        (person("prayut", "d2"), person("prayut-chan-o-cha"), "word of a name"),   # the one in context
        (person("yingluck", "d0"), person("yingluck-shinawatra"), "word of a name")]
    # the crash article's Djarot shares only Jakarta with the politician's: apart
    assert find_aliases(dict(reversed(list(names.items()))), documents) == found    # whatever the order


def test_spelling_variants_begin_alike_and_agree_on_numbers():
    from kg.resolve.entities import _variant

    assert _variant("luhut binsar pandjaitan", "luhut binsar panjaitan")
    assert not _variant("angkatan darat", "angkatan udara")
    assert not _variant("komisi ii", "komisi iii")
    assert _variant("saltanat azirbek", "saltanet azirbek")
    assert not _variant("kementerian keuangan", "kementerian kehutanan")     # two letters apart: two ministries
    assert not _variant("partai amanat nasional", "partai amanah nasionalis")  # two words apart
