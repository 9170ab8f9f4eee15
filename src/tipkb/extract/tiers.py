"""Tiers: a US State Department TIP report placement (FACTS.md ``tier``).

From narrative headings ("KAZAKHSTAN: TIER 2", "Moldova (Tier 2 Watch List)") and from sentences that
place, rank or keep a country on a tier ("placed the country in "Tier 2" in 2017 and 2023",
"remained on Tier 2", "again placed on Tier 2 Watch List"). "Remained" and "again" also imply last
year's placement.
"""

from __future__ import annotations

import re

from tipkb.extract.common import View
from tipkb.extract.memory import Memory
from tipkb.model import TierFact

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
_PLACING = re.compile(
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
# "upgraded from Tier 3", "a waiver from an otherwise required downgrade to Tier 3".
_FROM = re.compile(r"\bfrom (?:the )?[\"“]?$", re.I)
_WAIVER = re.compile(r"\bwaiver\w*\s+(?:from|of|for|against)\b[^.;]{0,50}$", re.I)
# "it returned to Tier 2 the following year": the year after the one the sentence named before.
_NEXT_YEAR = re.compile(
    r"^[\s\"”']*(?:in |during )?(?:the following year|the next year|a year later)\b", re.I
)
# ", like Uganda and Tanzania," beside the country placed: those countries share the placement;
# ", unlike Uganda," and "than Uganda" do not.
_ANCHOR = re.compile(
    r"\b(?:the|its|this|their|whose) government\b|\btier\s+(?:rating|ranking|placement)\s*:", re.I
)
_SHARING = ("like", "along", "together", "alongside")
_ASIDE_LEADS = frozenset((*_SHARING, "unlike", "than", "as", "compared", "similar", "with"))
# "after several years on the Tier 2 Watch List", "two consecutive years in Tier 3".
_YEARS_ON = re.compile(
    r"\b(?:several|many|\w+)\s+(?:consecutive\s+|straight\s+)?years\s+(?:on|in)\s+(?:the\s+)?[\"“']?$", re.I
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_STATEMENT_BREAK = re.compile(r"\s[-–—]\s|[;:]")
# "Ghana is a Tier 2 Watch List country", "has been on Tier 2", "is currently on the Tier 2 Watch List".
_ON_TIER = re.compile(
    r"\b(?:is|was|are|were|been)\s+(?:(?:currently|now|still|also|again)\s+)?(?:a|an|on|in)\s+(?:the\s+)?[\"“']?tier\b",
    re.I,
)
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
# "ranked Tier 2 from 2010 to 2012", "between 2005 and 2007", "in 2010-2012": each year of the span.
_RANGE = re.compile(
    r"\b(?:from|between)\s+((?:19|20)\d{2})\s*(?:to|until|till|through|thru|and|-|–)\s*((?:19|20)\d{2})\b"
    r"|\b(?:in|for|during)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b",
    re.I,
)
_RANGE_MAX = 20  # years


def _tier_value(m: re.Match[str]) -> str:
    if m.group(3):
        return "special"
    value = _VALUES[m.group(1).lower()]
    return "2WL" if value == "2" and m.group(2) else value


def extract(view: View, memory: Memory) -> list[TierFact]:
    """The TIP report tier placements a sentence (or a tier heading) states."""
    text = view.sent.reading
    matches = list(_TIER.finditer(text))
    if not matches or _GENERIC.search(text) or DEFINITION.search(text):
        return []
    heading = view.sent.heading
    if not heading and not _PLACING.search(text) and not _ON_TIER.search(text):
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
                facts.extend(_facts(view, code, _tier_value(m), _group_years(view, text, m, stop)))
            continue
        country, sharing = _country(view, m.start())
        if not country or not anchored:
            continue
        tier = _tier_value(m)
        before = text[max(0, m.start() - 40) : m.start()]
        if not heading and (
            _HYPOTHETICAL.search(before) or _WAIVER.search(text[max(0, m.start() - 70) : m.start()])
        ):
            continue  # "a waiver from an otherwise required downgrade to Tier 3"
        if not heading and _YEARS_ON.search(before):
            continue  # "after several years on the Tier 2 Watch List": no year to place it in
        if not heading and _not_yet(view, text, m):
            continue
        if not heading and _FROM.search(before):
            # "upgraded from Tier 3 (to Tier 2 in 2019)": the placement the year before the move, unless
            # the tier has years of its own ("from Tier 2 in 2010 to Tier 3 in 2012")
            own = _years_after(view, m.end(), stop)
            if own:
                facts.extend(_facts(view, country, tier, list(own)))
                continue
            after = _years_after(view, stop, len(text)) if i + 1 < len(matches) else []
            named = _NAMED_REPORT.search(text)
            moved = after[0] if after else int(named.group(1)) if named else view.ctx.report_year
            facts.extend(_facts(view, country, tier, [moved - 1] if moved else []))
            continue
        if not heading and _LAST_YEAR.search(before):
            # "a reversal of last year's Tier Two ranking"
            report = view.ctx.report_year
            facts.extend(_facts(view, country, tier, [report - 1] if report else []))
            continue
        years: list[int | None] = [] if heading else list(_years_after(view, m.end(), stop))
        prev = matches[i - 1].end() if i else 0
        span = None if heading else _span_of_years(view, text, m, prev, stop)
        if span:
            years = list(span)
        if not years and not heading and _NEXT_YEAR.search(text[m.end() : stop]):
            earlier = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text[: m.start()])]
            years = [earlier[-1] + 1] if earlier else []
        if not years and not heading:
            # "The 2016 TIP report placed ...", "In 2010, X was placed on ...": a year stated before
            # the tier in its clause. A date elsewhere in the sentence is about something else.
            named = _NAMED_REPORT.search(text)
            both = _REPORTS_FOR.search(text[: m.start()])
            stated = int(named.group(1)) if named else _year_before(view, m.start())
            years = [stated] if stated else []
            if both:  # "the Trafficking in Persons Reports for both 2012 and 2014": each of them
                years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", both.group(0))]
        if not years and not heading and _LATEST.search(text):
            years = [view.ctx.latest_report]  # "ranked Tier 2 in the latest report" (a news item's date)
        if not years or years == [None]:
            # No year of its own: the year that opens its paragraph or section, else the report's.
            years = [view.ctx.year if not heading else view.ctx.report_year]
        for code in (country, *sharing):
            facts.extend(_facts(view, code, tier, years))
        first = years[0]
        # "remained on Tier 2" implies last year's placement; "in 2017 and again in 2018" names both.
        # Only the words of the tier's own clause say so ("X was placed on Tier 2, while Y remained ...").
        if not heading and first is not None and len(years) == 1 and _again(view, m, prev, stop):
            for code in (country, *sharing):
                facts.extend(_facts(view, code, tier, [first - 1]))
    return facts


def _span_of_years(view: View, text: str, m: re.Match[str], prev: int, stop: int) -> list[int]:
    """Each year of a span stated for the tier: right after it ("Tier 2 from 2010 to 2012") or before
    it in its clause, after any tier named before it ("Between 2005 and 2007, Nauru was ranked Tier
    3"); [] when none is."""
    after = text[m.end() : stop][:80]
    found = _RANGE.search(after)
    if found and (len(after[: found.start()]) > 40 or _STATEMENT_BREAK.search(after[: found.start()])):
        found = None
    if found is None:
        tier_tok = _token_at(view, m.start())
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


def _again(view: View, m: re.Match[str], prev: int, stop: int) -> bool:
    """Do the words that place the tier say it stayed ("remained on Tier 2", "placed on Tier 2 again",
    "for the second year in a row")? Only in its clause, after any tier named before it, and up to the
    next placing verb after it; a verb of staying only when it is the one that governs the tier (the
    last placing verb before it). In "downgraded to Tier 3 in 2011 and remained there in 2012, before
    being upgraded to Tier 2", "remained" is Tier 3's, not Tier 2's; in "placed on Tier 3 in 2011,
    and it remained on Tier 3", the first tier's words end before "remained"."""
    tier_tok = _token_at(view, m.start())
    spans = view.clauses()
    start, end = next(((a, b) for a, b in spans if a <= tier_tok < b), (0, len(view.low)))
    base = view.sent.start
    text = view.sent.reading
    opening = view.chars[start] - base if start < len(view.chars) else 0
    first = max(prev, opening)
    last = view.chars[end - 1] - base + len(view.toks[end - 1]) if end - 1 < len(view.chars) else len(text)
    last = min(max(last, m.end()), stop)
    after = _PLACING.search(text, m.end(), last)
    if after:
        last = after.start()
        # "Tier 3 in 2010, and was again placed on Tier 2": "again" goes with the verb after it.
        ahead = [a for a in _AGAIN.finditer(text, m.end(), last) if _AUX_ONLY.fullmatch(text[a.end() : last])]
        last = ahead[-1].start() if ahead else last
    verbs = list(_PLACING.finditer(text, first, m.start()))
    governing = verbs[-1].start() if verbs else first
    for said in _AGAIN.finditer(text, first, last):
        if said.start() < governing and _PLACING.fullmatch(said.group(0)):
            continue  # a verb of staying that governs an earlier tier
        limit = governing if verbs else m.start()
        if prev > opening and said.start() < limit and re.search(r"\d{4}|,", text[said.end() : limit]):
            continue  # "Tier 3 in 2009 and again in 2011, and Tier 2": the earlier tier's words
        return True
    return False


def _not_yet(view: View, text: str, m: re.Match[str]) -> bool:
    """Is the tier one a country might, could or wants to get ('If X is placed on Tier 3', 'a Tier 3
    ranking would cost aid', 'X risks a downgrade to Tier 3'), or that of countries in general
    ('Countries ranked Tier 3 may lose aid'), rather than a placement?"""
    tier_tok = _token_at(view, m.start())
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
    tier_tok = _token_at(view, tier_char)
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


def _group_years(view: View, text: str, m: re.Match[str], stop: int) -> list[int | None]:
    years: list[int | None] = list(_years_after(view, m.end(), stop))
    if not years and _LATEST.search(text):
        years = [view.ctx.latest_report]
    return years if years and years != [None] else [view.ctx.report_year]


def _token_at(view: View, char: int) -> int:
    """The index of the first token at or after a character offset of the sentence."""
    base = view.sent.start
    return next((n for n, c in enumerate(view.chars) if c - base >= char), len(view.low))


def _year_before(view: View, tier_char: int) -> int | None:
    """A year stated in the tier's clause before the tier ("In 2010, Kenya was placed on ...")."""
    tier_tok = _token_at(view, tier_char)
    start = max((a for a, _ in view.clauses() if a <= tier_tok), default=0)
    return view.stated_year(start, tier_tok)


def _country(view: View, tier_char: int) -> tuple[str | None, tuple[str, ...]]:
    """The country placed: the nearest country (or "the country") named before the tier in its clause,
    not counting the placing government ("the U.S. State Department") nor the countries of an aside
    (", like Uganda and Tanzania,"); else the first after it in a heading; else the subject. And the
    countries of a ", like ...," or ", along with ...," aside, which share the placement."""
    low = view.low
    tier_tok = _token_at(view, tier_char)
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


_INSTITUTION = frozenset(("state", "department", "government", "secretary", "'s", "’s", "human", "embassy"))
# A country that rates, ranks or places (active voice) is the rater, not the one placed.
_RATES = frozenset(("rated", "rates", "ranked", "ranks", "placed", "places", "downgraded", "upgraded", "put"))


def _years_after(view: View, char_end: int, stop: int) -> list[int]:
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
