"""Flows: people trafficked from one place to another (FACTS.md ``flow``).

Each place a clause names gets a part from the word that governs it (``from`` A, ``to``/``in``/``within``
B, ``through`` C, a demonym before *women* or *victims*), reading left across lists ("to A, B, and C",
"to other African countries, primarily A and B"). A clause is a flow only when it says people were
trafficked, exploited, subjected to forced labor or found as victims. What the clause leaves out comes
from the sentence's frame ("X is a source country for women trafficked to ...") and then the subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tipkb.extract.common import Place, View, deemed, skip_aside
from tipkb.extract.memory import Memory
from tipkb.model import VICTIMS, FlowFact
from tipkb.vocab import word_set

RULE = "flows.v1"

_ORIGIN, _DEST, _VIA, _LOCAL = "origin", "destination", "via", "local"
_DEST_CUES = word_set("flows.dest_cues")
_VIA_CUES = word_set("flows.via_cues")
_BOUND_FOR = word_set("flows.bound_for")
# Words a list of places is made of, skipped when looking left for the word that governs a place.
_GLUE = word_set("flows.glue")
_DIRECTIONS = word_set("flows.directions")
# A region followed by these and then countries means those countries, not the region.
_NAMING = word_set("flows.naming")
_RETURN = word_set("flows.return")
_ORIGIN_VERBS = word_set("flows.origin_verbs")
_NOT_VICTIMS = word_set("flows.not_victims")
_LOCAL_WORDS = word_set("flows.local_words")
_ELSEWHERE = word_set("flows.elsewhere")
_INTERNAL = word_set("flows.internal")
# Clauses that are not statements about what happened: sex tourism, recommendations.
_NOT_A_STATEMENT = word_set("flows.not_a_statement")
# Victims described so are not the subject's nationals: no default origin for them.
_FOREIGN = word_set("flows.foreign")
_OWN_PEOPLE = word_set("flows.own_people")
_PASSIVE_AUX = word_set("flows.passive_aux")
_TRIGGERS = word_set("flows.triggers")
_NOT_ABOUT_VICTIMS = word_set("flows.not_about_victims")
_CONDITIONS = word_set("flows.conditions")
_MOVING = word_set("flows.moving_verbs")
_CASES = word_set("flows.case_words")
_SERVICES = word_set("flows.services")
_INTO_EXPLOITATION = word_set("flows.into_exploitation")
# "vulnerable to forced labor", "the risk of forced labor": exposure, not exploitation.
_NOT_EXPOSED = word_set("flows.not_exposed")
_PRONOUN_SUBJECTS = word_set("flows.pronoun_subjects")
# "Primary destination countries include A, B and C", "Other major destinations are ...".
_LIST_HEADS = {
    "destination": _DEST,
    "destinations": _DEST,
    "source": _ORIGIN,
    "sources": _ORIGIN,
    "origin": _ORIGIN,
}
_LIST_ADJECTIVES = word_set("flows.list_adjectives")
_LIST_NOUNS = word_set("flows.list_nouns")
_LIST_VERBS = word_set("flows.list_verbs")
_SERVING = word_set("flows.serving")
_ABOUT_TRAFFICKING = word_set("flows.about_trafficking")
# "Reports of internal trafficking continued": trafficking said to happen, with no verb of moving.
_REPORTS_OF = word_set("flows.reports_of")
_GOES_ON = word_set("flows.goes_on")
_NOT_GOING_ON = word_set("flows.not_going_on")
# "X is a place where ...", "X is the regional centre of a trafficking network that ...".
_PLACE_NOUNS = word_set("flows.place_nouns")
_HUBS = word_set("flows.hubs")
_NETWORKS = word_set("flows.networks")
# "married off to men from X", "sold to men from X": people given to others.
_GIVEN_TO = word_set("flows.given_to")
# "the use of force", "the labor force", "a task force": force as a noun, no forcing.
_FORCE_AS_NOUN = word_set("flows.force_as_noun")
# "crimes that occurred within X": where crimes took place.
_CRIMES = word_set("flows.crimes")
# "the (East Asian) city of Macau": the list of places goes on past these.
_SETTLEMENT_OF = word_set("flows.settlement_of")
_QUANTIFIERS = frozenset("some many most other the these those several".split())
# "bonded labor" is debt bondage and labor both.
_ALSO_LABOR = word_set("flows.also_labor")


@dataclass(slots=True)
class _Parts:
    origins: list[str] = field(default_factory=list)
    origin_at: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    dest_at: list[tuple[int, int, str]] = field(default_factory=list)  # (cue index, token index, code)
    span: tuple[int, int] = (-1, -1)  # the sentence offset and clause start the token indices are from
    dests: list[str] = field(default_factory=list)
    onward: list[str] = field(default_factory=list)  # "... and on to X": reached via the dests
    via: list[str] = field(default_factory=list)
    local: bool = False
    en_route: bool = False  # "to A en route to B": A is on the way, not a destination
    frame: str | None = None  # the frame country ("X is a source country for ...")
    frame_roles: set[str] = field(default_factory=set)
    entered: set[str] = field(default_factory=set)  # destinations named after "to"/"into"
    named_first: bool = False  # "Nigeria and Togo are the main destinations": the places come first
    listed: tuple[str, int] | None = None  # "Primary destination countries include ...": (part, list start)


def extract(view: View, memory: Memory) -> list[FlowFact]:
    if view.sent.heading:
        return _headline(view)
    facts: list[FlowFact] = []
    internal = False
    for start, end in view.clauses():
        clause_facts, internal = _clause(view, memory, start, end, internal)
        facts.extend(clause_facts)
    memory.previous_sentence = view.sent.start
    # What this sentence says about victims and purposes, for "some are taken ... for the same purposes".
    if _is_victimization(view, 0, len(view.low)) or facts:
        memory.trafficking_at = view.sent.start
        memory.victims = _victims(view, 0, len(view.low)) or memory.victims
        whole = _with_sector_labor(_exploitation(view, 0, len(view.low)), _sectors(view, 0, len(view.low)))
        memory.exploitation = whole or memory.exploitation
    return facts


def _headline(view: View) -> list[FlowFact]:
    """A headline read only in its plainest form: "<demonym> <people> Trafficked to <place>"
    ("Nepali Girls Trafficked to India Rescued")."""
    low = view.low
    at = {p.i: p for p in view.places}
    facts = []
    for p in view.places:
        if p.kind != "demonym" or p.j + 3 >= len(low) or low[p.j] not in view.vocab.people:
            continue
        verb = p.j + 1
        if low[verb] not in ("trafficked", "sold", "exploited", "enslaved") or low[verb + 1] not in (
            "to",
            "into",
            "in",
        ):
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
                rule=RULE,
                section=view.ctx.section,
                origin=p.code,
                destination=dest.code,
                via=(),
                victims=_victims(view, p.j, p.j + 1),
                exploitation=(),
                sectors=(),
            )
        )
    return facts


def _clause(view: View, memory: Memory, start: int, end: int, inherited: bool) -> tuple[list[FlowFact], bool]:
    """The flows of one clause, and whether it speaks of internal trafficking (for the next clause)."""
    low = view.low
    words = set(low[start:end])
    parts = _parts(view, start, end)
    # A clause with no place of its own carries on an "internal" from the clause before it.
    internal = _says_internal(view, start, end) or (
        inherited and not (parts.origins or parts.dests or parts.onward)
    )
    if words & _NOT_A_STATEMENT or _defines_trafficking(words):
        return [], internal
    gapped = start > 1 and low[start] in ("and", "but") and low[start - 1] == "," and bool(parts.dests)
    listed = (
        parts.listed is not None
        and bool(parts.origins or parts.dests)
        and _about_trafficking(view, memory, start, end)
    )
    if (
        not _is_victimization(view, start, end)
        and not (gapped and _is_victimization(view, 0, start))
        and not listed
    ):
        if parts.origins or parts.dests or parts.onward:
            memory.pending, memory.pending_at = parts, view.sent.start
        return [], internal
    named = parts.origins or parts.dests or parts.onward
    k = start + (low[start] in ("and", "but", ",", ";"))
    if not parts.origins and _refers_to_named_victims(view, memory, k, end):
        parts = _Parts(  # "Some of these women are trafficked onward to D": the origins named before
            origins=list(memory.named_origins),
            dests=parts.dests,
            onward=parts.onward,
            via=parts.via + ([] if parts.dests else list(memory.named_dests)),
            local=parts.local,
            en_route=parts.en_route,
            dest_at=parts.dest_at,
            span=parts.span,
        )
    # Places wait for a "some"/"they" clause in the same sentence or the next one, no longer.
    fresh = memory.pending_at in (view.sent.start, memory.previous_sentence)
    if not named and memory.pending is not None and fresh and k < end and low[k] in _PRONOUN_SUBJECTS:
        parts = memory.pending  # "...migrate to Jordan for work; some are subjected to forced labor"
    memory.pending = None
    facts = _flows(view, memory, start, end, parts, internal)
    if parts.frame and parts.span == (view.sent.start, start):
        _remember_frame(view, memory, parts, start, end)
    return facts, internal


def _remember_frame(view: View, memory: Memory, parts: _Parts, start: int, end: int) -> None:
    """Keep what a role frame says of the victims and purposes of each of its roles."""
    spans, later = _frame_spans(view, start, end)
    said: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for roles, (a, b) in zip((parts.frame_roles, later), spans or ((start, end),), strict=False):
        for role in roles:
            said.setdefault(role, (_victims(view, a, b), _exploitation(view, a, b)))
    memory.frame, memory.frame_said, memory.frame_at = parts.frame, said, view.sent.start


def _from_frame(
    view: View, memory: Memory, origin: str, dest: str, victims: tuple[str, ...], leans: bool
) -> tuple[str, ...]:
    """The purposes a role frame gave for victims like these, for a flow of the frame's country that
    names none of its own: a frame earlier in the sentence ("X is a source country for women trafficked
    for sexual exploitation; X women are trafficked to A"), or in the sentence before when the flow
    takes the frame's country from it ("... Women were trafficked from A and B": to X)."""
    if memory.frame_said is None:
        return ()
    if memory.frame_at != view.sent.start and not (leans and memory.frame_at == memory.previous_sentence):
        return ()
    role = "origin" if origin == memory.frame else "destination" if dest == memory.frame else None
    if role is None or role not in memory.frame_said:
        return ()
    frame_victims, exploitation = memory.frame_said[role]
    if not victims or not set(victims) <= set(frame_victims):
        return ()
    return exploitation


def _flows(view: View, memory: Memory, start: int, end: int, parts: _Parts, internal: bool) -> list[FlowFact]:
    low = view.low
    words = set(low[start:end])
    foreign = (bool(words & _FOREIGN) and not _own_and_foreign(view, start, end)) or _from_elsewhere(
        view, start, end
    )
    subject = view.ctx.subject

    origins = _unique(parts.origins)
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
    if not origins:
        return []
    dests = _unique(parts.dests)
    onward = _unique(parts.onward)
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
    elif parts.local and home and home not in dests:
        dests.append(home)

    victims = _victims(view, start, end) or _victims(view, 0, len(low))
    # "Primary destination countries include ...": the list goes on from the sentence about the victims.
    goes_on = parts.listed is not None and low[parts.listed[1] - 1] in _LIST_VERBS and not parts.named_first
    k = start + (low[start] in ("and", "but", ",", ";"))
    pronoun = low[k] in _PRONOUN_SUBJECTS
    # The sentence before, when it spoke of victims: what "some", "they" or a list that goes on refer to.
    before = memory.trafficking_at == memory.previous_sentence >= 0
    if not victims and (pronoun or goes_on) and before:
        victims = memory.victims
    sectors = _sectors(view, start, end)
    exploitation = _with_sector_labor(_exploitation(view, start, end), sectors)
    if not exploitation and goes_on:
        exploitation = memory.exploitation
    # "Women are subjected to sex trafficking; many are sold to ...": "many" alone, not "many victims".
    alone = pronoun and not (k + 1 < end and low[k + 1] in view.vocab.people)
    if not exploitation and alone:
        exploitation = _exploitation(view, 0, start) or (memory.exploitation if before else ())
    if "same" in words and ("purposes" in words or "purpose" in words) and memory.exploitation:
        exploitation = _merge(memory.exploitation, exploitation)
    own_clause = parts.span == (view.sent.start, start)
    windows = _origin_windows(view, parts.origin_at, start, end) if own_clause else {}
    dest_windows = _dest_windows(view, parts.dest_at, start, end) if own_clause else {}
    frame_spans, later_roles = (
        _frame_spans(view, start, end) if own_clause and parts.frame and not dest_windows else ((), set())
    )
    placed = {code: i for i, code in parts.origin_at} | {code: i for _, i, code in parts.dest_at}
    if frame_spans:
        windows = {}
    year = view.year()
    hedged = view.hedged
    evidence = view.evidence()

    if parts.origins and dests:
        _remember_named(view, memory, origins, dests, victims)
    facts = []
    if parts.frame and parts.frame_roles == {"transit"} and parts.frame not in dests:
        passing += (parts.frame,)  # "X is a transit country for victims from A destined for B": via X
    routes = [(d, passing) for d in dests] + [(d, tuple(dests) + passing) for d in onward]
    flows = [(o, d, via) for o in origins for d, via in routes]
    flows += [(o, d, ()) for o, d in internal_pairs if not any(f[:2] == (o, d) for f in flows)]
    if frame_spans:
        flows = _within_role_phrases(flows, placed, frame_spans[1][0], parts, later_roles)
    reached = set(parts.dests)
    for origin, dest, via in flows:
        if via and (origin == dest or (dest in onward and origin in reached)):
            continue  # "migrate to A en route to B" said of A's own people: they do not set out from A
        if origin.startswith("region:") and dest.startswith("region:"):
            continue
        own_victims = _victims(view, *windows[origin]) if origin in windows else ()
        own_exploitation = _exploitation(view, *windows[origin]) if origin in windows else ()
        own_sectors = sectors
        if frame_spans and (dest in placed or origin in placed):
            at = placed.get(dest, placed.get(origin, start))
            a, b = next(span for span in frame_spans if span[0] <= at < span[1])
            own_victims = own_victims or _victims(view, a, b)
            own_exploitation = own_exploitation or _exploitation(view, a, b)
        elif dest in dest_windows and not via:
            a, b = dest_windows[dest]
            own_victims = own_victims or _victims(view, a, b)
            said = _with_sector_labor(_exploitation(view, a, b), _sectors(view, a, b))
            if said:
                own_sectors = _sectors(view, a, b)
                own_exploitation = own_exploitation or said
        facts.append(
            FlowFact(
                doc=view.ctx.doc,
                year=year,
                evidence=evidence,
                hedged=hedged,
                rule=RULE,
                section=view.ctx.section,
                origin=origin,
                destination=dest,
                via=tuple(v for v in via if v not in (origin, dest)),
                victims=own_victims or victims,
                exploitation=own_exploitation
                or exploitation
                or _from_frame(view, memory, origin, dest, own_victims or victims, leans),
                sectors=own_sectors,
            )
        )
    return facts


def _remember_named(
    view: View, memory: Memory, origins: list[str], dests: list[str], victims: tuple[str, ...]
) -> None:
    """Keep the origins this sentence names (with their destinations and victims) for the next one."""
    if memory.named_at != view.sent.start:
        memory.named_at = view.sent.start
        memory.named_origins, memory.named_dests, memory.named_victims = (), (), ()
    memory.named_origins += tuple(o for o in origins if o not in memory.named_origins)
    memory.named_dests += tuple(d for d in dests if d not in memory.named_dests)
    memory.named_victims += tuple(v for v in victims if v not in memory.named_victims)


def _refers_to_named_victims(view: View, memory: Memory, k: int, end: int) -> bool:
    """Does the clause open with 'these women', 'some of these victims', 'many of those girls', people
    the sentence just before named with their origins? A group (women, girls) must be one of theirs."""
    if memory.named_at != memory.previous_sentence or memory.named_at < 0:
        return False
    low = view.low
    n = k
    if n + 1 < end and low[n] in _PRONOUN_SUBJECTS and low[n + 1] == "of":
        n += 2
    if n + 1 >= end or low[n] not in ("these", "those"):
        return False
    n += 1
    if low[n] not in view.vocab.people:
        return False
    hit = view.vocab.victims.match_at(low, n, end)
    if hit is None:
        return low[n] in ("victims", "people", "persons", "individuals")
    return hit[1] in memory.named_victims


def _origin_windows(
    view: View, origin_at: list[tuple[int, str]], start: int, end: int
) -> dict[str, tuple[int, int]]:
    """Where each of several origins is described ("33 Venezuelan females identified as victims of sex
    trafficking and one male from India identified as a labor trafficking victim"): the text up to the
    last 'and' or comma before the next origin. Victims and purposes named there are that origin's."""
    if len({code for _, code in origin_at}) < 2:
        return {}
    low = view.low
    cuts = [start]
    for (i, _), (nxt, _) in zip(origin_at, origin_at[1:], strict=False):
        cut = next((b for b in range(nxt - 1, i, -1) if low[b] in ("and", ",", ";")), nxt)
        cuts.append(cut)
    cuts.append(end)
    out: dict[str, tuple[int, int]] = {}
    for (_, code), a, b in zip(origin_at, cuts, cuts[1:], strict=False):
        out.setdefault(code, (a, b))
    return out


def _dest_windows(
    view: View, dest_at: list[tuple[int, int, str]], start: int, end: int
) -> dict[str, tuple[int, int]]:
    """Where each of several destinations is described, when each list of them has its own words
    ("trafficked to A for sexual exploitation and to B for domestic servitude", "men to A for labor and
    women to B for sex"): from the last 'and', comma or dash before the next list's 'to' up to the next.
    Only when two of these spans name different victims or purposes; else the clause's are shared."""
    groups: list[tuple[int, int, list[str]]] = []  # (cue index, last place index, codes)
    for cue, i, code in dest_at:
        if groups and groups[-1][0] == cue:
            groups[-1][2].append(code)
            groups[-1] = (cue, i, groups[-1][2])
        else:
            groups.append((cue, i, [code]))
    if len(groups) < 2:
        return {}
    low = view.low
    cuts = [start]
    for (_, last, _), (cue, _, _) in zip(groups, groups[1:], strict=False):
        cut = next((b for b in range(cue - 1, last, -1) if low[b] in ("and", ",", ";", "-", "–", "—")), cue)
        cuts.append(cut)
    cuts.append(end)
    spans = list(zip(cuts, cuts[1:], strict=False))
    said = [
        (_victims(view, a, b), _with_sector_labor(_exploitation(view, a, b), _sectors(view, a, b)))
        for a, b in spans
    ]
    if len({x for x in said if x != ((), ())}) < 2:
        return {}
    out: dict[str, tuple[int, int]] = {}
    for (_, _, codes), span in zip(groups, spans, strict=False):
        for code in codes:
            out.setdefault(code, span)
    return out


def _frame_spans(view: View, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], set[str]]:
    """'X is a source country for women subjected to sex trafficking in A and B, as well as a
    destination country for men from C subjected to forced labor': the places of each role phrase take
    the victims and purposes of that phrase (the two spans, when each names its own, and the roles of
    the second)."""
    low = view.low
    roles = view.vocab.roles
    cut = None
    later: set[str] = set()
    for n in range(start + 1, end - 2):
        if low[n : n + 3] == ["as", "well", "as"]:
            m = n + 3
        elif low[n] == "and" and low[n - 1] == ",":
            m = n + 1
        else:
            continue
        while m < end and (low[m] == "," or view.vocab.extent.match_at(low, m, end)):
            hit = view.vocab.extent.match_at(low, m, end)
            m = hit[0] if hit else m + 1
        if m >= end or low[m] not in ("a", "an"):
            continue
        k = m + 1
        while k < end and (low[k] in roles or low[k] in (",", "and", "or")):
            k += 1
        if k > m + 1 and k < end and low[k] in ("country", "countries") and low[k - 1] in roles:
            cut, later = n, {roles[w] for w in low[m + 1 : k] if w in roles}
            break
    if cut is None:
        return (), set()
    spans = ((start, cut), (cut, end))
    said = [(_victims(view, a, b), _exploitation(view, a, b)) for a, b in spans]
    return ((), set()) if ((), ()) in said or said[0] == said[1] else (spans, later)


def _within_role_phrases(
    flows: list[tuple[str, str, tuple[str, ...]]],
    placed: dict[str, int],
    cut: int,
    parts: _Parts,
    later_roles: set[str],
) -> list[tuple[str, str, tuple[str, ...]]]:
    """'X is a source country for women trafficked to A, as well as a destination country for men from
    B': B's people go to X, not to A; A's come from X."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    frame = parts.frame or ""
    for origin, dest, via in flows:
        found = [(origin, dest, via)]
        if origin in placed and dest in placed and (placed[origin] < cut) != (placed[dest] < cut):
            found = []
            if placed[dest] < cut and frame and "origin" in parts.frame_roles:
                found.append((frame, dest, via))
            if placed[origin] >= cut and frame and "destination" in later_roles:
                found.append((origin, frame, ()))
        out += [f for f in found if f not in out and f[0] != f[1]]
    return out


def _with_sector_labor(exploitation: tuple[str, ...], sectors: tuple[str, ...]) -> tuple[str, ...]:
    """Work in a sector (fishing, mining, brick kilns, street vending) is labor exploitation."""
    if "labor" in exploitation or not any(s != "domestic service" for s in sectors):
        return exploitation
    return (*exploitation, "labor")


def _is_victimization(view: View, start: int, end: int) -> bool:
    """Does the clause say people were trafficked, exploited, forced or found as victims?"""
    low = view.low
    vocab = view.vocab
    for n in range(start, end):
        w = low[n]
        if w in _TRIGGERS:
            # "victims' countries of origin", "victim assistance", "services for victims": not a
            # statement about victims.
            if w in ("victims", "victim") and (
                (n + 1 < end and low[n + 1] in _NOT_ABOUT_VICTIMS) or _served(view, start, n)
            ):
                continue
            if w in ("force", "forces") and n > start and low[n - 1] in _FORCE_AS_NOUN:
                continue  # "the use of force", "the labor force", "a task force"
            return True
        if w == "forced" and (
            (n > start and low[n - 1] in _PASSIVE_AUX) or (n + 1 < end and low[n + 1] in ("to", "into"))
        ):
            return True
        if (
            w in _CONDITIONS
            and n + 2 < end
            and low[n + 1] == "of"
            and vocab.exploitation.match_at(low, n + 2)
        ):
            return True
        if w == "trafficking" and n + 1 < end and low[n + 1] in ("within", "of"):
            return True
        if (
            w == "trafficking"
            and n > start
            and low[n - 1] in _INTERNAL | {"domestic"}
            and _goes_on(view, n, end)
        ):
            return True  # "Reports of internal trafficking continued", "domestic trafficking persists"
        if (
            w == "trafficking"
            and n + 2 < end
            and low[n + 1] in ("occurred", "occurs")
            and low[n + 2] == "within"
        ):
            return any(q.i == n + 3 for q in view.places)
        if (
            w in ("experiencing", "experience", "face", "faced", "endure", "endured")
            and n + 1 < end
            and low[n + 1] in _CONDITIONS
        ):
            return True
        # "face forced labor", "found in forced prostitution", "sold into debt bondage"
        if (
            w in _INTO_EXPLOITATION
            and start < n < end - 1
            and low[n - 1] not in _NOT_EXPOSED
            and _names_exploitation(view, n + 1, end)
        ):
            return True
        # "a trafficking network that recruits women from A", "traffickers lure girls from B"
        if w in _MOVING and _by_traffickers(view, start, n) and _people_after(view, n, end):
            return True
        # "sent 400 laborers to Qatar for forced labor", "... for forced laboor and sex trafficking"
        if (
            w == "for"
            and n + 1 < end
            and any(
                _names_exploitation(view, m + 1, end)
                for m in range(n, min(end - 1, n + 5))
                if m == n or low[m] in ("and", "or")
            )
            and _people_moved(view, start, n)
        ):
            return True
        # "documented cases of forced labor of foreigners": cases of exploitation of people
        if w in _CASES and n + 2 < end and low[n + 1] == "of":
            k = n + 2
            while (hit := vocab.exploitation.match_at(low, k, end)) is not None:
                k = hit[0]  # "cases of forced labor and prostitution of ..."
                if (
                    k + 1 < end
                    and low[k] in ("and", "or", ",")
                    and vocab.exploitation.match_at(low, k + 1, end)
                ):
                    k += 1
            if k > n + 2 and _of_people(view, k, end):
                return True
    return False


def _goes_on(view: View, n: int, end: int) -> bool:
    """Is trafficking named at n said to happen: 'reports of internal trafficking', 'internal
    trafficking continued / is widespread' (not 'internal trafficking is not criminalized')?"""
    low = view.low
    if n >= 3 and low[n - 2] == "of" and low[n - 3] in _REPORTS_OF:
        return True
    nxt = low[n + 1 : min(end, n + 4)]
    if not nxt or nxt[0] not in _GOES_ON:
        return False
    return not set(nxt[1:]) & _NOT_GOING_ON


def _names_exploitation(view: View, n: int, end: int) -> bool:
    """A form of exploitation named unmistakably at n ("forced labor", "prostitution", not "labor"),
    and not as a word of something else ("forced labor inspectors")."""
    low = view.low
    hit = view.vocab.exploitation.match_at(low, n, end)
    if hit and hit[0] < len(low) and low[hit[0]] in view.vocab.exploitation_blockers:
        return False
    return bool(hit and hit[0] - n > 1) or low[n] in ("prostitution", "servitude", "bondage")


def _people_moved(view: View, start: int, n: int) -> bool:
    """A verb of moving people ("sent", "brought", "recruited") and the place it moves them to ("to
    Qatar") before n, with the people moved ("sent 400 laborers", "girls were sent")."""
    low = view.low
    for m in range(n - 1, max(start, n - 12) - 1, -1):
        if low[m] in _MOVING:
            to_place = any(
                q.i > m + 1
                and q.j <= n
                and (low[q.i - 1] in ("to", "into") or low[q.i - 2 : q.i] in (["to", "the"], ["into", "the"]))
                for q in view.places
            )
            return to_place and any(w in view.vocab.people for w in low[start:n])
    return False


def _by_traffickers(view: View, start: int, n: int) -> bool:
    """Is the verb at n done by traffickers ('traffickers recruit', 'a trafficking network that
    recruits', 'trafficking rings lured')?"""
    window = view.low[max(start, n - 6) : n]
    if "traffickers" in window:
        return True
    return "trafficking" in window and bool(set(window) & _NETWORKS)


def _people_after(view: View, n: int, end: int) -> bool:
    """People right after n ('recruits women and children', 'lured young girls')."""
    low = view.low
    for m in range(n + 1, min(end, n + 4)):
        if low[m] in view.vocab.people:
            return True
        if low[m] not in ("young", "poor", "local", "rural", "vulnerable") and low[m] not in _QUANTIFIERS:
            return False
    return False


def _of_people(view: View, k: int, end: int) -> bool:
    """'... of foreigners', '... of citizens of A', '... among Ghanaian children' right at k."""
    low = view.low
    if k + 1 >= end or low[k] not in ("of", "among", "involving"):
        return False
    nxt = low[k + 1]
    demonyms = {p.i for p in view.places if p.kind == "demonym"}
    return nxt in view.vocab.people or nxt in _FOREIGN or k + 1 in demonyms


def _served(view: View, start: int, n: int) -> bool:
    """'services for victims', 'service provision for female victims', 'assistance to victims'."""
    low = view.low
    for m in range(n - 1, max(start, n - 4) - 1, -1):
        if low[m] in ("for", "to"):
            return m > start and low[m - 1] in _SERVICES
    return False


def _own_and_foreign(view: View, start: int, end: int) -> bool:
    """'Citizen and foreign women', 'foreign and local victims': the subject's people are among them."""
    low = view.low
    for n in range(start, end):
        if low[n] not in _FOREIGN:
            continue
        before, after = low[max(start, n - 2) : n], low[n + 1 : min(end, n + 3)]
        if (before[-1:] == ["and"] and before[0] in _OWN_PEOPLE) or (
            after[:1] == ["and"] and after[-1] in _OWN_PEOPLE
        ):
            return True
    return False


def _from_elsewhere(view: View, start: int, end: int) -> bool:
    """'Victims from other regions', 'from neighboring countries': from abroad, but no place named."""
    low = view.low
    named = {q.i for q in view.places}
    for n in range(start, end - 1):
        named_next = any(k in named for k in range(n + 1, min(end, n + 5)))
        if low[n] == "from" and low[n + 1] in _ELSEWHERE and not named_next:
            return True
    return False


def _says_internal(view: View, start: int, end: int) -> bool:
    """'trafficked internally', 'internal forced labor', 'domestic trafficking' ('within the country'
    and 'within Togo' are places). 'Internally displaced persons' are not internal trafficking."""
    low = view.low
    for n in range(start, end):
        w = low[n]
        if w in _INTERNAL and not (n + 1 < end and low[n + 1] == "displaced"):
            return True
        if w == "domestic" and n + 1 < end and low[n + 1] == "trafficking":
            return True
    return False


def _parts(view: View, start: int, end: int) -> _Parts:
    parts = _Parts(span=(view.sent.start, start))
    places = view.places_in(start, end)
    parts.frame, parts.frame_roles = _frame(view, places, start, end)
    parts.listed = _role_list(view, start, end)
    named_first = _listed_first(view, places, start, end) if parts.listed is None else None
    if named_first is not None:
        parts.listed = (named_first[0], named_first[1] + 1)
        parts.named_first = True
    kinds: dict[int, str | None] = {}
    for p in places:
        if p.code.startswith("region:") and _region_named_by_countries(view, p, places):
            kinds[p.i] = None
            continue
        kind = _governing(view, p, places, kinds, start, parts.listed)
        if kind is None and named_first is not None and p.j <= named_first[1] and p.kind != "demonym":
            kind = named_first[0]  # "Nigeria and Togo are the main destinations"
        kinds[p.i] = kind
        if kind == _ORIGIN:
            parts.origins.append(p.code)
            parts.origin_at.append((p.i, p.code))
        elif kind == _DEST:
            onward = _after_on_to(view, p, places, start)
            (parts.onward if onward else parts.dests).append(p.code)
            if not onward:
                parts.dest_at.append((_cue_at(view, p, places, start), p.i, p.code))
            possessive = p.j < len(view.low) and view.low[p.j] in ("'s", "’s")  # "into Thailand's cities"
            if not possessive and _cue_word(view, p, places, start) in ("to", "into", "toward", "towards"):
                parts.entered.add(p.code)
            parts.en_route = parts.en_route or onward == "route"
        elif kind == _VIA:
            parts.via.append(p.code)
    parts.local = _names_local_place(view, start, end)
    there = _taken_there(view, start, end)
    if there is not None:  # "married to men from the Middle East and taken there"
        last = next((q for q in reversed(places) if q.j <= there and q.kind != "demonym"), None)
        if last is not None and kinds.get(last.i) is None and last.code not in parts.dests:
            parts.dests.append(last.code)
    return parts


def _scene_of_crimes(view: View, p: Place, start: int) -> bool:
    """'investigating crimes that occurred within X', 'offenses committed in X': where crimes took
    place, said of law enforcement, is not where victims were taken."""
    low = view.low
    window = low[max(start, p.i - 7) : p.i]
    crime = next((n for n, w in enumerate(window) if w in _CRIMES), None)
    if crime is None:
        return False
    rest = window[crime + 1 :]
    return any(w in ("occurred", "occurring", "committed", "took", "perpetrated") for w in rest) and any(
        w in ("in", "within", "inside") for w in rest
    )


def _defines_trafficking(words: set[str]) -> bool:
    """'The recruitment, transportation, transfer, harbouring or receipt of persons ... by means of
    the threat or use of force ...': the legal definition of trafficking, not a statement of a flow."""
    return "receipt" in words and bool(words & {"harbouring", "harboring"})


def _cue_word(view: View, p: Place, places: list[Place], start: int) -> str:
    """The word a place's list hangs from ("into" in "into A, B and C")."""
    k = _cue_at(view, p, places, start)
    return view.low[k] if k >= start else ""


def _cue_at(view: View, p: Place, places: list[Place], start: int) -> int:
    """Where the word a place's list hangs from stands (start - 1 if none)."""
    low = view.low
    ends = {q.j: q for q in places}
    k = p.i - 1
    while k >= start:
        if k + 1 in ends and ends[k + 1].i <= k:
            k = ends[k + 1].i - 1
        elif low[k] in _GLUE or low[k] in _DIRECTIONS:
            k -= 1
        else:
            return k
    return start - 1


def _taken_there(view: View, start: int, end: int) -> int | None:
    """Where a clause says people were 'taken there', 'sent there' (the place named just before)."""
    low = view.low
    for n in range(start + 1, end):
        if low[n] == "there" and (low[n - 1] in _MOVING or low[n - 1] in _TRIGGERS):
            return n - 1
    return None


def _given_to(view: View, i: int) -> bool:
    """Are the people at i those others are given to ('married off to wealthy men', 'sold to men')?"""
    low = view.low
    for n in range(i - 1, max(0, i - 3) - 1, -1):
        if low[n] == "to":
            return n > 0 and low[n - 1] in _GIVEN_TO
    return False


def _spouses_or_buyers(view: View, start: int, k: int) -> bool:
    """'married off to wealthy men from X', 'sold to men from X': the men are husbands or buyers, not
    victims, so X is not where the victims come from."""
    low = view.low
    m = k - 1
    if m < start or low[m] not in view.vocab.people:
        return False
    for n in range(m - 1, max(start, m - 4) - 1, -1):
        if low[n] == "to":
            return n > start and low[n - 1] in _GIVEN_TO
    return False


def _frame(view: View, places: list[Place], start: int, end: int) -> tuple[str | None, set[str]]:
    """'X is/was (primarily) a source, transit, and destination country for ...', 'X (Y) is ...',
    'the report found X a source ... country for ...' -> (X, roles)."""
    low = view.low
    roles = view.vocab.roles
    for p in places:
        if p.kind not in ("country", "subject"):
            continue
        judged = deemed(view, p, start)  # "the report found Ghana a source ... country for ..."
        n = skip_aside(view, p.j, end) if judged is None else judged - 1
        if judged is None and n < end and low[n] in ("also", "primarily", "mainly", "principally"):
            n += 1
        if judged is None and (
            n >= end or low[n] not in ("is", "was", "remains", "remained", "became", "has", "had", "been")
        ):
            continue
        found: set[str] = set()
        for k in range(n + 1, min(end, n + 16)):
            if low[k] in roles and low[k] != "sending":
                found.add(roles[low[k]])
            if low[k] in ("for", "where", "with", "who", "that"):
                break
        if found:
            return p.code, found
        break
    return None, set()


def _governing(
    view: View,
    p: Place,
    places: list[Place],
    kinds: dict[int, str | None],
    start: int,
    listed: tuple[str, int] | None = None,
) -> str | None:
    """The part a place plays, from the words to its left (across the list it stands in)."""
    low = view.low
    if p.kind == "demonym":
        return _ORIGIN if _demonym_names_victims(view, p) else None
    if p.kind == "region" and _region_adjective_before_people(view, p):
        return _ORIGIN  # "Mauritanian and West African boys"
    if _where_people_end_up(view, p):
        return _DEST
    if _scene_of_crimes(view, p, start):
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
        if w in _GLUE or w in _DIRECTIONS:
            k -= 1
            continue
        if w in _SETTLEMENT_OF and k + 1 < len(low) and low[k + 1] == "of":
            k -= 1  # "and the (East Asian) city of Macau": the list goes on
            while k >= start and k > p.i - 8 and view.toks[k][:1].isupper() and k + 1 not in starts:
                k -= 1
            continue
        if w in ("border", "borders", "borderlands") and any(
            x in ("on", "at", "along", "across", "to", "in") for x in low[max(start, k - 3) : k]
        ):
            return _DEST  # "sold to brothels on the borders of A and B"
        if w in ("extent", "degree"):  # "from Sudan and, to a lesser extent, Pakistan"
            hit = next((m for m in range(k - 1, max(start, k - 4) - 1, -1) if low[m] == "to"), None)
            if hit is not None and view.vocab.extent.match_at(low, hit):
                k = hit - 1
                continue
        if w == "from":
            before = low[k - 1] if k > start else ""
            if before in _RETURN:
                return _DEST
            if before in _NOT_VICTIMS or _spouses_or_buyers(view, start, k):
                return None
            return _ORIGIN
        if w == "in" or w == "at":
            before = low[k - 1] if k > start else ""
            if before in _ORIGIN_VERBS:
                return _ORIGIN
            if (
                before in _LOCAL_WORDS | {"village", "home", "hometown"}
                and "from" in low[max(start, k - 4) : k]
            ):
                return _ORIGIN  # "from her village in Uzbekistan"
            if before == "persons" or (before == "trafficking" and k > 1 and low[k - 2] in ("human", "in")):
                return None
            return _DEST
        if w == "to":
            # "returned to", "sent back to", "sent from A to B": home again. "Sent (people) to" alone
            # is where they are taken.
            before = low[k - 1] if k > start else ""
            if any(
                low[m] in _RETURN and (low[m] != "sent" or low[m + 1] in ("back", "home", "from"))
                for m in range(max(start, k - 4), k)
            ):
                return None
            if before in ("according", "due", "prior", "compared", "addition"):
                return None
            return _DEST
        if w == "for" and k > start and low[k - 1] in _BOUND_FOR:
            return _DEST
        if w in _DEST_CUES:
            return _DEST
        if w in _VIA_CUES:
            return _VIA
        if w in ("originated", "originating", "nationals", "citizens", "natives"):
            return _ORIGIN
        if w == "included" or w == "include" or w == "includes":
            return _ORIGIN if _identified_in_destination(view, start, k) else None
        if w in ("sector", "sectors", "industry", "industries") and k > start and low[k - 1] != "of":
            # "in the agricultural sector of Greece", "in the construction, farming, and service sectors of X"
            for m in range(k - 1, max(start, k - 9) - 1, -1):
                if low[m] in ("in", "into", "to"):
                    return _DEST
                if low[m] in ("from", "for", "by", "with", "of", ";"):
                    break
            return None
        return None
    return None


def _where_people_end_up(view: View, p: Place) -> bool:
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
            return low[k - 1] in _PLACE_NOUNS
        if w in _HUBS and k + 1 < end and low[k + 1] in ("of", "for"):
            after = low[k + 2 : min(end, k + 7)]
            return "trafficking" in after or bool(view.vocab.exploitation.find(after))
        if w in (",", ";", ":", "(", "for", "who", "that", "which", "and", "but"):
            return False
    return False


def _role_list(view: View, start: int, end: int) -> tuple[str, int] | None:
    """A clause that lists the places of a role: 'Primary destination countries include A, B, and C',
    'Other major destinations are A and B', 'Source countries for victims included A' (the part the
    listed places play, where the list starts); '... with 50 countries serving as destination points
    throughout Europe' (the list starts at the role word)."""
    low = view.low
    n = start
    while n < end and (low[n] in ("and", "but", ",", "the") or low[n] in _LIST_ADJECTIVES):
        n += 1
    if n + 1 < end and low[n] in ("countries", "country") and low[n + 1] == "of":
        n += 2  # "the main countries of destination are ..."
    part = _LIST_HEADS.get(low[n]) if n < end else None
    if part is not None:
        m = n + 1
        if m < end and low[m] in _LIST_NOUNS:
            m += 1
        if m < end and low[m] in ("for", "of"):  # "destinations for Ukrainian women include ..."
            verb = next((x for x in range(m + 1, min(end, m + 8)) if low[x] in _LIST_VERBS), None)
            if verb is not None and not set(low[m + 1 : verb]) & _NOT_VICTIMS:
                m = verb
        if m < end and low[m] in _LIST_VERBS and _place_within(view, m + 1, end, 1):
            return part, m + 1
    for n in range(start, end - 2):
        if (
            low[n] in _SERVING
            and low[n + 1] == "as"
            and low[n + 2] in ("destination", "destinations")
            and _place_within(view, n + 3, end, 3)
        ):
            return _DEST, n + 2
    return None


def _listed_first(view: View, places: list[Place], start: int, end: int) -> tuple[str, int] | None:
    """'Nigeria and Togo are the main destinations', 'Russia is the primary destination for ...': the
    places that open the clause play the one role named after the verb (the part, the verb's index).
    Not a list of roles ('are source and destination countries': that is the countries' own role),
    and not when the subject is among them."""
    low = view.low
    ends = {q.j: q for q in places}
    starts = {q.i: q for q in places}
    n = start
    while n < end and low[n] in ("and", "but", ",", "the"):
        n += 1
    run: list[Place] = []
    while n < end:
        if n in starts and starts[n].kind in ("country", "region"):
            run.append(starts[n])
            n = starts[n].j
        elif run and low[n] in _GLUE and n + 1 not in ends:
            n += 1
        else:
            break
    if not run or n >= end or low[n] not in ("are", "were", "is", "was", "remain", "remains", "remained"):
        return None
    if any(q.code == view.ctx.subject for q in run):
        return None
    verb = n
    n += 1
    while n < end and (low[n] in ("the", "also") or low[n] in _LIST_ADJECTIVES):
        n += 1
    part = _LIST_HEADS.get(low[n]) if n < end else None
    if part is None or low[n] in ("source", "origin"):  # "are the main sources", not "are a source ..."
        return None if part is None or low[n - 1] != "the" else (part, verb)
    nxt = low[n + 1 : n + 3]
    if nxt[:1] in ([","], ["and"], ["or"]) or (
        nxt[:1] in (["countries"], ["country"]) and nxt[1:] in ([","], ["and"])
    ):
        return None  # "are destination and transit countries"
    return part, verb


def _place_within(view: View, n: int, end: int, gap: int) -> bool:
    """Does a place start within a few words after n ('include the Czech Republic', 'points throughout
    Europe')?"""
    return any(n <= q.i <= n + gap and q.j <= end for q in view.places)


def _about_trafficking(view: View, memory: Memory, start: int, end: int) -> bool:
    """Is a list of places said in talk of trafficking: the clause names it, or the clause or sentence
    before it is about victims ("Ukraine is a source country for women trafficked ... Primary
    destination countries include ...")?"""
    if set(view.low[start:end]) & _ABOUT_TRAFFICKING:
        return True
    return memory.trafficking_at == memory.previous_sentence >= 0 or _is_victimization(view, 0, start)


def _identified_in_destination(view: View, start: int, k: int) -> bool:
    """'Victims identified in Y included nationals of A': the list before 'included' is origins."""
    return any(w in ("victims", "victim", "source") for w in view.low[start:k])


def _after_on_to(view: View, p: Place, places: list[Place], start: int) -> str | None:
    """Is the place in a list introduced by 'on to' / 'onward to' ('to Kazakhstan and on to Russia'):
    "onward"; or by 'en route to' ('to Algeria en route to Spain'): "route"; else None."""
    low = view.low
    k = p.i - 1
    starts = {q.j: q for q in places}
    while k > start:
        if k + 1 in starts and starts[k + 1].i <= k:
            k = starts[k + 1].i - 1
            continue
        if low[k] == "to":
            if low[k - 1] == "route":
                return "route"
            return "onward" if low[k - 1] in ("on", "onward", "onwards", "then") else None
        if low[k] in _GLUE:
            k -= 1
            continue
        return None
    return None


def _region_named_by_countries(view: View, p: Place, places: list[Place]) -> bool:
    """'to Europe, primarily France and Germany': the region stands for the countries after it."""
    low = view.low
    k = p.j
    # "West and Central African countries, primarily ...": look past the regions joined to this one.
    for q in places:
        if q.i == k + 1 and low[k] in ("and", ",", "or") and q.code.startswith("region:"):
            k = q.j
    if k < len(low) and low[k] in ("countries", "states", "nations"):
        k += 1
    if k < len(low) and low[k] == ",":
        k += 1
    if k >= len(low) or low[k] not in _NAMING:
        return False
    nxt = [q for q in places if q.i > k and q.i <= k + 4]
    return any(not q.code.startswith("region:") for q in nxt)


def _demonym_names_victims(view: View, p: Place) -> bool:
    """'Kazakhstani men', 'Beninese and Ghanaian children', 'Ukrainians': a demonym naming victims."""
    low = view.low
    text = low[p.i]
    if text.endswith(("ns", "is", "os", "as")) and p.j - p.i == 1:
        nxt = low[p.j] if p.j < len(low) else ""
        if nxt not in _NOT_VICTIMS and nxt not in ("'", "’", "'s", "’s"):
            return True
    demonyms = {q.i: q.j for q in view.places if q.kind == "demonym"}
    k, words = p.j, 0
    while k < len(low) and words < 5:
        if k in demonyms:  # "Burmese, Cambodian, and Lao men"
            k = demonyms[k]
            continue
        w = low[k]
        if w in view.vocab.people:
            return True
        if w in _NOT_VICTIMS or w in (".", ";", ":"):
            return False
        words += w not in (",", "and", "or")
        k += 1
    return False


def _region_adjective_before_people(view: View, p: Place) -> bool:
    """'West African boys', 'Asian and African women': a region's adjective right before people
    (across a list of such adjectives and demonyms), not 'West African countries' or 'the Caribbean'."""
    low, toks = view.low, view.toks
    if not toks[p.j - 1].endswith(("an", "ern")):
        return False
    at = {q.i: q.j for q in view.places if q.kind in ("demonym", "region")}
    k = p.j
    while k < len(low):
        if k in at:
            k = at[k]
        elif low[k] in (",", "and", "or"):
            k += 1
        else:
            break
    if k >= len(low) or low[k] not in view.vocab.people:
        return False
    while k < len(low) and low[k] in view.vocab.people:
        k += 1
    return k >= len(low) or low[k] not in _NOT_VICTIMS  # not "African migrant clients"


def _names_local_place(view: View, start: int, end: int) -> bool:
    """'to urban centers', 'from rural areas', 'found in Chisinau': a place inside the country."""
    low, toks = view.low, view.toks
    named = {n for q in view.places for n in range(q.i, q.j)}
    for n in range(start, end - 1):
        if low[n] not in ("to", "in", "within", "throughout", "into"):
            continue
        k = n + 1
        while k < end and low[k] in ("the", "poor", "other", "and", ",", "some", "major", "large"):
            k += 1
        if k >= end:
            continue
        if low[k] in _LOCAL_WORDS:
            return True
        if (
            low[n] in ("in", "to")
            and k > 0
            and low[n - 1] in ("found", "identified", "exploited", "trafficked")
        ):
            tok = toks[k]
            if tok[:1].isupper() and k not in named and low[k] not in view.vocab.months:
                return True
    return False


def _victims(view: View, start: int, end: int) -> tuple[str, ...]:
    """Victim groups named in a span; words inside a form of exploitation ("child soldiers") do not count."""
    inside = {n for i, j, _ in view.vocab.exploitation.find(view.low, start, end) for n in range(i, j)}
    low = view.low
    hits = [
        (i, value)
        for i, _, value in view.vocab.victims.find(low, start, end)
        if i not in inside and not _given_to(view, i)
    ]
    found = set()
    skip = -1
    for n, (i, value) in enumerate(hits):
        # "minor females": girls, not children; "adult and minor Venezuelan females": women and girls
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if low[i] == "minor" and nxt is not None and nxt[1] in ("women", "men") and nxt[0] - i <= 3:
            value = "girls" if nxt[1] == "women" else "boys"
            skip = -1 if "adult" in low[max(start, i - 2) : i] else n + 1
        if n != skip:
            found.add(value)
    return tuple(v for v in VICTIMS if v in found)


def _exploitation(view: View, start: int, end: int) -> tuple[str, ...]:
    low = view.low
    out: list[str] = []
    for i, j, value in view.vocab.exploitation.find(low, start, end):
        if j < len(low) and low[j] in view.vocab.exploitation_blockers:
            continue
        if i > 0 and low[i - 1] in ("anti", "anti-", "counter"):
            continue
        if value not in out:
            out.append(value)
        if " ".join(low[i:j]) in _ALSO_LABOR and "labor" not in out:
            out.append("labor")
    return tuple(out)


def _sectors(view: View, start: int, end: int) -> tuple[str, ...]:
    out: list[str] = []
    for _, _, value in view.vocab.sectors.find(view.low, start, end):
        if value not in out:
            out.append(value)
    return tuple(out)


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(x for x in second if x not in first)


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))
