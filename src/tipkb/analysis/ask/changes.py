"""Questions about what changed from one year to another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb.analysis.question import (
    Question,
)

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    EXPLOITATION_NAMES,
    MAX_LISTED,
    METRIC_NAMES,
    TIER_NAMES,
    _name,
    _names,
    _Part,
    _PerCountry,
)


def _answer_changes(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    from tipkb.analysis.changes import changes

    year = q.year if q.year is not None else q.years[1] if q.years else None
    if year is None:
        return _Part(False, "", detail="name the year to compare with the one before it")
    since = q.years[0] if q.years and q.years[0] < year else None
    out = _PerCountry(countries)
    # A question about one kind of fact ("did convictions fall", "was its tier upgraded") gets that kind.
    kinds = (
        {"statistics"}
        if q.metrics
        else {"tiers"}
        if (q.has("tier") or q.tier)
        else {"tiers", "flows", "statistics"}
    )
    each: list[str | None] = [*countries] or [None]
    for code in each:
        found = changes(store, year, country=code, since=since)
        found.tiers = found.tiers if "tiers" in kinds else []
        found.flows = found.flows if "flows" in kinds else []
        found.statistics = [
            s for s in found.statistics if "statistics" in kinds and (not q.metrics or s.metric in q.metrics)
        ]
        for t in found.tiers:
            out.lines.append(
                f"{t.name}: {t.direction} from {TIER_NAMES.get(t.before.value, t.before.value)} ({t.before.year}) "
                f"to {TIER_NAMES.get(t.after.value, t.after.value)} ({t.after.year})."
            )
            out.values.append(f"{t.country}:tier:{t.before.value}>{t.after.value}")
            if kinds == {"tiers"} and len(countries) == 1:
                out.values.append(str(t.after.value))
            out.evidence.extend(t.before.evidence[:1] + t.after.evidence[:1])
        for s in found.statistics:
            pct = f", {s.percent:+.1f}%" if s.percent is not None else ""
            kind = f" ({EXPLOITATION_NAMES.get(s.exploitation, s.exploitation)})" if s.exploitation else ""
            out.lines.append(
                f"{s.name}: {METRIC_NAMES[s.metric]}{kind} {s.direction} from {s.before.value:,} ({s.before.year}) "
                f"to {s.after.value:,} ({s.after.year}{pct})."
            )
            out.values.append(f"{s.country}:{s.metric}:{s.direction}")
            out.evidence.extend(s.before.evidence[:1] + s.after.evidence[:1])
        new = [f for f in found.flows if f.change == "new"]
        gone = [f for f in found.flows if f.change == "vanished"]
        for label, flows in (("New flows", new), ("Flows no longer stated", gone)):
            if flows:
                out.lines.append(
                    f"{label} in {year}: "
                    + "; ".join(f"{_name(f.origin)} → {_name(f.destination)}" for f in flows[:MAX_LISTED])
                    + "."
                )
                out.values.extend(f"{f.origin}>{f.destination}:{f.change}" for f in flows)
                out.evidence.extend(
                    e for f in flows[:3] for e in (f.after if f.change == "new" else f.before).evidence[:1]
                )
        out.rows.extend(found.rows())
    where = f" for {_names(list(countries))}" if countries else ""
    return out.part(f"no change in {year}{where} against an earlier year is stated")
