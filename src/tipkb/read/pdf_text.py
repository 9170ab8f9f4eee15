"""A PDF's lines (from ``pdf_layout``) joined into the document text: lines become paragraphs (a gap, an
indent, a short last line, a heading), words hyphenated across lines are rejoined, paragraphs are
separated by blank lines with headings on lines of their own, and each page's character range is
recorded as the text grows (``assemble``)."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from tipkb.read.pdf_layout import _Line, _Page

_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
# A heading complete on its line: a narrative header ends with its tier.
_COMPLETE_HEADING = re.compile(r"(?:tier\s+\w+(?:\s+watch\s*list)?|special\s+case)\)?\s*$", re.I)


class _Writer:
    """The text being built, with its length kept so offsets can be recorded as it grows."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def write(self, piece: str) -> None:
        if piece:
            self.parts.append(piece)
            self.length += len(piece)

    def drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.length -= 1

    def text(self) -> str:
        return "".join(self.parts)


def assemble(pages: list[_Page]) -> tuple[str, list[tuple[int, int]]]:
    """Join the pages' lines into the document text; return it with each page's character range."""
    lines = [line for pg in pages for line in pg.lines]
    body_size = _body_size(lines)
    pitch = _line_pitch(lines, body_size)
    vocabulary = _vocabulary(lines)
    out = _Writer()
    starts: list[int] = []
    state: str | None = None  # what the previous line was part of: "heading" or "paragraph"
    heading_first: _Line | None = None
    prev: _Line | None = None
    for line in lines:
        if _is_heading(line, body_size):
            if (
                state == "heading"
                and heading_first is not None
                and prev is not None
                and _continues_heading(heading_first, line, prev, pitch, body_size)
            ):
                separator = " "
            else:
                separator = "\n\n" if out.length else ""
                heading_first = line
            state_next = "heading"
        elif state == "paragraph" and prev is not None and not _starts_paragraph(prev, line, pitch):
            separator = _joint(out, prev.text, line.text, vocabulary)
            state_next = "paragraph"
        else:
            separator = "\n\n" if out.length else ""
            state_next = "paragraph"
        out.write(separator)
        while len(starts) <= line.page:
            starts.append(out.length)
        out.write(line.text)
        prev, state = line, state_next
    while len(starts) < len(pages):
        starts.append(out.length)
    if out.length:
        out.write("\n")
    ranges = [(start, starts[i + 1] if i + 1 < len(starts) else out.length) for i, start in enumerate(starts)]
    return out.text(), ranges


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _line_pitch(lines: list[_Line], body_size: float) -> float:
    """The usual distance from one body line's top to the next one's in the same column."""
    gaps = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.column == b.column and a.size == b.size == body_size and b.top > a.top
    ]
    return statistics.median(gaps) if gaps else body_size * 1.2


def _vocabulary(lines: list[_Line]) -> set[str]:
    """Lower-case words seen inside lines (not at a line's end): tells "anti-trafficking" from "traf-ficking"."""
    seen: set[str] = set()
    for line in lines:
        for word in line.text.split()[:-1]:
            word = word.strip(".,;:()[]\"'“”‘’").lower()
            if word:
                seen.add(word)
    return seen


def _is_heading(line: _Line, body_size: float) -> bool:
    """A line set apart as a heading: larger or bold type, or all capitals, and not a sentence."""
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > 16 or text.endswith((".", ",", ";")):
        return False
    letters = "".join(_LETTERS.findall(text))
    if len(letters) < 2:
        return False
    if line.size >= body_size * 1.15:
        return True
    if line.bold and len(words) <= 12:
        return True
    return letters.isupper() and len(letters) >= 4 and len(words) <= 12


def _continues_heading(first: _Line, line: _Line, prev: _Line, pitch: float, body_size: float) -> bool:
    """A heading wrapped onto a second line: set in the same larger or bold type, right below it."""
    if _COMPLETE_HEADING.search(first.text) or _COMPLETE_HEADING.search(line.text):
        return False
    styled = first.bold or first.size >= body_size * 1.15
    same_style = line.size == first.size and line.bold == first.bold
    close = line.page == prev.page and line.column == prev.column
    close = close and 0 < line.top - prev.top <= 1.6 * max(pitch, first.size * 1.3)
    return styled and same_style and close


def _starts_paragraph(prev: _Line, line: _Line, pitch: float) -> bool:
    """Whether a body line begins a new paragraph after the previous line."""
    if line.text.startswith(("•", "▪", "●", "◦", "- ", "– ")):
        return True
    if line.page == prev.page and line.column == prev.column and line.top - prev.top > 1.5 * pitch:
        return True
    ends = bool(_SENTENCE_END.search(prev.text))
    if not ends:
        return False
    width = max(1.0, line.right - line.left)
    indent = max(6.0, 0.02 * width)
    if line.x0 - line.left > indent and prev.x0 - prev.left <= indent:
        return True
    return prev.x1 < prev.right - 0.15 * max(1.0, prev.right - prev.left)


def _joint(out: _Writer, before: str, after: str, vocabulary: set[str]) -> str:
    """What joins a line to the line before it in a paragraph: a space, or nothing for a rejoined word.

    A line-end hyphen is dropped ("traf-" + "ficking") unless the hyphenated form is the one the
    document uses elsewhere ("anti-" + "trafficking") or the next part is capitalised ("Kazakh-Russian").
    """
    if before.endswith("\u00ad"):
        out.drop_last_char()
        return ""
    m = re.search(r"([^\W\d_]+)-$", before)
    if m and after[:1].isalpha():
        if after[:1].isupper():
            return ""
        left = m.group(1).lower()
        right = re.match(r"[^\W\d_]+", after)
        right_word = right.group(0).lower() if right else ""
        if f"{left}-{right_word}" in vocabulary and f"{left}{right_word}" not in vocabulary:
            return ""
        out.drop_last_char()
        return ""
    if before.endswith(("—", "–")):
        return ""
    return " "
