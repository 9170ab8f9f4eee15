"""How a count continues the one before it: whether the text between two counts is a list or a
comparison (``_continues``); whether a bare number is another year's figure ("compare": "(10 in
2017)"), a part of its anchor ("split": "429 sex trafficking") or the previous period's ("up from 95")
(``_continues_anchor``); and the form of exploitation a count is split by (``_exploitation``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.context import as_year
from tipkb.extract.common import View
from tipkb.extract.statistics import scope
from tipkb.extract.statistics.words import (
    AUX,
    LAST_YEARS,
    LINKS,
    MOVE_ADVERBS,
    MOVING,
    PERSON_NOUNS,
    VERBS,
)
from tipkb.extract.statistics.years import possessive_of_time

if TYPE_CHECKING:
    from tipkb.extract.statistics.count import Count


# Blockers of an exploitation word that are what a count counts ("labor trafficking cases", "sex
# trafficking offenders"): the form of exploitation still splits the count.
_COUNTED = frozenset(
    [
        "cases",
        "case",
        "investigations",
        "prosecutions",
        "convictions",
        "offenders",
        "traffickers",
        "exploitation",
    ]
)


_TIME_WORDS = frozenset(
    ["in", "during", "fy", "the", "previous", "prior", "preceding", "last", "reporting", "period", "year"]
)


def compared_at(low: list[str], n: int) -> bool:
    """Does the count at n stand as another year's figure ("compared with 33 victims in the previous
    reporting period", "compared to 12", "up from 95 victims")?"""
    return (
        low[max(0, n - 2) : n] in (["compared", "with"], ["compared", "to"])
        or (
            low[n - 1 : n] == ["from"]
            and low[n - 2 : n - 1] in (["up"], ["down"], ["increase"], ["decrease"])
        )
        # "31 persons in 2020, against 25 in 2019", "(...) against 25 persons in 2019"
        or (low[n - 1 : n] == ["against"] and n >= 2 and (low[n - 2] in (",", ")") or _is_year(low[n - 2])))
    )


def _is_year(w: str) -> bool:
    return as_year(w) is not None


def _continues(gap: list[str]) -> bool:
    """Is the text between two counts a list or comparison ("), compared with", ", and")?"""
    if "out" in gap or gap[-1:] == ["of"]:
        return False
    if gap[-1:] == [";"] and all(w in _TIME_WORDS or w.isdigit() for w in gap[:-1]):
        # "convicted 17 traffickers; 12 were found guilty of labor trafficking", "identified 15
        # victims in 2015; nine were victims of forced labor"
        return True
    if any(
        w in ("compared", "versus", "(", "increase", "decrease", "rise", "drop", "decline") for w in gap
    ) or (gap[-1:] == ["against"] and len(gap) >= 2 and (gap[-2] in (",", ")") or _is_year(gap[-2]))):
        return len(gap) <= 25  # "..., a sharp increase from 1,262 victims in 2022"
    return len(gap) <= 10 and (not gap or any(w in LINKS for w in gap))


def _continues_anchor(view: View, n: int, end: int, anchor: Count | None) -> str | None:
    """How a bare number continues the count before it: as a figure for another year ("compare":
    '(10 in 2017)', 'compared with 698 in 2019', 'none reported in 2016', 'whereas none had been
    obtained in either 2013 or 2014') or as a part of it ("split": '429 sex trafficking', 'three for
    labor trafficking', 'ten concerned forced labor', '12 were found guilty of labor trafficking')."""
    if anchor is None:
        return None
    low = view.low
    m = end
    while m < len(low) and m < end + 4 and (low[m] in AUX or (low[m] in VERBS and low[m].endswith("ed"))):
        m += 1
    nxt = low[end] if end < len(low) else ""
    after = low[m] if m < len(low) else ""
    if after in ("in", "during") and m + 1 < len(low) and low[m + 1] == "either":
        m += 1  # "in either 2013 or 2014"
    if after in ("in", "during") and view.year_after(m + 1, 3):
        return "compare"
    if _compared_noun(view, n, end):
        return "compare"  # "compared with 33 judgments in 2020": the anchor's figure named in other words
    if low[end : end + 1] in (["were"], ["was"]) and after in PERSON_NOUNS | scope.PART_WORDS:
        return "split"  # "of whom 18 were children", "(14 were children)"
    if nxt in ("reported", "each"):
        return "compare"
    if _exploitation_soon(view, end):
        return "split"
    prev = low[n - 1] if n > 0 else ""
    if possessive_of_time(view, n) is not None:
        return "compare"  # "compared with the previous reporting period's 12"
    if nxt == "for" and prev in ("and", ",", "—", "–", "remaining"):
        return "split"  # "five for labor trafficking and five for unspecified exploitation"
    rest = end
    while rest + 1 < len(low) and low[rest] in (",", "and") and (item := view.number_at(rest + 1)):
        rest = item[1]  # "up from 380 and 190 the previous year": past the list
    tail = " ".join(low[rest + (low[rest : rest + 1] in (["in"], ["during"])) : rest + 5])
    if (prev in ("(", "to", "with", "from", "against", "after") or _listed_after(view, n, LIST_LEADS)) and (
        tail.startswith(LAST_YEARS) or nxt == "previously"
    ):
        return "compare"  # "compared with 65 the previous year", "compared with four previously"
    if prev == "remaining":
        return "split"
    if prev in ("been", "was", "stood", "reached") and any(
        w in ("figure", "number", "total", "count") for w in low[max(0, n - 4) : n]
    ):
        return "compare"  # "whereas in 2016 the figure had been 682"
    if (
        prev == ","
        and n >= 3
        and view.year_at(n - 2)
        and low[n - 3] in ("in", "during")
        and nxt in (".", ";", ")", "")
    ):
        return "compare"  # "in 2017, 16 persons were convicted, and in 2016, 12."
    if prev in ("(", "to", "with") and nxt in (")", ",", "in", ";", "."):
        return "compare"
    if (
        prev in (",", "and", "with", "to")
        and nxt in (",", "and", "in", ")", "respectively")
        and _respectively_ahead(low, end)
    ):
        return "compare"  # "(42, 29, and 22 in 2019, respectively)", "was 8, 11 and 6 respectively"
    if (
        prev == "from"
        and nxt in (")", ",", ";", ".", "")
        and (low[n - 2 : n - 1] in (["up"], ["down"], ["increase"], ["decrease"]) or moved_to(low, anchor, n))
    ):
        return "previous"  # "identified 120 victims, up from 95", "rose to 58 from 38": the period before
    if prev in ("another", "additional"):
        return "compare"  # "10 under the trafficking law and another four under other laws"
    return None


# The words before a list of figures set against other figures ("up from 380 and 190 the year before").
LIST_LEADS = frozenset(["(", "to", "with", "from", "against", "after"])


def _listed_after(view: View, n: int, leads: frozenset[str]) -> bool:
    """Is the number at n a later item of a list of bare numbers ("380, 190 and 75") whose first item
    follows one of ``leads``?"""
    low = view.low
    m = n
    while m >= 2 and low[m - 1] in (",", "and") and view.number_at(m - 2) is not None:
        m -= 2
    return m < n and m > 0 and low[m - 1] in leads


def _compared_noun(view: View, n: int, end: int) -> bool:
    """Is the count at n a figure for another year set against its anchor, with a noun the extractor does
    not know that an earlier count of the sentence counted ("40 convicting judgments in 2021, compared
    with 33 judgments in 2020", "against 12 rulings the previous year")?"""
    low = view.low
    if not (compared_at(low, n) or low[n - 1 : n] == ["against"]):
        return False
    m = end
    while (
        m < min(len(low), end + 3) and low[m].isalpha() and low[m] not in _TIME_WORDS and low[m] not in VERBS
    ):
        m += 1
    if m == end or not any(low[m - 1] in low[p + 1 : p + 4] for p in range(n) if view.number_at(p)):
        return False  # the noun an earlier count of the sentence counts, named again
    if low[m : m + 1] in (["in"], ["during"]):
        return view.year_after(m + 1, 3) is not None
    return " ".join(low[m : m + 5]).startswith(LAST_YEARS)


def moved_to(low: list[str], anchor: Count, n: int) -> bool:
    """Is the anchor the figure a verb of change moved to, right before the "from" at n - 1 ("The number
    of traffickers convicted rose to 58 from 38", "fell sharply to 12 from 30")?"""
    k = anchor.start - 1
    if anchor.end != n - 1 or k < 1 or low[k] != "to":
        return False
    k -= 1
    while k > 0 and low[k] in MOVE_ADVERBS:
        k -= 1
    return low[k] in MOVING


def _respectively_ahead(low: list[str], end: int) -> bool:
    """Does the clause after ``end`` close with "respectively" ("identified 11, 9, 12 and 24 victims of
    trafficking in 2008, 2009, 2010 and 2011 respectively")?"""
    for m in range(end, min(len(low), end + 24)):
        if low[m] == "respectively":
            return True
        if low[m] in (";", ".", "(", ")") and m > end:
            return False
    return False


def exploitation_reach(low: list[str], end: int) -> int:
    """How far after a count its form of exploitation may be named: 7 words, or 11 after what a case
    involved ("31 involved the trafficking of women and girls for prostitution")."""
    return 11 if low[end : end + 1] in (["involved"], ["concerned"], ["involving"]) else 7


def _exploitation_soon(view: View, end: int) -> bool:
    """A form of exploitation in the words after a bare count, before the next count or clause."""
    low = view.low
    for m in range(end, min(len(low), end + exploitation_reach(low, end))):
        if low[m] in (",", ";", "(", ")", ".", "—", "–", "compared") or (m > end and view.number_at(m)):
            return False
        if view.vocab.exploitation.match_at(low, m):
            return True
    return False


def _exploitation(view: View, start: int, end: int) -> str | None:
    """The form of exploitation a count is split by ("73 sex trafficking cases", "87 victims of labor
    trafficking"); None when it names none or several."""
    low = view.low
    stop = end
    for m in range(start, end):
        if m > start and (low[m] in ("(", ")") or (view.number_at(m) and not view.year_at(m))):
            stop = m
            break
        if low[m] in (",", ";", "compared", "and") and m > start:
            if low[m] == "and" and m + 1 < len(low) and view.vocab.exploitation.match_at(low, m + 1):
                return None  # "two for sex and labor trafficking"
            if low[m] != "and":
                stop = m
                break
    found = {
        value
        for _, j, value in view.vocab.exploitation.find(low, start, stop)
        if not (j < len(low) and low[j] in view.vocab.exploitation_blockers and low[j] not in _COUNTED)
    }  # "cases against labor recruiters": no form of exploitation; "73 labor trafficking cases" is one
    if "domestic_servitude" in found:
        found.discard("labor")  # "involuntary domestic servitude" also reads as labor
    return found.pop() if len(found) == 1 else None
