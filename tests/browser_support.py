"""What the browser tests share: Debian's Chromium driven by Playwright, a server over a fixture store,
and a page that fails its test if it asks for anything outside the server or logs a console error.

Loaded as a pytest plugin by conftest.py; Playwright is imported only when a browser test runs (the
browser test modules skip first when Chromium is missing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from web_fixtures import build_store, running_server

    db = build_store(tmp_path_factory.mktemp("web") / "kb.db")
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import expect, sync_playwright

    # A busy shared machine can take more than Playwright's 5 s to serve and render a page: wait up to
    # 20 s for what a test expects (a failing test still fails, only later).
    expect.set_options(timeout=20_000)
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Requests:
    """Every request a page made, every console error, and every answer with an error status (the
    console does not say which resource failed)."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def outside(self, base: str) -> list[str]:
        return [u for u in self.urls if not (u.startswith(base + "/") or u.startswith(("data:", "about:")))]


@pytest.fixture
def page(browser: Browser, base: str) -> Iterator[tuple[Page, Requests]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    opened = context.new_page()
    log = Requests(opened)
    yield opened, log
    context.close()
    assert log.outside(base) == [], "requests outside the server"
    assert log.errors == [], "console errors"
