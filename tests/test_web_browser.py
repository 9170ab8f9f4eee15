"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) against `tipkb serve` on a
loopback port: map, year, country, flows filter, search, evidence to the document, phone width, and
not one request outside the server."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is missing: run scripts/install-chromium.sh (CI does) to run the browser tests",
        allow_module_level=True,
    )
pytest.importorskip("playwright")

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from browser_support import Requests  # noqa: E402


def test_map_year_country_flows_search_document(page: tuple[Page, Requests], base: str) -> None:
    p, log = page
    p.goto(base + "/")
    expect(p.locator("h1")).to_have_text("Tier placements in 2017")
    assert p.locator("svg.map path.area").count() > 150
    # Pick a year.
    p.select_option("#year", "2016")
    p.get_by_role("button", name="Show").click()
    expect(p.locator("h1")).to_have_text("Tier placements in 2016")
    assert "year=2016" in p.url
    expect(p.locator('svg.map path.t3[data-code="THA"]')).to_have_count(1)
    # Open a country from the map.
    p.locator('svg.map a[href="/countries/NPL"]').click()
    expect(p.locator("h1")).to_contain_text("Nepal")
    expect(p.locator("svg.timeline rect")).to_have_count(3)
    expect(p.locator("svg.chart")).to_have_count(2)
    assert p.locator("svg.map path.arc.out").count() == 3
    expect(p.locator("#flows table").first).to_contain_text("Qatar")
    # Follow a fact's evidence to its document, where the sentence is marked and focused.
    row = p.locator("#flows tbody tr", has_text="Qatar")
    row.locator("summary").click()
    row.locator("details a").first.click()
    expect(p).to_have_url(re.compile(r"/documents/[0-9a-f]{16}#ev-\d+-\d+$"))
    target = p.locator("mark.ev:target")
    expect(target).to_have_text("Nepali men are forced to work on building sites in Qatar.")
    expect(target).to_be_focused()
    expect(target).to_be_in_viewport()
    # Rendered whole, with the text before the sentence in view above it (not at the very top edge).
    top = p.evaluate("document.querySelector('mark.ev:target').getBoundingClientRect().top")
    if p.evaluate("window.scrollY") > 0:
        assert top > 0.2 * p.viewport_size["height"], top
    assert p.evaluate("document.elementFromPoint(200, 120) !== null")
    # Filter flows.
    p.get_by_role("link", name="Flows").click()
    p.get_by_label("Origin").fill("Nepal")
    p.get_by_label("Exploitation").select_option("labor")
    p.get_by_role("button", name="Filter").click()
    rows = p.locator("#flow-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Qatar")
    assert p.locator("svg.map path.arc").count() == 1
    # Search, and open the sentence found.
    p.get_by_role("link", name="Search").click()
    p.get_by_label(re.compile("Words in a sentence")).fill("debt bondage")
    p.keyboard.press("Enter")
    result = p.locator("ol.results li").first
    expect(result.locator("mark").first).to_have_text(re.compile("debt", re.I))
    result.locator("a").click()
    expect(p.locator("#sentence")).to_have_text(
        "Burmese fishermen are held in debt bondage on boats off Thailand."
    )
    expect(p.locator("#sentence")).to_be_in_viewport()
    assert len(log.urls) > 10


def test_keyboard_only(page: tuple[Page, Requests], base: str) -> None:
    p, _ = page
    p.goto(base + "/")
    # keys go to the page only once it has settled (scripts done): on a busy machine they raced it
    p.wait_for_load_state("networkidle")
    p.keyboard.press("Tab")
    expect(p.locator("a.skip")).to_be_focused()
    p.keyboard.press("Enter")
    expect(p.locator("main")).to_be_focused()
    # The header's country box takes names and demonyms.
    p.locator("#quick-country").focus()
    p.keyboard.type("Thai")
    expect(p.locator("#quick-country")).to_have_value("Thai")
    expect(p.locator("#quick-country")).to_be_focused()
    p.keyboard.press("Enter")
    expect(p.locator("h1")).to_contain_text("Thailand")
    # A late hashchange (as on a busy machine) never takes focus from the field being typed in.
    p.goto(base + "/#main")
    p.wait_for_load_state("networkidle")
    p.locator("#quick-country").focus()
    p.evaluate("window.dispatchEvent(new HashChangeEvent('hashchange'))")
    expect(p.locator("#quick-country")).to_be_focused()
    # Countries on the map are links reachable by keyboard.
    p.goto(base + "/")
    link = p.locator('svg.map a[href="/countries/NPL"]')
    link.focus()
    expect(link).to_be_focused()
    p.keyboard.press("Enter")
    expect(p).to_have_url(base + "/countries/NPL")
    # Evidence sentences open from the keyboard.
    summary = p.locator("#roles details summary").first
    summary.focus()
    p.keyboard.press("Enter")
    expect(p.locator("#roles details").first.locator("q")).to_be_visible()


@pytest.mark.parametrize(
    "path", ["/", "/countries/NPL", "/flows", "/search?q=forced", "/documents", "/conflicts", "/api/docs"]
)
def test_phone_width_has_no_sideways_scroll(browser: Browser, base: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    log = Requests(p)
    p.goto(base + path)
    overflow: Any = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 1, f"{path} is {overflow}px wider than the phone"
    assert log.outside(base) == []


def test_every_page_stays_on_the_server(browser: Browser, base: str, tmp_path: Path) -> None:
    context = browser.new_context()
    p = context.new_page()
    log = Requests(p)
    for path in [
        "/",
        "/?by=role",
        "/countries/THA",
        "/countries/region:Europe",
        "/flows?region=Asia",
        "/documents",
        "/api/docs",
        "/upload",
        "/countries/Nowhere",
    ]:
        p.goto(base + path)
    documents = p.evaluate("fetch('/api/documents').then(r => r.json())")
    for doc in documents["items"]:
        p.goto(base + doc["page"])
        expect(p.locator("article.doc-text")).to_be_visible()
    context.close()
    assert log.outside(base) == []
    assert log.errors == [] or all("404" in e for e in log.errors)
