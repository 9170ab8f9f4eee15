"""The network, changes and ask pages in a real headless Chromium (Debian's, driven by Playwright)
against `tipkb serve` on a loopback port: the corridor view and its filters, changes with evidence on
both sides, a question answered and its evidence followed to the document, the keyboard, phone width,
and not one request outside the server."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is missing: run scripts/install-chromium.sh (CI does) to run the browser tests",
        allow_module_level=True,
    )
pytest.importorskip("playwright")
pytest.importorskip("networkx")

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from browser_support import Requests  # noqa: E402

QATAR = "Nepali men are forced to work on building sites in Qatar."


def test_network_corridors_and_partners(page: tuple[Page, Requests], base: str) -> None:
    p, log = page
    p.goto(base + "/")
    p.get_by_role("link", name="Network", exact=True).click()
    expect(p.locator("h1")).to_have_text("Flow network")
    expect(p.locator("svg.map path.arc")).to_have_count(6)
    # Places coloured by corridor, with the legend and the corridors table saying which is which.
    nepal = p.locator('svg.map path[data-code="NPL"]')
    assert re.search(r"\bk\d+\b", nepal.get_attribute("class") or "")
    expect(p.locator("svg.map circle.dot[data-code='region:Europe']")).to_have_count(1)
    expect(p.locator("figcaption ul.legend")).to_contain_text("corridor 1")
    expect(p.locator("table.corridors tbody tr")).to_have_count(2)
    expect(p.locator("#origins + p + div tbody tr").first).to_contain_text("Nepal")
    # Filter, and ask for one country's partners.
    p.get_by_label("Exploitation").select_option("labor")
    p.get_by_label("Partners of").fill("Nepal")
    p.get_by_label("Steps").fill("1")
    p.get_by_role("button", name="Show").click()
    assert "exploitation=labor" in p.url and "steps=1" in p.url
    expect(p.locator("svg.map path.arc")).to_have_count(1)
    expect(p.locator("h2#partners")).to_have_text("Partners of Nepal within 1 step")
    expect(p.locator('section[aria-labelledby="downstream"] tbody tr')).to_have_count(1)
    expect(p.locator('section[aria-labelledby="downstream"]')).to_contain_text("Qatar")
    # A place on the map is a link to its page (focused and opened from the keyboard: the arc to tiny
    # Qatar lies over it).
    p.locator('svg.map a[href="/countries/QAT"]').focus()
    p.keyboard.press("Enter")
    expect(p.locator("h1")).to_contain_text("Qatar")
    # The network picture is served as SVG by the server.
    p.goto(base + "/network")
    with p.expect_response(re.compile(r"/api/network\.svg")) as svg:
        p.get_by_role("link", name="network picture (SVG)").click()
    assert svg.value.status == 200 and svg.value.headers["content-type"].startswith("image/svg+xml")
    assert len(log.urls) > 5


def test_changes_evidence_on_both_sides(page: tuple[Page, Requests], base: str) -> None:
    p, _ = page
    p.goto(base + "/changes")
    expect(p.locator("h1")).to_have_text("What changed in 2017")
    p.get_by_label("Country", exact=True).fill("Nepal")
    p.get_by_role("button", name="Show").click()
    rows = p.locator("#changes-table tbody tr")
    expect(rows).to_have_count(4)
    tier = rows.filter(has_text="tier downgrade")
    expect(tier.locator("details")).to_have_count(2)  # before and after, each with its sentence
    qatar = rows.filter(has_text="Nepal → Qatar")
    expect(qatar.locator("td").nth(3)).to_contain_text("nepal-2017.txt")  # the document that leaves it out
    qatar.locator("summary").click()
    qatar.locator("details a").click()
    expect(p).to_have_url(re.compile(r"/documents/[0-9a-f]{16}#ev-\d+-\d+$"))
    target = p.locator("mark.ev:target")
    expect(target).to_have_text(QATAR)
    expect(target).to_be_focused()


def test_ask_and_follow_the_evidence(page: tuple[Page, Requests], base: str) -> None:
    p, _ = page
    p.goto(base + "/")
    p.get_by_role("link", name="Ask", exact=True).click()
    p.get_by_label("A question in English").fill("Where are Nepali men trafficked to?")
    p.keyboard.press("Enter")
    expect(p.locator("#answer-text")).to_have_text("Men from Nepal are trafficked to Qatar.")
    evidence = p.locator("#evidence li")
    expect(evidence).to_have_count(1)
    expect(evidence.first).to_contain_text(QATAR)
    evidence.first.locator("a").click()
    expect(p).to_have_url(re.compile(r"/documents/[0-9a-f]{16}\?sentence=\d+-\d+#sentence$"))
    expect(p.locator("#sentence")).to_have_text(QATAR)
    expect(p.locator("#sentence")).to_be_focused()
    expect(p.locator("#sentence")).to_be_in_viewport()
    # A question the data does not answer: the refusal and the closest sentences.
    p.goto(base + "/ask?q=What+is+the+capital+of+Nepal%3F")
    expect(p.locator("#answer-text")).to_contain_text("I can't answer that from the data")
    expect(p.locator("h2#sentences")).to_have_text("The closest sentences")
    assert p.locator("#evidence li").count() >= 1


def test_keyboard_only(page: tuple[Page, Requests], base: str) -> None:
    p, _ = page
    p.goto(base + "/ask")
    # keys go to the page only once it has settled (scripts done): on a busy machine they raced it
    p.wait_for_load_state("networkidle")
    p.keyboard.press("Tab")
    expect(p.locator("a.skip")).to_be_focused()
    p.keyboard.press("Enter")
    expect(p.locator("main")).to_be_focused()
    # From the main region, Tab reaches the question box; Enter asks.
    p.keyboard.press("Tab")
    expect(p.locator("#q")).to_be_focused()
    p.keyboard.type("What tier was Nepal in 2016?")
    p.keyboard.press("Enter")
    expect(p.locator("#answer-text")).to_contain_text("Tier 2")
    # The network filters are a plain form: fill and submit by keyboard.
    p.goto(base + "/network")
    p.get_by_label("Partners of").focus()
    p.keyboard.type("THA")
    p.keyboard.press("Enter")
    expect(p.locator('section[aria-labelledby="upstream"] tbody tr')).to_have_count(2)
    # Evidence on the changes page opens from the keyboard.
    p.goto(base + "/changes?year=2017")
    summary = p.locator("#changes-table details summary").first
    summary.focus()
    p.keyboard.press("Enter")
    expect(p.locator("#changes-table details").first.locator("q")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    ["/network", "/network?country=NPL&steps=2", "/changes?year=2017", "/ask", "/ask?q=capital+of+Nepal"],
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
