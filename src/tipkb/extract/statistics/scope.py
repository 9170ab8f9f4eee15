"""What a count covers (FACTS.md statistic ``scope``): one year's total, a part of a total, or a figure
over several years.

- cumulative: the clause states a time of several years ("over the last six years", "in the past five
  years", "since 2015", "between 2016 and 2019", "from 2014 to 2018", "to date"); the count has no
  year, and ``span`` is [first, last] where the text gives them.
- a reporting period of about a year ("between October 2016 and September 2017") is no cumulative
  figure: the count is that period's, dated by its last year; "during the reporting period" is the
  report's year.
- part: a sub-count of a total, by form of exploitation, sex, age, nationality or case type ("male
  victims", "20 sex trafficking and 13 labor trafficking", "of whom 18 were children").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.vocab import word_set

# Words in a count's noun phrase that make it a sub-count ("male victims", "child victims", "foreign").
PART_WORDS = word_set("statistics.part_words")
# "since its establishment", "since the law's enactment": a cumulative figure with no first year given.
_SINCE_EVENTS = word_set("statistics.since_events")
_PERIOD_WORDS = frozenset(["years", "year"])
_LAST = frozenset(["last", "past", "previous", "preceding", "prior"])


@dataclass(frozen=True, slots=True)
class Period:
    """A time adverbial at [start, end): several years (``cumulative``) or one reporting period."""

    start: int
    end: int
    cumulative: bool
    span: tuple[int | None, int | None] | None = None
    year: int | None = None  # a one-year reporting period: its last year


def periods(view: View, start: int, end: int) -> list[Period]:
    """The time adverbials of several years (or of one reporting period) in view.low[start:end]."""
    out: list[Period] = []
    m = start
    while m < end:
        found = _period_at(view, m, end)
        if found is None:
            m += 1
            continue
        out.append(found)
        m = found.end
    return out


def _period_at(view: View, m: int, end: int) -> Period | None:
    low = view.low
    w = low[m]
    if w in ("over", "in", "during", "within", "for", "throughout"):
        this = reporting_period_at(view, m + 1)
        if this is not None:
            # "during the reporting period": the report's year (FACTS.md), whatever the paragraph said
            return Period(m, this, False, year=view.ctx.report_year) if view.ctx.report_year else None
        two = _two_years(view, m, end) or _year_range(view, m, end)
        if two is not None:
            return two
        # "over the last six years", "in the past five years", "over three years"
        k = m + 1
        if k < end and low[k] == "the":
            k += 1
        if k < end and low[k] in _LAST:
            k += 1
        number = view.number_at(k) if k < end else None
        if (
            number is not None
            and number[0] >= 2
            and number[1] < end
            and low[number[1]] in _PERIOD_WORDS
            and not view.year_at(k)
        ):
            return Period(m, number[1] + 1, True)
        return None
    if w == "since" and m + 1 < end:
        k = m + 1
        if low[k] in view.vocab.months and k + 1 < end:
            k += 1
        y = view.year_at(k)
        if y:
            return Period(m, k + 1, True, (y, None))
        head = low[m + 1 : min(end, m + 10)]
        head = head[: head.index(",")] if "," in head else head  # "since the X Act entered into force"
        if any(x in _SINCE_EVENTS for x in head):
            # "since the law was amended in 2006": the event's year is the span's first
            at = next((k for k in range(m + 2, min(end, m + 9)) if view.year_at(k)), None)
            if at is not None:
                return Period(m, at + 1, True, (view.year_at(at), None))
            return Period(m, m + 2, True)
        return None
    if w in ("between", "from"):
        first = _month_year(view, m + 1, end)
        if first is None:
            return None
        y1, k, month1 = first
        if k >= end or low[k] not in (("and",) if w == "between" else ("to", "through", "until", "and")):
            return None
        second = _month_year(view, k + 1, end)
        if second is None:
            return None
        y2, stop, month2 = second
        if y2 < y1:
            return None
        if month1 and month2 and y2 - y1 <= 1:
            return Period(m, stop, False, year=y2)  # "between October 2016 and September 2017"
        if y2 == y1:
            return Period(m, stop, False, year=y2)
        return Period(m, stop, True, (y1, y2))
    if w in ("cumulatively", "cumulative") or (w == "to" and m + 1 < end and low[m + 1] == "date"):
        return Period(m, m + 1 if w != "to" else m + 2, True)
    return None


def _two_years(view: View, m: int, end: int) -> Period | None:
    """'In 2019 and 2020, police identified a combined 75 victims': one figure for both years (a
    'combined' or 'total' figure; else each year has its own, as in 'none in 2019 and 2020')."""
    low = view.low
    if m + 3 >= end or low[m] != "in" or low[m + 2] != "and":
        return None
    first, last = view.year_at(m + 1), view.year_at(m + 3)
    if not first or not last or last <= first or "respectively" in low:
        return None
    if not any(w in ("combined", "total", "altogether", "together") for w in low):
        return None
    return Period(m, m + 4, True, (first, last))


_RANGE = re.compile(r"^(\d{4})[-–—](\d{4})$")


def _year_range(view: View, m: int, end: int) -> Period | None:
    """'Over the period 2016-2019', 'in 2014–2017', 'during the years 2015-2018': one figure over the
    years of the range. Two years in a row with no word of a period ("in 2018-2019") may be a fiscal year
    and are left to it."""
    low = view.low
    k = m + 1
    named = False
    while k < end and low[k] in ("the", "period", "years", "of"):
        named = named or low[k] in ("period", "years")
        k += 1
    glued = _RANGE.match(low[k]) if k < end else None  # "2015–2018" as one token
    if glued is not None:
        first, last, stop = as_year(glued.group(1)), as_year(glued.group(2)), k + 1
    elif k + 2 < end and low[k + 1] in ("-", "–", "—") and len(low[k + 2]) == 4:
        first, last, stop = view.year_at(k), view.year_at(k + 2), k + 3
    else:
        return None
    if not first or not last or last <= first or (last - first == 1 and not named):
        return None
    return Period(m, stop, True, (first, last))


def reporting_period_at(view: View, k: int) -> int | None:
    """Where "the reporting period" ("this", "the current reporting period") starting at k ends, or
    None; "the previous reporting period" is another year's."""
    low = view.low
    if k < len(low) and low[k] in ("the", "this"):
        k += 1
        if k < len(low) and low[k] == "current":
            k += 1
        if low[k : k + 2] == ["reporting", "period"]:
            return k + 2
    return None


def _month_year(view: View, k: int, end: int) -> tuple[int, int, bool] | None:
    """'2016' or 'October 2016' at k: (year, index after it, whether a month was named)."""
    low = view.low
    month = k < end and low[k] in view.vocab.months
    if month:
        k += 1
    y = view.year_at(k) if k < end else None
    if not y:
        return None
    return y, k + 1, bool(month)


def is_part_phrase(view: View, start: int, end: int) -> bool:
    """Does the noun phrase [start, end) of a count name a sub-group ("male victims", "foreign",
    "Venezuelan females", "child victims")?"""
    low = view.low
    demonyms = {p.i for p in view.places if p.kind == "demonym"}
    return any(low[m] in PART_WORDS or m in demonyms for m in range(start, end))


_GROUP_AFTER = frozenset(["among", "younger", "older", "aged", "under"])
_ONGOING = frozenset(["continued", "continuing", "ongoing", "pending", "remained"])


def group_after(view: View, end: int) -> bool:
    """A sub-group named after the noun: 'victims among asylum-seekers', 'victims younger than 15',
    'children under 18', 'eight of these cases'."""
    low = view.low
    if end >= len(low):
        return False
    if low[end] == "under":
        # "children under 18", "victims under the age of 18"; not "convicted under the law"
        nxt = low[end + 1 : end + 3]
        return bool(nxt) and (nxt[0][:1].isdigit() or nxt in (["the", "age"], ["age"]) or nxt[:1] == ["age"])
    if low[end] in _GROUP_AFTER:
        return True
    return low[end] == "of" and end + 1 < len(low) and low[end + 1] in ("these", "those", "them", "whom")


def ongoing(view: View, n: int, end: int) -> bool:
    """'continued prosecuting nine defendants', 'three pending cases': cases carried over, a part of
    the workload rather than the year's new count."""
    low = view.low
    return any(w in _ONGOING for w in low[max(0, n - 3) : end])


def partitive_opening(view: View) -> int | None:
    """Where the counts of an 'Of these victims, ...' or 'Of the 79 victims identified, ...' sentence
    start (after its comma): every count after it is a part of the group it names."""
    low = view.low
    if len(low) < 4 or low[0] != "of" or low[1] not in ("the", "these", "those", "them", "this"):
        return None
    comma = next((m for m in range(2, min(len(low), 10)) if low[m] == ","), None)
    return comma
