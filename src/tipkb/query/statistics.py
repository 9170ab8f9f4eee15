"""Statistics: a country's figures by metric and year, each distinct value with its scope and what states
it; and the law-enforcement series, countries x years of one metric's totals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tipkb.model import METRICS
from tipkb.places import country_name
from tipkb.query.arguments import YearRange, check_choices
from tipkb.query.common import evidence as evidence_of
from tipkb.query.rows import Rows, SeriesCell, StatRow
from tipkb.store import Match, Store

__all__ = ["series", "stats"]


def stats(
    store: Store,
    country: str,
    metric: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    evidence: bool = False,
) -> Rows[StatRow]:
    """A country's statistics by metric and year, each distinct value with what states it."""
    if metric:
        check_choices("metric", [metric])
    rows: Rows[StatRow] = Rows()
    keys: dict[int, str] = {}
    for g in store.groups("statistic", a=country, b=metric, year=year, years=years):
        assert g.value is not None
        row = StatRow(
            country=country,
            metric=g.b,
            year=g.year,
            exploitation=g.exploitation,
            value=g.value,
            scope=g.scope,
            facts=g.facts,
            sentences=g.sentences,
            documents=g.documents,
        )
        keys[id(row)] = g.key
        rows.append(row)
    order = {m: i for i, m in enumerate(METRICS)}
    scopes = {"total": 0, "part": 1, "cumulative": 2}
    rows.sort(
        key=lambda r: (
            r.scope == "cumulative",  # figures over several years apart, after the years
            r.year or 0,
            order.get(r.metric, 99),
            scopes.get(r.scope, 3),
            r.exploitation or "",
            r.value,
        )
    )
    if evidence:
        for row in rows:
            ev = Match(
                type="statistic",
                country=country,
                metric=row.metric,
                key=keys[id(row)],
                year=row.year,
                no_year=row.year is None,
            )
            row.evidence = evidence_of(store, ev)
    return rows


def series(
    store: Store,
    metric: str,
    countries: Sequence[str] = (),
    years: YearRange | None = None,
    evidence: bool = False,
) -> Rows[SeriesCell]:
    """A law-enforcement series: for one metric, each country's total per year (never a part or a
    figure over several years), by country then year; the value most documents state, the others in
    ``also``. With ``evidence`` each cell has its sentences."""
    check_choices("metric", [metric])
    wanted = set(countries)
    stated: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    for g in store.groups("statistic", b=metric, years=years):
        if g.year is None or g.value is None or g.exploitation is not None or g.scope != "total":
            continue
        if wanted and g.a not in wanted:
            continue
        stated[(g.a, g.year)].append((g.documents, g.value, g.key))
    rows: Rows[SeriesCell] = Rows()
    for (c, y), values in sorted(stated.items()):
        values.sort(key=lambda v: (-v[0], v[1]))
        (nd, value, key), others = values[0], values[1:]
        cell = SeriesCell(
            country=c,
            name=country_name(c) or c,
            metric=metric,
            year=y,
            value=value,
            also=[v for _, v, _ in others],
            documents=nd,
        )
        if evidence:
            cell.evidence = evidence_of(
                store, Match(type="statistic", country=c, metric=metric, key=key, year=y)
            )
        rows.append(cell)
    return rows
