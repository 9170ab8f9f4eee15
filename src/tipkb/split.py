"""Whole-report splitting: an annual Trafficking in Persons report as one Document per country narrative.

A narrative starts at its header line, ``KAZAKHSTAN: TIER 2`` (reports from 2017 on) or
``KAZAKHSTAN (Tier 2)`` (earlier), with ``Tier 2 Watch List`` and ``Special Case`` too, and runs to the
next header or to the report's back matter (appendices, glossary, ...). The introduction and the tier
lists before the first header are not narratives. Each narrative keeps its header as its first line,
its text is the report's text from there (so offsets add up: ``report.text[offset + i]`` is
``narrative.text[i]``), and its ``meta`` says what it is about:

- ``subject``: the ISO 3166-1 alpha-3 code of the header's country (None if the header names none known)
- ``report_year``: the year of the report (from its title or cover, else its running headers, else its file name)
- ``offset``: where the narrative starts in the report's text
- ``tier``: the tier of the header (``1``, ``2``, ``2WL``, ``3``, ``special``); ``header``: the header line
- ``report``: the report's source; ``pages`` and ``first_page`` when the report has pages (PDF)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from tipkb.model import Document
from tipkb.places import country_name, resolve_place

# A file with at least this many narratives is a whole report, read as its narratives.
MIN_NARRATIVES = 3
# A header followed by less text than this before the next one is a list entry, not a narrative.
MIN_BODY = 100

_TIER = r"(?:TIER\s+(?:1|2|3|ONE|TWO|THREE)(?:\s*-?\s*WATCH\s*-?\s*LIST)?|SPECIAL\s+CASE)"
_HEADER = re.compile(
    r"^[ \t]*(?:"
    r"(?P<name>[^\n:]{2,90}?)[ \t]*:[ \t]*(?P<tier>" + _TIER + r")"
    r"|(?P<name2>[^\n:()]{2,90}?)[ \t]*\([ \t]*(?P<tier2>" + _TIER + r")[ \t]*\)"
    r")[ \t]*$",
    re.I | re.M,
)
_TIER_VALUES = {"1": "1", "one": "1", "2": "2", "two": "2", "3": "3", "three": "3"}
# Headings of the back matter after the last narrative (upper case, at the start of a line of their own).
BACK_MATTER = (
    "SPECIAL CASES",
    "RELEVANT INTERNATIONAL CONVENTIONS",
    "STOPPING HUMAN TRAFFICKING",
    "INTERNATIONAL, REGIONAL, AND SUB-REGIONAL ORGANIZATIONS",
    "GLOSSARY",
    "APPENDIX",
    "ANNEX",
    "ACKNOWLEDGMENTS",
    "ACKNOWLEDGEMENTS",
    "PHOTO CREDITS",
    "ENDNOTES",
)
_BACK_LINE = re.compile(r"^[ \t]*(?:" + "|".join(re.escape(h) for h in BACK_MATTER) + r")\b[^\n]*$", re.M)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_REPORT_YEAR = (
    re.compile(
        r"\b((?:19|20)\d{2})\s+(?:U\.?S\.?\s+)?Trafficking\s+in\s+Persons\s+(?:\(TIP\)\s+)?Report\b", re.I
    ),
    re.compile(
        r"\bTrafficking\s+in\s+Persons\s+Report\b[\s,:\-–—]*(?:\d+(?:st|nd|rd|th)\s+edition\s+)?(?:"
        + _MONTH
        + r"\s+)?((?:19|20)\d{2})\b",
        re.I,
    ),
)
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class NarrativeHeader:
    """A narrative's header line: where it is, the country it names and the tier it gives."""

    start: int
    end: int
    name: str  # the country as the header writes it
    country: str | None  # ISO3, or None when the name is not a known country
    tier: str


def header_country(name: str) -> str | None:
    """The country a header names: ``CONGO, DEMOCRATIC REPUBLIC OF THE`` -> ``COD``; None if unknown.

    Tries the name as written, without a parenthesis, and with the part after a comma moved to the front.
    """
    name = " ".join(name.split())
    candidates = [name]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare != name:
        candidates.append(bare)
    for candidate in list(candidates):
        if "," in candidate:
            first, _, rest = candidate.partition(",")
            candidates.append(f"{rest.strip()} {first.strip()}")
    for candidate in candidates:
        code = resolve_place(candidate)
        if code and not code.startswith("region:"):
            return code
    return None


def _tier_value(raw: str) -> str:
    words = raw.lower().split()
    if words[0] == "special":
        return "special"
    value = _TIER_VALUES[words[1].split("-")[0]]
    return "2WL" if value == "2" and "watch" in raw.lower() else value


def find_headers(text: str) -> list[NarrativeHeader]:
    """Every line of the text that is a narrative header, in order."""
    headers = []
    for m in _HEADER.finditer(text):
        name = (m.group("name") or m.group("name2") or "").strip()
        raw_tier = m.group("tier") or m.group("tier2") or ""
        if not name[:1].isalpha() or not name[:1].isupper() or len(name.split()) > 10:
            continue
        code = header_country(name)
        if code is None and not name.isupper():
            continue  # "Overall: Tier 2" in running text; an unknown country is still written in capitals
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        headers.append(NarrativeHeader(start, m.end(), name, code, _tier_value(raw_tier)))
    return headers


def report_year(document: Document, before: int | None = None) -> int | None:
    """The report's year: from its title or cover (the text before ``before``), else the PDF's running
    headers and footers, else the file name."""
    head = document.text[: min(before if before is not None else 50_000, 50_000)]
    found = _first_year(head)
    if found is None:
        found = _first_year("\n".join(document.meta.get("running_lines", [])))
    if found is None:
        m = _FILE_YEAR.search(PurePath(document.source.split("#")[0]).stem)
        found = int(m.group(1)) if m else None
    return found


def _first_year(text: str) -> int | None:
    best: tuple[int, int] | None = None
    for pattern in _REPORT_YEAR:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), int(m.group(1)))
    return best[1] if best else None


def split_report(document: Document) -> list[Document]:
    """The country narratives of a report, in order (an empty list if the text has no header)."""
    text = document.text
    headers = find_headers(text)
    if not headers:
        return []
    back = [m.start() for m in _BACK_LINE.finditer(text) if _is_upper_line(m.group(0))]
    year = report_year(document, headers[0].start)
    spans: list[tuple[NarrativeHeader, int]] = []
    for i, header in enumerate(headers):
        end = headers[i + 1].start if i + 1 < len(headers) else len(text)
        k = bisect.bisect_right(back, header.end)
        if k < len(back) and back[k] < end:
            end = back[k]
        while end > header.end and text[end - 1].isspace():
            end -= 1
        if len(text[header.end : end].strip()) >= MIN_BODY:
            spans.append((header, end))
    parts: list[Document] = []
    seen: dict[str, int] = {}
    warnings = list(document.meta.get("warnings", []))
    for header, end in spans:
        key = header.country or _slug(header.name)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        if header.country is None:
            warnings.append(
                f"{document.source}: narrative header {text[header.start : header.end]!r} names no known country"
            )
        meta: dict[str, Any] = {
            "subject": header.country,
            "report_year": year,
            "offset": header.start,
            "tier": header.tier,
            "header": text[header.start : header.end],
            "report": document.source,
            "warnings": [],
        }
        if "format" in document.meta:
            meta["format"] = document.meta["format"]
        if document.meta.get("pages"):
            meta.update(_part_pages(document, header.start, end))
        parts.append(Document(text=text[header.start : end], source=f"{document.source}#{key}", meta=meta))
    if parts:
        parts[0].meta["warnings"] = warnings
    return parts


def split_if_report(document: Document) -> Iterator[Document]:
    """A whole report's narratives when it has at least ``MIN_NARRATIVES``; else the document itself."""
    if "report_year" in document.meta and "offset" in document.meta:
        yield document  # already a narrative
        return
    parts = split_report(document)
    if len(parts) >= MIN_NARRATIVES:
        yield from parts
    else:
        yield document


def _part_pages(document: Document, start: int, end: int) -> dict[str, Any]:
    """The page ranges of a part of a paged document, relative to the part's own text."""
    ranges = [(int(a), int(b)) for a, b in document.meta["pages"]]
    # The page the part starts on: the last one starting at or before it (empty pages come first).
    first = max(0, bisect.bisect_right([a for a, _ in ranges], start) - 1)
    out: list[tuple[int, int]] = []
    for i in range(first, len(ranges)):
        a, b = ranges[i]
        if i > first and a >= end:
            break
        lo = max(a, start)
        out.append((lo - start, max(lo, min(b, end)) - start))
    return {"pages": out, "first_page": int(document.meta.get("first_page", 1)) + first}


def _is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "narrative"


def narrative_name(part: Document) -> str:
    """The country's display name for a narrative ("Kazakhstan"), else the header's own words."""
    code = part.meta.get("subject")
    if code:
        try:
            return country_name(code)
        except KeyError:
            pass
    header = str(part.meta.get("header", ""))
    return re.split(r"\s*[:(]", header, maxsplit=1)[0].strip().title() or part.source


def narrative_file_name(part: Document) -> str:
    """The file a narrative is written to by ``tipkb split``: ``2010-kazakhstan.txt``."""
    year = part.meta.get("report_year")
    slug = _slug(narrative_name(part))
    return f"{year}-{slug}.txt" if year else f"{slug}.txt"


def narrative_title(part: Document) -> str | None:
    """A title line naming the report and the country ("2010 Trafficking in Persons Report: Kazakhstan")."""
    year = part.meta.get("report_year")
    if not year:
        return None
    return f"{year} Trafficking in Persons Report: {narrative_name(part)}"
