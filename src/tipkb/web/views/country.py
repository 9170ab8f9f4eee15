"""The country views: every place with its latest tier, a country's profile, its conflicts."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.common import clean
from tipkb.web.views.documents import linked
from tipkb.web.views.places import country_code, place_link
from tipkb.web.views.statistics import chart_links, chart_series

if TYPE_CHECKING:
    from tipkb.store import Store


def country_rows(stores: Stores) -> list[dict[str, Any]]:
    """Every place some fact names, with its roles, latest tier, and links."""

    def compute(store: Store) -> list[dict[str, Any]]:
        latest: dict[str, tuple[int, str]] = {}
        for t in query.tiers(store):
            if t.year is not None and (t.country not in latest or t.year >= latest[t.country][0]):
                latest[t.country] = (t.year, t.tier)
        out = []
        for p in query.places(store):
            d = p.to_dict()
            year, tier = latest.get(p.code, (None, None))
            d.update(
                latest_tier=tier,
                latest_tier_year=year,
                url=f"/api/countries/{quote(p.code, safe='')}",
                page=place_link(p.code),
            )
            out.append(d)
        return out

    return stores.memo("countries", compute)


def profile_view(stores: Stores, code: str, evidence: bool = True) -> dict[str, Any]:
    """A country's profile with links, plus the series the charts draw."""
    found = query.profile(stores.get(), code, evidence=evidence)
    d = linked(stores, found.to_dict())
    d["page"] = place_link(code)
    d["charts"] = chart_series(found.statistics)
    d["chart_links"] = chart_links(d["statistics"], d["charts"])
    return d


def conflict_rows(stores: Stores, country: str | None) -> list[dict[str, Any]]:
    """Conflicts (of one country, or all), with links; remembered until the store changes."""
    return stores.memo(
        f"conflicts:{country or ''}", lambda store: linked(stores, query.conflicts(store, country).to_dicts())
    )


def country_list(stores: Stores, kind: str | None, role: str | None) -> list[dict[str, Any]]:
    """The places some fact names (``country_rows``), of one kind (country, region) or role, or all."""
    rows = country_rows(stores)
    return [r for r in rows if (kind is None or r["kind"] == kind) and (role is None or role in r["roles"])]


def conflict_list(stores: Stores, country: str | None, kind: str | None) -> list[dict[str, Any]]:
    """Conflicts (``conflict_rows``) of a country as typed (or all), of one kind or all."""
    code = country_code(clean(country), regions=False)
    return [r for r in conflict_rows(stores, code) if kind is None or r["kind"] == kind]


def tier_years(profile: dict[str, Any]) -> list[tuple[int, list[str]]]:
    """A profile's tier placements by year (most-stated tier first), for its timeline."""
    by_year: dict[int, list[str]] = defaultdict(list)
    for t in sorted(profile["tiers"], key=lambda t: -t["documents"]):
        if t["year"] is not None:
            by_year[t["year"]].append(t["tier"])
    return sorted(by_year.items())
