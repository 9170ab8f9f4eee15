"""What looks like a tier placement but is none: a definition of a tier, a hypothetical or a general one.

"Tier 2 countries are those whose governments ...", "Placement on Tier 2 means ..." define a tier
(``describes_tiers``); "If X is placed on Tier 3", "X risks a downgrade to Tier 3", "a waiver from an
otherwise required downgrade to Tier 3", "after several years on the Tier 2 Watch List" and "Countries
ranked Tier 3 may lose aid" name a tier no country was placed on in a year (``not_placed``).
``DEFINITION`` is shared with ``tipkb.extract.compliance``, whose sentences define tiers alike.
"""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.tier_years import token_at

# "a waiver from an otherwise required downgrade to Tier 3".
_WAIVER = re.compile(r"\bwaiver\w*\s+(?:from|of|for|against)\b[^.;]{0,50}$", re.I)
# "after several years on the Tier 2 Watch List", "two consecutive years in Tier 3".
_YEARS_ON = re.compile(
    r"\b(?:several|many|\w+)\s+(?:consecutive\s+|straight\s+)?years\s+(?:on|in)\s+(?:the\s+)?[\"“']?$", re.I
)
_HYPOTHETICAL = re.compile(
    r"\b(?:otherwise|would|could|must|may) (?:\w+ )?(?:be )?(?:downgraded|downgrade|moved|placed)", re.I
)
# "If X is placed on Tier 3", "X risks a downgrade to Tier 3", "X aims to reach Tier 1", "X could face a
# Tier 3 ranking": a placement that may, might or should happen, not one that did (the clause before the
# tier, its last words).
_NOT_YET = re.compile(
    r"\b(?:if|unless|whether|risk\w*|threat\w*|danger|fac(?:e|es|ed|ing)|avoid\w*|prevent\w*|possible|"
    r"potential|want\w*|aim\w*|seek\w*|hop(?:e|es|ed|ing)|goal|strive\w*|would|could|(?-i:may)|might|will|"
    r"must|should|shall)\b",
    re.I,
)
# "a Tier 3 ranking would cost ...": a tier as the subject of what would happen.
_WOULD_AFTER = re.compile(
    r"^\s*(?:ranking|rating|designation|placement|status|listing|classification)\b[^.;,]{0,40}?"
    r"\b(?:would|could|may|might|will|can)\b",
    re.I,
)
# "Countries ranked Tier 3 may lose aid": countries in general, not named ones ("the two countries").
_COUNTRIES_IN_GENERAL = re.compile(
    r"(?<![\w’'] )(?<!\w)\b(?:countries|governments|nations)\s+(?:that are\s+|which are\s+)?"
    r"(?:ranked|placed|rated|on|in|designated|listed|classified)\b",
    re.I,
)
# Generic descriptions of what a tier means are not placements of a country.
_GENERIC = re.compile(
    r"\bcountries whose governments\b|\bany country\b|\ba country (?:that|which|whose)\b|"
    r"\btier [\w ]+ (?:ranking|rating|designation|placement|status) (?:indicates|means|signifies|denotes|shows)\b",
    re.I,
)
# A definition of a tier: a tier rating that "indicates", "means" or "is given" (to a government), or a
# class of countries equated with "those whose ..." ("Tier 2 countries are those whose governments ...",
# "A country placed on Tier 2 is one whose government ...", "Tier 3 countries are defined as ...").
DEFINITION = re.compile(
    r"\b(?:an?\s+)?tier\s+[\w ]{1,20}?\s*(?:rating|ranking|designation|placement|status|classification|"
    r"listing)\s+(?:(?:thus|therefore|generally|usually)\s+)?(?:indicates|means|signifies|denotes|reflects|"
    r"implies|is (?:given|assigned|reserved)|applies)\b"
    r"|\b(?:countries|governments|nations|a (?:country|government|nation))\b[^.;]{0,60}?\b(?:are|is)\s+"
    r"(?:(?:those|ones?)\s+(?:whose|that|which|where|who|with|in which)|defined as)\b"
    # "Placement on Tier 2 means that ...", "A country is placed on Tier 2 when ...".
    r"|\btier\s+(?:1|2|3|one|two|three|i{1,3})(?:\s+watch\s+list)?\s+(?:means|indicates|signifies|denotes|implies)\b"
    r"|\ba\s+(?:country|government|nation)\s+(?:is|will be|gets|receives)\s+(?:\w+\s+)?(?:placed|ranked|rated|put|"
    r"designated|listed|assigned|moved|downgraded|upgraded)\b"
    # The class of countries a tier names, as the subject: "Tier 1 countries fully meet ...",
    # "Governments of Tier 3 countries do not ...".
    r"|^\W*(?:(?:the|all)\s+)?(?:governments?\s+of\s+)?tier\s+\S+(?:\s+watch\s+list)?\s+(?:countries|governments|nations)\b"
    r"|\bgovernments?\s+of\s+(?:all\s+)?tier\s+\S+(?:\s+watch\s+list)?\s+(?:countries|nations)\b",
    re.I,
)


def describes_tiers(text: str) -> bool:
    """Does the sentence say what a tier means, rather than place a country on one?"""
    return bool(_GENERIC.search(text) or DEFINITION.search(text))


def not_placed(view: View, text: str, m: re.Match[str]) -> bool:
    """Is the tier ``m`` of a sentence (no heading) one no country was placed on in a year: a
    hypothetical or waived one, one held for "several years", one that may yet come?"""
    before = text[max(0, m.start() - 40) : m.start()]
    if _HYPOTHETICAL.search(before) or _WAIVER.search(text[max(0, m.start() - 70) : m.start()]):
        return True  # "a waiver from an otherwise required downgrade to Tier 3"
    if _YEARS_ON.search(before):
        return True  # "after several years on the Tier 2 Watch List": no year to place it in
    return _not_yet(view, text, m)


def _not_yet(view: View, text: str, m: re.Match[str]) -> bool:
    """Is the tier one a country might, could or wants to get ('If X is placed on Tier 3', 'a Tier 3
    ranking would cost aid', 'X risks a downgrade to Tier 3'), or that of countries in general
    ('Countries ranked Tier 3 may lose aid'), rather than a placement?"""
    tier_tok = token_at(view, m.start())
    start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
    base = view.sent.start
    lead = text[view.chars[start] - base if start < len(view.chars) else 0 : m.start()]
    near = " ".join(lead.split()[-6:])
    if _NOT_YET.search(near) or re.search(r"\b(?:if|unless|whether)\b", lead, re.I):
        return True
    article = re.search(r"\b(?:a|an)\s+[\"“']?$", lead, re.I)
    if article and _WOULD_AFTER.search(text[m.end() :]):
        return True
    general = _COUNTRIES_IN_GENERAL.search(lead)
    return general is not None and not re.search(
        r"\b(?:the|these|those|both|two|three|all)\s+(?:\w+\s+)?$", lead[: general.start()], re.I
    )
