"""The FastAPI app: the JSON API (``api``), the dashboard pages (``pages``), static files, one error
format, response caching keyed on the store's generation, and headers that keep pages offline."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from tipkb import __version__, query
from tipkb.store import StoreError
from tipkb.web import api, pages
from tipkb.web.stores import Stores
from tipkb.web.upload import (
    ASGIApp,
    Message,
    Receive,
    Scope,
    Send,
    UploadGuard,
    UploadRejected,
    UploadSettings,
    error_body,
)
from tipkb.web.views import NotFound

log = logging.getLogger("tipkb.web")
THREADS = 8

# No page may load anything from another origin: the offline guarantee, enforced by the browser too.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DESCRIPTION = """Facts about human trafficking extracted from narratives, each with the sentence that
states it. Every list is paginated (`limit`, at most 500, and `offset`); errors are JSON objects
`{"error": {"status", "message", ...}}`. Uploads (`POST /api/documents`) are off unless the server
has `TIPKB_TOKEN`."""


def create_app(
    url: str, *, token: str | None = None, cache: bool = True, trusted_hosts: Sequence[str] | None = None
) -> FastAPI:
    """The app over the store at ``url`` (opened now, so that a bad URL fails here). With ``token``,
    uploads are on and need it; a missing store is then created empty. With ``trusted_hosts`` (names,
    addresses, ``*.domain``; ``*`` for any), a request whose Host header names another is refused (400)."""
    stores = Stores(url, create=bool(token))
    stores.get()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Queries hold the GIL most of the time: a few threads (each with its own connection and page
        # cache) serve as many requests as forty would, in far less memory.
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="tipkb",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.stores = stores
    app.state.upload = UploadSettings(token)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("tipkb.web", "static")]), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Asked for by browsers showing a document with no icon of its own (the network SVG).
        return RedirectResponse("/static/favicon.svg", status_code=301)

    _add_error_handlers(app)
    app.add_middleware(UploadGuard, settings=app.state.upload)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    if cache:
        app.add_middleware(ResponseCache, stores=stores)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    if trusted_hosts and "*" not in trusted_hosts:
        app.add_middleware(TrustedHosts, hosts=trusted_hosts)

    return app


def wants_json(request: Request) -> bool:
    """Whether a request is answered in JSON (the API) rather than as a page."""
    path = request.url.path
    return path == "/api" or path.startswith(("/api/", "/openapi"))


def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(status, message, **extra), status_code=status)
    return pages.error_page(request, status, message, extra.get("suggestions"))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(query.UnknownPlace)
    async def unknown_place(request: Request, err: query.UnknownPlace) -> Response:
        return _error(request, 404, str(err), suggestions=err.suggestions)

    @app.exception_handler(query.QueryError)
    async def bad_query(request: Request, err: query.QueryError) -> Response:
        return _error(request, 400, str(err))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound) -> Response:
        return _error(request, 404, str(err))

    @app.exception_handler(UploadRejected)
    async def rejected(request: Request, err: UploadRejected) -> Response:
        return _error(request, err.status, str(err), results=err.results)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, err: StoreError) -> Response:
        log.error("store: %s", err)
        return _error(request, 503, f"the knowledge base cannot be read: {err}")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        details = [
            {
                "location": [str(part) for part in e.get("loc", ())],
                "message": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in err.errors()
        ]
        first = details[0] if details else {"location": [], "message": "invalid request"}
        where = ".".join(first["location"][1:] or first["location"]) or "request"
        return _error(request, 422, f"invalid {where}: {first['message']}", details=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = str(err.detail) if err.detail else "error"
        if err.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = _error(request, err.status_code, message)
        for key, value in (err.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error")


class SecurityHeaders:
    """Content-Security-Policy and friends on every response."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # A new message, never the one given: that one may be a cached response's, sent again.
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


class TrustedHosts:
    """Refuse a request whose Host header is not one the server answers for (DNS rebinding, poisoned
    absolute links): checked before anything else runs."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = sorted({h.strip().lower().strip("[]") for h in hosts if h.strip()})

    def allows(self, host: str) -> bool:
        return any(host == h or (h.startswith("*.") and host.endswith(h[1:])) for h in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = dict(scope["headers"]).get(b"host", b"").decode("latin-1").strip().lower()
        host = (
            raw[1:].split("]", 1)[0]
            if raw.startswith("[")
            else raw.rsplit(":", 1)[0]
            if raw.count(":") == 1
            else raw
        )
        if self.allows(host):
            await self.app(scope, receive, send)
            return
        message = (
            f"untrusted Host header {raw!r}: this server answers for {', '.join(self.hosts)} "
            "(start it with --trusted-host NAME, or TIPKB_TRUSTED_HOSTS, to add one)"
        )
        body = json.dumps(error_body(400, message)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *SecurityHeaders.HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def trusted_hosts_from(value: str | None) -> list[str] | None:
    """The trusted hosts of a comma-separated setting ($TIPKB_TRUSTED_HOSTS), None when unset."""
    hosts = [h.strip() for h in (value or "").split(",") if h.strip()]
    return hosts or None


class HeadAsGet:
    """HEAD on every GET route: the GET response (status, headers, Content-Length) without its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class ResponseCache:
    """Whole GET responses (status 200, not too large) remembered until the store's generation changes:
    the store is read-only to the server, so the same URL gives the same answer until an ingest."""

    def __init__(
        self, app: ASGIApp, stores: Stores, entries: int = 2048, max_bytes: int = 4 * 1024 * 1024
    ) -> None:
        self.app = app
        self.stores = stores
        self.entries = entries
        self.max_bytes = max_bytes
        self.cache: OrderedDict[tuple[Any, ...], tuple[Message, bytes]] = OrderedDict()
        self.inflight: dict[tuple[Any, ...], asyncio.Future[None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(("/api/export", "/static")):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if b"authorization" in headers:
            await self.app(scope, receive, send)
            return
        try:
            generation = self.stores.generation()
        except Exception:
            await self.app(scope, receive, send)
            return
        key = (
            path,
            scope.get("query_string", b""),
            b"gzip" in headers.get(b"accept-encoding", b""),
            generation,
        )
        hit = self.cache.get(key)
        if hit is None and key in self.inflight:
            # The same answer is being computed for another request: wait for it, not compute it again.
            await asyncio.shield(self.inflight[key])
            hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            start, body = hit
            # Copies: the stored messages must stay as they were first sent, whatever outer layers do.
            await send({**start, "headers": list(start.get("headers", []))})
            await send({"type": "http.response.body", "body": body})
            return
        done = self.inflight[key] = asyncio.get_running_loop().create_future()
        captured: dict[str, Any] = {"start": None, "chunks": [], "size": 0, "ok": True}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                # A copy: outer middleware adds headers to the message it is sent.
                captured["start"] = {**message, "headers": list(message.get("headers", []))}
                captured["ok"] = message["status"] == 200
            elif message["type"] == "http.response.body" and captured["ok"]:
                captured["chunks"].append(message.get("body", b""))
                captured["size"] += len(message.get("body", b""))
                if captured["size"] > self.max_bytes:
                    captured["ok"] = False
                elif not message.get("more_body", False):
                    self.cache[key] = (captured["start"], b"".join(captured["chunks"]))
                    if len(self.cache) > self.entries:
                        self.cache.popitem(last=False)
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if self.inflight.get(key) is done:
                del self.inflight[key]
            done.set_result(None)


def app_from_environment() -> FastAPI:
    """The app for ``tipkb serve`` (each worker process builds its own): the store in $TIPKB_SERVE_DB,
    uploads on when $TIPKB_TOKEN is set, the Host header checked against $TIPKB_TRUSTED_HOSTS."""
    import os

    return create_app(
        os.environ.get("TIPKB_SERVE_DB", "tipkb.db"),
        token=os.environ.get("TIPKB_TOKEN") or None,
        trusted_hosts=trusted_hosts_from(os.environ.get("TIPKB_TRUSTED_HOSTS")),
    )
