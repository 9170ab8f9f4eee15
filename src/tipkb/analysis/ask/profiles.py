"""Questions asking for an overview of one country."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
    ordered,
)
from tipkb.model import ROLES

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import ROLE_NAMES, TIER_NAMES, _names, _Part, _PerCountry


def _answer_profile(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    out = _PerCountry(countries)
    for code in countries:
        p = query.profile(store, code, evidence=True)
        if not p.documents:
            continue
        region = f", {p.region}" if p.region else ""
        parts = [f"{p.name} ({p.country}{region}): facts from {p.documents} document(s)."]
        roles = ordered({r.role for r in p.roles}, ROLES)
        if roles:
            parts.append("Described as " + ", ".join(ROLE_NAMES[r] for r in roles) + " country.")
        if p.tiers:
            parts.append(
                "Tiers: "
                + ", ".join(f"{TIER_NAMES[t.tier]}" + (f" ({t.year})" if t.year else "") for t in p.tiers)
                + "."
            )
        if p.outbound:
            dests = [r.destination for r in p.outbound if r.destination != code]
            if dests:
                parts.append(f"Victims from it are trafficked to {_names(dests, 8)}.")
        if p.inbound:
            froms = [r.origin for r in p.inbound if r.origin != code]
            if froms:
                parts.append(f"Victims in it come from {_names(froms, 8)}.")
        if any(r.origin == code for r in p.outbound if r.destination == code):
            parts.append("Trafficking within the country is stated.")
        if p.ratifications:
            parts.append("Palermo Protocol ratified: " + ", ".join(
                str(r.fields.get("year")) for r in p.ratifications) + ".")  # fmt: skip
        out.lines.append(" ".join(parts))
        out.values.append(code)
        out.rows.append({"country": code, "name": p.name, "documents": p.documents, "roles": roles})
        for section in (p.roles, p.tiers, p.outbound, p.inbound):
            for row in section[:2]:
                out.evidence.extend(row.evidence[:1])
    return out.part(f"no facts about {_names(list(countries))}")
