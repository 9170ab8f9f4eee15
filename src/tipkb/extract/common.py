"""What every extractor reads a sentence with: its words, places, clauses, numbers and years.

``View`` holds a sentence's words and the places in it (with "the country" and a leading "it" for the
subject country), and answers what every extractor asks; its number and year
reading is in ``view_numbers.py``. The helpers below read a role phrase's opening."""

from __future__ import annotations

from dataclasses import dataclass

from tipkb.context import Context
from tipkb.extract.view_numbers import _YEAR_LEAD, NumberReading
from tipkb.model import Evidence
from tipkb.segment import Sentence
from tipkb.vocab import Vocabulary, vocabulary

# "the country", "this country" and these pronouns, as the subject of a sentence, mean the subject country.
_SUBJECT_PRONOUNS = frozenset({"it"})
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
# Words after a place that make it something else: "the Caribbean coast", "Red Sea", "Niger Delta".
_NOT_A_PLACE_AFTER = frozenset(
    [
        "coast",
        "sea",
        "ocean",
        "delta",
        "basin",
        "peninsula",
        "river",
        "valley",
        "province",
        "provinces",
        "state",
        "border",
        "region",
        "islands",
        "directive",
        "directives",
    ]
)

# After a country, words that make it an agency's ("the U.S. Department of State", "the U.S. government").
_AGENCY_WORDS = frozenset(
    ["department", "state", "embassy", "government", "congress", "secretary", "ambassador", "administration"]
)

# Lower-case words after a region that make it an adjective of a place below it.
_SETTLEMENTS = frozenset(
    ["city", "cities", "town", "towns", "port", "island", "capital", "enclave", "territory"]
)


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a sentence, by token position in the sentence view."""

    i: int
    j: int
    code: str
    kind: str  # "country", "demonym", "region", or "subject" ("the country", "it")


class View(NumberReading):
    """A sentence as tokens (no whitespace tokens), with its places and context. Its numbers and years come
    from ``NumberReading`` (``view_numbers.py``)."""

    __slots__ = ("sent", "ctx", "toks", "low", "chars", "places", "vocab", "_hedged", "_clauses")

    def __init__(self, sent: Sentence, ctx: Context) -> None:
        self.sent = sent
        self.ctx = ctx
        self.vocab: Vocabulary = vocabulary()
        span = sent.span
        keep = [t for t in span if not t.is_space]
        self.toks = [t.text for t in keep]
        self.low = [t.lower_ for t in keep]
        self.chars = [sent.offset + t.idx for t in keep]
        position = {t.i: n for n, t in enumerate(keep)}
        places: list[Place] = []
        for m in sent.places:
            i = position.get(m.start)
            j = position.get(m.end - 1)
            if i is None or j is None:
                continue
            if j + 1 < len(self.low) and self.low[j + 1] in _NOT_A_PLACE_AFTER:
                continue
            if m.kind == "region" and j + 1 < len(self.toks) and self.toks[j + 1] in _SETTLEMENTS:
                continue  # "the East Asian city of Macau": the city is the place
            places.append(Place(i, j + 1, m.code, m.kind))
        if ctx.subject:
            places.extend(self._subject_references(ctx.subject, places))
            places.sort(key=lambda p: p.i)
        self.places = places
        self._hedged: bool | None = None
        self._clauses: list[tuple[int, int]] | None = None

    def _subject_references(self, subject: str, named: list[Place]) -> list[Place]:
        """'the country', 'this country' and a leading 'it' name the subject, unless the sentence opens
        with another country ("China's policy ... women in the country"): then they name that one."""
        taken = {n for p in named for n in range(p.i, p.j)}
        out = []
        low = self.low
        # "The U.S. Department of State ... rated the country": an agency's country is not the one meant.
        opener = next(
            (
                p
                for p in named
                if p.kind == "country" and p.i <= 2 and not (p.j < len(low) and low[p.j] in _AGENCY_WORDS)
            ),
            None,
        )
        if opener is not None and not any(w in ("from", "in", "to") for w in low[: opener.i]):
            subject = opener.code
        for n, w in enumerate(low):
            if n in taken:
                continue
            if (
                w == "country"
                and n > 0
                and low[n - 1] in ("the", "this")
                and not (n + 1 < len(low) and low[n + 1] in ("of", "'s", "’s"))
            ):
                out.append(Place(n - 1, n + 1, subject, "subject"))
            elif w in _SUBJECT_PRONOUNS and (n == 0 or low[n - 1] in (",", ";", "though", "but", "and")):
                out.append(Place(n, n + 1, subject, "subject"))
        return out

    # -- the sentence --------------------------------------------------------------------------
    def evidence(self) -> Evidence:
        return Evidence(self.sent.start, self.sent.end, self.sent.text)

    @property
    def hedged(self) -> bool:
        if self._hedged is None:
            self._hedged = any(
                w in self.vocab.hedges and not self._month_may(n) for n, w in enumerate(self.low)
            )
        return self._hedged

    def hedged_until(self, end: int) -> bool:
        """Is what the sentence says up to token ``end`` hedged (a hedge in an earlier clause carries on,
        one in a later clause does not)?"""
        if end >= len(self.low):
            return self.hedged
        return any(w in self.vocab.hedges and not self._month_may(n) for n, w in enumerate(self.low[:end]))

    def _month_may(self, n: int) -> bool:
        """'In May 2019', 'on 5 May': the month, not a hedge."""
        if self.toks[n] != "May":
            return False
        nxt = self.low[n + 1] if n + 1 < len(self.low) else ""
        before = self.low[n - 1] if n > 0 else ""
        return (
            nxt[:1].isdigit()
            or before[:1].isdigit()
            or before in _YEAR_LEAD
            or before in ("on", "last", "next")
        )

    def has(self, *words: str) -> bool:
        return any(w in self.low for w in words)

    def index(self, word: str, start: int = 0, end: int | None = None) -> int:
        """Position of the first token equal to word in [start, end), or -1."""
        stop = len(self.low) if end is None else end
        for n in range(start, stop):
            if self.low[n] == word:
                return n
        return -1

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
        if nxt == "from" or nxt in _PARTICIPLES or (nxt.endswith("ed") and len(nxt) > 4):
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

    def places_in(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if p.i >= start and p.j <= end]


def skip_aside(view: View, n: int, end: int) -> int:
    """Past a bracketed aside at n ("The United Arab Emirates (U.A.E.) is ..."): the index after its
    closing bracket, else n."""
    low = view.low
    if n < end and low[n] == "(":
        close = next((m for m in range(n + 1, min(end, n + 8)) if low[m] == ")"), None)
        if close is not None:
            return close + 1
    return n


_DEEMING = frozenset(vocabulary().sets["roles.deeming"])


def deemed(view: View, p: Place, start: int) -> int | None:
    """'The report found Ghana a source ... country', 'described Togo and Benin as ...': when a verb of
    judging stands before the country (or the list it ends), where its role phrase starts, else None."""
    low = view.low
    k = p.i - 1
    ends = {q.j: q for q in view.places if q.kind in ("country", "subject")}
    while k >= start and (low[k] in (",", "and") or k + 1 in ends):
        k = ends[k + 1].i - 1 if k + 1 in ends else k - 1
    if k < start or low[k] not in _DEEMING:
        return None
    n = skip_aside(view, p.j, len(low))
    if n < len(low) and low[n] == "as":
        return n + 1
    if low[n : n + 2] == ["to", "be"]:
        return n + 2
    if n < len(low) and low[n] in ("a", "an", "both", "primarily", "mainly", "principally", "also"):
        return n
    return None


def subject_or(view: View, code: str | None) -> str | None:
    return code or view.ctx.subject
