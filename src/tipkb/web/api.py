"""The JSON API under /api: every list paginated, every fact and sentence linked to its document.

Each endpoint parses its parameters, calls a view (which calls ``tipkb.query``) and returns the dict.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel
from starlette.background import BackgroundTask

from tipkb import __version__, query
from tipkb.model import FACT_TYPES
from tipkb.web import svg, views
from tipkb.web.parameters import check_length, strict_query
from tipkb.web.stores import Stores
from tipkb.web.upload import (
    Upload,
    UploadRejected,
    check_files,
    check_token,
    ingest_files,
    safe_name,
    token_of,
)
from tipkb.web.views import DEFAULT_LIMIT, MAX_LIMIT, FlowFilters


class ErrorDetail(BaseModel):
    status: int
    message: str
    suggestions: list[str] | None = None
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """Every error of the API: a status and a one-line message (with "did you mean" suggestions for an
    unknown country, and the failing parameters for a malformed request)."""

    error: ErrorDetail


class Page(BaseModel):
    """A page of a list. ``next``/``prev`` are the URLs of the neighbouring pages (null at the ends);
    ``total`` is null where counting would mean reading the whole list."""

    items: list[dict[str, Any]]
    total: int | None
    limit: int
    offset: int
    next: str | None
    prev: str | None


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter that names nothing known (a metric, a year range)"},
    404: {"model": ErrorBody, "description": "Not found (an unknown country comes with suggestions)"},
    422: {"model": ErrorBody, "description": "A malformed parameter (not a number, a page too large)"},
}

router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(strict_query)])

# Lists built by reading everything before the page (search, facts) go no deeper than this.
MAX_SCAN = 100_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_SCAN, description="Items to skip.")]
Year = Annotated[int | None, Query(ge=0, le=9999, description="Only this year.")]
Years = Annotated[
    str | None, Query(max_length=20, description="Only these years, e.g. 2008-2010.", examples=["2008-2010"])
]
Place = Annotated[str | None, Query(max_length=100)]
Evidence = Annotated[bool, Query(description="Include the sentences that state each row.")]


class FactType(StrEnum):
    role = "role"
    flow = "flow"
    ratification = "ratification"
    tier = "tier"
    compliance = "compliance"
    statistic = "statistic"
    funding = "funding"
    penalty = "penalty"


assert tuple(FactType) == FACT_TYPES


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"


def stores_of(request: Request) -> Stores:
    """The server's stores (one connection per thread), from the request's app."""
    stores: Stores = request.app.state.stores
    return stores


def _clean(value: str | None) -> str | None:
    """Reject text with control characters (no name or word has them; some databases refuse them)."""
    if value is not None and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise query.QueryError("parameters may not contain control characters")
    return value


def _page(rows: Sequence[Any], limit: int, offset: int, path: str, params: dict[str, Any]) -> dict[str, Any]:
    """A page of a list read whole (so its total is known): rows ``offset`` to ``offset + limit``."""
    return views.page(
        rows[offset : offset + limit], limit=limit, offset=offset, total=len(rows), path=path, params=params
    )


def _linked_page(
    stores: Stores,
    rows: Sequence[Any],
    limit: int,
    offset: int,
    path: str,
    params: dict[str, Any],
    evidence: bool,
) -> dict[str, Any]:
    """A ``_page`` of query rows, as dicts with their sentences linked to their documents; the links to
    the next and previous pages keep ``evidence`` (whether the rows carry their sentences)."""
    page = _page(rows, limit, offset, path, {**params, "evidence": "true" if evidence else None})
    page["items"] = views.linked(stores, [r.to_dict() for r in page["items"]])
    return page


@router.get("", summary="What this API serves", tags=["about"])
def api_index(request: Request) -> dict[str, Any]:
    """Counts of what is stored and the endpoints, with examples."""
    store = stores_of(request).get()
    return {
        "name": "tipkb",
        "version": __version__,
        "counts": store.counts(),
        "endpoints": {
            "countries": "/api/countries",
            "country profile": "/api/countries/KAZ",
            "flows": "/api/flows?destination=KAZ&exploitation=labor",
            "tiers": "/api/tiers?year=2019",
            "statistics": "/api/statistics?country=KAZ&metric=convictions",
            "facts": "/api/facts?type=tier&country=KAZ",
            "documents": "/api/documents",
            "search": "/api/search?q=forced+labor",
            "conflicts": "/api/conflicts",
            "network": "/api/network?country=KAZ&steps=2",
            "network picture": "/api/network.svg?exploitation=labor",
            "changes": "/api/changes?year=2018&country=MDA",
            "ask": "/api/ask?q=Where+are+Uzbek+women+trafficked+to%3F",
            "export": "/api/export/jsonl",
            "schema": "/openapi.json",
            "docs": "/api/docs",
        },
    }


@router.get("/countries", response_model=Page, tags=["countries"])
def list_countries(
    request: Request,
    kind: Annotated[str | None, Query(pattern="^(country|region)$", description="country or region")] = None,
    role: Annotated[str | None, Query(pattern="^(origin|transit|destination)$")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The countries and regions some fact names: roles, latest tier, how many facts name them."""
    rows = views.country_rows(stores_of(request))
    rows = [r for r in rows if (kind is None or r["kind"] == kind) and (role is None or role in r["roles"])]
    return _page(rows, limit, offset, "/api/countries", {"kind": kind, "role": role})


@router.get("/countries/{country}", tags=["countries"])
def country_profile(
    request: Request,
    country: Annotated[
        str, PathParam(max_length=100, description="A code, name or demonym: KAZ, Kazakhstan")
    ],
    evidence: Evidence = False,
) -> dict[str, Any]:
    """Everything known about a country: roles, tiers, compliance, ratification, penalties, funding, flows
    out and in, statistics by year (and the series the dashboard charts), each with its sentences."""
    code = query.resolve_country(_clean(country) or "")
    return views.profile_view(stores_of(request), code, evidence=evidence)


@router.get("/countries/{country}/statistics", tags=["countries", "statistics"])
def country_statistics(
    request: Request,
    country: Annotated[
        str, PathParam(max_length=100, description="A code, name or demonym: KAZ, Kazakhstan")
    ],
    evidence: Evidence = True,
) -> dict[str, Any]:
    """A country's law-enforcement and victim series: per metric (investigations, prosecutions,
    convictions, victims identified) the total per year, each point with its sentences; and every
    figure with its scope (total, part of a total, or cumulative over several years)."""
    code = query.resolve_country(_clean(country) or "", regions=False)
    return views.country_statistics(stores_of(request), code, evidence=evidence)


@router.get("/flows", response_model=Page, tags=["flows"])
def list_flows(
    request: Request,
    origin: Annotated[
        list[str], Query(max_length=20, description="Origin country or region (repeatable: any of them)")
    ] = [],  # noqa: B006
    destination: Annotated[
        list[str], Query(max_length=20, description="Destination (repeatable: any of them)")
    ] = [],  # noqa: B006
    country: Annotated[
        list[str], Query(max_length=20, description="Either end (repeatable: any of them)")
    ] = [],  # noqa: B006
    via: Annotated[str | None, Query(max_length=100, description="A transit country")] = None,
    region: Annotated[str | None, Query(max_length=40, description="Either end in this region")] = None,
    year: Year = None,
    years: Years = None,
    victims: Annotated[list[str], Query(description="Victims named (all of them): men, women, ...")] = [],  # noqa: B006
    exploitation: Annotated[list[str], Query(description="Exploitation named (all of them)")] = [],  # noqa: B006
    hedged: Annotated[bool | None, Query(description="Only hedged (true) or only stated (false)")] = None,
    evidence: Evidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Who is trafficked from where to where, grouped by origin and destination, most documents first
    (the filters of `tipkb flows`)."""
    _filter_values(*origin, *destination, *country, via, region, years, *victims, *exploitation)
    filters = FlowFilters(
        origin=list(origin),
        destination=list(destination),
        country=list(country),
        via=via,
        region=region,
        year=year,
        years=years,
        victims=list(victims),
        exploitation=list(exploitation),
        hedged=hedged,
    )
    stores = stores_of(request)
    rows = filters.run(stores.get(), evidence=evidence)
    return _linked_page(stores, rows, limit, offset, "/api/flows", filters.params(), evidence)


@router.get("/tiers", response_model=Page, tags=["tiers"])
def list_tiers(
    request: Request,
    year: Year = None,
    years: Years = None,
    country: Annotated[
        list[str], Query(max_length=20, description="A country (repeatable: any of them)")
    ] = [],  # noqa: B006
    tier: Annotated[
        list[str], Query(max_length=5, description="A tier: 1, 2, 2WL, 3, special (repeatable: any of them)")
    ] = [],  # noqa: B006
    evidence: Evidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Tier placements (TIP report) by country and year; a country-year stated with two tiers has a row
    for each."""
    _filter_values(*country, *tier)
    codes = [query.resolve_country(c, regions=False) for c in country if c.strip()]
    tiers = [query.normalise_tier(t) for t in tier if t.strip()]
    stores = stores_of(request)
    rows = query.tiers(
        stores.get(),
        year=year,
        years=views.year_range(_clean(years)),
        country=codes,
        tier=tiers,
        evidence=evidence,
    )
    params = {"year": year, "years": years, "country": list(country), "tier": list(tier)}
    return _linked_page(stores, rows, limit, offset, "/api/tiers", params, evidence)


@router.get("/statistics", response_model=Page, tags=["statistics"])
def list_statistics(
    request: Request,
    country: Annotated[str, Query(max_length=100, description="A country: code, name or demonym")],
    metric: Annotated[
        str | None, Query(max_length=40, description="investigations, prosecutions, ...")
    ] = None,
    year: Year = None,
    years: Years = None,
    evidence: Evidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """A country's statistics (investigations, prosecutions, convictions, victims) by metric and year; two
    values stated for one year are two rows."""
    code = query.resolve_country(_clean(country) or "", regions=False)
    if metric:
        query.check_choices("metric", [metric])
    stores = stores_of(request)
    rows = query.stats(
        stores.get(), code, metric=metric, year=year, years=views.year_range(_clean(years)), evidence=evidence
    )
    params = {"country": country, "metric": metric, "year": year, "years": years}
    return _linked_page(stores, rows, limit, offset, "/api/statistics", params, evidence)


@router.get("/facts", response_model=Page, tags=["facts"])
def list_facts(
    request: Request,
    type: Annotated[FactType | None, Query(description="Only this fact type")] = None,
    country: Annotated[
        str | None, Query(max_length=100, description="A country (either end, for flows)")
    ] = None,
    year: Year = None,
    years: Years = None,
    doc: Annotated[
        str | None, Query(max_length=500, description="A document's source, file name or stem")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored facts as the extractor writes them (FACTS.md), in document and text order, each with its id
    and links to its document and sentence."""
    code = views.country_code(_clean(country))
    rows, more = views.facts_view(
        stores_of(request),
        limit,
        offset,
        fact_type=type.value if type else None,
        country=code,
        year=year,
        years=views.year_range(_clean(years)),
        doc=_clean(doc),
    )
    return views.page(
        rows,
        limit=limit,
        offset=offset,
        more=more,
        path="/api/facts",
        params={
            "type": type.value if type else None,
            "country": country,
            "year": year,
            "years": years,
            "doc": doc,
        },
    )


@router.get("/documents", response_model=Page, tags=["documents"])
def list_documents(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """The stored documents (without their text), by source."""
    docs, total = views.document_list(stores_of(request), limit, offset)
    return views.page(
        [d.to_dict() for d in docs], limit=limit, offset=offset, total=total, path="/api/documents", params={}
    )


DocId = Annotated[str, PathParam(max_length=64, description="16 hexadecimal digits (see /api/documents)")]


@router.get("/documents/{doc_id}", tags=["documents"])
def get_document(
    request: Request,
    doc_id: DocId,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Facts per page (at most {MAX_LIMIT}, the default).")
    ] = MAX_LIMIT,
    # A document's facts are read from their own index, in order: any offset is one indexed walk.
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Facts to skip.")] = 0,
    at: Annotated[
        int | None, Query(ge=0, le=2**31, description="The page of facts holding this text offset")
    ] = None,
    text: Annotated[
        bool, Query(description="With the text and the highlighted text (false: the facts and spans only)")
    ] = True,
) -> dict[str, Any]:
    """A document's text, a page of its facts in text order, and their evidence spans marked: ``spans``
    (offsets into ``text``, with the facts each states) and ``highlighted`` (the text with this page's
    spans between ``**``). ``facts_total`` facts in all; ``next`` and ``prev`` link the neighbouring
    pages; ``text=false`` leaves out the two texts (to page through the facts of a long document)."""
    return views.document_view(stores_of(request), doc_id, limit, offset, at, with_text=text)


@router.get("/documents/{doc_id}/sentences", response_model=Page, tags=["documents"])
def document_sentences(
    request: Request,
    doc_id: DocId,
    at: Annotated[
        int | None, Query(ge=0, le=2**31, description="Start at the sentence holding this offset")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """A document's sentences in text order, each with the ids of the facts it states; ``at`` starts at
    the sentence holding a character offset (a fact's evidence start)."""
    items, more = views.document_sentences(stores_of(request), doc_id, at, limit, offset)
    return views.page(
        items,
        limit=limit,
        offset=offset,
        more=more,
        path=f"/api/documents/{doc_id}/sentences",
        params={"at": at},
    )


@router.get("/search", response_model=Page, tags=["search"])
def search(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description='Words (all of them); "a phrase" in quotes')
    ],
    limit: Limit = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> dict[str, Any]:
    """Full-text search over the stored sentences, best first; matched words between ``**`` in
    ``highlighted``; each hit links to the sentence in its document."""
    rows, more = views.search_view(stores_of(request), _clean(q) or "", limit, offset)
    return views.page(
        rows,
        limit=limit,
        offset=offset,
        more=more,
        path="/api/search",
        params={"q": q},
    )


@router.get("/conflicts", response_model=Page, tags=["conflicts"])
def list_conflicts(
    request: Request,
    country: Place = None,
    kind: Annotated[str | None, Query(pattern="^(tier|ratification|statistic)$")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Facts that disagree: two tiers for one country-year, two ratification dates, two values of one
    statistic; each side with the sentences that state it."""
    code = views.country_code(_clean(country), regions=False)
    stores = stores_of(request)
    rows = [r for r in views.conflict_rows(stores, code) if kind is None or r["kind"] == kind]
    return _page(rows, limit, offset, "/api/conflicts", {"country": country, "kind": kind})


ANALYSIS_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": ErrorBody, "description": "networkx or matplotlib is not installed on the server"},
}
Exploitations = Annotated[
    list[str], Query(description="Flows some statement of which names this exploitation: labor, sexual, ...")
]
Victims = Annotated[
    list[str], Query(description="Flows some statement of which names these victims: men, ...")
]


def _filter_values(*values: str | None) -> None:
    """Refuse control characters, and a value longer than any name or word (100 characters)."""
    for value in values:
        _clean(value)
        check_length(value)


@router.get("/network", tags=["analysis"], responses=ANALYSIS_ERRORS)
def network(
    request: Request,
    year: Year = None,
    years: Years = None,
    exploitation: Exploitations = [],  # noqa: B006
    victims: Victims = [],  # noqa: B006
    country: Annotated[
        str | None,
        Query(max_length=100, description="A country whose partners to list (upstream, downstream)"),
    ] = None,
    steps: Annotated[int, Query(ge=1, le=10, description="How many flows away partners may be")] = 2,
    top: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Places (and corridors) in each ranking")] = 10,
) -> dict[str, Any]:
    """The flow network (`tipkb network`): places are nodes, a flow is an edge weighted by the documents
    that state it. Top origins, destinations and transit hubs, places that are both, corridors
    (communities), with ``country`` its upstream and downstream partners within ``steps`` flows; and
    ``graph``: ``nodes`` (with coordinates and corridor) and ``edges`` (documents, victims, exploitation,
    via, years, corridor)."""
    _filter_values(years, country, *exploitation, *victims)
    return views.network_view(
        stores_of(request),
        year=year,
        years=years,
        exploitation=exploitation,
        victims=victims,
        country=country,
        steps=steps,
        top=top,
    )


@router.get(
    "/network.svg",
    tags=["analysis"],
    response_class=Response,
    responses={
        200: {"description": "An SVG document", "content": {"image/svg+xml": {}}},
        **ANALYSIS_ERRORS,
    },
)
def network_picture(
    request: Request,
    year: Year = None,
    years: Years = None,
    exploitation: Exploitations = [],  # noqa: B006
    victims: Victims = [],  # noqa: B006
) -> Response:
    """The flow map and network picture of `tipkb network --plot` as SVG: nodes coloured by corridor
    and sized by their flows, arrows as wide as their documents (drawn with matplotlib on the server;
    styles as presentation attributes, so that the page's Content-Security-Policy allows them)."""
    _filter_values(years, *exploitation, *victims)
    drawn = views.network_svg_view(
        stores_of(request), year=year, years=years, exploitation=exploitation, victims=victims
    )
    return Response(svg.presentational(drawn), media_type="image/svg+xml")


@router.get("/changes", tags=["analysis"], responses=ANALYSIS_ERRORS)
def list_changes(
    request: Request,
    year: Annotated[int, Query(ge=0, le=9999, description="The year to compare with the one before it")],
    country: Annotated[str | None, Query(max_length=100, description="Only this country")] = None,
    since: Annotated[
        int | None, Query(ge=0, le=9999, description="Compare with this year instead of the previous one")
    ] = None,
) -> dict[str, Any]:
    """What changed in a year (`tipkb changes`): tier upgrades and downgrades, flows new and vanished in
    a country's own narratives, statistics that rose or fell; each side (before, after) with the
    sentences that state it, and ``rows``: one flat row per change."""
    _clean(country)
    return views.changes_view(stores_of(request), year, country=country, since=since)


@router.get("/ask", tags=["analysis"], responses=ANALYSIS_ERRORS)
def ask(
    request: Request,
    q: Annotated[
        str,
        Query(
            max_length=2000,
            description="A question in English (one longer than 500 characters is refused)",
            examples=["Where are Uzbek women trafficked to?"],
        ),
    ],
) -> dict[str, Any]:
    """An answer to a question (`tipkb ask`) from the stored facts, with the sentences that support it.
    Always 200: a question it cannot answer has ``answered`` false, a ``text`` that says "I can't answer
    that from the data" and why (``reason``), and the sentences that best match its words."""
    return views.ask_view(stores_of(request), q)


_MEDIA = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "graphml": "application/xml",
    "gexf": "application/xml",
    "geojson": "application/geo+json",
}


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
    from tipkb.export import ExportError
    from tipkb.export import export as write_export

    fact_type = type.value if type else None
    folder = Path(tempfile.mkdtemp(prefix="tipkb-export-"))
    cleanup = BackgroundTask(shutil.rmtree, folder, ignore_errors=True)
    name = "tipkb" + (f"-{fact_type}" if fact_type else "")
    try:
        if fmt is ExportFormat.csv and fact_type is None:
            write_export(stores_of(request).get(), fmt.value, folder / name)
            archive = folder / f"{name}-csv.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted((folder / name).iterdir()):
                    z.write(f, f"{name}/{f.name}")
            return FileResponse(
                archive, media_type="application/zip", filename=archive.name, background=cleanup
            )
        target = folder / f"{name}.{fmt.value}"
        write_export(stores_of(request).get(), fmt.value, target, fact_type)
    except ExportError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise query.QueryError(str(err)) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(target, media_type=_MEDIA[fmt.value], filename=target.name, background=cleanup)


UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No token, or the wrong one"},
    403: {"model": ErrorBody, "description": "Uploads are off (no TIPKB_TOKEN on the server)"},
    413: {"model": ErrorBody, "description": "A file or the request is too large, or too many files"},
    415: {"model": ErrorBody, "description": "A file of a type tipkb does not read"},
}


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


__all__ = ["ErrorBody", "Page", "UploadRejected", "router"]
