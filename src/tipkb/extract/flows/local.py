"""Places inside the country that are not places of this contract: a clause that names one ("to urban
centers", "from rural areas", "found in Chisinau") speaks of people moved or found within the country."""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.flows.words import LOCAL_WORDS


def names_local_place(view: View, start: int, end: int) -> bool:
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
        if low[k] in LOCAL_WORDS:
            return True
        if (
            low[n] in ("in", "to")
            and k > 0
            and (
                low[n - 1] in ("found", "identified", "exploited", "trafficked")
                or (low[n] in ("to", "in") and from_local(view, start, n))
            )
        ):
            tok = toks[k]
            if tok[:1].isupper() and k not in named and low[k] not in view.vocab.months:
                return True
    return False


def from_local(view: View, start: int, n: int) -> bool:
    """'from rural areas (in the south) to ...': the clause set out from a place inside the country."""
    low = view.low
    for m in range(max(start, n - 8), n - 1):
        if low[m] == "from":
            k = m + 1
            while k < n and low[k] in ("the", "poor", "remote", "other"):
                k += 1
            return k < n and low[k] in LOCAL_WORDS
    return False
