"""Timing: the year (or span of years) each count of a sentence is for.

"respectively" gives one year to each count of a list, in order; a figure over several years in a
count's clause makes it cumulative, a one-year reporting period dates it (``periods``). Then each count
with no year of its own takes the one in force for it: the year after its list, its anchor's, its
clause's or sentence's opening year, else the paragraph's carried year or the report's
(``assign_years``), which also returns the year the paragraph goes on with. A comparison figure
("compared with 42 in the previous reporting period") is another year's.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics import scope as _scope
from tipkb.extract.statistics import years as _years_of
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.words import COMPARING as _COMPARING
from tipkb.extract.statistics.words import LAST_YEARS as _LAST_YEARS


def respectively(view: View, found: list[Count]) -> None:
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
    # "identified 11, 9, 12 and 24 victims of trafficking in 2008, 2009, 2010 and 2011 respectively": the
    # years listed after the counts, one to each
    closing = low.index("respectively")
    before = [c for c in found if c.end <= closing and not c.drop]
    if before:
        listed = [y for m in range(before[-1].end, closing) if (y := view.year_at(m))]
        run = before[-len(listed) :] if len(listed) >= 2 and len(before) >= len(listed) else []
        if run and len({c.metric for c in run}) == 1 and len(set(listed)) == len(listed):
            for c, y in zip(run, listed, strict=True):
                c.year, c.years, c.own_year = y, (), True
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


def same_years(view: View, found: list[Count], years: tuple[int, ...], recent: bool) -> None:
    """'The number of persons prosecuted in the same years was 8, 11 and 6 respectively': a list of
    counts of one metric that states no year before its "respectively", as long as the years an earlier
    sentence stated (``years``: the sentence just before when ``recent``, else any earlier one the
    words "the same years" point to), takes those years in order."""
    low = view.low
    if len(years) < 2 or "respectively" not in low:
        return
    if not recent and not ("same" in low and "years" in low):
        return
    runs: list[list[Count]] = []
    for c in found:
        if c.drop or c.scope != "total" or c.exploitation:
            runs.append([])
            continue
        run = runs[-1] if runs else []
        if run and c.metric == run[0].metric and _listed_numbers(low[run[-1].end : c.start]):
            run.append(c)
        else:
            runs.append([c])
    for run in runs:
        if len(run) != len(years):
            continue
        last = run[-1].end
        closing = next((m for m in range(last, min(len(low), last + 6)) if low[m] == "respectively"), None)
        if closing is None or any(view.year_at(m) for m in range(run[0].start, closing)):
            continue
        for x, y in zip(run, years, strict=True):
            x.year, x.years, x.own_year = y, (), True


def _listed_numbers(between: list[str]) -> bool:
    """Only list glue between two counts of one list ("8, 11 and 6")."""
    return len(between) <= 2 and all(w in (",", "and", ";") for w in between)


def stated_years(view: View, found: list[Count]) -> tuple[int, ...]:
    """The distinct years the counts of a sentence are for, in order, where the sentence states them
    (not a year carried from before), for a later "the same years"."""
    said = {view.year_at(m) for m in range(len(view.low))}
    out: list[int] = []
    for c in found:
        if c.year is None or c.scope == "cumulative" or c.drop or c.year in out:
            continue
        if c.own_year or c.year in said:
            out.append(c.year)
    return tuple(out)


def periods(view: View, found: list[Count]) -> None:
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


def assign_years(view: View, found: list[Count], carried: int | None) -> int | None:
    """Give each count with no year of its own the one in force for it; return the year this sentence
    states for its counts (for the next sentences of the paragraph), or None."""
    clauses = view.clauses()
    low = view.low
    opening = _years_of.opening_year(view, found[0].start) or _years_of.that_year(view, found[0].start)
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
            or comparison(view, last)
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
            continue  # the year before its anchor's, once every anchor has its year (below)
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
    for c in found:  # "up from 95", "rose from 17 to 25": the period before the anchor's
        if c.previous and c.anchor is not None and id(c) not in trail:
            c.year = c.anchor.year - 1 if c.anchor.year else None
    # Parts whose total got its year only now.
    for c in found:
        if c.scope == "part" and c.parent is not None and not c.own_year and c.parent.year is not None:
            c.year = c.parent.year
    first = next((c for c in found if c.metric and not c.inherits and c.scope != "cumulative"), None)
    if first is None:
        return None
    if first.own_year and not first.restated:
        if comparison(view, first):
            return None  # "This compared with eight victims in the previous reporting period."
        return first.year
    return opening


def comparison(view: View, c: Count) -> bool:
    """Is a count a figure for comparison ("compared with 42 victims referred in the previous
    reporting period"): its year is another year's, not the one the paragraph goes on with."""
    low = view.low
    if any(w in ("compared", "comparison", "versus", "vs.") for w in low[max(0, c.start - 4) : c.start]):
        return True
    tail = " ".join(low[c.end : c.end + 8])
    return any(p in tail for p in _LAST_YEARS)
