"""Victims counted by nationality: a count of victims split by where they come from ("Of these, 55 were
Filipino, 19 Kenyan and 11 Nepali nationals, and the remainder came from Bangladesh"; "30 were foreign
nationals, primarily from the Philippines and Thailand"; "the foreign victims came from Albania and
Serbia"). Each nationality is a flow to the country the victims were found in (FACTS.md: victims
identified in Norway who originated in Nigeria are NGA to NOR), with no victims or purposes of its own:
the parts are people of a count, not the flow's victim groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import Place, View
from tipkb.extract.flows.words import COUNT_COPULA
from tipkb.model import FlowFact

if TYPE_CHECKING:
    from tipkb.extract.memory import Memory

PATTERN = "victims-by-nationality"
# "55 were Filipino ... nationals", "35 were Kosovo citizens": the people a nationality names
_NATIONALS = frozenset(["nationals", "national", "citizens", "citizen"])
# "the remainder came from A", "the foreign victims came from A", "foreign nationals, primarily from A"
_CAME = frozenset(["came", "come", "originated", "were"])
_LIST_GLUE = frozenset([",", "and", "or", "the", "primarily", "mainly", "mostly", "chiefly", "largely"])
_PARTITIVE = (["of", "these"], ["of", "them"], ["of", "those"], ["of", "the"])


def about_counted_victims(view: View, memory: Memory) -> bool:
    """Is the sentence a breakdown of a count of victims: it counts victims itself ("identified 66
    victims in 2021; 36 were ..."), or opens with "Of these," / "Of the 41 victims," after a sentence
    about victims?"""
    low = view.low
    counted = any(
        w in ("victims", "victim", "survivors") and n > 0 and view.number_at(n - 1) is not None
        for n, w in enumerate(low)
    )
    partitive = low[:2] in _PARTITIVE and (
        "victims" in low[:8] or memory.flows.said.at == memory.flows.previous >= 0
    )
    return counted or partitive


def origins_counted(view: View) -> list[Place]:
    """The places a breakdown names as where counted people come from: a demonym after a count ("55
    were Filipino", "19 Kenyan", "35 were Kosovo citizens") and the places after "came from" or after
    "nationals, primarily from"."""
    low = view.low
    out: list[Place] = []
    for p in view.places:
        if p.kind not in ("demonym", "country"):
            continue
        k = p.i - 1
        if k >= 0 and low[k] in COUNT_COPULA:
            k -= 1
        counted = k >= 0 and view.number_at(k) is not None and not view.year_at(k)
        if p.kind == "country":  # "35 were Kosovo citizens": a country's name as a nationality
            counted = counted and p.j < len(low) and low[p.j] in _NATIONALS
        elif p.j < len(low) and low[p.j] not in _NATIONALS and low[p.j] not in (",", "and", ";", ".", "or"):
            counted = False  # "55 were Filipino women" is read by the clause rules (its people named)
        if counted or _after_came_from(view, p):
            out.append(p)
    return out


def _after_came_from(view: View, p: Place) -> bool:
    """Is the place at p in the list after "came from" or "nationals, primarily from"?"""
    low = view.low
    ends = {q.j: q.i for q in view.places}
    m = p.i - 1
    while m >= 0:  # back over the list the place stands in ("from A, B, and C")
        if low[m] in _LIST_GLUE:
            m -= 1
        elif m + 1 in ends:
            m = ends[m + 1] - 1
        else:
            break
    if m < 1 or low[m] != "from":
        return False
    lead = low[max(0, m - 4) : m]
    return bool(set(lead) & _CAME) or bool(set(lead) & _NATIONALS)


def extract(view: View, memory: Memory, rule: str, taken: set[tuple[str, str]]) -> list[FlowFact]:
    """The flows of a breakdown of counted victims by nationality, beside those the sentence's clauses
    gave (``taken``: their origin and destination)."""
    home = view.ctx.subject
    if not home or not about_counted_victims(view, memory):
        return []
    facts: list[FlowFact] = []
    for p in origins_counted(view):
        if (p.code, home) in taken or any(f.origin == p.code for f in facts):
            continue
        facts.append(
            FlowFact(
                doc=view.ctx.doc,
                year=view.year_until(p.j),
                evidence=view.evidence(),
                hedged=view.hedged_until(p.j),
                rule=f"{rule}:{PATTERN}",
                section=view.ctx.section,
                origin=p.code,
                destination=home,
                via=(),
                victims=(),
                exploitation=(),
                sectors=(),
            )
        )
    return facts
