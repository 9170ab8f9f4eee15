"""The statistics series in the API and the country page's charts (FastAPI's TestClient, a real store)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from tipkb.web import create_app  # noqa: E402
from web_fixtures import build_store  # noqa: E402


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(build_store(tmp_path / "kb.db")), raise_server_exceptions=False) as c:
        yield c


def test_country_statistics_series_with_evidence(client: TestClient) -> None:
    response = client.get("/api/countries/Nepal/statistics")
    assert response.status_code == 200, response.text[:300]
    body = response.json()
    assert body["country"] == "NPL" and body["name"] == "Nepal"
    points = [(c["year"], c["value"]) for c in body["series"]["investigations"]]
    assert points == [(2015, 150), (2016, 180)]
    convictions = body["series"]["convictions"]
    assert [(c["year"], sorted([c["value"], *c["also"]])) for c in convictions] == [(2016, [40, 45])]
    for cell in body["series"]["investigations"]:
        assert cell["evidence"] and cell["evidence"][0]["page"].startswith("/documents/")
    assert {s["scope"] for s in body["statistics"]} == {"total"}
    assert client.get("/api/countries/Nepall/statistics").status_code == 404


def test_country_page_chart_points_link_their_sentences(client: TestClient) -> None:
    html = client.get("/countries/NPL").text
    bars = re.findall(r'<a href="([^"]+)"><rect class="bar"', html)
    assert len(bars) >= 3  # investigations 2015 and 2016, convictions 2016
    assert all(href.startswith("/documents/") for href in bars)
    assert client.get(bars[0].replace("&amp;", "&")).status_code == 200
