"""Questions about the roles a country plays (origin, transit, destination)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import (
    Question,
)
from tipkb.model import ROLES

if TYPE_CHECKING:
    from tipkb.store import Store

from tipkb.analysis.ask.common import (
    ROLE_NAMES,
    _count_text,
    _ev,
    _facts,
    _listed,
    _name,
    _names,
    _Part,
    _PerCountry,
    _region_text,
    _years_text,
)


def _answer_roles(store: Store, q: Question, countries: Sequence[str]) -> _Part:
    asked = q.roles
    if not countries:
        if not asked:
            return _Part(False, "", detail="name a country or a role (source, transit, destination)")
        found: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in _facts(store, q, "role"):
            if getattr(fr.fact, "role", None) in asked:
                found[getattr(fr.fact, "country", "")].append(fr)
        every = len(asked) > 1 and "or" not in q.low  # "both origins and destinations"
        if every:
            found = {
                c: stated
                for c, stated in found.items()
                if {getattr(fr.fact, "role", None) for fr in stated} >= set(asked)
            }
        codes = _listed(q, sorted(found, key=_name))
        if not codes:
            return _Part(False, "", detail=f"no country{_region_text(q)} is described so")
        what = (" and " if every else " or ").join(ROLE_NAMES[r] for r in asked)
        text = (
            f"{_count_text(q, codes)}Countries{_region_text(q)} described as {what} country{_years_text(q)}: "
        )
        text += f"{_names(codes)}."
        listed = [
            {"country": c, "name": _name(c), "documents": len({f.fact.doc for f in found[c]})} for c in codes
        ]
        return _Part(True, text, codes, listed, _ev(f for c in codes for f in found[c][:1]))
    out = _PerCountry(countries)
    for code in countries:
        by_role: dict[str, list[query.FactRow]] = defaultdict(list)
        for fr in _facts(store, q, "role", code):
            by_role[getattr(fr.fact, "role", "")].append(fr)
        roles = [r for r in ROLES if r in by_role]
        shown = [r for r in roles if not asked or r in asked]
        if not shown:
            out.missing.append(code)
            continue
        parts = []
        for role in shown:
            extents = sorted({e for fr in by_role[role] if (e := getattr(fr.fact, "extent", None))})
            docs = len({fr.fact.doc for fr in by_role[role]})
            extent = f" ({', '.join(extents)})" if extents else ""
            parts.append(f"{ROLE_NAMES[role]}{extent} country in {docs} document(s)")
            out.value(code, role)
            out.rows.append({"country": code, "role": role, "extents": extents, "documents": docs})
            out.evidence.extend(_ev(by_role[role][:2]))
        lead = f"Yes: {_name(code)} is described as " if asked else f"{_name(code)} is described as "
        out.lines.append(lead + "; ".join(parts) + ".")
        if asked and len(shown) < len(asked):
            out.lines.append(
                f"No document calls it {' or '.join(ROLE_NAMES[r] for r in asked if r not in shown)}."
            )
    what = " or ".join(ROLE_NAMES[r] for r in asked) + " country" if asked else "any role"
    return out.part(
        f"no document describes {_names(out.missing)} as {what}",
        f"Nothing is stated about the role of {_names(out.missing)}.",
    )
