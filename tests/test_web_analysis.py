"""The analysis in the web app: /api/network, /api/network.svg, /api/changes, /api/ask and the /network,
/changes and /ask pages, over the small hand-made store of ``web_fixtures`` (TestClient, no network)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from unittest import mock
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("networkx")

from fastapi.testclient import TestClient  # noqa: E402

from tipkb.web import create_app  # noqa: E402
from web_fixtures import build_store  # noqa: E402

QATAR = "Nepali men are forced to work on building sites in Qatar."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("web-analysis") / "kb.db")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    return response.json()


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    # Nothing from elsewhere: every src/href/action is on this server (or a fragment).
    for attr in re.findall(r'(?:src|href|action)="([^"]*)"', html):
        assert not re.match(r"^(?:[a-z]+:)?//", attr), attr
    return html


# -- the network ----------------------------------------------------------------------------------------


def test_network_rankings_corridors_and_graph(client: TestClient) -> None:
    body = get(client, "/api/network")
    assert (body["places"], body["flows"], body["documents"]) == (8, 6, 3)
    assert body["origins"][0]["code"] == "NPL" and body["origins"][0]["out_weight"] == 3
    assert body["destinations"][0]["code"] == "THA"
    assert [r["code"] for r in body["both"]] == ["THA"]
    assert "IND" in [r["code"] for r in body["hubs"]]  # said to be passed through
    corridors = {frozenset(c["members"]) for c in body["corridors"]}
    assert frozenset({"NPL", "IND", "MYS", "QAT"}) in corridors
    nodes = {n["code"]: n for n in body["graph"]["nodes"]}
    assert nodes["NPL"]["lat"] is not None and nodes["NPL"]["page"] == "/countries/NPL"
    assert nodes["NPL"]["corridor"] == nodes["QAT"]["corridor"] != nodes["THA"]["corridor"]
    edges = {(e["origin"], e["destination"]): e for e in body["graph"]["edges"]}
    assert edges[("NPL", "QAT")]["documents"] == 1 and edges[("NPL", "QAT")]["exploitation"] == ["labor"]
    assert edges[("NPL", "MYS")]["via"] == ["IND"] and edges[("NPL", "MYS")]["corridor"] is not None
    assert body["country"] is None and body["upstream"] == body["downstream"] == []


def test_network_filters_and_partners(client: TestClient) -> None:
    body = get(client, "/api/network?exploitation=labor")
    assert [(e["origin"], e["destination"]) for e in body["graph"]["edges"]] == [("NPL", "QAT")]
    women = get(client, "/api/network?victims=women&years=2017")
    assert [(e["origin"], e["destination"]) for e in women["graph"]["edges"]] == [("NPL", "MYS")]
    assert get(client, "/api/network?year=2030")["flows"] == 0
    partners = get(client, "/api/network?country=Nepali&steps=1&top=1")
    assert partners["country"] == "NPL" and partners["steps"] == 1
    assert {p["code"] for p in partners["downstream"]} == {"IND", "MYS", "QAT"}
    assert partners["upstream"] == [] and len(partners["origins"]) == 1
    burma = get(client, "/api/network?country=MMR&steps=2")
    assert [p["path"] for p in burma["downstream"]] == [["MMR", "THA"], ["MMR", "THA", "region:Europe"]]
    thailand = get(client, "/api/network?country=THA")
    assert {p["code"] for p in thailand["upstream"]} == {"KHM", "MMR"}


def test_network_svg(client: TestClient) -> None:
    response = client.get("/api/network.svg?exploitation=labor")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in response.text and "</svg>" in response.text
    # No inline CSS (the Content-Security-Policy would block it): presentation attributes instead.
    assert "style=" not in response.text and "<style" not in response.text
    assert 'fill="#' in response.text and "<!DOCTYPE" not in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_network_page(client: TestClient) -> None:
    html = page(client, "/network")
    assert '<a href="/network" aria-current="page">Network</a>' in html
    assert 'svg class="map"' in html and html.count('class="arc flow"') == 6
    # Places coloured by corridor (a class, a tooltip and a legend in words), regions as dots.
    assert re.search(r'class="area k\d+" d="[^"]+" data-code="NPL"><title>Nepal: corridor \d+', html)
    assert 'data-code="region:Europe"' in html
    assert "corridor 1: " in html and "in no corridor" in html
    for heading in (
        "Corridors",
        "Top origins",
        "Top destinations",
        "Transit hubs",
        "Both origin and destination",
    ):
        assert heading in html, heading
    assert 'href="/api/network.svg"' in html and 'href="/api/network"' in html
    # Edge width follows documents; the filter form has every control.
    for name in ("years", "exploitation", "victims", "country", "steps"):
        assert f'name="{name}"' in html, name
    partners = page(client, "/network?country=Nepal&steps=3&exploitation=&victims=&years=")
    assert "Partners of Nepal within 3 steps" in partners
    downstream = partners.split('id="downstream"')[1]
    assert "Nepal → Qatar" in downstream and "Qatar" in downstream
    labor = page(client, "/network?exploitation=labor&years=2016")
    assert labor.count('class="arc flow"') == 1 and "2 places, 1 flow between them" in labor
    assert 'href="/api/network.svg?years=2016&amp;exploitation=labor"' in labor


# -- changes --------------------------------------------------------------------------------------------


def test_changes_with_evidence_on_both_sides(client: TestClient) -> None:
    body = get(client, "/api/changes?year=2017")
    assert body["year"] == 2017
    [tier] = body["tiers"]
    assert (tier["country"], tier["direction"]) == ("NPL", "downgrade")
    assert tier["before"]["value"] == "2" and tier["after"]["value"] == "2WL"
    assert tier["before"]["evidence"][0]["page"].startswith("/documents/")
    rows = {(r["section"], r["what"]): r for r in body["rows"]}
    assert rows[("flows", "Nepal → Malaysia")]["change"] == "new"
    qatar = rows[("flows", "Nepal → Qatar")]
    assert qatar["change"] == "vanished"
    [before] = qatar["before_evidence"]
    assert before["text"] == QATAR
    assert re.fullmatch(r"/documents/[0-9a-f]{16}#ev-\d+-\d+", before["page"])
    assert before["sentence_url"].startswith("/api/documents/")
    # The side that does not state it lists the documents that leave it out, with their pages.
    assert qatar["after_evidence"] == []
    [left_out] = qatar["after_pages"]
    assert left_out["document"] == "fixtures/nepal-2017.txt" and left_out["page"].startswith("/documents/")


def test_changes_filters(client: TestClient) -> None:
    nepal = get(client, "/api/changes?year=2017&country=Nepali")
    assert nepal["country"] == "NPL" and len(nepal["rows"]) == 4
    assert get(client, "/api/changes?year=2017&country=THA")["rows"] == []
    stats = get(client, "/api/changes?year=2016&country=NPL")
    [rose] = [r for r in stats["rows"] if r["section"] == "statistics"]
    assert (
        rose["change"] == "rose +30 (+20.0%)"
        and rose["before"].startswith("150")
        and rose["after"].startswith("180")
    )
    since = get(client, "/api/changes?year=2017&since=2016")
    assert since["since"] == 2016


def test_changes_page(client: TestClient) -> None:
    html = page(client, "/changes?year=2017&country=Nepal")
    assert "What changed in 2017: Nepal" in html
    assert html.count("<tr>") == 5  # the header and four changes
    for text in ("downgrade", "vanished", "new", "Tier 2 Watch List", QATAR):
        assert text in html, text
    assert re.search(r'href="/documents/[0-9a-f]{16}#ev-\d+-\d+"', html)
    assert re.search(r'of that year: <a href="/documents/[0-9a-f]{16}">nepal-2017.txt</a>', html)
    # Without a year: the latest year with tier placements.
    assert "What changed in 2017" in page(client, "/changes")
    assert "Nothing changed in 2017 for Thailand" in page(client, "/changes?year=2017&country=THA&since=")


# -- ask ------------------------------------------------------------------------------------------------


def test_ask_answers_with_evidence(client: TestClient) -> None:
    body = get(client, "/api/ask?q=" + quote("Where are Nepali men trafficked to?"))
    assert body["answered"] is True and body["kind"] == "flows" and body["values"] == ["QAT"]
    assert "Qatar" in body["text"]
    [e] = body["evidence"]
    assert e["text"] == QATAR
    assert re.fullmatch(r"/documents/[0-9a-f]{16}\?sentence=\d+-\d+#sentence", e["sentence_page"])
    assert e["document_url"].startswith("/api/documents/")


@pytest.mark.parametrize(
    ("q", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 600, "too_long"),
        ("Wohin werden Frauen aus Nepal gebracht?", "language"),
        ("What tier was Nepall in 2016?", "unknown_place"),
        ("What is the capital of Nepal?", "off_topic"),
        ("What tier was Nepal in 1950?", "year_out_of_range"),
        ("\x01\x00?", "not_understood"),
    ],
)
def test_ask_refuses_with_200(client: TestClient, q: str, reason: str) -> None:
    body = get(client, "/api/ask?q=" + quote(q))
    assert body["answered"] is False and body["reason"] == reason
    assert body["text"].startswith("I can't answer that from the data")


def test_ask_refusal_gives_closest_sentences(client: TestClient) -> None:
    body = get(client, "/api/ask?q=" + quote("What is the capital of Nepal?"))
    assert body["evidence"] and all(e["sentence_page"] for e in body["evidence"])


def test_ask_page(client: TestClient) -> None:
    empty = page(client, "/ask")
    assert '<form class="search" method="get" action="/ask"' in empty
    assert 'href="/ask?q=Where%20are%20Uzbek%20women%20trafficked%20to%3F"' in empty
    html = page(client, "/ask?q=" + quote("Where are Nepali men trafficked to?"))
    assert "Supporting sentences" in html and "Men from Nepal are trafficked to Qatar." in html
    link = re.search(
        r'<a href="(/documents/[0-9a-f]{16}\?sentence=\d+-\d+#sentence)">nepal-2016.txt</a>', html
    )
    assert link, html
    document = page(client, link.group(1).replace("#sentence", ""))
    assert '<span id="sentence" class="hit" tabindex="-1">' in document and QATAR in document
    refused = page(client, "/ask?q=" + quote("What is the capital of Nepal?"))
    assert "I can&#39;t answer that from the data" in refused and "The closest sentences" in refused
    assert "NEPAL (Tier 2)" in refused


# -- navigation, bad input, a missing package -------------------------------------------------------------


def test_navigation_and_api_index(client: TestClient) -> None:
    html = page(client, "/")
    for href in ("/network", "/changes", "/ask"):
        assert f'<a href="{href}"' in html, href
    endpoints = get(client, "/api")["endpoints"]
    assert endpoints["network"].startswith("/api/network") and endpoints["ask"].startswith("/api/ask")
    schema = get(client, "/openapi.json")
    for path in ("/api/network", "/api/network.svg", "/api/changes", "/api/ask"):
        assert path in schema["paths"], path
        assert "503" in schema["paths"][path]["get"]["responses"]
    assert "image/svg+xml" in schema["paths"]["/api/network.svg"]["get"]["responses"]["200"]["content"]
    docs = page(client, "/api/docs")
    assert "/api/network.svg" in docs and "/api/ask?q=" in docs


BAD = [
    ("/api/network?steps=0", 422),
    ("/api/network?steps=11", 422),
    ("/api/network?steps=two", 422),
    ("/api/network?top=0", 422),
    ("/api/network?year=later", 422),
    ("/api/network?years=2010-2008", 400),
    ("/api/network?years=soon", 400),
    ("/api/network?exploitation=farming", 400),
    ("/api/network?victims=robots", 400),
    ("/api/network?country=Nepall", 404),
    ("/api/network?country=%01", 400),
    ("/api/network?country=" + "x" * 101, 422),
    ("/api/network.svg?years=2010-2008", 400),
    ("/api/network.svg?exploitation=farming", 400),
    ("/api/network.svg?year=-1", 422),
    ("/api/changes", 422),
    ("/api/changes?year=", 422),
    ("/api/changes?year=1800", 400),
    ("/api/changes?year=2017&since=2017", 400),
    ("/api/changes?year=2017&since=2018", 400),
    ("/api/changes?year=2017&country=Atlantis", 404),
    ("/api/changes?year=2017&country=%7F", 400),
    ("/api/ask", 422),
    ("/api/ask?q=" + "w" * 2001, 422),
]


@pytest.mark.parametrize(("url", "status"), BAD)
def test_bad_input_is_a_json_4xx(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["message"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/network?steps=0", 422),
        ("/network?years=2010-2008", 400),
        ("/network?country=Nepall", 404),
        ("/changes?year=abc", 422),
        ("/changes?year=1800", 400),
        ("/changes?year=2017&country=Atlantis", 404),
        ("/ask?q=" + "w" * 2001, 422),
    ],
)
def test_bad_input_on_pages_is_an_error_page(client: TestClient, url: str, status: int) -> None:
    html = page(client, url, status)
    assert f"Error {status}" in html


def test_long_question_on_the_page_is_refused_politely(client: TestClient) -> None:
    html = page(client, "/ask?q=" + "w" * 600)
    assert "longer than 500 characters" in html


def test_missing_analysis_package_is_a_503(client: TestClient) -> None:
    missing = ImportError("the flow network needs networkx: pip install 'tipkb[analysis]'")
    with mock.patch("tipkb.web.analysis.network_data", side_effect=missing):
        body = get(client, "/api/network?top=3", 503)
        assert body["error"] == {"status": 503, "message": str(missing)}
        html = page(client, "/network?steps=3", 503)
        assert "pip install" in html
    with mock.patch("tipkb.web.analysis.network_svg", side_effect=missing):
        assert get(client, "/api/network.svg?year=2016", 503)["error"]["message"] == str(missing)


def test_pages_load_only_our_assets(client: TestClient) -> None:
    for url in ("/network", "/changes", "/ask?q=Nepal"):
        html = page(client, url)
        assert '<link rel="stylesheet" href="/static/style.css">' in html
        assert "<script" not in html or 'src="/static/app.js"' in html
