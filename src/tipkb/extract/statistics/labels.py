"""Counts labelled by their year, as statistical reports and tables rendered as prose write them: a year
before the number ("49 in 2018 (2017: 44; 2016: 51)", "2018 - 31; 2019 - 27", a line "2014: 6 (4
females, 2 males)") or after it in brackets ("nine (2013), 12 (2014)"). A labelled count takes the metric
of the count it follows, or of the list the sentence announces ("The number of persons investigated was
reported as follows: ...", "initiated criminal proceedings in the following numbers: ..."), or of a
list the sentence before announced and left open with a colon.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.words import ASSIST_NOUNS, CARE_BEFORE, METRIC_NOUNS, VERBS

_DASHES = frozenset([":", "-", "–", "—"])
# Words that announce a list of figures after them.
_ANNOUNCE = (["as", "follows"], ["following", "numbers"], ["following", "figures"])


def year_before(view: View, n: int) -> int | None:
    """The year a count at n is labelled with before it ("2017: 44", "2018 - 31"), or None."""
    low = view.low
    if n < 1 or low[n - 1] not in _DASHES:
        return None
    year = view.year_at(n - 2) if n >= 2 else None
    if year is None:
        return None
    # a label opens the sentence, a bracket or an item of a list ("(2017: 44; 2016: 51)")
    if n >= 3 and low[n - 3] not in ("(", ";", ",", "and", ":") and n - 2 != 0:
        return None
    return year


def year_after(view: View, end: int) -> int | None:
    """The year a count ending at ``end`` is labelled with in brackets after it ("nine (2013)"), or None."""
    low = view.low
    if low[end : end + 1] == ["("] and low[end + 2 : end + 3] == [")"]:
        return view.year_at(end + 1)
    return None


def labelled(view: View, n: int, end: int) -> int | None:
    """The label year of the count at n..end, before or after it, or None."""
    return year_before(view, n) or year_after(view, end)


def announced_metric(view: View, n: int) -> str | None:
    """The metric of the list the sentence announces before n ("The number of persons investigated for
    trafficking was reported as follows: 2018 - 31"): a metric verb or noun before the announcement."""
    low = view.low
    at = next((m for m in range(n - 1, 0, -1) if low[m - 1 : m + 1] in _ANNOUNCE), None)
    if at is None and "number" in low[:3]:
        at = next(
            (m for m in range(n) if low[m] == ":"), None
        )  # "Number of persons prosecuted: 2018: 6; ..."
    if at is None:
        return None
    return metric_of_words(low[:at])


def opens_a_list(view: View) -> str | None:
    """The metric of a sentence that ends by announcing a list ("The number of presumed victims
    identified by the police was as follows:") or of a heading over one ("Number of persons convicted,
    by sex"), for the labelled lines after it; else None."""
    low = view.low
    if view.sent.heading and (
        "number" in low or any(low[m : m + 2] == ["by", "form"] for m in range(len(low)))
    ):
        # a heading "Number of persons convicted of trafficking, by sex", "Victims recognised in 2022, by
        # form of exploitation"
        return metric_of_words(low)
    if not low or low[-1] != ":":
        return None
    words = low[:-1]
    if words[-2:] in _ANNOUNCE:
        words = words[:-2]
    return metric_of_words(words)


def metric_of_words(words: list[str]) -> str | None:
    """The metric the words name: the last metric verb, else the last metric noun (victims: identified,
    or assisted when a verb of care names them)."""
    verb = next((VERBS[w] for w in reversed(words) if w in VERBS and w.endswith("ed")), None)
    noun = next((METRIC_NOUNS[w] for w in reversed(words) if w in METRIC_NOUNS), None)
    if noun == "victims":
        if verb and verb.startswith("victims"):
            return verb
        cared = any(w in CARE_BEFORE for w in words) and any(w in ASSIST_NOUNS for w in words)
        return "victims_assisted" if cared else "victims_identified"
    return verb or noun


def label_line(view: View) -> bool:
    """Is the sentence one labelled line of a list ("2015: 59;", "2016 - 262", "2014: 6 (4 females, 2
    males)")?"""
    low = view.low
    return (
        len(low) >= 3 and view.year_at(0) is not None and low[1] in _DASHES and view.number_at(2) is not None
    )


def form_line(view: View) -> tuple[int, str] | None:
    """A line of a list labelled by its form of exploitation ("Sexual exploitation: 593", "Forced labour
    or services - 18"): (its count, the form), or None."""
    low = view.low
    sep = next((m for m in range(1, min(len(low), 10)) if low[m] in _DASHES), None)
    if sep is None or sep + 1 >= len(low):
        return None
    number = view.number_at(sep + 1)
    if (
        number is None
        or number[0] != int(number[0])
        or low[number[1] : number[1] + 1] not in ([], ["."], [";"], [","])
    ):
        return None
    forms = view.vocab.exploitation.find(low, 0, sep)
    if not forms:
        return None
    return int(number[0]), min(forms)[2]
