"""Convert Natural Earth's 1:110m countries (the npm package world-atlas, TopoJSON) into the ISO3-keyed
polygon file the dashboard draws: src/tipkb/data/world.json. Run once; the output is committed.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_world.py /tmp/package/countries-110m.json

Numeric ids become ISO 3166-1 alpha-3 codes through pycountry; the features Natural Earth leaves without
an id are patched by name (Kosovo is XKX; Northern Cyprus and Somaliland join the countries the TIP
reports count them under). Rings are simplified (Douglas-Peucker), rounded to 0.01 degree, and rings that
cross the antimeridian are unwrapped and repeated on the other side, so that a plain equirectangular
projection draws them whole.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tipkb" / "data" / "world.json"
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
SKIP = {"ATA"}  # Antarctica: no narratives, and it would fill the bottom of every map
TOLERANCE = 0.12  # degrees
Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON arcs (quantised, delta-encoded) as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        length = math.hypot(bx - ax, by - ay)
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.extend([(a, index), (index, b)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def unwrap(points: list[Point]) -> list[Point]:
    """Longitudes made continuous across the antimeridian (some may then lie beyond +-180)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def area(points: list[Point]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True))) / 2


def rings_of(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for polygon in polygons:
        rings = []
        for k, indexes in enumerate(polygon):
            pts = unwrap(ring(arcs, indexes))
            small = simplify(pts, TOLERANCE)
            if len(small) < 4 or area(small) < 0.05:
                if k == 0:
                    # Keep small islands as a rough shape rather than lose the country.
                    small = simplify(pts, TOLERANCE / 4)
                    if len(small) < 4:
                        break
                else:
                    continue
            rings.append(small)
        if not rings:
            continue
        out.append(rings)
        lons = [lon for lon, _ in rings[0]]
        for shift in (360.0, -360.0):
            if (shift < 0 and max(lons) > 180) or (shift > 0 and min(lons) < -180):
                out.append([[(lon + shift, lat) for lon, lat in r] for r in rings])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: dict[str, dict[str, Any]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if geometry.get("id") is not None:
            found = pycountry.countries.get(numeric=geometry["id"])
            if found is None:
                raise SystemExit(f"no ISO code for numeric id {geometry['id']} ({name})")
            code = found.alpha_3
        elif name in BY_NAME:
            code = BY_NAME[name]
        else:
            raise SystemExit(f"feature without id and no patch for it: {name!r}")
        if code in SKIP:
            continue
        polygons = [
            [[[round(lon, 2), round(lat, 2)] for lon, lat in r] for r in rings]
            for rings in rings_of(geometry, arcs)
        ]
        entry = countries.setdefault(code, {"name": name, "polygons": []})
        entry["polygons"].extend(polygons)
    data = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain) via world-atlas 2.0.2 (ISC)",
        "projection": "equirectangular; [lon, lat] in degrees",
        "countries": dict(sorted(countries.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for c in countries.values() for p in c["polygons"] for r in p)
    print(f"wrote {args.out}: {len(countries)} countries, {points} points, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
