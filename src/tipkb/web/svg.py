"""Server-side SVG for the dashboard: a world map (equirectangular), flows as arcs, bar charts and a tier
timeline. Pure functions from data to markup; colours come from CSS classes in static/style.css."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib.resources import files

from tipkb.vocab import contract

# The projection: 10 units per degree; latitudes 84N..58S (Antarctica and the far north left out).
SCALE = 10.0
NORTH, SOUTH = 84.0, -58.0
WIDTH = 360 * SCALE
HEIGHT = (NORTH - SOUTH) * SCALE
Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    """(lon, lat) in degrees -> (x, y) in map units."""
    return (lon + 180.0) * SCALE, (NORTH - lat) * SCALE


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    d: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the largest polygon


@lru_cache(maxsize=1)
def world() -> dict[str, Shape]:
    """Country outlines by ISO3 code, as SVG path data in map units."""
    data = json.loads(files("tipkb.data").joinpath("world.json").read_text(encoding="utf-8"))
    shapes = {}
    for code, entry in data["countries"].items():
        parts = []
        best: tuple[float, tuple[float, float, float, float]] = (-1.0, (0.0, 0.0, 0.0, 0.0))
        for polygon in entry["polygons"]:
            for k, ring in enumerate(polygon):
                pts = [project(lon, lat) for lon, lat in ring]
                parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in _dedupe(pts)) + "Z")
                if k == 0:
                    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                    size = (max(xs) - min(xs)) * (max(ys) - min(ys))
                    if size > best[0] and min(xs) >= 0 and max(xs) <= WIDTH:
                        best = (size, (min(xs), min(ys), max(xs), max(ys)))
        shapes[code] = Shape(code, entry["name"], "".join(parts), best[1])
    return shapes


def _dedupe(points: list[Point]) -> list[Point]:
    out: list[Point] = []
    last = None
    for x, y in points:
        key = (round(x), round(y))
        if key != last:
            out.append((x, y))
            last = key
    return out


@dataclass(frozen=True)
class Area:
    """A country to colour: its CSS class, a label (tooltip and accessible name) and an optional link."""

    cls: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Dot:
    """A place drawn as a circle: small countries missing from the 1:110m outlines, regions."""

    code: str
    lon: float
    lat: float
    cls: str
    label: str
    href: str | None = None
    size: float = 1.0  # times the usual radius


@dataclass(frozen=True)
class Arc:
    """A flow from one point to another; ``weight`` (documents) sets the width."""

    start: Point  # lon, lat
    end: Point
    cls: str
    label: str
    weight: int = 1
    href: str | None = None


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _link(inner: str, href: str | None, label: str) -> str:
    if not href:
        return inner
    return f'<a href="{_attr(href)}" aria-label="{_attr(label)}">{inner}</a>'


def arc_path(start: Point, end: Point, unit: float = 1.0) -> str:
    """A quadratic curve from start to end, bent to the left of its direction (so A->B and B->A part);
    ``unit`` is the size of a screen pixel in map units (for the loop of internal trafficking)."""
    (x1, y1), (x2, y2) = project(*start), project(*end)
    if abs(x1 - x2) < 1 and abs(y1 - y2) < 1:
        # Internal trafficking: a small loop above the point.
        r = 12 * unit
        return f"M{x1:.0f} {y1:.0f}c{-r:.0f} {-2 * r:.0f} {r:.0f} {-2 * r:.0f} 0 0"
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    bend = min(0.25 * length, 400.0)
    cx, cy = (x1 + x2) / 2 + dy / length * bend, (y1 + y2) / 2 - dx / length * bend
    return f"M{x1:.0f} {y1:.0f}Q{cx:.0f} {cy:.0f} {x2:.0f} {y2:.0f}"


def viewbox(points: Iterable[Point], pad: float = 12.0, min_width: float = 90.0) -> str:
    """A view box (in map units) around the (lon, lat) points, at least ``min_width`` degrees wide and
    with the map's aspect ratio; the whole world when there are no points."""
    pts = [project(lon, lat) for lon, lat in points]
    if not pts:
        return f"0 0 {WIDTH:.0f} {HEIGHT:.0f}"
    x0, x1 = min(p[0] for p in pts) - pad * SCALE, max(p[0] for p in pts) + pad * SCALE
    y0, y1 = min(p[1] for p in pts) - pad * SCALE, max(p[1] for p in pts) + pad * SCALE
    ratio = WIDTH / HEIGHT
    w = max(x1 - x0, min_width * SCALE, (y1 - y0) * ratio)
    w = min(w, WIDTH)
    h = w / ratio
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x = min(max(cx - w / 2, 0.0), WIDTH - w)
    y = min(max(cy - h / 2, 0.0), HEIGHT - h)
    return f"{x:.0f} {y:.0f} {w:.0f} {h:.0f}"


def world_map(
    areas: dict[str, Area],
    *,
    label: str,
    dots: Sequence[Dot] = (),
    arcs: Sequence[Arc] = (),
    box: str | None = None,
    focus: str | None = None,
) -> str:
    """The world with countries coloured (``areas`` by code; others are "no data"), dots and arcs on top.

    Countries with a link are keyboard-focusable; every coloured one has a tooltip title.
    """
    box = box or f"0 0 {WIDTH:.0f} {HEIGHT:.0f}"
    # Map units per pixel of a map drawn about 1000 pixels wide: line widths and dot sizes follow the zoom.
    unit = float(box.split()[2]) / 1000
    out = [
        f'<svg class="map" viewBox="{box}" role="img" '
        f'aria-label="{_attr(label)}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        "<defs>"
        '<marker id="arrow-out" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3" markerHeight="3" '
        'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-out"/></marker>'
        '<marker id="arrow-in" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3" markerHeight="3" '
        'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-in"/></marker>'
        '<marker id="arrow-flow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3" markerHeight="3" '
        'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-flow"/></marker>'
        "</defs>",
        f'<rect class="sea" x="0" y="0" width="{WIDTH:.0f}" height="{HEIGHT:.0f}"/>',
        '<g class="land">',
    ]
    for code, shape in world().items():
        area = areas.get(code)
        cls = "area " + (area.cls if area else "nodata") + (" focus" if code == focus else "")
        title = area.label if area else f"{shape.name}: no data"
        path = f'<path class="{cls}" d="{shape.d}" data-code="{code}"><title>{_attr(title)}</title></path>'
        out.append(_link(path, area.href if area else None, title))
    out.append("</g>")
    if dots:
        out.append('<g class="dots">')
        for dot in dots:
            x, y = project(dot.lon, dot.lat)
            circle = (
                f'<circle class="dot {dot.cls}" cx="{x:.0f}" cy="{y:.0f}" r="{5 * unit * dot.size:.1f}" data-code="{_attr(dot.code)}">'
                f"<title>{_attr(dot.label)}</title></circle>"
            )
            out.append(_link(circle, dot.href, dot.label))
        out.append("</g>")
    if arcs:
        top = max(a.weight for a in arcs)
        out.append('<g class="arcs">')
        for arc in arcs:
            width = (1.2 + 3.3 * math.sqrt(arc.weight / top)) * unit
            marker = {"out": "arrow-out", "in": "arrow-in"}.get(arc.cls, "arrow-flow")
            path = (
                f'<path class="arc {arc.cls}" d="{arc_path(arc.start, arc.end, unit)}" stroke-width="{width:.1f}" '
                f'marker-end="url(#{marker})"><title>{_attr(arc.label)}</title></path>'
            )
            out.append(_link(path, arc.href, arc.label))
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def bar_chart(
    values: Sequence[tuple[int, int | None]],
    *,
    label: str,
    width: int = 420,
    height: int = 170,
    links: Mapping[int, str] | None = None,
) -> str:
    """Bars of a value by year (None: no figure that year), with the figures written on them; a bar
    whose year has a link (the sentence that states it) is that link."""
    top = max((v for _, v in values if v is not None), default=0) or 1
    left, bottom, top_pad = 8, 22, 18
    n = max(len(values), 1)
    step = (width - 2 * left) / n
    bar = max(min(step * 0.7, 48), 4)
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(label)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}"/>',
    ]
    small = n > 12
    for i, (year, value) in enumerate(values):
        cx = left + step * i + step / 2
        if value is not None:
            h = (height - bottom - top_pad) * value / top
            y = height - bottom - h
            rect = (
                f'<rect class="bar" x="{cx - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{max(h, 1):.1f}">'
                f"<title>{year}: {value:,}</title></rect>"
            )
            href = (links or {}).get(year)
            out.append(f'<a href="{_attr(href)}">{rect}</a>' if href else rect)
            if not small or i % 2 == 0:
                out.append(f'<text class="value" x="{cx:.1f}" y="{y - 4:.1f}">{value:,}</text>')
        else:
            out.append(f'<text class="value none" x="{cx:.1f}" y="{height - bottom - 4}">–</text>')
        if not small or i % 2 == 0 or i == n - 1:
            out.append(f'<text class="year" x="{cx:.1f}" y="{height - 6}">{year}</text>')
    out.append("</svg>")
    return "".join(out)


TIER_CLASSES = {"1": "t1", "2": "t2", "2WL": "t2wl", "3": "t3", "special": "tsp"}
TIER_LABELS = contract().tier_labels
TIER_SHORT = contract().tier_short


def tier_timeline(placements: Sequence[tuple[int, Sequence[str]]], *, label: str) -> str:
    """One cell per year, coloured by tier; a year with disputed placements stacks its tiers."""
    if not placements:
        return ""
    cell, gap, height = 46, 4, 64
    width = len(placements) * (cell + gap)
    out = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" width="{width}" role="img" '
        f'aria-label="{_attr(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (year, tiers) in enumerate(placements):
        x = i * (cell + gap)
        h = 40 / max(len(tiers), 1)
        for k, tier in enumerate(tiers):
            cls = TIER_CLASSES.get(tier, "nodata")
            out.append(
                f'<rect class="area {cls}" x="{x}" y="{k * h:.1f}" width="{cell}" height="{h:.1f}">'
                f"<title>{year}: {_attr(TIER_LABELS.get(tier, tier))}</title></rect>"
                f'<text class="tier" x="{x + cell / 2}" y="{k * h + h / 2 + 5:.1f}">{TIER_SHORT.get(tier, tier)}</text>'
            )
        out.append(f'<text class="year" x="{x + cell / 2}" y="{height - 6}">{year}</text>')
    out.append("</svg>")
    return "".join(out)


_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>\s*\*\s*\{([^}]*)\}\s*</style>")
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*", re.S)
# CSS properties that SVG also takes as presentation attributes (what matplotlib writes in style="...").
_PRESENTATION = {
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linejoin",
    "stroke-linecap",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "opacity",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "text-anchor",
    "clip-path",
}


def _declarations(css: str) -> str:
    out = []
    for part in css.split(";"):
        name, sep, value = part.partition(":")
        name, value = name.strip(), value.strip()
        if sep and name in _PRESENTATION and value and '"' not in value:
            out.append(f' {name}="{_attr(value)}"')
    return "".join(out)


def presentational(document: str) -> str:
    """An SVG document (as matplotlib writes it) with its inline CSS, which a Content-Security-Policy of
    ``style-src 'self'`` blocks, turned into presentation attributes: each ``style="..."`` into attributes
    on its element, and a ``<style>*{...}</style>`` into attributes of the root (they inherit alike).
    The DOCTYPE (naming a DTD on the web) is dropped."""
    document = _DOCTYPE.sub("", document)
    root = ""
    found = _STYLE_ELEMENT.search(document)
    if found:
        root = _declarations(found.group(1))
        document = document[: found.start()] + document[found.end() :]
    document = _STYLE_ATTR.sub(lambda m: _declarations(m.group(1)), document)
    if root:
        document = re.sub(r"<svg\b", "<svg" + root, document, count=1)
    return document
