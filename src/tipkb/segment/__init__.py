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

from tipkb.segment.pages import reading_text
from tipkb.segment.paragraphs import Paragraph, _paragraph_spans, iter_paragraphs
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
