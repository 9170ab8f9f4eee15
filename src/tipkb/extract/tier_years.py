"""The years of a tier placement: which TIP reports a sentence places a country in (FACTS.md ``tier``).

A placement is in the years stated after its tier up to the next tier ("Tier 2 in 2017 and 2023"), a span
("from 2010 to 2012", "Between 2005 and 2007, ..."), "the following year" after a year named before, a
named report ("The 2016 TIP report placed ...", "the TIP reports for both 2012 and 2014"), a year that
opens the tier's clause, the latest report as of a news item's date, else the year in force for the
sentence. A tier moved from ("upgraded from Tier 3") is the year before the move; "remained" or "again"
(``again``) also implies the year before. ``tipkb.extract.tiers`` decides what is placed; this module
only dates it.
"""

from __future__ import annotations

import re

from tipkb.extract.common import View

# The verbs that place, rank or keep a country on a tier.
PLACING = re.compile(
    r"\b(plac\w*|rank\w*|rate[sd]?|rating|mov\w*|downgrad\w*|upgrad\w*|remain\w*|kept|keeps|listed|"
    r"designat\w*|categori[sz]\w*|classif\w*|put|stay\w*|dropped|fell|raised|elevated|returned)\b",
    re.I,
)
_AGAIN = re.compile(
    r"\b(remain\w*|again|stay\w*|kept|keeps|continues to be|for (?:the|a) \w+ (?:consecutive|straight) year"
    r"|for (?:two|three|four|five|six|seven|\d+) (?:consecutive|straight) years"
    r"|for the (?:second|third|fourth|fifth|\d+(?:nd|rd|th)) (?:straight )?year in a row)\b",
    re.I,
)
# "it returned to Tier 2 the following year": the year after the one the sentence named before.
_NEXT_YEAR = re.compile(
    r"^[\s\"”']*(?:in |during )?(?:the following year|the next year|a year later)\b", re.I
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_STATEMENT_BREAK = re.compile(r"\s[-–—]\s|[;:]")
_LATEST = re.compile(r"\b(?:latest|most recent|newest|current(?:ly)?|this year[’']?s)\b", re.I)
_LAST_YEAR = re.compile(r"\b(last|previous|prior) year[’']?s?\b", re.I)
_NAMED_REPORT = re.compile(
    r"\b((?:19|20)\d{2})\s+(?:U\.?S\.?\s+)?(?:(?:Trafficking in Persons|TIP|Human Trafficking|trafficking)\s+)?"
    r"(?:\(TIP\)\s+)?[Rr]eport",
)
# "The Trafficking in Persons Reports for both 2012 and 2014", "the TIP reports of 2016, 2017 and 2018",
# "the 2012 and 2014 TIP reports".
_REPORTS_FOR = re.compile(
    r"\b(?:Trafficking in Persons|TIP)\s+[Rr]eports?\s+(?:for|of)\s+(?:both\s+)?(?:19|20)\d{2}"
    r"(?:\s*(?:,|and|,\s*and)\s*(?:19|20)\d{2})*"
    r"|\b(?:19|20)\d{2}(?:\s*,\s*(?:19|20)\d{2})*\s*,?\s*and\s+(?:the\s+)?(?:19|20)\d{2}\s+"
    r"(?:U\.?S\.?\s+)?(?:(?:Trafficking in Persons|TIP)\s+)?[Rr]eports\b",
)
# "ranked Tier 2 from 2010 to 2012", "between 2005 and 2007", "in 2010-2012": each year of the span.
_RANGE = re.compile(
    r"\b(?:from|between)\s+((?:19|20)\d{2})\s*(?:to|until|till|through|thru|and|-|–)\s*((?:19|20)\d{2})\b"
    r"|\b(?:in|for|during)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b",
    re.I,
)
_RANGE_MAX = 20  # years


def token_at(view: View, char: int) -> int:
    """The index of the first token at or after a character offset of the sentence."""
    base = view.sent.start
    return next((n for n, c in enumerate(view.chars) if c - base >= char), len(view.low))


def stated_years(view: View, text: str, m: re.Match[str], prev: int, stop: int) -> list[int | None]:
    """The years a sentence places the tier ``m`` in (``prev``: the end of the tier before it, ``stop``:
    the start of the one after it); at least one year, or [None] when the text gives none in force."""
    years: list[int | None] = list(years_after(view, m.end(), stop))
    span = _span_of_years(view, text, m, prev, stop)
    if span:
        years = list(span)
    if not years and _NEXT_YEAR.search(text[m.end() : stop]):
        earlier = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text[: m.start()])]
        years = [earlier[-1] + 1] if earlier else []
    if not years:
        # "The 2016 TIP report placed ...", "In 2010, X was placed on ...": a year stated before
        # the tier in its clause. A date elsewhere in the sentence is about something else.
        named = _NAMED_REPORT.search(text)
        both = _REPORTS_FOR.search(text[: m.start()])
        stated = int(named.group(1)) if named else _year_before(view, m.start())
        years = [stated] if stated else []
        if both:  # "the Trafficking in Persons Reports for both 2012 and 2014": each of them
            years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", both.group(0))]
    if not years and _LATEST.search(text):
        years = [view.ctx.latest_report]  # "ranked Tier 2 in the latest report" (a news item's date)
    if not years or years == [None]:
        # No year of its own: the year that opens its paragraph or section, else the report's.
        years = [view.ctx.year]
    return years


def years_before_move(view: View, text: str, m: re.Match[str], stop: int, more: bool) -> list[int | None]:
    """The years of a tier moved from ("upgraded from Tier 3 (to Tier 2 in 2019)"): the year before the
    move, unless the tier has years of its own ("from Tier 2 in 2010 to Tier 3 in 2012"). ``more``: a
    tier comes after it."""
    own = years_after(view, m.end(), stop)
    if own:
        return list(own)
    after = years_after(view, stop, len(text)) if more else []
    named = _NAMED_REPORT.search(text)
    moved = after[0] if after else int(named.group(1)) if named else view.ctx.report_year
    return [moved - 1] if moved else []


def last_years(view: View, before: str) -> list[int | None] | None:
    """The year of "last year's Tier Two ranking" (the words before the tier): the year before the
    report's, [] when the report's is not known; None when the words say no such thing."""
    if not _LAST_YEAR.search(before):
        return None
    report = view.ctx.report_year
    return [report - 1] if report else []


def group_years(view: View, text: str, m: re.Match[str], stop: int) -> list[int | None]:
    years: list[int | None] = list(years_after(view, m.end(), stop))
    if not years and _LATEST.search(text):
        years = [view.ctx.latest_report]
    return years if years and years != [None] else [view.ctx.report_year]


def _span_of_years(view: View, text: str, m: re.Match[str], prev: int, stop: int) -> list[int]:
    """Each year of a span stated for the tier: right after it ("Tier 2 from 2010 to 2012") or before
    it in its clause, after any tier named before it ("Between 2005 and 2007, Nauru was ranked Tier
    3"); [] when none is."""
    after = text[m.end() : stop][:80]
    found = _RANGE.search(after)
    if found and (len(after[: found.start()]) > 40 or _STATEMENT_BREAK.search(after[: found.start()])):
        found = None
    if found is None:
        tier_tok = token_at(view, m.start())
        start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
        base = view.sent.start
        first = view.chars[start] - base if start < len(view.chars) else 0
        if prev > first:
            return []  # a span between two tiers is the first one's ("Tier 2 in 2010-2012, and Tier 3")
        found = next(iter(reversed(list(_RANGE.finditer(text[first : m.start()])))), None)
    if found is None:
        return []
    first, last = (int(y) for y in found.groups() if y)
    if not 0 < last - first <= _RANGE_MAX:
        return []
    return list(range(first, last + 1))


_AUX_ONLY = re.compile(r"(?:\s+(?:was|were|is|are|has|have|had|been|be|being))*\s*", re.I)


def again(view: View, m: re.Match[str], prev: int, stop: int) -> bool:
    """Do the words that place the tier say it stayed ("remained on Tier 2", "placed on Tier 2 again",
    "for the second year in a row")? Only in its clause, after any tier named before it, and up to the
    next placing verb after it; a verb of staying only when it is the one that governs the tier (the
    last placing verb before it). In "downgraded to Tier 3 in 2011 and remained there in 2012, before
    being upgraded to Tier 2", "remained" is Tier 3's, not Tier 2's; in "placed on Tier 3 in 2011,
    and it remained on Tier 3", the first tier's words end before "remained"."""
    tier_tok = token_at(view, m.start())
    spans = view.clauses()
    start, end = next(((a, b) for a, b in spans if a <= tier_tok < b), (0, len(view.low)))
    base = view.sent.start
    text = view.sent.reading
    opening = view.chars[start] - base if start < len(view.chars) else 0
    first = max(prev, opening)
    last = view.chars[end - 1] - base + len(view.toks[end - 1]) if end - 1 < len(view.chars) else len(text)
    last = min(max(last, m.end()), stop)
    after = PLACING.search(text, m.end(), last)
    if after:
        last = after.start()
        # "Tier 3 in 2010, and was again placed on Tier 2": "again" goes with the verb after it.
        ahead = [a for a in _AGAIN.finditer(text, m.end(), last) if _AUX_ONLY.fullmatch(text[a.end() : last])]
        last = ahead[-1].start() if ahead else last
    verbs = list(PLACING.finditer(text, first, m.start()))
    governing = verbs[-1].start() if verbs else first
    for said in _AGAIN.finditer(text, first, last):
        if said.start() < governing and PLACING.fullmatch(said.group(0)):
            continue  # a verb of staying that governs an earlier tier
        limit = governing if verbs else m.start()
        if prev > opening and said.start() < limit and re.search(r"\d{4}|,", text[said.end() : limit]):
            continue  # "Tier 3 in 2009 and again in 2011, and Tier 2": the earlier tier's words
        return True
    return False


def _year_before(view: View, tier_char: int) -> int | None:
    """A year stated in the tier's clause before the tier ("In 2010, Kenya was placed on ...")."""
    tier_tok = token_at(view, tier_char)
    start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
    return view.stated_year(start, tier_tok)


def years_after(view: View, char_end: int, stop: int) -> list[int]:
    """Years stated after the tier: 'in 2017 and 2023', 'in 2009 Trafficking in Persons Report',
    'in September 2008'; not past a dash, colon or semicolon that starts another statement ('Tier 2 -
    the government did not act in 2009')."""
    years = []
    text = view.sent.reading[char_end:stop]
    for m in re.finditer(r"\b((?:19|20)\d{2})\b", text[:80]):
        lead = text[: m.start()]
        if _STATEMENT_BREAK.search(lead):
            break
        if (
            re.search(
                r"(?:^|[\s\],;\[\d])(?:in(?: the)?|and|,|for|of)?\s*(?:" + _MONTH + r"\s+)?(?:\[\d+\]\s*)*$",
                lead,
            )
            and len(lead) < 60
        ):
            years.append(int(m.group(1)))
    return years
