"""Ingesting through the web: off unless a token is set; then the token is required, files are limited in
size, number and type, and each file gets its own result. Nothing is written unless every file passes
the checks."""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tipkb.pipeline import DocumentOutcome

from tipkb.read.detect import DOCUMENT_SUFFIXES, sniff_format

UPLOAD_PATH = "/api/documents"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 20
# The whole request: the files plus multipart overhead.
MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 64 * 1024

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class UploadRejected(Exception):
    """An upload refused before anything is written; ``results`` says what was wrong with each file."""

    def __init__(self, status: int, message: str, results: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.results = results


@dataclass(frozen=True)
class UploadSettings:
    token: str | None
    max_file_bytes: int = MAX_FILE_BYTES
    max_files: int = MAX_FILES

    @property
    def enabled(self) -> bool:
        return bool(self.token)

    @property
    def max_request_bytes(self) -> int:
        return self.max_files * self.max_file_bytes + 64 * 1024


def token_of(headers: dict[str, str]) -> str | None:
    """The token a request carries: ``Authorization: Bearer T`` or ``X-TIPKB-Token: T``."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return headers.get("x-tipkb-token")


def check_token(settings: UploadSettings, given: str | None) -> None:
    """Refuse (UploadRejected) unless uploads are on and the request carries the right token."""
    if not settings.enabled:
        raise UploadRejected(403, "uploads are off: start the server with TIPKB_TOKEN set to allow them")
    if not given:
        raise UploadRejected(
            401,
            "uploads need the token: send it as 'Authorization: Bearer TOKEN' or as the form's first field, 'token'",
        )
    assert settings.token is not None
    if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), settings.token.encode("utf-8")):
        raise UploadRejected(401, "wrong upload token")


class UploadGuard:
    """ASGI middleware in front of the upload endpoint: the token and the request size are checked before
    the body is read (and the body is cut off if it grows past the limit)."""

    def __init__(self, app: ASGIApp, settings: UploadSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != UPLOAD_PATH:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        buffered: list[Message] = []
        try:
            if not self.settings.enabled:
                check_token(self.settings, None)
            length = headers.get("content-length")
            if length is None or not length.isdecimal():
                if headers.get("transfer-encoding", "").lower() != "chunked":
                    raise UploadRejected(411, "uploads need a Content-Length")
            elif int(length) > self.settings.max_request_bytes:
                raise UploadRejected(413, self._too_large())
            token = token_of(headers)
            if not token and headers.get("content-type", "").lower().startswith("multipart/form-data"):
                # The upload form without script sends the token as its first field: read just that.
                token = await _token_field(receive, headers["content-type"], buffered)
            check_token(self.settings, token)
        except UploadRejected as err:
            await _send_error(send, err)
            return
        limit = self.settings.max_request_bytes
        seen = 0
        too_large = False
        started = False

        async def limited() -> Message:
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = buffered.pop(0) if buffered else await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # A chunked body has no length to check first: stop reading it here. The app sees
                    # the client gone; its answer is replaced by the 413.
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if too_large and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, guarded)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _send_error(send, UploadRejected(413, self._too_large()))

    def _too_large(self) -> str:
        return f"upload too large: at most {self.settings.max_files} files of {_mb(self.settings.max_file_bytes)}"


FORM_TOKEN_FIELD = "token"
# The token field comes first and is short: no more than this is read looking for it.
_FORM_PEEK_BYTES = 16 * 1024


async def _token_field(receive: Receive, content_type: str, buffered: list[Message]) -> str | None:
    """The value of the form's first field if it is the token (``name="token"``), else None; the body
    messages read are kept in ``buffered`` to be given to the app."""
    m = re.search(r'boundary="?([^";,]+)"?', content_type, re.I)
    if not m:
        return None
    boundary = b"--" + m.group(1).strip().encode("latin-1")
    data = b""
    while len(data) < _FORM_PEEK_BYTES:
        message = await receive()
        buffered.append(message)
        if message["type"] != "http.request":
            break
        data += message.get("body", b"")
        head, sep, rest = data.partition(b"\r\n\r\n")
        if sep:
            if not head.lstrip(b"\r\n").startswith(boundary):
                return None
            disposition = head.decode("latin-1").lower()
            if f'name="{FORM_TOKEN_FIELD}"' not in disposition or "filename=" in disposition:
                return None
            value, found, _ = rest.partition(b"\r\n" + boundary)
            if found:
                return value.decode("utf-8", "replace").strip() or None
        if not message.get("more_body", False):
            break
    return None


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {
        "error": {"status": status, "message": message, **{k: v for k, v in extra.items() if v is not None}}
    }


async def _send_error(send: Send, err: UploadRejected) -> None:
    body = json.dumps(error_body(err.status, str(err), results=err.results)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": err.status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def safe_name(filename: str | None) -> str:
    """A file name with no directories and only plain characters ("../../x y.txt" -> "x_y.txt")."""
    raw = filename or ""
    base = PureWindowsPath(PurePosixPath(raw).name).name
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    return cleaned[:100] or "upload.txt"


@dataclass
class Upload:
    name: str
    data: bytes


def check_files(settings: UploadSettings, files: list[Upload]) -> None:
    """Refuse the whole request (UploadRejected) if any file is too large, of a type tipkb does not read,
    or if there are none or too many."""
    if not files:
        raise UploadRejected(400, "no files: send them as multipart form field 'files'")
    if len(files) > settings.max_files:
        raise UploadRejected(413, f"too many files: at most {settings.max_files} per upload")
    results = []
    status = 0
    for f in files:
        problem = None
        suffix = Path(f.name).suffix.lower()
        if len(f.data) > settings.max_file_bytes:
            problem, code = f"too large ({len(f.data):,} bytes; limit {_mb(settings.max_file_bytes)})", 413
        elif suffix not in DOCUMENT_SUFFIXES:
            problem, code = f"unsupported type {suffix or '(none)'}: send {', '.join(DOCUMENT_SUFFIXES)}", 415
        elif not f.data.strip():
            problem, code = "empty file", 400
        elif not sniff_format(f.data[:8192], suffix):
            problem, code = "not text, HTML or PDF", 415
        else:
            code = 0
        status = max(status, code)
        results.append({"file": f.name, "status": "rejected" if problem else "ok", "error": problem})
    if status:
        raise UploadRejected(status, "some files were refused; nothing was stored", results)


def ingest_files(store: Any, files: list[Upload]) -> list[dict[str, Any]]:
    """Ingest each file as ``uploads/NAME`` (the pipeline's one ``ingest``: a whole annual report is split
    into its country narratives); a result per file, with its narratives' when it was split."""
    from tipkb.pipeline import File, ingest

    results = []
    with tempfile.TemporaryDirectory(prefix="tipkb-upload-") as tmp:
        for i, f in enumerate(files):
            source = f"uploads/{f.name}"
            path = Path(tmp) / f"{i}{Path(f.name).suffix.lower()}"
            path.write_bytes(f.data)
            report = ingest(store, [File(source, str(path))], outcomes=True)
            outcomes = [o for o in report.documents or [] if o.status != "failed"]
            if not outcomes:
                error = report.errors[0] if report.errors else "no documents"
                results.append({"file": f.name, "source": source, "status": "failed", "error": error})
                continue
            first = _document_result(outcomes[0])
            result: dict[str, Any] = {
                "file": f.name,
                "source": first["source"],
                "status": first["status"],
                "facts": sum(o.facts for o in outcomes),
                "warnings": report.warnings,
                "document_url": first["document_url"],
                "page": first["page"],
            }
            if len(outcomes) > 1:  # a whole report, split into its narratives
                result["documents"] = [_document_result(o) for o in outcomes]
            if report.errors:
                result["errors"] = report.errors
            results.append(result)
    return results


def _document_result(outcome: DocumentOutcome) -> dict[str, Any]:
    digest = outcome.hash[:16]
    return {
        "source": outcome.stored_as or outcome.source,
        "status": outcome.status,
        "facts": outcome.facts,
        "document_url": f"/api/documents/{digest}",
        "page": f"/documents/{digest}",
    }
