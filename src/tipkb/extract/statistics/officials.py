"""Officials named one group after another after one verb ("charged one immigration official and two
police officers", "indicted a police officer and a border guard"): the verb counts them all, so the
count is their sum. The first group is a count already (``counts``); the groups after it join it.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.words import OFFICIALS, VERB_GAP, VERBS

# Words between the number of a group and its noun ("two border police officers").
_MAX_MODIFIERS = 3


def sum_listed(view: View, found: list[Count]) -> None:
    """Fold the groups of officials listed after a count of officials into it."""
    for c in found:
        if not (c.metric or "").startswith("officials_") or c.noun not in OFFICIALS or c.drop:
            continue
        if not _object_of_verb(view, c.start):
            continue
        groups = []
        end = c.end
        while (group := _next_group(view, end, found)) is not None:
            groups.append(group)
            end = group[1]
        if not groups:
            continue
        if view.low[c.end] == "," and (
            c.noun in ("officials", "official") or sum(g[0] for g in groups) == c.value
        ):
            continue  # "five officials, four police officers and a municipal employee,": who they were
        for _, _, member in groups:
            if member is not None:
                member.drop = True
        c.value += sum(g[0] for g in groups)
        c.end = end


def _object_of_verb(view: View, n: int) -> bool:
    """Is the count at n the object of a metric verb ("charged one official", "indicted a police
    officer")? Not a group named after "including" or "of whom": those are parts."""
    low = view.low
    p = n - 1
    while p >= 0 and low[p] in VERB_GAP and low[p] not in ("and", "or", "of"):
        p -= 1
    return p >= 0 and low[p] in VERBS and not VERBS[low[p]].startswith("victims")


def _next_group(view: View, end: int, found: list[Count]) -> tuple[int, int, Count | None] | None:
    """The group of officials right after a conjunction at ``end``: (its number, where it ends, the
    count already found for it or None), or None when the list ends."""
    low = view.low
    m = end
    if low[m : m + 2] == [",", "and"]:
        m += 2
    elif low[m : m + 1] in ([","], ["and"]):
        m += 1
    else:
        return None
    member = next((c for c in found if c.start == m), None)
    if member is not None:
        if member.noun not in OFFICIALS or member.own_year or (member.metric or "").startswith("victims"):
            return None
        return member.value, member.end, member
    if m >= len(low):
        return None
    if low[m] in ("a", "an", "one"):
        value = 1
    else:
        number = view.number_at(m)
        if number is None or number[0] != int(number[0]):
            return None
        value = int(number[0])
    for k in range(m + 1, min(len(low), m + 2 + _MAX_MODIFIERS)):
        if low[k] in OFFICIALS:
            return value, k + 1, None
        if not low[k].isalpha() and low[k] != "-":
            return None
    return None
