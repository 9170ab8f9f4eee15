"""A sentence's flows, clause by clause: each clause's ends, victims and purposes made into facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.common import View
from tipkb.extract.flows.followups import follow_up, part_of_people_before, points_back, share_of_victims
from tipkb.extract.flows.frames import role_phrase_spans, within_role_phrases
from tipkb.extract.flows.lists import dest_spans, internal_word_at, origin_spans, paired_routes, with_aside
from tipkb.extract.flows.memory import (
    about_trafficking_near,
    from_frame,
    refers_to_named_victims,
    remember_frame,
    remember_named,
)
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.places import non_demonym, parts_of
from tipkb.extract.flows.triggers import (
    defines_trafficking,
    from_elsewhere,
    is_victimization,
    own_and_foreign,
    says_internal,
    trigger,
)
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
    ELSEWHERE,
    FOREIGN,
    GOING_ABROAD,
    HEADLINE_PREPS,
    HEADLINE_VERBS,
    LIST_VERBS,
    MIGRATING,
    NEUTRAL_PEOPLE,
    NOT_A_STATEMENT,
    NOT_PEOPLE_HEADS,
    PRONOUN_SUBJECTS,
    QUANTIFIERS,
)
from tipkb.model import FlowFact
from tipkb.places import region_of
from tipkb.vocab import contract

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
    for start, end in (part for span in view.clauses() for part in second_role_phrases(view, *span)):
        clause_facts, internal = clause(view, memory, start, end, internal)
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
    memory.flows.previous = view.sent.start
    # What this sentence says about victims and purposes, for "some are taken ... for the same purposes".
    if is_victimization(view, 0, len(view.low)) or facts:
        memory.flows.said.at = view.sent.start
        memory.flows.said.victims = victims_in(view, 0, len(view.low)) or memory.flows.said.victims
        whole = with_sector_labor(exploitation_in(view, 0, len(view.low)), sectors_in(view, 0, len(view.low)))
        memory.flows.said.exploitation = whole or memory.flows.said.exploitation
    return facts


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


def stays_home(view: View, start: int, end: int, parts: Parts, rule: str) -> bool:
    """'Fijian children are exploited in commercial sex by family members': the subject's own people,
    named so, exploited with no place named for it and no word of going abroad, are exploited at home."""
    subject = view.ctx.subject
    if not subject or not parts.origins or any(o != subject for o in parts.origins) or parts.via:
        return False
    if rule.endswith((":word.victims", ":role-list", ":share-of-victims", ":trafficking-of")):
        return False
    if any(q.code != subject for q in view.places_in(start, end)):
        return False  # another place named, even in an aside ("(e.g., Russia)")
    # the people open the clause ("Some Fijian children are ..."), not "tactics used to compel X victims"
    k = start + (view.low[start] in ("and", "but", ",", ";"))
    while k < end and view.low[k] in QUANTIFIERS:
        k += 1
    if not any(q.i == k and q.kind == "demonym" for q in view.places):
        return False
    words = set(view.low[start:end])
    return not words & (ELSEWHERE | GOING_ABROAD) and bool(exploitation_in(view, start, end))


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


def clause(view: View, memory: Memory, start: int, end: int, inherited: bool) -> tuple[list[FlowFact], bool]:
    """The flows of one clause, and whether it speaks of internal trafficking (for the next clause)."""
    low = view.low
    words = set(low[start:end])
    parts = parts_of(view, start, end)
    # A clause with no place of its own carries on an "internal" from the clause before it.
    internal = says_internal(view, start, end) or (
        inherited and not (parts.origins or parts.dests or parts.onward)
    )
    if words & NOT_A_STATEMENT or defines_trafficking(words):
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
            memory.flows.pending, memory.flows.pending_at = parts, view.sent.start
            memory.flows.pending_no = memory.sentence_no
        return [], internal
    named = parts.origins or parts.dests or parts.onward
    k = start + (low[start] in ("and", "but", ",", ";"))
    if not parts.origins and (parts.dests or parts.onward) and refers_to_named_victims(view, memory, k, end):
        parts = Parts(  # "Some of these women are trafficked onward to D": the origins named before
            origins=list(memory.flows.named.origins),
            dests=parts.dests,
            onward=parts.onward,
            via=parts.via + ([] if parts.dests else list(memory.flows.named.dests)),
            local=parts.local,
            en_route=parts.en_route,
            dest_at=parts.dest_at,
            span=parts.span,
        )
    # Places wait for a clause that points back to their people ("some", "they", "these entertainers"),
    # after a connective or not ("Nevertheless, some ..."), in the same sentence or the next two.
    if not named and memory.flows.pending is not None and points_back(view, memory, start, end):
        parts = memory.flows.pending  # "...migrate to Jordan for work; some are subjected to forced labor"
    elif not named and not parts.local and not says_internal(view, start, end):
        more = follow_up(view, memory, start, end, f"{RULE}:points-back")
        if more is not None:  # "...trafficked to India for sexual exploitation; some are also ..."
            memory.flows.pending = None
            return more, internal
    memory.flows.pending = None
    facts = clause_flows(view, memory, start, end, parts, internal, f"{RULE}:{pattern}")
    if parts.frame and parts.span == (view.sent.start, start):
        remember_frame(view, memory, parts, start, end)
    return facts, internal


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
        if parts.local and home or foreign_origins and not parts.via:
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
    neutral = pronoun and (
        (k + 1 < end and low[k + 1] in NEUTRAL_PEOPLE)
        or (k + 3 < end and low[k + 1 : k + 3] == ["of", "the"] and low[k + 3] in NEUTRAL_PEOPLE)
        or demonym_noun is not None
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
    # "Women are subjected to sex trafficking; many are sold to ...": "many" alone, not "many victims".
    # "some Kyrgyz victims", "many Asian women": people of their own, past a demonym or a region's adjective
    named_at = {q.i: q.j for q in view.places if q.kind in ("demonym", "region")}
    n = named_at.get(k + 1, k + 1)
    alone = pronoun and demonym_noun is None and not (n < end and low[n] in view.vocab.people)
    if not exploitation and alone:
        exploitation = exploitation_in(view, 0, start) or (memory.flows.said.exploitation if before else ())
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
    flows += [(o, d, ()) for o, d in internal_pairs if not any(f[:2] == (o, d) for f in flows)]
    if frame_spans:
        flows = within_role_phrases(flows, placed, frame_spans[1][0], parts, later_roles)
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
    for origin, dest, via in flows:
        if via and (origin == dest or (dest in onward and origin in reached)):
            continue  # "migrate to A en route to B" said of A's own people: they do not set out from A
        own_victims = victims_in(view, *windows[origin]) if origin in windows else ()
        own_exploitation = exploitation_in(view, *windows[origin]) if origin in windows else ()
        own_sectors = sectors
        unnamed = unpurposed = False
        if frame_spans and (dest in placed or origin in placed):
            at = placed.get(dest, placed.get(origin, start))
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
            if named_here or {"forced", "for"} & set(low[a:b]):
                own_sectors = at_work
                own_exploitation = own_exploitation or with_sector_labor(named_here, at_work)
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
                if unpurposed
                else own_exploitation
                or exploitation
                or from_frame(view, memory, origin, dest, own_victims or victims, leans),
                sectors=own_sectors,
            )
        )
    return facts
