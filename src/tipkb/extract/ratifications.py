"""Ratifications of the UN TIP (Palermo) Protocol (FACTS.md ``ratification``)."""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import RatificationFact

RULE = "ratifications.v1"

_VERB = re.compile(r"\b(ratif\w*|acced\w*|accession|accept(?:ed|ance)|became a party|party to)\b", re.I)
_INSTRUMENT = re.compile(
    r"\b(?:palermo\s+protocol|(?:un|u\.n\.|united nations)?\s*tip\s+protocol|"
    r"protocol\s+to\s+prevent,?\s+suppress,?\s+and\s+punish\s+trafficking|"
    r"trafficking\s+in\s+persons\s+protocol|protocol\s+on\s+trafficking|"
    r"(?:un|u\.n\.|united nations)\s+(?:anti-)?trafficking\s+protocol)",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|never|yet to)\s+(?:\w+\s+)?(?:ratif|acced|accept)|\bnot (?:yet )?(?:a )?party\b|\byet to become\b",
    re.I,
)


def extract(view: View, memory: Memory) -> list[RatificationFact]:
    """The Palermo Protocol ratifications, accessions and acceptances a sentence states."""
    text = view.sent.reading
    if not _VERB.search(text) or not _INSTRUMENT.search(text) or _NEGATED.search(text):
        return []
    verb = _VERB.search(text)
    assert verb is not None
    country = _country(view, verb.start())
    if not country:
        return []
    year, month = _date(view, verb.start())
    return [
        RatificationFact(
            doc=view.ctx.doc,
            year=year,
            evidence=view.evidence(),
            rule=RULE,
            section=view.ctx.section,
            country=country,
            month=month,
        )
    ]


def _country(view: View, verb_char: int) -> str | None:
    """The country before the verb ("Kazakhstan ratified", "The country ratified"), else the subject."""
    base = view.sent.start
    before = [
        p for p in view.places if view.chars[p.i] - base < verb_char and p.kind in ("country", "subject")
    ]
    return before[-1].code if before else view.ctx.subject


def _date(view: View, verb_char: int) -> tuple[int | None, int | None]:
    """The month and year after the verb ("in July 2008", "on 12 July 2008"), skipping the
    instrument's own year ("the 2000 UN TIP Protocol")."""
    low = view.low
    base = view.sent.start
    months = view.vocab.months
    for n in range(len(low)):
        if view.chars[n] - base < verb_char:
            continue
        year = view.year_at(n)
        if not year:
            continue
        after = low[n + 1] if n + 1 < len(low) else ""
        if after in ("un", "u.n.", "united", "palermo", "tip", "protocol", "convention"):
            continue
        month = None
        for k in (n - 1, n - 2, n - 3):
            if k >= 0 and low[k] in months and view.toks[k][:1].isupper():
                month = months[low[k]]
                break
        return year, month
    return _date_before(view, verb_char)


_SAME_YEAR = re.compile(r"\b(?:the same year|that year|that same year)\b", re.I)


def _date_before(view: View, verb_char: int) -> tuple[int | None, int | None]:
    """A date stated before the verb in its clause ("In July 2008, Kazakhstan ratified ..."), or
    "in September of the same year" after a year named earlier in the sentence."""
    low, months = view.low, view.vocab.months
    base = view.sent.start
    verb = next((n for n, c in enumerate(view.chars) if c - base >= verb_char), len(low))
    start = max((a for a, _ in view.clauses() if a <= verb), default=0)
    same = _SAME_YEAR.search(view.sent.reading[:verb_char])
    first = 0 if same else start
    years = [n for n in range(first, verb) if view.year_at(n)]
    if not years:
        return None, None
    # The month nearest before the verb, back to just before the year ("In March 2010, ...").
    month = next(
        (
            months[low[k]]
            for k in range(verb - 1, max(first, years[-1] - 3) - 1, -1)
            if low[k] in months and view.toks[k][:1].isupper()
        ),
        None,
    )
    return view.year_at(years[-1]), month
