"""The JSON API under /api: every list paginated, every fact and sentence linked to its document.

Each endpoint parses its parameters, calls a view (which calls ``tipkb.query``) and returns the dict.
This module routes the index and the lists (countries, flows, tiers, statistics, facts, documents,
search, conflicts); ``analysis_api`` the network, changes and questions, ``files_api`` export and
upload; ``api_types`` holds the models and parameters they share.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam

from tipkb import __version__, query
from tipkb.web import analysis_api, files_api, views
from tipkb.web.api_types import (
    ERRORS,
    ErrorBody,
    Evidence,
    FactType,
    Limit,
    Offset,
    Page,
    Place,
    Year,
    Years,
    filter_values,
    stores_of,
)
from tipkb.web.parameters import strict_query
from tipkb.web.upload import UploadRejected
from tipkb.web.views import DEFAULT_LIMIT, MAX_LIMIT, FlowFilters

router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(strict_query)])


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
    rows = views.country_list(stores_of(request), kind, role)
    return views.whole_page(rows, limit, offset, "/api/countries", {"kind": kind, "role": role})


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
    code = query.resolve_country(views.clean(country) or "")
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
    code = query.resolve_country(views.clean(country) or "", regions=False)
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
    filter_values(*origin, *destination, *country, via, region, years, *victims, *exploitation)
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
    return views.linked_page(stores, rows, limit, offset, "/api/flows", filters.params(), evidence)


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
    filter_values(*country, *tier)
    stores = stores_of(request)
    rows = views.tier_rows(stores, year, years, country, tier, evidence)
    params = {"year": year, "years": years, "country": list(country), "tier": list(tier)}
    return views.linked_page(stores, rows, limit, offset, "/api/tiers", params, evidence)


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
    stores = stores_of(request)
    rows = views.statistic_rows(stores, country, metric, year, years, evidence)
    params = {"country": country, "metric": metric, "year": year, "years": years}
    return views.linked_page(stores, rows, limit, offset, "/api/statistics", params, evidence)


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
    code = views.country_code(views.clean(country))
    rows, more = views.facts_view(
        stores_of(request),
        limit,
        offset,
        fact_type=type.value if type else None,
        country=code,
        year=year,
        years=views.year_range(views.clean(years)),
        doc=views.clean(doc),
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
    rows, more = views.search_view(stores_of(request), views.clean(q) or "", limit, offset)
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
    rows = views.conflict_list(stores_of(request), country, kind)
    return views.whole_page(rows, limit, offset, "/api/conflicts", {"country": country, "kind": kind})


router.include_router(analysis_api.router)
router.include_router(files_api.router)


__all__ = ["ErrorBody", "Page", "UploadRejected", "router"]
