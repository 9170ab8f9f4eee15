"""Clauses that point back to the people of a flow just stated and say more of them, with no place of
their own: "Nepali women are trafficked to India for sexual exploitation; some are also subjected to
forced labor", "... Many of these girls are forced into prostitution", "children are trafficked
within the country - girls for sexual exploitation; boys for begging". What they say is added to
those flows (in the same sentence), or restated with them (a sentence later)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.flows.triggers import is_victimization
from tipkb.extract.flows.victims import exploitation_in, merge, sectors_in, victims_in, with_sector_labor
from tipkb.extract.flows.words import CONNECTIVES, COUNT_COPULA, PRONOUN_SUBJECTS, SHARE_NOUNS, SHARE_VERBS
from tipkb.model import FlowFact

if TYPE_CHECKING:
    from tipkb.extract.memory import Memory

# The groups a group of victims is made of ("girls trafficked for ...; boys ...": the children's).
SUBGROUPS = {"children": {"girls", "boys"}}


def _opening(low: list[str], start: int, end: int) -> int:
    """Where a clause starts after any connective ("Nevertheless, some ...")."""
    while start < end and low[start] in CONNECTIVES:
        start += 1
    return start


def pointer(view: View, start: int, end: int) -> str | None:
    """How the clause opens (after any connective): with people that point back ("some", "they",
    "many of them", "some of these women": "pointer"), with a part of a group ("girls", "both boys
    and girls": "part"), or neither (None)."""
    low = view.low
    k = _opening(low, start, end)
    if k >= end:
        return None
    if low[k] in PRONOUN_SUBJECTS:
        if k + 1 < end and low[k + 1] == "of":
            k += 2  # "many of them", "some of these women"
            if k < end and low[k] == "them":
                return "pointer"
        elif k + 1 < end and low[k + 1] in view.vocab.people:
            return None  # "some victims", "many girls": a group of their own
        else:
            return "pointer"
    if k + 1 < end and low[k] in ("these", "those"):
        return "pointer" if low[k + 1] in view.vocab.people else None
    if k < end and low[k] == "both":
        k += 1
    hit = view.vocab.victims.match_at(low, k, end)
    if hit is not None and hit[0] < end and low[hit[0]] == "from":
        return None  # "..., and girls from the northern regions are sold into marriage": people of their own
    return "part" if hit is not None and any(hit[1] in g for g in SUBGROUPS.values()) else None


def follow_up(view: View, memory: Memory, start: int, end: int, rule: str) -> list[FlowFact] | None:
    """The flows a clause with no place of its own says more of, by pointing back to their people: the
    flows of the clause before (in this sentence, or a sentence before with at most one between), with
    this clause's purposes and sectors added (and its victims, where it names a part of theirs). None
    when the clause does not point back so."""
    stated = memory.flows.stated
    same = stated.at == view.sent.start
    if not stated.flows or not (same or 0 < memory.sentence_no - stated.no <= 2):
        return None
    how = pointer(view, start, end)
    if how is None or (how == "part" and not same):
        return None
    own_victims = victims_in(view, start, end)
    sectors = sectors_in(view, start, end)
    exploitation = with_sector_labor(exploitation_in(view, start, end), sectors)
    if how == "part" and not all(
        any(v == g or v in SUBGROUPS.get(g, ()) for f in stated.flows for g in f.victims) for v in own_victims
    ):
        return None  # "girls ...; boys ...": parts of the children of the flow before, not new people
    if not exploitation and not own_victims:
        return []
    out = []
    for f in stated.flows:
        victims = f.victims
        if own_victims and how == "part":
            victims = tuple(
                v for v in ("men", "women", "children", "girls", "boys") if v in {*f.victims, *own_victims}
            )
        elif own_victims and (not f.victims or set(own_victims) <= set(f.victims)):
            victims = own_victims if not same else f.victims  # "Many of these girls": the girls
        out.append(
            replace(
                f,
                year=f.year if same else view.year_until(end),
                evidence=f.evidence if same else view.evidence(),
                hedged=f.hedged if same else view.hedged_until(end),
                rule=f.rule if same else rule,
                victims=victims,
                exploitation=merge(f.exploitation, exploitation),
                sectors=merge(f.sectors, sectors),
            )
        )
    return out


def points_back(view: View, memory: Memory, start: int, end: int) -> bool:
    """Does the clause open (after any connective) with people that point back to the places waiting
    from a sentence before ("some", "they", "many of these entertainers"), no more than one sentence
    between?"""
    pending = memory.flows.pending
    if pending is None or memory.sentence_no - memory.flows.pending_no > 2:
        return False
    low = view.low
    k = _opening(low, start, end)
    if k >= end:
        return False
    if low[k] in PRONOUN_SUBJECTS and not (k + 1 < end and low[k + 1] == "of"):
        return True
    if low[k : k + 2] in (["a", "number"], ["a", "few"], ["a", "majority"], ["the", "majority"]) and (
        low[k + 2 : k + 3] == ["of"]
    ):
        k += 1  # "A number of them are subjected to forced labor": as "many of them"
    if (
        k + 1 < end
        and (low[k] in PRONOUN_SUBJECTS or low[k] in ("number", "few", "majority"))
        and low[k + 1] == "of"
    ):
        k += 2  # "many of these entertainers", "many of them"
        if k < end and low[k] == "them":
            return True
    if k + 1 < end and low[k] in ("these", "those"):
        noun = low[k + 1]
        return noun in view.vocab.people or noun in pending.words
    return False


def part_of_people_before(view: View, start: int, end: int) -> bool:
    """Does the clause open with some of the people before ("and some women are ...", "and many are")?"""
    low = view.low
    k = start + (start < end and low[start] in ("and", "but", ",", ";"))
    return k + 1 < end and low[k] in ("some", "many", "most", "several") and low[k + 1] not in ("of",)


def most_were_people_of_a_place(view: View, k: int, end: int) -> bool:
    """'(Police identified 60 victims.) Most were women from Paraguay', 'many were Nigerian girls':
    a part of the victims just spoken of, said to be people of a place."""
    low = view.low
    if k + 2 >= end or low[k] not in PRONOUN_SUBJECTS or low[k] == "they" or low[k + 1] not in COUNT_COPULA:
        return False
    people = next((m for m in range(k + 2, min(end, k + 5)) if low[m] in view.vocab.people), None)
    return people is not None and any(
        (q.kind == "demonym" and k + 2 <= q.i < people) or (q.i == people + 2 and low[people + 1] == "from")
        for q in view.places
    )


def share_of_victims(view: View, memory: Memory, start: int, end: int) -> bool:
    """'Nigerian women made up most victims; Eastern European women constituted the next largest
    group': people of a place said to make up a share of the victims just spoken of (in the clause or
    sentence before)."""
    low = view.low
    k = start + (low[start] in ("and", "but", ",", ";"))
    if most_were_people_of_a_place(view, k, end):
        return is_victimization(view, 0, start) or memory.flows.said.at == memory.flows.previous >= 0
    if not any(q.i == k and q.kind in ("demonym", "region") for q in view.places):
        return False
    verb = next((n for n in range(k + 1, min(end, k + 5)) if low[n] in SHARE_VERBS), None)
    if verb is None or not any(w in view.vocab.people for w in low[k:verb]):
        return False
    if not set(low[verb + 1 : min(end, verb + 6)]) & SHARE_NOUNS:
        return False
    return is_victimization(view, 0, start) or memory.flows.said.at == memory.flows.previous >= 0


# "these conditions", "such practices": what was done to the people of a flow just stated
CONDITION_POINTERS = frozenset(["these", "those", "such", "this"])
CONDITION_NOUNS = frozenset(
    ["conditions", "condition", "practices", "practice", "treatment", "abuses", "situation", "situations"]
)
# "described these conditions as forced labor", "such practices amount to forced labor"
NAMING_WORDS = frozenset(["as", "amount", "amounts", "amounted", "constitute", "constitutes", "constituted"])


def conditions_named(view: View, memory: Memory, rule: str) -> list[FlowFact]:
    """'Workers are sent abroad to A and B ... Interviewees described these conditions as forced labor':
    a sentence with no place of its own that names as a form of exploitation the conditions it points
    back to gives that form to the flows stated a sentence or two before that named none, restated with
    it."""
    low = view.low
    stated = memory.flows.stated
    if view.places or not stated.flows or not 0 < memory.sentence_no - stated.no <= 2:
        return []
    at = next(
        (
            n + 2
            for n in range(len(low) - 2)
            if low[n] in CONDITION_POINTERS and low[n + 1] in CONDITION_NOUNS and low[n + 2] in NAMING_WORDS
        ),
        None,
    )
    if at is None:
        return []
    exploitation = exploitation_in(view, at, len(low))
    if not exploitation:
        return []
    return [
        replace(
            f,
            year=view.year_until(len(low)),
            evidence=view.evidence(),
            hedged=view.hedged_until(len(low)),
            rule=rule,
            exploitation=exploitation,
        )
        for f in stated.flows
        if not f.exploitation
    ]
