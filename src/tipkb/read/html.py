"""HTML: the main text of an article page, as paragraphs and headings, with its title and date.

The page is parsed with selectolax (the Lexbor HTML5 parser, lenient with malformed markup). The
article's container is found (Wikipedia's content, ``<main>``, ``<article>``, else ``<body>``) and
what is not the article is dropped: scripts and styles, navigation, headers and footers, sidebars,
"Skip to content" links, share bars, edit links, infoboxes, tables of contents, figures, reference
lists, and Wikipedia's closing sections (References, See also, External links, ...).

What is kept becomes plain text that the segmenter reads as a narrative: each heading on a line of its
own, paragraphs and list items separated by blank lines, table rows as lines of cells joined by
`` | ``, footnote markers as citations (``[2]``). The text is rebuilt the same way every time, so
evidence offsets into it are stable. ``meta`` gets ``title`` and, where the page states one, ``date``
(read by ``html_meta``); pages nested too deep are flattened first (``html_depth``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipkb.model import Document
from tipkb.read.html_depth import MAX_DEPTH, flatten_deep
from tipkb.read.html_meta import SPACES, page_date, page_heading, page_title, small_text
from tipkb.read.text import ReadError, decode_bytes

__all__ = ["MAX_DEPTH", "MAX_HTML_BYTES", "flatten_deep", "html_document", "read_html"]

# The DOM of a page takes many times its size in memory; no article page comes near this.
MAX_HTML_BYTES = 64 * 1024 * 1024


# Containers of the article, most specific first.
_ROOTS = (
    "#mw-content-text .mw-parser-output",
    "#mw-content-text",
    "[itemprop=articleBody]",
    "main article",
    "article",
    "main",
    "[role=main]",
    "#main-content",
    "#content",
    "#main",
    ".content",
)
# What is never part of the article's text.
_BOILERPLATE = ", ".join(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "video",
        "audio",
        "select",
        "textarea",
        "figure",
        "body > header",
        "header[role=banner]",
        "[role=navigation]",
        "[role=banner]",
        "[role=contentinfo]",
        "[role=complementary]",
        "[role=search]",
        "[aria-hidden=true]",
        "[hidden]",
        "#mw-head",
        "#mw-panel",
        "#mw-navigation",
        "#siteSub",
        "#contentSub",
        "#jump-to-nav",
        "#toc",
        "#catlinks",
        ".mw-editsection",
        ".mw-jump-link",
        ".navbox",
        ".vertical-navbox",
        ".sidebar",
        ".infobox",
        ".metadata",
        ".ambox",
        ".hatnote",
        ".noprint",
        ".toc",
        ".reflist",
        ".references",
        ".mw-references-wrap",
        ".refbegin",
        ".thumb",
        ".catlinks",
        ".printfooter",
        ".skip-link",
        ".skip-to-content",
        ".sr-only",
        ".visually-hidden",
        ".screen-reader-text",
        ".breadcrumb",
        ".breadcrumbs",
        ".share",
        ".sharing",
        ".social",
        ".share-bar",
        ".social-share",
        ".site-header",
        ".site-footer",
        ".menu",
        ".cookie-banner",
        ".related-content",
        ".disclaimer",
    ]
)
_BLOCKS = frozenset(
    "p div section article main blockquote ul ol dl dt dd li table thead tbody tfoot tr caption pre "
    "address center figcaption hr details summary fieldset legend header".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Closing sections of an article that hold no narrative: dropped with everything under them.
_END_SECTIONS = frozenset(
    [
        "references",
        "notes",
        "footnotes",
        "endnotes",
        "citations",
        "sources",
        "see also",
        "external links",
        "further reading",
        "bibliography",
        "notes and references",
    ]
)
_SKIP_LINK = re.compile(r"^\s*(?:skip|jump)\s+to\b", re.I)
_NOTE_MARK = re.compile(r"^\[?\s*(\d{1,3}|[a-z])\s*\]?$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_CELL = "\ue000"  # private-use marks for a table-cell break and a <br>, replaced after whitespace folding
_BREAK = "\ue001"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(slots=True)
class _Block:
    kind: str  # "heading", "paragraph" or "row"
    text: str
    level: int = 0


def read_html(path: str | os.PathLike[str], source: str | None = None) -> Document:
    """Read a saved web page into a Document of its article text."""
    name = source or str(path)
    p = Path(path)
    if not p.exists():
        raise ReadError(name, "no such file or directory")
    size = p.stat().st_size
    if size > MAX_HTML_BYTES:
        raise ReadError(
            name, f"HTML file too large ({size // (1024 * 1024)} MB; limit {MAX_HTML_BYTES >> 20} MB)"
        )
    try:
        data = p.read_bytes()
    except OSError as err:
        raise ReadError(name, f"cannot read: {err.strerror or err}") from None
    return html_document(data, name)


def html_document(data: bytes, source: str) -> Document:
    """A Document from the bytes of an HTML page."""
    markup, warnings = _decode(data, source)
    markup, dropped = flatten_deep(markup)
    if dropped:
        warnings.append(
            f"{source}: HTML nested deeper than {MAX_DEPTH} levels; {dropped:,} tags past that depth "
            "were dropped (their text kept)"
        )
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:  # pragma: no cover - depends on the install
        raise ReadError(source, "reading HTML needs the html extra: pip install 'tipkb[html]'") from None
    tree = LexborHTMLParser(markup)
    meta: dict[str, Any] = {"format": "html"}
    title = page_title(tree)
    if title:
        meta["title"] = title
    date = page_date(tree)
    if date:
        meta["date"] = date
    for node in tree.css(_BOILERPLATE):
        if node.tag not in ("html", "body"):  # a page whose root says role="banner" keeps its root
            node.decompose()
    for link in tree.css("a"):
        if _SKIP_LINK.match(link.text(deep=True) or ""):
            link.decompose()
    root = _article_root(tree)
    if root is None:
        raise ReadError(source, "no text found in the HTML page")
    blocks = _drop_end_sections(_blocks(root))
    if not any(b.kind == "heading" and b.level == 1 for b in blocks):
        heading = page_heading(tree) or title
        if heading and not (blocks and blocks[0].kind == "heading" and blocks[0].text == heading):
            blocks.insert(0, _Block("heading", heading, 1))
    text = _render(blocks)
    if not any(b.kind != "heading" for b in blocks):
        raise ReadError(source, "no text found in the HTML page")
    meta["warnings"] = warnings
    return Document(text=text, source=source, meta=meta)


def _decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text: a BOM, else the charset the page declares, else UTF-8 or the detected encoding."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16"), []
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(b"\xef\xbb\xbf"):
        encoding = declared.group(1).decode("ascii", "replace").lower()
        if encoding not in ("utf-8", "utf8"):
            try:
                return data.decode(encoding), []
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data, source)


def _article_root(tree: Any) -> Any:
    """The element that holds the article: the first container with real text, else the body."""
    for selector in _ROOTS:
        # The first few in document order: outer containers come before those nested in them (and each
        # one's text costs its whole subtree, so a page nesting thousands of them is not read for each).
        nodes = tree.css(selector)[:_ROOT_CANDIDATES]
        if not nodes:
            continue
        best = max(nodes, key=lambda n: len(n.text(deep=True) or ""))
        if len((best.text(deep=True) or "").strip()) >= 200:
            return best
    return tree.body or tree.root


_ROOT_CANDIDATES = 20


def _footnote(node: Any) -> str | None:
    """A superscript footnote marker as a citation ("[2]"), or None if the <sup> is something else."""
    text = small_text(node)
    if text is None:
        return None
    m = _NOTE_MARK.match(text)
    if not m:
        return None
    cls = str(node.attributes.get("class") or "")
    parent = node.parent
    linked = node.css_first("a[href^='#']") is not None or (
        parent is not None and parent.tag == "a" and str(parent.attributes.get("href") or "").startswith("#")
    )
    if linked or re.search(r"ref|note|cite|fn", cls, re.I):
        return f"[{m.group(1)}]"
    return None


class _Builder:
    """Collects inline text and turns it into blocks at block boundaries."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.buffer: list[str] = []

    def add(self, text: str) -> None:
        self.buffer.append(text)

    def cell(self) -> None:
        if "".join(self.buffer).strip():
            self.buffer.append(_CELL)

    def flush(self, kind: str = "paragraph", level: int = 0) -> None:
        raw = "".join(self.buffer)
        self.buffer.clear()
        text = _fold(raw, keep_breaks=kind == "paragraph")
        if text:
            if kind == "heading":
                text = " ".join(text.split())
            self.blocks.append(_Block(kind, text, level))


def _fold(raw: str, keep_breaks: bool) -> str:
    """Whitespace folded as a browser shows it; <br> kept as a line break, cells joined by " | "."""
    raw = raw.translate(SPACES).translate(_INVISIBLE)
    lines = []
    for part in raw.split(_BREAK):
        cells = [" ".join(c.split()) for c in part.split(_CELL)]
        line = " | ".join(c for c in cells if c)
        if line:
            lines.append(line)
    return ("\n" if keep_breaks else " ").join(lines)


def _blocks(root: Any) -> list[_Block]:
    """Walk the article (without recursion: real pages nest deeply) and collect its blocks."""
    out = _Builder()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or "-"  # processing instructions (<?xml ...?>) have no tag: skipped like comments
        if leaving:
            if tag in _HEADINGS:
                out.flush("heading", _HEADINGS[tag])
            elif tag == "tr":
                out.flush("row")
            elif tag in _BLOCKS:
                out.flush()
            continue
        if tag == "-text":
            out.add(node.text_content or "")
            continue
        if tag.startswith("-") or tag in ("head", "title", "meta", "link"):
            continue
        if tag == "br":
            out.add(_BREAK)
            continue
        if tag == "sup":
            mark = _footnote(node)
            if mark:
                out.add(mark)
                continue
        if tag in _HEADINGS or tag in _BLOCKS or tag == "tr":
            out.flush()
        elif tag in ("td", "th"):
            out.cell()
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    out.flush()
    return out.blocks


def _drop_end_sections(blocks: list[_Block]) -> list[_Block]:
    """Drop References, See also, External links ... and what is under them."""
    kept: list[_Block] = []
    dropping_level: int | None = None
    for block in blocks:
        if block.kind == "heading":
            if dropping_level is not None and block.level <= dropping_level:
                dropping_level = None
            if dropping_level is None and block.text.strip(" :").lower() in _END_SECTIONS:
                dropping_level = block.level
        if dropping_level is None:
            kept.append(block)
    return kept


def _render(blocks: list[_Block]) -> str:
    """Blocks as text: blank lines between blocks, rows of one table on consecutive lines."""
    parts: list[str] = []
    previous: _Block | None = None
    for block in blocks:
        if previous is not None:
            parts.append("\n" if block.kind == "row" and previous.kind == "row" else "\n\n")
        parts.append(block.text)
        previous = block
    return "".join(parts) + "\n" if parts else ""
