"""Compliance: the TVPA minimum-standards verdict (FACTS.md ``compliance``).

"The Government of X does not fully meet the minimum standards for the elimination of trafficking but
is making significant efforts to do so" -> fully_meets false, significant_efforts true.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.extract.tiers import DEFINITION
from tipkb.model import ComplianceFact

RULE = "compliance.v1"

_VERDICT = re.compile(
    r"\b(?P<neg>(?:does|do|did|has|have|had|is|was)\s*(?:not|n[’']t)\s+|failed\s+to\s+|fails\s+to\s+|"
    r"not\s+|never\s+)?(?:yet\s+)?(?P<fully>fully\s+)?(?:meets?|met|meeting|compl(?:y|ies|ied|ying)(?:\s+with)?)\s+"
    r"(?:with\s+)?the\s+(?:(?:tvpa[’']s\s+)?minimum\s+standards|trafficking\s+victims\s+protection\s+act\b)"
    r"(?P<partial>\s+in\s+(?:several|some|many|key|a\s+number))?",
    re.I,
)
# "A Tier Two ranking means their governments do not fully comply ...": the countries last named
# together (memory.group), not governments in general.
_THEIR = re.compile(r"\btheir\s+governments?\b", re.I)
_GROUP_RECENT = 6  # sentences
_EFFORTS = re.compile(
    r"\b(?:making|made|makes|make|demonstrat\w+|undertak\w+|taking)\s+(?:significant|serious)\s+efforts",
    re.I,
)
_EFFORTS_NEGATED = re.compile(r"\b(?:not|n[’']t|no|never)\s+(?:\w+\s+){0,2}$", re.I)
_GENERIC = re.compile(
    r"\bcountries whose governments\b|\bgovernments? (?:of countries|that)\b|\b(?:indicates|means) (?:that )?a government\b"
    r"|\branking (?:indicates|means)\b",
    re.I,
)


def extract(view: View, memory: Memory) -> list[ComplianceFact]:
    """The TVPA minimum-standards verdicts a sentence states."""
    text = view.sent.reading
    if "standards" not in text and "efforts" not in text and "Protection Act" not in text:
        return []
    group = memory.group if memory.group and memory.sentence_no - memory.group_at <= _GROUP_RECENT else ()
    their = bool(group) and _THEIR.search(text) is not None
    if (_GENERIC.search(text) or DEFINITION.search(text)) and not their:
        return []
    verdict = _VERDICT.search(text)
    if verdict and (verdict.group("partial") or not (verdict.group("fully") or verdict.group("neg"))):
        verdict = None  # "did not meet the minimum standards in several key areas" is no verdict
    efforts = _EFFORTS.search(text)
    efforts_negated = bool(efforts and _EFFORTS_NEGATED.search(text[: efforts.start()]))
    if verdict:
        fully: bool | None = bool(verdict.group("fully")) and not verdict.group("neg")
    elif efforts and not efforts_negated and re.search(r"\b(?:is|are|was|were)\s+making\s+significant", text):
        fully = None  # "X is making significant efforts" with no verdict on the standards
    else:
        return []
    significant = None if efforts is None else not efforts_negated
    said = verdict or efforts  # the year is the one stated up to the verdict, not in a later clause
    assert said is not None
    country = _country(view)
    countries = group if their else ((country,) if country else ())
    return [
        ComplianceFact(
            doc=view.ctx.doc,
            year=_year(view, text, said.end()),
            evidence=view.evidence(),
            hedged=False,
            rule=RULE,
            section=view.ctx.section,
            country=code,
            fully_meets=fully,
            significant_efforts=significant,
        )
        for code in countries
    ]


def _year(view: View, text: str, end: int) -> int | None:
    """The year stated up to the verdict, else that of a TIP report named there ("the 2020 TIP Report
    found that ..."), else the paragraph's or the report's."""
    stated = view.stated_year(0, bisect_left(view.chars, view.sent.start + end))
    if stated:
        return stated
    report = _REPORT_YEAR.search(text, 0, end)
    return int(report.group(1) or report.group(2)) if report else view.year()


def _country(view: View) -> str | None:
    """'The Government of X', else a country that heads the sentence, else the subject."""
    low = view.low
    for p in view.places:
        if p.kind == "country" and p.i >= 2 and low[p.i - 1] == "of" and low[p.i - 2] == "government":
            return p.code
    for p in view.places:
        # "The U.S. Department of State ... noting that the government was making ...": the agency's
        # country is not the one judged.
        if p.kind in ("country", "subject") and p.i <= 3 and not (p.j < len(low) and low[p.j] in _AGENCY):
            return p.code
    return view.ctx.subject


_AGENCY = frozenset(
    [
        "department",
        "state",
        "embassy",
        "congress",
        "secretary",
        "ambassador",
        "administration",
        "trafficking",
        "tip",
    ]
)
# "the 2022 US Trafficking in Persons Report kept X on Tier 3, finding that ...": the report's year.
_REPORT_YEAR = re.compile(
    r"\b((?:19|20)\d\d)\s+(?:U\.?S\.?\s+)?(?:State\s+Department\s+)?(?:Trafficking\s+in\s+Persons|TIP)\s+Report\b"
    r"|\b(?:Trafficking\s+in\s+Persons|TIP)\s+Report\s+(?:of|for)\s+((?:19|20)\d\d)\b",
    re.I,
)
