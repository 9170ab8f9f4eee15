"""The flows a question asks about, from the store: ``_flow_rows`` finds them for its places, years,
victims and kinds of exploitation (each victim group tried alone, children also as girls or boys; the
rows of one origin and destination merged; narrowed to the region it names), and ``_sectors`` the
sectors their statements name. ``flows`` phrases the answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tipkb import query
from tipkb.analysis.question import Question, ordered
from tipkb.analysis.regions import in_region
from tipkb.model import EXPLOITATION, VICTIMS
from tipkb.query import FlowRow

if TYPE_CHECKING:
    from tipkb.store import Store


def _victim_options(victims: Sequence[str]) -> list[tuple[str, ...]]:
    """Each victim group asked for, alone; children also as girls or boys. No groups: no filter."""
    if not victims:
        return [()]
    options: list[tuple[str, ...]] = []
    for v in victims:
        for each in ("children", "girls", "boys") if v == "children" else (v,):
            if (each,) not in options:
                options.append((each,))
    return options


def _merge(a: FlowRow, b: FlowRow) -> FlowRow:
    evidence = list(a.evidence)
    for e in b.evidence:
        if all((e.document, e.start) != (x.document, x.start) for x in evidence):
            evidence.append(e)
    return replace(
        a,
        victims=ordered(set(a.victims) | set(b.victims), VICTIMS),
        exploitation=ordered(set(a.exploitation) | set(b.exploitation), EXPLOITATION),
        via=sorted(set(a.via) | set(b.via)),
        years=sorted(set(a.years) | set(b.years)),
        documents=max(a.documents, b.documents),
        sentences=max(a.sentences, b.sentences),
        facts=max(a.facts, b.facts),
        hedged=a.hedged and b.hedged,
        evidence=evidence,
    )


def _flow_rows(
    store: Store,
    q: Question,
    origin: str | None = None,
    destination: str | None = None,
    via: str | None = None,
    country: str | None = None,
    exploitation: bool = True,
) -> list[FlowRow]:
    """Flows that fit the question: any of its victim groups, any of its kinds of exploitation. When no
    statement names the victims asked about, flows whose statements name no victims at all (which say
    nothing against them: "workers from Ethiopia")."""
    kinds: list[tuple[str, ...]] = [(e,) for e in q.exploitation] if exploitation and q.exploitation else [()]

    def collect(options: list[tuple[str, ...]]) -> dict[tuple[str, str], FlowRow]:
        merged: dict[tuple[str, str], FlowRow] = {}
        for victims in options:
            for kind in kinds:
                for row in query.flows(
                    store,
                    origin=origin,
                    destination=destination,
                    via=via,
                    country=country,
                    year=q.year,
                    years=q.years,
                    victims=victims,
                    exploitation=kind,
                    evidence=True,
                ):
                    if q.only and not q.only & set(row.years):
                        continue
                    if q.within and not _narrowed(q, row):
                        continue
                    key = (row.origin, row.destination)
                    merged[key] = _merge(merged[key], row) if key in merged else row
        return merged

    found = collect(_victim_options(q.victims))
    if not found and q.victims:
        found = {key: row for key, row in collect([()]).items() if not row.victims}
    return sorted(found.values(), key=lambda r: (-r.documents, -r.sentences, r.origin, r.destination))


def _narrowed(q: Question, row: FlowRow) -> bool:
    """Whether a flow's asked-for end lies in the region the question narrows to."""
    assert q.within is not None
    ends = {"destinations": [row.destination], "origins": [row.origin]}.get(
        q.within_end, [row.origin, row.destination]
    )
    return any(in_region(end, q.within) for end in ends)


def _sectors(store: Store, rows: Sequence[FlowRow]) -> list[str]:
    """Sectors the flows' statements name (they are kept on the facts, not the grouped rows)."""
    pairs = {(r.origin, r.destination) for r in rows}
    found: list[str] = []
    for origin in sorted({o for o, _ in pairs}):
        for fr in query.facts(store, fact_type="flow", country=origin):
            fact = fr.fact
            if (getattr(fact, "origin", None), getattr(fact, "destination", None)) in pairs:
                for sector in getattr(fact, "sectors", []) or []:
                    if sector not in found:
                        found.append(sector)
    return found
