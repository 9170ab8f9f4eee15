"""The facts of one clause about victims: its origins (named, the frame's or the subject's), its
destinations and transit places, and for each flow the victims, purposes and sectors of the words
nearest its places (the origin's window, the destination's, a role phrase's or an aside's), else the
clause's, else the sentence's or the frame's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.flows.destinations import (
    exploited_on_the_way,
    only_heading_to,
    others_at_work,
    people_of_their_own,
    stays_home,
    within_named_region,
)
from tipkb.extract.flows.frames import role_phrase_spans, within_role_phrases
from tipkb.extract.flows.lists import (
    dest_spans,
    internal_word_at,
    origin_spans,
    paired_routes,
    with_aside,
)
from tipkb.extract.flows.memory import (
    from_frame,
    remember_named,
)
from tipkb.extract.flows.nationality import non_demonym
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.provenance import from_elsewhere, own_and_foreign
from tipkb.extract.flows.victims import (
    exploitation_in,
    given_to_others,
    merge,
    sectors_in,
    unique,
    victims_in,
    with_sector_labor,
)
from tipkb.extract.flows.words import (
    FOREIGN,
    LIST_VERBS,
    NEUTRAL_PEOPLE,
    NEUTRAL_QUALIFIERS,
    NOT_PEOPLE_HEADS,
    PRONOUN_SUBJECTS,
)
from tipkb.model import FlowFact

if TYPE_CHECKING:
    from tipkb.extract.memory import Memory


def clause_flows(
    view: View, memory: Memory, start: int, end: int, parts: Parts, internal: bool, rule: str
) -> list[FlowFact]:
    """The flows of a clause about victims, each with the rule (``flows.v2:<pattern>``) that found it."""
    low = view.low
    words = set(low[start:end])
    foreign = (
        (bool(words & FOREIGN) and not own_and_foreign(view, start, end))
        or from_elsewhere(view, start, end)
        or any(q.kind == "demonym" and non_demonym(view, q) for q in view.places_in(start, end))
    )
    subject = view.ctx.subject

    origins = unique(parts.origins)
    leans = not origins  # the frame's country (or the subject) is filled in, not named in the clause
    if not origins:
        if parts.frame and "origin" in parts.frame_roles:
            origins = [parts.frame]
        elif not foreign and subject and (parts.dests or parts.onward or parts.local or internal):
            origins = [subject]
            if not (parts.local or internal or parts.onward) and set(parts.dests) <= (
                parts.entered & {subject}
            ):
                return []  # "persons are trafficked into Thailand" (the subject): from somewhere unnamed
    if not origins and internal and not subject and parts.dests:
        origins = parts.dests[:1]  # "Trafficking in Nepal is largely internal", no subject to take
    if not origins:
        return []
    dests = within_named_region(view, parts, unique(parts.dests))
    if dests and exploited_on_the_way(view, parts, start, end):
        return []  # "migrants smuggled toward Iran, some of whom are exploited in forced labor en route"
    onward = unique(parts.onward)
    passing = tuple(parts.via)
    if parts.en_route and onward:  # "migrate to A en route to B": A is on the way
        passing, dests = tuple(dests) + passing, []
    home = parts.frame if parts.frame and "destination" in parts.frame_roles else subject
    # "trafficked internally": each origin that is the subject (or, when all named origins are
    # foreign, the subject itself) to itself; the foreign origins go to the subject.
    internal_pairs: list[tuple[str, str]] = []
    if internal and subject:
        own = [o for o in origins if o == subject] or [subject]
        internal_pairs = [(o, o) for o in own]
    if not dests and not onward:
        foreign_origins = home is not None and any(o != home for o in origins)
        # "Gangs based in Serbia force Montenegrin girls into prostitution": the traffickers' base is
        # no destination, and the text names none
        if (parts.local and home or foreign_origins and not parts.via) and home not in parts.bases:
            dests = [home] if home else []
            leans = leans or not parts.local
        elif stays_home(view, start, end, parts, rule):
            dests = [subject] if subject else []  # "Fijian children are exploited in commercial sex"
    elif parts.local and home and home not in dests:
        dests.append(home)

    # the clause's own people, else those said before it in the sentence (not a later clause's)
    victims = victims_in(view, start, end)
    # "..., and a transit point for Chinese migrants who ...": people of its own, not those before
    own_people = any(
        w in view.vocab.people
        and w not in ("victims", "victim")
        and low[n - 1] not in ("these", "those")  # "Many of these dancers": the people before
        and not given_to_others(view, n)
        for n, w in enumerate(low[start:end], start)
    )
    if not victims and not own_people:
        victims = victims_in(view, 0, start) or parts.victims
    # "Primary destination countries include ...": the list goes on from the sentence about the victims.
    goes_on = parts.listed is not None and low[parts.listed[1] - 1] in LIST_VERBS and not parts.named_first
    k = start + (low[start] in ("and", "but", ",", ";"))
    # "some", "many", "they" standing for people; not "most trafficking in X is internal"
    pronoun = low[k] in PRONOUN_SUBJECTS and not (k + 1 < end and low[k + 1] in NOT_PEOPLE_HEADS)
    # The sentence before, when it spoke of victims: what "some", "they" or a list that goes on refer to.
    before = memory.flows.said.at == memory.flows.previous >= 0
    # "Some victims are also ...": a neutral noun of its own, not the victims said before.
    demonym_noun = next(
        (
            q.j
            for q in view.places
            if q.i == k + 1 and q.kind == "demonym" and not (q.j < end and low[q.j] in view.vocab.people)
        ),
        None,
    )  # "Some Ethiopians who cross ...": people named by their nationality alone
    q = k + 1 + (k + 2 < end and low[k + 1] in NEUTRAL_QUALIFIERS)  # "most foreign victims"
    neutral = pronoun and (
        (q < end and low[q] in NEUTRAL_PEOPLE)
        or (k + 3 < end and low[k + 1 : k + 3] == ["of", "the"] and low[k + 3] in NEUTRAL_PEOPLE)
        or demonym_noun is not None
        or people_of_their_own(view, k + 1, end)
    )  # "some victims", "most of the victims", "some Ethiopians"
    # "... a transit point for migrants from A and B; some of them are forced to beg": the people of
    # the clause pointed back to (parts.words), not the victims said before
    if not victims and (pronoun or goes_on) and before and not neutral and not parts.words:
        victims = memory.flows.said.victims
    sectors = sectors_in(view, start, end)
    exploitation = with_sector_labor(exploitation_in(view, start, end), sectors)
    if not exploitation and goes_on:
        exploitation = memory.flows.said.exploitation
    if not exploitation and rule.endswith(":share-of-victims"):
        exploitation = exploitation_in(view, 0, start) or memory.flows.said.exploitation
    # "... where many are subjected to forced labor; others are exploited in B": the others are set
    # against the people before, their exploitation unnamed, not that of the people before
    others = low[k] == "others" and rule.endswith(":word.exploited")
    # "Women are subjected to sex trafficking; many are sold to ...": "many" alone, not "many victims".
    # "some Kyrgyz victims", "many Asian women": people of their own, past a demonym or a region's adjective
    named_at = {q.i: q.j for q in view.places if q.kind in ("demonym", "region")}
    n = named_at.get(q, q)
    alone = pronoun and demonym_noun is None and not (n < end and low[n] in view.vocab.people)
    if not exploitation and alone and not others:
        exploitation = exploitation_in(view, 0, start) or (memory.flows.said.exploitation if before else ())
    # "Women are subjected to forced prostitution in X, and some Nigerian women had been exploited in Y":
    # a bare "exploited" of people the sentence already named is the exploitation named for them.
    if not exploitation and rule.endswith(":word.exploited") and victims and not others:
        earlier = victims_in(view, 0, start)
        if earlier and set(victims) <= set(earlier):
            exploitation = exploitation_in(view, 0, start)
    # "... face forced labor in Malaysia. Workers are also exploited in Cyprus": "also exploited" is
    # the exploitation of the sentence before, done elsewhere.
    # "Some children recruited in this way were taken to Rwanda": the exploitation of the sentence before
    this_way = any(
        low[n : n + 3] in (["in", "this", "way"], ["in", "this", "manner"]) for n in range(start, end - 2)
    )
    if not exploitation and before and this_way:
        exploitation = memory.flows.said.exploitation
    also = any(low[n] == "also" and low[n + 1] == "exploited" for n in range(start, end - 1))
    if not exploitation and before and also and rule.endswith(":word.exploited"):
        exploitation = memory.flows.said.exploitation
    if "same" in words and ("purposes" in words or "purpose" in words) and memory.flows.said.exploitation:
        exploitation = merge(memory.flows.said.exploitation, exploitation)
    own_clause = parts.span == (view.sent.start, start)
    windows = origin_spans(view, parts.origin_at, start, end) if own_clause else {}
    dest_windows = dest_spans(view, parts.dest_at, start, end) if own_clause else {}
    frame_spans, later_roles = (
        role_phrase_spans(view, start, end)
        if own_clause and parts.frame and not dest_windows
        else ((), set())
    )
    placed = {code: i for i, code in parts.origin_at} | {code: i for _, i, code in parts.dest_at}
    # "X is a destination for women subjected to forced labor, and a transit point for women from A
    # subjected to sex trafficking in B": a role phrase's places take its purposes, not the clause's
    phrases = role_phrase_spans(view, start, end)[0] if own_clause and parts.frame else ()

    def phrase_purposes(origin: str, dest: str) -> tuple[str, ...]:
        at = [placed[c] for c in (origin, dest) if c in placed]
        span = next((s for s in phrases if at and all(s[0] <= n < s[1] for n in at)), None)
        if span is None:
            return exploitation
        return with_sector_labor(exploitation_in(view, *span), sectors_in(view, *span))

    if frame_spans:
        windows = {}
    year = view.year_until(end)
    hedged = view.hedged_until(end)
    evidence = view.evidence()

    if parts.origins and dests:
        remember_named(view, memory, origins, dests, victims)
    facts = []
    if parts.frame and parts.frame_roles == {"transit"} and parts.frame not in dests:
        passing += (parts.frame,)  # "X is a transit country for victims from A destined for B": via X
    routes = [(d, passing) for d in dests] + [(d, tuple(dests) + passing) for d in onward]
    flows = [(o, d, via) for o in origins for d, via in routes]
    pairs = paired_routes(parts) if own_clause else None
    if pairs:  # "from A to B and from C to D": A to B and C to D, not C to B
        flows = [f for f in flows if f[:2] in pairs]
    if frame_spans:
        frame_at = min((q.i for q in view.places if q.code == parts.frame), default=-1)
        flows = within_role_phrases(flows, placed, frame_spans[1][0], parts, later_roles, frame_at)
    # "trafficked within the country": the subject to itself (after the role phrases sort the others)
    flows += [(o, d, ()) for o, d in internal_pairs if not any(f[:2] == (o, d) for f in flows)]
    reached = set(parts.dests)
    aside = with_aside(view, start, end) if own_clause else None
    inside = internal_word_at(view, start, end) if internal_pairs else None

    def aside_place(origin: str, dest: str) -> int | None:
        if origin == dest and (origin, dest) in internal_pairs and inside is not None:
            return inside
        return placed.get(origin, placed.get(dest))

    # "to brothels in India, and in some cases onward to Pakistan": the onward leg takes only the
    # purposes named after it ("and on to Russia for forced labor")
    onward_at = min((q.i for q in view.places_in(start, end) if q.code in onward), default=None)
    onward_said = (
        with_sector_labor(exploitation_in(view, onward_at, end), sectors_in(view, onward_at, end))
        if onward_at is not None and not parts.en_route
        else None
    )
    # the clause's purposes are only the sectors it names ("in construction")
    sector_only = bool(sectors) and not exploitation_in(view, start, end)
    for origin, dest, via in flows:
        if via and (origin == dest or (dest in onward and origin in reached)):
            continue  # "migrate to A en route to B" said of A's own people: they do not set out from A
        own_victims = victims_in(view, *windows[origin]) if origin in windows else ()
        own_exploitation = exploitation_in(view, *windows[origin]) if origin in windows else ()
        own_sectors = sectors
        unnamed = unpurposed = False
        if frame_spans and (dest in placed or origin in placed):
            # the place the role phrase names, not the frame country both phrases are said of
            # ("X is a source country for ..., and a destination country for Colombian women ...")
            first, second = (origin, dest) if dest == parts.frame else (dest, origin)
            at = placed.get(first, placed.get(second, start))
            a, b = next(span for span in frame_spans if span[0] <= at < span[1])
            own_victims = own_victims or victims_in(view, a, b)
            own_exploitation = own_exploitation or exploitation_in(view, a, b)
        elif aside is not None and (where := aside_place(origin, dest)) is not None:
            # ", with most victims trafficked internally for ...": the aside's flows, its words
            a, b = (aside, end) if where >= aside else (start, aside)
            own_victims = own_victims or victims_in(view, a, b)
            said = with_sector_labor(exploitation_in(view, a, b), sectors_in(view, a, b))
            if said:
                own_sectors = sectors_in(view, a, b)
                own_exploitation = own_exploitation or said
        elif dest in dest_windows and not via:
            a, b = dest_windows[dest]
            own_victims = own_victims or victims_in(view, a, b)
            # "..., and lure Chinese nationals into scam operations in A": people of their own, unnamed
            unnamed = not own_victims and bool(set(low[a:b]) & NEUTRAL_PEOPLE)
            # "..., and on fishing boats in C": a list that names only where people work keeps the
            # clause's purposes; "to B for forced construction work", "to C for tobacco farming" name their own
            named_here = exploitation_in(view, a, b)
            at_work = sectors_in(view, a, b)
            # "forced to beg in A and to work in agriculture in B": the gapped "forced" is B's own
            gapped_forced = "to" in low[a : a + 2] and "forced" in low[start:a]
            if named_here or {"forced", "for"} & set(low[a:b]) or gapped_forced:
                own_sectors = at_work
                own_exploitation = own_exploitation or with_sector_labor(named_here, at_work)
            elif not at_work and sector_only and others_at_work(view, dest, dest_windows, own_victims):
                # "A women were exploited in B, and A men in construction in C": the gapped conjunct's
                # sector is its own people's, not B's
                own_sectors, unpurposed = (), True
            else:
                own_sectors = at_work or own_sectors
        if onward_said is not None and dest in onward and dest not in dests:
            own_exploitation, own_sectors = onward_said, sectors_in(view, onward_at or start, end)
            unpurposed = not onward_said
        facts.append(
            FlowFact(
                doc=view.ctx.doc,
                year=year,
                evidence=evidence,
                hedged=hedged,
                rule=rule,
                section=view.ctx.section,
                origin=origin,
                destination=dest,
                via=tuple(v for v in via if v not in (origin, dest)),
                victims=() if unnamed else own_victims or victims,
                exploitation=()
                if unpurposed or (not own_exploitation and only_heading_to(view, dest, start, end))
                else own_exploitation
                or phrase_purposes(origin, dest)
                or from_frame(view, memory, origin, dest, own_victims or victims, leans),
                sectors=own_sectors,
            )
        )
    return facts
