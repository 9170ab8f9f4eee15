"""A long document's pages in a real headless Chromium: a link to evidence on another page of the
document opens that page with the sentence marked and focused; the pages link each other."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is missing: run scripts/install-chromium.sh (CI does) to run the browser tests",
        allow_module_level=True,
    )
pytest.importorskip("playwright")

from playwright.sync_api import Page, expect  # noqa: E402

from browser_support import Requests  # noqa: E402
from test_web_document_pages import big_document  # noqa: E402
from tipkb.store import open_store  # noqa: E402
from web_fixtures import build_store, running_server  # noqa: E402


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("web-long") / "kb.db")
    with open_store(db) as store:
        store.write_documents([big_document()])
    with running_server(db) as url:
        yield url


def test_evidence_on_a_later_page_of_a_long_document(page: tuple[Page, Requests], base: str) -> None:
    p, _ = page
    p.goto(f"{base}/api/facts?doc=long-report&type=statistic&limit=1&offset=777")
    fact = p.evaluate("() => JSON.parse(document.body.innerText).items[0]")
    link = fact["links"]["page"]
    assert re.fullmatch(r"/documents/[0-9a-f]{16}#ev-\d+-\d+", link)
    p.goto(base + link)
    # The script sends the link to the page of facts holding it.
    expect(p).to_have_url(re.compile(r"\?at=\d+#ev-\d+-\d+$"))
    target = p.locator("mark.ev:target")
    expect(target).to_have_text(f"In {2000 + 777 % 20} officials counted 777 victims in district number 777.")
    expect(target).to_be_focused()
    expect(p.locator(".lede")).to_contain_text("facts 501–1,000 of 1,234")
    p.get_by_role("link", name="Next →").first.click()
    expect(p.locator(".lede")).to_contain_text("facts 1,001–1,234 of 1,234")
    expect(p.get_by_role("link", name="Next →")).to_have_count(0)
