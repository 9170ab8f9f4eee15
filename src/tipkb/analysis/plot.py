"""Pictures of the flow network with matplotlib (Agg, no display): a flow map and a network diagram.

The map draws country outlines from the world geometry shipped with the package (``data/world.json``,
keyed by ISO3) when it is there, else only points at country centroids; regions sit at the mean of their
countries' centroids. Nothing is fetched from the network.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipkb.analysis.network import Corridor, require_networkx
from tipkb.analysis.regions import region_members
from tipkb.places import REGION_PREFIX

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PLOT_FORMATS", "PlotError", "plot_network", "world_outlines"]

PLOT_FORMATS = ("png", "svg", "pdf")
_PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)


class PlotError(ValueError):
    """A picture that cannot be made as asked (unknown file type, no matplotlib)."""


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise PlotError("plots need matplotlib: pip install 'tipkb[analysis]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _rings(geometry: Any) -> Iterator[list[list[float]]]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon (or a bare list of rings)."""
    if isinstance(geometry, dict):
        kind, coords = geometry.get("type"), geometry.get("coordinates") or []
        if kind == "Polygon" and coords:
            yield coords[0]
        elif kind == "MultiPolygon":
            for polygon in coords:
                if polygon:
                    yield polygon[0]
    elif isinstance(geometry, list) and geometry:
        if isinstance(geometry[0][0], (int, float)):
            yield geometry
        else:
            for ring in geometry:
                yield from _rings(ring)


def world_outlines() -> dict[str, list[list[list[float]]]]:
    """Country outlines (lists of [lon, lat] rings) by ISO3 from ``data/world.json``; {} when the file
    is not there or is not in a form this reads ({"countries": {ISO3: {"polygons": ...}}}, a GeoJSON
    FeatureCollection, or ISO3 -> geometry)."""
    try:
        text = files("tipkb.data").joinpath("world.json").read_text(encoding="utf-8")
        data = json.loads(text)
    except (FileNotFoundError, NotADirectoryError, OSError, ValueError):
        return {}
    out: dict[str, list[list[list[float]]]] = {}
    if isinstance(data, dict) and isinstance(data.get("countries"), dict):
        # tipkb's own form: {"countries": {ISO3: {"name": ..., "polygons": [[ring, hole, ...], ...]}}}
        for code, country in data["countries"].items():
            polygons = country.get("polygons") if isinstance(country, dict) else None
            if isinstance(polygons, list):
                out[code] = list(_rings({"type": "MultiPolygon", "coordinates": polygons}))
    elif isinstance(data, dict) and isinstance(data.get("features"), list):
        for feature in data["features"]:
            if not isinstance(feature, dict):
                continue
            props = feature.get("properties") or {}
            code = feature.get("id") or next(
                (props[k] for k in ("iso3", "ISO3", "ISO_A3", "iso_a3", "ADM0_A3", "code") if k in props),
                None,
            )
            if isinstance(code, str):
                out[code] = list(_rings(feature.get("geometry")))
    elif isinstance(data, dict):
        for code, geometry in data.items():
            if isinstance(code, str) and len(code) == 3:
                geometry = geometry.get("geometry", geometry) if isinstance(geometry, dict) else geometry
                out[code] = list(_rings(geometry))
    return out


def _centroids() -> dict[str, tuple[float, float]]:
    text = files("tipkb.places").joinpath("data", "centroids.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[float, float]] = {}
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3:
            out[cols[0]] = (float(cols[1]), float(cols[2]))
    return out


def positions(codes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """(lon, lat) of each code that has one: countries at their centroid, regions at the mean of their
    countries' centroids."""
    cents = _centroids()
    out: dict[str, tuple[float, float]] = {}
    for code in codes:
        if not code.startswith(REGION_PREFIX):
            if code in cents:
                lat, lon = cents[code]
                out[code] = (lon, lat)
            continue
        points = [cents[c] for c in sorted(region_members(code)) if c in cents]
        if points:
            out[code] = (
                sum(p[1] for p in points) / len(points),
                sum(p[0] for p in points) / len(points),
            )
    return out


def _colours(graph: nx.DiGraph, found: list[Corridor]) -> dict[str, str]:
    colour = {node: "#9e9e9e" for node in graph.nodes}
    for i, corridor in enumerate(found):
        for member in corridor.members:
            colour[member] = _PALETTE[i % len(_PALETTE)]
    return colour


def _size(graph: nx.DiGraph, node: str) -> float:
    weight = graph.in_degree(node, weight="weight") + graph.out_degree(node, weight="weight")
    return 20.0 + 40.0 * math.sqrt(weight + graph.nodes[node].get("internal", 0))


def _corridor_layout(graph: nx.DiGraph, found: list[Corridor]) -> dict[str, tuple[float, float]]:
    """Each corridor laid out on its own (spring layout) around a point of a circle, larger corridors
    larger; places in no corridor on an outer ring."""
    nx = require_networkx()
    layout: dict[str, tuple[float, float]] = {}
    groups = [c.members for c in found]
    k = max(len(groups), 1)
    for i, members in enumerate(groups):
        angle = 2 * math.pi * i / k
        cx, cy = (math.cos(angle), math.sin(angle)) if k > 1 else (0.0, 0.0)
        sub = graph.subgraph(members).to_undirected()
        local = (
            nx.spring_layout(sub, weight="weight", seed=7) if len(members) > 1 else {members[0]: (0.0, 0.0)}
        )
        scale = 0.12 + 0.05 * math.sqrt(len(members))
        for node, (x, y) in local.items():
            layout[node] = (cx + scale * float(x), cy + scale * float(y))
    rest = sorted(n for n in graph.nodes if n not in layout)
    for j, node in enumerate(rest):
        angle = 2 * math.pi * j / max(len(rest), 1)
        layout[node] = (1.6 * math.cos(angle), 1.6 * math.sin(angle))
    return layout


# Where a name may sit around its point (offsets in points), tried in this order.
_LABEL_OFFSETS = ((4, 4), (4, -10), (-4, 4), (-4, -10), (0, 9), (0, -14), (9, -3), (-9, -3))
CORRIDORS_IN_LEGEND = 8


def _place_labels(ax: Any, items: list[tuple[str, tuple[float, float]]]) -> int:
    """Name the points, most important first, each where it overlaps no name already placed (trying
    the offsets around its point); a name that fits nowhere is left out. Returns how many were placed."""
    renderer = ax.figure.canvas.get_renderer()
    taken: list[Any] = []
    placed = 0
    for name, point in items:
        for dx, dy in _LABEL_OFFSETS:
            text = ax.annotate(
                name,
                point,
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=7,
                ha="left" if dx >= 0 else "right",
                zorder=5,
            )
            box = text.get_window_extent(renderer=renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                placed += 1
                break
            text.remove()
    return placed


def _legend_handles(graph: nx.DiGraph, found: list[Corridor], colour: dict[str, str]) -> list[Any]:
    """What the colours mean: each corridor (its first places), then places in none."""
    from matplotlib.patches import Patch

    handles = []
    for i, corridor in enumerate(found[:CORRIDORS_IN_LEGEND]):
        names = corridor.names[:3]
        more = "…" if len(corridor.names) > 3 else ""
        handles.append(
            Patch(
                color=_PALETTE[i % len(_PALETTE)], label=f"corridor {corridor.id}: {', '.join(names)}{more}"
            )
        )
    if len(found) > CORRIDORS_IN_LEGEND:
        handles.append(Patch(color="#ffffff", label=f"+{len(found) - CORRIDORS_IN_LEGEND} more corridors"))
    if any(c == "#9e9e9e" for c in colour.values()):
        handles.append(Patch(color="#9e9e9e", label="in no corridor"))
    return handles


def plot_network(
    graph: nx.DiGraph,
    path: str | Path,
    found: list[Corridor] | None = None,
    title: str | None = None,
    labels: int = 25,
) -> Path:
    """Write a flow map (left) and a network diagram (right) to ``path`` (.png, .svg or .pdf).

    Nodes are coloured by corridor and sized by the documents of their flows; arrows are as wide as the
    documents behind them. The ``labels`` busiest places are named.
    """
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in PLOT_FORMATS:
        raise PlotError(f"cannot draw {target.name!r}: give a file ending in .png, .svg or .pdf")
    plt = _matplotlib()
    nx = require_networkx()
    from matplotlib.patches import FancyArrowPatch, Polygon

    if found is None:
        from tipkb.analysis.network import corridors

        found = corridors(graph)
    colour = _colours(graph, found)
    busiest = sorted(graph.nodes, key=lambda n: -_size(graph, n))[:labels]
    max_weight = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)

    fig, (ax_map, ax_net) = plt.subplots(
        1, 2, figsize=(18, 7.5), gridspec_kw={"width_ratios": [1.6, 1]}, constrained_layout=True
    )
    fig.suptitle(title or "Trafficking flows (edge width: documents stating the flow)")

    # The map.
    outlines = world_outlines()
    for rings in outlines.values():
        for ring in rings:
            ax_map.add_patch(Polygon(ring, closed=True, facecolor="#eeeeee", edgecolor="#bbbbbb", lw=0.3))
    where = positions(graph.nodes)
    for a, b, data in graph.edges(data=True):
        if a in where and b in where:
            ax_map.add_patch(
                FancyArrowPatch(
                    where[a],
                    where[b],
                    connectionstyle="arc3,rad=0.2",
                    arrowstyle="-|>",
                    mutation_scale=8,
                    lw=0.4 + 3.0 * data["weight"] / max_weight,
                    color=colour[a],
                    alpha=0.55,
                )
            )
    placed = [n for n in graph.nodes if n in where]
    ax_map.scatter(
        [where[n][0] for n in placed],
        [where[n][1] for n in placed],
        s=[_size(graph, n) for n in placed],
        c=[colour[n] for n in placed],
        edgecolors="white",
        linewidths=0.5,
        zorder=3,
    )
    ax_map.set_xlim(-180, 180)
    ax_map.set_ylim(-60, 85)
    ax_map.set_aspect("equal")
    ax_map.set_title("Flow map" + ("" if outlines else " (country centroids)"))
    ax_map.set_xticks([])
    ax_map.set_yticks([])

    # The network.
    if graph.number_of_nodes():
        layout = _corridor_layout(graph, found)
        nx.draw_networkx_edges(
            graph,
            layout,
            ax=ax_net,
            width=[0.3 + 2.5 * d["weight"] / max_weight for _, _, d in graph.edges(data=True)],
            edge_color="#888888",
            alpha=0.6,
            arrowsize=6,
            connectionstyle="arc3,rad=0.1",
        )
        nx.draw_networkx_nodes(
            graph,
            layout,
            ax=ax_net,
            node_size=[_size(graph, n) for n in graph.nodes],
            node_color=[colour[n] for n in graph.nodes],
        )
    ax_net.set_title(f"Network: {graph.number_of_nodes()} places, {graph.number_of_edges()} flows")
    ax_net.axis("off")
    # Names last, once both panels are laid out, so that none overlaps another.
    fig.canvas.draw()
    _place_labels(ax_map, [(graph.nodes[n]["name"], where[n]) for n in busiest if n in where])
    if graph.number_of_nodes():
        _place_labels(ax_net, [(graph.nodes[n]["name"], layout[n]) for n in busiest])
    handles = _legend_handles(graph, found, colour)
    if handles:
        fig.legend(handles=handles, loc="lower center", ncols=min(len(handles), 4), fontsize=8, frameon=False)
    fig.savefig(target, format=fmt, dpi=130)
    plt.close(fig)
    return target
