"""The changes view: what changed in a year."""

from __future__ import annotations

from typing import Any

from tipkb.web.stores import Stores
from tipkb.web.views.common import analysis_errors, blank
from tipkb.web.views.documents import document_pages, linked


def changes_view(
    stores: Stores, year: int, country: str | None = None, since: int | None = None
) -> dict[str, Any]:
    """What changed in a year (``tipkb changes``): tiers, flows and statistics, each side with its
    sentences linked; ``rows`` flat for a table, with the documents of each side (``before_pages``,
    ``after_pages``: a flow not stated lists the documents that leave it out)."""
    with analysis_errors():
        from tipkb.web import analysis as endpoints

        data = linked(stores, endpoints.changes_data(stores.get(), year, country=blank(country), since=since))
    for row in data["rows"]:
        row["before_pages"] = document_pages(stores, row["before_documents"])
        row["after_pages"] = document_pages(stores, row["after_documents"])
    return data
