"""What the store's reads are asked (``Match``: which facts, by what they mean) and how a match becomes a
WHERE clause (here only: no SQL leaves the store)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

YearRange = tuple[int, int]


@dataclass(frozen=True)
class Match:
    """Which facts: each field given narrows the choice (None or empty: any).

    ``either``: a flow with this place at either end; ``no_year``: only facts stated for no year;
    ``key``/``keys``: the facts of a rollup group (``Group.key``); ``victims``/``exploitation``: flows
    that name all of these; ``id_after``: facts whose id is larger.
    """

    type: str | None = None
    country: str | None = None
    origin: str | None = None
    destination: str | None = None
    either: str | None = None
    tier: str | None = None
    role: str | None = None
    metric: str | None = None
    key: str | None = None
    keys: tuple[str, ...] = ()
    year: int | None = None
    no_year: bool = False
    years: YearRange | None = None
    via: str | None = None
    victims: tuple[str, ...] = ()
    exploitation: tuple[str, ...] = ()
    hedged: bool | None = None
    id_after: int | None = None


@dataclass(slots=True)
class FlowTotal:
    """A flow's statements, counted: facts, distinct sentences and documents, whether all are hedged, and
    the values they name."""

    facts: int = 0
    sentences: int = 0
    documents: int = 0
    hedged: bool = True
    victims: set[str] = field(default_factory=set)
    exploitation: set[str] = field(default_factory=set)
    via: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)


class _Where:
    """A WHERE clause built up from optional filters."""

    def __init__(self, *clauses: str, params: Sequence[Any] = ()) -> None:
        self.clauses = list(clauses)
        self.params: list[Any] = list(params)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def years(self, year: int | None, years: YearRange | None, column: str = "f.year") -> None:
        if year is not None:
            self.add(f"{column} = ?", year)
        if years is not None:
            self.add(f"{column} BETWEEN ? AND ?", *years)

    def listed(self, column: str, values: Iterable[str]) -> None:
        for value in values:
            self.add(f"{column} LIKE ?", f"%,{value},%")

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


def _split(delimited: str | None) -> list[str]:
    return [v for v in (delimited or "").split(",") if v]


def _attributes(match: Match, alias: str = "f") -> _Where:
    """The filters on flows' attributes as SQL over the facts (or flow_groups, whose year 0 is none)."""
    where = _Where()
    if match.via:
        where.listed(f"{alias}.via", [match.via])
    where.years(match.year, match.years, column=f"{alias}.year")
    if alias == "g" and (match.year is not None or match.years):
        where.add("g.year <> 0")
    where.listed(f"{alias}.victims", match.victims)
    where.listed(f"{alias}.exploitation", match.exploitation)
    if match.hedged is not None:
        where.add(f"{alias}.hedged = ?", int(match.hedged))
    return where


def _ends(alias: str, match: Match) -> _Where:
    where = _Where()
    if match.origin:
        where.add(f"{alias}.origin = ?", match.origin)
    if match.destination:
        where.add(f"{alias}.destination = ?", match.destination)
    if match.either:
        where.add(f"({alias}.origin = ? OR {alias}.destination = ?)", match.either, match.either)
    return where
