"""An aside set off by a pair of dashes reads as one in brackets: "granted victim status to 31 persons in
2020 - 20 women, six men and five children - against 25 persons in 2019", "referred 26 cases to the
courts—21 for forced labor and five for sex trafficking—and courts convicted 11". The statistics stage
reads the sentence with such a pair as "(" and ")" (the tokens only; offsets and evidence are the
sentence's as given)."""

from __future__ import annotations

import copy

from tipkb.extract.common import View

_DASHES = frozenset(["-", "–", "—"])
# Longest aside, in tokens.
_REACH = 25


def _set_off(view: View, n: int) -> bool:
    """Is the dash at n one that sets words off: a dash with spaces around it, or an en or em dash
    (a hyphen inside a word, "trafficking-related", is none)?"""
    if view.low[n] != "-":
        return True
    text, at = view.sent.text, view.chars[n] - view.sent.offset
    return 0 < at < len(text) - 1 and text[at - 1].isspace() and text[at + 1].isspace()


def _labels_a_figure(view: View, n: int) -> bool:
    """Is the dash at n one between a label and its figure ("sexual exploitation - 8, forced labour - 11")?"""
    number = view.number_at(n + 1) if n + 1 < len(view.low) else None
    return number is not None and (number[1] >= len(view.low) or view.low[number[1]] in (",", ";", ".", ")"))


def bracketed(view: View) -> View:
    """The view with each pair of dashes around an aside that holds a number read as brackets; the
    view itself when it has none."""
    low = view.low
    marks = [n for n, w in enumerate(low) if w in _DASHES and _set_off(view, n)]
    pairs = []
    k = 0
    while k + 1 < len(marks):
        a, b = marks[k], marks[k + 1]
        inside = low[a + 1 : b]
        if (
            1 < b - a <= _REACH
            and not _labels_a_figure(view, a)
            and not _labels_a_figure(view, b)
            and not any(w in (";", "(", ")") for w in inside)
            and any(view.number_at(m) is not None for m in range(a + 1, b))
        ):
            pairs.append((a, b))
            k += 2
        else:
            k += 1
    if not pairs:
        return view
    out = copy.copy(view)
    out.low = list(low)
    for a, b in pairs:
        out.low[a], out.low[b] = "(", ")"
    out._clauses = None
    return out
