"""Parts and totals: which counts are a part of another count (FACTS.md ``scope: part``) and of which.

A form of exploitation or a sub-group after a total ("596 victims, including 12 foreign victims",
"20 sex trafficking"), the parts a total is split into ("18 in forced labor and 12 in sex trafficking"),
and a total named again to be split ("Of the 19 convicted offenders, ..."). A part takes the total its
sentence states, else the total of the same metric and year its section stated before; a sub-group with
no total beside it ("repatriated 26 Kenyan victims") stays a count of its own.
"""

from __future__ import annotations

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.extract.statistics import scope as _scope
from tipkb.extract.statistics.continuations import compared_at
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.words import CARE_VERBS, VERBS
from tipkb.extract.statistics.words import COMPARING as _COMPARING

# Words that point back to a total stated before ("Of these, ...", "such victims").
_BACK = frozenset(["these", "those", "them", "such", "whom"])
# Between a total and a sub-count of it ("596 victims, including 12 foreign victims", "of whom").
_PART_LINKS = frozenset(["including", "of", "whom", "which", "(", ":", "—", "–", "among", "these", "them"])


def restated(found: list[Count], memory: Memory) -> None:
    """'Of the 19 convicted offenders, ...', 'Of the 79 victims identified, ...': a count the document
    stated before, named again to be split; it gives no new fact, but its year to its parts."""
    for i, c in enumerate(found):
        if not c.restated or not c.metric:
            continue
        same = next(
            (t for t in found[:i] if t.value == c.value and t.metric == c.metric and not t.restated), None
        )
        if same is not None:
            # "It identified 163 victims in 2018, ...; of the 163, 122 were female": named again
            c.drop, c.year, c.own_year, c.scope = True, same.year, same.own_year, "total"
            continue
        key = (c.metric, c.value)
        if key in memory.stat_seen:
            c.drop = True
            if c.year is None:
                c.year = memory.stat_seen[key]
                c.own_year = c.year is not None


def earlier_totals(view: View, found: list[Count], orphans: list[Count], memory: Memory) -> None:
    """Parts with no total in their sentence, and sub-groups with none ("Of these, 26 were victims of
    sex trafficking", "Ten of the identified victims were minors"): the total of the same metric and
    year the paragraph stated before, if any; a sub-group with none stays a count of its own, unless
    the sentence points back to the total ("of these", "of the identified victims", "such victims")."""
    low = view.low
    back = any(w in _BACK for w in low) or any(
        low[m] == "of"
        and low[m + 1 : m + 2] == ["the"]
        and m + 3 < len(low)
        and low[m + 2] in ("identified", "convicted")
        for m in range(len(low) - 2)
    )
    promoted: set[int] = set()
    for c in found:
        if c.drop or not c.metric or c.parent is not None or (c.scope != "part" and c not in orphans):
            continue
        # "consular staff helped repatriate 12 Armenian victims": a count of its own; but "identified
        # one foreign victim" after the year's total of identified victims is a part of it
        if c in orphans and not back and c.metric == "victims_assisted":
            continue
        value = memory.stat_totals.get((c.metric, c.year))
        if value is not None and value > c.value:
            c.scope = "part"
            c.parent = Count(-1, -1, value, c.metric, None, c.year, False)
            promoted.add(id(c))
    for c in found:  # "one foreign victim (zero in 2019 and 2018)": the same sub-group in other years
        if (
            c.anchor is not None
            and id(c.anchor) in promoted
            and c.scope == "total"
            and c.metric == c.anchor.metric
        ):
            c.scope = "part"


def parts(view: View, found: list[Count]) -> list[Count]:
    """Sub-counts: a form of exploitation or a sub-group ("20 sex trafficking", "male victims"), and
    the parts a total is split into; each with the total it belongs to where the sentence states it.
    Returns the sub-groups left as totals for want of a total beside them."""
    low = view.low
    orphans: list[Count] = []
    opening = _scope.partitive_opening(view)
    for i, c in enumerate(found):
        if c.scope == "cumulative" or c.drop:
            continue
        if (
            c.remaining
            and not c.exploitation
            and not (
                (c.metric or "").startswith("victims")
                and any(w in CARE_VERBS for w in low[c.start + 1 : c.end + 1])
            )
        ):
            c.drop = True  # "the remaining six prosecutions did not result in conviction"; not "the
            continue  # remaining three received psycho-social support"
        previous = found[i - 1] if i > 0 else None
        if c.split and c.anchor is not None:
            # "18 were exploited in forced labor and 12 in sex trafficking": a part beside a part
            both = c.anchor.scope == "part" and c.anchor.exploitation and c.exploitation
            c.scope, c.parent = "part", (c.anchor.parent if both else None if c.anchor.lead else c.anchor)
        elif c.anchor is not None and c.anchor.scope == "part" and ")" not in low[c.anchor.end : c.start]:
            # "two foreign victims (none in 2018)": the same part in another year; after a closed
            # bracket of parts ("300 victims (..., 30 victims of ...), compared with 280") the total's.
            c.scope = "part"
        elif c.exploitation or c.sub_group:
            c.scope = "part"
            c.parent = _total_before(low, found, i)
            if c.parent is None and not c.exploitation and opening is None and _own_group(view, c):
                # "repatriated 26 Kenyan victims", "sheltered 104 child victims": a sub-group with no
                # total stated beside it is the count of its own (FACTS.md: a part is of a stated total)
                c.scope = "total"
                orphans.append(c)
        elif opening is not None and c.start > opening:
            # "Of these victims, ... one identified as transgender"; "Of the 79 victims identified, ..."
            c.scope = "part"
            c.parent = next((t for t in found[:i] if t.restated and t.metric == c.metric), None)
        elif (total := _bracket_or_with(low, found, i)) is not None:
            c.scope, c.parent = "part", total  # "596 victims (... 36 victims of other forms)"
        elif (
            previous is not None
            and previous.scope == "part"
            and previous.metric == c.metric
            and not c.own_year
            and _listed(low[previous.end : c.start])
        ):
            c.scope, c.parent = "part", previous.parent  # "28 ... in sex trafficking, and 19 for others"
        if c.scope == "part" and c.parent is not None and not c.own_year and c.parent.own_year:
            c.year, c.own_year = c.parent.year, True
    return orphans


def _own_group(view: View, c: Count) -> bool:
    """Is a sub-group count with no total beside it a count of its own: a group named before its noun
    ("26 Kenyan victims", "23 child victims"), not a zero ("no male victims"), cases carried over
    ("38 ongoing prosecutions", "cases from previous years"), "such victims" or a partitive ("Twelve of
    the identified victims", "victims younger than 16")?"""
    low = view.low
    if c.value == 0 or c.restated or low[c.end : c.end + 1] == ["of"] or _scope.group_after(view, c.end):
        return False
    if _scope.ongoing(view, c.start, c.end) or any(w in _BACK or w == "of" for w in low[c.start : c.end]):
        return False
    return not any(low[m : m + 2] in (["previous", "years"], ["prior", "years"]) for m in range(len(low)))


def _bracket_or_with(low: list[str], found: list[Count], i: int) -> Count | None:
    """The total a count at found[i] is a part of when it stands in the bracket right after that total
    ("596 victims (429 ..., 36 victims of other forms)") or after its "with" ("convicted eight
    traffickers, ..., with one trafficker sentenced to six years"); None for a year's figure of its own."""
    c = found[i]
    if c.own_year:
        return None
    totals = [t for t in found[:i] if t.metric == c.metric and t.scope == "total"]
    if not totals:
        return None
    nearest = totals[-1]
    gap = low[nearest.end : c.start]
    if gap[:1] == ["("] and ")" not in gap:
        return nearest
    if low[c.start - 1 : c.start] == ["with"] and low[c.start - 2 : c.start - 1] not in (
        ["compared"],
        ["comparison"],
    ):
        # the sentence's own total, not a comparison figure between them
        first = totals[0]
        return first if ";" not in low[first.end : c.start] else None
    return None


def _listed(gap: list[str]) -> bool:
    """Is the text between two counts a list's link (", ", ", and ", "; ")? Not a new clause with its
    own year or verb ("...; in 2013, it identified 74")."""
    return (
        bool(gap)
        and len(gap) <= 8
        and any(w in (",", "and", ";") for w in gap)
        and "compared" not in gap
        and not any(as_year(w) or w in VERBS for w in gap)
    )


def _total_before(low: list[str], found: list[Count], i: int) -> Count | None:
    """The total a sub-count at found[i] belongs to: the nearest count of the same metric before it
    that is no part itself, when a list or 'including', 'of whom', a bracket or a restated 'Of the N'
    joins them."""
    c = found[i]
    for j in range(i - 1, -1, -1):
        t = found[j]
        if t.metric != c.metric or t.scope != "total" or t.exploitation or t.sub_group:
            continue
        if t.restated:
            return t
        if (
            t.inherits
            and t.own_year
            and t.anchor is not None
            and t.anchor.scope == "total"
            and any(w in _COMPARING for w in low[t.anchor.end : t.start])
            and ";" in low[t.end : c.start]
        ):
            continue  # "11 in 2015, compared with 13 in 2013; three were ...": parts of the 11
        if ";" in low[t.end : c.start] and compared_at(low, t.start):
            continue  # "20 victims, compared with 33 victims in the previous period; 14 were ...": the 20's
        gap = low[t.end : c.start]
        if (
            t.inherits
            and not t.split
            and ")" in gap
            and "(" in low[t.anchor.end if t.anchor else 0 : t.start]
        ):
            continue  # "37 traffickers (46 in 2019) and ... 54 defendants": the bracket's other year

        if any(w in _PART_LINKS for w in gap) or (t.end == c.start):
            return t
        if ";" in gap and (not c.own_year or c.year == t.year):
            return t  # "identified 30 victims in 2020, ...; 18 were exploited in forced labor"
        return None
    return None
