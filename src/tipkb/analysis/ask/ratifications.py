"""Questions about ratification of the Palermo Protocol."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tipkb import query
from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
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


def _answer_ratification(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    def label(d: dict[str, Any]) -> str:
        return f"{d['year']}-{d['month']:02d}" if d.get("month") else str(d["year"])

    def spoken(d: dict[str, Any]) -> str:
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]  # fmt: skip
        return f"{months[d['month'] - 1]} {d['year']}" if d.get("month") else str(d["year"])

    if not countries:
        facts = _facts(store, q, "ratification")
        if not facts:
            return _Part(False, "", detail=f"no ratification{_years_text(q)} is stated")
        by_country: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in facts:
            by_country[getattr(fr.fact, "country", "")].append(fr)
        codes = _listed(q, sorted(by_country, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no ratification{_region_text(q)}{_years_text(q)} is stated")
        text = (
            f"{_count_text(q, codes)}Countries{_region_text(q)} that ratified the UN TIP (Palermo) Protocol"
        )
        text += f"{_years_text(q)}: " + ", ".join(
            f"{_name(c)} ({spoken(_grouped(by_country[c], ('year', 'month'))[0][0])})" for c in codes
        )
        rows = [
            {"country": c, "name": _name(c), **_grouped(by_country[c], ("year", "month"))[0][0]}
            for c in codes
        ]
        return _Part(True, text + ".", codes, rows, _ev(by_country[c][0] for c in codes))
    out = _PerCountry(countries)
    for code, facts in out.stated(lambda c: _facts(store, q, "ratification", c)):
        groups = _grouped(facts, ("year", "month"))
        # A date with a month is more precise than the same year alone: keep the year alone only if no
        # statement gives a month in that year.
        months = {d["year"] for d, _ in groups if d.get("month")}
        groups = [(d, stated) for d, stated in groups if d.get("month") or d["year"] not in months]
        said = "; ".join(f"{spoken(d)} ({_documents(stated)} document(s))" for d, stated in groups)
        out.lines.append(f"{_name(code)} ratified the UN TIP (Palermo) Protocol in {said}.")
        for d, stated in groups:
            out.value(code, label(d))
            out.rows.append({"country": code, **d, "documents": _documents(stated)})
            out.evidence.extend(_ev(stated[:3]))
    return out.part(
        f"no ratification by {_names(out.missing)}{_years_text(q)} is stated",
        f"No ratification by {_names(out.missing)} is stated.",
    )
