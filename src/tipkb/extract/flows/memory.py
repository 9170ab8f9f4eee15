"""What flows keep from sentence to sentence within a document, and what they take from it: the
victims and purposes of the last sentence about trafficking ("some are taken ... for the same
purposes"), places waiting for a "some"/"they" clause, the origins a sentence named ("some of these
women"), and what the last role frame said of each role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.flows.frames import role_phrase_spans
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.triggers import is_victimization
from tipkb.extract.flows.victims import exploitation_in, victims_in
from tipkb.extract.flows.words import ABOUT_TRAFFICKING, PRONOUN_SUBJECTS
from tipkb.model import FlowFact

if TYPE_CHECKING:  # tipkb.extract.memory holds a FlowMemory
    from tipkb.extract.memory import Memory


@dataclass(slots=True)
class Said:
    """The last sentence that spoke of victims or gave flows (its start offset), with its victims and
    purposes: for a list that goes on from it ("Primary destination countries include ...") and for
    "some", "they", "for the same purposes"."""

    at: int = -1
    victims: tuple[str, ...] = ()
    exploitation: tuple[str, ...] = ()


@dataclass(slots=True)
class Named:
    """The origins a sentence named for its flows, their destinations and victims, for a next sentence
    about "some of these women" ("Women from A and B are trafficked to C. Some of these women are
    trafficked onward to D.")."""

    at: int = -1
    origins: tuple[str, ...] = ()
    dests: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()


@dataclass(slots=True)
class Frame:
    """What the last role frame said of each role ("X is a source country for women trafficked for
    sexual exploitation": origin -> (victims, exploitation)), for flows of the frame's country with no
    purpose of their own in that sentence or the next."""

    country: str | None = None
    said: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None
    at: int = -1


@dataclass(slots=True)
class Stated:
    """The flows the last clause that gave any stated (and the start offset of its sentence), for a
    clause that points back to their people with no place of its own ("; some are also subjected to
    forced labor", "Many of these girls are forced into prostitution")."""

    at: int = -1
    flows: tuple[FlowFact, ...] = ()
    no: int = -99  # the number of the sentence they are from (Memory.sentence_no)


@dataclass(slots=True)
class FlowMemory:
    """Per-document state of the flow rules (``Memory.flows``)."""

    previous: int = -1  # the start offset of the sentence before
    said: Said = field(default_factory=Said)
    # Places named by a clause that said nothing of exploitation ("Women from A and B migrate to C"),
    # for a next clause about "some" or "they" ("; some are subjected to forced labor").
    pending: Parts | None = None
    pending_at: int = -1
    pending_no: int = -99  # the number of the sentence they are from (Memory.sentence_no)
    named: Named = field(default_factory=Named)
    frame: Frame = field(default_factory=Frame)
    stated: Stated = field(default_factory=Stated)


def remember_named(
    view: View, memory: Memory, origins: list[str], dests: list[str], victims: tuple[str, ...]
) -> None:
    """Keep the origins this sentence names (with their destinations and victims) for the next one."""
    if memory.flows.named.at != view.sent.start:
        memory.flows.named.at = view.sent.start
        memory.flows.named.origins, memory.flows.named.dests, memory.flows.named.victims = (), (), ()
    memory.flows.named.origins += tuple(o for o in origins if o not in memory.flows.named.origins)
    memory.flows.named.dests += tuple(d for d in dests if d not in memory.flows.named.dests)
    memory.flows.named.victims += tuple(v for v in victims if v not in memory.flows.named.victims)


def refers_to_named_victims(view: View, memory: Memory, k: int, end: int) -> bool:
    """Does the clause open with 'these women', 'some of these victims', 'many of those girls', people
    the sentence just before named with their origins? A group (women, girls) must be one of theirs."""
    same_sentence = memory.flows.named.at == view.sent.start
    if not same_sentence and (memory.flows.named.at != memory.flows.previous or memory.flows.named.at < 0):
        return False
    low = view.low
    n = k
    if n + 1 < end and low[n] in PRONOUN_SUBJECTS and low[n + 1] == "of":
        n += 2
    if same_sentence and n < end and low[n] == "them" and n > k:
        return True  # "Women from A and B are exploited in C; some of them were first exploited in D"
    if n + 1 >= end or low[n] not in ("these", "those"):
        return False
    n += 1
    if low[n] not in view.vocab.people:
        return False
    hit = view.vocab.victims.match_at(low, n, end)
    if hit is None:
        return low[n] in ("victims", "people", "persons", "individuals")
    return hit[1] in memory.flows.named.victims


def remember_frame(view: View, memory: Memory, parts: Parts, start: int, end: int) -> None:
    """Keep what a role frame says of the victims and purposes of each of its roles."""
    spans, later = role_phrase_spans(view, start, end)
    said: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for roles, (a, b) in zip((parts.frame_roles, later), spans or ((start, end),), strict=False):
        for role in roles:
            said.setdefault(role, (victims_in(view, a, b), exploitation_in(view, a, b)))
    memory.flows.frame.country, memory.flows.frame.said, memory.flows.frame.at = (
        parts.frame,
        said,
        view.sent.start,
    )


def from_frame(
    view: View, memory: Memory, origin: str, dest: str, victims: tuple[str, ...], leans: bool
) -> tuple[str, ...]:
    """The purposes a role frame gave for victims like these, for a flow of the frame's country that
    names none of its own: a frame earlier in the sentence ("X is a source country for women trafficked
    for sexual exploitation; X women are trafficked to A"), or in the sentence before when the flow
    takes the frame's country from it ("... Women were trafficked from A and B": to X)."""
    if memory.flows.frame.said is None:
        return ()
    if memory.flows.frame.at != view.sent.start and not (
        leans and memory.flows.frame.at == memory.flows.previous
    ):
        return ()
    role = (
        "origin"
        if origin == memory.flows.frame.country
        else "destination"
        if dest == memory.flows.frame.country
        else None
    )
    if role is None or role not in memory.flows.frame.said:
        return ()
    frame_victims, exploitation = memory.flows.frame.said[role]
    if not victims or not set(victims) <= set(frame_victims):
        return ()
    return exploitation


def about_trafficking_near(view: View, memory: Memory, start: int, end: int) -> bool:
    """Is a list of places said in talk of trafficking: the clause names it, or the clause or sentence
    before it is about victims ("Ukraine is a source country for women trafficked ... Primary
    destination countries include ...")?"""
    if set(view.low[start:end]) & ABOUT_TRAFFICKING:
        return True
    return memory.flows.said.at == memory.flows.previous >= 0 or is_victimization(view, 0, start)
