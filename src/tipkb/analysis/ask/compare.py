"""Questions comparing two countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    _TIER_RANK,
    TIER_NAMES,
    _name,
    _names,
    _Part,
    _PerCountry,
    _years_text,
)
from tipkb.analysis.ask.intents import _HANDLERS


def _compare(store: Store, q: Question, intent: str) -> _Part:
    """The same question for each country, side by side; with one count per country for one year, which
    is higher."""
    handler = _HANDLERS["profile" if intent == "flows" else intent]
    out = _PerCountry(q.countries)
    numbers: dict[str, int] = {}
    placed: dict[str, str] = {}
    for code in q.countries:
        part = handler(store, q, [code])
        if not part.answered:
            out.missing.append(code)
            continue
        out.lines.append(part.text)
        out.values.extend(v if v.startswith(f"{code}:") else f"{code}:{v}" for v in part.values)
        out.rows.extend({"country": code, **r} if "country" not in r else r for r in part.rows)
        out.evidence.extend(part.evidence)
        if intent == "statistics" and len(part.values) == 1 and part.values[0].isdecimal():
            numbers[code] = int(part.values[0])
        if (
            intent == "tiers"
            and len(part.values) == 1
            and part.values[0] in _TIER_RANK
            and q.year is not None
        ):
            placed[code] = part.values[0]
    if not out.lines:
        return _Part(False, "", detail=f"nothing to compare for {_names(q.countries)}")
    if out.missing:
        out.lines.append(f"Nothing is stated for {_names(out.missing)}{_years_text(q)}.")
    if len(numbers) >= 2:
        ranked = sorted(numbers.items(), key=lambda kv: -kv[1])
        if ranked[0][1] != ranked[1][1]:
            out.lines.append(
                f"{_name(ranked[0][0])} has the higher count ({ranked[0][1]:,} against {ranked[1][1]:,})."
            )
        else:
            out.lines.append(f"The counts are equal ({ranked[0][1]:,}).")
    if len(placed) >= 2:
        best = sorted(placed.items(), key=lambda kv: _TIER_RANK[kv[1]])
        if _TIER_RANK[best[0][1]] != _TIER_RANK[best[1][1]]:
            out.lines.append(
                f"In {q.year}, {_name(best[0][0])} ({TIER_NAMES[best[0][1]]}) was placed higher than "
                f"{_name(best[1][0])} ({TIER_NAMES[best[1][1]]})."
            )
        else:
            out.lines.append(f"In {q.year} they were on the same tier ({TIER_NAMES[best[0][1]]}).")
    return _Part(True, " ".join(out.lines), out.values, out.rows, out.evidence)
