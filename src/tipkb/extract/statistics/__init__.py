"""Statistics: counts of investigations, prosecutions, convictions and victims (FACTS.md ``statistic``).

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow (``counts``; the metric from the words around the number in
``verbs``, ``participles`` and ``victims``; ``continuations`` and ``filters``).

Each count then gets its scope (``scope``): a figure over several years in its clause makes it
cumulative (no year, a span); a sub-group or a form of exploitation after a total makes it a part of
that total (``parts``); else it is the total for its year. The year (``timing``): the one stated with
it, else its total's, else one its clause or sentence states before it, else the year the paragraph's
last counts stated, else the paragraph's or report's.
"""

from __future__ import annotations

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.extract.statistics import asides as _asides
from tipkb.extract.statistics import counts as _counts
from tipkb.extract.statistics import labels as _labels
from tipkb.extract.statistics import officials as _officials
from tipkb.extract.statistics import parts as _parts
from tipkb.extract.statistics import timing as _timing
from tipkb.extract.statistics import years as _years_of
from tipkb.model import StatisticFact

RULE = "statistics.v2"


def extract(view: View, memory: Memory) -> list[StatisticFact]:
    """The counts a sentence states, each with its metric, year and scope."""
    view = _asides.bracketed(view)
    listing, listing_year = memory.stat_listing, memory.stat_listing_year
    form = _labels.form_line(view) if listing is not None else None
    line = listing is not None and (
        form is not None or _labels.label_line(view) or _labels.residual_line(view)
    )
    opens = _labels.opens_a_list(view)
    if opens is None and listing is not None and memory.stat_listing_fresh and view.sent.heading and not line:
        # a title wrapped over two lines ("... under Section" / "168 of the Criminal Code"): the list goes on
        opens, title_year = listing, view.stated_year() or listing_year
    else:
        title_year = view.stated_year()
    memory.stat_listing = opens or (listing if line else None)
    memory.stat_listing_fresh = bool(opens)
    if opens:
        memory.stat_listing_year = title_year
    if line and form is None and _labels.residual_line(view):
        return []  # "Other forms (...): 131": no fact, the list goes on
    row = None if line else _labels.metric_row(view)
    if line:
        memory.metric = listing  # "... was as follows:" / "2015: 59;": the list's metric
    elif row is None and (view.sent.heading or not _counts.has_count_words(view)):
        return []
    country = view.ctx.subject
    if not country:
        return []
    if row is not None:
        # "Victims identified: 45", "Survivors assisted - 104 (2020: 86)": a line labelled by its metric
        year = memory.stat_year or view.ctx.year
        memory.metric = row[0][0]
        memory.stat_seen[(row[0][0], row[0][1])] = year
        return [
            _fact(view, country, metric, value, stated or year, None, "total")
            for metric, value, stated in row
        ]
    if form is not None and listing is not None:
        # "Possible victims registered in 2020, by form of exploitation:" / "Sexual exploitation: 593"
        value, exploitation = form
        scope = "part" if exploitation else "total"  # "Total: 350"
        return [_fact(view, country, listing, value, listing_year or view.ctx.year, exploitation, scope)]
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
    if carried is None and memory.stat_year is not None and _years_of.points_back_to_a_year(view):
        carried = memory.stat_year  # "In 2017, police identified 40 victims. The same year, ..."
    found = _counts.find(view, carried, memory.metric, memory.stat_seen)
    _labels.form_items(view, found)
    if not found:
        # "IOM identified 243 victims in 2010.": a count that is no fact (another party's) still sets
        # the time the paragraph goes on with
        year = _other_party_year(view)
        if year is not None:
            memory.stat_year = year
        return []
    _officials.sum_listed(view, found)
    _timing.respectively(view, found)
    _parts.restated(found, memory)
    _timing.periods(view, found)
    orphans = _parts.parts(view, found)
    stated = _timing.assign_years(view, found, carried)
    fiscal = _years_of.fiscal_years(view)
    if fiscal:  # "In FY 2018-19, ...": the fiscal year's end
        for c in found:
            c.year = fiscal.get(c.year, c.year) if c.year else c.year
            c.years = tuple(fiscal.get(y, y) for y in c.years)
        stated = fiscal.get(stated, stated) if stated else stated
    _timing.same_years(view, found, memory.stat_years, memory.stat_years_at == memory.sentence_no - 1)
    if len(own := _timing.stated_years(view, found)) >= 2:
        memory.stat_years, memory.stat_years_at = own, memory.sentence_no
    _parts.earlier_totals(view, found, orphans, memory)
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
                part_of = c.parent.value if c.scope == "part" and c.parent is not None else None
                span = c.span if c.scope == "cumulative" else None
                facts.append(
                    _fact(view, country, metric, c.value, year, c.exploitation, c.scope, part_of, span)
                )
                if c.scope == "total":
                    memory.stat_seen[(metric, c.value)] = year
                    memory.stat_totals[(metric, year)] = c.value
    if facts:
        memory.metric = facts[-1].metric
    if stated is not None:
        memory.stat_year = stated
    return facts


def _fact(
    view: View,
    country: str,
    metric: str,
    value: int,
    year: int | None,
    exploitation: str | None,
    scope: str,
    part_of: int | None = None,
    span: tuple[int | None, int | None] | None = None,
) -> StatisticFact:
    """One statistic of the sentence, its evidence the sentence."""
    return StatisticFact(
        doc=view.ctx.doc,
        year=year,
        evidence=view.evidence(),
        hedged=False,
        rule=RULE,
        section=view.ctx.section,
        country=country,
        metric=metric,
        value=value,
        exploitation=exploitation,
        scope=scope,
        part_of=part_of,
        span=span,
    )


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
