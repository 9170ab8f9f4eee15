"""The places gazetteer: countries.tsv, regions.tsv and not_places.txt, loaded once and indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

REGION_PREFIX = "region:"
_LEADING = re.compile(r"^(?:the|other)\s+")


@dataclass(frozen=True)
class Gazetteer:
    """The data files, indexed.

    names: code -> display name, for countries and regions ("region:Africa" -> "Africa").
    regions: country code -> region name ("" when none).
    surfaces: surface form as written in the data -> (code, kind), kind in country/demonym/region.
    index: normalised surface form (see `normalise`) -> code.
    """

    names: dict[str, str]
    regions: dict[str, str]
    surfaces: dict[str, tuple[str, str]]
    index: dict[str, str]


def normalise(name: str) -> str:
    """Lookup key: case-folded, one space between words, straight apostrophes, no leading "the"/"other"."""
    key = " ".join(name.replace("’", "'").casefold().split())
    return _LEADING.sub("", key)


def spellings(name: str) -> set[str]:
    """A name of two to four words written with a hyphen added or dropped between any of its words
    ("Sierra-Leone", "Guinea Bissau", "Papua-New Guinea", "Sierra-Leonean"), and with its "and" left out
    ("Bosnia Herzegovina", "Trinidad-Tobago"). Only names whose words are capitalised (or elided, as in
    "d'Ivoire"): "Republic of Korea" keeps its spaces."""
    out: set[str] = set()
    for form in {name, name.replace(" and ", " ")}:
        words = form.replace("-", " ").split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w[1:2] in ("'", "’") for w in words):
            continue
        for mask in range(2 ** (len(words) - 1)):
            joined = words[0]
            for n, word in enumerate(words[1:]):
                joined += ("-" if mask >> n & 1 else " ") + word
            out.add(joined)
    out.discard(name)
    return out


def _rows(filename: str) -> list[list[str]]:
    text = files("tipkb.places").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()[1:] if line.strip()]


def _split(field: str) -> list[str]:
    return [item for item in field.split("|") if item]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the data files once."""
    names: dict[str, str] = {}
    regions: dict[str, str] = {}
    surfaces: dict[str, tuple[str, str]] = {}
    for code, name, aliases, demonyms, region in _rows("countries.tsv"):
        names[code] = name
        regions[code] = region
        for surface in [name, *_split(aliases)]:
            surfaces.setdefault(surface, (code, "country"))
        for surface in _split(demonyms):
            surfaces.setdefault(surface, (code, "demonym"))
    for name, aliases in _rows("regions.tsv"):
        code = REGION_PREFIX + name
        names[code] = name
        for surface in [name, *_split(aliases)]:
            surfaces.setdefault(surface, (code, "region"))
    index: dict[str, str] = {}
    for surface, (code, _kind) in surfaces.items():
        index.setdefault(normalise(surface), code)
    # Then the spellings with a hyphen added or dropped, where they name nothing else.
    for surface, (code, kind) in surfaces.items():
        if kind != "region":
            for spelling in spellings(surface):
                index.setdefault(normalise(spelling), code)
    return Gazetteer(names, regions, surfaces, index)


@lru_cache(maxsize=1)
def not_places() -> tuple[str, ...]:
    """Phrases that hold a place name but name no place ("Niger Delta", "US dollars")."""
    text = files("tipkb.places").joinpath("data", "not_places.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
