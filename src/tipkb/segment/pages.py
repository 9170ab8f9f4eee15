"""The lines of a text, its page furniture and the text as read. A page break (a form feed) and the lines
next to it are where page numbers ("12", "- 12 -", "Page 12 of 40") and running headers or footers stand;
``reading_text`` blanks them, reads line breaks as spaces and joins a word hyphenated at a line end, so
that every offset into it still points into the text as given."""

from __future__ import annotations

import re
from collections import Counter

# A line that ends a sentence ("... in 2009.", "... prison.[3]", '... "Tier 2."').
_FULL_STOP = re.compile(r"[.!?…][\"”’)\]]*\s*(\[\d{1,3}\]\s*)*$")
# Page furniture: a page number ("12", "- 12 -", "Page 12", "12 of 40"), and running headers or footers
# (a short line met again on other pages, digits aside).
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_YEAR_ALONE = re.compile(r"^(?:19|20)\d{2}$")
_HYPHEN_BREAK = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-([ \t]*(?:\r?\n|\f)\s*)([A-Za-z]+)")
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\f": " ", "\v": " "})


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its line break): lines end at a line feed or carriage return (a form
    feed stays in its line, to mark the page break)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        out.append((pos, text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


_NEWLINE = re.compile(r"\r\n|\r|\n|\v|\x1c|\x1d|\x1e|\x85|\u2028|\u2029")


# A line of figures labelled by their year ("2015: 59;", "2016 - 262"): a table's row, not furniture.
_YEAR_LABEL = re.compile(r"^(?:19|20)\d{2}\s*[:\-–—]\s*\d")


def _furniture(lines: list[tuple[int, str]]) -> set[int]:
    """The lines that are page furniture: a page number, and a running header or footer (a short line
    with no sentence end next to a page break (a form feed) that is in capitals or met again on
    another page, digits aside). Without form feeds: a page number alone between blank lines, and a
    line met on three pages (digits aside) alone between blank lines."""
    stripped = [body.replace("\f", " ").strip() for _, body in lines]
    feeds = [n for n, (_, body) in enumerate(lines) if "\f" in body]
    counts: dict[str, int] = {}
    for line in stripped:
        if 0 < len(line) <= 80:
            key = re.sub(r"\d+", "#", line.lower())
            counts[key] = counts.get(key, 0) + 1
    near: set[int] = set()
    for f in feeds:
        # The last two lines before a form feed and the first two after it (its own line included).
        before = [m for m in range(f - 1, max(-1, f - 6), -1) if stripped[m]][:2]
        after = [m for m in range(f, min(len(lines), f + 6)) if stripped[m]][:2]
        near.update(before + after)
    out: set[int] = set()
    for n, line in enumerate(stripped):
        if not line or len(line) > 80:
            continue
        alone = (n == 0 or not stripped[n - 1]) and (n + 1 >= len(lines) or not stripped[n + 1])
        repeats = counts.get(re.sub(r"\d+", "#", line.lower()), 0)
        ends = _FULL_STOP.search(line) is not None
        # A year on a line of its own is no page number, unless next to a page break.
        page_number = bool(_PAGE_NUMBER.match(line)) and (
            n in near or (alone and not _YEAR_ALONE.match(line))
        )
        running = n in near and not ends and (repeats >= 2 or _capitals(line))
        repeated = (
            alone
            and repeats >= 3
            and any(c.isdigit() for c in line)
            and not ends
            and not _YEAR_LABEL.match(line)
        )
        if page_number or running or repeated:
            out.add(n)
    return out


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def reading_text(text: str) -> str:
    """The text as read for matching, of the same length as ``text`` (so every offset holds): line
    breaks and form feeds are spaces, page furniture is blanked, and a word hyphenated at a line end
    is joined ("traf-\\nficked" reads "trafficked", the spaces it saves before it) unless the document
    writes it with its hyphen elsewhere, or its head is a word compounds are made with and the document
    never writes it joined ("anti-\\ntrafficking" stays hyphenated)."""
    if "\n" not in text and "\f" not in text and "\r" not in text:
        return text
    lines = _lines(text)
    furniture = _furniture(lines)
    out = text
    if furniture:
        pieces = []
        pos = 0
        for n in sorted(furniture):
            line_start, body = lines[n]
            pieces.append(out[pos:line_start])
            pieces.append(" " * len(body))
            pos = line_start + len(body)
        pieces.append(out[pos:])
        out = "".join(pieces)
    if "-" in out and _HYPHEN_BREAK.search(out):
        words: Counter[str] | None = None

        def join(m: re.Match[str]) -> str:
            # The padding goes before the word, so that it reads on into the words after it ("Sub-
            # Saharan Africa").
            nonlocal words
            head, space, tail = m.group(1), m.group(2), m.group(3)
            if words is None:
                words = Counter(re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower()))
            joined = (head + tail).lower()
            hyphenated = f"{head}-{tail}".lower()
            # Joined when the document writes it so, or when the head is no word of its own ("traf-": not
            # one compounds are made with, nor written alone in the document).
            lone = head.lower() not in _COMPOUND_HEADS and words[head.lower()] <= 1  # itself, broken
            known = joined in words or (lone and hyphenated not in words)
            if tail[0].islower() and known and hyphenated not in words:
                return " " * (1 + len(space)) + head + tail
            return " " * len(space) + head + "-" + tail

        out = _HYPHEN_BREAK.sub(join, out)
    return out.translate(_BREAKS)


# Words a hyphen at a line end most often belongs to ("anti-", "non-", "self-"): kept hyphenated unless
# the document writes the word joined.
_COMPOUND_HEADS = frozenset(
    "anti non self co cross post pre ex re semi multi inter intra sub counter well so long short high low "
    "full part half mid over under cyber state government child sex labor labour forced trafficking "
    "human law year month day first second third one two three four five six seven eight nine ten north "
    "south east west".split()
)
