"""Money amounts in a sentence, each with its ISO 4217 currency: a symbol or code before the number
("$35,000", "US$1.2m", "KES 30 million", "€500k"), glued to it ("R5 million", "GH¢50,000",
"USD50,000") or a name or code after it ("19 million drams", "3 million Icelandic krona", "120,000
TTD", "50 lakh rupees"). A name several countries use ("pesos", "dinars", "lei") is the currency of
the country whose money it is; a demonym or country name before it says which ("Moldovan lei").
"""

from __future__ import annotations

import re
from functools import cache

from tipkb.extract.common import View
from tipkb.vocab import vocabulary, word_set

# A symbol that is one letter only names a currency in the country that uses it ("R5 million" in South
# Africa, "N200 million" in Nigeria); elsewhere "R5" is no amount.
_LETTER_SYMBOLS = {"R": ("ZAF", "ZAR"), "N": ("NGA", "NGN")}
_GLUED = re.compile(r"^(\D{1,4}?)(\d[\d,]*(?:\.\d+)?)(m|mn|bn|k)?$")
_SUFFIX_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# South Asian scales: "50 lakh" is 5,000,000, "2 crore" 20,000,000.
_SOUTH_ASIAN = {"lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# "Rs 50 lakh": rupees of the country whose money it is.
_RUPEE_SIGNS = frozenset(("Rs", "Rs.", "NRs"))
# Upper-case words that are currency codes but also English words in capitals: never a code alone.
_CODE_WORDS = word_set("funding.code_words")


@cache
def _codes() -> frozenset[str]:
    """Every ISO 4217 code the vocabulary knows ("KES", "PHP", "XOF")."""
    vocab = vocabulary()
    codes = set(vocab.currency_symbols.values())
    codes.update(value for options in vocab.currency_names.by_first.values() for _, value in options)
    for table in (vocab.currency_names_by_country, vocab.currency_names_by_demonym):
        for by in table.values():
            codes.update(by.values())
    return frozenset(c for c in codes if len(c) == 3 and c.isupper()) - _CODE_WORDS


def amounts(view: View, country: str | None) -> list[tuple[int, int, float, str]]:
    """(first token, token after, amount, currency) of each money amount in the sentence, in order.
    ``country``: whose money it is, for a name several countries use."""
    out = []
    n = 0
    while n < len(view.low):
        found = _before(view, n, country) or _glued(view, n, country) or _after(view, n, country)
        if found:
            out.append((n, found[0], found[1], found[2]))
            n = found[0]
            continue
        n += 1
    return [a for a in out if a[2] > 0]


def _symbol(view: View, n: int, country: str | None) -> str | None:
    """The currency a symbol or code at token n names ("$", "US$", "KSh", "KES", "Rs"), if any."""
    tok = view.toks[n]
    if tok in _LETTER_SYMBOLS:
        home, code = _LETTER_SYMBOLS[tok]
        return code if country == home else None
    if tok in _RUPEE_SIGNS:
        return _by_country("rupees", country)
    symbol = view.vocab.currency_symbols.get(tok)
    if symbol:
        return _by_country(tok.lower(), country) or symbol
    if len(tok) == 3 and tok.isupper() and tok in _codes():
        return tok
    return None


def _before(view: View, n: int, country: str | None) -> tuple[int, float, str] | None:
    """'$35,000', 'KES 30 million', 'US$ 1.2m': a symbol or code, then the number."""
    if n + 1 >= len(view.low):
        return None
    code = _symbol(view, n, country)
    if not code:
        return None
    number = view.number_at(n + 1)
    if not number or view.year_at(n + 1):
        return None
    value, end = _scaled(view, number[0], number[1])
    return end, value, code


def _glued(view: View, n: int, country: str | None) -> tuple[int, float, str] | None:
    """'R5 million', 'GH¢50,000', 'USD50,000', '$1.2m': the symbol and the number in one token."""
    m = _GLUED.match(view.toks[n])
    if not m:
        return None
    tok = m.group(1)
    code: str | None
    if tok in _LETTER_SYMBOLS:
        home, letter = _LETTER_SYMBOLS[tok]
        code = letter if country == home else None
    elif tok in _RUPEE_SIGNS:
        code = _by_country("rupees", country)
    else:
        code = view.vocab.currency_symbols.get(tok) or (tok if tok in _codes() else None)
    if not code:
        return None
    value = float(m.group(2).replace(",", "")) * _SUFFIX_SCALES.get(m.group(3) or "", 1)
    value, end = _scaled(view, value, n + 1)
    return end, value, code


def _after(view: View, n: int, country: str | None) -> tuple[int, float, str] | None:
    """'19 million drams', '1.5m shillings', '120,000 TTD', '5 million FCFA', '50 lakh rupees'."""
    number = view.number_at(n)
    if not number or view.year_at(n):
        return None
    value, end = _scaled(view, number[0], number[1])
    currency = _currency_after(view, end, country)
    if not currency:
        return None
    code, stop = currency
    return stop, value, code


def _scaled(view: View, value: float, end: int) -> tuple[float, int]:
    """The value times a scale after it that ``number_at`` leaves ("1.2 m", "50 lakh")."""
    low, scales = view.low, view.vocab.scales
    if end < len(low) and low[end] in ("m", "mn", "bn", "k") and view.toks[end] == low[end]:
        return value * _SUFFIX_SCALES[low[end]], end + 1
    if end < len(low) and low[end] in _SOUTH_ASIAN:
        return value * _SOUTH_ASIAN[low[end]], end + 1
    while end < len(low) and low[end] in scales and low[end] not in ("k", "m"):  # "R7 million"
        value *= scales[low[end]]
        end += 1
    return value, end


def _by_country(name: str, country: str | None) -> str | None:
    by_country = vocabulary().currency_names_by_country.get(name)
    if not by_country:
        return None
    return by_country.get(country or "", by_country["default"])


def _currency_after(view: View, n: int, country: str | None) -> tuple[str, int] | None:
    low, vocab = view.low, view.vocab
    if n >= len(low):
        return None
    # "15 million Dominican pesos", "30 million Kenya shillings": the demonym or country says whose
    # currency. Only one of them makes "dollars" another country's ("50,000 Fijian dollars").
    named = next((p for p in view.places if p.i == n and p.kind in ("demonym", "country")), None)
    if named and named.j < len(low):
        name = low[named.j]
        by_demonym = vocab.currency_names_by_demonym.get(name, {})
        if named.code in by_demonym:
            return by_demonym[named.code], named.j + 1
        if name in vocab.currency_names_by_country:
            country, n = named.code, named.j
    code = _by_country(low[n], country)
    if code:
        return code, n + 1
    hit = vocab.currency_names.match_at(low, n)
    if hit:
        return hit[1], hit[0]
    tok = view.toks[n]
    if tok.isupper() and (tok in vocab.currency_symbols or tok in _codes()):
        return _by_country(low[n], country) or vocab.currency_symbols.get(tok) or tok, n + 1
    return None
