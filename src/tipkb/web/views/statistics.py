"""The statistics views: a country's figures and the series its charts draw."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.common import CHART_METRICS, clean
from tipkb.web.views.documents import linked
from tipkb.web.views.places import year_range


def chart_links(
    stats: Sequence[dict[str, Any]], charts: dict[str, list[tuple[int, int | None]]]
) -> dict[str, dict[int, str]]:
    """Per charted metric and year, the page of a sentence that states the charted value."""
    out: dict[str, dict[int, str]] = defaultdict(dict)
    for metric, points in charts.items():
        wanted = {year: value for year, value in points if value is not None}
        for s in stats:
            year = s.get("year")
            if s.get("metric") != metric or s.get("scope") != "total" or s.get("exploitation") is not None:
                continue
            if year in wanted and wanted[year] == s.get("value") and year not in out[metric]:
                page = next((e.get("page") for e in s.get("evidence") or [] if e.get("page")), None)
                if page:
                    out[metric][year] = page
    return dict(out)


def country_statistics(stores: Stores, code: str, evidence: bool = True) -> dict[str, Any]:
    """A country's statistics for the API: every figure with its scope, and per charted metric the
    series of yearly totals (the value most documents state), each point with its sentences."""
    store = stores.get()
    rows = query.stats(store, code, evidence=evidence)
    series = {
        metric: query.series(store, metric, countries=[code], evidence=evidence).to_dicts()
        for metric in CHART_METRICS
    }
    return linked(
        stores,
        {
            "country": code,
            "name": query.place_name(code),
            "series": {m: cells for m, cells in series.items() if cells},
            "statistics": rows.to_dicts(),
        },
    )


def chart_series(rows: Sequence[query.StatRow]) -> dict[str, list[tuple[int, int | None]]]:
    """Per charted metric, its value by year (all exploitation together), the value most documents state;
    years between the first and last figure with none are None."""
    best: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for r in rows:
        if r.metric in CHART_METRICS and r.year is not None and r.exploitation is None and r.scope == "total":
            current = best[r.metric].get(r.year)
            if current is None or (r.documents, r.value) > current:
                best[r.metric][r.year] = (r.documents, r.value)
    out: dict[str, list[tuple[int, int | None]]] = {}
    for metric in CHART_METRICS:
        years = best.get(metric)
        if years:
            span = range(min(years), max(years) + 1)
            out[metric] = [(y, years[y][1] if y in years else None) for y in span]
    return out


def statistic_rows(
    stores: Stores, country: str, metric: str | None, year: int | None, years: str | None, evidence: bool
) -> query.Rows[query.StatRow]:
    """A country's statistics (``tipkb stats``), of one metric or all."""
    code = query.resolve_country(clean(country) or "", regions=False)
    if metric:
        query.check_choices("metric", [metric])
    return query.stats(
        stores.get(), code, metric=metric, year=year, years=year_range(clean(years)), evidence=evidence
    )
