"""Every query parameter the API declares does something: walked from the OpenAPI document, each one
given a value changes the answer (or is refused); a parameter no route takes, or a single value given
twice, is a 422; repeatable filters are ORed."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from tipkb.web import create_app  # noqa: E402
from web_fixtures import build_store  # noqa: E402

# Values to try for each parameter (by route, else by name), over the store of ``web_fixtures``; a new
# parameter fails the walk until it is given values here.
VALUES: dict[str, list[Any]] = {
    "limit": [1],
    "offset": [1],
    "evidence": ["true"],
    "year": [2017, 2016],
    "years": ["2017-2017", "2015-2016"],
    "country": ["THA", "NPL"],
    "victims": ["men"],
    "exploitation": ["labor"],
    "/api/countries kind": ["region", "country"],
    "/api/countries role": ["origin", "destination"],
    "/api/flows origin": ["NPL"],
    "/api/flows destination": ["QAT"],
    "/api/flows via": ["IND"],
    "/api/flows region": ["Europe", "South Asia"],
    "/api/flows hedged": ["true"],
    "/api/tiers tier": ["3", "2WL"],
    "/api/countries/{country}/statistics evidence": ["false"],
    "/api/statistics metric": ["convictions"],
    "/api/statistics year": [2015],
    "/api/statistics years": ["2015-2015"],
    "/api/facts type": ["tier"],
    "/api/facts doc": ["thailand"],
    "at": [40, 80, 200, 400],
    "/api/documents/{doc_id} text": ["false"],
    "/api/conflicts kind": ["tier", "statistic"],
    "/api/network steps": [1],
    "/api/network top": [1],
    "/api/changes since": [2015, 2010],
    "/api/export/{fmt} type": ["tier"],
}
# Parameters every request of a route carries (required ones), and what a parameter needs beside it.
BASE: dict[str, dict[str, Any]] = {
    "/api/statistics": {"country": "NPL"},
    "/api/search": {"q": "Nepali"},
    "/api/changes": {"year": 2017},
    "/api/ask": {"q": "Which countries are Tier 3?"},
}
CONTEXT: dict[str, dict[str, Any]] = {
    "/api/network steps": {"country": "KHM"},
    "/api/documents/{doc_id} at": {"limit": 1},  # a page of one fact: the one at the offset
}
# Page links repeat the parameters: an ignored parameter would still change them.
ECHOES = ("next", "prev", "limit", "offset")

_folder = tempfile.TemporaryDirectory(prefix="tipkb-params-")
_db = build_store(Path(_folder.name) / "kb.db")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(_db), raise_server_exceptions=False) as c:
        yield c


def _operations() -> list[tuple[str, list[dict[str, Any]]]]:
    spec = create_app(_db).openapi()
    return [
        (path, ops["get"].get("parameters", []))
        for path, ops in spec["paths"].items()
        if "get" in ops and path.startswith("/api")
    ]


def _url(client: TestClient, path: str) -> str:
    if "{doc_id}" in path:
        doc = client.get("/api/documents").json()["items"][0]["id"]
        path = path.replace("{doc_id}", doc)
    return path.replace("{country}", "NPL").replace("{fmt}", "csv")


def _answer(client: TestClient, url: str, params: dict[str, Any]) -> tuple[int, Any]:
    got = client.get(url, params=params)
    if got.headers.get("content-type", "").startswith("application/json"):
        body = got.json()
        if isinstance(body, dict):
            body = {k: v for k, v in body.items() if k not in ECHOES}
        return got.status_code, body
    return got.status_code, got.content


OPTIONAL = [
    (path, p["name"], "array" in str(p["schema"]))
    for path, params in _operations()
    for p in params
    if p["in"] == "query" and not p.get("required")
]


@pytest.mark.parametrize(("path", "name", "repeatable"), OPTIONAL, ids=[f"{p} {n}" for p, n, _ in OPTIONAL])
def test_each_declared_parameter_changes_the_answer(
    client: TestClient, path: str, name: str, repeatable: bool
) -> None:
    key = f"{path} {name}"
    values = VALUES.get(key, VALUES.get(name))
    assert values, f"give {key} values to try in VALUES"
    url = _url(client, path)
    base = {**BASE.get(path, {}), **CONTEXT.get(key, {})}
    status, before = _answer(client, url, base)
    assert status == 200, before
    changed = []
    for value in values:
        status, after = _answer(client, url, {**base, name: value})
        assert status in (200, 400, 404, 422), (value, after)
        changed.append(status != 200 or after != before)
    assert any(changed), f"{key}: none of {values} changes the answer"
    if not repeatable:
        status, body = _answer(client, url, {**base, name: [values[0], values[0]]})
        assert status == 422 and "takes one value" in str(body), body


@pytest.mark.parametrize("path", [p for p, _ in _operations()])
def test_a_parameter_no_route_takes_is_refused(client: TestClient, path: str) -> None:
    got = client.get(_url(client, path), params={**BASE.get(path, {}), "tier_": "2WL"})
    assert got.status_code == 422
    assert "takes no parameter 'tier_'" in got.json()["error"]["message"]


def test_tiers_filter_by_tier_ored(client: TestClient) -> None:
    def tiers(**params: Any) -> set[tuple[str, int, str]]:
        got = client.get("/api/tiers", params=params)
        assert got.status_code == 200, got.text
        return {(r["country"], r["year"], r["tier"]) for r in got.json()["items"]}

    assert tiers(tier="2WL") == {("NPL", 2016, "2WL"), ("NPL", 2017, "2WL")}
    assert tiers(tier="Tier 3") == {("THA", 2016, "3")}
    assert tiers(tier=["2WL", "3"]) == tiers(tier="2WL") | tiers(tier="3")
    assert tiers(country=["NPL", "THA"]) == tiers(country="NPL") | tiers(country="THA")
    bad = client.get("/api/tiers", params={"tier": "4"})
    assert bad.status_code == 400 and "unknown tier '4'" in bad.json()["error"]["message"]


def test_flows_repeated_places_are_ored(client: TestClient) -> None:
    def ends(**params: Any) -> set[tuple[str, str]]:
        got = client.get("/api/flows", params=params)
        assert got.status_code == 200, got.text
        return {(r["origin"], r["destination"]) for r in got.json()["items"]}

    both = ends(origin=["NPL", "KHM"])
    assert both == ends(origin="NPL") | ends(origin="KHM") and len(both) == 4
    assert ends(destination=["QAT", "THA"], exploitation="begging") == {("KHM", "THA")}
    page = client.get("/api/flows", params={"origin": ["NPL", "KHM"], "limit": 1}).json()
    assert page["next"].count("origin=") == 2  # the next page keeps both
