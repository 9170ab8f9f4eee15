"""Funding: money a government allocated, provided or spent against trafficking (FACTS.md ``funding``)."""

from __future__ import annotations

import re

from tipkb.extract.common import Place, View
from tipkb.extract.memory import Memory
from tipkb.extract.money import amounts
from tipkb.model import FundingFact
from tipkb.vocab import word_set

RULE = "funding.v1"

_VERBS = word_set("funding.verbs")
_RECEIVING = word_set("funding.receiving")
_NOT_FUNDING = word_set("funding.not_funding")
_NOT_GIVERS = word_set("funding.not_givers")
_GOVERNMENT = word_set("funding.government")
_ASIDE_LEADS = word_set("funding.aside_leads")
_NEGATIONS = word_set("funding.negations")
_PAST_AMOUNT = word_set("funding.past_amount")
_NOUNS = word_set("funding.nouns")
_PUBLIC = word_set("funding.public")
_PURPOSE_LEAD = word_set("funding.purpose_lead")
_PURPOSE_END = word_set("funding.purpose_end")
_NOBODY = ""  # the money is no government's: an organization's, a donor's, people's
_FOLLOW_UP = re.compile(
    r"\s*(?:(?:this|that|the (?:amount|figure|sum|allocation|budget|total))\s+"
    r"(?:compares|compared|was|is|represented|represents|marked|marks)\b"
    r"|(?:compared|up|down|an? (?:increase|decrease|rise|drop|reduction|cut))\s+(?:with|to|from)\b)",
    re.I,
)


def extract(view: View, memory: Memory) -> list[FundingFact]:
    """The money a government allocated or provided against trafficking, as a sentence states it."""
    low = view.low
    if view.sent.heading:
        return []
    # "This compares with 1.2 million soms in 2013." right after a sentence that gave money: its
    # amounts are the same money in another year.
    follow_up = memory.funding_at == memory.sentence_no - 1 and bool(_FOLLOW_UP.match(view.sent.reading))
    if not follow_up and not any(w in _VERBS for w in low):
        return []
    subject = view.ctx.subject
    facts = []
    for start, end, amount, currency in amounts(view, subject):
        verb = _verb(low, start, end)
        if follow_up and verb is None:
            verb = start
        elif verb is None or _negated(low, verb):
            continue
        if _not_funding(low, start, end):
            continue
        giver = None if follow_up and verb == start else _giver(view, start, end, verb)
        if giver == _NOBODY:
            continue
        country = giver or subject
        if not country:
            continue
        if country != subject:  # "Japan contributed 30 million yen": the currency of the giver
            currency = next((a[3] for a in amounts(view, country) if a[0] == start), currency)
        facts.append(
            FundingFact(
                doc=view.ctx.doc,
                year=view.year_after(end, 4) or view.stated_year() or view.ctx.year,
                evidence=view.evidence(),
                rule=RULE,
                section=view.ctx.section,
                country=country,
                amount=amount,
                currency=currency,
                purpose=_purpose(view, end),
            )
        )
    if facts:
        memory.funding_at = memory.sentence_no
    return facts


def _verb(low: list[str], start: int, end: int) -> int | None:
    """The word that allocates, spends or budgets the amount: the nearest before it in its clause
    ("allocated ... $35,000"), else the first after it ("$2 million was provided by ...")."""
    for k in range(start - 1, -1, -1):
        if low[k] in _VERBS:
            return k
        if low[k] == ";":
            break
    for k in range(end, len(low)):
        if low[k] in _VERBS:
            return k
        if low[k] in (";", "."):
            break
    return None


def _not_funding(low: list[str], start: int, end: int) -> bool:
    """Money near a word for what is not a government's spending: "fines of up to $10,000", "paid
    $2,000 in bribes". Only the words around the amount count: "...for staff salaries" at the end of
    a long allocation sentence does not undo it, nor do words before the verb that governs the amount
    ("paid $3,000 in bribes, while the ministry provided $5,000")."""
    first = max(0, start - 6)
    for k in range(start - 1, first - 1, -1):
        if low[k] in _VERBS:
            first = k + 1
            break
    return any(w in _NOT_FUNDING for w in low[first : end + 3])


def _negated(low: list[str], verb: int) -> bool:
    """ "did not allocate $50,000", "has never provided ...", "failed to disburse ...": no money given."""
    near = low[max(0, verb - 3) : verb]
    return bool(set(near) & _NEGATIONS) or low[max(0, verb - 2) : verb] == ["failed", "to"]


def _giver(view: View, start: int, end: int, verb: int) -> str | None:
    """Whose money the amount is: a country other than the subject ("the U.S. government provided",
    "Japan contributed", "the Government of Sweden allotted", "... from the Norwegian government"),
    _NOBODY when an organization, donors or private people give it ("IOM provided", "received $5,000
    from foreign donors", "migrants spent"), else None (the subject's government)."""
    low = view.low
    starts = {p.i: p for p in view.places if p.kind in ("country", "demonym")}
    # "... $5,000 from the EU", "$2 million was provided by the U.S. government", "$5,000 ($4,000)
    # in funding from IOM": the giver right after the amount.
    k = end
    if k < len(low) and low[k] == "(":
        k = next((m + 1 for m in range(k, min(len(low), k + 8)) if low[m] == ")"), k)
    while k < len(low) and (low[k] in _VERBS or low[k] in _PAST_AMOUNT):
        k += 1
    if k < len(low) and low[k] in ("from", "by"):
        found = _actor(view, starts, k + 1, min(len(low), k + 8))
        if found is not _UNNAMED:
            return found
    # "funded in part by a government grant of 80 million tugriks", "state funding of $40,000"
    if low[verb] in _NOUNS and set(low[max(0, verb - 2) : verb]) & _PUBLIC:
        return None
    if low[verb] in _RECEIVING:
        return _NOBODY  # "victims received $500": no giver named, no government's money
    first = max((a for a, _ in view.clauses() if a <= min(verb, start)), default=0)
    found = _actor(view, starts, first, min(verb, start), asides=True)
    return None if found is _UNNAMED else found


_UNNAMED = "?"  # no giver named


def _actor(view: View, starts: dict[int, Place], begin: int, stop: int, asides: bool = False) -> str | None:
    """The first giver in low[begin:stop]: a country's code (None for the subject's), _NOBODY for an
    organization or private people ("Nigerian migrants"), None for a government word ("the ministry"),
    _UNNAMED when none is named."""
    low = view.low
    subject = view.ctx.subject
    k = begin
    while k < stop:
        w = low[k]
        if asides and w in _ASIDE_LEADS:
            # "With funding from IOM, ...", "In Kenya, ...": to the end of the aside
            k = next((m for m in range(k + 1, stop) if low[m] == ","), stop)
            continue
        place = starts.get(k)
        if place is not None and not place.code.startswith("region:"):
            if place.j < len(low) and low[place.j] in _NOT_GIVERS:
                return _NOBODY
            return None if place.code == subject else place.code
        if w in _NOT_GIVERS:
            return _NOBODY
        if w in _GOVERNMENT:
            # "the Government of Japan", "the Ministry of Foreign Affairs of Norway"
            for m in range(k + 1, min(stop, k + 8)):
                if low[m] in (",", "and") or low[m] in _VERBS:
                    break
                named = starts.get(m)
                if named is not None and low[m - 1] in ("of", "the") and not named.code.startswith("region:"):
                    return None if named.code == subject else named.code
            return None
        k += 1
    return _UNNAMED


def _purpose(view: View, n: int) -> str | None:
    """What the money is for: the phrase after 'for'/'on' ("for victim assistance")."""
    low, toks = view.low, view.toks
    k = n
    while k < len(low):
        number = view.number_at(k)
        if number:
            k = number[1]
        elif low[k] in ("(", ")", "$"):
            k += 1
        else:
            break
    if k >= len(low) or low[k] not in _PURPOSE_LEAD:
        return None
    last = k
    for m in range(k + 1, min(len(low), k + 10)):
        if low[m] in _PURPOSE_END:
            break
        last = m
    if last == k:
        return None
    # The words as written ("NGO-run shelters"), from the sentence's own text.
    base = view.sent.start
    span = slice(view.chars[k + 1] - base, view.chars[last] - base + len(toks[last]))
    written, given = view.sent.reading[span], view.sent.text[span]
    # a word broken after its hyphen at a line end ("NGO-" / "run") is one word as written: "NGO-run"
    written = "".join(
        "" if c == " " and i > 0 and written[i - 1] == "-" and given[i] in "\r\n\f" else c
        for i, c in enumerate(written)
    )
    return re.sub(r"[ \t\r\n\f]+", " ", written)  # as read across a line end: one space
