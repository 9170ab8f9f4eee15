"""The web server under repetition and odd requests: cached responses stay byte-identical, HEAD is
answered on every GET route (a real ``tipkb serve`` and FastAPI's TestClient)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.routing import APIRoute  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tipkb.web import api, create_app, pages  # noqa: E402
from tipkb.web.upload import UploadSettings  # noqa: E402
from web_fixtures import TOKEN, UPLOAD_TEXT, build_store, free_port, running_server  # noqa: E402

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


# -- uploads ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def writer_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    db = build_store(tmp_path_factory.mktemp("upload") / "kb.db")
    with running_server(db, env={"TIPKB_TOKEN": TOKEN}) as base:
        yield int(base.rsplit(":", 1)[1])


def test_a_chunked_upload_over_the_limit_is_413(writer_server: int) -> None:
    """A body with no Content-Length (Transfer-Encoding: chunked) past the request limit: 413 as for one
    whose length says so, not 400 "error parsing the body"."""
    conn = http.client.HTTPConnection("127.0.0.1", writer_server, timeout=60)
    conn.putrequest("POST", "/api/documents")
    conn.putheader("Authorization", f"Bearer {TOKEN}")
    conn.putheader("Content-Type", "multipart/form-data; boundary=XyZ")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    head = b'--XyZ\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
    chunk = b"word " * (1 << 18)  # 1.25 MB
    try:
        conn.send(b"%x\r\n%s\r\n" % (len(head), head))
        for _ in range(UploadSettings(TOKEN).max_request_bytes // len(chunk) + 2):
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
    except OSError:  # the server may stop reading and answer before the body is all sent
        pass
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    assert response.status == 413
    assert body["error"]["message"].startswith("upload too large: at most 20 files of 5 MB")


def upload_form(client: TestClient, fields: dict[str, str], headers: dict[str, str] | None = None) -> Any:
    return client.post(
        "/api/documents",
        data=fields,
        files=[("files", ("maldives.txt", UPLOAD_TEXT.encode(), "text/plain"))],
        headers=headers or {},
    )


def test_the_form_without_script_sends_the_token_as_a_field(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        form = client.get("/upload").text
        # The token is the form's first field, so that it is read before the files.
        assert form.index('name="token"') < form.index('name="files"')
        ok = upload_form(client, {"token": TOKEN})
        assert ok.status_code == 200, ok.text
        assert ok.json()["results"][0]["status"] in ("new", "unchanged")
        wrong = upload_form(client, {"token": TOKEN + "x"})
        assert wrong.status_code == 401 and wrong.json()["error"]["message"] == "wrong upload token"
        none = upload_form(client, {})
        assert none.status_code == 401
        assert "as the form's first field, 'token'" in none.json()["error"]["message"]
        # A header still wins over the field.
        assert (
            upload_form(client, {"token": "wrong"}, {"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        )


# -- trusted hosts ---------------------------------------------------------------------------------


def test_trusted_hosts_refuse_other_host_headers(db: str) -> None:
    app = create_app(db, trusted_hosts=["kb.example.org", "*.example.net", "10.1.2.3"])
    with TestClient(app, raise_server_exceptions=False) as client:
        for host in [
            "kb.example.org",
            "KB.example.org:8080",
            "a.example.net",
            "b.a.example.net:80",
            "10.1.2.3",
        ]:
            assert client.get("/api", headers={"Host": host}).status_code == 200, host
        for host in ["evil.example.com", "example.net", "kb.example.org.evil.com", "10.1.2.4", ""]:
            refused = client.get("/api", headers={"Host": host})
            assert refused.status_code == 400, host
            message = refused.json()["error"]["message"]
            assert message.startswith("untrusted Host header") and "--trusted-host" in message
            assert refused.headers["content-security-policy"]
    # Without the setting, as before: any Host.
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        assert client.get("/api", headers={"Host": "evil.example.com"}).status_code == 200


def host_status(port: int, host: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/api", headers={"Host": host})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_serve_checks_the_host_header_when_told_to(db: str) -> None:
    with running_server(db, env={"TIPKB_TRUSTED_HOSTS": "kb.example.org,127.0.0.1"}) as base:
        port = int(base.rsplit(":", 1)[1])
        assert host_status(port, "kb.example.org") == 200
        assert host_status(port, "evil.example.com") == 400


def test_serve_beyond_loopback_answers_only_its_own_names(db: str) -> None:
    port = free_port()
    exe = Path(sys.executable).with_name("tipkb")
    env = {k: v for k, v in os.environ.items() if k not in ("TIPKB_TOKEN", "TIPKB_TRUSTED_HOSTS")}
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", db, "--host", "0.0.0.0", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status = host_status(port, f"127.0.0.1:{port}")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert status == 200
        assert host_status(port, f"localhost:{port}") == 200
        assert host_status(port, socket.gethostname()) == 200
        assert host_status(port, "evil.example.com") == 400
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "answering requests for" in err and "--trusted-host adds one" in err
