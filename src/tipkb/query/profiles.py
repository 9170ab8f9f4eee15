"""Country profiles: roles by year, tiers, statements (compliance, ratification, penalties, funding),
flows out and in, statistics."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipkb.places import REGION_PREFIX, region_of
from tipkb.query.arguments import YearRange, normalise_tier, place_name
from tipkb.query.common import evidence as evidence_of
from tipkb.query.common import ordered
from tipkb.query.flows import flows
from tipkb.query.rows import EVIDENCE_PER_ROW, Profile, RoleRow, Rows, StatementRow, TierRow
from tipkb.query.statistics import stats
from tipkb.store import Match, StatementKinds, Store

__all__ = ["profile", "tiers"]

ROLE_ORDER = ("origin", "transit", "destination")
EXTENT_ORDER = ("primary", "secondary", "growing")


def tiers(
    store: Store,
    year: int | None = None,
    years: YearRange | None = None,
    country: str | Sequence[str] | None = None,
    evidence: bool = False,
    tier: str | Sequence[str] = (),
) -> Rows[TierRow]:
    """Tier placements by country and year; ``country`` and ``tier``: one or several (any of them)."""
    countries: list[str | None] = (
        [country] if isinstance(country, str) else list(dict.fromkeys(country or ())) or [None]
    )
    wanted = {normalise_tier(t) for t in ([tier] if isinstance(tier, str) else tier)}
    rows = Rows(
        TierRow(
            country=g.a,
            name=place_name(g.a),
            year=g.year,
            tier=g.b,
            facts=g.facts,
            sentences=g.sentences,
            documents=g.documents,
        )
        for code in countries
        for g in store.groups("tier", a=code, year=year, years=years)
        if not wanted or g.b in wanted
    )
    rows.sort(key=lambda r: (r.name, r.year or 0, r.tier))
    if evidence:
        for row in rows:
            ev = Match(
                type="tier", country=row.country, tier=row.tier, year=row.year, no_year=row.year is None
            )
            row.evidence = evidence_of(store, ev)
    return rows


def _roles(store: Store, country: str, evidence: bool) -> Rows[RoleRow]:
    found = {}
    for g in store.groups("role", a=country, values=True):
        row = RoleRow(
            country=country,
            role=g.b,
            year=g.year,
            facts=g.facts,
            sentences=g.sentences,
            documents=g.documents,
        )
        if g.values:
            row.extents = ordered(g.values.get("extent", ()), EXTENT_ORDER)
        found[(g.b, g.year)] = row
    if evidence:
        for (role, year), row in found.items():
            ev = Match(type="role", country=country, role=role, year=year, no_year=year is None)
            row.evidence = evidence_of(store, ev)
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    return Rows(sorted(found.values(), key=lambda r: (r.year or 0, order.get(r.role, 9))))


def _statements(store: Store, country: str, evidence: bool) -> dict[str, Rows[StatementRow]]:
    """Compliance verdicts, ratifications, penalties and funding: each distinct statement with its years."""
    out: dict[str, Rows[StatementRow]] = {}
    for kind in StatementKinds:
        rows: dict[str, StatementRow] = {}
        for g in store.groups(kind, a=country, values=True):
            rows[g.key] = StatementRow(
                type=kind,
                country=country,
                fields=g.fields,
                facts=g.facts,
                sentences=g.sentences,
                documents=g.documents,
            )
            if g.values:
                rows[g.key].years = sorted(int(y) for y in g.values.get("year", ()))
        if kind == "ratification":
            rows = _one_ratification_each(store, country, rows, evidence)
        elif evidence:
            for key, row in rows.items():
                row.evidence = evidence_of(store, Match(type=kind, country=country, key=key))
        out[kind] = Rows(sorted(rows.values(), key=lambda r: (-r.documents, r.years[:1])))
    return out


DATE_PARTS = ("year", "month", "day")


def _precision(fields: dict[str, Any]) -> int:
    return sum(1 for part in DATE_PARTS if fields.get(part) is not None)


def _same_date(precise: dict[str, Any], vague: dict[str, Any]) -> bool:
    """Whether ``vague`` states the same date as ``precise``, only less of it ("2008" of "2008-07")."""
    if any(precise.get(k) != v for k, v in vague.items() if k not in DATE_PARTS and v is not None):
        return False
    parts = [(precise.get(p), vague.get(p)) for p in DATE_PARTS]
    return all(b is None or a == b for a, b in parts) and parts[0][1] is not None


def _one_ratification_each(
    store: Store, country: str, rows: dict[str, StatementRow], evidence: bool
) -> dict[str, StatementRow]:
    """One row per ratification: a date stated less precisely ("2008") joins the row of the same date
    stated more precisely ("2008-07"), which keeps the precise date and both statements' sentences."""
    by_precision = sorted(rows.items(), key=lambda kv: -_precision(kv[1].fields))
    kept: dict[str, StatementRow] = {}
    joined: dict[str, list[str]] = {}
    for key, row in by_precision:
        home = next((k for k, r in kept.items() if _same_date(r.fields, row.fields)), None)
        if home is None:
            kept[key], joined[key] = row, [key]
        else:
            joined[home].append(key)
    for key, row in kept.items():
        keys = joined[key]
        if len(keys) == 1 and not evidence:
            continue
        # The sentences of all the statements, to count what supports the one row (every one of them).
        sentences = [
            e
            for k in keys
            for e in evidence_of(store, Match(type="ratification", country=country, key=k), limit=10_000)
        ]
        if len(keys) > 1:
            row.facts = sum(rows[k].facts for k in keys)
            row.sentences = len({(e.document, e.start) for e in sentences})
            row.documents = len({e.document for e in sentences})
            row.years = sorted({y for k in keys for y in rows[k].years})
        if evidence:
            row.evidence = sentences[:EVIDENCE_PER_ROW]
    return kept


def profile(store: Store, country: str, evidence: bool = False) -> Profile:
    """Everything about one country: roles by year, tiers, compliance, ratification, penalties, funding,
    outbound and inbound flows by partner, statistics by year."""
    statements = _statements(store, country, evidence)
    named = store.groups("place", a=country)
    return Profile(
        country=country,
        name=place_name(country),
        region=None if country.startswith(REGION_PREFIX) else region_of(country),
        documents=named[0].documents if named else 0,
        roles=_roles(store, country, evidence),
        tiers=tiers(store, country=country, evidence=evidence),
        compliance=statements["compliance"],
        ratifications=statements["ratification"],
        penalties=statements["penalty"],
        funding=statements["funding"],
        outbound=flows(store, origin=country, evidence=evidence),
        inbound=flows(store, destination=country, evidence=evidence),
        statistics=stats(store, country, evidence=evidence),
    )
