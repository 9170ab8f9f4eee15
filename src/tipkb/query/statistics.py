"""Statistics: a country's figures by metric and year, each distinct value with what states it."""

from __future__ import annotations

from tipkb.model import METRICS
from tipkb.query.arguments import YearRange, check_choices
from tipkb.query.common import evidence as evidence_of
from tipkb.query.rows import Rows, StatRow
from tipkb.store import Match, Store

__all__ = ["stats"]


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
            facts=g.facts,
            sentences=g.sentences,
            documents=g.documents,
        )
        keys[id(row)] = g.key
        rows.append(row)
    order = {m: i for i, m in enumerate(METRICS)}
    rows.sort(key=lambda r: (r.year or 0, order.get(r.metric, 99), r.exploitation or "", r.value))
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
