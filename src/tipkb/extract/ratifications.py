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
    r"trafficking\s+in\s+persons\s+protocol|protocol\s+(?:on|against)\s+(?:human\s+)?trafficking|"
    r"(?:un|u\.n\.|united nations\s+)?\s*(?:anti-)?trafficking\s+protocol)",
    re.I,
)
# The negation right before the verb that governs the instrument ("has not ratified it", "is not a
# party to", "has yet to ratify"); a negated verb about another instrument does not undo it.
_NEGATED = re.compile(
    r"(?:\b(?:not|never|yet to)\s+(?:\w+\s+)?|\bnot (?:yet )?(?:a )?|\byet to become (?:a )?)$",
    re.I,
)


# "the Protocol", "this protocol" with nothing after that names another one ("the Protocol on the
# Smuggling of Migrants"): the protocol named last.
_BARE = re.compile(
    r"\b(?:the|this|that|said)\s+protocol\b(?!\s+(?:to|on|of|against|relating|concerning|for)\b)", re.I
)
_ANY_PROTOCOL = re.compile(r"\bprotocols?\b", re.I)


# A ratification still to come: the verb's bare form ("ratify", "accede", "become a party") after "to"
# or a modal ("is expected to ratify", "will accede", "should ratify").
_NOT_YET = re.compile(r"(?:ratify|accede|accept|party to)$", re.I)
_TO_COME = re.compile(
    r"\b(?:to|will|would|shall|should|could|may|might|must|can)\s+(?:become\s+(?:a\s+)?)?$", re.I
)


def _instrument(text: str, memory: Memory) -> re.Match[str] | None:
    """The Palermo Protocol as the sentence names it, or as a bare "the Protocol" when the protocol
    named last in the document is it. Each protocol the sentence names updates which one was last
    (the Palermo Protocol, or another such as "the Optional Protocol on the sale of children")."""
    named = _INSTRUMENT.search(text)
    found = named
    for word in _ANY_PROTOCOL.finditer(text):
        if any(m.start() <= word.start() < m.end() for m in _INSTRUMENT.finditer(text)):
            memory.palermo_last = True
            continue
        bare = next((b for b in _BARE.finditer(text) if b.end() == word.end()), None)
        if bare is None:
            memory.palermo_last = False  # another protocol
        elif memory.palermo_last and found is None:
            found = bare
    return found


def extract(view: View, memory: Memory) -> list[RatificationFact]:
    """The Palermo Protocol ratifications, accessions and acceptances a sentence states."""
    text = view.sent.reading
    instrument = _instrument(text, memory)
    verbs = list(_VERB.finditer(text))
    if not verbs or not instrument:
        return []
    # The verb that governs the instrument: the nearest before it ("ratified the ILO convention in 2019
    # and acceded to the Palermo Protocol in 2005"), else the first after it ("The Palermo Protocol,
    # which Kenya ratified in 2005, ...").
    before = [v for v in verbs if v.start() < instrument.start()]
    verb = before[-1] if before else verbs[0]
    if _NEGATED.search(text[max(0, verb.start() - 30) : verb.start()]):
        return []
    if _NOT_YET.match(verb.group(0)) and _TO_COME.search(text[max(0, verb.start() - 30) : verb.start()]):
        return []  # "is expected to ratify", "will accede to", "plans to become a party to"
    country = _country(view, verb.start())
    if not country:
        return []
    year, month = _date(view, instrument.end(), look_back=False) if before else (None, None)
    if year is None:
        year, month = _date(view, verb.start())
    found = [(country, year, month)]
    # "...; neighbouring Mauritius had acceded to it in 2003": a later verb whose object points back at
    # the instrument, with a country of its own before it.
    for later in verbs:
        if later.start() < instrument.end() or later is verb:
            continue
        if not _POINTS_BACK.match(text, later.end()):
            continue
        if _NEGATED.search(text[max(0, later.start() - 30) : later.start()]):
            continue
        own = _country_after(view, instrument.end(), later.start())
        if own and all(own != code for code, _, _ in found):
            found.append((own, *_date(view, later.start(), look_back=False)))
    return [
        RatificationFact(
            doc=view.ctx.doc,
            year=y,
            evidence=view.evidence(),
            rule=RULE,
            section=view.ctx.section,
            country=code,
            month=m,
        )
        for code, y, m in found
    ]


_POINTS_BACK = re.compile(
    r"\s+(?:to\s+)?(?:it|the same (?:protocol|instrument)|the protocol|this protocol)\b", re.I
)


def _country_after(view: View, start_char: int, verb_char: int) -> str | None:
    """The country named between the instrument and a later verb, nearest the verb ("; neighbouring
    Mauritius had acceded to it"), not the subject."""
    base = view.sent.start
    between = [
        p for p in view.places if start_char <= view.chars[p.i] - base < verb_char and p.kind == "country"
    ]
    return between[-1].code if between else None


def _country(view: View, verb_char: int) -> str | None:
    """The country before the verb ("Kazakhstan ratified", "The country ratified"), else the subject."""
    base = view.sent.start
    before = [
        p for p in view.places if view.chars[p.i] - base < verb_char and p.kind in ("country", "subject")
    ]
    return before[-1].code if before else view.ctx.subject


def _date(view: View, verb_char: int, look_back: bool = True) -> tuple[int | None, int | None]:
    """The month and year after the verb ("in July 2008", "on 12 July 2008"), skipping the
    instrument's own year ("the 2000 UN TIP Protocol")."""
    low = view.low
    base = view.sent.start
    months = view.vocab.months
    first = next((n for n in range(len(low)) if view.chars[n] - base >= verb_char), len(low))
    # Not past the clause ("..., and in 2010 it passed a law" dates something else).
    anchor = first if look_back else max(0, first - 1)  # the verb, or the instrument's last word
    last = next((b for a, b in view.clauses() if a <= anchor < b), len(low))
    for n in range(first, last):
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
    return _date_before(view, verb_char) if look_back else (None, None)


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
