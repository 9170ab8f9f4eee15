"""Questions about statistics (investigations, prosecutions, convictions, victims)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    EXPLOITATION_NAMES,
    METRIC_NAMES,
    _dicts,
    _name,
    _Part,
    _PerCountry,
    _years_text,
)


def _answer_statistics(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country the count is for")
    # "victims from Serbia identified in Bosnia": the count is the country that identified them.
    countries = [c for c in countries if c not in q.slot("origin")] or list(countries)
    metrics = q.metrics or (["victims_identified"] if {"victims", "victim"} & set(q.low) else [])
    if not metrics:
        return _Part(False, "", detail="the question names no count the data keeps (investigations, "
                     "prosecutions, convictions, victims identified or assisted)")  # fmt: skip
    out = _PerCountry(countries)
    for code in countries:
        for metric in metrics:
            rows = list(query.stats(store, code, metric=metric, year=q.year, years=q.years, evidence=True))
            rows = [r for r in rows if not q.only or r.year in q.only]
            if q.exploitation:
                rows = [r for r in rows if r.exploitation in q.exploitation]
            else:
                # One answer per year: the totals; a part (a form, sex or age) or a figure over
                # several years only where no total is stated, and said to be one.
                totals = [r for r in rows if r.exploitation is None and r.scope == "total"]
                rows = totals or [r for r in rows if r.scope != "cumulative"] or rows
            if not rows:
                out.missing.append(f"{METRIC_NAMES[metric]} for {_name(code)}")
                continue
            parts = []
            for r in sorted(
                rows, key=lambda r: (r.year is None, r.year or 0, r.exploitation or "", -r.documents)
            ):
                kind = (
                    f" ({EXPLOITATION_NAMES.get(r.exploitation, r.exploitation)})" if r.exploitation else ""
                )
                when = f" in {r.year}" if r.year else " (year not stated)"
                if r.scope == "cumulative":
                    when = " over several years"
                scope = {"part": " (a part of a total)", "cumulative": " (a multi-year figure)"}
                parts.append(f"{r.value:,}{kind}{when}{scope.get(r.scope, '')}")
                out.value(code, str(r.value))
                out.rows.append(_dicts([r])[0])
                out.evidence.extend(r.evidence[:2])
            out.lines.append(f"{_name(code)}, {METRIC_NAMES[metric]}: " + "; ".join(parts) + ".")
    return out.part(
        f"no count of {'; '.join(out.missing)}{_years_text(q)} is stated",
        f"Not stated: {'; '.join(out.missing)}{_years_text(q)}.",
    )
