"""Paragraphs of a text as it arrives: hard-wrapped lines (broken mid-sentence) are joined into one
paragraph, a sentence runs on across a blank line or a page break when it has not ended, and a heading,
a list item, an entry label or a line that ends a sentence closes one. The text's wrap width (most
lines near one length) tells a line filled to the width from a short one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipkb.segment.headings import (
    _DATE_LINE,
    _FIELD_LABEL,
    _INNER_COLON,
    _INNER_STOP,
    _LIST_ITEM,
    _NAMED_LABEL,
    _OPEN_END,
    _TERMINAL,
    _fielded,
    _heading_after,
    _is_heading,
)
from tipkb.segment.pages import _BREAKS, _FULL_STOP, _furniture, _lines


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text: a heading line, or lines of running text up to a paragraph break."""

    start: int
    end: int
    text: str
    heading: bool


def _wrap_width(lines: list[tuple[int, str]], furniture: set[int]) -> int | None:
    """The width a hard-wrapped text was wrapped at (most of its lines near one length, 30-110
    characters), else None."""
    lengths = sorted(
        len(body.strip()) for n, (_, body) in enumerate(lines) if body.strip() and n not in furniture
    )
    if len(lengths) < 6:
        return None
    width = lengths[(len(lengths) * 9) // 10]
    if not 30 <= width <= 110:
        return None
    full = sum(1 for x in lengths if x >= 0.7 * width)
    return width if full * 2 >= len(lengths) else None


def iter_paragraphs(text: str) -> Iterator[Paragraph]:
    """Paragraphs: a blank line, a heading, a line that ends a sentence, a list item or a next line
    that opens with a field label ("tier rating: ...") closes one.

    Hard-wrapped text (lines broken mid-sentence) is joined into one paragraph: a next line in lower
    case, a line that ends open ("... trafficked to"), a line filled to the text's wrap width, a word
    hyphenated at the line end; a sentence goes on across a blank line or a page break (its running
    header or footer and page number are skipped) when it has not ended. Offsets always point into
    the text as given; ``Paragraph.text`` is the text as read (``reading_text``).
    """
    for start, end, heading in _paragraph_spans(text):
        yield Paragraph(start, end, text[start:end], heading)


# A line of a table given as text: a label and its figure ("2015: 59;", "Forced labour - 18").
_FIGURE_LINE = re.compile(r"^(?:(?:19|20)\d{2}|[A-Z][\w ,()'’-]{2,60}?)\s*[:–-]\s*\d[\d,]*[.;]?$")


def _runs_on(line: str, following: str) -> bool:
    """Is a line followed at once by a line of words (``following``) a sentence's first line rather than
    a heading: long, in sentence case ("The number of victims of trafficking formally identified by the
    National" / "Referral Mechanism ...")? Headings are short or in title case; a heading over figures
    ("Number of persons convicted, by sex" / "2014: 6") is followed by a number."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return following[:1].isalpha() and len(words) >= 9 and lower >= len(words) / 2


def _reads_on(line: str) -> bool:
    """Does a line that looks like a field label read on as a sentence ("reported as follows: 2018 - 31",
    "detected: 47 of them"): its words before the colon end in a verb, not a field's name?"""
    head = line.split(":", 1)[0].split()
    return bool(head) and (head[-1] == "follows" or head[-1].endswith("ed"))


def _paragraph_spans(
    text: str, lines: list[tuple[int, str]] | None = None
) -> Iterator[tuple[int, int, bool]]:
    lines = _lines(text) if lines is None else lines
    furniture = _furniture(lines) if "\n" in text else set()
    width = _wrap_width(lines, furniture)
    content = [
        n for n, (_, body) in enumerate(lines) if body.replace("\f", " ").strip() and n not in furniture
    ]
    fielded = width is not None and _fielded(lines, content, width)
    # Double-spaced text (each line parted from the next by a blank line): a blank line is a line break.
    steps = [b - a for a, b in zip(content, content[1:], strict=False)]
    # Not text whose every paragraph is one long line, parted by blank lines (lines of a page are short).
    lengths = sorted(len(lines[n][1].strip()) for n in content)
    spaced = (
        len(steps) >= 6
        and steps.count(2) >= 0.9 * len(steps)
        and bool(lengths)
        and lengths[len(lengths) // 2] <= 100
    )
    start: int | None = None
    end = 0
    unfinished = False
    for k, n in enumerate(content):
        line_start, raw = lines[n]
        body = raw.replace("\f", " ")
        stripped = body.strip()
        nxt = content[k + 1] if k + 1 < len(content) else None
        following = lines[nxt][1].replace("\f", " ").strip() if nxt is not None else ""
        gap = "end" if nxt is None else "line" if nxt == n + 1 or (spaced and nxt == n + 2) else "blank"
        if gap == "blank" and any(m in furniture or "\f" in lines[m][1] for m in range(n + 1, nxt or n + 1)):
            gap = "page"
        if "\f" in lines[nxt][1] if nxt is not None else False:
            gap = "page" if gap != "end" else gap
        entry_next = bool(_FIELD_LABEL.match(following)) or bool(_NAMED_LABEL.match(following))
        label_next = entry_next or bool(_DATE_LINE.match(following)) or bool(_FIGURE_LINE.match(following))
        lower_next = bool(following) and (following[0].islower() or following[0] in ",;)")
        hyphen = (
            stripped.endswith("-")
            and len(stripped) > 1
            and stripped[-2].isalpha()
            and following[:1].isalpha()
        )
        # a label's dash at the line end waits for its figure on the next line ("sexual exploitation -")
        dash_end = stripped.endswith((" -", " –", " —"))
        open_end = bool(_OPEN_END.search(stripped)) or hyphen or dash_end
        first_word = following.split(maxsplit=1)[0] if following else ""
        wrapped = (
            width is not None and len(stripped) + 1 + len(first_word) > width and len(stripped) >= width * 0.6
        )
        # A list item opens its own paragraph, unless the line before was only wrapped: a line filled to
        # the width short of any stop goes on ("... labor\n- in 2013"). So does an entry label, unless the
        # line before was only wrapped in a text that opens no entry with a label after a clear break
        # ("... left many families\nvulnerable: the ...": the words before a colon are a sentence's).
        cut = wrapped and not _TERMINAL.search(stripped) and gap in ("line", "page")
        if cut and entry_next and (not fielded or _reads_on(following)):
            label_next = False
        label_next = label_next or (bool(_LIST_ITEM.match(following)) and not cut)
        goes_on = (lower_next or open_end or (wrapped and not _FULL_STOP.search(stripped))) and not label_next
        content_start = line_start + (len(body) - len(body.lstrip()))
        content_end = line_start + len(body.rstrip())
        if (
            start is None
            and not goes_on
            and not unfinished
            and _is_heading(body)
            and not _runs_on(stripped, following if gap == "line" else "")
        ):
            yield content_start, content_end, True
            continue
        if start is None:
            start = content_start
        end = content_end
        # Wrapped to the width, a page break is only a line break (a full line may end in "St." or "U.S.").
        if gap == "line" or (gap == "page" and wrapped):
            if width is not None:
                close = (
                    label_next or (not goes_on and not wrapped) or _heading_after(lines, content, k, width)
                )
            else:
                close = (
                    (_TERMINAL.search(body) is not None and not (lower_next and not _FULL_STOP.search(body)))
                    or len(stripped) > 120
                    or (not (lower_next or open_end) and len(stripped) < 40)
                    or label_next
                )
                if lower_next and _TERMINAL.search(body) and not _FULL_STOP.search(body) and not label_next:
                    close = False
                close = close and not (open_end and not label_next and not _FULL_STOP.search(body))
        elif gap in ("blank", "page"):
            # A sentence runs on across a blank line or a page break only when it has not ended and
            # the next line goes on with it.
            ended = _FULL_STOP.search(body) is not None or _TERMINAL.search(body) is not None
            close = ended or label_next or not (lower_next or open_end or (gap == "page" and wrapped))
        else:
            close = True
        if close:
            # Lines of a heading wrapped short of a sentence end, then a blank line: still a heading; so
            # is a heading line as long as the wrap width (read as running on only for its length).
            # Lines holding a sentence end or a clause after a colon are running text, not a heading.
            # Before a blank line (a paragraph follows), a title may hold a colon and end in a bracket
            # ("Xland: trafficking in persons (summary)"), when no sentence ends in it.
            joined = text[start:end].translate(_BREAKS)
            title = gap in ("blank", "end") and not _FULL_STOP.search(stripped)
            heading = (
                not (gap == "line" and lower_next)
                and (start < line_start or not (lower_next or open_end))
                and _is_heading(joined)
                and not (
                    start < line_start
                    and (_INNER_STOP.search(joined) or (_INNER_COLON.search(joined) and not title))
                )
            )
            ends = _TERMINAL.search(stripped) and not (title and stripped[-1] in ")]")
            heading = heading and not ends and not unfinished
            yield start, end, heading
            # In wrapped text, a paragraph cut at a line break short of any stop ("... in ref" / "A, para
            # 23:"): the lines after it go on with its sentence, and are no heading.
            unfinished = (
                not heading and gap == "line" and width is not None and not _TERMINAL.search(stripped)
            )
            start = None
    if start is not None:
        yield start, end, False
