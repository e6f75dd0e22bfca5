"""The workbench of `kg serve` in headless Chromium: each view does what it claims, at desktop and
phone width, with nothing loaded from outside; a screenshot of each view goes to tests/artifacts/.

One server (graph_fixture's store, with a second article joined to the protest) and one browser
for the module; each test opens its own page.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from graph_fixture import JOINED, make_store, start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}

# Skipped without Chromium on a developer's machine; in CI (.ci/run installs it) its absence fails.
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                reason="Chromium is not installed (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")

# Pixels drawn on Cytoscape's canvases (they stay transparent until something is drawn).
PAINTED = """(id) => Array.from(document.querySelectorAll('#' + id + ' canvas')).reduce((sum, c) => {
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
  return sum + n; }, 0)"""
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    process, url = start_server(make_store(tmp_path_factory.mktemp("browser") / "store", JOINED))
    yield url
    stop_server(process)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, url):
    """A fresh page that records every request and fails the test on a script error."""
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)
    page.requests, errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda error: errors.append(error))
    page.url_of = lambda path: url + path
    yield page
    page.close()
    assert not errors, errors


def shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


def events_view(page):
    page.goto(page.url_of("/"))
    page.wait_for_selector("#timeline .vis-item-content")
    page.wait_for_selector("path.event-point")


def test_the_front_page_shows_where_and_when_with_nothing_from_outside(page):
    events_view(page)
    assert page.locator("#timeline .vis-item-content").all_inner_texts() == [   # not the negated riot
        "Protest · Colombo", "Military deployment · Colombo"]
    assert page.locator("path.event-point").count() == 2
    assert page.inner_text("#event-count") == "2 events on the timeline, 2 on the map"
    radii = page.evaluate("""Array.from(document.querySelectorAll('path.event-point'))
                             .map((p) => p.getBoundingClientRect().width).sort((a, b) => a - b)""")
    assert radii[1] > radii[0] * 2              # the protest's "about 5000" draws larger than a figureless point
    assert page.locator("#map path.leaflet-interactive").count() == 2 and page.locator("#map svg path").count() > 100
    assert all(r.startswith(page.url_of("/")) for r in page.requests), page.requests
    shot(page, "workbench-events")


def test_map_and_timeline_filter_by_type_and_date(page):
    events_view(page)
    page.select_option("#type-filter", "MilitaryDeployment")
    assert page.locator("#timeline .vis-item-content").count() == 1 and page.locator("path.event-point").count() == 1
    page.select_option("#type-filter", "")
    page.fill("#since", "2022-07-10")
    assert page.locator("#timeline .vis-item-content").all_inner_texts() == ["Military deployment · Colombo"]
    assert page.locator("path.event-point").count() == 1
    page.fill("#until", "2022-07-11")
    assert page.inner_text("#event-count") == "0 events on the timeline, 0 on the map"


def test_from_the_front_page_to_an_events_evidence_in_two_clicks(page):
    events_view(page)
    page.click("#timeline .vis-item-content:has-text('Protest')")                                # 1
    page.wait_for_selector("#event-detail blockquote mark")
    assert page.inner_text("#event-detail blockquote mark") == "berunjuk rasa"
    page.click("#event-detail a.button")                                                 # 2
    page.wait_for_selector("#item h1")
    assert page.url == page.url_of("/event/lk-1-protest")
    assert page.inner_text("#item h1") == "Protest by protesters in Colombo, 2022-07-09"
    first = page.locator("#item figure.source").first
    assert first.locator("mark").all_inner_texts() == ["berunjuk rasa"]
    assert "lk-1 · 2022-07-14" in first.inner_text()
    claimed = page.locator("#item figure.source", has_text="Sekitar").first
    assert claimed.locator("mark").all_inner_texts() == ["berdemo"]
    assert "Sri Lanka Police says · lk-2 · Harian Contoh · 2022-07-10" in claimed.inner_text()
    why = page.inner_text("#item .merges")
    assert why == "lk-1 and lk-2 share Colombo, on 2022-07-09 (stated in the texts) — score 3.5"
    assert page.locator("#item .related a").count() == 2
    shot(page, "page-event")


def test_an_entity_page_links_wikidata_and_its_events(page):
    page.goto(page.url_of("/entity/place/colombo"))
    page.wait_for_selector("#item h2")
    assert page.inner_text("#item h1") == "Colombo"
    assert page.get_attribute("#item a[href*='wikidata.org']", "href") == "https://www.wikidata.org/wiki/Q35381"
    assert page.inner_text("#item h2 >> nth=0") == "place of"
    events = page.locator("#item .fact > a").all_inner_texts()
    assert "Military deployment by Sri Lanka Army in Colombo, 2022-07-13" in events
    assert page.locator("#item .fact mark", has_text="Kolombo").count() >= 2
    page.click("#item .fact > a:has-text('Military deployment')")
    page.wait_for_selector("#item h2")
    assert page.url == page.url_of("/event/lk-1-deploy")
    shot(page, "page-entity")


def test_a_saved_query_shows_a_table_of_names_linked_to_their_pages(page):
    page.goto(page.url_of("/#queries/timeline"))
    page.wait_for_function("document.getElementById('status').textContent === '2 rows'")
    header = page.locator("#results th").all_inner_texts()
    cells = page.locator(f"#results tbody td:nth-child({header.index('event') + 1}) a")
    assert cells.all_inner_texts() == ["Protest by protesters in Colombo, 2022-07-09",
                                       "Military deployment by Sri Lanka Army in Colombo, 2022-07-13"]
    assert cells.first.get_attribute("href") == "/event/lk-1-protest"
    assert not re.search(r"https?://", page.inner_text("#results tbody"))
    shot(page, "workbench-queries", full_page=False)


def test_parameters_are_form_fields(page):
    page.goto(page.url_of("/#queries/events_at_place"))
    box = page.locator("#params input[name='unasserted']")
    assert box.get_attribute("type") == "checkbox" and not box.is_checked()
    page.click("#run")                                        # a required field stops the run
    assert page.inner_text("#status") == ""
    page.fill("#params input[name='place']", "Colombo")
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '2 rows'")
    box.check()                                               # and the negated riot comes in
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '3 rows'")
    assert "negated" in page.inner_text("#results")


def test_the_editor_highlights_completes_prefixes_and_runs_edited_sparql(page):
    page.goto(page.url_of("/#queries/sparql"))
    page.wait_for_selector("#editor .CodeMirror")
    assert "SELECT" in page.locator("#editor .cm-keyword").all_inner_texts()
    page.click("#editor .CodeMirror")
    page.keyboard.press("Control+Home")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowUp")
    page.keyboard.type("PREFIX ", delay=20)
    page.keyboard.type("ge", delay=100)
    page.wait_for_selector(".CodeMirror-hints")
    assert page.locator(".CodeMirror-hints li").all_inner_texts() == ["geo: <http://www.opengis.net/ont/geosparql#>"]
    page.keyboard.press("Enter")
    shot(page, "workbench-editor", full_page=False)
    page.keyboard.press("Control+Enter")
    page.wait_for_function("document.getElementById('status').textContent === '3 rows'")   # every dated event
    assert all(r.startswith(page.url_of("/")) for r in page.requests), page.requests
    page.goto(page.url_of("/#queries/documents"))
    page.wait_for_function("document.getElementById('status').textContent === '2 rows'")
    page.click("#editor-box summary")
    page.evaluate("document.querySelector('#editor .CodeMirror').CodeMirror.setValue("
                  "'SELECT ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id')")
    assert page.is_visible("#edited")
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '2 rows'")
    assert page.locator("#results th").all_inner_texts() == ["id"]


def test_the_graph_view_names_its_nodes_and_opens_their_pages(page):
    page.goto(page.url_of("/#graph"))
    page.wait_for_function("window.kgNetwork && window.kgNetwork.nodes().length > 0")
    page.wait_for_function(f"({PAINTED})('network') > 2000")
    labels = page.evaluate("window.kgNetwork.nodes().map((n) => n.data('label'))")
    assert "Sri Lanka Army" in labels and "Military deployment by Sri Lanka Army in Colombo, 2022-07-13" in labels
    assert not any(label.startswith("http") for label in labels)
    shot(page, "workbench-graph", full_page=False)
    x, y = page.evaluate("""(() => { const p = window.kgNetwork.$id('https://w3id.org/crisis-kg/id/place/colombo').renderedPosition();
                            const box = document.getElementById('network').getBoundingClientRect();
                            return [box.left + p.x, box.top + p.y]; })()""")
    page.mouse.click(x, y)
    page.wait_for_selector("#item h1")
    assert page.url == page.url_of("/entity/place/colombo") and page.inner_text("#item h1") == "Colombo"


def test_a_large_graph_is_cut_with_a_clear_message(page):
    page.goto(page.url_of("/#queries/sparql"))
    page.wait_for_selector("#editor .CodeMirror")
    digits = " ".join(map(str, range(10)))
    page.evaluate("(q) => document.querySelector('#editor .CodeMirror').CodeMirror.setValue(q)",
                  f"SELECT ?a ?b WHERE {{ VALUES ?i {{ {digits} }} VALUES ?j {{ {digits} }} VALUES ?k {{ 0 1 2 3 4 }} "
                  "BIND(IRI(CONCAT('urn:kg-test:', STR(?i), STR(?j), STR(?k))) AS ?a) BIND(<urn:kg-test:hub> AS ?b) }")
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '500 rows'")
    page.click("#result-tabs button[data-show='graph']")
    page.wait_for_function("window.kgGraph && window.kgGraph.nodes().length > 0")
    assert page.evaluate("window.kgGraph.nodes().length") == 400
    assert page.inner_text("#status").startswith("The graph has 501 nodes: drawn are the 400 with the most links.")


@pytest.mark.parametrize("path", ["/", "/#queries/timeline", "/#graph", "/event/lk-1-protest", "/entity/place/colombo"])
def test_phone_width_has_no_sideways_scroll(page, path):
    page.set_viewport_size(PHONE)
    page.goto(page.url_of(path))
    page.wait_for_selector({"/": "path.event-point", "/#queries/timeline": "#results td",
                            "/#graph": "#network canvas"}.get(path, "#item h2"))
    assert page.evaluate(NO_SIDEWAYS_SCROLL), page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    name = {"/": "events", "/#queries/timeline": "queries", "/#graph": "graph"}.get(path, path.split("/")[1])
    shot(page, "phone-" + name, full_page=path != "/#graph")


def test_exported_html_draws_offline(page, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    store, out = make_store(tmp_path / "store"), tmp_path / "graph.html"
    result = CliRunner().invoke(cli, ["export", "--format", "html", "-o", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    outside = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (outside.append(route.request.url), route.abort()))
    page.goto(out.as_uri())
    page.wait_for_function(f"({PAINTED})('graph') > 500")
    assert page.evaluate("cy.nodes().length") == 8 and page.evaluate("cy.edges().length") == 7
    assert outside == []
    shot(page, "kg-export", full_page=False)
