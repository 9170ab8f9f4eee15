"""Questions about compliance with the minimum standards."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    MAX_EVIDENCE,
    _count_text,
    _documents,
    _ev,
    _facts,
    _grouped,
    _listed,
    _name,
    _names,
    _Part,
    _PerCountry,
    _region_text,
    _years_text,
)


def _compliance_words(d: dict[str, Any]) -> str:
    meets = {True: "fully meets", False: "does not fully meet", None: "(no verdict on)"}[d.get("fully_meets")]
    efforts = {True: "is making significant efforts", False: "is not making significant efforts", None: ""}[
        d.get("significant_efforts")
    ]
    words = f"{meets} the minimum standards"
    return f"{words} and {efforts}" if efforts else words


def _answer_compliance(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        key = "significant_efforts" if "efforts" in q.low else "fully_meets"
        want = not q.negated
        facts = [fr for fr in _facts(store, q, "compliance") if fr.fact.to_dict().get(key) is want]
        if not facts:
            return _Part(False, "", detail="no country is stated to be so")
        codes = _listed(q, sorted({getattr(fr.fact, "country", "") for fr in facts}, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no country{_region_text(q)} is stated to be so")
        what = (
            ("making" if want else "not making") + " significant efforts"
            if key == "significant_efforts"
            else ("fully meeting" if want else "not fully meeting") + " the minimum standards"
        )
        text = f"{_count_text(q, codes)}Countries{_region_text(q)} stated to be {what}{_years_text(q)}: {_names(codes)}."
        return _Part(
            True, text, codes, [{"country": c, "name": _name(c)} for c in codes], _ev(facts[:MAX_EVIDENCE])
        )
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "compliance", c)):
        parts = []
        for d, rows in _grouped(facts, ("fully_meets", "significant_efforts")):
            years = sorted({y for fr in rows if (y := fr.fact.year) is not None})
            when = f" ({', '.join(map(str, years))})" if years else " (year not stated)"
            parts.append(_compliance_words(d) + when)
            for k in ("fully_meets", "significant_efforts"):
                if d.get(k) is not None:
                    out.value(code, f"{k}={str(d[k]).lower()}")
            out.rows.append({"country": code, **d, "years": years, "documents": _documents(rows)})
            out.evidence.extend(_ev(rows[:2]))
        out.lines.append(f"{_name(code)} " + "; ".join(parts) + ".")
    out.values = list(dict.fromkeys(out.values))
    return out.part(
        f"no verdict on the minimum standards for {_names(out.missing)}{_years_text(q)}",
        f"No verdict on {_names(out.missing)} is stated.",
    )
