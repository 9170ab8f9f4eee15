"""Where the people of a clause end up: the destinations a clause's words keep or drop (a region that
only says where its countries are, the buyers' or husbands' place, people who stay home, a place they
were only heading to, exploitation stated for another place), and people the clause names of its own.
"""

from __future__ import annotations

from tipkb.extract.common import Place, View
from tipkb.extract.flows.lists import (
    cue_at,
)
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.places import spouses_or_buyers
from tipkb.extract.flows.victims import (
    exploitation_in,
    sectors_in,
    victims_in,
)
from tipkb.extract.flows.words import (
    ELSEWHERE,
    GOING_ABROAD,
    MIGRATING,
    QUANTIFIERS,
    TRIGGERS,
)
from tipkb.places import region_of
from tipkb.vocab import contract


def within_named_region(view: View, parts: Parts, dests: list[str]) -> list[str]:
    """'women who migrate for work to the Middle East ... face domestic servitude in Saudi Arabia, Kuwait
    and Lebanon': the region people migrate to, before countries of another list of the clause that lie
    in it, is no destination of its own: they are."""
    at = {code: (cue, i) for cue, i, code in parts.dest_at}
    out = []
    for d in dests:
        cue, i = at.get(d, (-1, -1))
        if d.startswith("region:") and cue >= 0 and set(view.low[max(0, cue - 4) : cue]) & MIGRATING:
            region = d.removeprefix("region:")
            homes = [  # countries of a list of their own, after the region's ("to A, B, Western Europe, C": one list)
                region_of(c)
                for c, (cue2, i2) in at.items()
                if i2 > i and cue2 != cue and not c.startswith("region:")
            ]
            if any(h is not None and contract().region_within(h, region) for h in homes):
                continue
        out.append(d)
    return out


def buyers_from(view: View, p: Place, places: list[Place], start: int) -> bool:
    """Is the place where the husbands or buyers come from ("sold into marriages to men from X")?"""
    cue = cue_at(view, p, places, start)
    return cue > start and view.low[cue] == "from" and spouses_or_buyers(view, start, cue)


def stays_home(view: View, start: int, end: int, parts: Parts, rule: str) -> bool:
    """'Fijian children are exploited in commercial sex by family members': the subject's own people,
    named so, exploited with no place named for it and no word of going abroad, are exploited at home."""
    subject = view.ctx.subject
    if not subject or not parts.origins or any(o != subject for o in parts.origins) or parts.via:
        return False
    if rule.endswith((":word.victims", ":role-list", ":share-of-victims", ":trafficking-of")):
        return False
    places = view.places_in(start, end)
    buyers = [q for q in places if q.code != subject and buyers_from(view, q, places, start)]
    if any(q.code != subject and q not in buyers for q in places):
        return False  # another place named, even in an aside ("(e.g., Russia)")
    # the people open the clause ("Some Fijian children are ..."), not "tactics used to compel X victims"
    k = start + (view.low[start] in ("and", "but", ",", ";"))
    while k < end and view.low[k] in QUANTIFIERS:
        k += 1
    if not any(q.i == k and q.kind == "demonym" for q in view.places):
        return False
    # "... to men from Saudi Arabia and other Gulf countries": the buyers' places say no going abroad
    cut = cue_at(view, buyers[0], places, start) if buyers else end
    words = set(view.low[start:cut]) | set(view.low[max(q.j for q in buyers) : end] if buyers else ())
    return not words & (ELSEWHERE | GOING_ABROAD) and bool(exploitation_in(view, start, end))


def exploited_on_the_way(view: View, parts: Parts, start: int, end: int) -> bool:
    """Are the clause's only destinations where people were heading ("toward Iran and Turkey") and the
    exploitation said to happen on the way ("exploited in forced labor en route"): no destination of it."""
    low = view.low
    if parts.span[0] != view.sent.start:
        return False  # places waiting from a sentence before: their cues are that sentence's words
    heading = bool(parts.dest_at) and all(
        0 <= cue < len(low) and low[cue] in ("toward", "towards") for cue, _, _ in parts.dest_at
    )
    words = " ".join(low[start:end])
    return heading and any(
        w in words for w in ("en route", "along the way", "on the way", "during the journey")
    )


def only_heading_to(view: View, dest: str, start: int, end: int) -> bool:
    """Is the destination only where people were heading ("migrants who transit A en route to B are
    ...", "travelling through A towards B, they were subjected to ..."), named before the clause says
    anything of trafficking: the exploitation the clause names is not said to happen there."""
    low = view.low
    places = view.places_in(start, end)
    for p in places:
        if p.code != dest:
            continue
        cue = cue_at(view, p, places, start)
        if cue < start:
            return False
        heading = low[cue] in ("toward", "towards") or (
            low[cue] == "to" and cue > start and low[cue - 1] in ("route", "way")
        )
        # "en route to B, where some are trafficked into prostitution": the purpose is said of B
        after = low[p.j : p.j + 3]
        if (
            not heading
            or "where" in after
            or (p.j < end and low[p.j] in ("and", "or", ",") and "where" in low[p.j : end])
        ):
            return False
        if any(w in TRIGGERS or w == "forced" for w in low[start:cue]):
            return False
        said = next((k for k in range(p.j, end) if low[k] in TRIGGERS or low[k] == "forced"), end)
        return exploited_elsewhere(view, p, said, end)
    return False


def exploited_elsewhere(view: View, p: Place, said: int, end: int) -> bool:
    """Does the clause say, after the word of trafficking at said, where people were exploited, other
    than at p ("exploited ... in camps near the border", "along the migrant route in A")?"""
    low = view.low
    starts = {q.i for q in view.places_in(said, end) if q.code != p.code}
    for k in range(said, end - 1):
        if low[k] not in ("in", "along", "near", "at", "inside", "within"):
            continue
        nxt = k + 2 if low[k + 1] == "the" else k + 1
        if nxt in starts or (nxt < end and low[nxt] in ("camps", "camp", "border")):
            return True
    return False


def people_of_their_own(view: View, k: int, end: int) -> bool:
    """'Some of the estimated two million foreign workers': a partitive of people the clause names
    itself (not 'some of them', 'many of these women': the people said before)."""
    low = view.low
    if low[k : k + 2] != ["of", "the"]:
        return False
    for m in range(k + 2, min(end, k + 8)):
        if low[m] in view.vocab.people:
            return True
        if low[m] in (",", ";", ":", "who", "that", "are", "were", "is", "was", "have", "had"):
            return False
    return False


def others_at_work(
    view: View, dest: str, dest_windows: dict[str, tuple[int, int]], people: tuple[str, ...]
) -> bool:
    """Do the sectors of the clause lie in other destinations' windows, each naming other people of its
    own ("..., and Chilean men in mining in Peru")?"""
    if not people:
        return False
    mine = dest_windows[dest]
    working = [w for d, w in dest_windows.items() if w != mine and sectors_in(view, *w)]
    return bool(working) and all(
        (theirs := victims_in(view, *w)) and not set(theirs) & set(people) for w in working
    )
