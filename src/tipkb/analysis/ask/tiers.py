"""Questions about tier placements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
)
from tipkb.analysis.regions import in_region
from tipkb.query import TierRow

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    TIER_NAMES,
    _count_text,
    _dicts,
    _name,
    _names,
    _Part,
    _PerCountry,
    _region_text,
    _years_text,
)


def _answer_tiers(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    if not countries:
        if q.tier is None and q.year is None and q.years is None:
            return _Part(False, "", detail="name a country, a tier or a year")
        rows = [
            r
            for r in query.tiers(store, year=q.year, years=q.years, evidence=True)
            if q.tier in (None, r.tier)
        ]
        rows = [
            r
            for r in rows
            if (not q.only or r.year in q.only) and (not q.within or in_region(r.country, q.within))
        ]
        if not rows:
            what = TIER_NAMES[q.tier] if q.tier else "any tier"
            return _Part(False, "", detail=f"no placement{_region_text(q)} on {what}{_years_text(q)}")
        codes = list(dict.fromkeys(r.country for r in sorted(rows, key=lambda r: r.name)))
        if q.tier:
            text = f"{_count_text(q, codes)}Countries{_region_text(q)} placed on {TIER_NAMES[q.tier]}{_years_text(q)}: "
            text += ", ".join(
                f"{r.name} ({r.year})" if r.year else r.name
                for r in sorted(rows, key=lambda r: (r.name, r.year or 0))
            )
        else:
            text = f"Tier placements{_years_text(q)}: " + ", ".join(
                f"{r.name}: {TIER_NAMES[r.tier]}" + (f" ({r.year})" if r.year else "") for r in rows
            )
        return _Part(True, text + ".", codes, _dicts(rows), [e for r in rows for e in r.evidence[:1]])

    def placements(code: str) -> list[TierRow]:
        rows = query.tiers(store, country=code, year=q.year, years=q.years, evidence=True)
        return [r for r in rows if not q.only or r.year in q.only]

    out = _PerCountry(countries)
    for code, rows in out.stated(placements):
        dated = sorted(rows, key=lambda r: (r.year is None, r.year or 0))
        parts = [
            f"{TIER_NAMES[r.tier]} in {r.year}" if r.year else f"{TIER_NAMES[r.tier]} (year not stated)"
            for r in dated
        ]
        line = f"{_name(code)} was placed on " + ", ".join(parts) + "."
        tiers = list(dict.fromkeys(r.tier for r in dated))
        if q.tier and q.tier not in tiers:
            line += f" No document places it on {TIER_NAMES[q.tier]}{_years_text(q)}."
        out.lines.append(line)
        for tier in tiers:
            out.value(code, tier)
        out.rows.extend(_dicts(dated))
        out.evidence.extend(e for r in dated for e in r.evidence[:2])
    hint = ""
    if not out.lines and (q.year or q.years):
        stated = sorted({r.year for c in out.missing for r in query.tiers(store, country=c) if r.year})
        hint = f"; placements are stated for {', '.join(map(str, stated))}" if stated else ""
    return out.part(
        f"no tier placement of {_names(out.missing)}{_years_text(q)}{hint}",
        f"No tier placement of {_names(out.missing)}{_years_text(q)} is stated.",
    )
