"""The tiers view: tier placements by year and country (the map)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.common import clean
from tipkb.web.views.places import year_range

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


def tier_rows(
    stores: Stores,
    year: int | None,
    years: str | None,
    country: Sequence[str],
    tier: Sequence[str],
    evidence: bool,
) -> query.Rows[query.TierRow]:
    """Tier placements (``tipkb tiers``) of these countries and tiers as typed (blank ones left out)."""
    codes = [query.resolve_country(c, regions=False) for c in country if c.strip()]
    tiers = [query.normalise_tier(t) for t in tier if t.strip()]
    return query.tiers(
        stores.get(), year=year, years=year_range(clean(years)), country=codes, tier=tiers, evidence=evidence
    )


def world_view(stores: Stores, year: int | None) -> dict[str, Any]:
    """What the world map shows: the tier placements by year, the year shown (the one asked for, or the
    opening year), its placements, the newer years (with how many countries each), and the counts."""
    placements = tier_map(stores)
    years = sorted(placements, reverse=True)
    chosen = year is not None
    if year is None:
        year = opening_year(placements)
    shown = placements.get(year or 0, {})
    return {
        "placements": shown,
        "year": year,
        "years": years,
        "chosen": chosen,
        "shown_countries": len(shown),
        "newer": [(y, len(placements[y])) for y in years if year is not None and y > year],
        "counts": stores.memo("counts", lambda store: store.counts()),
    }
