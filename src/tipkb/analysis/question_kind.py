"""What a read question asks: ``asked_kind`` names the kind of fact it is about (tiers, flows,
statistics, a profile, ...), ``unanswerable`` says why no data could answer it (it asks who the
traffickers are, what a term means, for a judgement), and ``compares`` whether it sets countries side by
side."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tipkb.analysis.question_words import lexicon

if TYPE_CHECKING:
    from tipkb.analysis.question import Question

__all__ = ["asked_kind", "compares", "unanswerable"]

_LIST_NOUNS = frozenset({"countries", "destinations", "places", "origins", "nations", "states", "partners"})
_CONTEXT_FOR_ROLES = frozenset(
    {"country", "countries", "role", "roles", "trafficking", "trafficked", "victims", "people", "persons",
     "point", "nation", "hub", "play", "plays", "played"}
)  # fmt: skip
_FLOW_VERBS = frozenset(
    {"trafficked", "exploited", "taken", "sent", "sold", "moved", "brought", "subjected", "forced", "found",
     "come", "comes", "go", "goes", "end"}
)  # fmt: skip

_WHAT_IS_A_TERM = re.compile(
    r"^\s*what(?:'s|\s+is|\s+are|\s+was)\s+(?:the\s+|a\s+|an\s+)?(?:un\s+|tip\s+|palermo\s+|trafficking\s+|"
    r"2000\s+|in\s+persons\s+)*(?:protocol|tier|tiers|watch\s*list|special\s+case|tvpa|report|trafficking)s?\s*\??\s*$",
    re.IGNORECASE,
)


def unanswerable(q: Question, kind: str | None) -> str | None:
    """Why no data could answer the question, whatever it names: it asks who the traffickers are, what a
    term means, or for a judgement; None when it may be answerable. ``kind`` is what ``asked_kind`` found."""
    low = set(q.low)
    if q.has("perpetrators") and not q.metrics:
        return "the data records where victims come from and go to, not who the traffickers are"
    if q.has("definition") or (not q.places and _WHAT_IS_A_TERM.match(q.text)):
        return "the knowledge base holds facts stated in reports, not definitions"
    if q.has("judgement") and q.year is None and not q.years and kind in (None, "profile", "flows"):
        return "the knowledge base holds statements, not judgements of better or worse"
    if "how" in low and "old" in low:
        return "the data does not record victims' ages"
    return None


def asked_kind(q: Question, changes: bool = True) -> str | None:
    """The kind of fact a question asks about, or None. ``changes``: a question about what changed in a
    year may be one (else it is read as about that year alone)."""
    lex = lexicon()
    low = set(q.low)
    if changes and q.has("changes") and (q.year is not None or q.years):
        return "changes"
    if q.has("tier") or q.tier:
        return "tiers"
    if q.has("ratification"):
        return "ratification"
    if q.has("compliance"):
        return "compliance"
    if q.has("penalty"):
        return "penalties"
    if q.has("funding") and not (q.has("count") and (q.metrics or "victims" in low)):
        return "funding"
    if q.has("count"):
        if low & _LIST_NOUNS and q.has("flow"):
            return "flows"
        if q.metrics or low & lex.people:
            return "statistics"
        return None  # a count the data does not keep ("how many people live in ...")
    asks_place = "where" in low or q.has("asks_origin") or q.has("asks_via")
    if q.metrics and not asks_place and not (q.has("flow") and q.slot("origin")):
        return "statistics"
    asks_flow = "where" in low or q.has("asks_via") or q.has("asks_victims") or q.has("asks_exploitation")
    if q.has("profile") and q.places and not asks_flow and not q.has("asks_origin"):
        return "profile"
    if q.has("role") and low & _CONTEXT_FOR_ROLES and not ("where" in low or q.has("asks_via")):
        return "roles"
    if not q.places and q.roles and low & {"countries", "country"} and not low & _FLOW_VERBS:
        return "roles"  # "which countries are both origins and destinations?"
    if q.has("flow") and (q.places or q.victims or q.exploitation or q.has("internal")):
        return "flows"
    if q.has("asks_via") and q.places:
        return "flows"
    if (q.victims or q.exploitation) and q.places:
        return "flows"
    if q.places and (
        q.has("profile")
        or all(w in lex.filler or not w.isalpha() for i, w in enumerate(q.low) if not _in_place(q, i))
    ):
        return "profile"
    return None


def _in_place(q: Question, i: int) -> bool:
    return any(p.start <= i < p.end for p in q.places)


def compares(q: Question) -> bool:
    """Two or more countries to be set side by side (not the two ends of one flow)."""
    if len(q.countries) < 2 or not q.has("compare"):
        return False
    return not (q.slot("origin") and (q.slot("destination") or q.slot("via")))
