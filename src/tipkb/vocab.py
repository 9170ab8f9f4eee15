"""The vocabulary tipkb reads with (data/vocabulary.toml), loaded once, with a phrase lookup."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Phrases:
    """Multi-word lower-case phrases -> values, found in token lists by longest match."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], Any], ...]]

    @classmethod
    def build(cls, table: dict[str, Any]) -> Phrases:
        grouped: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in table.items():
            words = tuple(phrase.lower().split())
            grouped.setdefault(words[0], []).append((words, value))
        return cls({k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in grouped.items()})

    def match_at(self, low: list[str], i: int, end: int | None = None) -> tuple[int, Any] | None:
        """The longest phrase starting at token i: (end index, value), or None."""
        if i >= len(low):
            return None
        options = self.by_first.get(low[i])
        if not options:
            return None
        stop = len(low) if end is None else end
        for words, value in options:
            j = i + len(words)
            if j <= stop and tuple(low[i:j]) == words:
                return j, value
        return None

    def find(self, low: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, Any]]:
        """All non-overlapping phrases in low[start:end], left to right: (start, end, value)."""
        stop = len(low) if end is None else end
        out = []
        i = start
        while i < stop:
            hit = self.match_at(low, i, stop)
            if hit:
                out.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return out


@dataclass(frozen=True, slots=True)
class Vocabulary:
    victims: Phrases
    people: frozenset[str]
    exploitation: Phrases
    exploitation_blockers: frozenset[str]
    sectors: Phrases
    roles: dict[str, str]
    extent: Phrases
    hedges: frozenset[str]
    numbers: dict[str, int]
    scales: dict[str, int]
    months: dict[str, int]
    currency_symbols: dict[str, str]
    currency_names: Phrases
    currency_names_by_country: dict[str, dict[str, str]]
    currency_names_by_demonym: dict[str, dict[str, str]]
    sets: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, read from the package's data file once."""
    raw = tomllib.loads(resources.files("tipkb.data").joinpath("vocabulary.toml").read_text("utf-8"))
    return Vocabulary(
        victims=Phrases.build(raw["victims"]),
        people=frozenset(raw["people"]["words"]),
        exploitation=Phrases.build(raw["exploitation"]),
        exploitation_blockers=frozenset(raw["exploitation_blockers"]["words"]),
        sectors=Phrases.build(raw["sectors"]),
        roles=dict(raw["roles"]),
        extent=Phrases.build(raw["extent"]),
        hedges=frozenset(raw["hedges"]["words"]),
        numbers=dict(raw["numbers"]),
        scales=dict(raw["scales"]),
        months=dict(raw["months"]),
        currency_symbols=dict(raw["currency_symbols"]),
        currency_names=Phrases.build(raw["currency_names"]),
        currency_names_by_country={k: dict(v) for k, v in raw["currency_names_by_country"].items()},
        currency_names_by_demonym={k: dict(v) for k, v in raw["currency_names_by_demonym"].items()},
        sets={
            f"{module}.{name}": frozenset(words)
            for module, table in raw["sets"].items()
            for name, words in table.items()
        },
    )


def word_set(name: str) -> frozenset[str]:
    """A named word set of the vocabulary ("flows.glue"); KeyError names a missing one."""
    return vocabulary().sets[name]


@dataclass(frozen=True, slots=True)
class Contract:
    """The fact contract's codes in their order, their labels and phrases, and the region tree
    (data/contract.toml)."""

    fact_types: tuple[str, ...]
    roles: tuple[str, ...]
    extents: tuple[str, ...]
    victims: tuple[str, ...]
    exploitation: tuple[str, ...]
    tiers: tuple[str, ...]
    metrics: tuple[str, ...]
    # How a sentence names a role, tier, kind of exploitation or metric.
    role_phrases: dict[str, str]
    tier_phrases: dict[str, str]
    exploitation_phrases: dict[str, str]
    metric_phrases: dict[str, str]
    # How a list, a legend or a heading names a tier or a metric; a tier in a narrow cell.
    tier_labels: dict[str, str]
    tier_short: dict[str, str]
    metric_labels: dict[str, str]
    # Tiers from best (0) to worst; Special Case is outside the order.
    tier_rank: dict[str, int]
    # Region -> the larger region it lies in ("West Africa" -> "Sub-Saharan Africa").
    region_parents: dict[str, str]

    def regions_above(self, region: str) -> list[str]:
        """The region and every region it lies in, innermost first."""
        out = [region]
        while (parent := self.region_parents.get(out[-1])) is not None and parent not in out:
            out.append(parent)
        return out

    def region_within(self, inner: str, outer: str) -> bool:
        """Whether a region is the other one or lies inside it (however deep)."""
        return outer in self.regions_above(inner)


@lru_cache(maxsize=1)
def contract() -> Contract:
    """The fact contract's codes, labels, orders and region tree, read from the package's data once."""
    raw = tomllib.loads(resources.files("tipkb.data").joinpath("contract.toml").read_text("utf-8"))

    def codes(table: str) -> tuple[str, ...]:
        return tuple(entry["code"] for entry in raw[table])

    def column(table: str, key: str) -> dict[str, Any]:
        return {entry["code"]: entry[key] for entry in raw[table] if key in entry}

    return Contract(
        fact_types=tuple(raw["fact_types"]),
        roles=codes("role"),
        extents=tuple(raw["extents"]),
        victims=tuple(raw["victims"]),
        exploitation=codes("exploitation"),
        tiers=codes("tier"),
        metrics=codes("metric"),
        role_phrases=column("role", "phrase"),
        tier_phrases=column("tier", "phrase"),
        exploitation_phrases=column("exploitation", "phrase"),
        metric_phrases=column("metric", "phrase"),
        tier_labels=column("tier", "label"),
        tier_short=column("tier", "short"),
        metric_labels=column("metric", "label"),
        tier_rank=column("tier", "rank"),
        region_parents=dict(raw["regions"]),
    )
