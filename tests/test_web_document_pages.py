"""A document with more facts than a page holds: its API answer and its page show a page of facts at a
time (with counts and links to the other pages), and stay small and quick whatever the document's size."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from store_helpers import record  # noqa: E402
from tipkb.store import open_store  # noqa: E402
from tipkb.web import create_app  # noqa: E402
from web_fixtures import build_store  # noqa: E402

N = 1_234  # sentences, each with one statistic: two and a bit pages of 500


def big_document() -> Any:
    items = [
        (
            f"In {2000 + i % 20} officials counted {i} victims in district number {i}.",
            [
                {
                    "type": "statistic",
                    "country": "NPL",
                    "metric": "victims_identified",
                    "value": i,
                    "year": 2000 + i % 20,
                }
            ],
        )
        for i in range(N)
    ]
    return record("fixtures/long-report.txt", items, title="A long report", subject="NPL")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("docpages") / "kb.db"
    build_store(path)
    with open_store(str(path)) as store:
        store.write_documents([big_document()])
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def doc_id(client: TestClient) -> str:
    docs = client.get("/api/documents?limit=500").json()["items"]
    return next(d["id"] for d in docs if d["source"] == "fixtures/long-report.txt")


def test_api_pages_the_facts_of_a_long_document(client: TestClient, doc_id: str) -> None:
    first = client.get(f"/api/documents/{doc_id}").json()
    assert first["facts_total"] == N and first["limit"] == 500 and first["offset"] == 0
    assert len(first["facts"]) == 500 and first["prev"] is None
    assert first["next"] == f"/api/documents/{doc_id}?limit=500&offset=500"
    # The spans and the highlighting are this page's; the text is the whole document.
    assert len(first["spans"]) == 500 and first["highlighted"].count("**") == 1000
    assert first["text"].count("\n") == N
    seen = []
    url = f"/api/documents/{doc_id}?limit=300"
    while url:
        page = client.get(url).json()
        seen += [f["id"] for f in page["facts"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == N
    # In text order, as the whole list was.
    values = [f["value"] for f in client.get(f"/api/documents/{doc_id}?offset=1200").json()["facts"]]
    assert values == list(range(1200, N))


def test_api_at_gives_the_page_holding_an_offset(client: TestClient, doc_id: str) -> None:
    whole = client.get(f"/api/documents/{doc_id}?offset=1000&limit=1").json()
    start = whole["facts"][0]["evidence"]["start"]
    page = client.get(f"/api/documents/{doc_id}?at={start}&limit=100").json()
    assert page["offset"] == 1000
    assert page["facts"][0]["evidence"]["start"] == start
    past_the_end = client.get(f"/api/documents/{doc_id}?at={10**9}").json()
    assert past_the_end["offset"] == 1000 and past_the_end["next"] is None


def test_small_documents_answer_as_before(client: TestClient) -> None:
    docs = client.get("/api/documents").json()["items"]
    small = next(d for d in docs if d["source"] == "fixtures/nepal-2016.txt")
    body = client.get(f"/api/documents/{small['id']}").json()
    assert len(body["facts"]) == body["facts_total"] == small["facts"]
    assert body["next"] is None and body["prev"] is None
    assert {"text", "highlighted", "spans", "facts", "title", "source"} <= body.keys()


def test_the_page_of_a_long_document_shows_a_page_of_facts_and_its_text(
    client: TestClient, doc_id: str
) -> None:
    html = client.get(f"/documents/{doc_id}").text
    assert "facts 1–500 of 1,234" in html
    assert len(re.findall(r'<mark id="ev-', html)) == 500
    assert f'href="/documents/{doc_id}?offset=500" rel="next"' in html
    assert "victims in district number 499." in html and "district number 500." not in html
    last = client.get(f"/documents/{doc_id}?offset=1000").text
    assert "facts 1,001–1,234 of 1,234" in last and 'rel="next"' not in last
    assert f'href="/documents/{doc_id}?offset=500" rel="prev"' in last
    assert "district number 1233." in last and "district number 999." not in last
    # Every sentence is on exactly one page.
    pages = [client.get(f"/documents/{doc_id}?offset={o}").text for o in (0, 500, 1000)]
    for i in (0, 499, 500, 999, 1000, 1233):
        assert sum(f"district number {i}." in p for p in pages) == 1, i


def test_evidence_links_and_search_links_reach_their_page(client: TestClient, doc_id: str) -> None:
    fact = client.get(f"/api/documents/{doc_id}?offset=700&limit=1").json()["facts"][0]
    s, e = fact["evidence"]["start"], fact["evidence"]["end"]
    by_offset = client.get(f"/documents/{doc_id}?at={s}").text
    assert f'id="ev-{s}-{e}"' in by_offset and "facts 501–1,000 of 1,234" in by_offset
    by_sentence = client.get(f"/documents/{doc_id}?sentence={s}-{e}").text
    assert 'id="sentence"' in by_sentence and "facts 501–1,000" in by_sentence


def test_page_size_does_not_grow_with_the_document(client: TestClient, doc_id: str) -> None:
    docs = client.get("/api/documents").json()["items"]
    small = next(d for d in docs if d["source"] == "fixtures/nepal-2016.txt")
    big = client.get(f"/documents/{doc_id}?offset=500").content
    # 500 facts and their text: bounded by the page, not by the document's 1,234 facts.
    one_fact_page = len(client.get(f"/documents/{small['id']}").content)
    assert len(big) < one_fact_page + 500 * 600


def test_api_without_the_text(client: TestClient, doc_id: str) -> None:
    page = client.get(f"/api/documents/{doc_id}?text=false&offset=500").json()
    assert "text" not in page and "highlighted" not in page
    assert len(page["facts"]) == 500 and len(page["spans"]) == 500
    assert page["next"] == f"/api/documents/{doc_id}?text=false&limit=500&offset=1000"
    assert page["prev"] == f"/api/documents/{doc_id}?text=false&limit=500&offset=0"
