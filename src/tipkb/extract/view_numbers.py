"""How a sentence view reads numbers and years: the number at a word ("35,000", "seven", "2.4 million",
"twenty-one"), a year at or just after a word, and the year a span states as a time ("in 2009", "since
2015", "December 2006"; not a law's year, "the 2000 UN TIP Protocol"), else the paragraph's or the
report's. ``NumberReading`` is a base of ``View`` (``extract/common.py``), which holds the words read."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tipkb.context import as_year

if TYPE_CHECKING:
    from tipkb.context import Context
    from tipkb.vocab import Vocabulary

_NUMERIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")

_YEAR_LEAD = frozenset(
    [
        "in",
        "since",
        "during",
        "from",
        "until",
        "through",
        "throughout",
        "by",
        "of",
        "early",
        "late",
        "mid",
        "end",
        "fiscal",
        "calendar",
        "fy",
        "year",
    ]
)
_LAW_WORDS = frozenset(
    [
        "act",
        "law",
        "laws",
        "protocol",
        "convention",
        "code",
        "amendment",
        "amendments",
        "amendment's",
        "report",
        "plan",
        "strategy",
        "special",
        "anti-trafficking",
        "immigration",
        "penal",
        "criminal",
        "un",
    ]
)


class NumberReading:
    """The numbers and years of a sentence view (``View``): its lower-cased words ``low``, the vocabulary
    and the context whose year holds when the span states none."""

    __slots__ = ()
    low: list[str]
    vocab: Vocabulary
    ctx: Context

    def number_at(self, n: int) -> tuple[float, int] | None:
        """The number starting at token n and the index after it ("35,000", "seven", "2.4 million",
        "twenty-one"), or None. Years are numbers too: callers decide."""
        low = self.low
        w = low[n]
        value: float
        if _NUMERIC.match(w):
            value = float(w.replace(",", ""))
        elif w in self.vocab.numbers and w not in ("a", "an", "none", "single"):
            value = float(self.vocab.numbers[w])
        else:
            return None
        end = n + 1
        if end + 1 < len(low) and low[end] == "-" and low[end + 1] in self.vocab.numbers and value >= 20:
            value += self.vocab.numbers[low[end + 1]]
            end += 2
        while end < len(low) and low[end] in self.vocab.scales and low[end] not in ("k", "m"):
            value *= self.vocab.scales[low[end]]
            end += 1
        if end < len(low) and low[end] == "hundred":
            value *= 100
            end += 1
        return value, end

    def year_at(self, n: int) -> int | None:
        return as_year(self.low[n]) if 0 <= n < len(self.low) else None

    def year_after(self, n: int, window: int = 4) -> int | None:
        """A year stated right after position n ("in 2016", "during 2007", "in April 2019")."""
        low = self.low
        for k in range(n, min(len(low), n + window)):
            y = self.year_at(k)
            if y:
                return y
            if low[k] not in _YEAR_LEAD and low[k] not in self.vocab.months:
                return None
        return None

    def stated_year(self, start: int = 0, end: int | None = None) -> int | None:
        """The first year the span states as a time ("in 2009", "since 2015", "December 2006").

        Years naming a law or instrument ("the 2000 UN TIP Protocol", "Act of 2005") do not count.
        """
        stop = len(self.low) if end is None else end
        low = self.low
        for n in range(start, stop):
            y = self.year_at(n)
            if not y:
                continue
            before = low[n - 1] if n > 0 else ""
            after = low[n + 1] if n + 1 < len(low) else ""
            if after in _LAW_WORDS or (before == "of" and n > 1 and low[n - 2] in _LAW_WORDS):
                continue
            if before in _YEAR_LEAD or before in self.vocab.months or (n == 0 and after == ","):
                return y
            if before == "," and n > 1 and low[n - 2].isdecimal():  # "June 17, 2009"
                return y
        return None

    def year_until(self, end: int) -> int | None:
        """The year of what the sentence says up to token ``end``: the first it states up to there (a
        year stated in an earlier clause carries on, one in a later clause does not), else the
        paragraph's, else the report's."""
        return self.stated_year(0, end) or self.ctx.year

    def year(self, start: int = 0, end: int | None = None) -> int | None:
        """FACTS.md's year: the one the span states, else the paragraph's, else the report's."""
        return self.stated_year(start, end) or self.ctx.year
