"""The title and date of an HTML page, for ``meta``: the title without the site's name (``<title>``,
og:title, else the first ``<h1>``), the page's own ``<h1>`` wherever it sits, and the date the page
states (its meta tags, ``<time>``, JSON-LD, a "Published:" label), as ISO. ``small_text`` reads a
label or a footnote mark with bounded work."""

from __future__ import annotations

import json
import re
from typing import Any

_SITE_NAMES = (
    r"wikipedia|refworld|ecoi\.net|unhcr|u\.?s\.? department of state|united states department of state|"
    r"state\.gov|department of state"
)
_TITLE_PREFIX = re.compile(r"^\s*(?:" + _SITE_NAMES + r")\s*(?:\||-|–|—|::|:)\s*", re.I)
_TITLE_SUFFIX = re.compile(r"\s*(?:\||-|–|—|::)\s*(?:" + _SITE_NAMES + r")\s*$", re.I)
SPACES = str.maketrans({c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"})
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}


def small_text(node: Any, nodes: int = 8) -> str | None:
    """The text of an element with a few nodes in it (a label, a footnote mark), whitespace folded;
    None for a larger one. Bounded work, where ``text(deep=True)`` costs the element's whole subtree."""
    parts = []
    for i, inner in enumerate(node.traverse(include_text=True)):
        if i > nodes:
            return None
        if inner.tag == "-text":
            parts.append(inner.text_content or "")
    return " ".join("".join(parts).split())


def clean_title(text: str) -> str:
    text = " ".join(text.translate(SPACES).split())
    for _ in range(2):
        text = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", text))
    return text.strip()


def page_title(tree: Any) -> str | None:
    """The page's title without the site's name: <title>, else og:title, else the first <h1>."""
    for selector, attr in (("title", None), ("meta[property='og:title']", "content"), ("h1", None)):
        node = tree.css_first(selector)
        if node is None:
            continue
        raw = node.attributes.get(attr) if attr else node.text(deep=True)
        title = clean_title(str(raw or ""))
        if title:
            return title
    return None


def page_heading(tree: Any) -> str | None:
    """The page's <h1> wherever it is (Wikipedia's sits outside the article container)."""
    node = tree.css_first("h1")
    if node is None:
        return None
    text = " ".join((node.text(deep=True) or "").translate(SPACES).split())
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


def page_date(tree: Any) -> str | None:
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
        label = (small_text(node) or "").rstrip(":").lower()
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
