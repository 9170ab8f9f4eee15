"""Where a clause's people are from when it names no place of origin: inside the country ("trafficked
internally", "domestic trafficking"), the subject's own people beside foreign ones ("citizen and
foreign women"), or abroad with no place named ("victims from other regions")."""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.words import ELSEWHERE, FOREIGN, INTERNAL, OWN_PEOPLE


def says_internal(view: View, start: int, end: int) -> bool:
    """'trafficked internally', 'internal forced labor', 'domestic trafficking' ('within the country'
    and 'within Togo' are places). 'Internally displaced persons' are not internal trafficking."""
    low = view.low
    for n in range(start, end):
        w = low[n]
        if w in INTERNAL and not (n + 1 < end and low[n + 1] == "displaced"):
            return True
        if w == "domestic" and n + 1 < end and low[n + 1] == "trafficking":
            return True
    return False


def own_and_foreign(view: View, start: int, end: int) -> bool:
    """'Citizen and foreign women', 'foreign and local victims': the subject's people are among them."""
    low = view.low
    for n in range(start, end):
        if low[n] not in FOREIGN:
            continue
        before, after = low[max(start, n - 2) : n], low[n + 1 : min(end, n + 3)]
        if (before[-1:] == ["and"] and before[0] in OWN_PEOPLE) or (
            after[:1] == ["and"] and after[-1] in OWN_PEOPLE
        ):
            return True
    return False


def from_elsewhere(view: View, start: int, end: int) -> bool:
    """'Victims from other regions', 'from neighboring countries': from abroad, but no place named."""
    low = view.low
    named = {q.i for q in view.places}
    for n in range(start, end - 1):
        named_next = any(k in named for k in range(n + 1, min(end, n + 5)))
        if low[n] == "from" and low[n + 1] in ELSEWHERE and not named_next:
            return True
    return False
