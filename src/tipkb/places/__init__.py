"""Places: country names, abbreviations, demonyms and regions -> ISO 3166-1 alpha-3 or "region:NAME".

The vocabulary lives in data/countries.tsv and data/regions.tsv; `PlaceMatcher` finds it in a spaCy Doc.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from tipkb.places.gazetteer import REGION_PREFIX, gazetteer, normalise

if TYPE_CHECKING:
    from tipkb.places.matcher import PlaceMatcher, PlaceMention


def __getattr__(name: str) -> Any:
    # The matcher needs spaCy; looking names up does not, so it is imported only when asked for.
    if name in ("PlaceMatcher", "PlaceMention"):
        from tipkb.places import matcher

        return getattr(matcher, name)
    raise AttributeError(name)


__all__ = [
    "REGION_PREFIX",
    "gazetteer",
    "normalise",
    "PlaceMatcher",
    "PlaceMention",
    "country_codes",
    "country_name",
    "region_of",
    "resolve_place",
    "suggest_place",
]


def resolve_place(name: str) -> str | None:
    """Code for a name, alias, abbreviation, demonym or region ("the UK" -> "GBR"); None if unknown.

    Case-insensitive; a leading "the" or "other" is ignored.
    """
    return gazetteer().index.get(normalise(name))


def country_name(code: str) -> str:
    """Display name for a code: "KAZ" -> "Kazakhstan", "region:Africa" -> "Africa". KeyError if unknown."""
    return gazetteer().names[code]


def country_codes() -> list[str]:
    """All country codes in the data, sorted."""
    return sorted(code for code in gazetteer().names if not code.startswith(REGION_PREFIX))


def region_of(code: str) -> str | None:
    """Name of the region a country is grouped under ("KAZ" -> "Central Asia"); None if it has none."""
    return gazetteer().regions.get(code) or None


def suggest_place(name: str, n: int = 3) -> list[str]:
    """Known names, aliases and demonyms closest to an unknown input ("Kazakstan" -> ["Kazakhstan", ...])."""
    by_key: dict[str, str] = {}
    for surface in gazetteer().surfaces:
        by_key.setdefault(normalise(surface), surface)
    close = difflib.get_close_matches(normalise(name), list(by_key), n=n)
    return [by_key[key] for key in close]
