"""What is in force for each sentence: the subject country, the year, the section.

FACTS.md's rules: the subject is the country of the title or heading, else the country the first
sentences are about, else the one the file name names; a paragraph that opens with a country as its
subject ("Togo is ...", "In 2008, Vietnam was ...") hands the subject to that country. The year is the
sentence's own, else the paragraph's or section's ("In 2008, ...", a heading "Prosecution (2008)"),
else the report year of the document. The subject decision is in ``context/subject.py``, the years a
text states in ``context/years.py``; this module walks the sentences and puts them in force.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tipkb.context.subject import (
    document_subject,
    heading_countries,
    heading_country,
    leading_country,
    looks_like_country_heading,
    names_later,
    subject_from_name,
)
from tipkb.context.years import (
    YEAR_MAX,
    YEAR_MIN,
    as_year,
    fiscal_end,
    heading_year,
    latest_report,
    opening_year,
    report_year,
)
from tipkb.segment import Segmented, Sentence

__all__ = [
    "YEAR_MAX",
    "YEAR_MIN",
    "Context",
    "as_year",
    "document_subject",
    "fiscal_end",
    "iter_context",
    "latest_report",
    "report_year",
    "subject_from_name",
]


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
        for code in heading_countries(sent)
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
                section_year = heading_year(sent.text)
                code = heading_country(sent) if sent.paragraph > 0 else None
                if code and looks_like_country_heading(sent):
                    subject = code
            else:
                opened = opening_year(sent.text)
                if opened is not None:
                    paragraph_year = opened
                lead = leading_country(sent)
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
                            or names_later(seg, sent, subject)
                        )
                    ):
                        back = subject
                    subject = lead
        elif not sent.heading:
            if back is not None:
                subject, back = back, None
            # A later sentence that opens with "In 2018, ..." sets the year for the rest of the paragraph.
            opened = opening_year(sent.text)
            if opened is not None:
                paragraph_year = opened
        year = paragraph_year or section_year or year_of_report
        opening = opening and sent.heading
        yield sent, Context(source, subject, year, year_of_report, section, latest)


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\f]+\s*")
_HYPHEN_AT_BREAK = re.compile(r"(?<=[A-Za-z])-[ \t]*[\r\n\f]+\s*(?=[A-Za-z])")
