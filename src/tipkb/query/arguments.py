"""The query layer's arguments: a country as a user types it, year ranges, the contract's choices."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tipkb.model import EXPLOITATION, FACT_TYPES, METRICS, TIERS, VICTIMS
from tipkb.places import REGION_PREFIX, country_name, gazetteer, resolve_place, suggest_place
from tipkb.query.rows import QueryError, UnknownPlace

YearRange = tuple[int, int]


def resolve_country(name: str, regions: bool = True) -> str:
    """The code for a code, name, alias or demonym ("KAZ", "Kazakhstan", "Kazakhstani" -> "KAZ").

    Raises UnknownPlace (with "did you mean" suggestions) for anything else, and for a region when
    ``regions`` is false.
    """
    text = name.strip()
    names = gazetteer().names
    code: str | None = None
    if text.upper() in names:
        code = text.upper()
    elif text.startswith(REGION_PREFIX) and text in names:
        code = text
    else:
        code = resolve_place(text)
    if code is None or (not regions and code.startswith(REGION_PREFIX)):
        raise UnknownPlace(name, suggest_place(text))
    return code


def place_name(code: str | None) -> str:
    """Display name of a code; the code itself if the gazetteer does not know it."""
    if code is None:
        return ""
    try:
        return country_name(code)
    except KeyError:
        return code


def parse_years(text: str) -> YearRange:
    """ "2008-2010" -> (2008, 2010); "2008" -> (2008, 2008). QueryError when malformed or backwards."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]|\.\.)?\s*(\d{4})?\s*", text)
    if not m:
        raise QueryError(f"bad year range {text!r}: write it as 2008-2010")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if first > last:
        raise QueryError(f"year range {text!r} is backwards: write {last}-{first}")
    return first, last


def normalise_tier(text: str) -> str:
    """A tier as typed ("2WL", "2wl", "Tier 2 Watch List", "tier 3") -> its code; QueryError otherwise."""
    words = re.sub(r"[\s_-]+", " ", text.strip().lower()).removeprefix("tier ").strip()
    code = {"2 watch list": "2WL", "2 wl": "2WL", "2wl": "2WL", "special case": "special"}.get(words, words)
    code = code if code == "special" else code.upper()
    if code not in TIERS:
        raise QueryError(f"unknown tier {text!r}; choose from {', '.join(TIERS)}")
    return code


CHOICES: dict[str, Sequence[str]] = {
    "victims": VICTIMS,
    "exploitation": EXPLOITATION,
    "metric": METRICS,
    "tier": TIERS,
    "fact type": FACT_TYPES,
}


def check_choices(kind: str, values: Iterable[str]) -> None:
    """QueryError unless every value is one of the known ``kind`` (victims, exploitation, metric, tier, fact type)."""
    choices = CHOICES[kind]
    for value in values:
        if value not in choices:
            raise QueryError(f"unknown {kind} {value!r}; choose from {', '.join(choices)}")
