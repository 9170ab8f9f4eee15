"""What every extractor reads a sentence with: its words, places, clauses, numbers and years.

``View`` holds a sentence's words and the places in it (with "the country" and a leading "it" for the
subject country), and answers what every extractor asks; its clause cutting is in ``view_clauses.py`` and
its number and year reading in ``view_numbers.py``. The helpers below read a role phrase's opening."""

from __future__ import annotations

from dataclasses import dataclass

from tipkb.context import Context
from tipkb.extract.view_clauses import ClauseCutting
from tipkb.extract.view_numbers import _YEAR_LEAD, NumberReading
from tipkb.model import Evidence
from tipkb.segment import Sentence
from tipkb.vocab import Vocabulary, vocabulary

# "the country", "this country" and these pronouns, as the subject of a sentence, mean the subject country.
_SUBJECT_PRONOUNS = frozenset({"it"})
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


class View(ClauseCutting, NumberReading):
    """A sentence as tokens (no whitespace tokens), with its places and context. Its clauses come from
    ``ClauseCutting`` (``view_clauses.py``), its numbers and years from ``NumberReading``
    (``view_numbers.py``)."""

    __slots__ = ("sent", "ctx", "toks", "low", "chars", "places", "vocab", "_hedged")

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
