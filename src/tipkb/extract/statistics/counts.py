"""Finding counts in a sentence: a number, what it counts and the year it is for.

A count is a number (or *one*, *seven*, *no*, *none*, *zero*) and what it counts: a noun that names the
metric ("22 investigations", "one conviction"), or a noun of people or cases whose metric comes from the
verb ("prosecuted nine cases", "six sex traffickers convicted", "33 females identified as victims").
Counts with no noun of their own ("(10 in 2017)", "compared with 698 in 2019", "429 sex trafficking")
take the metric of the count they follow. Each count gets its own year: the one stated with it, else
the one its group states, else the sentence's, paragraph's or report's. ``find`` walks the sentence;
``_count_at`` reads one count in named steps: its number and noun (``reading``), its metric by the kind
of noun (``metric``), who counts it (``filters``), its year (``years``) and whether it names a
sub-group, a restated total or "the remaining" ones.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics import labels as _labels
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.continuations import _continues, _exploitation, compared_at, exploitation_reach
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.filters import _about_officials, _third_party
from tipkb.extract.statistics.metric import Reading, bare_number, metric_noun, people_or_cases
from tipkb.extract.statistics.openings import named_again, named_again_before, partitive_lead
from tipkb.extract.statistics.phrases import form_before
from tipkb.extract.statistics.reading import find_noun, known_nouns, read_number, rejected
from tipkb.extract.statistics.verbs import FIGURE_WORDS, HOME_VERBS, _verbs_before, to_court
from tipkb.extract.statistics.victims import _cared_for_after
from tipkb.extract.statistics.words import (
    CARE_BEFORE,
    CARE_VERBS,
    CASE_NOUNS,
    EXPLOITED,
    GLUED,
    METRIC_NOUNS,
    MOVE_ADVERBS,
    MOVING,
    NOUN_HEADS,
    OF_THEM,
    OFFICIAL_METRICS,
    OFFICIALS,
    PERSON_NOUNS,
    PROCEEDINGS,
    PROVIDE_VERBS,
    READ_WORDS,
    VERBS,
)
from tipkb.extract.statistics.years import more_years, year_of

# The metric of cases and people for that of officials ("officials_convicted" -> "convictions").
_OFFICIALS_OF = {v: k for k, v in OFFICIAL_METRICS.items()}


def has_count_words(view: View) -> bool:
    low = view.low
    if scope.partitive_opening(view) is not None:
        return True  # "Of these, nine involved labor trafficking": the counts of the group before
    return any(
        w in METRIC_NOUNS
        or w in VERBS
        or w in NOUN_HEADS
        or w in EXPLOITED
        or to_court(low, m)
        or w in READ_WORDS
        or w in CARE_VERBS
        or w in CARE_BEFORE
        or w in FIGURE_WORDS  # "In 2016 the figure was 52": the figure of the sentence before
        or w == "cared"
        or w in HOME_VERBS
        or w in PROVIDE_VERBS
        or w in PROCEEDINGS  # "proceedings were instituted against two officials"
        or GLUED.match(w)
        for m, w in enumerate(low)
    )


def find(
    view: View,
    base_year: int | None = None,
    before: str | None = None,
    seen: dict[tuple[str, int], int | None] | None = None,
) -> list[Count]:
    """The counts of a sentence, left to right, each with its metric and the year stated with it
    (``base_year``: the year in force before the sentence, for 'the previous year'; ``before``: the
    metric of the sentence before, for the victims of an 'Of these, 45 were victims of ...'; ``seen``:
    the totals stated before, for an 'Of the 92 referrals, ...' that names one again)."""
    low = view.low
    out: list[Count] = []
    lead = partitive_lead(view, before) or named_again_before(view, seen or {})
    anchor: Count | None = lead
    n = 0 if lead is None else lead.end + 1
    before_comparison: Count | None = None  # the anchor before "compared with 33 victims in 2019"
    while n < len(low):
        if (
            before_comparison is not None
            and anchor is not None
            and ";" in low[anchor.end : n]
            and compared_at(low, anchor.start)
        ):
            # "identified 20 victims, compared with 33 in the previous period; 14 were ...": the parts
            # after the semicolon are of this year's total, not of the comparison
            anchor, before_comparison = before_comparison, None
        found = _count_at(view, n, anchor, out[-1] if out else None, base_year, before)
        if found is None:
            named = named_again(view, n, out)
            if named is not None:
                out.append(named)
                anchor = named
            n += 1
            continue
        follows = (
            (bool(out) and _continues(view.low[out[-1].end : found.start]))
            or (not out and lead is not None and anchor is lead)
            or (found.remaining and anchor is not None)  # "...; the remaining 21 were victims of begging"
            or (
                anchor is not None and _labels.year_before(view, found.start) is not None
            )  # "2018 - 31; 2019 - 27"
            # "Of the 612 victims, 449 were men ...; 528 were labor trafficking victims": parts of the group
            or (
                anchor is not None
                and (anchor.restated or anchor.lead)
                and scope.partitive_opening(view) is not None
            )
        )
        if found.metric == "victims" and low[found.end : found.end + 1] and low[found.end] in _OWN_ACTS:
            found.metric = None
        if found.metric == "victims":
            found.metric = (
                anchor.metric if anchor and anchor.metric and "victims" in anchor.metric and follows else None
            )
            if (
                found.metric is None
                and anchor is None
                and before is not None
                and before.startswith("victims")
                and (
                    view.low[:2] in OF_THEM
                    or view.low[:4] == ["of", "the", "total", ","]  # "Of the total, 401 were victims of ..."
                    # "Eleven of these were victims of labour exploitation, nine of ..."
                    or (found.start == 0 and view.low[1:3] in OF_THEM)
                    or found.restated  # "... assisted 126 victims. Of the 126 victims, 98 had been ..."
                    or compared_at(low, found.start)  # "This compared with 1,065 victims in ..."
                    # "Forced labour was the most common form, accounting for 22 victims", "(182 victims)"
                    or (found.exploitation is not None and low[found.start - 1] in ("(", "for"))
                    or (
                        view.low[found.start + 1 : found.start + 4] == ["of", "the", found.noun]
                        and found.exploitation is not None
                    )
                )
            ):
                # "... identified 183 victims. Of these, 45 were victims of ...", "Sexual exploitation
                # accounted for 294 of the victims"
                found.metric = before
        if found.inherits:
            if anchor is None or not follows:
                n = found.end
                continue
            found.metric = anchor.metric
            if found.noun in CASE_NOUNS and anchor.metric in _OFFICIALS_OF:
                found.metric = _OFFICIALS_OF[anchor.metric]  # "convicted two officials and three traffickers"
            found.anchor = anchor
            if found.year is None and anchor.own_year:
                found.year = anchor.year
        if found.metric and not found.inherits:
            if anchor is not None and compared_at(low, found.start):
                before_comparison = anchor
            anchor = found
        out.append(found)
        n = found.end
        if low[found.start + 1 : found.start + 3] == ["of", "the"] and view.number_at(found.start + 3):
            n = found.start + 3  # "47 of the 52 victims identified": the group may be a count too
        inner = next(
            (m for m in range(found.start + 2, found.end) if low[m - 1] == "and" and view.number_at(m)), None
        )
        if inner is not None:
            n = inner  # "64 Bissau-Guinean and 18 Malian children": the second count shares the noun
    _moved_from(low, out)
    if lead is not None and lead.own_year:
        for c in out:  # "Of the 2014 probes, 19 concerned forced criminality": the group's year
            if not c.own_year and c.year in (None, lead.year):
                c.year, c.own_year = lead.year, True
    return out


def _moved_from(low: list[str], out: list[Count]) -> None:
    """'Convictions rose from 17 to 25': with no year stated, the figure a verb of change moved from is
    the period before's, and the one it moved to is the count."""
    for x, y in zip(out, out[1:], strict=False):
        if y.start != x.end + 1 or low[x.end] != "to" or not (y.anchor is x or y.metric == x.metric):
            continue
        k = x.start - 2
        while k > 0 and low[k] in MOVE_ADVERBS:
            k -= 1
        if x.own_year or y.own_year or low[x.start - 1 : x.start] != ["from"] or low[k] not in MOVING:
            continue
        y.inherits, y.anchor, x.previous, x.anchor = False, None, True, y


def _officials_named_first(low: list[str], n: int) -> bool:
    """Are the first people the sentence names before n officials, its subject ("No official has been
    convicted since 2010, and none was indicted in 2016", "two gendarmes accused of escorting children
    were suspended, but none were prosecuted")?"""
    for m in range(n):
        if low[m] in OFFICIALS:
            return True
        if low[m] in CASE_NOUNS or low[m] in PERSON_NOUNS or low[m] in METRIC_NOUNS:
            return False
    return False


# What people did of their own accord: they are no count of the verb before them ("arranged the
# repatriation of 24 victims; four victims chose to remain").
_OWN_ACTS = frozenset(["chose", "decided", "declined", "refused", "opted", "preferred", "elected", "wished"])


def _year_opening_its_clause(view: View, n: int) -> int | None:
    """The year stated just before a bare count, in its own clause ("..., and in 2016, 12", "whereas in
    2016 the figure had been 682"), or None."""
    low = view.low
    for m in range(n - 1, max(0, n - 7), -1):
        if low[m] in (";", "(", ")") or (low[m] == "," and m != n - 1):
            return None
        if view.year_at(m) and m > 0 and low[m - 1] in ("in", "during"):
            return view.year_at(m)
    return None


def _count_at(
    view: View,
    n: int,
    anchor: Count | None,
    before: Count | None,
    base_year: int | None,
    prior: str | None = None,
) -> Count | None:
    """The count at word n, if one starts there: its number and noun (``reading``), its metric by the
    kind of noun (``metric``), then who counts it, its year and what kind of count it is."""
    low = view.low
    number = read_number(view, n)
    if number is None:
        return None
    value, end, nobody = number
    if low[end : end + 1] == ["("]:
        # "22 (56 per cent) were trafficked for sexual exploitation": past the share in brackets
        close = next((m for m in range(end + 1, min(len(low), end + 6)) if low[m] == ")"), None)
        if close is not None and any(w in ("per", "percent", "%") for w in low[end:close]):
            end = close + 1
    if rejected(view, n, end):
        return None
    k, noun, people, exploitation_words_start = find_noun(view, n, end)
    mods = low[end:k]
    exploitation = _exploitation(
        view, exploitation_words_start, min(len(low), k + exploitation_reach(low, end))
    )
    named_before = form_before(view, n, anchor)
    exploitation = exploitation or named_before
    reading: Reading | None
    if noun in METRIC_NOUNS:
        reading = metric_noun(view, n, k, noun, mods, value)
    elif noun in CASE_NOUNS or noun in OFFICIALS or noun in PERSON_NOUNS:
        reading = people_or_cases(view, n, end, k, noun, mods, anchor, before)
    else:
        reading = bare_number(view, n, end, anchor, before, prior, nobody, named_before)
    if reading is None:
        return None
    metric, phrase_end, also = reading.metric, reading.phrase_end, reading.also
    if (
        metric in OFFICIAL_METRICS
        and anchor is not None
        and (anchor.metric or "").startswith("officials_")
        and compared_at(low, n)
    ):
        metric = OFFICIAL_METRICS[
            metric
        ]  # "prosecuted two officials, compared with five prosecutions in 2020"
    if (
        metric in OFFICIAL_METRICS
        and before is not None
        and before.noun in OFFICIALS
        and low[end : end + 2] in OF_THEM
    ):
        metric = OFFICIAL_METRICS[
            metric
        ]  # "investigated 32 officials, but only six of these cases reached court"
    if metric in OFFICIAL_METRICS and noun in CASE_NOUNS and _about_officials(view, phrase_end):
        metric = OFFICIAL_METRICS[metric]  # "No cases of official complicity were prosecuted"
    if (
        metric in OFFICIAL_METRICS
        and low[n] in ("none", "neither")
        and (_officials_named_first(low, n) or (n == 0 and (prior or "").startswith("officials_")))
    ):
        # "two gendarmes were suspended, but none were prosecuted"; "... two officials. Neither was convicted."
        metric = OFFICIAL_METRICS[metric]
    inherits, split, previous = reading.inherits, reading.split, reading.previous
    if value == 0 and low[n] == "no" and metric is None:
        return None
    if _third_party(view, n):
        # "IOM assisted 243 victims": the victims another party cared for are a statistic the report
        # states; what it identified, documented or estimated is not (FACTS.md)
        if "victims_assisted" in also:
            metric, also = "victims_assisted", ()
        if metric not in ("victims_assisted", "victims") and not inherits:
            return None
        also = ()
    if (
        metric == "victims_identified"
        and value > 0
        and "victims_assisted" not in also
        and _cared_for_after(view, phrase_end)
    ):
        also = (*also, "victims_assisted")  # "identified 12 victims and referred them to shelters"
    year = year_of(view, n, phrase_end, base_year)
    if year is None and inherits:
        year = _year_opening_its_clause(
            view, n
        )  # "..., and in 2016, 12", "whereas in 2016 the figure was 682"
    count = Count(n, phrase_end, value, metric, exploitation, year, inherits, also, noun=noun)
    count.own_year = year is not None
    if year is not None:
        count.years = more_years(view, phrase_end)
    count.split = split
    count.previous = previous and year is None
    count.sub_group = not people and (
        noun in scope.PART_WORDS
        or scope.is_part_phrase(view, end, k)
        or (phrase_end > end and scope.group_after(view, phrase_end))
        or (low[end : end + 1] == ["of"] and scope.group_after(view, end))
        or (
            # "Ten of the identified victims were minors"; not "convicted 16 of the 22 defendants"
            low[end : end + 2] == ["of", "the"]
            and not (n > 0 and low[n - 1] == "all")
            and not _verbs_before(view, n)
            # "16 of the 22 defendants were convicted": the year's convictions, not a sub-group
            and (metric is None or metric.startswith("victims") or not view.number_at(end + 2))
        )
        or scope.ongoing(view, n, k)
    )
    if (
        noun not in known_nouns()
        and low[end : end + 1] == ["of"]
        and metric is not None
        and (anchor is None or anchor.metric != metric)
    ):
        count.sub_group = False  # "police arrested 40 suspects and prosecutors indicted 25 of them"
    count.restated = (
        n >= 2
        and low[n - 1] in ("the", "those", "these")  # "Of those 340 victims, 200 were ..."
        and low[n - 2] == "of"
        and (n == 2 or low[n - 3] in (",", ";", "(", ":"))
    )
    count.remaining = n > 0 and low[n - 1] == "remaining"
    return count
