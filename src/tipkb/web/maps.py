"""Maps and their legends: which places are coloured how, the arcs of flows, and the dots for places the
outlines leave out, computed from a view's data for the world, a country, the flows and the network
pages (``svg`` draws them)."""

from __future__ import annotations

from typing import Any

from tipkb import query
from tipkb.places import REGION_PREFIX
from tipkb.web import svg, views
from tipkb.web.stores import Stores

__all__ = ["corridor_class", "country_map", "flows_map", "network_map", "world_map"]

# Flows drawn on the flows page's map (the most documented first).
MAP_ARCS = 80

ROLE_CLASSES = {
    ("origin",): "r-o",
    ("destination",): "r-d",
    ("transit",): "r-t",
    ("origin", "destination"): "r-od",
    ("origin", "transit"): "r-ot",
    ("transit", "destination"): "r-td",
    ("origin", "transit", "destination"): "r-otd",
}


def _joined(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# The map's legend of roles: the codes themselves, joined ("origin and destination").
ROLE_LABELS = {cls: _joined(roles) for roles, cls in ROLE_CLASSES.items()}
CORRIDOR_COLOURS = 8  # corridors 1..8 have a colour each (k1..k8); the others share one
NETWORK_ARCS = 80


def corridor_class(corridor: int | None) -> str:
    """The CSS class of a corridor's colour (k1..k8, k-other, k-none)."""
    if corridor is None:
        return "k-none"
    return f"k{corridor}" if corridor <= CORRIDOR_COLOURS else "k-other"


# A country whose outline spans less than this (map units; the world is 3,600 wide) is a few pixels
# on a screen: it gets a dot as well (Qatar, Lebanon, Cyprus, Kuwait, Luxembourg, island states).
SMALL_EXTENT = 20.0


def _too_small(shape: svg.Shape) -> bool:
    x0, y0, x1, y1 = shape.box
    return max(x1 - x0, y1 - y0) < SMALL_EXTENT


def _dots(stores: Stores, areas: dict[str, svg.Area], codes: set[str]) -> list[svg.Dot]:
    """Places with data that the 1:110m outlines leave out or draw too small to see (small states) as
    dots."""
    shapes = svg.world()
    where = views.positions(stores)
    out = []
    for code in sorted(codes):
        if code.startswith(REGION_PREFIX) or code not in where:
            continue
        if code in shapes and not _too_small(shapes[code]):
            continue
        area = areas.get(code)
        if area is None:
            continue
        p = where[code]
        out.append(svg.Dot(code, p.lon, p.lat, area.cls, area.label, area.href))
    return out


def world_map(
    stores: Stores, shown: dict[str, list[str]], year: int | None, by: str
) -> tuple[str, list[tuple[str, str]], list[dict[str, Any]]]:
    """The world map of tier placements in a year (``shown``: code -> tiers) or of stated roles, its
    legend, and the table of countries under it."""
    rows = views.country_rows(stores)
    areas: dict[str, svg.Area] = {}
    table = []
    for row in rows:
        if row["kind"] != "country":
            continue
        code, name = row["code"], row["name"]
        tiers = shown.get(code, [])
        if by == "tier":
            if tiers:
                label = f"{name}: {svg.TIER_LABELS.get(tiers[0], tiers[0])} in {year}"
                if len(tiers) > 1:
                    label += " (also stated: " + ", ".join(svg.TIER_LABELS.get(t, t) for t in tiers[1:]) + ")"
                areas[code] = svg.Area(
                    svg.TIER_CLASSES.get(tiers[0], "nodata"), label, views.place_link(code)
                )
            else:
                areas[code] = svg.Area(
                    "nodata has-facts", f"{name}: no tier for {year}", views.place_link(code)
                )
        else:
            cls = ROLE_CLASSES.get(tuple(row["roles"]))
            if cls:
                areas[code] = svg.Area(cls, f"{name}: {ROLE_LABELS[cls]}", views.place_link(code))
            else:
                areas[code] = svg.Area("nodata has-facts", f"{name}: no role stated", views.place_link(code))
        table.append({**row, "tiers": tiers})
    drawn = svg.world_map(
        areas,
        label=(f"World map of tier placements in {year}" if by == "tier" else "World map of stated roles"),
        dots=_dots(stores, areas, set(areas)),
    )
    if by == "tier":
        legend = [(cls, label) for t, cls in svg.TIER_CLASSES.items() for label in [svg.TIER_LABELS[t]]]
    else:
        legend = list(ROLE_LABELS.items())
    legend.append(("has-facts", "named in facts, no data shown"))
    legend.append(("nodata", "no data"))
    table.sort(key=lambda r: (r["name"].casefold(), r["code"]))
    return drawn, legend, table


def country_map(stores: Stores, code: str, profile: dict[str, Any]) -> str:
    """A country's flows in and out, on a map framed around them."""
    where = views.positions(stores)
    here = where.get(code)
    arcs, points = [], []
    for direction, rows in (("in", profile["inbound"]), ("out", profile["outbound"])):
        for row in rows:
            a, b = where.get(row["origin"]), where.get(row["destination"])
            if a is None or b is None:
                continue
            internal = row["origin"] == row["destination"]
            if internal and direction == "in":
                continue  # trafficking within the country: in both lists, drawn once, as a loop
            partner = row["origin"] if direction == "in" else row["destination"]
            label = (
                f"within {row['origin_name']} (internal): {row['documents']} documents"
                if internal
                else f"{row['origin_name']} → {row['destination_name']}: {row['documents']} documents"
            )
            arcs.append(
                svg.Arc(
                    (a.lon, a.lat),
                    (b.lon, b.lat),
                    "internal" if internal else direction,
                    label,
                    row["documents"],
                    views.place_link(partner),
                )
            )
            points += [(a.lon, a.lat), (b.lon, b.lat)]
    if here:
        points.append((here.lon, here.lat))
    areas = {}
    partners = {r["origin"] for r in profile["inbound"]} | {r["destination"] for r in profile["outbound"]}
    for partner in partners - {code}:
        areas[partner] = svg.Area(
            "partner", f"{query.place_name(partner)}: a flow partner", views.place_link(partner)
        )
    areas[code] = svg.Area("self", profile["name"], None)
    flow_map = svg.world_map(
        areas,
        label=f"Flows into and out of {profile['name']}",
        arcs=arcs,
        box=svg.viewbox(points),
        focus=code,
        dots=_dots(stores, areas, set(areas)),
    )
    return flow_map


def flows_map(stores: Stores, rows: query.Rows[query.FlowRow]) -> tuple[str, int]:
    """The map of the listed flows (the first ``MAP_ARCS``), and how many it draws."""
    where = views.positions(stores)
    arcs: list[svg.Arc] = []
    areas: dict[str, svg.Area] = {}
    drawn_flows = 0
    for row in rows[:MAP_ARCS]:
        a, b = where.get(row.origin), where.get(row.destination)
        if a is None or b is None:
            continue
        drawn_flows += 1
        # A flow through transit countries is drawn through them: origin -> via -> destination.
        stops = [a, *(where[v] for v in row.via if v in where and v not in (row.origin, row.destination)), b]
        if row.origin == row.destination:
            label = f"within {row.origin_name} (internal): {row.documents} documents"
        else:
            via = f" via {', '.join(query.place_name(v) for v in row.via)}" if row.via else ""
            label = f"{row.origin_name} → {row.destination_name}{via}: {row.documents} documents"
        for here, there in zip(stops, stops[1:], strict=False):
            arcs.append(
                svg.Arc((here.lon, here.lat), (there.lon, there.lat), "flow", label, row.documents, None)
            )
        for code in row.via:
            if code not in (row.origin, row.destination) and code not in areas:
                areas[code] = svg.Area(
                    "transit", f"{query.place_name(code)} (transit)", views.place_link(code)
                )
        for code, cls in ((row.origin, "origin"), (row.destination, "destination")):
            if code not in areas or areas[code].cls not in (cls, "transit"):
                cls = "both" if code in areas and areas[code].cls not in (cls, "transit") else cls
                areas[code] = svg.Area(cls, f"{query.place_name(code)}", views.place_link(code))
    ends = [point for arc in arcs for point in (arc.start, arc.end)]
    drawn = svg.world_map(
        areas,
        label="Map of the flows listed below",
        arcs=arcs,
        box=svg.viewbox(ends) if ends else None,
        dots=_dots(stores, areas, set(areas)),
    )
    return drawn, drawn_flows


def network_map(
    stores: Stores, data: dict[str, Any]
) -> tuple[str, int, list[tuple[str, str]], dict[int, list[str]]]:
    """The flow network on a map (places coloured by corridor, flows as wide as their documents): the
    drawing, how many flows it draws, its legend and the corridors' names."""
    nodes = {n["code"]: n for n in data["graph"]["nodes"]}
    where = views.positions(stores)
    for code, n in nodes.items():
        # Regions come without coordinates: put them at the mean of their countries, as the other maps do.
        if (n["lat"] is None or n["lon"] is None) and code in where:
            n["lon"], n["lat"] = where[code].lon, where[code].lat
    corridor_names = {c["id"]: c["names"] for c in data["corridors"]}
    areas: dict[str, svg.Area] = {}
    dots: list[svg.Dot] = []
    shapes = svg.world()
    for code, n in nodes.items():
        corridor = n["corridor"]
        label = f"{n['name']}: " + (f"corridor {corridor}" if corridor else "in no corridor")
        label += f"; {n['out_weight']} out, {n['in_weight']} in (documents)"
        cls = corridor_class(corridor)
        if code in shapes:
            areas[code] = svg.Area(cls, label, n["page"])
        elif n["lat"] is not None and n["lon"] is not None:
            size = 1.8 if n["kind"] == "region" else 1.0
            dots.append(svg.Dot(code, n["lon"], n["lat"], cls, label, n["page"], size))
    arcs = []
    strongest = sorted(data["graph"]["edges"], key=lambda e: (-e["documents"], e["origin"], e["destination"]))
    for e in strongest[:NETWORK_ARCS]:
        a, b = nodes.get(e["origin"]), nodes.get(e["destination"])
        if a is None or b is None or None in (a["lon"], a["lat"], b["lon"], b["lat"]):
            continue
        arcs.append(
            svg.Arc(
                (a["lon"], a["lat"]),
                (b["lon"], b["lat"]),
                "flow",
                f"{a['name']} → {b['name']}: {e['documents']} document{'s' if e['documents'] != 1 else ''}",
                e["documents"],
                None,
            )
        )
    between = len(arcs)
    for _code, n in sorted(nodes.items()):
        # Trafficking within a place is no edge of the network, but it is drawn: a loop on the place.
        if n.get("internal") and None not in (n["lon"], n["lat"]):
            label = (
                f"within {n['name']} (internal): {n['internal']} document{'s' if n['internal'] != 1 else ''}"
            )
            arcs.append(
                svg.Arc((n["lon"], n["lat"]), (n["lon"], n["lat"]), "flow", label, n["internal"], None)
            )
    ends = [point for arc in arcs for point in (arc.start, arc.end)]
    drawn = svg.world_map(
        areas,
        label="Map of the flow network: places coloured by corridor, flows as arcs as wide as their documents",
        arcs=arcs,
        dots=dots,
        box=svg.viewbox(ends) if ends else None,
    )
    legend = [
        (
            corridor_class(c["id"]),
            f"corridor {c['id']}: " + ", ".join(c["names"][:3]) + ("…" if len(c["names"]) > 3 else ""),
        )
        for c in data["corridors"][:CORRIDOR_COLOURS]
    ]
    if len(data["corridors"]) > CORRIDOR_COLOURS:
        legend.append(("k-other", "other corridors"))
    legend.append(("k-none", "in no corridor"))
    return drawn, between, legend, corridor_names
