"""Statistics: counts of investigations, prosecutions, convictions and victims (FACTS.md ``statistic``).

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow (``counts``).

Each count then gets its scope (``scope``): a figure over several years in its clause makes it
cumulative (no year, a span); a sub-group or a form of exploitation after a total makes it a part of
that total; else it is the total for its year. The year: the one stated with it, else its total's,
else one its clause or sentence states before it, else the year the paragraph's last counts stated,
else the paragraph's or report's.
"""

from __future__ import annotations

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.extract.statistics import counts as _counts
from tipkb.extract.statistics import scope as _scope
from tipkb.extract.statistics import years as _years_of
from tipkb.extract.statistics.counts import Count
from tipkb.extract.statistics.words import LAST_YEARS as _LAST_YEARS
from tipkb.extract.statistics.words import VERBS
from tipkb.model import StatisticFact

RULE = "statistics.v2"

# Between a total and a sub-count of it ("596 victims, including 12 foreign victims", "of whom").
# Words that point back to a total stated before ("Of these, ...", "such victims").
_BACK = frozenset(["these", "those", "them", "such", "whom"])
_PART_LINKS = frozenset(["including", "of", "whom", "which", "(", ":", "—", "–", "among", "these", "them"])


def extract(view: View, memory: Memory) -> list[StatisticFact]:
    """The counts a sentence states, each with its metric, year and scope."""
    if view.sent.heading or not _counts.has_count_words(view):
        return []
    country = view.ctx.subject
    if not country:
        return []
    if memory.stat_paragraph != view.sent.paragraph:
        memory.stat_paragraph = view.sent.paragraph
        memory.stat_year = None
    if memory.stat_section != view.ctx.section:
        # totals for later parts hold within a section (wrapped text cuts paragraphs differently)
        memory.stat_section = view.ctx.section
        memory.stat_totals = {}
    carried = (
        memory.stat_year
        if view.ctx.report_year is not None and view.ctx.year == view.ctx.report_year
        else None
    )
    found = _counts.find(view, carried, memory.metric)
    if not found:
        # "IOM identified 243 victims in 2010.": a count that is no fact (another party's) still sets
        # the time the paragraph goes on with
        year = _other_party_year(view)
        if year is not None:
            memory.stat_year = year
        return []
    _respectively(view, found)
    _restated(found, memory)
    _periods(view, found)
    orphans = _parts(view, found)
    stated = _years(view, found, carried)
    fiscal = _years_of.fiscal_years(view)
    if fiscal:  # "In FY 2018-19, ...": the fiscal year's end
        for c in found:
            c.year = fiscal.get(c.year, c.year) if c.year else c.year
            c.years = tuple(fiscal.get(y, y) for y in c.years)
        stated = fiscal.get(stated, stated) if stated else stated
    _earlier_totals(view, found, orphans, memory)
    facts: list[StatisticFact] = []
    seen: set[tuple[str, int, int | None, str]] = set()
    for c in found:
        if not c.metric or c.metric == "victims":
            continue
        if c.drop:
            continue
        for year in (c.year, *c.years):
            for metric in (c.metric, *c.also):
                key = (metric, c.value, year, c.scope)
                if key in seen:
                    continue
                seen.add(key)
                facts.append(
                    StatisticFact(
                        doc=view.ctx.doc,
                        year=year,
                        evidence=view.evidence(),
                        hedged=False,
                        rule=RULE,
                        section=view.ctx.section,
                        country=country,
                        metric=metric,
                        value=c.value,
                        exploitation=c.exploitation,
                        scope=c.scope,
                        part_of=c.parent.value if c.scope == "part" and c.parent is not None else None,
                        span=c.span if c.scope == "cumulative" else None,
                    )
                )
                if c.scope == "total":
                    memory.stat_seen[(metric, c.value)] = year
                    memory.stat_totals[(metric, year)] = c.value
    if facts:
        memory.metric = facts[-1].metric
    if stated is not None:
        memory.stat_year = stated
    return facts


def _other_party_year(view: View) -> int | None:
    """The year stated right after a victims count of a sentence that gave no fact, or None."""
    low = view.low
    for n, w in enumerate(low):
        number = view.number_at(n)
        if number is None or as_year(w):
            continue
        if not any(x in ("victims", "victim") for x in low[number[1] : number[1] + 4]):
            continue
        year = view.year_after(number[1] + 1, 4) or view.year_after(number[1] + 2, 3)
        if year:
            return year
    return None


def _respectively(view: View, found: list[Count]) -> None:
    """'identified 35 and 47 victims in 2019 and 2020, respectively': one year to each count, in order."""
    low = view.low
    if "respectively" not in low:
        return
    groups: dict[tuple[int | None, tuple[int, ...]], list[Count]] = {}
    for c in found:
        if c.years:
            groups.setdefault((c.year, c.years), []).append(c)
    for (first, more), group in groups.items():
        years = (first, *more)
        if len(group) != len(years):
            continue
        for c, year in zip(group, years, strict=True):
            c.year, c.years = year, ()
    # "In 2019 and 2020, courts convicted 12 and 15 traffickers, respectively": the opening's years
    opening = [
        view.year_at(m)
        for m in range(0, found[0].start)
        if view.year_at(m) and (m == 0 or low[m - 1] in ("in", "and", ",", "during"))
    ]
    plain = [c for c in found if not c.own_year]
    if len(opening) >= 2 and len(plain) == len(opening) == len(found) and len({c.metric for c in found}) == 1:
        for c, y in zip(plain, opening, strict=True):
            c.year, c.own_year = y, True
    # "46 investigations, 21 prosecutions, and 15 convictions in 2020 (42, 29, and 22 in 2019,
    # respectively)": figures for another year, one for each count of the list, in order
    totals = [c for c in found if not c.inherits and c.metric]
    for i, c in enumerate(found):
        if not c.inherits or c.split or (i and found[i - 1].inherits):
            continue
        group = [c]
        for x in found[i + 1 :]:
            if not x.inherits or x.split:
                break
            group.append(x)
        before = [t for t in totals if t.end <= c.start]
        if len(group) < 2 or len(before) < len(group):
            continue
        heads = before[-len(group) :]
        if len({(t.metric, t.exploitation) for t in heads}) != len(heads):
            continue
        year = next((x.year for x in reversed(group) if x.own_year), None)
        for x, t in zip(group, heads, strict=True):
            x.metric, x.anchor = t.metric, t
            x.exploitation = x.exploitation or t.exploitation  # "17 ... sex trafficking and 6 ... labor"
            if year is not None and not x.own_year:
                x.year, x.own_year = year, True


def _restated(found: list[Count], memory: Memory) -> None:
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


def _periods(view: View, found: list[Count]) -> None:
    """A figure over several years in a count's clause makes it cumulative; a one-year reporting period
    ("between October 2016 and September 2017") dates it."""
    for a, b in view.clauses():
        inside = [c for c in found if a <= c.start < b]
        if not inside:
            continue
        for p in _scope.periods(view, a, b):
            for c in inside:
                if not _governs(view, p, c, found):
                    continue
                if not p.cumulative:
                    if not c.own_year:
                        c.year, c.own_year = p.year, True
                    continue
                span_years = {y for y in (p.span or ()) if y}
                if c.own_year and c.year not in span_years:
                    continue  # "61 over three years (15 in 2012, ...)": 15 is 2012's
                c.scope, c.year, c.years, c.own_year = "cumulative", None, (), False
                c.span = p.span
    for c in found:
        if c.scope == "cumulative" and c.span is None:
            # "totalled 61 over three years (15 in 2012, 22 in 2013 and 24 in 2014)"
            years = [x.year for x in found if x.anchor is c and x.own_year and x.year]
            if len(years) >= 2:
                c.span = (min(years), max(years))


def _governs(view: View, p: _scope.Period, c: Count, found: list[Count]) -> bool:
    """Does a time adverbial in the clause hold for the count: stated before it with no year of its own
    between ("Over the last six years, ... five traffickers, out of 43 investigations"), or right after
    its phrase ("convicted 40 traffickers since 2015"); a reporting period holds for its whole clause."""
    low = view.low
    if not p.cumulative:
        return True
    if p.end <= c.start:
        return view.stated_year(p.end, c.start) is None
    if p.start >= c.end:
        gap = low[c.end : p.start]
        others = any(c.end <= x.start < p.start for x in found)
        return len(gap) <= 6 and "," not in gap and ";" not in gap and not others
    return False


def _earlier_totals(view: View, found: list[Count], orphans: list[Count], memory: Memory) -> None:
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
    for c in found:
        if c.drop or not c.metric or c.parent is not None or (c.scope != "part" and c not in orphans):
            continue
        if c in orphans and not back:
            continue  # "consular staff helped repatriate 12 Armenian victims": a count of its own
        value = memory.stat_totals.get((c.metric, c.year))
        if value is not None and value > c.value:
            c.scope = "part"
            c.parent = Count(-1, -1, value, c.metric, None, c.year, False)


def _parts(view: View, found: list[Count]) -> list[Count]:
    """Sub-counts: a form of exploitation or a sub-group ("20 sex trafficking", "male victims"), and
    the parts a total is split into; each with the total it belongs to where the sentence states it.
    Returns the sub-groups left as totals for want of a total beside them."""
    low = view.low
    orphans: list[Count] = []
    opening = _scope.partitive_opening(view)
    for i, c in enumerate(found):
        if c.scope == "cumulative" or c.drop:
            continue
        if c.remaining and not c.exploitation:
            c.drop = True  # "the remaining six prosecutions did not result in conviction"
            continue
        previous = found[i - 1] if i > 0 else None
        if c.split and c.anchor is not None:
            # "18 were exploited in forced labor and 12 in sex trafficking": a part beside a part
            both = c.anchor.scope == "part" and c.anchor.exploitation and c.exploitation
            c.scope, c.parent = "part", (c.anchor.parent if both else c.anchor)
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


def _years(view: View, found: list[Count], carried: int | None) -> int | None:
    """Give each count with no year of its own the one in force for it; return the year this sentence
    states for its counts (for the next sentences of the paragraph), or None."""
    clauses = view.clauses()
    low = view.low
    opening = _years_of.opening_year(view, found[0].start)
    if opening is None and _years_of.opens_with_last_year(view, found[0].start):
        # "In the previous year, police identified 20 victims."
        base = carried or view.ctx.year
        opening = base - 1 if base else None
    if opening is None and _years_of.opens_with_reporting_period(view, found[0].start):
        opening = view.ctx.report_year  # "During the reporting period, police identified 20 victims."
    # "identified 40 victims in 2020 and referred 35 to shelters": the year stated with the sentence's
    # first count holds for its later counts (as it does for the paragraph's next sentences).
    lead = found[0] if found[0].own_year and not found[0].restated and found[0].anchor is None else None
    # "46 investigations (42 in 2019), 21 prosecutions (29 in 2019), and 15 convictions (22 in 2019)
    # in 2020": the year after the list's last count holds for the list
    trail: dict[int, int] = {}
    for a, b in clauses:
        last = next(
            (
                x
                for x in reversed(found)
                if a <= x.start < b and not x.inherits and x.metric and not x.restated
            ),
            None,
        )
        if (
            last is None
            or last.year is None
            or not last.own_year
            or not any(view.year_at(m) == last.year for m in range(last.end, last.end + 12))
            or _comparison(view, last)
            or low[a : last.start].count("(") > low[a : last.start].count(")")
        ):
            continue
        for x in found:
            gap = low[x.end : last.start]
            if (
                a <= x.start < last.start
                and not x.own_year
                and not x.inherits
                and not any(w in _COMPARING for w in gap)
            ):
                trail[id(x)] = last.year
    for c in found:
        if id(c) in trail and opening is None:
            c.year = trail[id(c)]
            continue
        if c.own_year or c.scope == "cumulative":
            continue
        if c.previous and c.anchor is not None:
            c.year = c.anchor.year - 1 if c.anchor.year else None
            continue
        clause_start = max((a for a, _ in clauses if a <= c.start), default=0)
        clause_year = _years_of.opening_year(view, c.start, clause_start) if clause_start > 0 else None
        if (
            clause_year is None
            and clause_start > 0
            and _years_of.opens_with_last_year(view, c.start, clause_start)
        ):
            # "...; the year before, officials repatriated 68": the year before the sentence's
            base = next((x.year for x in found if x.start < clause_start and x.year), None)
            base = base or opening or carried or view.ctx.year
            c.year, c.own_year = (base - 1 if base else None), True
            continue
        if (
            c.anchor is not None
            and c.anchor.year is not None
            and c.anchor.own_year
            and not c.split
            and (clause_year is None or c.anchor.start >= clause_start)
        ):
            c.year = c.anchor.year  # not "...; in 2013, it identified 74": its clause's own year
            continue
        c.year = clause_year
        c.year = c.year or opening or (lead.year if lead is not None else None) or carried or view.ctx.year
    # Parts whose total got its year only now.
    for c in found:
        if c.scope == "part" and c.parent is not None and not c.own_year and c.parent.year is not None:
            c.year = c.parent.year
    first = next((c for c in found if c.metric and not c.inherits and c.scope != "cumulative"), None)
    if first is None:
        return None
    if first.own_year and not first.restated:
        if _comparison(view, first):
            return None  # "This compared with eight victims in the previous reporting period."
        return first.year
    return opening


_COMPARING = frozenset(
    [
        "compared",
        "comparison",
        "versus",
        "vs.",
        "from",
        "than",
        "increase",
        "decrease",
        "up",
        "down",
        "whereas",
        "while",
    ]
)


def _comparison(view: View, c: Count) -> bool:
    """Is a count a figure for comparison ("compared with 42 victims referred in the previous
    reporting period"): its year is another year's, not the one the paragraph goes on with."""
    low = view.low
    if any(w in ("compared", "comparison", "versus", "vs.") for w in low[max(0, c.start - 4) : c.start]):
        return True
    tail = " ".join(low[c.end : c.end + 8])
    return any(p in tail for p in _LAST_YEARS)
