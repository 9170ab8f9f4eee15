"""The dashboard: HTML pages rendered on the server (Jinja2 templates, SVG drawn by ``svg``), from the
same views as the API. Every page works without JavaScript and loads nothing from another origin. This
module routes the place pages (the world map, a country, its facts, the flows explorer), the API docs and
the upload form; ``document_pages`` the search, documents and conflicts, ``analysis_pages`` the network,
changes and questions; ``render`` renders them all."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from tipkb import query
from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.web import analysis_pages, document_pages, maps, svg, views
from tipkb.web.render import METRIC_LABELS, error_page, place_choices, render, stores_of, text_param
from tipkb.web.views import FlowFilters

__all__ = ["METRIC_LABELS", "error_page", "render", "router"]

router = APIRouter(include_in_schema=False)

FLOW_PAGE = 50
FACTS_PAGE = 100

# -- the world map ----------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def world_page(
    request: Request,
    year: Annotated[int | None, Query(ge=0, le=9999)] = None,
    by: Annotated[str, Query(pattern="^(tier|role)$")] = "tier",
) -> Response:
    """The world map of tier placements in a year, or of stated roles, with the countries' table."""
    stores = stores_of(request)
    world = views.world_view(stores, year)
    drawn, legend, table = maps.world_map(stores, world["placements"], world["year"], by)
    return render(
        request,
        "map.html",
        title="World map",
        year=world["year"],
        years=world["years"],
        chosen=world["chosen"],
        shown_countries=world["shown_countries"],
        newer=world["newer"],
        by=by,
        map=Markup(drawn),
        legend=legend,
        table=table,
        counts=world["counts"],
    )


# -- a country ----------------------------------------------------------------------------------------


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, q: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    """A country typed in the search box: to its page."""
    if q and q.strip():
        return RedirectResponse(views.place_link(query.resolve_country(q)), status_code=303)
    return RedirectResponse("/#countries", status_code=303)


@router.get("/countries/{country}", response_class=HTMLResponse)
def country_page(request: Request, country: str) -> Response:
    """A country's profile: its flows on a map, its tier timeline, its statistics, with evidence."""
    code = query.resolve_country(country[:100])
    if code != country:
        return RedirectResponse(views.place_link(code), status_code=307)
    stores = stores_of(request)
    profile = views.profile_view(stores, code, evidence=True)
    flow_map = maps.country_map(stores, code, profile)
    timeline = svg.tier_timeline(
        views.tier_years(profile), label=f"Tier placements of {profile['name']} by year"
    )
    charts = [
        (
            metric,
            Markup(
                svg.bar_chart(
                    series,
                    label=f"{METRIC_LABELS[metric]} in {profile['name']} by year",
                    links=profile["chart_links"].get(metric),
                )
            ),
            series,
        )
        for metric, series in profile["charts"].items()
    ]
    return render(
        request,
        "country.html",
        title=profile["name"],
        p=profile,
        flow_map=Markup(flow_map),
        timeline=Markup(timeline),
        charts=charts,
    )


@router.get("/countries/{country}/facts", response_class=HTMLResponse)
def country_facts_page(
    request: Request, country: str, offset: Annotated[int, Query(ge=0, le=100_000)] = 0
) -> Response:
    """Every fact about a country (or naming it as either end of a flow), a page at a time, each with
    its sentence and a link to it in its document."""
    code = query.resolve_country(country[:100])
    if code != country:
        return RedirectResponse(views.place_link(code) + "/facts", status_code=307)
    found, more = views.facts_view(stores_of(request), FACTS_PAGE, offset, country=code)
    base = views.place_link(code) + "/facts"
    return render(
        request,
        "facts.html",
        title=f"{query.place_name(code)}: facts",
        code=code,
        name=query.place_name(code),
        facts=found,
        offset=offset,
        next=f"{base}?offset={offset + FACTS_PAGE}" if more else None,
        prev=f"{base}?offset={max(offset - FACTS_PAGE, 0)}" if offset else None,
    )


# -- flows ------------------------------------------------------------------------------------------------


@router.get("/flows", response_class=HTMLResponse)
def flows_page(
    request: Request,
    origin: str | None = None,
    destination: str | None = None,
    country: str | None = None,
    region: str | None = None,
    exploitation: str | None = None,
    victims: str | None = None,
    years: str | None = None,
    hedged: Annotated[str | None, Query(pattern="^(|true|false)$")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """The flows explorer: flows filtered by place, region, years, victims, exploitation, on a map."""
    filters = FlowFilters(
        origin=text_param(origin),
        destination=text_param(destination),
        country=text_param(country),
        region=text_param(region),
        years=text_param(years),
        victims=[v for v in [text_param(victims)] if v],
        exploitation=[e for e in [text_param(exploitation)] if e],
        hedged=None if not hedged else hedged == "true",
    )
    stores = stores_of(request)
    rows = filters.run(stores.get(), evidence=False)
    drawn, mapped = maps.flows_map(stores, rows)
    params = {
        "origin": filters.origin,
        "destination": filters.destination,
        "country": filters.country,
        "region": filters.region,
        "exploitation": exploitation,
        "victims": victims,
        "years": filters.years,
        "hedged": hedged,
    }
    return render(
        request,
        "flows.html",
        title="Flows",
        rows=views.flow_page_rows(stores, filters, rows, offset, FLOW_PAGE),
        total=len(rows),
        offset=offset,
        page_size=FLOW_PAGE,
        next=views.url_with("/flows", {**params, "offset": offset + FLOW_PAGE})
        if offset + FLOW_PAGE < len(rows)
        else None,
        prev=views.url_with("/flows", {**params, "offset": max(offset - FLOW_PAGE, 0)}) if offset else None,
        f=params,
        map=Markup(drawn),
        mapped=mapped,
        places=place_choices(stores),
        regions=views.regions(),
        exploitations=EXPLOITATION,
        victim_kinds=VICTIMS,
        api=views.url_with("/api/flows", {**filters.params(), "limit": 50}),
    )


router.include_router(document_pages.router)
router.include_router(analysis_pages.router)


# -- API docs and upload --------------------------------------------------------------------------------


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API's endpoints and parameters, from its OpenAPI document."""
    schema = request.app.openapi()
    endpoints = views.api_endpoints(schema)
    return render(request, "docs.html", title="API", endpoints=endpoints, info=schema["info"])


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    """The upload form (or a note that uploads are off)."""
    return render(request, "upload.html", title="Upload", settings=request.app.state.upload)
