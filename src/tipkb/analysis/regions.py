"""Which countries a region holds: the countries whose group (countries.tsv) lies in it, by the contract's
region tree (data/contract.toml)."""

from __future__ import annotations

from functools import lru_cache

from tipkb.places import REGION_PREFIX, gazetteer
from tipkb.vocab import contract

__all__ = ["in_region", "region_members"]


@lru_cache(maxsize=64)
def region_members(region: str) -> frozenset[str]:
    """Country codes in a region, given as "region:Europe" or "Europe"."""
    name = region.removeprefix(REGION_PREFIX)
    tree = contract()
    return frozenset(code for code, group in gazetteer().regions.items() if tree.region_within(group, name))


def in_region(code: str, region: str) -> bool:
    """Whether a place is the region, one of its countries, or a region inside it."""
    if code == region:
        return True
    if code.startswith(REGION_PREFIX):
        inner = code.removeprefix(REGION_PREFIX)
        outer = region.removeprefix(REGION_PREFIX)
        return contract().region_within(inner, outer)
    return code in region_members(region)
