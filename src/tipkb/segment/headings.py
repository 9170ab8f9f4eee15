"""How a line ends and what it opens: a heading (a marked "== Title ==", or a short line in capitals or
with no sentence end), a list item, an entry label ("tier rating: ...", "Chile current situation: ..."),
a dateline, and a line that ends open ("... trafficked to"). The paragraph cutter asks these; in
hard-wrapped text, a short line alone after a sentence that fills its line is a heading too."""

from __future__ import annotations

import re

from tipkb.segment.pages import _FULL_STOP

_HEADING_MARK = re.compile(r"^\s*(=+|#+)\s*(.*?)\s*=*\s*$")
_SENTENCE_END = re.compile(r"[.!?;,\"”’]\s*(\[\d{1,3}\]\s*)*$")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*(\[\d{1,3}\]\s*)*$")
# A line that opens with a field label ("current situation: ...", "tier rating: ...") starts an entry.
_FIELD_LABEL = re.compile(r"^[a-z]+(?: [a-z]+){0,2}: ")
# A date on a line of its own ("June 1, 2006", "Released June 5, 2006"): a dateline, not running text.
_DATE_LINE = re.compile(
    r"^(?:[A-Z][a-z]+,?\s+){0,3}(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},?\s+(?:19|20)\d{2}\s*$"
)
# An entry that opens with its country and a field label ("Argentina current situation: ...").
_NAMED_LABEL = re.compile(r"^(?:[A-Z][\w'’-]+ ){1,3}[a-z]+(?: [a-z]+){0,2}: ")
# A list item: a bullet, "1.", "(a)", "2)".
_LIST_ITEM = re.compile(r"^(?:[•▪●◦·*-]|\(?\d{1,2}[.)]|\([a-z]\))\s+")
# A line that ends open: the sentence goes on on the next line whatever its first letter.
_OPEN_END = re.compile(
    r"(?:,|\b(?:to|from|and|or|of|the|in|into|for|with|by|a|an|as|at|on|through|than|that|which|"
    r"including|such|between|both|either|nor|its|their|his|her))$"
)
_INNER_STOP = re.compile(r"[.!?] +[A-Z]")
_INNER_COLON = re.compile(r": +[a-z]")


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


def _heading_after(lines: list[tuple[int, str]], content: list[int], k: int, width: int) -> bool:
    """Whether, in text wrapped at ``width``, content line ``k`` ends a sentence and the next line is a
    heading standing alone: short of the width, no sentence end, and the line after it opens no
    continuation ("... in Ukraine." / "Prosecution" / "Belgium has ...")."""
    body = lines[content[k]][1].replace("\f", " ").strip()
    if k + 1 >= len(content) or not _FULL_STOP.search(body):
        return False
    following = lines[content[k + 1]][1].replace("\f", " ").strip()
    if not _is_heading(following) or _TERMINAL.search(following) or _OPEN_END.search(following):
        return False
    then = lines[content[k + 2]][1].replace("\f", " ").strip() if k + 2 < len(content) else ""
    first = then.split(maxsplit=1)[0] if then else ""
    return len(following) + 1 + len(first) <= width and not (then[:1].islower() or then[:1] in ",;)")


def _fielded(lines: list[tuple[int, str]], content: list[int], width: int) -> bool:
    """Whether a text wrapped at ``width`` is one of entries with labels: some line opens with an entry
    label ("tier rating: ...", "Chile current situation: ...") after a clear break (the start of the
    text, a blank line, a sentence end, or a line short of the width)."""
    for k, n in enumerate(content):
        body = lines[n][1].replace("\f", " ").strip()
        if not (_FIELD_LABEL.match(body) or _NAMED_LABEL.match(body)):
            continue
        if k == 0 or content[k - 1] != n - 1:
            return True
        before = lines[content[k - 1]][1].replace("\f", " ").strip()
        first = body.split(maxsplit=1)[0]
        if _TERMINAL.search(before) or len(before) + 1 + len(first) <= width or len(before) < width * 0.6:
            return True
    return False
