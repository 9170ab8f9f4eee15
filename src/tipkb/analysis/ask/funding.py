"""Questions about funding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    _documents,
    _ev,
    _facts,
    _grouped,
    _name,
    _names,
    _Part,
    _PerCountry,
    _years_text,
)


def _answer_funding(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        return _Part(False, "", detail="name the country whose funding you ask about")
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "funding", c)):
        parts = []
        for d, rows in _grouped(facts, ("amount", "currency", "purpose")):
            years = sorted({y for fr in rows if (y := fr.fact.year) is not None})
            amount = f"{d['amount']:,.0f} {d['currency']}"
            purpose = f" for {d['purpose']}" if d.get("purpose") else ""
            when = f" ({', '.join(map(str, years))})" if years else ""
            parts.append(f"{amount}{purpose}{when}")
            out.values.append(f"{d['amount']:.0f} {d['currency']}")
            out.rows.append({"country": code, **d, "years": years, "documents": _documents(rows)})
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)} allocated or spent: " + "; ".join(parts) + ".")
    return out.part(f"no funding by {_names(out.missing)}{_years_text(q)} is stated")
