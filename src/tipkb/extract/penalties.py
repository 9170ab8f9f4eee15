"""Penalties: the prison terms and articles the law prescribes (FACTS.md ``penalty``, not scored)."""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import PenaltyFact

RULE = "penalties.v1"

_TRIGGER = re.compile(r"\b(penalt\w*|punish\w*|imprisonment|prescrib\w*|sentences? of)\b", re.I)
_NUM = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-five|thirty|forty|fifty)"
_RANGE = re.compile(_NUM + r"\s*(?:to|-|–|and)\s*" + _NUM + r"\s+years", re.I)
_UP_TO = re.compile(r"\b(?:up to|maximum of|not more than|no more than)\s+" + _NUM + r"\s+years", re.I)
_ARTICLES = re.compile(r"\bArticles?\s+((?:[\d:.]+(?:\(\w+\))*(?:,\s*|\s+and\s+|,\s+and\s+)?)+)", re.I)
_ARTICLE = re.compile(r"[\d:.]+(?:\(\w+\))*")
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}


def _num(text: str) -> float:
    return float(_WORDS.get(text.lower(), 0) or text)


def extract(view: View, memory: Memory) -> list[PenaltyFact]:
    """The penalties a law prescribes, as a sentence states them."""
    text = view.sent.reading
    if view.sent.heading or not _TRIGGER.search(text) or "years" not in text:
        return []
    if re.search(r"\b(sentenced|convicted|received sentences)\b", text) and "prescrib" not in text:
        return []
    country = view.ctx.subject
    if not country:
        return []
    low_high = _RANGE.search(text)
    up_to = _UP_TO.search(text)
    if low_high:
        min_years, max_years = _num(low_high.group(1)), _num(low_high.group(2))
    elif up_to:
        min_years, max_years = None, _num(up_to.group(1))
    else:
        return []
    articles: list[str] = []
    for m in _ARTICLES.finditer(text):
        articles.extend(a.rstrip(".") for a in _ARTICLE.findall(m.group(1)) if a.strip(".:"))
    return [
        PenaltyFact(
            doc=view.ctx.doc,
            year=view.stated_year(),
            evidence=view.evidence(),
            rule=RULE,
            section=view.ctx.section,
            country=country,
            articles=tuple(articles),
            min_years=min_years,
            max_years=max_years,
        )
    ]
