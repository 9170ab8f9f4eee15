"""How a sentence view is cut into clauses: at semicolons, before ", though / although / while", and at
", and" or ", but" (or a bare "and") before a new subject with its verb ("..., and some Kazakhstani men are
...", "... and girls from rural areas are trafficked"), so that each clause's places and roles are read on
their own. ``ClauseCutting`` is a base of ``View`` (``extract/common.py``); the word sets it cuts by are
here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipkb.extract.view_numbers import NumberReading

if TYPE_CHECKING:
    from tipkb.extract.common import Place

_CLAUSE_BREAKS = frozenset({";"})
_CLAUSE_CONJ = frozenset({"though", "although", "while", "whereas"})
_QUANTIFIERS = frozenset("some many most other the these those several".split())
_FINITE = frozenset("are were is was have has had may might could can".split())
# "..., and a small number of women from X are ...": a quantity before the people of a new subject.
_QUANTITY_PHRASES = (
    ("a", "small", "number", "of"),
    ("a", "large", "number", "of"),
    ("a", "growing", "number", "of"),
    ("a", "number", "of"),
    ("small", "numbers", "of"),
    ("large", "numbers", "of"),
    ("a", "few"),
)
# "..., and Haitian men brought across the border to cut cane are ...": participles that open a
# modifier between a new subject's people and its verb.
_PARTICIPLES = frozenset("brought taken sent held sold born caught found lured kept recruited".split())


class ClauseCutting(NumberReading):
    """The clauses of a sentence view (``View``), cut once and kept in ``_clauses``; a new subject may
    open with a count ("..., and one child was forced"), so the numbers are read too."""

    __slots__ = ("_clauses",)
    places: list[Place]
    _clauses: list[tuple[int, int]] | None

    def clauses(self) -> list[tuple[int, int]]:
        """Token ranges split at semicolons, ", though/although/while" (contrasting clauses) and
        ", and" or ", but" before a new subject and its verb ("..., and some Kazakhstani men are ...")."""
        if self._clauses is not None:  # every extractor asks; cut the sentence once
            return self._clauses
        cuts = [0]
        low = self.low
        demonym_ends = {p.j for p in self.places if p.kind == "demonym"}
        for n, w in enumerate(low):
            after_comma = n > 0 and low[n - 1] == ","
            if (
                w in _CLAUSE_BREAKS
                or (w in _CLAUSE_CONJ and after_comma)
                or (
                    w in ("and", "but")
                    and after_comma
                    and low[n - 2] not in self.vocab.people
                    and n - 1 not in demonym_ends  # "Burmese, Cambodian, and Lao men are ...": one list
                    and self._new_subject(n + 1)
                )
                or (
                    # "persons are trafficked into X and Thai nationals are trafficked abroad": a
                    # clause with its verb, then a new subject with its own verb.
                    w in ("and", "but")
                    and n > 0
                    and low[n - 1] not in self.vocab.people
                    and any(x in _FINITE for x in low[cuts[-1] : n])
                    and self._new_subject(n + 1, finite=True)
                )
            ):
                cuts.append(n)
        cuts.append(len(low))
        self._clauses = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
        return self._clauses

    def _new_subject(self, n: int, finite: bool = False) -> bool:
        """Does a subject and its verb start at n ("some Kazakhstani men are", "girls were")?"""
        low = self.low
        # "some Kazakhstani men", "some Asian men": quantifiers and demonyms (or a region's adjective)
        demonyms = {
            p.i: p.j
            for p in self.places
            if p.kind == "demonym"
            or (p.kind == "region" and p.j < len(low) and low[p.j] in self.vocab.people)
        }
        k = n
        # "reports of girls being sold ..., and of women being forced ...": a second "of" clause
        of_clause = not finite and k < len(low) and low[k] == "of"
        k += of_clause
        phrase = next((q for q in _QUANTITY_PHRASES if tuple(low[k : k + len(q)]) == q), None)
        k += len(phrase) if phrase else 0
        first = k
        # "..., and one child was forced to beg": a count before the people; "..., and 12 were
        # children exploited in ...": a part of a count, its copula the verb
        if k < len(low) and (got := self.number_at(k)) is not None:
            k = got[1]
            if not finite and k + 1 < len(low) and low[k] in ("were", "was"):
                m = k + 1
                while m < len(low) and m < k + 4 and (low[m] in _QUANTIFIERS or m in demonyms):
                    m = demonyms.get(m, m + 1)
                return m < len(low) and low[m] in self.vocab.people
        while k < len(low) and k < first + 3 and (low[k] in _QUANTIFIERS or k in demonyms):
            k = demonyms.get(k, k + 1)
            # "..., and Uzbek and Tajik women are ...": demonyms joined by "and" before the people
            if k + 1 < len(low) and low[k] in ("and", "or", ",") and k + 1 in demonyms:
                k += 1
                first += 2
        if k >= len(low) or low[k] not in self.vocab.people:
            return False
        # "Burmese women and girls are ...", "men, women, and children from B are ...": people joined
        # by "and" / "or" or listed with commas are one subject.
        people = self.vocab.people
        while k + 2 < len(low):
            if low[k + 1] in ("and", "or", ",") and low[k + 2] in self.vocab.people:
                k += 2
            elif (
                low[k + 1] == ","
                and low[k + 2] in ("and", "or")
                and k + 3 < len(low)
                and low[k + 3] in people
            ):
                k += 3
            else:
                break
        if of_clause:
            return low[k + 1 : k + 2] == ["being"]
        # "..., and girls from rural areas are trafficked", "..., and Haitian men brought across the
        # border to cut sugar cane are held ...": the people's origin or a participle, then their verb.
        nxt = low[k + 1] if k + 1 < len(low) else ""
        # "..., and Cuban migrants transiting Central America toward the US are ...": an -ing participle too
        if nxt == "from" or nxt in _PARTICIPLES or (nxt.endswith(("ed", "ing")) and len(nxt) > 4):
            for m in range(k + 2, min(len(low), k + 16)):
                if low[m] in (";", ".", ":", ",", "(", ")", "who", "which", "that"):
                    break
                if low[m] in _FINITE:
                    return True
        # "... and women to Turkey for sexual exploitation": the verb is left out (a gapped clause).
        gapped = not finite and low[k + 1 : k + 2] in (["to"], ["into"])
        if not finite and low[k + 1 : k + 2] == [","]:
            # "..., and children, many of them from minority communities, are forced to beg"
            for m in range(k + 2, min(len(low) - 1, k + 20)):
                if low[m] in (";", ".", ":") or low[m] in _FINITE:
                    return False
                if low[m] == "," and low[m + 1] in _FINITE:
                    return True
        return k + 1 < len(low) and (low[k + 1] in _FINITE or gapped)
