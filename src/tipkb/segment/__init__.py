"""Segment a document: paragraphs and headings, sentences with offsets, place mentions.

The text is never changed: every offset here points into the document's text as read. The work is
split by concern: ``segment.pages`` (lines, page furniture, the text as read), ``segment.headings``
(headings, list items, entry labels, how a line ends), ``segment.paragraphs`` (joining wrapped lines into
paragraphs) and ``segment.sentences`` (the tokenizer and sentence ends); this module cuts a document into
``Sentence``s with their tokens and the places the gazetteer matcher finds, and keeps memory flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

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
from tipkb.segment.pages import _BREAKS, _FULL_STOP, _furniture, _lines, reading_text
from tipkb.segment.sentences import nlp, sentence_starts

if TYPE_CHECKING:  # spaCy loads in about a second: only when a document is first segmented
    from spacy.tokens import Doc, Span

    from tipkb.places.matcher import PlaceMatcher, PlaceMention

__all__ = [
    "KEEP_TOKENIZED",
    "KEEP_WORDS",
    "MAX_BLOCK",
    "Paragraph",
    "Segmented",
    "Sentence",
    "iter_paragraphs",
    "nlp",
    "reading_text",
    "segment",
    "sentence_starts",
    "transient",
]

# A paragraph longer than this is cut at a sentence end before it reaches spaCy.
MAX_BLOCK = 100_000
# A document's Docs are kept up to this many characters; past it (and for any paragraph longer than
# MAX_BLOCK) a block is tokenized again when its sentences are read, so memory does not grow with them.
KEEP_TOKENIZED = 2_000_000


# Words the vocabulary keeps for good before new ones are forgotten after each document (``transient``):
# about 40 MB.
KEEP_WORDS = 50_000


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text: a heading line, or lines of running text up to a paragraph break."""

    start: int
    end: int
    text: str
    heading: bool


@dataclass(slots=True)
class Sentence:
    """One sentence: its span in the document and its tokens and places."""

    start: int
    end: int
    text: str
    tokens: Span | None  # None for a sentence of a long paragraph: its block is tokenized again on use
    offset: int  # document offset of the spaCy Doc the span belongs to
    places: list[PlaceMention]
    paragraph: int
    heading: bool
    first_in_paragraph: bool
    # The sentence as read (``reading_text``): the same length as ``text``, line breaks as spaces, page
    # furniture blanked, words hyphenated at a line end joined. Match on this; cite ``text``.
    reading: str = ""
    block: _Block | None = None  # the block of a long paragraph, and the sentence's token range in it
    bounds: tuple[int, int] = (0, 0)

    @property
    def span(self) -> Span:
        """The sentence's tokens (a spaCy Span). A long paragraph's blocks keep no Doc: the sentence's
        block is tokenized again when it is read, one block at a time, so memory does not grow with
        the length of a line."""
        if self.tokens is not None:
            return self.tokens
        assert self.block is not None
        return self.block.doc()[self.bounds[0] : self.bounds[1]]

    @property
    def lower(self) -> str:
        return self.reading.lower()


class _Block:
    """A block of a paragraph longer than ``MAX_BLOCK``: its text as read, tokenized on demand (the
    last block's Doc is kept for the sentences after it)."""

    __slots__ = ("text",)
    _last: tuple[_Block, Doc] | None = None

    def __init__(self, text: str) -> None:
        self.text = text

    def doc(self) -> Doc:
        last = _Block._last
        if last is not None and last[0] is self:
            return last[1]
        made = nlp().make_doc(self.text)
        _Block._last = (self, made)
        return made


@dataclass(slots=True)
class Segmented:
    """A document cut into paragraphs and sentences."""

    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


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
    spaced = len(steps) >= 6 and steps.count(2) >= 0.9 * len(steps)
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
        label_next = entry_next or bool(_DATE_LINE.match(following))
        lower_next = bool(following) and (following[0].islower() or following[0] in ",;)")
        hyphen = (
            stripped.endswith("-")
            and len(stripped) > 1
            and stripped[-2].isalpha()
            and following[:1].isalpha()
        )
        open_end = bool(_OPEN_END.search(stripped)) or hyphen
        first_word = following.split(maxsplit=1)[0] if following else ""
        wrapped = (
            width is not None and len(stripped) + 1 + len(first_word) > width and len(stripped) >= width * 0.6
        )
        # A list item opens its own paragraph, unless the line before was only wrapped: a line filled to
        # the width short of any stop goes on ("... labor\n- in 2013"). So does an entry label, unless the
        # line before was only wrapped in a text that opens no entry with a label after a clear break
        # ("... left many families\nvulnerable: the ...": the words before a colon are a sentence's).
        cut = wrapped and not _TERMINAL.search(stripped) and gap in ("line", "page")
        if cut and entry_next and not fielded:
            label_next = False
        label_next = label_next or (bool(_LIST_ITEM.match(following)) and not cut)
        goes_on = (lower_next or open_end or (wrapped and not _FULL_STOP.search(stripped))) and not label_next
        content_start = line_start + (len(body) - len(body.lstrip()))
        content_end = line_start + len(body.rstrip())
        if start is None and not goes_on and not unfinished and _is_heading(body):
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


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Cut an over-long paragraph at sentence ends (or anywhere, as a last resort)."""
    base = start
    while end - base > MAX_BLOCK:
        cut = text.rfind(". ", base, base + MAX_BLOCK)
        cut = cut + 2 if cut > base + MAX_BLOCK // 2 else base + MAX_BLOCK
        yield base, text[base:cut]
        base = cut
    yield base, text[base:end]


@lru_cache(maxsize=1)
def _matcher() -> PlaceMatcher:
    from tipkb.places.matcher import PlaceMatcher

    return PlaceMatcher(nlp().vocab)


def segment(text: str) -> Segmented:
    """Cut a document into paragraphs and sentences, with the places each sentence names. Tokens and
    places come from the text as read (``reading_text``); every offset and ``Sentence.text`` point
    into the text as given."""
    out = Segmented(text=text)
    pipeline, matcher = nlp(), _matcher()
    reading = reading_text(text)
    jobs: list[tuple[int, int, str]] = []
    for index, (start, end, heading) in enumerate(_paragraph_spans(text)):
        out.paragraphs.append(Paragraph(start, end, reading[start:end], heading))
        jobs.extend((index, base, chunk) for base, chunk in _blocks(reading, start, end))
    docs = pipeline.pipe(chunk for _, _, chunk in jobs)
    _Block._last = None
    for (index, base, chunk), doc in zip(jobs, docs, strict=True):
        par = out.paragraphs[index]
        # A long paragraph (a report that lost its line breaks), and all of a document past its first
        # KEEP_TOKENIZED characters, is streamed: its Docs are not kept but made again when read.
        block = _Block(chunk) if par.end - par.start > MAX_BLOCK or base > KEEP_TOKENIZED else None
        heading = par.heading
        mentions = matcher(doc)
        m = 0
        first = True
        bounds = sentence_starts(doc)
        for a, b in zip(bounds, [*bounds[1:], len(doc)], strict=True):
            while b > a and doc[b - 1].is_space:
                b -= 1
            sent = doc[a:b]
            while m < len(mentions) and mentions[m].start < sent.start:
                m += 1
            places = []
            k = m
            while k < len(mentions) and mentions[k].end <= sent.end:
                places.append(mentions[k])
                k += 1
            m = k
            stext = sent.text
            if not stext.strip():
                continue
            start = base + sent.start_char
            end = start + len(stext)
            # A word joined across a line end reads shorter than it is written: keep all of it.
            while start > par.start and reading[start - 1] == " " and not text[start - 1].isspace():
                start -= 1
            while end < par.end and reading[end] == " " and not text[end].isspace():
                end += 1
            out.sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    text=text[start:end],
                    tokens=None if block else sent,
                    offset=base,
                    places=places,
                    paragraph=index,
                    heading=heading,
                    first_in_paragraph=first,
                    reading=reading[start:end],
                    block=block,
                    bounds=(a, b),
                )
            )
            first = False
    return out


@contextmanager
def transient() -> Iterator[None]:
    """A scope for analysing one document. Until spaCy's vocabulary holds ``KEEP_WORDS`` words, the words
    a document brings are kept (with the tokenizer's cache of them, which is most of its speed: common
    words are met again and again); from then on, the words and strings added inside are freed on
    leaving (a spaCy memory zone), so memory stays flat over any number of documents instead of growing
    with every new name and number. Nothing spaCy made inside (a Doc, a ``Segmented``) may be used after."""
    pipeline = nlp()
    _matcher()  # made outside, to last
    if len(pipeline.vocab) < KEEP_WORDS:
        yield
        return
    with pipeline.memory_zone():
        yield
