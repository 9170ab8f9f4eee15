"""One PDF page's words as lines in reading order (columns read one at a time, full-width lines cutting the
page into bands), and the running headers, footers and page numbers found across pages (``pdf`` joins
the lines into paragraphs)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.I
)


@dataclass(slots=True)
class _Line:
    """One line of words on a page, in reading order, with what paragraph joining needs to know."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    left: float  # the left and right edges of the column (or page band) the line is in
    right: float
    column: int  # 0 left, 1 right, -1 across the page
    page: int  # 0-based


@dataclass(slots=True)
class _Page:
    lines: list[_Line]
    height: float
    images: int


# ---------------------------------------------------------------- one page: words -> lines in order


def _read_page(page: Any, number: int) -> _Page:
    # Letters closer than 0.15 em are one word: pdfplumber's default (3 pt) runs together the words of
    # tightly set lines whose spaces are gaps rather than space characters.
    words = [
        w
        for w in page.extract_words(x_tolerance_ratio=0.15, y_tolerance=2, extra_attrs=["size", "fontname"])
        if w.get("upright", True) and w["text"].strip()
    ]
    images = len(page.images) if not words else 0
    height = float(page.height)
    if not words:
        return _Page([], height, images)
    rows = _rows(words)
    gutter = _gutter(rows, float(page.width))
    edges = (min(w["x0"] for w in words), max(w["x1"] for w in words))
    lines: list[_Line] = []
    if gutter is None:
        lines.extend(_line(row, *edges, -1, number) for row in rows)
        return _Page(lines, height, images)
    run: list[list[dict[str, Any]]] = []
    for row in rows:
        if any(w["x0"] < gutter < w["x1"] for w in row):
            lines.extend(_columns(run, gutter, edges, number))
            run = []
            lines.append(_line(row, *edges, -1, number))
        else:
            run.append(row)
    lines.extend(_columns(run, gutter, edges, number))
    return _Page(lines, height, images)


def _columns(
    rows: list[list[dict[str, Any]]], gutter: float, edges: tuple[float, float], number: int
) -> list[_Line]:
    """Rows between full-width lines, read as a left column, then a right column, then what follows.

    The columns end at the last row with text right of the gutter, plus the left column's own last
    lines when they follow on at the usual spacing; rows after that (a heading below balanced
    columns) come after both columns.
    """
    right_rows = [i for i, row in enumerate(rows) if any(w["x0"] >= gutter for w in row)]
    if not right_rows:
        return [_line(row, *edges, -1, number) for row in rows]
    end = right_rows[-1] + 1
    tops = [min(w["top"] for w in row) for row in rows]
    steps = [b - a for a, b in zip(tops[:end], tops[1:end], strict=False) if b > a]
    pitch = statistics.median(steps) if steps else 0.0
    while end < len(rows) and 0 < tops[end] - tops[end - 1] <= 1.6 * pitch:
        end += 1
    left = [[w for w in row if w["x1"] <= gutter] for row in rows[:end]]
    right = [[w for w in row if w["x0"] >= gutter] for row in rows[:end]]
    out: list[_Line] = []
    for column, parts in ((0, [r for r in left if r]), (1, [r for r in right if r])):
        if parts:
            x0 = min(w["x0"] for row in parts for w in row)
            x1 = max(w["x1"] for row in parts for w in row)
            out.extend(_line(row, x0, x1, column, number) for row in parts)
    return out + _columns(rows[end:], gutter, edges, number)


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into rows by vertical overlap (a superscript joins its line), top to bottom."""
    rows: list[list[dict[str, Any]]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for w in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        height = max(0.1, w["bottom"] - w["top"])
        if rows:
            overlap = min(bottoms[-1], w["bottom"]) - max(tops[-1], w["top"])
            row_height = max(0.1, bottoms[-1] - tops[-1])
            if overlap > 0.4 * min(height, row_height):
                rows[-1].append(w)
                tops[-1] = min(tops[-1], w["top"])
                bottoms[-1] = max(bottoms[-1], w["bottom"])
                continue
        rows.append([w])
        tops.append(w["top"])
        bottoms.append(w["bottom"])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _segments(row: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """A row's runs of words, cut at gaps wider than about one em."""
    out: list[tuple[float, float]] = []
    for w in row:
        if out and w["x0"] - out[-1][1] < 0.9 * float(w.get("size") or 10):
            out[-1] = (out[-1][0], max(out[-1][1], w["x1"]))
        else:
            out.append((w["x0"], w["x1"]))
    return out


def _gutter(rows: list[list[dict[str, Any]]], width: float) -> float | None:
    """The x of a vertical gutter between two columns, or None for a one-column page.

    A gutter is an x in the middle of the page that almost no row's text crosses, with rows of text
    on both sides of it.
    """
    if len(rows) < 6:
        return None
    segments = [_segments(row) for row in rows]
    best: tuple[int, float, float] | None = None
    x = width * 0.3
    run_start: float | None = None
    limit = max(1, len(rows) // 10)
    candidates: list[tuple[float, float]] = []
    while x <= width * 0.7:
        crossing = sum(1 for segs in segments if any(a < x < b for a, b in segs))
        if crossing <= limit:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            candidates.append((run_start, x - 2))
            run_start = None
        x += 2
    if run_start is not None:
        candidates.append((run_start, x - 2))
    for start, end in candidates:
        middle = (start + end) / 2
        left = sum(1 for segs in segments if any(b <= middle and b > width * 0.2 for _, b in segs))
        right = sum(1 for segs in segments if any(a >= middle and a < width * 0.8 for a, _ in segs))
        crossing = sum(1 for segs in segments if any(a < middle < b for a, b in segs))
        if left >= 3 and right >= 3 and (best is None or (crossing, -(end - start)) < (best[0], -best[2])):
            best = (crossing, middle, end - start)
    return best[1] if best else None


def _line(row: list[dict[str, Any]], left: float, right: float, column: int, page: int) -> _Line:
    sizes = [float(w.get("size") or 0) for w in row]
    weights = [len(w["text"]) for w in row]
    size = max(set(sizes), key=lambda s: sum(wt for sz, wt in zip(sizes, weights, strict=True) if sz == s))
    bold = all(_is_bold(str(w.get("fontname", ""))) for w in row)
    text = " ".join(w["text"] for w in row)
    text = text[:-1].replace("\u00ad", "") + text[-1:]  # soft hyphens: only one at a line's end matters
    return _Line(
        text=text,
        x0=row[0]["x0"],
        x1=max(w["x1"] for w in row),
        top=min(w["top"] for w in row),
        bottom=max(w["bottom"] for w in row),
        size=round(size, 1),
        bold=bold,
        left=left,
        right=right,
        column=column,
        page=page,
    )


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.I))


# ------------------------------------------------------- running headers, footers and page numbers


def _furniture_key(text: str) -> str:
    """A header or footer line with its page-dependent parts (numbers) removed."""
    return " ".join(re.sub(r"\d+", " ", text).lower().split())


def _drop_running_lines(pages: list[_Page]) -> list[str]:
    """Remove running headers, footers and page numbers; return the distinct lines removed."""
    zones: list[list[tuple[int, _Line]]] = []
    counts: Counter[str] = Counter()
    for pg in pages:
        zone = [
            (i, line)
            for i, line in enumerate(pg.lines)
            if line.bottom < pg.height * 0.1 or line.top > pg.height * 0.9
        ]
        zones.append(zone)
        counts.update({_furniture_key(line.text) for _, line in zone})
    threshold = max(2, int(0.4 * len(pages) + 0.999))
    removed: dict[str, str] = {}
    for n, (pg, zone) in enumerate(zip(pages, zones, strict=True)):
        drop: set[int] = set()
        for i, line in zone:
            key = _furniture_key(line.text)
            if _PAGE_NUMBER.match(line.text) or not key:
                drop.add(i)
            elif counts[key] >= threshold or _on_neighbour(key, n, zones):
                drop.add(i)
                removed.setdefault(key, line.text)
        if drop:
            pg.lines = [line for i, line in enumerate(pg.lines) if i not in drop]
    return list(removed.values())


def _on_neighbour(key: str, n: int, zones: list[list[tuple[int, _Line]]]) -> bool:
    """A short zone line that recurs in the same zone of the page before or after (a running title)."""
    if len(key.split()) > 8:
        return False
    for m in (n - 1, n + 1):
        if 0 <= m < len(zones) and any(_furniture_key(line.text) == key for _, line in zones[m]):
            return True
    return False
