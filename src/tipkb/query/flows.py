"""Flows: people trafficked from one place to another, all statements of each together."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.query.arguments import YearRange, check_choices, place_name
from tipkb.query.common import evidence as evidence_of
from tipkb.query.common import ordered
from tipkb.query.rows import FlowRow, Rows
from tipkb.store import FlowTotal, Match, Store

__all__ = ["flows", "flows_from_facts", "flows_from_rollup"]


Places = str | Sequence[str] | None


def _places(value: Places) -> list[str | None]:
    """The places asked for, as a list to OR over ([None]: any place)."""
    if value is None or isinstance(value, str):
        return [value or None]
    return list(dict.fromkeys(value)) or [None]


def flows(
    store: Store,
    origin: Places = None,
    destination: Places = None,
    country: Places = None,
    via: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    victims: Sequence[str] = (),
    exploitation: Sequence[str] = (),
    hedged: bool | None = None,
    evidence: bool = False,
) -> Rows[FlowRow]:
    """Flows grouped by origin and destination, most documents first.

    ``origin``, ``destination`` and ``country`` (either end) take one place or several (any of them);
    ``victims`` and ``exploitation`` keep flows that name all those given;
    ``hedged`` keeps only hedged (True) or only stated (False) flows. Without filters on the flows'
    attributes (via, years, victims, exploitation, hedged) the rows come from the rollups; with them,
    from the flow groups (``Store.filtered_flows``): either way a few rows per flow, whatever the number
    of statements.
    """
    check_choices("victims", victims)
    check_choices("exploitation", exploitation)
    found: dict[tuple[str, str], FlowRow] = {}
    # Each row is one (origin, destination) pair whose totals depend only on the pair and the
    # attribute filters: the rows of several places are the union of each place's rows.
    for o, d, c in product(_places(origin), _places(destination), _places(country)):
        found.update(_flows(store, o, d, c, via, year, years, victims, exploitation, hedged))
    rows = Rows(sorted(found.values(), key=lambda r: (-r.documents, -r.sentences, r.origin, r.destination)))
    if evidence:
        for row in rows:
            ev = Match(
                type="flow",
                origin=row.origin,
                destination=row.destination,
                via=via,
                year=year,
                years=years,
                victims=tuple(victims),
                exploitation=tuple(exploitation),
                hedged=hedged,
            )
            row.evidence = evidence_of(store, ev)
    return rows


def _flows(
    store: Store,
    origin: str | None,
    destination: str | None,
    country: str | None,
    via: str | None,
    year: int | None,
    years: YearRange | None,
    victims: Sequence[str],
    exploitation: Sequence[str],
    hedged: bool | None,
) -> dict[tuple[str, str], FlowRow]:
    filtered = via or year is not None or years or victims or exploitation or hedged is not None
    if not filtered:
        return flows_from_rollup(store, origin, destination, country)
    else:
        match = Match(
            type="flow",
            origin=origin,
            destination=destination,
            either=country,
            via=via,
            year=year,
            years=years,
            victims=tuple(victims),
            exploitation=tuple(exploitation),
            hedged=hedged,
        )
        found = {key: _row(*key, total) for key, total in store.filtered_flows(match).items()}
    return found


def _row(o: str, d: str, total: FlowTotal) -> FlowRow:
    return FlowRow(
        origin=o,
        origin_name=place_name(o),
        destination=d,
        destination_name=place_name(d),
        facts=total.facts,
        sentences=total.sentences,
        documents=total.documents,
        hedged=total.hedged,
        victims=ordered(total.victims, VICTIMS),
        exploitation=ordered(total.exploitation, EXPLOITATION),
        via=sorted(total.via),
        years=sorted(total.years),
    )


def flows_from_rollup(
    store: Store, origin: str | None = None, destination: str | None = None, country: str | None = None
) -> dict[tuple[str, str], FlowRow]:
    """Flows (with these ends) from the rollups, by (origin, destination)."""
    found = {}
    for g in store.groups("flow", a=origin, b=destination, either=country, values=True):
        total = FlowTotal(
            g.facts,
            g.sentences,
            g.documents,
            g.hedged == g.facts,
            g.values.get("victims", set()),
            g.values.get("exploitation", set()),
            g.values.get("via", set()),
            {int(y) for y in g.values.get("year", ())},
        )
        found[(g.a, g.b)] = _row(g.a, g.b, total)
    return found


def flows_from_facts(store: Store, match: Match | None = None) -> dict[tuple[str, str], FlowRow]:
    """Flows counted straight from the facts: what the rollups and flow groups must agree with (the tests
    compare them)."""
    totals = store.flows_from_facts(match or Match(type="flow"))
    return {key: _row(*key, total) for key, total in totals.items()}
