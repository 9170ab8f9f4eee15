"""Files in and out of the API: the whole knowledge base as a download (``/api/export/{fmt}``) and
documents uploaded to be read, extracted and stored (``POST /api/documents``, off unless the server has
a token). Routed under ``api.router`` (prefix ``/api``)."""

from __future__ import annotations

import shutil
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from tipkb.export import ExportFormat
from tipkb.web import views
from tipkb.web.api_types import UPLOAD_ERRORS, FactType, stores_of
from tipkb.web.upload import Upload, check_files, check_token, ingest_files, safe_name, token_of

router = APIRouter()


_MEDIA = views.MEDIA


@router.get(
    "/export/{fmt}",
    tags=["export"],
    response_class=FileResponse,
    responses={
        200: {
            "description": "The export as a file download",
            "content": {media: {} for media in sorted({*_MEDIA.values(), "application/zip"})},
        }
    },
)
def export(
    request: Request,
    fmt: ExportFormat,
    type: Annotated[FactType | None, Query(description="Only this fact type (csv, jsonl, parquet)")] = None,
) -> FileResponse:
    """The whole knowledge base as a download: facts as CSV (a ZIP of one file per type, or one file with
    ``type``), JSON Lines or Parquet; the flow network as GraphML, GEXF or GeoJSON."""
    found = views.export_download(stores_of(request), fmt.value, type.value if type else None)
    cleanup = BackgroundTask(shutil.rmtree, found.folder, ignore_errors=True)
    return FileResponse(found.path, media_type=found.media_type, filename=found.path.name, background=cleanup)


@router.post("/documents", tags=["upload"], responses=UPLOAD_ERRORS)
async def upload_documents(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Text, Markdown, HTML or PDF files")],
    token: Annotated[
        str | None,
        Form(description="The token, for a form without script (else the Authorization header); first field"),
    ] = None,
) -> dict[str, Any]:
    """Ingest documents (off unless the server has TIPKB_TOKEN; then send it as
    ``Authorization: Bearer TOKEN``, or as the form's first field ``token``). Every file is checked (size, type) before anything is stored; then
    each is read, extracted and stored in its own transaction, with a result per file."""
    settings = request.app.state.upload
    check_token(settings, token_of({k.lower(): v for k, v in request.headers.items()}) or token)
    uploads = []
    for f in files:
        data = await f.read(settings.max_file_bytes + 1)
        uploads.append(Upload(safe_name(f.filename), data))
    check_files(settings, uploads)
    stores = stores_of(request)
    try:
        results = await run_in_threadpool(lambda: ingest_files(stores.get(), uploads))
    finally:
        stores.bump()
    return {"results": results, "stored": sum(r["status"] in ("new", "replaced") for r in results)}
