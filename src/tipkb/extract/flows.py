"""Flows: people trafficked from one place to another (FACTS.md ``flow``).

Each place a clause names gets a part from the word that governs it (``from`` A, ``to``/``in``/``within``
B, ``through`` C, a demonym before *women* or *victims*), reading left across lists ("to A, B, and C",
"to other African countries, primarily A and B"). A clause is a flow only when it says people were
trafficked, exploited, subjected to forced labor or found as victims. What the clause leaves out comes
from the sentence's frame ("X is a source country for women trafficked to ...") and then the subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tipkb.extract.common import Place, View
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


@dataclass(slots=True)
class _Parts:
    origins: list[str] = field(default_factory=list)
    origin_at: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    dests: list[str] = field(default_factory=list)
    onward: list[str] = field(default_factory=list)  # "... and on to X": reached via the dests
    via: list[str] = field(default_factory=list)
    local: bool = False
    en_route: bool = False  # "to A en route to B": A is on the way, not a destination
    frame: str | None = None  # the frame country ("X is a source country for ...")
    frame_roles: set[str] = field(default_factory=set)


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
    if words & _NOT_A_STATEMENT:
        return [], internal
    gapped = start > 1 and low[start] in ("and", "but") and low[start - 1] == "," and bool(parts.dests)
    if not _is_victimization(view, start, end) and not (gapped and _is_victimization(view, 0, start)):
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
        )
    # Places wait for a "some"/"they" clause in the same sentence or the next one, no longer.
    fresh = memory.pending_at in (view.sent.start, memory.previous_sentence)
    if not named and memory.pending is not None and fresh and k < end and low[k] in _PRONOUN_SUBJECTS:
        parts = memory.pending  # "...migrate to Jordan for work; some are subjected to forced labor"
    memory.pending = None
    return _flows(view, memory, start, end, parts, internal), internal


def _flows(view: View, memory: Memory, start: int, end: int, parts: _Parts, internal: bool) -> list[FlowFact]:
    low = view.low
    words = set(low[start:end])
    foreign = (bool(words & _FOREIGN) and not _own_and_foreign(view, start, end)) or _from_elsewhere(
        view, start, end
    )
    subject = view.ctx.subject

    origins = _unique(parts.origins)
    if not origins:
        if parts.frame and "origin" in parts.frame_roles:
            origins = [parts.frame]
        elif not foreign and subject and (parts.dests or parts.onward or parts.local or internal):
            origins = [subject]
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
    elif parts.local and home and home not in dests:
        dests.append(home)

    victims = _victims(view, start, end) or _victims(view, 0, len(low))
    if not victims and low[start] in _PRONOUN_SUBJECTS:
        victims = memory.victims
    sectors = _sectors(view, start, end)
    exploitation = _with_sector_labor(_exploitation(view, start, end), sectors)
    if "same" in words and ("purposes" in words or "purpose" in words) and memory.exploitation:
        exploitation = _merge(memory.exploitation, exploitation)
    windows = _origin_windows(view, parts.origin_at, start, end)
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
    reached = set(parts.dests)
    for origin, dest, via in flows:
        if via and (origin == dest or (dest in onward and origin in reached)):
            continue  # "migrate to A en route to B" said of A's own people: they do not set out from A
        if origin.startswith("region:") and dest.startswith("region:"):
            continue
        own_victims = _victims(view, *windows[origin]) if origin in windows else ()
        own_exploitation = _exploitation(view, *windows[origin]) if origin in windows else ()
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
                exploitation=own_exploitation or exploitation,
                sectors=sectors,
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
        # "sent 400 laborers to Qatar for forced labor"
        if (
            w == "for"
            and n + 1 < end
            and _names_exploitation(view, n + 1, end)
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
            to_place = any(q.i > m + 1 and q.j <= n and low[q.i - 1] in ("to", "into") for q in view.places)
            return to_place and any(w in view.vocab.people for w in low[start:n])
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
    parts = _Parts()
    places = view.places_in(start, end)
    parts.frame, parts.frame_roles = _frame(view, places, start, end)
    kinds: dict[int, str | None] = {}
    for p in places:
        if p.code.startswith("region:") and _region_named_by_countries(view, p, places):
            kinds[p.i] = None
            continue
        kind = _governing(view, p, places, kinds, start)
        kinds[p.i] = kind
        if kind == _ORIGIN:
            parts.origins.append(p.code)
            parts.origin_at.append((p.i, p.code))
        elif kind == _DEST:
            onward = _after_on_to(view, p, places, start)
            (parts.onward if onward else parts.dests).append(p.code)
            parts.en_route = parts.en_route or onward == "route"
        elif kind == _VIA:
            parts.via.append(p.code)
    parts.local = _names_local_place(view, start, end)
    return parts


def _frame(view: View, places: list[Place], start: int, end: int) -> tuple[str | None, set[str]]:
    """'X is/was (primarily) a source, transit, and destination country for ...' -> (X, roles)."""
    low = view.low
    roles = view.vocab.roles
    for p in places:
        if p.kind not in ("country", "subject"):
            continue
        n = p.j
        if n < end and low[n] in ("also", "primarily", "mainly", "principally"):
            n += 1
        if n >= end or low[n] not in ("is", "was", "remains", "remained", "became", "has", "had", "been"):
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
    view: View, p: Place, places: list[Place], kinds: dict[int, str | None], start: int
) -> str | None:
    """The part a place plays, from the words to its left (across the list it stands in)."""
    low = view.low
    if p.kind == "demonym":
        return _ORIGIN if _demonym_names_victims(view, p) else None
    starts = {q.j: q for q in places}
    k = p.i - 1
    budget = 12
    while k >= start and budget > 0:
        budget -= 1
        w = low[k]
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
            if before in _NOT_VICTIMS:
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
    found = {value for i, _, value in view.vocab.victims.find(view.low, start, end) if i not in inside}
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
