"""The year a count is for: the one stated right after it ("in 2016", "(nine in 2018)"), for its group
("X and Y in 2007"), or the year before ("the previous reporting period"); more years stated with it
("zero in 2019 and 2018"); and the year a clause or sentence opens with, which "As of March 2019" is not.
A fiscal year over two calendar years ("FY 2018-19", "fiscal year 2018-2019", "in 2018/19") is dated by
its end, as a reporting period is."""

from __future__ import annotations

import re

from tipkb.context import as_year, fiscal_end
from tipkb.extract.common import View
from tipkb.extract.statistics.labels import labelled
from tipkb.extract.statistics.scope import reporting_period_at
from tipkb.extract.statistics.words import BREAKS, LAST_YEARS, LAW_NOUNS

_SPLIT_YEAR = re.compile(r"^((?:19|20)\d{2})/(\d{4}|\d{2})$")


def fiscal_token(word: str) -> int | None:
    """The end year of a fiscal year written as one token ("2018/19", "2018/2019"), or None."""
    m = _SPLIT_YEAR.match(word)
    if m and as_year(m.group(1)) and fiscal_end(int(m.group(1)), m.group(2)):
        return int(m.group(1)) + 1
    return None


def fiscal_years(view: View) -> dict[int, int]:
    """The fiscal years over two calendar years the sentence states, first year to end year: "FY
    2018-19", "fiscal year 2018-2019", "2017-18" (a two-digit end is a fiscal year, not a span)."""
    low = view.low
    out: dict[int, int] = {}
    for m in range(len(low) - 2):
        first = view.year_at(m)
        if not first or low[m + 1] not in ("-", "–", "/") or not low[m + 2].isdecimal():
            continue
        second = low[m + 2]
        fiscal = len(second) == 2 or "fy" in low[max(0, m - 2) : m] or low[m - 2 : m] == ["fiscal", "year"]
        if fiscal and len(second) in (2, 4) and fiscal_end(first, second):
            out[first] = first + 1
    return out


def possessive_of_time(view: View, n: int) -> str | None:
    """Is the count at n after a possessive of time: "year" ("2019's 40"), "before" ("the previous
    reporting period's 12"), or None?"""
    low = view.low
    if n < 2 or low[n - 1] not in ("'s", "’s"):
        return None
    if view.year_at(n - 2):
        return "year"
    before = " ".join(low[max(0, n - 5) : n - 1])
    return "before" if any(before.endswith(p) for p in LAST_YEARS) else None


def _possessive_year(view: View, n: int, base_year: int | None) -> int | None:
    """The year of a count after a possessive of time, else None."""
    kind = possessive_of_time(view, n)
    if kind == "year":
        return view.year_at(n - 2)
    if kind == "before":
        base = opening_year(view, n) or base_year or view.ctx.year
        return base - 1 if base else None
    return None


_NEXT_YEAR = (
    ["the", "following", "year"],
    ["the", "next", "year"],
    ["a", "year", "later"],
    ["the", "year", "after"],
)


def _year_after_one_before(view: View, n: int, base_year: int | None) -> int | None:
    """'In 2014 police registered 112 cases; the following year the number fell to 87': the year after
    the last one the sentence stated before (else the year in force), for a count whose clause opens so."""
    low = view.low
    for p in range(n - 1, max(1, n - 12), -1):
        if low[p] in (";", "(", ")") or (low[p] == "," and low[p - 1] not in ("year", "later")):
            return None
        if low[p - 2 : p + 1] in _NEXT_YEAR:
            before = [view.year_at(m) for m in range(p - 2)]
            stated = [y for y in before if y]
            base = stated[-1] if stated else base_year or view.ctx.year
            return base + 1 if base else None
    return None


_COPULAS = frozenset(["was", "were", "stood", "reached", "totaled", "totalled", "numbered", "amounted"])


def _subject_year(view: View, n: int) -> int | None:
    """The year of the subject a count at n is the figure of ("the number of cases brought to trial in
    2017 was 71"): stated in the clause before its copula."""
    low = view.low
    p = n - 1
    if p > 0 and low[p] in ("at", "to") and low[p - 1] in _COPULAS:
        p -= 1
    if p < 2 or low[p] not in _COPULAS:
        return None
    for m in range(p - 1, max(-1, p - 12), -1):
        if low[m] in (",", ";", ":"):
            return None
        year = view.year_at(m)
        if year and low[m - 1] in ("in", "during"):
            return year
    return None


def _gloss_end(view: View, m: int) -> int | None:
    """After a short bracket of words at m ("(denuncias)", "(THB)"), or None (a bracket with a figure
    or a year is no gloss)."""
    low = view.low
    for x in range(m + 1, min(len(low), m + 6)):
        if low[x] == ")":
            return x + 1 if x > m + 1 else None
        if not low[x].isalpha():
            return None
    return None


def year_of(view: View, n: int, end: int, base_year: int | None = None) -> int | None:
    """The year a count is for: stated right after it, or for its group ("X and Y in 2007"), or
    'last year' (the year before the sentence's)."""
    low = view.low
    label = labelled(view, n, end)
    if label is not None:
        return label  # "(2017: 44; 2016: 51)", "2018 - 31", "nine (2013)"
    owner = _possessive_year(view, n, base_year)
    if owner is not None:
        return owner  # "compared with the previous reporting period's 12", "2019's 40"
    year = _year_after_one_before(view, n, base_year) or view.year_after(end, 4) or _subject_year(view, n)
    if year:
        return year
    ahead = low[end : end + 4]
    if any(ahead[m : m + 2] in (["that", "year"], ["same", "year"]) for m in range(len(ahead))):
        # "led to charges against 39 suspects in that year": the year the sentence named before
        return next((y for m in range(n - 1, -1, -1) if (y := view.year_at(m))), None) or base_year
    for k in range(end, min(len(low), end + 4)):
        if fiscal_token(low[k]):  # "prosecuted 16 defendants in 2018/19"
            return fiscal_token(low[k])
        if low[k] not in ("in", "during", "fiscal", "year", "fy"):
            break
    if end < len(low) and low[end] == "(":
        # "33 alleged victims (20 sex trafficking and 13 labor trafficking victims) in 2016"
        close = next((m for m in range(end + 1, min(len(low), end + 30)) if low[m] == ")"), None)
        if close is not None:
            year = view.year_after(close + 1, 3)
            if year and close + 1 < len(low) and low[close + 1] in ("in", "during"):
                return year
    if end < len(low) and low[end] == "previously":
        base = opening_year(view, n) or base_year or view.ctx.year
        return base - 1 if base else None
    ahead = low[end : end + 5]
    ahead = ahead[: ahead.index(";")] if ";" in ahead else ahead  # not "...; the year before, ..."
    window = f" {' '.join(ahead)} "
    if any(f" {p} " in window for p in LAST_YEARS) or any(
        f" {p[4:]} " in window for p in LAST_YEARS if p.startswith("the ")
    ):  # whole words: "cases from previous years" is no year before
        base = opening_year(view, n) or base_year or view.ctx.year
        return base - 1 if base else None
    m = end
    while m < len(low) and m < end + 14:
        if low[m] == "(" and (gloss := _gloss_end(view, m)) is not None:
            m = gloss  # "1,144 complaints (denuncias) were registered in 2016": past a gloss
            continue
        if (
            low[m] in BREAKS
            and not (
                low[m] == "from"
                and (_place_at(view, m + 1) or low[m + 1 : m + 2] in (["abroad"], ["overseas"]))
            )
            and not (low[m] == "against" and _people_counted_at(view, m + 1))
        ):
            break  # not "repatriated from China in 2004", "13 cases against 34 defendants in 2023"
        if m > end and "," in low[end:m] and _bare_with_year(view, m):
            break  # "11 in 2015, four for sex trafficking, and 13 in 2014": 2014 is the 13's
        if (
            low[m] in LAW_NOUNS
            and m + 1 < len(low)
            and (low[m + 1].endswith("ed") or low[m + 1] in ("that", "which"))
        ):
            break  # "under the law adopted in 2015": the law's year (not "under Article 124 of the Code in 2014")
        if low[m] == "," and low[m + 1 : m + 2] in (
            ["including"],
            ["most"],
            ["many"],
            ["some"],
            ["all"],
            ["half"],
        ):
            break  # "40 victims, including 12 trafficked in 2018", "40 victims, most of them recruited in 2018"
        y = view.year_at(m)
        if (
            y
            and low[m + 1 : m + 2] == [","]
            and low[m - 2 : m - 1] in (["and"], [","], ["but"])
            and low[m - 3 : m - 2] != ["respectively"]  # "assisted 410 and 220, respectively, in 2016, ..."
        ):
            break  # "16 were convicted, and in 2016, 12": the year opens the next clause
        if y and low[m - 2 : m] == ["as", "in"]:
            break  # "two traffickers, the same number as in 2019": another year's, for comparison
        if (
            y
            and m > 0
            and (low[_time_lead(view, m, end)] in ("in", "during") or low[m - 2 : m] == ["in", "either"])
        ):
            return y  # "in 2016", "in early 2016", "in March 2016"
        if y and low[m - 1 : m] == ["fy"] and low[m - 2 : m - 1] in (["in"], ["during"]):
            return y  # "220 prosecutions and 386 defendants in FY 2018"
        if (
            y
            and low[m - 1 : m] == ["of"]
            and low[m - 2 : m - 1] in (["half"], ["quarter"], ["months"], ["end"])
        ):
            return y  # "in the first half of 2020", "in the first nine months of 2020"
        if " ".join(low[m : m + 4]).startswith(
            LAST_YEARS
        ):  # "46 prosecutions and 26 convictions the previous year"
            base = opening_year(view, n) or base_year or view.ctx.year
            return base - 1 if base else None
        m += 1
    return None


def _people_counted_at(view: View, m: int) -> bool:
    """Does a count of defendants or suspects start at m ("13 cases against 34 defendants in 2023")?"""
    number = view.number_at(m)
    return number is not None and view.low[number[1] : number[1] + 1] in (
        ["defendants"],
        ["suspects"],
        ["persons"],
        ["people"],
        ["individuals"],
        ["traffickers"],
    )


def _time_lead(view: View, m: int, start: int) -> int:
    """The word before the year at m, past "early", "late", "mid" and month names ("in early 2016",
    "during March 2016")."""
    k = m - 1
    while k > start and (view.low[k] in ("early", "late", "mid", "mid-") or view.low[k] in view.vocab.months):
        k -= 1
    return k


def _bare_with_year(view: View, m: int) -> bool:
    """Is there a number at m with a year of its own right after it ("13 in 2014")?"""
    number = view.number_at(m)
    if number is None or view.year_at(m):
        return False
    k = number[1]
    if k < len(view.low) and view.low[k].endswith("ed") and view.low[k + 1 : k + 2] in (["in"], ["during"]):
        k += 1  # "the 18 identified in 2010", "the 11 opened in 2010"
    return view.low[k : k + 1] in (["in"], ["during"]) and bool(view.year_at(k + 1))


def _place_at(view: View, m: int) -> bool:
    """Does a place name start at m ("from China and Cambodia")?"""
    return any(p.i == m for p in view.places)


def more_years(view: View, end: int) -> tuple[int, ...]:
    """Years after the first one stated with a count: 'zero in 2019 and 2018', 'in either 2013 or 2014'."""
    low = view.low
    m = end
    while m < len(low) and m < end + 8 and not view.year_at(m):
        if low[m] in BREAKS and low[m] != "(":
            return ()
        m += 1
    extra = []
    while m + 2 < len(low) and view.year_at(m) and low[m + 1] in ("and", "or") and view.year_at(m + 2):
        extra.append(view.year_at(m + 2) or 0)
        m += 2
    return tuple(extra)


def opening_year(view: View, end: int, start: int = 0) -> int | None:
    """The first year stated as a time in view.low[start:end] that dates an event: "As of March 2019"
    says how things stood then, not when the counts happened."""
    low = view.low
    while start < end:
        year = view.stated_year(start, end)
        if year is None:
            return None
        at = next(m for m in range(start, end) if view.year_at(m) == year)
        lead = low[max(0, at - 3) : at]
        before = low[start:at]
        bracketed = before.count("(") > before.count(")")  # "41 defendants (28 in 2013) and ..."
        if not (lead[-2:] == ["as", "of"] or lead[:2] == ["as", "of"]) and not bracketed:
            return year
        start = at + 1
    return None


def opens_with_reporting_period(view: View, end: int) -> bool:
    """Does the sentence, before position end, open with "During the reporting period, ..."?"""
    low = view.low
    return (
        bool(low)
        and low[0] in ("in", "during", "throughout", "over")
        and reporting_period_at(view, 1) is not None
    )


def opens_with_last_year(view: View, end: int, start: int = 0) -> bool:
    """Does the sentence (or the clause from start), before position end, say 'in the previous year'
    ('During the prior reporting period, ...'; '...; the year before, it had assisted 1,260')?"""
    low = view.low
    lasts = tuple(f"{p} " for p in LAST_YEARS)
    if start > 0:
        k = start + 1 if low[start] in (";", ",", ":") else start
        k += 1 if low[k : k + 1] in (["and"], ["but"], ["while"]) else 0
        if f"{' '.join(low[k : k + 4])} ".startswith(lasts):
            return True
    for m in range(start, max(start, end - 1)):
        if low[m] in ("in", "during") and f"{' '.join(low[m + 1 : m + 5])} ".startswith(lasts):
            return True
    return False


def that_year(view: View, end: int) -> int | None:
    """The year "that year" or "the same year" before position end points back to: the last year the
    sentence names before it ("after the 2018 crisis: that year police reported two investigations")."""
    low = view.low
    for t in range(min(end, len(low)) - 1, 0, -1):
        if low[t] == "year" and low[t - 1] in ("that", "same"):
            return next((y for m in range(t - 2, -1, -1) if (y := view.year_at(m))), None)
    return None


def points_back_to_a_year(view: View) -> bool:
    """Does the sentence open with "The same year" or "That year" (or "In the same year"), naming no
    year before it: the year of the sentence before?"""
    low = view.low
    k = 1 if low[:1] in (["in"], ["during"]) else 0
    return low[k : k + 3] == ["the", "same", "year"] or low[k : k + 2] == ["that", "year"]
