"""Lists and coordination: role lists ("Primary destination countries include ..."), places named first,
"on to" / "en route to", a region named by its countries, and the spans each coordinated part describes."""

from __future__ import annotations

from tipkb.extract.common import Place, View
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.triggers import is_victimization
from tipkb.extract.flows.victims import exploitation_in, sectors_in, victims_in, with_sector_labor
from tipkb.extract.flows.words import (
    DEST,
    DIRECTIONS,
    GLUE,
    INTERNAL,
    LIST_ADJECTIVES,
    LIST_HEADS,
    LIST_NOUNS,
    LIST_VERBS,
    NAMING,
    NOT_VICTIMS,
    SERVING,
    WITH_LEADS,
)
from tipkb.places import region_of


def role_list(view: View, start: int, end: int) -> tuple[str, int] | None:
    """A clause that lists the places of a role: 'Primary destination countries include A, B, and C',
    'Other major destinations are A and B', 'Source countries for victims included A' (the part the
    listed places play, where the list starts); '... with 50 countries serving as destination points
    throughout Europe' (the list starts at the role word)."""
    low = view.low
    n = start
    while n < end and (low[n] in ("and", "but", ",", "the") or low[n] in LIST_ADJECTIVES):
        n += 1
    if n + 1 < end and low[n] in ("countries", "country") and low[n + 1] == "of":
        n += 2  # "the main countries of destination are ...", "the top countries of victim origin"
        if n + 1 < end and low[n] in ("victim", "victims") and low[n + 1] in LIST_HEADS:
            n += 1
    part = LIST_HEADS.get(low[n]) if n < end else None
    if part is not None:
        m = n + 1
        if m < end and low[m] in LIST_NOUNS:
            m += 1
        if m < end and low[m] in ("for", "of"):  # "destinations for Ukrainian women include ..."
            verb = next((x for x in range(m + 1, min(end, m + 8)) if low[x] in LIST_VERBS), None)
            if verb is not None and not set(low[m + 1 : verb]) & NOT_VICTIMS:
                m = verb
        m = past_aside(view, m, end)
        if m < end and low[m] in LIST_VERBS and place_within(view, m + 1, end, 1):
            return part, m + 1
    for n in range(start, end - 2):
        if (
            low[n] in SERVING
            and low[n + 1] == "as"
            and low[n + 2] in ("destination", "destinations")
            and place_within(view, n + 3, end, 3)
        ):
            return DEST, n + 2
    return None


def past_aside(view: View, m: int, end: int) -> int:
    """Past a year and a bracketed aside between a list's head and its verb ('The top countries of
    origin in 2015 (by number) were ...')."""
    low = view.low
    while m < end:
        if m + 1 < end and low[m] == "in" and low[m + 1].isdecimal() and len(low[m + 1]) == 4:
            m += 2
        elif low[m] == "(" and ")" in low[m + 1 : min(end, m + 8)]:
            m = low.index(")", m + 1) + 1
        else:
            return m
    return m


def listed_first(view: View, places: list[Place], start: int, end: int) -> tuple[str, int] | None:
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
        elif run and low[n] in GLUE and n + 1 not in ends:
            n += 1
        else:
            break
    if not run or n >= end or low[n] not in ("are", "were", "is", "was", "remain", "remains", "remained"):
        return None
    if any(q.code == view.ctx.subject for q in run):
        return None
    verb = n
    n += 1
    while n < end and (low[n] in ("the", "also") or low[n] in LIST_ADJECTIVES):
        n += 1
    part = LIST_HEADS.get(low[n]) if n < end else None
    if part is None or low[n] in ("source", "origin"):  # "are the main sources", not "are a source ..."
        return None if part is None or low[n - 1] != "the" else (part, verb)
    nxt = low[n + 1 : n + 3]
    if nxt[:1] in ([","], ["and"], ["or"]) or (
        nxt[:1] in (["countries"], ["country"]) and nxt[1:] in ([","], ["and"])
    ):
        return None  # "are destination and transit countries"
    return part, verb


def place_within(view: View, n: int, end: int, gap: int) -> bool:
    """Does a place start within a few words after n ('include the Czech Republic', 'points throughout
    Europe')?"""
    return any(n <= q.i <= n + gap and q.j <= end for q in view.places)


def after_on_to(view: View, p: Place, places: list[Place], start: int) -> str | None:
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
        if low[k] in GLUE:
            k -= 1
            continue
        return None
    return None


def region_named_by_countries(view: View, p: Place, places: list[Place]) -> bool:
    """'to Europe, primarily France and Germany': the region stands for the countries after it."""
    low = view.low
    k = p.j
    # "West and Central African countries, primarily ...": look past the regions joined to this one.
    joined = False
    for q in places:
        # "Africa, Central Asia, and Southeast Asia, including ...": joined by ",", "and" or ", and"
        gap = low[k : q.i]
        if gap == ["and", "the"]:  # "Europe and the Middle East"
            gap = ["and"]
        if gap in ([","], ["and"], ["or"], [",", "and"], [",", "or"]) and q.code.startswith("region:"):
            k, joined = q.j, True
    # "the Caribbean islands of A, B and C", "the Gulf states of A and B": the region's countries
    if k < len(low) and low[k] in ("islands", "nations", "countries", "states"):
        k += 1
    if k < len(low) and low[k] == "of" and low[k - 1] in ("islands", "nations", "countries", "states"):
        return any(q.i in (k + 1, k + 2) and not q.code.startswith("region:") for q in places)
    if k < len(low) and low[k] in ("countries", "states", "nations"):
        k += 1
    if k < len(low) and low[k] in (",", ":"):  # "in Europe: mainly in Spain and Italy"
        k += 1
    if k + 1 < len(low) and low[k : k + 2] == ["in", "particular"]:
        k += 1  # "to the Gulf, in particular Kuwait and Qatar"
    if k >= len(low) or low[k] not in NAMING:
        return False
    if k + 1 < len(low) and low[k + 1] in ("in", "to"):  # "mainly in Spain", "primarily to Italy"
        k += 1
    nxt = [q for q in places if q.i > k and q.i <= k + 4 and not q.code.startswith("region:")]
    # the countries named on through the clause ("Latin America and Europe: mainly in Curaçao and Aruba,
    # in Argentina, and in Spain"): one of them in the region's part of the world
    stop = next((n for n in range(k, len(low)) if low[n] in (";", ".")), len(low))
    later = [q for q in places if k < q.i < stop and not q.code.startswith("region:")]
    if joined and nxt and not any(in_continent(q.code, p.code) for q in later):
        return (
            False  # "South American and Asian countries, particularly Thailand": Asia's, not South America's
        )
    return bool(nxt)


def region_locating_countries(view: View, p: Place, places: list[Place]) -> bool:
    """'Curaçao, Sint Maarten, and Aruba in the Caribbean': the region only says where the countries
    right before it lie, it is no place of its own."""
    low = view.low
    k = p.i - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k < 1 or low[k] != "in":
        return False
    before = next((q for q in places if q.j == k and not q.code.startswith("region:")), None)
    return before is not None and region_of(before.code) is not None and in_continent(before.code, p.code)


def in_continent(country: str, region: str) -> bool:
    """Might the country lie in the region's part of the world ("Southeast Asia" for "Asia", "West
    Africa" for "Central Africa")? A country the gazetteer groups under no region might."""
    home = region_of(country)
    return home is None or region.rsplit(" ", 1)[-1].removeprefix("region:") in home


def cue_word(view: View, p: Place, places: list[Place], start: int) -> str:
    """The word a place's list hangs from ("into" in "into A, B and C")."""
    k = cue_at(view, p, places, start)
    return view.low[k] if k >= start else ""


def cue_at(view: View, p: Place, places: list[Place], start: int) -> int:
    """Where the word a place's list hangs from stands (start - 1 if none)."""
    low = view.low
    ends = {q.j: q for q in places}
    k = p.i - 1
    while k >= start:
        if k + 1 in ends and ends[k + 1].i <= k:
            k = ends[k + 1].i - 1
        elif low[k] in GLUE or low[k] in DIRECTIONS:
            k -= 1
        else:
            return k
    return start - 1


def origin_spans(
    view: View, origin_at: list[tuple[int, str]], start: int, end: int
) -> dict[str, tuple[int, int]]:
    """Where each of several origins is described ("33 Venezuelan females identified as victims of sex
    trafficking and one male from India identified as a labor trafficking victim"): the text up to the
    last ', and' or semicolon before the next origin, else its last 'and' or comma ("45 victims of forced
    labor, mostly Indian men, and 30 victims of sex trafficking, mostly Nigerian women"). Victims and
    purposes named there are that origin's."""
    if len({code for _, code in origin_at}) < 2:
        return {}
    low = view.low
    # Origins listed together ("women from A, B and C", "Indian and Chinese men") share one span.
    ends = {q.i: q.j for q in view.places}
    runs: list[list[tuple[int, str]]] = []
    for i, code in origin_at:
        last = runs[-1][-1][0] if runs else None
        if last is not None and all(
            w in (",", "and", "or", "the") for w in low[ends.get(last, last + 1) : i]
        ):
            runs[-1].append((i, code))
        else:
            runs.append([(i, code)])
    if len(runs) < 2:
        return {}
    cuts = [start]
    for (i, _), (nxt, _) in zip((run[-1] for run in runs), (run[0] for run in runs[1:]), strict=False):
        cut = next(
            (b for b in range(nxt - 1, i, -1) if low[b] == ";" or low[b - 1 : b + 1] == [",", "and"]), None
        )
        if cut is None:
            cut = next((b for b in range(nxt - 1, i, -1) if low[b] in ("and", ",", ";")), nxt)
        cuts.append(cut)
    cuts.append(end)
    out: dict[str, tuple[int, int]] = {}
    for run, a, b in zip(runs, cuts, cuts[1:], strict=False):
        for _, code in run:
            out.setdefault(code, (a, b))
    return out


def dest_spans(
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
        cut = next(
            (b for b in range(cue - 1, last, -1) if low[b] == ";" or low[b - 1 : b + 1] == [",", "and"]), None
        )
        if cut is None:
            cut = next(
                (b for b in range(cue - 1, last, -1) if low[b] in ("and", ",", ";", "-", "–", "—")), cue
            )
        cuts.append(cut)
    cuts.append(end)
    spans = list(zip(cuts, cuts[1:], strict=False))
    said = [
        (victims_in(view, a, b), with_sector_labor(exploitation_in(view, a, b), sectors_in(view, a, b)))
        for a, b in spans
    ]
    if len({x for x in said if x != ((), ())}) < 2:
        return {}
    out: dict[str, tuple[int, int]] = {}
    for (_, _, codes), span in zip(groups, spans, strict=False):
        for code in codes:
            out.setdefault(code, span)
    return out


def identified_in_destination(view: View, start: int, k: int) -> bool:
    """'Victims identified in Y included nationals of A': the list before 'included' is origins."""
    return any(w in ("victims", "victim", "source") for w in view.low[start:k])


def with_aside(view: View, start: int, end: int) -> int | None:
    """'X is a destination country for women trafficked for sexual and labor exploitation, with most
    victims trafficked internally for prostitution': where an aside of its own people opens ("with"),
    whose flows take its victims and purposes (and the flows before it, the words before it)."""
    low = view.low
    for n in range(start + 3, end - 3):
        if low[n] != "with":
            continue
        k = n + 1
        while k < min(end, n + 5) and low[k] in WITH_LEADS:
            k += 1
        if k < end and low[k] in view.vocab.people and is_victimization(view, k, end):
            return n
    return None


def internal_word_at(view: View, start: int, end: int) -> int | None:
    """Where a clause says its trafficking is internal ('trafficked internally', 'internal forced labor')."""
    return next((n for n in range(start, end) if view.low[n] in INTERNAL), None)


def paired_routes(parts: Parts) -> set[tuple[str, str]] | None:
    """'from A to B and from C to D': the origins and destinations of a clause in runs that alternate
    (origins, destinations, origins, destinations, ...), two or more of each, pair run by run."""
    marks = sorted(
        [(i, "o", code) for i, code in parts.origin_at] + [(i, "d", code) for _, i, code in parts.dest_at]
    )
    runs: list[tuple[str, list[str]]] = []
    for _, kind, code in marks:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(code)
        else:
            runs.append((kind, [code]))
    if len(runs) < 4 or len(runs) % 2 or runs[0][0] != "o":
        return None
    return {(o, d) for (_, os), (_, ds) in zip(runs[::2], runs[1::2], strict=True) for o in os for d in ds}
