"""Which countries a region holds: the groups of countries.tsv, and the wider regions made of them."""

from __future__ import annotations

from functools import lru_cache

from tipkb.places import REGION_PREFIX, gazetteer

__all__ = ["in_region", "region_members"]

# Regions that name no group in countries.tsv: the groups they are made of.
REGION_PARTS = {
    "Africa": ("North Africa", "West Africa", "East Africa", "Central Africa", "Southern Africa"),
    "Sub-Saharan Africa": ("West Africa", "East Africa", "Central Africa", "Southern Africa"),
    "Europe": (
        "Western Europe",
        "Eastern Europe",
        "Central Europe",
        "Southern Europe",
        "Northern Europe",
        "Balkans",
    ),
    "Asia": ("Central Asia", "East Asia", "South Asia", "Southeast Asia"),
    "Latin America": ("Central America", "South America", "Caribbean"),
    "Middle East": ("Middle East", "Gulf"),
}


@lru_cache(maxsize=64)
def region_members(region: str) -> frozenset[str]:
    """Country codes in a region, given as "region:Europe" or "Europe"."""
    name = region.removeprefix(REGION_PREFIX)
    parts = set(REGION_PARTS.get(name, (name,)))
    return frozenset(code for code, group in gazetteer().regions.items() if group in parts)


def in_region(code: str, region: str) -> bool:
    """Whether a place is the region, one of its countries, or a region inside it."""
    if code == region:
        return True
    if code.startswith(REGION_PREFIX):
        inner = code.removeprefix(REGION_PREFIX)
        return inner in REGION_PARTS.get(region.removeprefix(REGION_PREFIX), ())
    return code in region_members(region)
