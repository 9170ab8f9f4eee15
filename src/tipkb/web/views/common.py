"""What every view shares: page sizes, a page of a list and its links, a missing document, an analysis that needs a package not installed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException

from tipkb import query
from tipkb.model import EXPLOITATION, METRICS, VICTIMS

MAX_LIMIT = 500


DEFAULT_LIMIT = 50


DOC_ID = re.compile(r"^[0-9a-f]{16}$")


DOC_ID_PATTERN = DOC_ID.pattern


CHART_METRICS = ("investigations", "prosecutions", "convictions", "victims_identified")


class NotFound(LookupError):
    """Something a URL names that the store does not have (a document id)."""


def url_with(path: str, params: dict[str, Any]) -> str:
    """A URL with these query parameters (blank ones left out)."""
    clean = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{path}?{urlencode(clean, doseq=True)}" if clean else path


def page(
    items: Sequence[Any],
    *,
    limit: int,
    offset: int,
    path: str,
    params: dict[str, Any],
    total: int | None = None,
    more: bool | None = None,
) -> dict[str, Any]:
    """A page of a list: the items, where it starts, how many there are, and links to its neighbours."""
    if more is None:
        more = total is not None and offset + limit < total
    nxt = url_with(path, {**params, "limit": limit, "offset": offset + limit}) if more else None
    prev = (
        url_with(path, {**params, "limit": limit, "offset": max(offset - limit, 0)}) if offset > 0 else None
    )
    return {"items": list(items), "total": total, "limit": limit, "offset": offset, "next": nxt, "prev": prev}


CHOICES = {"victims": list(VICTIMS), "exploitation": list(EXPLOITATION), "metric": list(METRICS)}


@contextmanager
def analysis_errors() -> Iterator[None]:
    """An analysis that needs a package not installed (networkx, matplotlib): a 503 with its message."""
    try:
        yield
    except ImportError as err:
        raise HTTPException(503, str(err) or "a package the analysis needs is not installed") from None


def blank(text: str | None) -> str | None:
    return text.strip() or None if text else None


def clean(value: str | None) -> str | None:
    """Reject text with control characters (no name or word has them; some databases refuse them)."""
    if value is not None and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise query.QueryError("parameters may not contain control characters")
    return value


def whole_page(
    rows: Sequence[Any], limit: int, offset: int, path: str, params: dict[str, Any]
) -> dict[str, Any]:
    """A page of a list read whole (so its total is known): rows ``offset`` to ``offset + limit``."""
    return page(
        rows[offset : offset + limit], limit=limit, offset=offset, total=len(rows), path=path, params=params
    )
