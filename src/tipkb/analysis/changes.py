"""What changed in a year: tier upgrades and downgrades, new and vanished flows, statistics that rose or
fell, each with the statements on both sides.

A year is compared with the latest earlier year that has the same kind of fact for the same country
(or with ``since`` when given): a tier with the country's previous placement, a statistic with the same
metric's previous count, the flows a country's own narratives state in the year with those they stated
in their previous year with flows.
Facts without a year take no part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tipkb import query
from tipkb.model import METRICS
from tipkb.query import EvidenceRow, StatRow, TierRow
from tipkb.vocab import contract

if TYPE_CHECKING:
    from tipkb.store import Store

__all__ = ["Changes", "FlowChange", "Side", "StatChange", "TierChange", "changes"]

# Better tiers first; "special" (Special Case) is outside the order.
# Tiers from best to worst (data/contract.toml; Special Case is outside the order).
TIER_ORDER = contract().tier_rank
FIRST_YEAR, LAST_YEAR = 1990, 2100


class _Row:
    def to_dict(self) -> dict[str, Any]:
        return query.as_dict(self)


@dataclass(kw_only=True)
class Side(_Row):
    """One side of a change: the year, the value stated then (None: not stated), the documents that
    state it (or, for a flow not stated, the documents about that year that leave it out), the sentences,
    and any other values stated for the same year."""

    year: int | None
    value: Any
    documents: list[str] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    others: list[Any] = field(default_factory=list)


@dataclass(kw_only=True)
class TierChange(_Row):
    country: str
    name: str
    direction: str  # upgrade, downgrade, changed (to or from Special Case)
    before: Side
    after: Side


@dataclass(kw_only=True)
class FlowChange(_Row):
    """A flow stated in one year and not the other, seen from ``country`` (one of its ends)."""

    country: str
    origin: str
    origin_name: str
    destination: str
    destination_name: str
    change: str  # new, vanished
    before: Side
    after: Side


@dataclass(kw_only=True)
class StatChange(_Row):
    country: str
    name: str
    metric: str
    exploitation: str | None
    direction: str  # rose, fell
    change: int
    percent: float | None  # None when the earlier count was zero
    before: Side
    after: Side


@dataclass(kw_only=True)
class Changes:
    """Everything that changed in ``year`` (for ``country``, when given)."""

    year: int
    since: int | None
    country: str | None
    tiers: list[TierChange] = field(default_factory=list)
    flows: list[FlowChange] = field(default_factory=list)
    statistics: list[StatChange] = field(default_factory=list)

    SECTIONS = ("tiers", "flows", "statistics")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"year": self.year, "since": self.since, "country": self.country}
        for section in self.SECTIONS:
            out[section] = [item.to_dict() for item in getattr(self, section)]
        return out

    @property
    def empty(self) -> bool:
        return not (self.tiers or self.flows or self.statistics)

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per change (section, country, what, before and after), for tables and CSV."""
        out: list[dict[str, Any]] = []
        for t in self.tiers:
            out.append(_row("tiers", t.country, f"tier {t.direction}", t.direction, t.before, t.after))
        for f in self.flows:
            what = f"{f.origin_name} → {f.destination_name}"
            out.append(_row("flows", f.country, what, f.change, f.before, f.after))
        for s in self.statistics:
            what = s.metric + (f" ({s.exploitation})" if s.exploitation else "")
            pct = f"{s.percent:+.1f}%" if s.percent is not None else "n/a"
            out.append(
                _row("statistics", s.country, what, f"{s.direction} {s.change:+d} ({pct})", s.before, s.after)
            )
        return out


def _row(section: str, country: str, what: str, change: str, before: Side, after: Side) -> dict[str, Any]:
    def shown(side: Side) -> Any:
        if side.value is None:
            return "not stated"
        if side.value is True:
            return "stated"
        extra = f" (also {', '.join(map(str, side.others))})" if side.others else ""
        return f"{side.value}{extra}"

    return {
        "section": section,
        "country": country,
        "what": what,
        "change": change,
        "before_year": before.year,
        "before": shown(before),
        "after_year": after.year,
        "after": shown(after),
        "before_evidence": [e.to_dict() for e in before.evidence],
        "after_evidence": [e.to_dict() for e in after.evidence],
        "before_documents": before.documents,
        "after_documents": after.documents,
    }


def _docs(evidence: list[EvidenceRow]) -> list[str]:
    return sorted({e.document for e in evidence})


def _check_year(name: str, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise query.QueryError(
            f"{name} {year} is out of range: give a year between {FIRST_YEAR} and {LAST_YEAR}"
        )


def changes(store: Store, year: int, country: str | None = None, since: int | None = None) -> Changes:
    """What changed in ``year`` compared with the year before it (per country, the latest earlier year
    with the same kind of fact), or with ``since``. ``country`` is a code; QueryError for years out of
    range or ``since`` not before ``year``."""
    _check_year("year", year)
    if since is not None:
        _check_year("since", since)
        if since >= year:
            raise query.QueryError(f"--since {since} must be before --year {year}")
    return Changes(
        year=year,
        since=since,
        country=country,
        tiers=_tier_changes(store, year, country, since),
        flows=_flow_changes(store, year, country, since),
        statistics=_stat_changes(store, year, country, since),
    )


def _pick(rows: list[Any]) -> tuple[Any, list[Any]]:
    """The value most documents state, and the other values stated beside it."""
    # Ties go to the larger count: a total rather than the part of it that a sentence also states.
    ordered = sorted(rows, key=lambda r: (-r.documents, -r.sentences, _rank(_value(r))))
    return ordered[0], [_value(r) for r in ordered[1:]]


def _rank(value: Any) -> Any:
    return -value if isinstance(value, int) else TIER_ORDER.get(value, 9)


def _value(row: Any) -> Any:
    return row.tier if isinstance(row, TierRow) else row.value


def _previous(years: Collection[int], year: int, since: int | None) -> int | None:
    """The year to compare ``year`` with, of the years that state a fact: ``since``, or the latest before
    ``year``; None when ``year`` states none or no earlier year does."""
    if year not in years:
        return None
    earlier = [y for y in years if y < year and (since is None or y == since)]
    return max(earlier) if earlier else None


def _sides(by_year: dict[int, list[Any]], year: int, since: int | None) -> tuple[Side, Side] | None:
    """The value stated before and in ``year`` (see ``_previous``); None when there is no change."""
    prev = _previous(by_year, year, since)
    if prev is None:
        return None
    before, after = _side(by_year[prev]), _side(by_year[year])
    return None if before.value == after.value else (before, after)


def _side(rows: list[Any]) -> Side:
    main, others = _pick(rows)
    return Side(
        year=main.year,
        value=_value(main),
        documents=_docs(main.evidence),
        evidence=main.evidence,
        others=others,
    )


def _tier_changes(store: Store, year: int, country: str | None, since: int | None) -> list[TierChange]:
    first = since if since is not None else FIRST_YEAR
    by_country: dict[str, dict[int, list[TierRow]]] = defaultdict(lambda: defaultdict(list))
    for row in query.tiers(store, years=(first, year), country=country, evidence=True):
        if row.year is not None:
            by_country[row.country][row.year].append(row)
    out: list[TierChange] = []
    for code, years in by_country.items():
        sides = _sides(years, year, since)
        if sides is None:
            continue
        before, after = sides
        b, a = TIER_ORDER.get(before.value), TIER_ORDER.get(after.value)
        direction = "changed" if a is None or b is None else ("upgrade" if a < b else "downgrade")
        out.append(
            TierChange(
                country=code, name=query.place_name(code), direction=direction, before=before, after=after
            )
        )
    out.sort(key=lambda c: (c.direction, c.name))
    return out


def _stat_changes(store: Store, year: int, country: str | None, since: int | None) -> list[StatChange]:
    if country:
        countries = [country]
    else:
        countries = store.statistic_countries(year)
    first = since if since is not None else FIRST_YEAR
    out: list[StatChange] = []
    for code in countries:
        series: dict[tuple[str, str | None], dict[int, list[StatRow]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for row in query.stats(store, code, years=(first, year), evidence=True):
            if row.year is not None:
                series[(row.metric, row.exploitation)][row.year].append(row)
        for (metric, exploitation), years in series.items():
            sides = _sides(years, year, since)
            if sides is None:
                continue
            before, after = sides
            diff = int(after.value) - int(before.value)
            out.append(
                StatChange(
                    country=code,
                    name=query.place_name(code),
                    metric=metric,
                    exploitation=exploitation,
                    direction="rose" if diff > 0 else "fell",
                    change=diff,
                    percent=round(100.0 * diff / before.value, 1) if before.value else None,
                    before=before,
                    after=after,
                )
            )
    order = {m: i for i, m in enumerate(METRICS)}
    out.sort(key=lambda s: (s.name, order.get(s.metric, 99), s.exploitation or ""))
    return out


def _flow_changes(store: Store, year: int, country: str | None, since: int | None) -> list[FlowChange]:
    # A country's flows by year: those its own narratives (documents whose subject it is) state with it at
    # one end. Narratives about other countries say little about what a country's report left out.
    pairs: dict[str, dict[int, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for subject, origin, destination, y in store.subject_flows(year, country):
        pairs[subject][y].add((origin, destination))
    rows_by_year: dict[int, dict[tuple[str, str], query.FlowRow]] = {}

    def stated(y: int) -> dict[tuple[str, str], query.FlowRow]:
        if y not in rows_by_year:
            rows_by_year[y] = {
                (r.origin, r.destination): r for r in query.flows(store, year=y, evidence=True)
            }
        return rows_by_year[y]

    def narratives(code: str, y: int) -> list[str]:
        return store.flow_narratives(y, code)

    out: list[FlowChange] = []
    seen: set[tuple[str, str, str]] = set()
    for code in sorted(pairs):
        years = pairs[code]
        prev = _previous(years, year, since)
        if prev is None:
            continue
        now, then = years[year], years[prev]
        for change, found, y_found, y_missing in (
            ("new", now - then, year, prev),
            ("vanished", then - now, prev, year),
        ):
            for origin, destination in sorted(found):
                key = (origin, destination, change)
                if key in seen:
                    continue
                seen.add(key)
                row = stated(y_found)[(origin, destination)]
                shown = Side(year=y_found, value=True, documents=_docs(row.evidence), evidence=row.evidence)
                absent = Side(year=y_missing, value=None, documents=narratives(code, y_missing))
                before, after = (absent, shown) if change == "new" else (shown, absent)
                out.append(
                    FlowChange(
                        country=code,
                        origin=origin,
                        origin_name=query.place_name(origin),
                        destination=destination,
                        destination_name=query.place_name(destination),
                        change=change,
                        before=before,
                        after=after,
                    )
                )
    out.sort(key=lambda f: (f.change, f.origin_name, f.destination_name))
    return out
