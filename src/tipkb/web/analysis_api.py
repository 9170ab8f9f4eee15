"""The API's analysis endpoints: the flow network as JSON (``/api/network``) and as an SVG picture
(``/api/network.svg``), what changed in a year (``/api/changes``), and questions in English
(``/api/ask``). Routed under ``api.router`` (prefix ``/api``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from tipkb.web import svg, views
from tipkb.web.api_types import (
    ANALYSIS_ERRORS,
    Exploitations,
    Victims,
    Year,
    Years,
    filter_values,
    stores_of,
)
from tipkb.web.views import MAX_LIMIT

router = APIRouter()


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
    filter_values(years, country, *exploitation, *victims)
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
    filter_values(years, *exploitation, *victims)
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
    views.clean(country)
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
