"""What is in force for each sentence: the subject country, the year, the section.

FACTS.md's rules: the subject is the country of the title or heading, else the country the first
sentences are about, else the one the file name names; a paragraph that opens with a country as its
subject ("Togo is ...", "In 2008, Vietnam was ...") hands the subject to that country. The year is the
sentence's own, else the paragraph's or section's ("In 2008, ...", a heading "Prosecution (2008)"),
else the report year of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from tipkb.places import resolve_place
from tipkb.segment import Segmented, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

    from tipkb.places import PlaceMention

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
_SECTION_YEAR = re.compile(r"\(\s*" + _YEAR + r"\s*\)")
_OPENING_YEAR = re.compile(
    r"^\s*(?:In|During|Throughout|By the end of|As of)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*)?"
    + _YEAR
    + r"(?:[/-](\d{4}|\d{2}))?\b"
)
# A country at the head of a paragraph's first sentence, then one of these, is what the paragraph is about.
_SUBJECT_VERBS = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "remains",
        "remained",
        "continues",
        "continued",
        "ratified",
        "acceded",
        "became",
        "are",
        "were",
        "does",
        "did",
        "made",
        "prohibits",
        "criminalizes",
        "criminalized",
    ]
)
_SUBJECT_LEAD = frozenset(["in", "during", "the", "government", "of", ","])


@dataclass(frozen=True, slots=True)
class Context:
    """What a sentence's facts default to."""

    doc: str
    subject: str | None
    year: int | None  # the paragraph's or section's year, else the report year
    report_year: int | None
    section: str | None
    # The latest TIP report as of a news item's date, for "ranked ... in the latest report".
    latest_report: int | None = None


def _opening_year(m: re.Match[str]) -> int:
    """The year an opening states: a fiscal year over two ("In 2018/19", "In FY 2018-19") is dated by its
    end, as a reporting period is."""
    first = int(m.group(1))
    return first + 1 if m.group(2) and fiscal_end(first, m.group(2)) else first


def fiscal_end(first: int, second: str) -> bool:
    """Is ``second`` ("19", "2019") the year after ``first`` (2018), as in a fiscal year "2018/19"?"""
    return int(second) == (first + 1 if len(second) == 4 else (first + 1) % 100)


def as_year(text: str) -> int | None:
    if len(text) == 4 and text.isdigit():
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


def subject_from_name(source: str) -> str | None:
    """The country a file name names (``r12-palau.txt``, ``romania-2021.md``), if any."""
    stem = PurePath(source).stem.lower()
    words = [w for w in re.split(r"[-_\s.]+", stem) if w and not re.fullmatch(r"[a-z]?\d+", w)]
    for size in range(len(words), 0, -1):
        for first in range(0, len(words) - size + 1):
            code = resolve_place(" ".join(words[first : first + size]))
            if code and not code.startswith("region:"):
                return code
    return None


def _leading_country(sent: Sentence) -> str | None:
    """The country a sentence opens with as its subject ("Togo is", "In 2008, Vietnam was"), or as
    the label of an entry ("Chile: ...", "Chile current situation: Chile is ...")."""
    if not sent.places:
        return None
    first = sent.places[0]
    if first.kind != "country":
        return None
    span = sent.span
    lead = [t.lower_ for t in span[: first.start - span.start] if not t.is_space]
    if any(not (w in _SUBJECT_LEAD or as_year(w)) for w in lead):
        return None
    after = first.end - span.start
    if not lead and _labels_entry(span[after : after + 6]):
        return first.code
    tokens = [t for t in span[after : after + 3] if not t.is_space]
    # "The Kyrgyz Republic ratified", "Kazakhstan also allocated": skip one adverb.
    for tok in tokens[:2]:
        if tok.lower_ in _SUBJECT_VERBS:
            return first.code
        if not tok.lower_.endswith("ly") and tok.lower_ not in ("also", "again", "still"):
            break
    return None


def _labels_entry(tokens: Span) -> bool:
    """After a country that opens a paragraph: a colon, or up to three lower-case content words and a
    colon ("Chile: ...", "Chile current situation: ..."), as in the entries of a listing."""
    words = [t for t in tokens if not t.is_space]
    for n, tok in enumerate(words[:4]):
        if tok.text == ":":
            return True
        if not (tok.is_alpha and tok.is_lower) or tok.is_stop or n == 3:
            return False
    return False


_INSTITUTION = frozenset(["department", "state", "government", "embassy", "secretary", "office", "congress"])


def _heading_countries(sent: Sentence) -> list[str]:
    """The countries a heading names, not counting institutions ("U.S. Department of State")."""
    doc = sent.span.doc
    out = []
    for place in sent.places:
        nxt = doc[place.end].lower_ if place.end < len(doc) else ""
        if place.kind == "country" and nxt not in _INSTITUTION:
            out.append(place.code)
    return out


def _heading_country(sent: Sentence) -> str | None:
    countries = _heading_countries(sent)
    return countries[0] if countries else None


def document_subject(seg: Segmented, source: str) -> str | None:
    """The country a document is about (FACTS.md: title or heading, first sentences, file name).

    Titles often name the United States as the speaker ("U.S. Says Uzbekistan ..."), so it counts only
    when no other country is named. A file name that names a country the opening names wins.
    """
    heads: list[str] = []
    for sent in seg.sentences[:12]:
        if sent.heading and sent.paragraph < 8:
            heads.extend(code for code in _heading_countries(sent) if code not in heads)
    if len(heads) > 1 and "USA" in heads:
        heads.remove("USA")
    named = subject_from_name(source)
    if named:
        opening = {p.code for s in seg.sentences[:12] for p in s.places}
        if not heads or named in heads or named in opening:
            return named
    if heads:
        return heads[0]
    # The country the first sentences open with; a stray first sentence about another country ("Samoa
    # acceded to the Protocol" atop a narrative on Tonga) gives way to the one the text goes on about.
    running = [sent for sent in seg.sentences[:8] if not sent.heading]
    leaders = [code for sent in running if (code := _leading_country(sent))]
    if leaders:
        if named in leaders:
            return named
        mentions: dict[str, int] = {}
        for sent in seg.sentences:
            for place in _own_places(sent):
                mentions[place.code] = mentions.get(place.code, 0) + 1
        # A first sentence that is a paragraph of its own is the likeliest stray one.
        sizes: dict[int, int] = {}
        for sent in running:
            sizes[sent.paragraph] = sizes.get(sent.paragraph, 0) + 1
        lone = len(running) > 2 and sizes[running[0].paragraph] == 1 and sizes[running[1].paragraph] > 1
        first = leaders[0] if lone and _leading_country(running[0]) else None
        return max(
            leaders,
            key=lambda code: (
                leaders.count(code),
                mentions.get(code, 0),
                code != first,
                -leaders.index(code),
            ),
        )
    if named:
        return named
    for sent in seg.sentences[:5]:
        for place in _own_places(sent):
            if place.kind in ("country", "demonym"):
                return place.code
    return None


def _names_later(seg: Segmented, sent: Sentence, code: str) -> bool:
    """Does a later sentence of the sentence's paragraph name the country?"""
    after = (s for s in seg.sentences if s.paragraph == sent.paragraph and s.start > sent.start)
    return any(p.code == code for s in after for p in s.places)


def _own_places(sent: Sentence) -> list[PlaceMention]:
    """The places a sentence names, not counting an agency's country ("The U.S. Department of State
    ... rated the country Tier 1", "the U.S. Embassy") nor a country that rates another ("The United
    States rated the country Tier 1"): they speak about the document's subject."""
    doc = sent.span.doc
    out = []
    rates = _TIER_WORD.search(sent.text) is not None
    starts = {p.start for p in sent.places}
    for place in sent.places:
        nxt = doc[place.end].lower_ if place.end < len(doc) else ""
        obj = place.end + 1
        if nxt in _AGENCY:
            continue
        if rates and nxt in _RATES and obj < len(doc) and (doc[obj].lower_ in _OBJECTS or obj in starts):
            continue  # "The United States rated the country Tier 1": the rater ("X ranked Tier 2" is X)
        out.append(place)
    return out


# After a country, words that make it an agency's ("the U.S. Department of State"); not "government":
# "the Palau government prosecuted ..." is about Palau.
_AGENCY = frozenset(["department", "state", "embassy", "secretary", "office", "congress", "ambassador"])
# A country that rates, ranks or places on a tier is the rater, not what is rated.
_RATES = frozenset(
    [
        "rated",
        "rates",
        "ranked",
        "ranks",
        "placed",
        "places",
        "downgraded",
        "upgraded",
        "moved",
        "kept",
        "put",
    ]
)
_TIER_WORD = re.compile(r"\btier\b", re.I)
_OBJECTS = frozenset(["the", "it", "its", "this", "them"])


def iter_context(
    seg: Segmented, source: str, meta: Mapping[str, Any] | None = None
) -> Iterator[tuple[Sentence, Context]]:
    """Each sentence with the context in force for it. A reader's ``meta`` may already know the
    subject and report year (a narrative split out of a whole report)."""
    known = meta or {}
    subject = known.get("subject") or document_subject(seg, source)
    year_of_report = known.get("report_year") or report_year(seg)
    latest = None if year_of_report else latest_report(seg, subject)
    section: str | None = None
    section_year: int | None = None
    paragraph_year: int | None = None
    current_paragraph = -1
    sizes: dict[int, int] = {}
    for sent in seg.sentences:
        sizes[sent.paragraph] = sizes.get(sent.paragraph, 0) + 1
    back: str | None = None  # the subject to go back to after a stray opening sentence
    # The countries the title and the file name name.
    outside = {subject_from_name(source)} | {
        code
        for sent in seg.sentences[:12]
        if sent.heading and sent.paragraph < 8
        for code in _heading_countries(sent)
    }
    opening = True  # no running text read yet
    for sent in seg.sentences:
        if sent.paragraph != current_paragraph:
            if back is not None:
                subject, back = back, None
            current_paragraph = sent.paragraph
            paragraph_year = None
            if sent.heading:
                # A heading wrapped over lines (or a page break) reads as one line; a word broken after
                # its hyphen at a line end keeps the hyphen ("conflict-" / "affected").
                section = _HYPHEN_AT_BREAK.sub("-", sent.text.strip())
                section = _LINE_BREAKS.sub(" ", section).strip("=#").strip()
                m = _SECTION_YEAR.search(sent.text)
                section_year = int(m.group(1)) if m and as_year(m.group(1)) else None
                code = _heading_country(sent) if sent.paragraph > 0 else None
                if code and _looks_like_country_heading(sent):
                    subject = code
            else:
                m = _OPENING_YEAR.match(sent.text)
                if m and as_year(m.group(1)):
                    paragraph_year = _opening_year(m)
                lead = _leading_country(sent)
                if lead:
                    # An opening sentence about another country than the document's has it as subject
                    # for that sentence only ("Samoa acceded to the Protocol in 2014." atop a file on
                    # Tonga): when it is a paragraph of its own, when the title or file name names the
                    # document's country, or when the rest of the paragraph names it.
                    if (
                        opening
                        and subject
                        and lead != subject
                        and (
                            sizes[sent.paragraph] == 1
                            or subject in outside
                            or _names_later(seg, sent, subject)
                        )
                    ):
                        back = subject
                    subject = lead
        elif not sent.heading:
            if back is not None:
                subject, back = back, None
            # A later sentence that opens with "In 2018, ..." sets the year for the rest of the paragraph.
            m = _OPENING_YEAR.match(sent.text)
            if m and as_year(m.group(1)):
                paragraph_year = _opening_year(m)
        year = paragraph_year or section_year or year_of_report
        opening = opening and sent.heading
        yield sent, Context(source, subject, year, year_of_report, section, latest)


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\f]+\s*")
_HYPHEN_AT_BREAK = re.compile(r"(?<=[A-Za-z])-[ \t]*[\r\n\f]+\s*(?=[A-Za-z])")
_TIER_HEADING = re.compile(r"tier|special case", re.I)


def _looks_like_country_heading(sent: Sentence) -> bool:
    """A heading that names a narrative's country ("KAZAKHSTAN: TIER 2", "Moldova")."""
    if _TIER_HEADING.search(sent.text):
        return True
    words = [t for t in sent.span if not t.is_punct and not t.is_space]
    covered = sum(p.end - p.start for p in sent.places)
    return bool(words) and covered >= len(words)
