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
    r"trafficking\s+in\s+persons\s+protocol|protocol\s+on\s+trafficking)",
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
    return None, None
