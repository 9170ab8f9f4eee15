"""Roles: a country stated to be a source (origin), transit or destination country (FACTS.md ``role``)."""

from __future__ import annotations

from tipkb.extract.common import Place, View, deemed, skip_aside
from tipkb.extract.memory import Memory
from tipkb.model import RoleFact
from tipkb.vocab import word_set

RULE = "roles.v1"

_COPULA = word_set("roles.copula")
_ADVERBS = word_set("roles.adverbs")
# The role phrase ends at these words ("... destination country for women ...").
_SERVES = word_set("roles.serves")
_STOP = word_set("roles.stop")
_NOT_TRAFFICKING = word_set("roles.not_trafficking")
_INDICATIONS = word_set("roles.indications")
# Besides people and forms of exploitation, what a role may be 'for'.
_ABOUT_PEOPLE = word_set("roles.about_people")


def extract(view: View, memory: Memory) -> list[RoleFact]:
    """The source, transit and destination roles a sentence states for a country."""
    if view.sent.heading:
        return []
    facts: list[RoleFact] = []
    for start, end in view.clauses():
        found = _clause(view, start, end)
        named = tuple(dict.fromkeys(f.country for f in found))
        if len(named) > 1:  # "Papua New Guinea and Fiji are both ...": a group a later sentence may name
            memory.group, memory.group_at = named, memory.sentence_no
        facts.extend(found)
    return facts


def _subjects(view: View, start: int, end: int) -> tuple[list[Place], int] | None:
    """The countries a clause is about and where its verb starts ("Fiji and Samoa are")."""
    found = _subject(view, start, end)
    if not found:
        return None
    place, n = found
    subjects = [place]
    ends = {p.j: p for p in view.places_in(start, end) if p.kind == "country"}
    k = place.i - 1
    while k > start and view.low[k] in (",", "and") and k in ends:
        subjects.insert(0, ends[k])
        k = ends[k].i - 1
    return subjects, n


def _subject(view: View, start: int, end: int) -> tuple[Place, int] | None:
    """The country a clause is about and where its verb is: 'In 2008, Kazakhstan was', 'it was also',
    'The United Arab Emirates (U.A.E.) is'; or the country a verb of judging names ('the report found
    Ghana a source ... country'): then where its role phrase starts."""
    low = view.low
    for p in view.places_in(start, end):
        if p.kind not in ("country", "subject"):
            continue
        judged = deemed(view, p, start)
        if judged is not None and judged < end:
            return p, judged
        if p.i > start and low[p.i - 1] in _USING and p.j < end and low[p.j] == "as":
            return p, p.j + 1  # "traffickers use Laos as a transit point for ...": its role
        n = _past_relative(view, skip_aside(view, p.j, end), end)
        if n < end and low[n] in ("'s", "’s"):
            return None
        while n < end and low[n] in _ADVERBS:
            n += 1
        if n < end and low[n] in _MODALS:  # "Fiji may also be a transit country"
            m = n + 1
            while m < end and low[m] in _ADVERBS:
                m += 1
            if m < end and low[m] == "be":
                return p, m + 1
        if (
            n < end
            and low[n] == "been"
            or (n + 1 < end and low[n] in ("has", "had") and low[n + 1] == "been")
        ):
            n += 1 if low[n] == "been" else 2
            return p, n
        if n < end and low[n] in _COPULA:
            return p, n + 1
        if n + 1 < end and low[n] in ("continues", "continued") and low[n + 1] == "to":
            return p, n + 2
        if n + 1 < end and low[n] in _SERVES and low[n + 1] == "as":
            return p, n + 2
    return None


_USING = frozenset(("use", "uses", "used", "using"))
_MODALS = frozenset(("may", "might", "could", "can", "would", "will"))
_RELATIVES = frozenset(("where", "which", "who", "whose", "whence"))
_ROLE_NOUNS = frozenset(("country", "countries", "point", "points", "hub", "hubs", "route", "routes"))


def _past_relative(view: View, n: int, end: int) -> int:
    """Past a relative clause between commas after the country ("Tajikistan, where many citizens work
    abroad, remains ..."): the index after its closing comma, else n."""
    low = view.low
    if n + 1 < end and low[n] == "," and low[n + 1] in _RELATIVES:
        close = next((m for m in range(n + 2, min(end, n + 30)) if low[m] == ","), None)
        if close is not None:
            return close + 1
    return n


def _clause(view: View, start: int, end: int) -> list[RoleFact]:
    found = _subjects(view, start, end)
    if not found:
        return []
    places, n = found
    place = places[0]
    low = view.low
    roles = view.vocab.roles
    extent_phrases = view.vocab.extent
    extent: str | None = None
    out: list[tuple[str, str | None]] = []
    k = n
    while k < end:
        w = low[k]
        hit = extent_phrases.match_at(low, k, end)
        if hit:
            extent = hit[1]
            k = hit[0]
            continue
        if w in roles and w not in ("sending", "receiving"):
            role = roles[w]
            # "a popular tourist destination", "an investment destination": no trafficking role
            if role not in [r for r, _ in out] and not (k > 0 and low[k - 1] in _NOT_TRAFFICKING):
                out.append((role, extent))
        elif w == "of" and k > 0 and low[k - 1] in ("country", "countries", "point", "points"):
            pass
        elif w in _STOP or (w == "to" and not extent_phrases.match_at(low, k, end)):
            break
        k += 1
    if not out:
        return []
    tail = set(low[k : min(end, k + 6)])
    if tail & _NOT_TRAFFICKING or (k < end and low[k] == "for" and not _for_people(view, k + 1, end)):
        return []
    for role, more_extent in _later_roles(view, k, end):
        if role not in [r for r, _ in out]:
            out.append((role, more_extent))
    hedged = view.hedged_until(end) or bool(set(low[start : place.i]) & _INDICATIONS)
    year = view.year_until(end)
    return [
        RoleFact(
            doc=view.ctx.doc,
            year=year,
            evidence=view.evidence(),
            hedged=hedged,
            rule=RULE,
            section=view.ctx.section,
            country=subject.code,
            role=role,
            extent=extent,
        )
        for subject in places
        for role, extent in out
    ]


def _for_people(view: View, n: int, end: int) -> bool:
    """Is what a role is 'for' people or their trafficking ('for women and children', 'for trafficked
    persons', 'for forced labor'), not goods or travel ('a destination country for cocoa')?"""
    window = view.low[n : min(end, n + 12)]
    if set(window) & (view.vocab.people | _ABOUT_PEOPLE):
        return True
    return bool(view.vocab.victims.find(window) or view.vocab.exploitation.find(window))


def _later_roles(view: View, k: int, end: int) -> list[tuple[str, str | None]]:
    """Roles named after the first role phrase by '..., as well as a transit and destination country
    for ...', '... and a destination country for ...', '... and, to a lesser extent, a source.' or
    '..., but it is increasingly also a country of destination' (the same subject, a second role
    phrase, bare or with its pronoun and verb again)."""
    low = view.low
    roles = view.vocab.roles
    out: list[tuple[str, str | None]] = []
    n = k
    while n < end:
        if low[n : n + 3] == ["as", "well", "as"]:
            m = n + 3
        elif (low[n] == "and" and not (n > 0 and low[n - 1] in roles)) or low[n] == "but":
            m = n + 1
        else:
            n += 1
            continue
        m, extent = _past_restated_subject(view, m, end)
        while m < end and low[m] == ",":
            m += 1
        hit = view.vocab.extent.match_at(low, m, end)  # "and, to a lesser extent, a transit country"
        if hit:
            extent, m = hit[1], hit[0]
            while m < end and low[m] == ",":
                m += 1
        while m < end and low[m] in _ADVERBS:  # "and, increasingly, a country of origin"
            hit = view.vocab.extent.match_at(low, m, end)
            extent = hit[1] if hit else extent
            m += 1
            while m < end and low[m] == ",":
                m += 1
        if m >= end or low[m] not in ("a", "an"):
            n += 1
            continue
        found: list[tuple[str, str | None]] = []
        m += 1
        if m + 2 < end and low[m : m + 2] == ["country", "of"] and low[m + 2] in roles:
            m += 2  # "a country of destination"
            found.append((roles[low[m]], extent))
            m += 1
            bare = True
        else:
            bare = False
        while m < end and not bare:
            hit = view.vocab.extent.match_at(low, m, end)
            if hit:
                extent, m = hit[1], hit[0]
                continue
            if low[m] in roles and low[m] not in ("sending", "receiving"):
                found.append((roles[low[m]], extent))
            elif low[m] not in (",", "and", "or", "major", "significant", "key", "main"):
                break
            m += 1
        # "... a transit country", "a country of transit", or a bare role ending the clause ("..., a source.")
        closed = m >= end or low[m] in (".", ";", "for")
        if (
            found
            and (bare or closed or (m < end and low[m] in _ROLE_NOUNS))
            and not set(low[m : m + 6]) & _NOT_TRAFFICKING
        ):
            out.extend(found)
        n = m
    return out


def _past_restated_subject(view: View, m: int, end: int) -> tuple[int, str | None]:
    """Past 'it is (also)', 'it has (increasingly) become', '(since 2021) it has become' restating the
    subject after 'and'/'but': where the role phrase starts (else m) and the extent its adverbs say."""
    low = view.low
    extent: str | None = None
    p = m
    while p < end and p < m + 6 and low[p] not in _SUBJECTS_AGAIN:
        if low[p] in (".", ";") or low[p] in view.vocab.roles:
            return m, None
        p += 1
    if p >= end or low[p] not in _SUBJECTS_AGAIN or (p > m and low[m] != "since" and low[m] != ","):
        return m, None
    p += 1
    while p < end and low[p] in _ADVERBS:
        p += 1
    if p < end and low[p] in ("has", "had", "have") and p + 1 < end:
        p += 1
        while p < end and low[p] in _ADVERBS:
            hit = view.vocab.extent.match_at(low, p, end)
            extent = hit[1] if hit else extent
            p += 1
        if p < end and low[p] in ("become", "been"):
            return p + 1, extent
        return m, None
    if p < end and (low[p] in _COPULA or low[p] == "becoming"):
        return p + 1, None
    return m, None


_SUBJECTS_AGAIN = frozenset(("it",))
