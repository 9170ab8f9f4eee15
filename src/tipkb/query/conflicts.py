"""Conflicts: facts that disagree across statements (two tiers for one country and year, two ratification
dates for one country, two totals of one statistic that two documents state)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tipkb.query.common import evidence as evidence_of
from tipkb.query.rows import EVIDENCE_PER_ROW, ConflictRow, ConflictSide, Rows
from tipkb.store import Match, Store

__all__ = ["conflicts"]


def conflicts(
    store: Store, country: str | None = None, evidence_limit: int = EVIDENCE_PER_ROW
) -> Rows[ConflictRow]:
    """Facts that disagree across statements: two tiers for one country and year, two ratification dates
    for one country, two totals of one statistic (country, metric, year) that two documents state (a
    part never conflicts with its total, nor a figure over several years with a year's)."""
    out: Rows[ConflictRow] = Rows()

    def side(value: Any, documents: int, match: Match) -> ConflictSide:
        return ConflictSide(
            value=value, documents=documents, evidence=evidence_of(store, match, evidence_limit)
        )

    tiers_of: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for g in store.groups("tier", a=country):
        if g.year is not None:
            tiers_of[(g.a, g.year)].append((g.b, g.documents))
    for (c, year), placed in sorted(tiers_of.items()):
        if len(placed) > 1:
            sides = [
                side(t, nd, Match(type="tier", country=c, year=year, tier=t)) for t, nd in sorted(placed)
            ]
            out.append(
                ConflictRow(kind="tier", country=c, year=year, metric=None, exploitation=None, sides=sides)
            )
    # A country ratifies once: two years, or two months in one year, disagree.
    dates: dict[str, dict[tuple[int, int | None], list[str]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str, int] = {}
    for g in store.groups("ratification", a=country):
        if g.fields.get("year") is not None:
            dates[g.a][(g.fields["year"], g.fields.get("month"))].append(g.key)
            counts[g.key] = g.documents
    for c, stated_dates in sorted(dates.items()):
        years = {y for y, _ in stated_dates}
        months = {(y, m) for y, m in stated_dates if m is not None}
        if len(years) > 1 or len(months) > len({y for y, _ in months}):
            sides = []
            for (y, m), keys in sorted(stated_dates.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
                label = f"{y}-{m:02d}" if m else str(y)
                match = Match(type="ratification", country=c, keys=tuple(keys))
                sides.append(side(label, sum(counts[k] for k in keys), match))
            out.append(
                ConflictRow(
                    kind="ratification", country=c, year=None, metric=None, exploitation=None, sides=sides
                )
            )
    # Only totals: a part never conflicts with its total, nor a figure over several years with a year's.
    values: dict[tuple[str, str, int, str | None], list[tuple[int, int, str]]] = defaultdict(list)
    for g in store.groups("statistic", a=country):
        if g.year is not None and g.value is not None and g.scope == "total":
            values[(g.a, g.b, g.year, g.exploitation)].append((g.value, g.documents, g.key))
    for (c, metric, year, exp), stated in sorted(values.items(), key=lambda kv: (*kv[0][:3], kv[0][3] or "")):
        if len(stated) > 1 and _sources_disagree(store, c, metric, year, [key for _, _, key in stated]):
            sides = [
                side(value, nd, Match(type="statistic", country=c, metric=metric, year=year, key=key))
                for value, nd, key in stated
            ]
            out.append(
                ConflictRow(
                    kind="statistic", country=c, year=year, metric=metric, exploitation=exp, sides=sides
                )
            )
    return out


def _sources_disagree(store: Store, country: str, metric: str, year: int, keys: list[str]) -> bool:
    """Do two documents state different totals (each a value the other does not)? Two figures in one
    document are two measures (victims repatriated, victims assisted), not a disagreement of sources."""
    docs = store.group_documents(
        Match(type="statistic", country=country, metric=metric, year=year, keys=tuple(keys))
    )
    sides = list(docs.values())
    return any(a - b and b - a for n, a in enumerate(sides) for b in sides[n + 1 :])
