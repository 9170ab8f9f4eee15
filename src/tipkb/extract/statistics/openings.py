"""Openings that name a group the counts after them split, and counts named again: "Of these, ...",
"Of the cases prosecuted in 2020, ...", "Of the 2014 probes, ...", "Of the 92 referrals, ..." (a total
stated before, named by its number), "...; of the 163, 122 were female" (a number the sentence counted
before). None of them is a fact of its own; each gives the counts after it their metric and year.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.participles import _participle_after
from tipkb.extract.statistics.reading import known_nouns
from tipkb.extract.statistics.words import CASE_NOUNS, METRIC_NOUNS, VERBS

# Words that name a group of cases stated before ("Of the new cases,", "Of the pending cases,").
_GROUP_WORDS = frozenset(["new", "pending", "continued", "ongoing", "confirmed", "identified"])


def partitive_lead(view: View, before: str | None) -> Count | None:
    """The group an "Of these, ..." or "Of the cases prosecuted in 2020, ..." opening names, as the
    anchor its bare counts split ("Of these, nine involved labor trafficking, eight sex trafficking"):
    the metric of the sentence before, or of the opening's noun and participle; its year if it states
    one. None when the opening names a number (a count named again) or no metric."""
    low = view.low
    comma = scope.partitive_opening(view)
    if comma is None or any(view.number_at(m) and not view.year_at(m) for m in range(2, comma)):
        return None
    metric: str | None = None
    h = 3 if (view.year_at(2) or low[2] in _GROUP_WORDS) and comma > 3 else 2  # "Of the 2014 probes, ..."
    if low[1] in ("these", "those", "them", "this") and comma == 2:
        metric = before
    elif low[1] in ("these", "those") and comma == 3 and low[2] in VERBS and low[2].endswith("ed"):
        metric = VERBS[low[2]]  # "Of those convicted, courts sentenced 128 for sex trafficking, ..."
    elif low[1] == "the" and low[h] in METRIC_NOUNS and METRIC_NOUNS[low[h]] != "victims":
        metric = METRIC_NOUNS[low[h]]  # "Of the prosecutions initiated in 2020,"
    elif low[1] == "the" and (low[h] in CASE_NOUNS or low[h] in METRIC_NOUNS):
        metric = _participle_after(view, h + 1)  # "Of the cases prosecuted in 2020,"
        if (
            metric == "victims_identified"
            and low[h] in CASE_NOUNS
            and low[h + 1] in ("registered", "recorded")
        ):
            metric = "investigations"  # "Of the complaints registered in 2023, 1,010 concerned ..."
        if metric is None and h == 3 and low[2] in _GROUP_WORDS and h + 1 == comma:
            metric = before  # "... initiated 29 new cases. Of the new cases, 22 involved forced labor"
    elif low[1:3] == ["the", "total"] and comma == 3:
        metric = before  # "... identified 612 victims. Of the total, 401 were victims of labour trafficking"
    if metric is None or metric.startswith("victims"):
        return None  # victims: "Of these, 45 were victims of ..." names its metric (find)
    year = view.stated_year(0, comma) or (view.year_at(2) if h == 3 else None)  # "Of the 2014 probes,"
    lead = Count(comma, comma, 0, metric, None, year, False, lead=True)
    lead.own_year = year is not None
    return lead


def named_again_before(view: View, seen: dict[tuple[str, int], int | None]) -> Count | None:
    """'The AFP referred 92 victims ... Of the 92 referrals, 43 involved forced marriage': an opening that
    names a total stated before by its number alone, as the group its counts split (no fact of its own)."""
    low = view.low
    comma = scope.partitive_opening(view)
    if comma is None or low[1] != "the":
        return None
    number = view.number_at(2)
    if number is None or number[1] > comma:
        return None
    if low[number[1]] in known_nouns() and not (number[1] + 1 == comma and low[number[1]] in CASE_NOUNS):
        return (
            None  # "Of the 19 convicted offenders,": a count of its own noun (counts); not "Of the 24 cases,"
        )
    metrics = {metric for metric, value in seen if value == number[0]}
    if len(metrics) != 1:
        return None
    metric = metrics.pop()
    year = seen[(metric, int(number[0]))]
    lead = Count(comma, comma, 0, metric, None, year, False, lead=True)
    lead.own_year = year is not None
    return lead


def named_again(view: View, n: int, out: list[Count]) -> Count | None:
    """'It identified 163 victims in 2018, ...; of the 163, 122 were female': a number the sentence
    counted before, named again as the group its next counts split (no fact of its own)."""
    low = view.low
    number = view.number_at(n)
    if number is None or low[n - 2 : n] != ["of", "the"] or low[number[1] : number[1] + 1] != [","]:
        return None
    same = next((c for c in out if c.value == number[0] and c.metric and not c.inherits), None)
    if same is None:
        return None
    named = Count(n, number[1], same.value, same.metric, None, same.year, False, noun=same.noun)
    named.own_year, named.restated = same.own_year, True
    return named
