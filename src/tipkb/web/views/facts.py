"""The facts view: a page of stored facts."""

from __future__ import annotations

from typing import Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.documents import fact_dicts


def facts_view(stores: Stores, limit: int, offset: int, **filters: Any) -> tuple[list[dict[str, Any]], bool]:
    """A page of stored facts (``query.facts`` filters), each with its summary and links; and whether
    there are more (the API and a country's facts page render it)."""
    found = query.facts(stores.get(), limit=limit + 1, offset=offset, **filters)
    return fact_dicts(stores, found[:limit]), len(found) > limit
