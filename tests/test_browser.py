"""The web page of `kg serve` in headless Chromium: run a saved query, see rows and the graph drawn."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from graph_fixture import make_store, start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")

# Pixels drawn on Cytoscape's canvases (they stay transparent until something is drawn).
PAINTED = """() => Array.from(document.querySelectorAll('#graph canvas')).reduce((sum, c) => {
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
  return sum + n; }, 0)"""


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    process, url = start_server(make_store(tmp_path_factory.mktemp("browser") / "store"))
    yield url
    stop_server(process)


@pytest.fixture(scope="module")
def page(url):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "/")
        page.requests = requests
        yield page
        browser.close()


def test_page_lists_saved_queries_and_loads_nothing_from_outside(page, url):
    page.wait_for_selector("nav button[data-name='timeline']")
    assert page.locator("nav button").count() >= 10
    assert all(r.startswith(url) for r in page.requests), page.requests


def test_run_a_saved_query_and_see_rows_and_graph(page):
    page.click("nav button[data-name='evidence']")
    assert "Every sentence that mentions" in page.inner_text("#description")
    page.fill("#params input[name='name']", "Colombo")
    page.click("#run")
    page.wait_for_selector("#results td")
    assert page.locator("#results tr").count() == 3           # a header and two sentences
    assert "Kolombo" in page.inner_text("#results")
    assert page.evaluate("window.kgGraph.nodes().length") >= 1


def test_optional_parameters_start_at_their_default(page):
    page.click("nav button[data-name='events_at_place']")
    box = page.locator("#params input[name='unasserted']")
    assert box.get_attribute("type") == "checkbox" and not box.is_checked()
    page.fill("#params input[name='place']", "Colombo")
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '2 rows'")
    assert "false" not in page.evaluate("window.kgGraph.nodes().map((n) => n.data('label'))")   # not a name
    box.check()                                      # and the negated riot comes in
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent === '3 rows'")
    assert "negated" in page.inner_text("#results")


def test_construct_query_draws_the_graph(page):
    page.click("nav button[data-name='actor_network']")
    page.wait_for_function("document.getElementById('status').textContent.includes('triple')")
    assert page.evaluate("window.kgGraph.nodes().length") == 8
    assert page.evaluate("window.kgGraph.edges().length") >= 7
    page.wait_for_function(f"({PAINTED})() > 500")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kg-serve.png"), full_page=True)
    assert (ARTIFACTS / "kg-serve.png").stat().st_size > 10_000


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
    page.wait_for_function(f"({PAINTED})() > 500")
    assert page.evaluate("cy.nodes().length") == 8 and page.evaluate("cy.edges().length") == 7
    assert outside == []
    page.unroute("**/*")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kg-export.png"))
