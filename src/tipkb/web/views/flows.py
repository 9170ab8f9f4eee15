"""The flows view: the flow filters, as given and resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.documents import linked
from tipkb.web.views.places import country_code, in_region, place_codes, regions, year_range

if TYPE_CHECKING:
    from tipkb.store import Store


@dataclass
class FlowFilters:
    """The flow filters of ``tipkb flows``, plus a region (either end in it), as given and resolved."""

    origin: str | list[str] | None = None
    destination: str | list[str] | None = None
    country: str | list[str] | None = None
    via: str | None = None
    region: str | None = None
    year: int | None = None
    years: str | None = None
    victims: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    hedged: bool | None = None

    def run(self, store: Store, evidence: bool = False) -> query.Rows[query.FlowRow]:
        query.check_choices("victims", self.victims)
        query.check_choices("exploitation", self.exploitation)
        if self.region and self.region not in regions():
            raise query.QueryError(f"unknown region {self.region!r}; choose from {', '.join(regions())}")
        rows = query.flows(
            store,
            origin=place_codes(self.origin),
            destination=place_codes(self.destination),
            country=place_codes(self.country),
            via=country_code(self.via),
            year=self.year,
            years=year_range(self.years),
            victims=self.victims,
            exploitation=self.exploitation,
            hedged=self.hedged,
            evidence=evidence,
        )
        if self.region:
            region = self.region
            rows = query.Rows(
                r for r in rows if in_region(r.origin, region) or in_region(r.destination, region)
            )
        return rows

    def params(self) -> dict[str, Any]:
        """The filters as query parameters (for links to the next page)."""
        out: dict[str, Any] = {}
        for name in ("origin", "destination", "country", "via", "region", "year", "years"):
            value = getattr(self, name)
            if value not in (None, "", []):
                out[name] = value
        if self.victims:
            out["victims"] = self.victims
        if self.exploitation:
            out["exploitation"] = self.exploitation
        if self.hedged is not None:
            out["hedged"] = str(self.hedged).lower()
        return out


def with_sentences(stores: Stores, filters: FlowFilters, row: query.FlowRow) -> query.FlowRow:
    """A listed flow with the sentences that state it (under the same filters), for links to the
    document pages."""
    one = replace(filters, origin=row.origin, destination=row.destination, country=None, region=None)
    found = one.run(stores.get(), evidence=True)
    return found[0] if found else row


def flow_page_rows(
    stores: Stores, filters: FlowFilters, rows: Sequence[query.FlowRow], offset: int, size: int
) -> list[dict[str, Any]]:
    """The flows of one page of the explorer, each with its sentences linked to their documents."""
    chosen = rows[offset : offset + size]
    return linked(stores, [with_sentences(stores, filters, r).to_dict() for r in chosen])
