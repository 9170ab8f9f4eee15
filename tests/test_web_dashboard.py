"""The dashboard as an analyst first meets it: the map opens on a year most countries have, says which;
the country table is by name and sortable; the flows explorer links its documents to their pages."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from store_helpers import flow, record  # noqa: E402
from tipkb.store import open_store  # noqa: E402
from tipkb.web import create_app  # noqa: E402
from tipkb.web.views import opening_year  # noqa: E402
from web_fixtures import documents  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    # The newest year holds one narrative (Laos, 2024), as after ingesting one recent report.
    laos = record(
        "notes/laos-2024.txt",
        [("LAOS: TIER 2 WATCH LIST", [{"type": "tier", "country": "LAO", "year": 2024, "tier": "2WL"}])],
        subject="LAO",
    )
    neighbours = record(
        "notes/region-2016.txt",
        [
            ("BURMA (Tier 3)", [{"type": "tier", "country": "MMR", "year": 2016, "tier": "3"}]),
            ("CAMBODIA (Tier 2)", [{"type": "tier", "country": "KHM", "year": 2016, "tier": "2"}]),
            ("BAHRAIN (Tier 1)", [{"type": "tier", "country": "BHR", "year": 2016, "tier": "1"}]),
            (
                "Cambodian children are made to beg in the cities of Cambodia.",
                [flow("KHM", "KHM", 2016, ["children"], ["begging"])],
            ),
        ],
    )
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "kb.db")
        with open_store(db) as store:
            store.write_documents([*documents(), laos, neighbours])
        with TestClient(create_app(db)) as c:
            yield c


def test_opening_year_has_broad_coverage() -> None:
    placements = {2016: {"NPL": ["2"], "THA": ["3"]}, 2017: {"NPL": ["2WL"]}, 2024: {"LAO": ["2WL"]}}
    assert opening_year(placements) == 2024  # half of the best year's two countries is one
    placements[2016]["MMR"] = ["3"]
    assert opening_year(placements) == 2016
    assert opening_year({}) is None


def test_map_opens_on_the_broad_year_and_says_so(client: TestClient) -> None:
    html = client.get("/").text
    assert "<h1>Tier placements in 2016</h1>" in html
    assert "Showing 2016: tier placements for 5 countries. Newer years hold fewer (2024: 1, 2017: 1)" in html
    chosen = client.get("/?year=2024").text
    assert "Showing 2024: tier placements for 1 country." in chosen and "Newer years" not in chosen


def test_country_table_is_by_name_and_sortable(client: TestClient) -> None:
    html = client.get("/").text
    table = html[html.index('id="country-table"') :]
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table)
    assert names == sorted(names, key=str.casefold) and len(names) >= 5
    assert 'class="sortable"' in html and 'data-type="number"' in html


def test_flow_documents_link_to_document_pages(client: TestClient) -> None:
    html = client.get("/flows?origin=Nepal").text
    assert "/api/flows?origin" not in html.split("<table", 1)[1]
    links = re.findall(r'<li><a href="(/documents/[0-9a-f]{16}#ev-\d+-\d+)"', html)
    assert links
    page = client.get(links[0].split("#")[0])
    assert page.status_code == 200 and "Nepali" in page.text


def test_a_document_about_many_countries_shows_them(client: TestClient) -> None:
    docs = {d["source"]: d for d in client.get("/api/documents").json()["items"]}
    several = client.get(docs["notes/region-2016.txt"]["page"]).text
    lede = several[several.index('class="lede"') :].split("</p>", 1)[0]
    assert "covers 3 countries:" in lede and "/countries/MMR" in lede and "/countries/KHM" in lede
    one = client.get(docs["fixtures/nepal-2016.txt"]["page"]).text
    lede = one[one.index('class="lede"') :].split("</p>", 1)[0]
    assert "about <a" in lede and "covers" not in lede


def test_small_states_get_a_marker(client: TestClient) -> None:
    html = client.get("/?year=2016").text
    # Qatar is drawn but a few pixels wide; Bahrain is not in the outlines at all.
    assert 'data-code="QAT"' in html and 'data-code="BHR"' in html
    assert re.search(r'<circle class="dot t1"[^>]*data-code="BHR"', html)
    assert 'data-code="THA"' not in html.split("<circle", 1)[-1].split("</svg>", 1)[0]  # large: no dot


def test_flow_map_draws_the_via_and_internal_flows(client: TestClient) -> None:
    # Nepal -> Malaysia via India: two arcs, India marked as transit.
    html = client.get("/flows?origin=Nepal&destination=Malaysia").text
    figure = html.split('<figure class="map-figure">', 1)[1].split("</figure>", 1)[0]
    assert figure.count("Nepal → Malaysia via India") >= 2
    assert "India (transit)" in figure
    assert "transit (a flow's via: drawn through it)" in figure


def test_internal_flows_are_drawn_and_said_internal(client: TestClient) -> None:
    country = client.get("/countries/KHM").text
    assert "within Cambodia (internal)" in country and "internal: within Cambodia (a loop)" in country
    assert 'class="arc internal' in country or "arc internal" in country
    assert "out of Cambodia (1)" in country  # Cambodia -> Thailand; the loop apart
    network = client.get("/network").text
    assert "within Cambodia (internal): 1 document" in network
    assert "within one place (internal" in network
