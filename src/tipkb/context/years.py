"""The years a document's text states: its report year, the year a paragraph or section opens with.

The report year comes from the title, the opening lines or a dateline ("2008 Trafficking in Persons
Report", "June 5, 2006"); a news item without one has the latest report as of its date (reports come out
in June or July). A paragraph dates itself with an opening "In 2008, ..." (a fiscal year "2018/19" by its
end), a section with a heading year "Prosecution (2008)". ``as_year`` and ``fiscal_end`` are the small
year readers the extractors share; ``tipkb.context`` puts these years in force sentence by sentence.
"""

from __future__ import annotations

import re

from tipkb.segment import Segmented

YEAR_MIN, YEAR_MAX = 1990, 2035
_YEAR = r"((?:19|20)\d{2})"
_REPORT_YEAR = [
    re.compile(
        _YEAR
        + r"\s+(?:U\.?S\.?\s+)?(?:Trafficking in Persons|TIP|Human Trafficking)\s*(?:\(TIP\)\s*)?Report",
        re.I,
    ),
    re.compile(
        r"(?:Trafficking in Persons|TIP|Human Trafficking|Trafficking)\s+Report[,:]?\s+(?:of\s+)?" + _YEAR,
        re.I,
    ),
    re.compile(r"\bTIP\s?" + _YEAR + r"\b"),
]
# A dateline: "June 5, 2006", "Washington, June 5, 2006", or a month and year alone ("July 2001").
_DATELINE = re.compile(
    r"^(?:[A-Z][a-z]+,?\s+)*(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?:\d{1,2},\s+)?" + _YEAR + r"\s*$"
)
_HEADLINE_YEAR = re.compile(r"\b(?:in|during)\s+" + _YEAR + r"\s*$")
_HEADING_YEAR = re.compile(r"\(\s*" + _YEAR + r"\s*\)")
_OPENING_YEAR = re.compile(
    r"^\s*(?:In|During|Throughout|By the end of|As of)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*)?"
    + _YEAR
    + r"(?:[/-](\d{4}|\d{2}))?\b"
)
# A country at the head of a paragraph's first sentence, then one of these, is what the paragraph is about.


def opening_year(text: str) -> int | None:
    """The year a sentence opens with ("In 2008, ...", "During FY 2018-19 ..."), if any."""
    m = _OPENING_YEAR.match(text)
    return _opening_year(m) if m and as_year(m.group(1)) else None


def heading_year(text: str) -> int | None:
    """The year a heading gives its section ("Prosecution (2008)", a heading that is only a year: "===
    2012 ===", a headline that ends in its year: "... exploited in Italy and Spain in 2009"), if any."""
    m = _HEADING_YEAR.search(text) or _HEADLINE_YEAR.search(text)
    if m and as_year(m.group(1)):
        return int(m.group(1))
    return as_year(text.strip().strip("=#*").strip())


def _opening_year(m: re.Match[str]) -> int:
    """The year an opening states: a fiscal year over two ("In 2018/19", "In FY 2018-19") is dated by its
    end, as a reporting period is."""
    first = int(m.group(1))
    return first + 1 if m.group(2) and fiscal_end(first, m.group(2)) else first


def fiscal_end(first: int, second: str) -> bool:
    """Is ``second`` ("19", "2019") the year after ``first`` (2018), as in a fiscal year "2018/19"?"""
    return int(second) == (first + 1 if len(second) == 4 else (first + 1) % 100)


def as_year(text: str) -> int | None:
    if len(text) == 4 and text.isdecimal():
        value = int(text)
        if YEAR_MIN <= value <= YEAR_MAX:
            return value
    return None


def report_year(seg: Segmented) -> int | None:
    """The year of the report a document belongs to, from its title, opening lines or dateline."""
    head = seg.paragraphs[:4]
    texts = [p.text for p in head] + [p.text for p in seg.paragraphs if p.heading][:12]
    for text in texts:
        for pattern in _REPORT_YEAR:
            m = pattern.search(text)
            if m:
                return int(m.group(1))
    if any("Trafficking in Persons Report" in t for t in texts):
        for par in seg.paragraphs[:20]:
            m = _DATELINE.match(par.text.strip())
            if m:
                return int(m.group(1))
    return None


_MONTHS = "January February March April May June July August September October November December".split()
_NEWS_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?("
    + "|".join(_MONTHS)
    + r")\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    + _YEAR
    + r"\b"
)


def latest_report(seg: Segmented, subject: str | None) -> int | None:
    """The latest TIP report as of a news item's date: the date written last before the running text
    first names its subject (the dateline over the story, after its headline and any sidebar of
    other stories). Reports come out in June or July, so a date from July on has that year's report,
    an earlier one the year before's."""
    if not subject:
        return None
    cut = next(
        (
            s.offset + p.start_char
            for s in seg.sentences
            if not s.heading
            for p in s.places
            if p.code == subject
        ),
        None,
    )
    if cut is None:
        return None
    dates = list(_NEWS_DATE.finditer(seg.text, 0, cut))
    if not dates:
        return None
    month, year = _MONTHS.index(dates[-1].group(1)) + 1, int(dates[-1].group(2))
    if not as_year(str(year)):
        return None
    return year if month >= 7 else year - 1
