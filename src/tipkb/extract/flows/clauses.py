"""A sentence's flows, clause by clause: each clause's ends, victims and purposes made into facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.flows import breakdown
from tipkb.extract.flows.facts import clause_flows
from tipkb.extract.flows.followups import (
    conditions_named,
    follow_up,
    part_of_people_before,
    points_back,
    share_of_victims,
)
from tipkb.extract.flows.memory import (
    about_trafficking_near,
    refers_to_named_victims,
    remember_frame,
)
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.places import parts_of
from tipkb.extract.flows.provenance import says_internal
from tipkb.extract.flows.triggers import (
    defines_trafficking,
    is_victimization,
    trigger,
)
from tipkb.extract.flows.victims import (
    exploitation_in,
    merge,
    sectors_in,
    victims_in,
    with_sector_labor,
)
from tipkb.extract.flows.words import (
    HEADLINE_PREPS,
    HEADLINE_VERBS,
    NEUTRAL_PEOPLE,
    NOT_A_STATEMENT,
)
from tipkb.model import FlowFact

RULE = "flows.v2"

if TYPE_CHECKING:
    from tipkb.extract.memory import Memory


def extract(view: View, memory: Memory) -> list[FlowFact]:
    """The flows a sentence states, clause by clause."""
    if view.sent.heading:
        return headline(view)
    facts: list[FlowFact] = []
    before = 0  # the facts of the clauses before this one
    internal = False
    scope = within_scope(view)
    for start, end in (part for span in view.clauses() for part in second_role_phrases(view, *span)):
        clause_facts, internal = clause(view, memory, start, end, internal)
        if not clause_facts and scope is not None and start > 0 and in_scope(view, facts, scope, start, end):
            continue
        some = part_of_people_before(view, start, end)
        for fact in clause_facts:
            # A clause that says more of a flow of this sentence ("; some are also ...") replaces it
            # (follow_up gives it that flow's evidence).
            at = next(
                (
                    n
                    for n, f in enumerate(facts[:before])
                    if f.evidence is fact.evidence and f.key() == fact.key()
                ),
                None,
            )
            # "..., and some women are sent to B through fraudulent marriages": some of the same people,
            # to the same place, for one more purpose
            same = next(
                (
                    f
                    for f in facts[:before]
                    if some and f.key() == fact.key() and set(fact.victims) <= set(f.victims)
                ),
                None,
            )
            if same is not None:
                same.exploitation = merge(same.exploitation, fact.exploitation)
                same.sectors = merge(same.sectors, fact.sectors)
            elif at is None:
                facts.append(fact)
            else:
                facts[at] = fact
        if clause_facts:
            memory.flows.stated.at, memory.flows.stated.flows = view.sent.start, tuple(clause_facts)
            memory.flows.stated.no = memory.sentence_no
        before = len(facts)
    if not facts:  # "... Interviewees described these conditions as forced labor."
        facts = conditions_named(view, memory, f"{RULE}:conditions-named")
    # "Of these, 55 were Filipino and 19 Kenyan nationals": victims counted by nationality
    facts += breakdown.extract(view, memory, RULE, {(f.origin, f.destination) for f in facts})
    memory.flows.previous = view.sent.start
    # What this sentence says about victims and purposes, for "some are taken ... for the same purposes".
    if is_victimization(view, 0, len(view.low)) or facts:
        memory.flows.said.at = view.sent.start
        # "Most labor migrants travel ...": people of its own, of no sex or age, replace those before
        said = victims_in(view, 0, len(view.low))
        memory.flows.said.victims = said or (() if names_people(view) else memory.flows.said.victims)
        whole = with_sector_labor(exploitation_in(view, 0, len(view.low)), sectors_in(view, 0, len(view.low)))
        memory.flows.said.exploitation = whole or memory.flows.said.exploitation
    return facts


def only_tourism_context(view: View, start: int, end: int) -> bool:
    """'Children are exploited in commercial sex ..., often in connection with tourism': tourism as the
    setting of the exploitation the clause states, not sex tourism by tourists (whose places are no
    victims' places); the clause's other words of that kind still stop it."""
    low = view.low
    hits = [n for n in range(start, end) if low[n] in NOT_A_STATEMENT]
    return bool(hits) and all(
        low[n] == "tourism" and n > start and low[n - 1] in ("with", "to") and low[n - 2] != "sex"
        for n in hits
    )


def went_for_domestic_work(view: View, start: int, end: int) -> bool:
    """Does the clause name domestic work only as the job people went for or were hired for ('migrate
    legally to work as domestic servants'), not as what was done to them?"""
    named = {v for _, _, v in view.vocab.exploitation.find(view.low, start, end)}
    return named == {"domestic_servitude"} and not exploitation_in(view, start, end)


def names_people(view: View) -> bool:
    """Does the sentence name people of its own ('labor migrants', 'foreign workers'), not only point
    back to people said before ('some of them', 'these victims')?"""
    low = view.low
    return any(
        w in view.vocab.people
        and w not in NEUTRAL_PEOPLE
        and (n == 0 or low[n - 1] not in ("these", "those"))
        for n, w in enumerate(low)
    )


def within_scope(view: View) -> str | None:
    """'Within X, ...': the country every clause of the sentence speaks of."""
    low = view.low
    if not low or low[0] != "within":
        return None
    p = next((q for q in view.places if q.i == 1), None)
    if p is None or p.kind != "country" or p.j >= len(low) or low[p.j] != ",":
        return None
    return p.code


def in_scope(view: View, facts: list[FlowFact], scope: str, start: int, end: int) -> bool:
    """'Within X, women are subjected to forced labor, and girls are exploited in commercial sex': a
    later clause about victims that names no place of its own says more of the sentence's flow inside
    X (its people and purposes join that flow); a contrast ('while boys are ...') is a flow of its own."""
    k = start + (view.low[start] == ",")
    if view.low[k] != "and":
        return False
    fact = next((f for f in facts if f.origin == scope and f.destination == scope), None)
    if fact is None or view.places_in(start, end) or trigger(view, start, end) is None:
        return False
    victims = victims_in(view, start, end)
    exploitation = with_sector_labor(exploitation_in(view, start, end), sectors_in(view, start, end))
    if not (victims or exploitation):
        return False
    fact.victims = merge(fact.victims, victims)
    fact.exploitation = merge(fact.exploitation, exploitation)
    fact.sectors = merge(fact.sectors, sectors_in(view, start, end))
    return True


def second_role_phrases(view: View, start: int, end: int) -> list[tuple[int, int]]:
    """'X is a transit country for traffickers moving children from A to B, and is a destination for
    children from C': the clause that leaves out its subject and gives it another role is a clause of
    its own (its places play their part for the subject, not for the first clause's)."""
    low = view.low
    roles = view.vocab.roles
    cuts = [start]
    for n in range(start + 2, end - 3):
        if low[n] != "and" or low[n - 1] != ",":
            continue
        m = n + 1
        # "..., and the country also serves as a transit point for ...", "..., and it is also a ..."
        if low[m : m + 2] == ["the", "country"]:
            m += 2
        elif low[m] == "it":
            m += 1
        if m < end and low[m] == "also":
            m += 1
        if m >= end or low[m] not in (
            "is",
            "was",
            "remains",
            "remained",
            "serves",
            "served",
            "acts",
            "acted",
        ):
            continue
        m += 1 + (m + 1 < end and low[m] in ("serves", "served", "acts", "acted") and low[m + 1] == "as")
        if m < end and low[m] == "also":
            m += 1
        if m + 1 < end and low[m] in ("a", "an") and low[m + 1] in roles:
            cuts.append(n)
    cuts.append(end)
    return list(zip(cuts, cuts[1:], strict=False))


def headline(view: View) -> list[FlowFact]:
    """A headline read only in its plainest form: "<demonym> <people> Trafficked to <place>"
    ("Nepali Girls Trafficked to India Rescued")."""
    low = view.low
    at = {p.i: p for p in view.places}
    facts = []
    for p in view.places:
        if p.kind != "demonym" or p.j + 3 >= len(low) or low[p.j] not in view.vocab.people:
            continue
        verb = p.j + 1
        if low[verb] not in HEADLINE_VERBS or low[verb + 1] not in HEADLINE_PREPS:
            continue
        dest = at.get(verb + 2)
        if dest is None or dest.kind not in ("country", "region") or dest.code == p.code:
            continue
        facts.append(
            FlowFact(
                doc=view.ctx.doc,
                year=view.year(),
                evidence=view.evidence(),
                hedged=view.hedged,
                rule=f"{RULE}:headline",
                section=view.ctx.section,
                origin=p.code,
                destination=dest.code,
                via=(),
                victims=victims_in(view, p.j, p.j + 1),
                exploitation=(),
                sectors=(),
            )
        )
    return facts


def with_origins(
    parts: Parts,
    origins: tuple[str, ...] | list[str],
    via: list[str] | None = None,
    victims: tuple[str, ...] = (),
    words: frozenset[str] = frozenset(),
    en_route: bool | None = None,
) -> Parts:
    """This clause's destinations with the origins (and people) of people said before it."""
    return Parts(
        origins=list(origins),
        dests=parts.dests,
        onward=parts.onward,
        via=parts.via if via is None else via,
        local=parts.local,
        en_route=parts.en_route if en_route is None else en_route,
        dest_at=parts.dest_at,
        span=parts.span,
        victims=victims,
        words=words,
    )


def clause(view: View, memory: Memory, start: int, end: int, inherited: bool) -> tuple[list[FlowFact], bool]:
    """The flows of one clause, and whether it speaks of internal trafficking (for the next clause)."""
    low = view.low
    words = set(low[start:end])
    parts = parts_of(view, start, end)
    # A clause with no place of its own carries on an "internal" from the clause before it.
    internal = says_internal(view, start, end) or (
        inherited and not (parts.origins or parts.dests or parts.onward)
    )
    if (words & NOT_A_STATEMENT and not only_tourism_context(view, start, end)) or defines_trafficking(words):
        return [], internal
    gapped = start > 1 and low[start] in ("and", "but") and low[start - 1] == "," and bool(parts.dests)
    listed = (
        parts.listed is not None
        and bool(parts.origins or parts.dests)
        and about_trafficking_near(view, memory, start, end)
    )
    # The pattern the clause is about victims by: its own, the clause before it when this one only
    # gaps the verb (", and to B"), or a list of places said in talk of trafficking.
    pattern = (
        trigger(view, start, end)
        or (trigger(view, 0, start) if gapped else None)
        or ("role-list" if listed else None)
        or ("share-of-victims" if share_of_victims(view, memory, start, end) else None)
    )
    if pattern is None:
        if parts.origins or parts.dests or parts.onward:
            parts.victims = victims_in(view, start, end)
            parts.words = frozenset(low[start:end])
            parts.domestic_job = went_for_domestic_work(view, start, end)
            memory.flows.pending, memory.flows.pending_at = parts, view.sent.start
            memory.flows.pending_no = memory.sentence_no
        return [], internal
    named = parts.origins or parts.dests or parts.onward
    k = start + (low[start] in ("and", "but", ",", ";"))
    if not parts.origins and (parts.dests or parts.onward) and refers_to_named_victims(view, memory, k, end):
        # "Some of these women are trafficked onward to D": the origins named before
        via = parts.via + ([] if parts.dests else list(memory.flows.named.dests))
        parts = with_origins(parts, memory.flows.named.origins, via=via)
    # Places wait for a clause that points back to their people ("some", "they", "these entertainers"),
    # after a connective or not ("Nevertheless, some ..."), in the same sentence or the next two.
    pending = memory.flows.pending
    # "... migrate to Bahrain to work. Some of these workers face forced labor once in Bahrain": a
    # place of its own that is where the people before went names no new people
    again = (
        pending is not None
        and not parts.origins
        and bool(parts.dests)
        and set(parts.dests) <= set(pending.dests)
    )
    servants = False
    if (not named or again) and pending is not None and points_back(view, memory, start, end):
        parts = pending  # "...migrate to Jordan for work; some are subjected to forced labor"
        servants = pending.domestic_job
        if (
            not named
            and pending.en_route
            and pending.via
            and not pending.dests
            and exploitation_in(view, start, end)
            and not words
            & {"may", "might", "could", "can"}  # "some may be subjected to ...": on the way to B
        ):
            # "Migrants transit A en route to B; some of them were exploited in forced labor": where
            # they were when it happened, A, not where they were heading
            parts = with_origins(
                Parts(dests=list(pending.via), span=pending.span),
                pending.origins,
                via=[],
                victims=pending.victims,
                words=pending.words,
                en_route=False,
            )
    elif (
        pending is not None
        and pending.origins
        and not parts.origins
        and parts.dests
        and points_back(view, memory, start, end)
    ):
        # "Refugees from A and B are vulnerable to trafficking; some were exploited in C and D while
        # traveling to E": the people before, where this clause says they were exploited
        # "some were exploited": the people before; "some victims are ...": a neutral noun of its own
        victims = () if set(low[start : start + 4]) & NEUTRAL_PEOPLE else pending.victims
        # "... while traveling to E": where they were exploited, not a stop on the way
        parts = with_origins(parts, pending.origins, victims=victims, words=pending.words, en_route=False)
    elif not named and not parts.local and not says_internal(view, start, end):
        more = follow_up(view, memory, start, end, f"{RULE}:points-back")
        if more is not None:  # "...trafficked to India for sexual exploitation; some are also ..."
            memory.flows.pending = None
            return more, internal
    memory.flows.pending = None
    facts = clause_flows(view, memory, start, end, parts, internal, f"{RULE}:{pattern}")
    if servants and "servitude" in words and not words & {"labor", "labour"}:
        # "... migrate to work as domestic servants. Some of them are subjected to conditions of
        # involuntary servitude": the servitude of domestic servants is domestic servitude
        for fact in facts:
            if fact.exploitation == ("labor",):
                fact.exploitation = ("domestic_servitude",)
    if parts.frame and parts.span == (view.sent.start, start):
        remember_frame(view, memory, parts, start, end)
    return facts, internal
