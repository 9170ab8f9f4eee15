"""Funding: money a government allocated, provided or spent against trafficking (FACTS.md ``funding``)."""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import FundingFact
from tipkb.vocab import word_set

RULE = "funding.v1"

_VERBS = word_set("funding.verbs")
_NOT_FUNDING = word_set("funding.not_funding")
_PURPOSE_LEAD = word_set("funding.purpose_lead")
_PURPOSE_END = word_set("funding.purpose_end")


def extract(view: View, memory: Memory) -> list[FundingFact]:
    """The money a government allocated or provided against trafficking, as a sentence states it."""
    low = view.low
    if view.sent.heading or not any(w in _VERBS for w in low):
        return []
    country = view.ctx.subject
    if not country:
        return []
    facts = []
    for start, end, amount, currency in _amounts(view):
        if _not_funding(low, start, end):
            continue
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
    return facts


def _amounts(view: View) -> list[tuple[int, int, float, str]]:
    """Money amounts: '$35,000', 'US$1.2 million', '120,000 TTD', '19 million drams', '€50,000'."""
    low, toks = view.low, view.toks
    vocab = view.vocab
    out = []
    n = 0
    while n < len(low):
        symbol = vocab.currency_symbols.get(toks[n])
        if symbol and toks[n] != "R" and n + 1 < len(low):
            number = view.number_at(n + 1)
            if number:
                out.append((n, number[1], number[0], symbol))
                n = number[1]
                continue
        number = view.number_at(n)
        if number and not view.year_at(n):
            value, end = number
            currency = _currency_after(view, end)
            if currency:
                code, stop = currency
                out.append((n, stop, value, code))
                n = stop
                continue
        n += 1
    return [a for a in out if a[2] > 0]


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


def _currency_after(view: View, n: int) -> tuple[str, int] | None:
    low, vocab = view.low, view.vocab
    if n >= len(low):
        return None
    country = view.ctx.subject or ""
    # "15 million Dominican pesos", "30 million Kenyan shillings": the demonym says whose currency.
    # Only a demonym makes "dollars" another country's ("50,000 Fijian dollars").
    demonym = next((p for p in view.places if p.i == n and p.kind == "demonym"), None)
    if demonym and demonym.j < len(low):
        name = low[demonym.j]
        by_demonym = vocab.currency_names_by_demonym.get(name, {})
        if demonym.code in by_demonym:
            return by_demonym[demonym.code], demonym.j + 1
        if name in vocab.currency_names_by_country:
            country, n = demonym.code, demonym.j
    by_country = vocab.currency_names_by_country.get(low[n])
    if by_country:
        return by_country.get(country, by_country["default"]), n + 1
    hit = vocab.currency_names.match_at(low, n)
    if hit:
        return hit[1], hit[0]
    if view.toks[n].isupper() and view.toks[n] in vocab.currency_symbols and len(view.toks[n]) == 3:
        return vocab.currency_symbols[view.toks[n]], n + 1
    return None


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
    written = view.sent.reading[view.chars[k + 1] - base : view.chars[last] - base + len(toks[last])]
    return re.sub(r"[ \t\r\n\f]{2,}", " ", written)  # as read across a line end: one space
