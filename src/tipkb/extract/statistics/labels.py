"""Counts labelled by their year, as statistical reports and tables rendered as prose write them: a year
before the number ("49 in 2018 (2017: 44; 2016: 51)", "2018 - 31; 2019 - 27", a line "2014: 6 (4
females, 2 males)") or after it in brackets ("nine (2013), 12 (2014)"). A labelled count takes the metric
of the count it follows, or of the list the sentence announces ("The number of persons investigated was
reported as follows: ...", "initiated criminal proceedings in the following numbers: ..."), or of a
list the sentence before announced and left open with a colon.
"""

from __future__ import annotations

from tipkb.extract.common import View
from tipkb.extract.statistics.count import Count
from tipkb.extract.statistics.verbs import to_court
from tipkb.extract.statistics.words import (
    ASSIST_NOUNS,
    CARE_BEFORE,
    CASE_NOUNS,
    METRIC_NOUNS,
    OFFICIAL_METRICS,
    OFFICIALS,
    RECORD_VERBS,
    RECORDED_CASES,
    VERBS,
)

_DASHES = frozenset([":", "-", "–", "—"])
# The first word of a residual item of a list by form ("other forms 2", "Unknown: 4").
_RESIDUAL = frozenset(["other", "others", "unknown", "not", "unspecified", "undetermined"])
# Words that announce a list of figures after them.
_ANNOUNCE = (["as", "follows"], ["following", "numbers"], ["following", "figures"])


def year_before(view: View, n: int) -> int | None:
    """The year a count at n is labelled with before it ("2017: 44", "2018 - 31"), or None."""
    low = view.low
    if n < 1 or low[n - 1] not in _DASHES:
        return None
    k = _before_bracket(low, n - 1)
    year = view.year_at(k - 1) if k >= 1 else None
    if year is None:
        return None
    # a label opens the sentence, a bracket or an item of a list ("(2017: 44; 2016: 51)")
    if k >= 2 and low[k - 2] not in ("(", ";", ",", "and", ":") and k - 1 != 0:
        return None
    return year


def _before_bracket(low: list[str], k: int) -> int:
    """Where a label ends before k, past a short bracket that qualifies it ("2016 (first nine months) -
    10"): the index of the bracket's "(" or k itself."""
    if k >= 1 and low[k - 1] == ")":
        opening = next((m for m in range(k - 2, max(k - 7, 0), -1) if low[m] == "("), None)
        if opening is not None and "(" not in low[opening + 1 : k - 1]:
            return opening
    return k


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
    if view.sent.heading or view.sent.text.rstrip()[-1:] not in (".", "!", "?", ";", ",", ":"):
        # a heading "Number of persons convicted of trafficking, by sex", "Victims recognised in 2022, by
        # form of exploitation", a table's title of any length "Persons convicted by first-instance
        # courts": the metric of the lines under it (a heading over prose labels no count)
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
    for m, w in enumerate(words):
        if w in CASE_NOUNS and to_court(words, m + 1):
            return "prosecutions"  # "Cases referred to court with an indictment"
        if w in RECORDED_CASES and any(x in RECORD_VERBS for x in words[m + 1 : m + 12]):
            return "investigations"  # "Cases of trafficking (Section 168) recorded by the police"
        if w in OFFICIALS and any(x in VERBS for x in words[m + 1 : m + 3]):
            # "Police officers and other public officials prosecuted for trafficking offences"
            return OFFICIAL_METRICS.get(next(VERBS[x] for x in words[m + 1 : m + 3] if x in VERBS))
    verb = next((VERBS[w] for w in words if w in VERBS and w.endswith("ed")), None)
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
    if len(low) < 3 or view.year_at(0) is None:
        return False
    dash = 1
    if low[1] == "(":  # "2016 (first nine months) - 10"
        dash = next((m + 1 for m in range(2, min(len(low), 8)) if low[m] == ")"), 0)
    return 0 < dash < len(low) - 1 and low[dash] in _DASHES and view.number_at(dash + 1) is not None


def _row(view: View, reach: int = 10) -> tuple[int, int] | None:
    """A sentence that is one row of a table given as text: a label, a colon or dash, a whole count and
    nothing after it but another year's figure in brackets ("Labour exploitation: 11 (12)",
    "Economic exploitation (forced labour on farms): 319"): (the separator's index, the count)."""
    low = view.low
    depth, sep = 0, None
    for m in range(1, min(len(low), reach)):
        depth += (low[m] == "(") - (low[m] == ")")
        if depth == 0 and low[m] in _DASHES:
            sep = m
            break
    if sep is None or sep + 1 >= len(low):
        return None
    number = view.number_at(sep + 1)
    if number is None or number[0] != int(number[0]):
        return None
    rest = low[number[1] :]
    if rest[:1] == ["("] and len(rest) >= 3 and rest[2] == ")" and view.number_at(number[1] + 1) is not None:
        rest = rest[3:]  # "11 (12)"
    return (sep, int(number[0])) if rest in ([], ["."], [";"], [","]) else None


def _first_line_end(view: View) -> int:
    """The index of the first token on the sentence's second line (the number of tokens when it has one
    line)."""
    cut = view.sent.text.find("\n")
    if cut < 0:
        return len(view.low)
    at = view.sent.offset + cut
    return next((m for m, c in enumerate(view.chars) if c > at), len(view.low))


def metric_row(view: View) -> list[tuple[str, int, int | None]] | None:
    """A line labelled by what it counts ("Victims identified: 45", "Survivors assisted - 104 (2020: 86)",
    "Persons prosecuted – 12"): (metric, value, year or None for the line's own) for its count and for
    each year-labelled figure in brackets after it; None for any other line (a row by form of
    exploitation is a list's, ``form_line``)."""
    low = view.low[
        : _first_line_end(view)
    ]  # "Survivors assisted - 104" / "of whom children - 43": its first row
    sep = next((m for m in range(1, min(len(low), 8)) if low[m] in _DASHES), None)
    if sep is None or sep + 1 >= len(low) or not all(w.isalpha() for w in low[:sep]):
        return None
    if view.vocab.exploitation.find(low, 0, sep) or not any(
        w in VERBS or w in METRIC_NOUNS for w in low[:sep]
    ):
        return None
    metric = metric_of_words(low[:sep])
    number = view.number_at(sep + 1)
    if metric is None or number is None or number[0] != int(number[0]) or view.year_at(sep + 1):
        return None
    out: list[tuple[str, int, int | None]] = [(metric, int(number[0]), None)]
    m = number[1]
    if low[m : m + 1] == ["("] and low[-1:] == [")"]:
        m += 1
        while m + 2 < len(low) and (year := view.year_at(m)) and low[m + 1] in _DASHES:
            other = view.number_at(m + 2)  # "(2020: 86)", "(2020: 86; 2019: 71)"
            if other is None or other[0] != int(other[0]):
                return None
            out.append((metric, int(other[0]), year))
            m = other[1] + (low[other[1] : other[1] + 1] in ([";"], [","]))
        m += low[m : m + 1] == [")"]
    return out if m == len(low) or low[m:] == ["."] else None


def residual_line(view: View) -> bool:
    """A residual row of a list by form ("Other forms (forced marriage, organ removal): 131"): no fact,
    but the list goes on after it."""
    return bool(view.low) and view.low[0] in _RESIDUAL and _row(view, 24) is not None


def form_line(view: View) -> tuple[int, str | None] | None:
    """A row of a list labelled by its form of exploitation ("Sexual exploitation: 593", "Forced labour
    or services - 18", "Economic exploitation (forced labour in agriculture): 319", "Labour exploitation:
    11 (12)") or its total ("Total: 350"): (its count, the form or None for the total), or None. A
    residual row ("Other forms (...): 131") is None, and so is the figure in brackets after the count
    (another year's, which the row does not name)."""
    low = view.low
    row = _row(view)
    if row is None or low[0] in _RESIDUAL:
        return None
    sep, value = row
    if low[:sep] == ["total"]:
        return value, None
    forms = view.vocab.exploitation.find(low, 0, sep)
    return (value, min(forms)[2]) if forms else None


# Words that may stand between an item's form and its number, and after the number before the next item.
_ITEM_GLUE = frozenset([":", "-", "–", "—"])
_ITEM_ENDS = frozenset([",", ";", "and", ".", "or"])


def _form_items(view: View, colon: int) -> list[tuple[int, int, int, str | None]] | None:
    """The items of a list after the colon at ``colon`` that each name a form of exploitation and then
    its count ("forced labour 26, sexual exploitation 16, other forms 2", "sexual exploitation - 8;
    forced labour - 11"): (number start, number end, value, form or None for a residual item), or
    None when the words after the colon are not such a list."""
    low = view.low
    items: list[tuple[int, int, int, str | None]] = []
    p = colon + 1
    while p < len(low) and low[p] != ".":
        while p < len(low) and low[p] in _ITEM_ENDS and low[p] != ".":
            p += 1
        q = next((m for m in range(p, min(len(low), p + 10)) if view.number_at(m) is not None), None)
        if q is None or q == p:
            return None
        number = view.number_at(q)
        assert number is not None
        value, end = number
        if value != int(value) or view.year_at(q) is not None:
            return None
        label = low[p : q - 1] if low[q - 1] in _ITEM_GLUE else low[p:q]
        if any(w in _ITEM_GLUE or w == "(" for w in label):
            return None
        forms = view.vocab.exploitation.find(label)
        residual = bool(label) and label[0] in _RESIDUAL
        if not forms and not residual:
            return None
        form = None if residual else min(forms)[2]
        items.append((q, end, int(value), form))
        if end < len(low) and low[end] not in _ITEM_ENDS:
            return None
        p = end
    return items if any(f is not None for *_, f in items) else None


def form_items(view: View, found: list[Count]) -> None:
    """Counts listed after a colon by their form of exploitation ("identified 40 victims: sexual
    exploitation 25, forced labour 15"; "Victims detected in 2021, by form of exploitation: forced
    labour 26, sexual exploitation 16"): each a part of the count before the colon, or of the metric
    the words before it name; residual items ("other forms 2") are left out."""
    low = view.low
    colon = next((m for m in range(1, len(low)) if low[m] == ":"), None)
    if colon is None:
        return
    items = _form_items(view, colon)
    if not items:
        return
    total = next((c for c in reversed(found) if c.end <= colon and c.metric and not c.drop), None)
    metric = total.metric if total is not None else metric_of_words(low[:colon])
    if metric is None:
        return
    if total is not None:
        total.exploitation = None  # the forms after the colon are its parts'
    year = total.year if total is not None else view.stated_year(0, colon)
    kept = [c for c in found if c.end <= colon]
    for start, end, value, form in items:
        if form is None:
            continue
        part = Count(start, end, value, metric, form, year, False, scope="part", anchor=total, parent=total)
        part.own_year = total.own_year if total is not None else year is not None
        kept.append(part)
    found[:] = kept
