"""Segment a document: paragraphs and headings, sentences with offsets, place mentions.

The text is never changed: every offset here points into the document's text as read.
Tokens come from spaCy's blank English tokenizer (with citation markers such as ``[2]`` kept
as one token), sentences from the small boundary rule below, places from the gazetteer matcher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy loads in about a second: only when a document is first segmented
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from tipkb.places.matcher import PlaceMatcher, PlaceMention

# A paragraph longer than this is cut at a sentence end before it reaches spaCy.
MAX_BLOCK = 100_000
_CITATION = r"\[\d{1,3}\]|\[[a-z]\]"
_SENT_END = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
# After an abbreviation ending in a dot ("the U.S. In 2007, ..."), only these start a new sentence.
_STARTERS = {"In", "The", "During", "According", "A", "An", "Some", "Many", "Most", "There", "This", "It"}


# Words the vocabulary keeps for good before new ones are forgotten after each document (``transient``):
# about 40 MB.
KEEP_WORDS = 50_000


@lru_cache(maxsize=1)
def nlp() -> Language:
    """spaCy's blank English pipeline with tipkb's tokenizer tweaks (citations stay one token)."""
    import spacy
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    pipeline = spacy.blank("en")
    defaults: Any = pipeline.Defaults
    tokenizer: Any = pipeline.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([_CITATION, *defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([_CITATION, *defaults.suffixes]).search
    return pipeline


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start: after . ! ? (and any closing quotes, brackets and
    citations), before a capital, digit or quote. Semicolons do not end sentences. An abbreviation
    with inner dots ("U.S.") ends one only before a word that usually opens a sentence."""
    words = [t.text for t in doc]
    n = len(words)
    starts = [0] if n else []
    i = 0
    while i < n:
        text = words[i]
        is_end = text in _SENT_END
        abbrev = not is_end and len(text) > 2 and text[-1] == "." and "." in text[:-1]
        i += 1
        if not (is_end or abbrev):
            continue
        j = i
        while j < n and (words[j] in _CLOSERS or words[j][:1] == "[" or words[j].isspace()):
            j += 1
        if j >= n:
            break
        nxt = words[j]
        if abbrev:
            opens = nxt in _STARTERS
        else:
            opens = nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "\"“'‘•("
        if opens:
            starts.append(j)
        i = j
    return starts


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
    span: Span
    offset: int  # document offset of the spaCy Doc the span belongs to
    places: list[PlaceMention]
    paragraph: int
    heading: bool
    first_in_paragraph: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Segmented:
    """A document cut into paragraphs and sentences."""

    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


_HEADING_MARK = re.compile(r"^\s*(=+|#+)\s*(.*?)\s*=*\s*$")
_SENTENCE_END = re.compile(r"[.!?;,\"”’]\s*(\[\d{1,3}\]\s*)*$")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*(\[\d{1,3}\]\s*)*$")
# A line that opens with a field label ("current situation: ...", "tier rating: ...") starts an entry.
_FIELD_LABEL = re.compile(r"^[a-z]+(?: [a-z]+){0,2}: ")


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _HEADING_MARK.match(stripped) and stripped[0] in "=#":
        return True
    words = stripped.split()
    if len(words) > 14:
        return False
    if _SENTENCE_END.search(stripped):
        return len(words) <= 8 and stripped.isupper()
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "•-*'‘\""


def iter_paragraphs(text: str) -> Iterator[Paragraph]:
    """Paragraphs: a blank line, a heading, a line that ends a sentence, or a next line that opens
    with a field label ("tier rating: ...") closes one.

    Hard-wrapped text (lines broken mid-sentence, the next line going on in lower case) is joined
    into one paragraph; offsets always point into the text as given.
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    start: int | None = None
    end = 0
    for n, (line_start, body) in enumerate(lines):
        stripped = body.strip()
        if not stripped:
            if start is not None:
                yield Paragraph(start, end, text[start:end], False)
                start = None
            continue
        following = lines[n + 1][1].strip() if n + 1 < len(lines) else ""
        label_next = bool(_FIELD_LABEL.match(following))
        goes_on = bool(following) and (following[0].islower() or following[0] in ",;)") and not label_next
        content_start = line_start + (len(body) - len(body.lstrip()))
        content_end = line_start + len(body.rstrip())
        if start is None and not goes_on and _is_heading(body):
            yield Paragraph(content_start, content_end, text[content_start:content_end], True)
            continue
        if start is None:
            start = content_start
        end = content_end
        # Hard-wrapped text breaks lines short of ~100 characters; a longer line is a paragraph.
        if (
            _TERMINAL.search(body)
            or len(stripped) > 120
            or (not goes_on and len(stripped) < 40)
            or label_next
        ):
            yield Paragraph(start, end, text[start:end], False)
            start = None
    if start is not None:
        yield Paragraph(start, end, text[start:end], False)


def _blocks(par: Paragraph) -> Iterator[tuple[int, str]]:
    """Cut an over-long paragraph at sentence ends (or anywhere, as a last resort)."""
    text, base = par.text, par.start
    while len(text) > MAX_BLOCK:
        cut = text.rfind(". ", 0, MAX_BLOCK)
        cut = cut + 2 if cut > MAX_BLOCK // 2 else MAX_BLOCK
        yield base, text[:cut]
        base, text = base + cut, text[cut:]
    yield base, text


@lru_cache(maxsize=1)
def _matcher() -> PlaceMatcher:
    from tipkb.places.matcher import PlaceMatcher

    return PlaceMatcher(nlp().vocab)


def segment(text: str) -> Segmented:
    """Cut a document into paragraphs and sentences, with the places each sentence names."""
    out = Segmented(text=text)
    pipeline, matcher = nlp(), _matcher()
    jobs: list[tuple[int, int, str]] = []
    for index, par in enumerate(iter_paragraphs(text)):
        out.paragraphs.append(par)
        jobs.extend((index, base, chunk) for base, chunk in _blocks(par))
    docs = pipeline.pipe(chunk for _, _, chunk in jobs)
    for (index, base, _), doc in zip(jobs, docs, strict=True):
        heading = out.paragraphs[index].heading
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
            out.sentences.append(
                Sentence(
                    start=start,
                    end=start + len(stext),
                    text=stext,
                    span=sent,
                    offset=base,
                    places=places,
                    paragraph=index,
                    heading=heading,
                    first_in_paragraph=first,
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
