"""The analysis as JSON for the web API and dashboard: plain functions from a store and request parameters
to JSON-able dicts. Parameters come as the user typed them (country names, "2008-2010"); a bad one raises
``query.QueryError`` (an HTTP 400 / 422), never anything else.

- ``network_data``: rankings, corridors, one country's partners, and the graph (nodes with coordinates and
  corridor, edges with weights) that a corridor view draws.
- ``network_svg``: the flow map and network picture as an SVG document.
- ``changes_data``: what changed in a year.
- ``ask_data``: an answer to a question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipkb import query

if TYPE_CHECKING:
    from tipkb.store import Store

__all__ = ["ask_data", "changes_data", "network_data", "network_svg"]


def _filters(
    year: int | None, years: str | None, exploitation: Sequence[str] | None, victims: Sequence[str] | None
) -> dict[str, Any]:
    query.check_choices("exploitation", exploitation or [])
    query.check_choices("victims", victims or [])
    return {
        "year": year,
        "years": query.parse_years(years) if years else None,
        "exploitation": tuple(exploitation or ()),
        "victims": tuple(victims or ()),
    }


def network_data(
    store: Store,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] | None = None,
    victims: Sequence[str] | None = None,
    country: str | None = None,
    steps: int = 2,
    top: int = 10,
) -> dict[str, Any]:
    """The network report (see ``tipkb.analysis.network.NetworkReport``) plus ``graph``: ``nodes``
    (code, name, kind, region, lat, lon, corridor, in/out weight, internal) and ``edges`` (origin,
    destination, documents, victims, exploitation, via, years, hedged, corridor when both ends share one)."""
    from tipkb.analysis.network import flow_graph, network_report, place_scores

    code = query.resolve_country(country) if country else None
    graph = flow_graph(store, **_filters(year, years, exploitation, victims))
    report = network_report(store, country=code, steps=steps, top=top, graph=graph)
    corridor_of = {m: c.id for c in report.corridors for m in c.members}
    scores = place_scores(graph)
    nodes = []
    for node, attrs in graph.nodes(data=True):
        score = scores[node]
        nodes.append(
            {
                "code": node,
                "name": attrs["name"],
                "kind": attrs["kind"],
                "region": attrs["region"],
                "lat": attrs["lat"],
                "lon": attrs["lon"],
                "corridor": corridor_of.get(node),
                "out_weight": score.out_weight,
                "in_weight": score.in_weight,
                "via_weight": score.via_weight,
                "internal": score.internal,
            }
        )
    edges = []
    for origin, destination, attrs in graph.edges(data=True):
        shared = corridor_of.get(origin)
        edges.append(
            {
                "origin": origin,
                "destination": destination,
                "documents": attrs["weight"],
                "victims": attrs["victims"],
                "exploitation": attrs["exploitation"],
                "via": attrs["via"],
                "years": attrs["years"],
                "hedged": attrs["hedged"],
                "corridor": shared if shared is not None and shared == corridor_of.get(destination) else None,
            }
        )
    return {**report.to_dict(), "graph": {"nodes": nodes, "edges": edges}}


def network_svg(
    store: Store,
    year: int | None = None,
    years: str | None = None,
    exploitation: Sequence[str] | None = None,
    victims: Sequence[str] | None = None,
) -> str:
    """The flow map and network picture (``tipkb network --plot``) as an SVG document."""
    import os
    import tempfile

    from tipkb.analysis.network import corridors, flow_graph
    from tipkb.analysis.plot import plot_network

    graph = flow_graph(store, **_filters(year, years, exploitation, victims))
    fd, path = tempfile.mkstemp(suffix=".svg")
    os.close(fd)
    try:
        plot_network(graph, path, found=corridors(graph))
        with open(path, encoding="utf-8") as f:
            return f.read()
    finally:
        os.unlink(path)


def changes_data(
    store: Store, year: int, country: str | None = None, since: int | None = None
) -> dict[str, Any]:
    """What changed in ``year`` (see ``tipkb.analysis.changes.Changes``), plus ``rows``: one flat row
    per change for a table."""
    from tipkb.analysis.changes import changes

    code = query.resolve_country(country, regions=False) if country else None
    found = changes(store, year, country=code, since=since)
    return {**found.to_dict(), "rows": found.rows()}


def ask_data(store: Store, q: str) -> dict[str, Any]:
    """An answer (see ``tipkb.analysis.ask.Answer``): never raises for what the question says."""
    from tipkb.analysis.ask import ask

    return ask(store, q).to_dict()
