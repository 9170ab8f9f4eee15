"""The dashboard's text pages: full-text search over the sentences, the list of stored documents, one
document with its evidence sentences marked and a page of its facts (``document_html`` marks the text),
and the conflicts between statements. Routed under ``pages.router``."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from tipkb.web import views
from tipkb.web.render import render, short_name, stores_of

router = APIRouter(include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    """Full-text search over the sentences, best first, each linked to its document."""
    rows: list[dict[str, Any]] = []
    more = False
    if q and q.strip():
        rows, more = views.search_view(stores_of(request), q, 50, offset)
        for r in rows:
            doc_id = r["document_id"]
            r["link"] = f"/documents/{doc_id}?sentence={r['start']}-{r['end']}#sentence" if doc_id else None
    return render(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Search",
        q=q or "",
        rows=rows,
        offset=offset,
        next=views.url_with("/search", {"q": q, "offset": offset + 50}) if more else None,
        prev=views.url_with("/search", {"q": q, "offset": max(offset - 50, 0)}) if offset else None,
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> Response:
    """The stored documents, a page at a time."""
    size = 100
    docs, total = views.document_list(stores_of(request), size, offset)
    return render(
        request,
        "documents.html",
        title="Documents",
        docs=docs,
        total=total,
        offset=offset,
        next=f"/documents?offset={offset + size}" if offset + size < total else None,
        prev=f"/documents?offset={max(offset - size, 0)}" if offset else None,
    )


SENTENCE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


# Facts on one page of a document; the text shown is the stretch those facts are in.
DOCUMENT_PAGE_FACTS = 500


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    doc_id: str,
    sentence: Annotated[str | None, Query(max_length=30)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    at: Annotated[int | None, Query(ge=0, le=2**31)] = None,
) -> Response:
    """A document with its evidence sentences marked and a page of its facts listed."""
    wanted = None
    if sentence and (m := SENTENCE.match(sentence)):
        wanted = (int(m.group(1)), int(m.group(2)))
        at = wanted[0] if at is None else at
    size = DOCUMENT_PAGE_FACTS
    found = views.document_facts(stores_of(request), doc_id, size, offset, at)
    info, text = found.info, found.text
    facts = views.fact_dicts(stores_of(request), found.rows)
    # A long document is shown a page of facts at a time, with the text they are in: from this page's
    # first fact (the start, on the first page) to the next page's (the end, on the last).
    start = 0 if found.offset == 0 or not found.rows else found.rows[0].fact.evidence.start
    end = len(text)
    if found.next_start is not None:
        end = max([found.next_start, *(r.fact.evidence.end for r in found.rows)])
    facts_at: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        facts_at[(f["evidence"]["start"], f["evidence"]["end"])].append(f)
    if wanted and not (start <= wanted[0] < wanted[1] <= end):
        wanted = None
    base = f"/documents/{info.id}"
    return render(
        request,
        "document.html",
        title=info.title or short_name(info.source),
        doc={
            **info.to_dict(),
            "facts": facts,
            "countries": views.covered_countries((r.fact for r in found.rows), info.subject),
        },
        body=Markup(document_html(text, sorted(facts_at.items()), wanted, start, end)),
        spans=len(facts_at),
        total=found.total,
        first=found.offset + 1,
        last=found.offset + len(facts),
        cut_before=start > 0,
        cut_after=end < len(text),
        next=f"{base}?offset={found.offset + size}" if found.next_start is not None else None,
        prev=f"{base}?offset={max(found.offset - size, 0)}" if found.offset else None,
    )


def document_html(
    text: str,
    spans: list[tuple[tuple[int, int], list[dict[str, Any]]]],
    wanted: tuple[int, int] | None,
    start: int = 0,
    end: int | None = None,
) -> str:
    """The text from ``start`` to ``end``, escaped, with each evidence span a <mark> (id ev-START-END)
    naming its facts, and the sentence asked for (from a search) marked as #sentence."""
    text = text if end is None else text[:end]
    events: list[tuple[int, int, str, str]] = []  # (offset, order, kind, html)
    for (start, end), facts in spans:
        label = "; ".join(f"{f['type']}: {f['summary']}" for f in facts)
        events.append(
            (
                start,
                1,
                "open",
                f'<mark id="ev-{start}-{end}" class="ev" title="{escape(label)}" tabindex="-1">',
            )
        )
        events.append((end, 0, "close", "</mark>"))
    if wanted and 0 <= wanted[0] < wanted[1] <= len(text):
        events.append((wanted[0], 2, "open", '<span id="sentence" class="hit" tabindex="-1">'))
        events.append((wanted[1], -1, "close", "</span>"))
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    pos = start
    stack: list[str] = []
    for offset, _, kind, html in events:
        out.append(str(escape(text[pos:offset])))
        pos = offset
        if kind == "open":
            out.append(html)
            stack.append(html)
        else:
            # Close in nesting order: close the tags opened after this one, and reopen them.
            closer = "</span>" if html == "</span>" else "</mark>"
            reopen = []
            while stack:
                top = stack.pop()
                top_close = "</span>" if top.startswith("<span") else "</mark>"
                out.append(top_close)
                if top_close == closer:
                    break
                reopen.append(re.sub(r' id="[^"]*"', "", top))
            for again in reversed(reopen):
                out.append(again)
                stack.append(again)
    out.append(str(escape(text[pos:])))
    return "".join(out)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, country: Annotated[str | None, Query(max_length=100)] = None
) -> Response:
    """Facts that disagree across statements, each side with its sentences."""
    code = views.country_code(country, regions=False)
    rows = views.conflict_rows(stores_of(request), code)
    return render(
        request, "conflicts.html", title="Conflicts", rows=rows[:500], total=len(rows), country=code
    )
