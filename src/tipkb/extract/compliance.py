"""Compliance: the TVPA minimum-standards verdict (FACTS.md ``compliance``).

"The Government of X does not fully meet the minimum standards for the elimination of trafficking but
is making significant efforts to do so" -> fully_meets false, significant_efforts true.
"""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import ComplianceFact

RULE = "compliance.v1"

_VERDICT = re.compile(
    r"\b(?P<neg>(?:does|do|did|has|have|had|is|was)\s*(?:not|n[’']t)\s+|failed\s+to\s+|fails\s+to\s+|"
    r"not\s+|never\s+)?(?:yet\s+)?fully\s+(?:meets?|met|meeting|compl(?:y|ies|ied|ying)(?:\s+with)?)\s+"
    r"(?:with\s+)?the\s+(?:tvpa[’']s\s+)?minimum\s+standards",
    re.I,
)
_EFFORTS = re.compile(
    r"\b(?P<neg>not\s+|n[’']t\s+|no\s+)?(?:is|was|are|were|been|be|it|and|but|however,?)?\s*"
    r"(?:making|made|makes|make|demonstrat\w+|undertak\w+|taking)\s+(?:significant|serious)\s+efforts",
    re.I,
)
_GENERIC = re.compile(
    r"\bcountries whose governments\b|\bgovernments? (?:of countries|that)\b|\b(?:indicates|means) (?:that )?a government\b"
    r"|\branking (?:indicates|means)\b",
    re.I,
)


def extract(view: View, memory: Memory) -> list[ComplianceFact]:
    text = view.sent.text
    if "standards" not in text and "efforts" not in text:
        return []
    if _GENERIC.search(text):
        return []
    verdict = _VERDICT.search(text)
    efforts = _EFFORTS.search(text)
    if verdict:
        fully: bool | None = not verdict.group("neg")
    elif efforts and not efforts.group("neg") and re.search(r"\b(?:is|are)\s+making\s+significant", text):
        fully = None  # "X is making significant efforts" with no verdict on the standards
    else:
        return []
    significant: bool | None = None
    if efforts:
        significant = not efforts.group("neg")
    country = _country(view)
    if not country:
        return []
    return [
        ComplianceFact(
            doc=view.ctx.doc,
            year=view.year(),
            evidence=view.evidence(),
            hedged=False,
            rule=RULE,
            section=view.ctx.section,
            country=country,
            fully_meets=fully,
            significant_efforts=significant,
        )
    ]


def _country(view: View) -> str | None:
    """'The Government of X', else a country that heads the sentence, else the subject."""
    low = view.low
    for p in view.places:
        if p.kind == "country" and p.i >= 2 and low[p.i - 1] == "of" and low[p.i - 2] == "government":
            return p.code
    for p in view.places:
        if p.kind in ("country", "subject") and p.i <= 3:
            return p.code
    return view.ctx.subject
