"""The web server under repetition and odd requests: cached responses stay byte-identical, HEAD is
answered on every GET route (a real ``tipkb serve`` and FastAPI's TestClient)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")

from fastapi.routing import APIRoute  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tipkb.web import api, create_app, pages  # noqa: E402
from web_fixtures import build_store, running_server  # noqa: E402

HITS = 60  # http.client refuses more than 100 headers: the bug showed after about 25 hits


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("hardening") / "kb.db")


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[int]:
    with running_server(db) as base:
        yield int(base.rsplit(":", 1)[1])


def fetch(
    port: int, path: str, method: str = "GET", gzip: bool = False
) -> tuple[int, list[tuple[str, str]], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, headers={"Accept-Encoding": "gzip"} if gzip else {})
        response = conn.getresponse()
        body = response.read()
        # The date changes from one second to the next; every other header must not.
        headers = [(k.lower(), v) for k, v in response.getheaders() if k.lower() != "date"]
        return response.status, headers, body
    finally:
        conn.close()


@pytest.mark.parametrize("gzip", [False, True])
def test_cached_responses_are_identical_however_many_hits(server: int, db: str, gzip: bool) -> None:
    document = json.loads(fetch(server, "/api/documents?limit=1")[2])["items"][0]["id"]
    for path in ["/", "/flows", f"/documents/{document}", "/api/countries", f"/api/documents/{document}"]:
        first = fetch(server, path, gzip=gzip)
        assert first[0] == 200, path
        names = [k for k, _ in first[1]]
        assert len(names) == len(set(names)) < 20, (path, names)
        assert "content-security-policy" in names
        for _ in range(HITS):
            assert fetch(server, path, gzip=gzip) == first, path


def test_head_is_answered_like_get_through_a_real_server(server: int) -> None:
    for path in ["/", "/api", "/api/countries", "/static/style.css"]:
        status, headers, body = fetch(server, path, method="HEAD")
        got = fetch(server, path)
        assert status == 200 and body == b"", path
        assert dict(headers)["content-length"] == str(len(got[2])), path
        assert dict(headers)["content-type"] == dict(got[1])["content-type"], path


def test_head_on_every_get_route(db: str) -> None:
    app = create_app(db)
    routes = [*api.router.routes, *pages.router.routes, *app.routes]
    paths = [
        route.path
        for route in routes
        if isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path
    ]
    assert len(paths) > 10
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in paths:
            got = client.get(path)
            head = client.head(path)
            assert head.status_code == got.status_code != 405, path
            assert head.content == b"", path
        assert client.request("HEAD", "/api/nothing-here").status_code == 404
