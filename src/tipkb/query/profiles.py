"""Country profiles: roles by year, tiers, statements (compliance, ratification, penalties, funding),
flows out and in, statistics."""

from __future__ import annotations

from collections.abc import Sequence

from tipkb.places import REGION_PREFIX, region_of
from tipkb.query.arguments import YearRange, normalise_tier, place_name
from tipkb.query.common import evidence as evidence_of
from tipkb.query.common import ordered
from tipkb.query.flows import flows
from tipkb.query.rows import Profile, RoleRow, Rows, StatementRow, TierRow
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
        if evidence:
            for key, row in rows.items():
                row.evidence = evidence_of(store, Match(type=kind, country=country, key=key))
        out[kind] = Rows(sorted(rows.values(), key=lambda r: (-r.documents, r.years[:1])))
    return out


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
