"""The search view: sentences matching words."""

from __future__ import annotations

from typing import Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.documents import linked


def search_view(stores: Stores, q: str, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool]:
    """A page of the sentences matching the words, each linked to its document; and whether there are
    more (the API and the search page render it)."""
    found = query.search(stores.get(), q, limit=limit + 1, offset=offset)
    return linked(stores, [r.to_dict() for r in found[:limit]]), len(found) > limit
