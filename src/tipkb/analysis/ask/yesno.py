"""Yes/no questions ("Is Qatar a destination for Nepali workers?"): the answer says yes, no or "the texts
do not say" first, then what the statements say. Absence is never a no: "no" only where a statement
says otherwise (another tier for that year, a verdict that the standards are not met)."""

from __future__ import annotations

from tipkb.analysis.ask.common import _Part
from tipkb.analysis.question import Question, lexicon

__all__ = ["NOT_SAID", "is_yes_no", "yes_no_lead"]

NOT_SAID = "The texts do not say."

# Question words that make a question ask for something other than yes or no.
_WH = {"where", "what", "which", "who", "whom", "how", "when", "why"}


def is_yes_no(q: Question) -> bool:
    """Whether the question asks yes or no ("Is ...", "Were ...", "Does ..."), not where, which or how
    many."""
    return bool(q.low) and q.low[0] in lexicon().cue_words["asks_yes"] and not (_WH & set(q.low))


def yes_no_lead(q: Question, intent: str, part: _Part) -> str | None:
    """ "Yes.", "No." or None (the answer already says it, or cannot be read as either) for an answer."""
    text = part.text
    if text.startswith(("Yes", "No", "Possibly")):
        return None
    values = set(part.values)
    if intent == "tiers" and q.tier is not None:
        return "Yes." if q.tier in values else "No."
    if intent == "compliance":
        asked = "significant_efforts" if {"efforts", "effort", "significant"} & set(q.low) else "fully_meets"
        if f"{asked}=true" in values:
            return "No." if q.negated else "Yes."
        if f"{asked}=false" in values:
            return "Yes." if q.negated else "No."
        return None
    span = q.years or ((q.year, q.year) if q.year is not None else None)
    if intent == "ratification" and span is not None:
        # "Did X ratify it before 2010?": the date stated decides.
        first, last = span
        stated = [int(v[:4]) for v in values if v[:4].isdecimal()]
        if stated:
            return "Yes." if any(first <= y <= last for y in stated) else "No."
        return None
    if intent in ("flows", "roles", "ratification", "penalties", "funding"):
        # The places the question names beyond the one the answer is about must be in the answer.
        named = [c for c in q.countries if c not in _subjects(part)]
        if all(c in values for c in named):
            return "Yes."
    return None


def _subjects(part: _Part) -> set[str]:
    """The places the answer's rows are about (a flow's origin, a role's country)."""
    found: set[str] = set()
    for row in part.rows:
        for key in ("origin", "country"):
            if isinstance(row.get(key), str):
                found.add(row[key])
    return found
