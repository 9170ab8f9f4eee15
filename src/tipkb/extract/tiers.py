"""Tiers: a US State Department TIP report placement (FACTS.md ``tier``).

From narrative headings ("KAZAKHSTAN: TIER 2", "Moldova (Tier 2 Watch List)") and from sentences that
place, rank or keep a country on a tier ("placed the country in "Tier 2" in 2017 and 2023",
"remained on Tier 2", "again placed on Tier 2 Watch List"). "Remained" and "again" also imply last
year's placement.
The years a placement is in are read by ``extract/tier_years.py``; what only looks like a placement (a
definition of a tier, a hypothetical one) is told apart by ``extract/tier_filters.py``; this module finds
the tiers, the country placed (or the countries sharing a placement) and makes the facts.
"""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.extract.tier_filters import DEFINITION, describes_tiers, not_placed
from tipkb.extract.tier_years import (
    PLACING,
    again,
    group_years,
    last_years,
    stated_years,
    token_at,
    years_before_move,
)
from tipkb.model import TierFact

__all__ = ["DEFINITION", "RULE", "extract"]

RULE = "tiers.v1"

_TIER = re.compile(
    r"\btier\s*[-‑]?\s*(1|2|3|one|two|three|i{1,3})\b(\s*[-‑]?\s*watch\s*[-‑]?\s*list|\s+wl\b)?"
    r"|\b(special\s+case)\b",
    re.I,
)
_VALUES = {
    "1": "1",
    "one": "1",
    "i": "1",
    "2": "2",
    "two": "2",
    "ii": "2",
    "3": "3",
    "three": "3",
    "iii": "3",
}
# "upgraded from Tier 3": the placement before a move.
_FROM = re.compile(r"\bfrom (?:the )?[\"“]?$", re.I)
# ", like Uganda and Tanzania," beside the country placed: those countries share the placement;
# ", unlike Uganda," and "than Uganda" do not.
# "In the annual report it was ranked Tier 1": "it" as the subject of a placing verb is the country.
_ANCHOR = re.compile(
    r"\b(?:the|its|this|their|whose) government\b|\btier\s+(?:rating|ranking|placement)\s*:"
    r"|\bit\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:ranked|placed|rated|kept|moved|downgraded|upgraded)\b",
    re.I,
)
_SHARING = ("like", "along", "together", "alongside")
_ASIDE_LEADS = frozenset((*_SHARING, "unlike", "than", "as", "compared", "similar", "with"))
# "Ghana is a Tier 2 Watch List country", "has been on Tier 2", "is currently on the Tier 2 Watch List".
_ON_TIER = re.compile(
    r"\b(?:is|was|are|were|been)\s+(?:(?:currently|now|still|also|again)\s+)?(?:a|an|on|in)\s+(?:the\s+)?[\"“']?tier\b",
    re.I,
)


def _tier_value(m: re.Match[str]) -> str:
    if m.group(3):
        return "special"
    value = _VALUES[m.group(1).lower()]
    return "2WL" if value == "2" and m.group(2) else value


def extract(view: View, memory: Memory) -> list[TierFact]:
    """The TIP report tier placements a sentence (or a tier heading) states."""
    text = view.sent.reading
    matches = list(_TIER.finditer(text))
    if not matches or describes_tiers(text):
        return []
    heading = view.sent.heading
    if not heading and not PLACING.search(text) and not _ON_TIER.search(text):
        return []
    if heading and not any(p.kind == "country" for p in view.places):
        return []  # "Country Narratives - Tier 2" heads a group of narratives, not one country
    # "Tier 1 is the highest ranking", "The Tier 3 designation carries sanctions": no country, no
    # government and no label ("tier rating: Tier 2") it could be the placement of.
    anchored = heading or any(p.kind in ("country", "subject", "demonym") for p in view.places)
    anchored = anchored or bool(_ANCHOR.search(text))
    facts = []
    for i, m in enumerate(matches):
        # A year after a tier belongs to it up to the next tier named ("in Tier 2 in 2019 and on the
        # Tier 2 Watch List in 2022").
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        group = _group(view, memory, m.start())
        if group is not None:
            for code in group:  # "The Pacific nations are ranked Tier Two": each of them
                facts.extend(_facts(view, code, _tier_value(m), group_years(view, text, m, stop)))
            continue
        country, sharing = _country(view, m.start())
        if not country or not anchored:
            continue
        tier = _tier_value(m)
        if not heading and not_placed(view, text, m):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if not heading and _FROM.search(before):
            # "upgraded from Tier 3 (to Tier 2 in 2019)": the placement the year before the move, unless
            # the tier has years of its own ("from Tier 2 in 2010 to Tier 3 in 2012")
            moved = years_before_move(view, text, m, stop, i + 1 < len(matches))
            facts.extend(_facts(view, country, tier, moved))
            continue
        prior = None if heading else last_years(view, before)
        if prior is not None:  # "a reversal of last year's Tier Two ranking"
            facts.extend(_facts(view, country, tier, prior))
            continue
        prev = matches[i - 1].end() if i else 0
        years = [view.ctx.report_year] if heading else stated_years(view, text, m, prev, stop)
        for code in (country, *sharing):
            facts.extend(_facts(view, code, tier, years))
        first = years[0]
        # "remained on Tier 2" implies last year's placement; "in 2017 and again in 2018" names both.
        # Only the words of the tier's own clause say so ("X was placed on Tier 2, while Y remained ...").
        if not heading and first is not None and len(years) == 1 and again(view, m, prev, stop):
            for code in (country, *sharing):
                facts.extend(_facts(view, code, tier, [first - 1]))
    return facts


def _facts(
    view: View, country: str, tier: str, years: list[int | None], optional_hint: bool = False
) -> list[TierFact]:
    return [
        TierFact(
            doc=view.ctx.doc,
            year=year,
            evidence=view.evidence(),
            hedged=view.hedged,
            rule=RULE,
            section=view.ctx.section,
            country=country,
            tier=tier,
        )
        for year in years
    ]


_GROUP = re.compile(
    r"\b(?i:the|these|those|both|the two|the three)\s+(?:[A-Z][\w-]*\s+){0,2}(?:nations|countries|states)\b"
)
_GROUP_RECENT = 6  # sentences


def _group(view: View, memory: Memory, tier_char: int) -> tuple[str, ...] | None:
    """The countries 'the Pacific nations', 'both countries' or 'the two countries' before the tier
    mean: those last named together as a subject a few sentences before; () when there are none;
    None when the clause names no such group (or names a country itself)."""
    tier_tok = token_at(view, tier_char)
    start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
    if any(p.kind in ("country", "subject") and start <= p.i < tier_tok for p in view.places):
        return None
    base = view.sent.start
    lead = view.sent.reading[view.chars[start] - base if start < len(view.chars) else 0 : tier_char]
    if not _GROUP.search(lead):
        return None
    if memory.group and memory.sentence_no - memory.group_at <= _GROUP_RECENT:
        return memory.group
    return ()


def _country(view: View, tier_char: int) -> tuple[str | None, tuple[str, ...]]:
    """The country placed: the nearest country (or "the country") named before the tier in its clause,
    not counting the placing government ("the U.S. State Department") nor the countries of an aside
    (", like Uganda and Tanzania,"); else the first after it in a heading; else the subject. And the
    countries of a ", like ...," or ", along with ...," aside, which share the placement."""
    low = view.low
    tier_tok = token_at(view, tier_char)
    start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
    best: str | None = None
    sharing: list[str] = []
    raters: set[str] = set()
    for p in view.places:
        if p.kind not in ("country", "subject") or p.code.startswith("region:"):
            continue
        nxt = low[p.j] if p.j < len(low) else ""
        if nxt in _INSTITUTION:
            continue  # "the U.S. State Department"
        if nxt in _RATES and _object_follows(view, p.j + 1):
            raters.add(p.code)  # "The United States rated the country Tier 1": the rater
            continue
        code = view.ctx.subject if p.kind == "subject" and p.code in raters else p.code
        if start <= p.i < tier_tok:
            lead = _aside_lead(low, start, p.i, tier_tok)
            if lead is None:
                best = code
            elif lead in _SHARING:
                sharing.append(p.code)
        elif p.i >= tier_tok and best is None and view.sent.heading:
            return p.code, ()
    country = best or view.ctx.subject
    return country, tuple(c for c in dict.fromkeys(sharing) if c != country)


def _object_follows(view: View, n: int) -> bool:
    """Does an object come at token n, after an active placing verb ("rated the country", "placed it",
    "ranked Fiji"), rather than the tier itself ("ranked Tier 2", "placed on Tier 2")?"""
    if n >= len(view.low):
        return False
    return view.low[n] in ("the", "it", "its", "this", "them") or any(p.i == n for p in view.places)


def _aside_lead(low: list[str], start: int, at: int, tier_tok: int) -> str | None:
    """The word that opens a comma aside holding token ``at`` (", like Uganda and Tanzania, was
    placed"), or None when the token is not in one."""
    for k in range(at - 1, start - 1, -1):
        if low[k] == ",":
            return None
        if low[k] in _ASIDE_LEADS and k > start and low[k - 1] == ",":
            closed = any(low[n] == "," for n in range(at, tier_tok))
            return low[k] if closed else None
    return None


# "the U.S. State Department", "the US Trafficking in Persons Report", "the U.S. TIP report": the rater's.
_INSTITUTION = frozenset(
    ("state", "department", "government", "secretary", "'s", "’s", "human", "embassy", "trafficking", "tip")
)
# A country that rates, ranks or places (active voice) is the rater, not the one placed.
_RATES = frozenset(("rated", "rates", "ranked", "ranks", "placed", "places", "downgraded", "upgraded", "put"))
