"""Questions about statistics (investigations, prosecutions, convictions, victims)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
)
from tipkb.query import StatRow

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
            by_year: dict[tuple[int | None, str | None], list[StatRow]] = {}
            for r in rows:
                by_year.setdefault((r.year, r.exploitation), []).append(r)
            for (year, exploitation), stated in sorted(
                by_year.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or 0, kv[0][1] or "")
            ):
                kind = f" ({EXPLOITATION_NAMES.get(exploitation, exploitation)})" if exploitation else ""
                when = f" in {year}" if year else " (year not stated)"
                lead, others = _total_first(stated)
                note = {"part": " (a part: no total is stated)", "cumulative": " (over several years)"}
                text = f"{lead.value:,}{kind}{when}{note.get(lead.scope, '')}"
                if others:
                    text += " (" + "; ".join(_other_text(o) for o in others) + ")"
                parts.append(text)
                out.value(code, str(lead.value))
                for r in others:
                    if r.scope == "total":  # sources disagree: both totals are answers
                        out.value(code, str(r.value))
                for r in [lead, *others]:
                    out.rows.append(_dicts([r])[0])
                out.evidence.extend(lead.evidence[:2])
                for r in others:
                    out.evidence.extend(r.evidence[:1])
            out.lines.append(f"{_name(code)}, {METRIC_NAMES[metric]}: " + "; ".join(parts) + ".")
    return out.part(
        f"no count of {'; '.join(out.missing)}{_years_text(q)} is stated",
        f"Not stated: {'; '.join(out.missing)}{_years_text(q)}.",
    )


def _total_first(rows: Sequence[StatRow]) -> tuple[StatRow, list[StatRow]]:
    """The figure that answers "how many" for one year, of figures with a scope (total, part, cumulative):
    the total most documents state (else a cumulative figure, else a part), and the others stated."""
    rank = {"total": 2, "cumulative": 1}
    lead = max(rows, key=lambda r: (rank.get(r.scope, 0), r.documents))
    return lead, [r for r in rows if r is not lead]


def _other_text(row: StatRow) -> str:
    what = {"part": "a part", "cumulative": "over several years"}.get(row.scope, "another source's total")
    return f"{what}: {row.value:,}"
