"""Ends and places: the part each place of a clause plays, from the words that govern it."""

from __future__ import annotations

from tipkb.extract.common import Place, View, skip_aside
from tipkb.extract.flows.frames import frame_of
from tipkb.extract.flows.lists import (
    after_on_to,
    cue_at,
    cue_word,
    identified_in_destination,
    listed_first,
    region_locating_countries,
    region_named_by_countries,
    role_list,
)
from tipkb.extract.flows.local import names_local_place
from tipkb.extract.flows.nationality import (
    demonym_names_victims,
    finders_country,
    region_adjective_before_people,
)
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.victims import given_to_others
from tipkb.extract.flows.words import (
    BASED_IN,
    BOUND_FOR,
    CRIMES,
    DEST,
    DEST_CUES,
    DIRECTIONS,
    EXTENT_ADVERBS,
    GIVEN_TO,
    GLUE,
    HIRING,
    HUBS,
    JOB_NOUNS,
    LOCAL_WORDS,
    LURE_LEADS,
    LURE_VERBS,
    MOVING,
    NOT_VICTIMS,
    ORIGIN,
    ORIGIN_VERBS,
    PLACE_NOUNS,
    RETURN,
    SETTLEMENT_OF,
    TRIGGERS,
    VESSELS,
    VIA,
    VIA_CUES,
    WATERS,
)


def parts_of(view: View, start: int, end: int) -> Parts:
    parts = Parts(span=(view.sent.start, start))
    places = view.places_in(start, end)
    parts.frame, parts.frame_roles = frame_of(view, places, start, end)
    parts.listed = role_list(view, start, end)
    named_first = listed_first(view, places, start, end) if parts.listed is None else None
    if named_first is not None:
        parts.listed = (named_first[0], named_first[1] + 1)
        parts.named_first = True
    kinds: dict[int, str | None] = {}
    for p in places:
        if p.code.startswith("region:") and (
            region_named_by_countries(view, p, places) or region_locating_countries(view, p, places)
        ):
            kinds[p.i] = None
            continue
        kind = governing(view, p, places, kinds, start, parts.listed)
        if kind is None and named_first is not None and p.j <= named_first[1] and p.kind != "demonym":
            kind = named_first[0]  # "Nigeria and Togo are the main destinations"
        kinds[p.i] = kind
        if kind is None and p.i >= 2 and view.low[p.i - 1] == "in" and view.low[p.i - 2] in BASED_IN:
            parts.bases.add(p.code)
        if kind == ORIGIN:
            parts.origins.append(p.code)
            parts.origin_at.append((p.i, p.code))
        elif kind == DEST:
            onward = after_on_to(view, p, places, start) or after_to_and_through(
                view, p, places, kinds, start
            )
            if onward == "route" and parts.dests and other_peoples_route(view, p, start):
                kinds[p.i] = None
                continue
            (parts.onward if onward else parts.dests).append(p.code)
            if not onward:
                parts.dest_at.append((cue_at(view, p, places, start), p.i, p.code))
            possessive = p.j < len(view.low) and view.low[p.j] in ("'s", "’s")  # "into Thailand's cities"
            if not possessive and cue_word(view, p, places, start) in ("to", "into", "toward", "towards"):
                parts.entered.add(p.code)
            parts.en_route = parts.en_route or onward == "route"
        elif kind == VIA:
            parts.via.append(p.code)
    # "recruited for jobs in Jordan but instead trafficked to Iraq": where the jobs were promised is no
    # destination when the clause names where people were taken instead
    lured = [code for at, i, code in parts.dest_at if promised_there(view, at, start)]
    if lured and set(parts.dests + parts.onward) - set(lured) and "instead" in view.low[start:end]:
        parts.dests = [d for d in parts.dests if d not in lured]
        parts.dest_at = [t for t in parts.dest_at if t[2] not in lured]
    parts.local = names_local_place(view, start, end)
    there = taken_there(view, start, end)
    if there is not None:  # "married to men from the Middle East and taken there"
        last = next((q for q in reversed(places) if q.j <= there and q.kind != "demonym"), None)
        if last is not None and kinds.get(last.i) is None and last.code not in parts.dests:
            parts.dests.append(last.code)
    return parts


def other_peoples_route(view: View, p: Place, start: int) -> bool:
    """'a transit country for women traveling to A, where ..., and for migrants en route to B': the
    route of people of another role phrase ('and for ...'), not where this clause's people went on to."""
    low = view.low
    for k in range(p.i - 1, start + 1, -1):
        if low[k] == "for" and low[k - 1] == "and":
            return True
        if low[k] in ("where", "to", "for") and not (low[k] == "to" and low[k - 1] == "route"):
            return False
    return False


def promised_there(view: View, cue: int, start: int) -> bool:
    """Is the place whose cue ("in", "to") is at cue where jobs were promised or offered ("recruited for
    jobs in X", "promised work in X", "offers of employment in X")?"""
    low = view.low
    if cue < 1 or low[cue] not in ("in", "to") or low[cue - 1] not in JOB_NOUNS:
        return False
    lead = low[max(start, cue - 4) : cue - 1]
    return any(w in LURE_LEADS or w in LURE_VERBS or w in HIRING for w in lead)


def governing(
    view: View,
    p: Place,
    places: list[Place],
    kinds: dict[int, str | None],
    start: int,
    listed: tuple[str, int] | None = None,
) -> str | None:
    """The part a place plays, from the words to its left (across the list it stands in)."""
    low = view.low
    if p.kind == "demonym" and not (p.j < len(low) and low[p.j] in WATERS):
        if finders_country(view, p, places):
            return DEST  # "Mexican authorities identified 43 Guatemalan victims": found in Mexico
        return ORIGIN if demonym_names_victims(view, p) else None
    if p.kind == "region" and region_adjective_before_people(view, p):
        return ORIGIN  # "Mauritanian and West African boys"
    if where_people_end_up(view, p):
        return DEST
    if scene_of_crimes(view, p, start):
        return None
    starts = {q.j: q for q in places}
    k = p.i - 1
    budget = 12
    while k >= start and budget > 0:
        budget -= 1
        w = low[k]
        if listed is not None and k == listed[1] - 1:
            return listed[0]  # "Primary destination countries include A, B, and C"
        if k + 1 in starts and starts[k + 1].i <= k:
            prev = starts[k + 1]
            kind = kinds.get(prev.i)
            if prev.kind != "demonym" and kind is not None:
                return kind
            k = prev.i - 1
            continue
        if w == ")":  # "in A and B (including on farms), C": the aside is no part of the list
            opening = next((m for m in range(k - 1, max(start, k - 10) - 1, -1) if low[m] == "("), None)
            if opening is not None:
                k = opening - 1
                continue
        if w in GLUE or w in DIRECTIONS or (w == "in" and low[k + 1] == "particular"):  # "in particular"
            k -= 1
            continue
        if (
            w in ("region", "subregion", "sub-region", "continent")
            and k - 3 >= start
            and low[k - 1] == "the"
            and low[k - 2] in ("in", "of", "within")
            and low[k - 3] in ("countries", "nations", "states")
        ):
            k -= 3  # "from other countries in the region, including A and B": the list goes on
            continue
        if w in SETTLEMENT_OF and k + 1 < len(low) and low[k + 1] == "of":
            k -= 1  # "and the (East Asian) city of Macau": the list goes on
            while k >= start and k > p.i - 8 and view.toks[k][:1].isupper() and k + 1 not in starts:
                k -= 1
            continue
        if w in ("border", "borders", "borderlands") and any(
            x in ("on", "at", "along", "across", "to", "in") for x in low[max(start, k - 3) : k]
        ):
            return DEST  # "sold to brothels on the borders of A and B"
        if w in ("extent", "degree"):  # "from Sudan and, to a lesser extent, Pakistan"
            hit = next((m for m in range(k - 1, max(start, k - 4) - 1, -1) if low[m] == "to"), None)
            if hit is not None and view.vocab.extent.match_at(low, hit):
                k = hit - 1
                continue
        if w == "from":
            before = low[k - 1] if k > start else ""
            if before in RETURN or brought_home(view, start, k):
                return DEST
            if before in NOT_VICTIMS or spouses_or_buyers(view, start, k):
                return None
            return ORIGIN
        if w == "in" or w == "at":
            before = low[k - 1] if k > start else ""
            b = k - 1
            while b > start and low[b] in EXTENT_ADVERBS:  # "originated mostly in R"
                b -= 1
            if before in ORIGIN_VERBS or (b < k - 1 and low[b] in ORIGIN_VERBS):
                return ORIGIN
            if before in BASED_IN and not (b > start and low[b - 1] in VESSELS):
                return None  # "gangs based in Serbia": where traffickers are, not where victims go
            if (
                before in LOCAL_WORDS | {"village", "home", "hometown"}
                and "from" in low[max(start, k - 4) : k]
            ):
                return ORIGIN  # "from her village in Uzbekistan"
            if before == "persons" or (before == "trafficking" and k > 1 and low[k - 2] in ("human", "in")):
                return None
            return DEST
        if w == "to":
            # "returned to", "sent back to", "sent from A to B": home again. "Sent (people) to" alone
            # is where they are taken.
            before = low[k - 1] if k > start else ""
            if any(
                low[m] in RETURN and (low[m] != "sent" or low[m + 1] in ("back", "home", "from"))
                for m in range(max(start, k - 4), k)
            ):
                return None
            if before in ("according", "due", "prior", "compared", "addition", "accession", "admission"):
                return None
            if before in ("continuing", "proceeding") and "before" in low[max(start, k - 4) : k]:
                return None  # "... to repay their debts before continuing to Western Europe": the goal
            return DEST
        if w == "for" and k > start and low[k - 1] in BOUND_FOR:
            return DEST
        if w in DEST_CUES:
            return DEST
        if w in VIA_CUES:
            # "trafficked to and through Niger", "into and through X": there, and through it.
            if k - 2 >= start and low[k - 1] == "and" and low[k - 2] in ("to", "into"):
                return DEST
            return VIA
        if w in ("originated", "originating", "nationals", "citizens", "natives"):
            return ORIGIN
        if w == "included" or w == "include" or w == "includes":
            return ORIGIN if identified_in_destination(view, start, k) else None
        if w in ("sector", "sectors", "industry", "industries") and k > start and low[k - 1] != "of":
            # "in the agricultural sector of Greece", "in the construction, farming, and service sectors of X"
            for m in range(k - 1, max(start, k - 9) - 1, -1):
                if low[m] in ("in", "into", "to"):
                    return DEST
                if low[m] in ("from", "for", "by", "with", "of", ";"):
                    break
            return None
        return None
    return None


def to_and_through(view: View, p: Place, places: list[Place], start: int) -> bool:
    """Is the place's list hung from 'to and through' or 'into and through' ("trafficked to and
    through Niger")?"""
    low = view.low
    k = cue_at(view, p, places, start)
    return k - 2 >= start and low[k] in VIA_CUES and low[k - 1] == "and" and low[k - 2] in ("to", "into")


def after_to_and_through(
    view: View, p: Place, places: list[Place], kinds: dict[int, str | None], start: int
) -> str | None:
    """'trafficked to and through Niger to Libya': Libya is reached through Niger ("onward")."""
    if cue_word(view, p, places, start) not in ("to", "into"):
        return None
    before = [q for q in places if q.j <= p.i and kinds.get(q.i) == DEST]
    return "onward" if any(to_and_through(view, q, places, start) for q in before) else None


def brought_home(view: View, start: int, k: int) -> bool:
    """'the repatriation of 40 women from A', 'repatriated 12 victims from A': a word of bringing
    people home a few words before 'from' at k, with no verb of trafficking between (not 'rescued
    girls trafficked from A')."""
    low = view.low
    stop = max(start, k - 7)
    m = k - 1
    while m >= stop:
        w = low[m]
        # "repatriated 1,460 victims from abroad in 2016, most of them from A": past the partitive
        if w == "," and low[m + 1 : m + 3] in _PARTITIVE_LEADS and low[m + 3 : m + 4] in (["them"], ["whom"]):
            stop, m = max(start, m - 12), m - 1
            continue
        if w in (",", ";", ":", "(", ")", "and") or (w in TRIGGERS and w not in ("victims", "victim")):
            return False
        if w in MOVING:
            return False
        if w in RETURN and w not in ("sent", "back", "rescued", "escaped", "fled"):
            return True
        m -= 1
    return False


_PARTITIVE_LEADS = (
    ["most", "of"],
    ["many", "of"],
    ["some", "of"],
    ["all", "of"],
    ["half", "of"],
    ["several", "of"],
)


def where_people_end_up(view: View, p: Place) -> bool:
    """'X is singled out as a place where women are subjected to ...', 'X is the regional centre of a
    trafficking network that recruits women from A': X is where the people of the clause end up."""
    low = view.low
    end = len(low)
    n = skip_aside(view, p.j, end)
    if n >= end or low[n] not in ("is", "was", "remains", "remained", "became", "has"):
        return False
    for k in range(n + 1, min(end, n + 10)):
        w = low[k]
        if w == "where":
            return low[k - 1] in PLACE_NOUNS
        if w in HUBS and k + 1 < end and low[k + 1] in ("of", "for"):
            after = low[k + 2 : min(end, k + 7)]
            return "trafficking" in after or bool(view.vocab.exploitation.find(after))
        if w in (",", ";", ":", "(", "for", "who", "that", "which", "and", "but"):
            return False
    return False


def scene_of_crimes(view: View, p: Place, start: int) -> bool:
    """'investigating crimes that occurred within X', 'offenses committed in X': where crimes took
    place, said of law enforcement, is not where victims were taken."""
    low = view.low
    window = low[max(start, p.i - 7) : p.i]
    crime = next((n for n, w in enumerate(window) if w in CRIMES), None)
    if crime is None:
        return False
    rest = window[crime + 1 :]
    return any(w in ("occurred", "occurring", "committed", "took", "perpetrated") for w in rest) and any(
        w in ("in", "within", "inside") for w in rest
    )


def taken_there(view: View, start: int, end: int) -> int | None:
    """Where a clause says people were 'taken there', 'sent there' (the place named just before)."""
    low = view.low
    for n in range(start + 1, end):
        if low[n] == "there" and (low[n - 1] in MOVING or low[n - 1] in TRIGGERS):
            return n - 1
    return None


def spouses_or_buyers(view: View, start: int, k: int) -> bool:
    """'married off to wealthy men from X', 'sold to men from X': the men are husbands or buyers, not
    victims, so X is not where the victims come from."""
    low = view.low
    m = k - 1
    if m < start or low[m] not in view.vocab.people:
        return False
    for n in range(m - 1, max(start, m - 4) - 1, -1):
        if low[n] == "to":
            return n > start and (low[n - 1] in GIVEN_TO or given_to_others(view, m))
    return given_to_others(view, m)  # "forced marriages with men from X", "forced to marry men from X"
