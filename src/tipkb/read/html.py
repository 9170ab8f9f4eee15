"""HTML: the main text of an article page, as paragraphs and headings, with its title and date.

The page is parsed with selectolax (the Lexbor HTML5 parser, lenient with malformed markup). The
article's container is found (Wikipedia's content, ``<main>``, ``<article>``, else ``<body>``) and
what is not the article is dropped: scripts and styles, navigation, headers and footers, sidebars,
"Skip to content" links, share bars, edit links, infoboxes, tables of contents, figures, reference
lists, and Wikipedia's closing sections (References, See also, External links, ...).

What is kept becomes plain text that the segmenter reads as a narrative: each heading on a line of its
own, paragraphs and list items separated by blank lines, table rows as lines of cells joined by
`` | ``, footnote markers as citations (``[2]``). The text is rebuilt the same way every time, so
evidence offsets into it are stable. ``meta`` gets ``title`` and, where the page states one, ``date``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipkb.model import Document
from tipkb.read.text import ReadError, decode_bytes

# The DOM of a page takes many times its size in memory; no article page comes near this.
MAX_HTML_BYTES = 64 * 1024 * 1024

# Elements nested deeper than this are flattened before parsing (their tags dropped, their text kept):
# an HTML5 parser's work per tag grows with the depth (scope checks walk the open elements), so a page
# nested 100,000 deep takes minutes. Article pages nest a few dozen levels.
MAX_DEPTH = 256

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
_SITE_NAMES = (
    r"wikipedia|refworld|ecoi\.net|unhcr|u\.?s\.? department of state|united states department of state|"
    r"state\.gov|department of state"
)
_TITLE_PREFIX = re.compile(r"^\s*(?:" + _SITE_NAMES + r")\s*(?:\||-|–|—|::|:)\s*", re.I)
_TITLE_SUFFIX = re.compile(r"\s*(?:\||-|–|—|::)\s*(?:" + _SITE_NAMES + r")\s*$", re.I)
_SKIP_LINK = re.compile(r"^\s*(?:skip|jump)\s+to\b", re.I)
_NOTE_MARK = re.compile(r"^\[?\s*(\d{1,3}|[a-z])\s*\]?$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_CELL = "\ue000"  # private-use marks for a table-cell break and a <br>, replaced after whitespace folding
_BREAK = "\ue001"
_SPACES = str.maketrans(
    {c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}


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
    title = _title(tree)
    if title:
        meta["title"] = title
    date = _date(tree)
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
        heading = _page_heading(tree) or title
        if heading and not (blocks and blocks[0].kind == "heading" and blocks[0].text == heading):
            blocks.insert(0, _Block("heading", heading, 1))
    text = _render(blocks)
    if not any(b.kind != "heading" for b in blocks):
        raise ReadError(source, "no text found in the HTML page")
    meta["warnings"] = warnings
    return Document(text=text, source=source, meta=meta)


# Tags (and comments) as the depth scan sees them: a comment runs to "-->" or the end; a tag stops at
# the next "<" when it has no ">" (so that a run of "<a<a<a" is read in linear time).
_TAG_OR_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/<>]*)[^<>]*?(/?)>", re.S)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame".split()
)
# Elements whose end tag may be left out: they close when a sibling starts, so they add no depth.
_IMPLIED_END = frozenset(
    "p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp colgroup html head body".split()
)
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())


def flatten_deep(markup: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """The markup with the tags nested deeper than ``max_depth`` removed (their text stays), and how
    many tags were removed. Linear in the size of the markup; a page within the depth is returned as is.

    The depth is the parser's, approximately: an end tag closes up to the nearest open element of its
    name, void elements and those whose end tag may be left out add none.
    """
    if markup.count("<") <= max_depth:
        return markup, 0
    stack: list[str] = []
    open_names: dict[str, int] = {}
    deep: dict[str, int] = {}  # start tags dropped past the depth, by name, awaiting their end tags
    cuts: list[tuple[int, int]] = []
    pos = 0
    n = len(markup)
    while pos < n:
        m = _TAG_OR_COMMENT.search(markup, pos)
        if m is None:
            break
        pos = m.end()
        closing, name, self_closing = m.group(1), m.group(2), m.group(3)
        if name is None:  # a comment
            continue
        name = name.lower()
        if not closing:
            if name in _RAW_TEXT:
                raw_end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(markup, pos)
                pos = raw_end.end() if raw_end else n
                continue
            if name in _VOID or name in _IMPLIED_END or self_closing:
                continue
            if len(stack) >= max_depth:
                deep[name] = deep.get(name, 0) + 1
                cuts.append(m.span())
                continue
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
        elif deep.get(name):
            deep[name] -= 1
            cuts.append(m.span())
        elif open_names.get(name):
            # Close up to the nearest open element of this name (each element is popped once: linear).
            while stack:
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
    if not cuts:
        return markup, 0
    parts = []
    last = 0
    for start, end in cuts:
        parts.append(markup[last:start])
        parts.append(" ")  # a dropped tag still separates words
        last = end
    parts.append(markup[last:])
    return "".join(parts), len(cuts)


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


def _small_text(node: Any, nodes: int = 8) -> str | None:
    """The text of an element with a few nodes in it (a label, a footnote mark), whitespace folded;
    None for a larger one. Bounded work, where ``text(deep=True)`` costs the element's whole subtree."""
    parts = []
    for i, inner in enumerate(node.traverse(include_text=True)):
        if i > nodes:
            return None
        if inner.tag == "-text":
            parts.append(inner.text_content or "")
    return " ".join("".join(parts).split())


def _footnote(node: Any) -> str | None:
    """A superscript footnote marker as a citation ("[2]"), or None if the <sup> is something else."""
    text = _small_text(node)
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
    raw = raw.translate(_SPACES).translate(_INVISIBLE)
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


def _clean_title(text: str) -> str:
    text = " ".join(text.translate(_SPACES).split())
    for _ in range(2):
        text = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", text))
    return text.strip()


def _title(tree: Any) -> str | None:
    """The page's title without the site's name: <title>, else og:title, else the first <h1>."""
    for selector, attr in (("title", None), ("meta[property='og:title']", "content"), ("h1", None)):
        node = tree.css_first(selector)
        if node is None:
            continue
        raw = node.attributes.get(attr) if attr else node.text(deep=True)
        title = _clean_title(str(raw or ""))
        if title:
            return title
    return None


def _page_heading(tree: Any) -> str | None:
    """The page's <h1> wherever it is (Wikipedia's sits outside the article container)."""
    node = tree.css_first("h1")
    if node is None:
        return None
    text = " ".join((node.text(deep=True) or "").translate(_SPACES).split())
    return text or None


_DATE_META = (
    "meta[property='article:published_time']",
    "meta[name='article:published_time']",
    "meta[name='date']",
    "meta[name='DC.date']",
    "meta[name='DC.Date']",
    "meta[name='dcterms.date']",
    "meta[name='dc.date']",
    "meta[name='citation_publication_date']",
    "meta[itemprop='datePublished']",
    "meta[name='publication_date']",
)


def _date(tree: Any) -> str | None:
    """The date the page states for itself (published, else last edited), as YYYY-MM-DD where it can."""
    for selector in _DATE_META:
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("content"):
            found = _iso_date(str(node.attributes["content"]))
            if found:
                return found
    for node in tree.css("script[type='application/ld+json']"):
        try:
            data = json.loads(node.text(deep=True) or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                found = _iso_date(item["datePublished"])
                if found:
                    return found
    for node in tree.css("time[datetime]"):
        found = _iso_date(str(node.attributes.get("datetime") or ""))
        if found:
            return found
    labels = 0
    for node in tree.css("th, td, dt, strong, b, span"):
        label = (_small_text(node) or "").rstrip(":").lower()
        if label in ("publication date", "published", "date published", "release date", "date"):
            labels += 1
            if labels > 20:  # a page of nothing but labels: stop looking
                break
            sibling = node.next
            while sibling is not None and not (sibling.text(deep=True) or "").strip():
                sibling = sibling.next
            if sibling is not None:
                found = _iso_date(sibling.text(deep=True) or "")
                if found:
                    return found
    footer = tree.css_first("#footer-info-lastmod")
    if footer is not None:
        return _iso_date(footer.text(deep=True) or "")
    return None


def _iso_date(raw: str) -> str | None:
    """``2010-06-14``, ``14 June 2010``, ``June 14, 2010`` as ``2010-06-14``; None if no date is there."""
    raw = " ".join(raw.split())
    m = re.search(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})", raw)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b", raw)
    if m and _month(m.group(2)):
        return f"{m.group(3)}-{_month(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b", raw)
    if m and _month(m.group(1)):
        return f"{m.group(3)}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}"
    return None


def _month(word: str) -> int:
    word = word.lower()
    for name, number in _MONTHS.items():
        if name == word or (len(word) >= 3 and name.startswith(word)):
            return number
    return 0
