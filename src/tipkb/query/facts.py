"""Facts one by one, in document and text order or all of them for exports; and the places they name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from tipkb.places import REGION_PREFIX
from tipkb.query.arguments import YearRange, check_choices
from tipkb.query.common import ordered
from tipkb.query.rows import FactRow, PlaceRow, Rows
from tipkb.store import Store, fact_from_row

__all__ = ["facts", "iter_facts", "known_places", "places"]

ROLE_ORDER = ("origin", "transit", "destination")


def facts(
    store: Store,
    fact_type: str | None = None,
    country: str | None = None,
    year: int | None = None,
    years: YearRange | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Rows[FactRow]:
    """Stored facts, in document and text order (``limit`` of them after the first ``offset``).
    ``country`` matches a fact's country or either end of a flow; ``doc`` a document's source, file
    name, or file name without extension."""
    if fact_type:
        check_choices("fact type", [fact_type])
    rows = store.fact_rows(fact_type, country, year, years, doc, limit, offset)
    return Rows(FactRow(fid, fact_from_row(source, data, s, e, t)) for fid, source, data, s, e, t in rows)


def iter_facts(store: Store, fact_type: str | None = None, batch: int = 5000) -> Iterator[FactRow]:
    """Every stored fact (of one type), in id order, read a batch at a time: for exports of any size."""
    if fact_type:
        check_choices("fact type", [fact_type])
    for fid, source, data, s, e, t in store.iter_fact_rows(fact_type, batch):
        yield FactRow(fid, fact_from_row(source, data, s, e, t))


def places(store: Store) -> Rows[PlaceRow]:
    """The places that some fact names, with their roles and how many facts name them."""
    roles: dict[str, set[str]] = defaultdict(set)
    for code, role in store.place_roles():
        roles[code].add(role)
    known = {
        code: (name, kind, region, lat, lon) for code, name, kind, region, lat, lon in store.place_rows()
    }
    out: Rows[PlaceRow] = Rows()
    for code, n in store.named_places():
        kind = "region" if code.startswith(REGION_PREFIX) else "country"
        name, kind, region, lat, lon = known.get(code, (code, kind, None, None, None))
        out.append(
            PlaceRow(
                code=code,
                name=name,
                kind=kind,
                region=region,
                lat=lat,
                lon=lon,
                roles=ordered(roles.get(code, ()), ROLE_ORDER),
                facts=n,
            )
        )
    return out


def known_places(store: Store) -> list[tuple[str, str, str, str | None, float | None, float | None]]:
    """(code, name, kind, region, lat, lon) of every place the gazetteer knows, named by facts or not."""
    return store.place_rows()
