"""What the API's endpoints share: the error and page models (documented in the OpenAPI schema), the
error responses of each group of endpoints, the annotated query parameters (``Limit``, ``Offset``,
``Year``, ``Years``, ``Place``, ``Evidence``, ``Exploitations``, ``Victims``), the fact types and export
formats, and the helpers that reach the stores and check free-text values."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BaseModel

from tipkb.model import FACT_TYPES
from tipkb.web import views
from tipkb.web.parameters import check_length
from tipkb.web.stores import Stores
from tipkb.web.views import MAX_LIMIT


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


def stores_of(request: Request) -> Stores:
    """The server's stores (one connection per thread), from the request's app."""
    stores: Stores = request.app.state.stores
    return stores


ANALYSIS_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": ErrorBody, "description": "networkx or matplotlib is not installed on the server"},
}
Exploitations = Annotated[
    list[str], Query(description="Flows some statement of which names this exploitation: labor, sexual, ...")
]
Victims = Annotated[
    list[str], Query(description="Flows some statement of which names these victims: men, ...")
]


def filter_values(*values: str | None) -> None:
    """Refuse control characters, and a value longer than any name or word (100 characters)."""
    for value in values:
        views.clean(value)
        check_length(value)


UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No token, or the wrong one"},
    403: {"model": ErrorBody, "description": "Uploads are off (no TIPKB_TOKEN on the server)"},
    413: {"model": ErrorBody, "description": "A file or the request is too large, or too many files"},
    415: {"model": ErrorBody, "description": "A file of a type tipkb does not read"},
}
