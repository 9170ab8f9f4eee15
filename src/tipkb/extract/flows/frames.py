"""Role frames: "X is a source, transit and destination country for ..." and its role phrases."""

from __future__ import annotations

from tipkb.extract.common import Place, View, deemed, skip_aside
from tipkb.extract.flows.parts import Parts
from tipkb.extract.flows.victims import exploitation_in, victims_in


def frame_of(view: View, places: list[Place], start: int, end: int) -> tuple[str | None, set[str]]:
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


# "a destination country for ...", "a transit point for ...": the noun a role phrase names its role with
ROLE_NOUNS = frozenset(["country", "countries", "point", "hub"])


def role_phrase_spans(view: View, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], set[str]]:
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
        if k > m + 1 and k < end and low[k] in ROLE_NOUNS and low[k - 1] in roles:
            cut, later = n, {roles[w] for w in low[m + 1 : k] if w in roles}
            break
    if cut is None:
        return (), set()
    spans = ((start, cut), (cut, end))
    said = [(victims_in(view, a, b), exploitation_in(view, a, b)) for a, b in spans]
    return ((), set()) if ((), ()) in said or said[0] == said[1] else (spans, later)


def within_role_phrases(
    flows: list[tuple[str, str, tuple[str, ...]]],
    placed: dict[str, int],
    cut: int,
    parts: Parts,
    later_roles: set[str],
    frame_at: int = -1,
) -> list[tuple[str, str, tuple[str, ...]]]:
    """'X is a source country for women trafficked to A, as well as a destination country for men from
    B': B's people go to X, not to A; A's come from X. The frame country to itself only where the
    first phrase names it again ('... trafficked within the country ..., and a destination country for
    Colombian women'), not from its own mention (``frame_at``)."""
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
            # "X is a destination country for men from A ..., and a source country for children
            # trafficked within the country": A's people still go to X
            if placed[origin] < cut and dest == frame and "destination" in parts.frame_roles - later_roles:
                found.append((origin, frame, via))
        named_again = dest in placed and placed[dest] != frame_at
        out += [f for f in found if f not in out and (f[0] != f[1] or (f[0] == frame and named_again))]
    return out
