"""The tiers view: tier placements by year and country (the map)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.web.stores import Stores

if TYPE_CHECKING:
    from tipkb.store import Store


def tier_map(stores: Stores) -> dict[int, dict[str, list[str]]]:
    """Tier placements by year and country, most-stated tier first."""

    def compute(store: Store) -> dict[int, dict[str, list[str]]]:
        by: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
        for t in query.tiers(store):
            if t.year is not None:
                by[t.year][t.country].append((-t.documents, t.tier))
        return {
            year: {c: [tier for _, tier in sorted(v)] for c, v in countries.items()}
            for year, countries in sorted(by.items())
        }

    return stores.memo("tier_map", compute)


# A year shows on the map first when it has tiers for at least this share of the best-covered year's
# countries: the newest year may hold a single narrative.
BROAD_COVERAGE = 0.5


def opening_year(placements: dict[int, dict[str, list[str]]]) -> int | None:
    """The latest year with broad coverage: tier placements for at least half as many countries as the
    best-covered year."""
    if not placements:
        return None
    best = max(len(countries) for countries in placements.values())
    return max(y for y, countries in placements.items() if len(countries) >= BROAD_COVERAGE * best)
