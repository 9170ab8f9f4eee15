"""Questions about penalties in law."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import _ev, _grouped, _name, _names, _Part, _PerCountry


def _answer_penalties(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country whose law you ask about")
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: list(query.facts(store, fact_type="penalty", country=c))):
        parts = []
        for d, rows in _grouped(facts, ("articles", "min_years", "max_years")):
            lo, hi = d.get("min_years"), d.get("max_years")
            span = (
                f"{lo:g} to {hi:g} years"
                if lo is not None and hi is not None
                else f"up to {hi:g} years"
                if hi is not None
                else f"at least {lo:g} years"
                if lo is not None
                else "penalties"
            )
            arts = f" (article {', '.join(d['articles'])})" if d.get("articles") else ""
            parts.append(span + " of imprisonment" + arts)
            out.values.append(span)
            out.rows.append(
                {"country": code, **{k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}}
            )
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)}'s law prescribes " + "; ".join(parts) + ".")
    return out.part(f"no penalties are stated for {_names(out.missing)}")
