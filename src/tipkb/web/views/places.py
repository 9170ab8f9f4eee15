"""Places: the region tree, where places are, their pages, and the codes of what a user typed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from tipkb import query
from tipkb.places import REGION_PREFIX, region_of
from tipkb.vocab import contract
from tipkb.web.stores import Stores

if TYPE_CHECKING:
    from tipkb.store import Store


def region_groups() -> dict[str, str]:
    """Region -> the larger region it lies in ("West Africa" -> "Sub-Saharan Africa"): the contract's
    region tree."""
    return contract().region_parents


def regions() -> list[str]:
    """The region names the fact contract knows."""
    from tipkb.places import gazetteer

    return sorted(code[len(REGION_PREFIX) :] for code in gazetteer().names if code.startswith(REGION_PREFIX))


def in_region(code: str, region: str) -> bool:
    """Whether a place is the region, in it, or in one of its sub-regions."""
    if code.startswith(REGION_PREFIX):
        name = code[len(REGION_PREFIX) :]
    else:
        found = region_of(code)
        if found is None:
            return False
        name = found
    while True:
        if name == region:
            return True
        parent = region_groups().get(name)
        if parent is None:
            return False
        name = parent


@dataclass(frozen=True)
class Position:
    lon: float
    lat: float


def positions(stores: Stores) -> dict[str, Position]:
    """Where each named place is: countries at their centroids, regions at the mean of their countries."""

    def compute(store: Store) -> dict[str, Position]:
        found = {
            p.code: Position(p.lon, p.lat)
            for p in query.places(store)
            if p.lat is not None and p.lon is not None
        }
        members: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for code, _name, kind, region, lat, lon in query.known_places(store):
            if kind == "country" and lat is not None and lon is not None:
                found.setdefault(code, Position(lon, lat))
                name = region
                while name:
                    members[name].append((lon, lat))
                    name = region_groups().get(name)
        for name, pts in members.items():
            found[REGION_PREFIX + name] = Position(
                sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            )
        return found

    return stores.memo("positions", compute)


def place_link(code: str) -> str:
    """The page of a place."""
    return f"/countries/{quote(code, safe='')}"


def country_code(name: str | None, regions: bool = True) -> str | None:
    """A code for what a user typed (None for nothing); UnknownPlace with suggestions otherwise."""
    if name is None or not name.strip():
        return None
    return query.resolve_country(name, regions)


def year_range(text: str | None) -> query.YearRange | None:
    """A year range as typed ("2008-2010"), or None when blank; QueryError when malformed."""
    return query.parse_years(text) if text and text.strip() else None


def place_codes(names: str | list[str] | None) -> list[str]:
    """The codes of one or several places as typed (empty ones left out)."""
    listed = [names] if isinstance(names, str) else names or []
    return [code for code in (country_code(n) for n in listed) if code]
