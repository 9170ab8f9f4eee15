"""The network view: the flow network and its picture."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipkb.web.stores import Stores
from tipkb.web.views.common import analysis_errors, blank
from tipkb.web.views.places import place_link


def network_view(
    stores: Stores,
    *,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
    country: str | None = None,
    steps: int = 2,
    top: int = 10,
) -> dict[str, Any]:
    """The flow network (``tipkb network``): rankings, corridors, one country's partners, and the graph a
    corridor view draws; every node with its page."""
    with analysis_errors():
        from tipkb.web import analysis as endpoints

        data = endpoints.network_data(
            stores.get(),
            year=year,
            years=blank(years),
            exploitation=list(exploitation),
            victims=list(victims),
            country=blank(country),
            steps=steps,
            top=top,
        )
    for node in data["graph"]["nodes"]:
        node["page"] = place_link(node["code"])
    return data


def network_svg_view(
    stores: Stores,
    *,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] = (),
    victims: Sequence[str] = (),
) -> str:
    """The flow map and network picture of ``tipkb network --plot``, as SVG text."""
    with analysis_errors():
        from tipkb.web import analysis as endpoints

        return endpoints.network_svg(
            stores.get(),
            year=year,
            years=blank(years),
            exploitation=list(exploitation),
            victims=list(victims),
        )
