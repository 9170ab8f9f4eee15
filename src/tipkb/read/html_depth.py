"""The depth guard of the HTML reader: ``flatten_deep`` drops the tags of elements nested deeper than
``MAX_DEPTH`` (keeping their text, in order) before the page is parsed, in one linear scan that leaves a
page within the limit byte for byte as it was. An HTML5 parser's work per tag grows with the depth, so
without it a page nested 100,000 deep takes minutes."""

from __future__ import annotations

import re

# Elements nested deeper than this are flattened before parsing (their tags dropped, their text kept):
# an HTML5 parser's work per tag grows with the depth (scope checks walk the open elements), so a page
# nested 100,000 deep takes minutes. Article pages nest a few dozen levels.
MAX_DEPTH = 256


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
