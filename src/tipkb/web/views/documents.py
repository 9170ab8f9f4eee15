"""Documents: a document's facts, text and sentences, and the links from an evidence sentence to its document."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from tipkb import query
from tipkb.web.stores import Stores
from tipkb.web.views.common import DOC_ID, MAX_LIMIT, NotFound, page, whole_page


@dataclass(frozen=True)
class DocInfo(query.DocumentInfo):
    """A stored document as the web shows it: the query's DocumentInfo, with its links."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "subject": self.subject,
            "report_year": self.report_year,
            "sentences": self.sentences,
            "facts": self.facts,
            "url": f"/api/documents/{self.id}",
            "page": f"/documents/{self.id}",
        }


def _doc_info(found: query.DocumentInfo) -> DocInfo:
    return DocInfo(**{f.name: getattr(found, f.name) for f in fields(found)})


def document_info(stores: Stores, doc_id: str) -> DocInfo | None:
    """The document whose id (the first 16 hex digits of its content hash) this is, if any: one lookup
    on the hash index."""
    if not DOC_ID.match(doc_id):
        return None
    found = query.document(stores.get(), doc_id)
    return _doc_info(found) if found else None


def document_list(stores: Stores, limit: int, offset: int) -> tuple[list[DocInfo], int]:
    """A page of the stored documents (without their text) by source, and how many there are."""
    found, total = query.documents(stores.get(), limit, offset)
    return [_doc_info(f) for f in found], total


def document_ids(stores: Stores, sources: Iterable[str]) -> dict[str, str]:
    """The ids of the documents stored at these sources (the first 16 hex digits of their content hash),
    read for these sources only: a page links a few documents, whatever the store holds."""
    return query.document_ids(stores.get(), (s for s in sources if isinstance(s, str)))


def evidence_links(ids: Mapping[str, str], source: str, start: int, end: int) -> dict[str, str | None]:
    """Where a sentence can be read: the document in the API and on its page, marked. ``ids``: from
    ``document_ids``."""
    doc_id = ids.get(source)
    if doc_id is None:
        return {"document_id": None, "document_url": None, "sentence_url": None, "page": None}
    return {
        "document_id": doc_id,
        "document_url": f"/api/documents/{doc_id}",
        "sentence_url": f"/api/documents/{doc_id}/sentences?at={start}",
        "page": f"/documents/{doc_id}#ev-{start}-{end}",
    }


def _is_sentence(value: dict[str, Any]) -> bool:
    return {"document", "start", "end", "text"} <= value.keys() and isinstance(value["document"], str)


def _sources(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, list):
        for v in value:
            _sources(v, into)
    elif isinstance(value, dict):
        if _is_sentence(value):
            into.add(value["document"])
        for v in value.values():
            _sources(v, into)
    return into


def linked(stores: Stores, value: Any) -> Any:
    """A row dict (or list of them) with every evidence sentence in it given its links (recursively)."""
    ids = document_ids(stores, _sources(value, set()))

    def link(value: Any) -> Any:
        if isinstance(value, list):
            return [link(v) for v in value]
        if not isinstance(value, dict):
            return value
        out = {k: link(v) for k, v in value.items()}
        if _is_sentence(out):
            out.update(evidence_links(ids, out["document"], out["start"], out["end"]))
        return out

    return link(value)


def fact_dicts(stores: Stores, rows: Sequence[query.FactRow]) -> list[dict[str, Any]]:
    """Stored facts as the extractor writes them, each with its id, a summary and links to its sentence."""
    ids = document_ids(stores, (r.fact.doc for r in rows))
    out = []
    for row in rows:
        d = row.to_dict()
        ev = row.fact.evidence
        d["summary"] = row.summary
        d["links"] = evidence_links(ids, row.fact.doc, ev.start, ev.end)
        out.append(d)
    return out


@dataclass
class DocumentFacts:
    """A page of a document's facts (in text order) with the document: what its API answer and its page
    show. ``next_start``: where the next page's first fact starts in the text (None on the last page)."""

    info: DocInfo
    text: str
    rows: list[query.FactRow]
    limit: int
    offset: int
    next_start: int | None

    @property
    def total(self) -> int:
        return self.info.facts


def document_facts(
    stores: Stores, doc_id: str, limit: int = MAX_LIMIT, offset: int = 0, at: int | None = None
) -> DocumentFacts:
    """A document and ``limit`` of its facts after the first ``offset`` (or, with ``at``, the page of
    facts holding that text offset). Indexed reads of that page only: a document of 200,000 facts is no
    slower to show than one of 20."""
    if not DOC_ID.match(doc_id):
        raise NotFound(f"no document {doc_id!r}: a document id is 16 hexadecimal digits")
    info = document_info(stores, doc_id)
    store = stores.get()
    stored = store.document(info.source) if info else None
    if info is None or stored is None:
        raise NotFound(f"no document {doc_id!r}")
    text, _ = stored
    facts, offset, next_start = query.document_facts(store, info, limit, offset, at)
    return DocumentFacts(info, text, list(facts), limit, offset, next_start)


def document_view(
    stores: Stores,
    doc_id: str,
    limit: int = MAX_LIMIT,
    offset: int = 0,
    at: int | None = None,
    with_text: bool = True,
) -> dict[str, Any]:
    """A document: its text, a page of its facts (``facts_total`` in all, ``next`` and ``prev`` pages),
    and the evidence spans of those facts (each with the ids of the facts it states)."""
    found = document_facts(stores, doc_id, limit, offset, at)
    info, text = found.info, found.text
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for r in found.rows:
        spans[(r.fact.evidence.start, r.fact.evidence.end)].append(r.id)
    ordered = sorted(spans.items())
    links = page(
        [],
        limit=limit,
        offset=found.offset,
        path=f"/api/documents/{info.id}",
        params={} if with_text else {"text": "false"},
        more=found.next_start is not None,
    )
    texts = {"text": text, "highlighted": highlight(text, [s for s, _ in ordered])} if with_text else {}
    return {
        **info.to_dict(),
        # (From the facts of this page: the first holds enough of a narrative's country sections.)
        "countries": covered_countries((r.fact for r in found.rows), info.subject),
        **texts,
        "spans": [
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "facts": ids,
                "page": f"/documents/{info.id}#ev-{s}-{e}",
            }
            for (s, e), ids in ordered
        ],
        "facts": fact_dicts(stores, found.rows),
        "facts_total": found.total,
        "limit": limit,
        "offset": found.offset,
        "next": links["next"],
        "prev": links["prev"],
    }


def covered_countries(facts: Iterable[Any], subject: str | None = None) -> list[str]:
    """The countries a document covers when it is about more than one (a narrative of many country
    sections): those its facts with a country are about (tiers, roles, verdicts, figures), most facts
    first. Empty when one country, its subject, holds most of them."""
    counts: Counter[str] = Counter()
    for fact in facts:
        code = getattr(fact, "country", None)
        if isinstance(code, str) and not code.startswith("region:"):
            counts[code] += 1
    if len(counts) < 2 or (subject is not None and counts[subject] * 2 > sum(counts.values())):
        return []
    return [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def highlight(text: str, spans: Sequence[tuple[int, int]], mark: tuple[str, str] = ("**", "**")) -> str:
    """The text with each span wrapped in the markers (overlapping spans merge)."""
    out, pos = [], 0
    for start, end in _merged(spans):
        out.extend([text[pos:start], mark[0], text[start:end], mark[1]])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def document_sentences(
    stores: Stores, doc_id: str, at: int | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], bool]:
    """A document's sentences in text order (from the one holding offset ``at``), each with the ids of the
    facts it states; and whether there are more."""
    info = document_info(stores, doc_id)
    if info is None:
        raise NotFound(f"no document {doc_id!r}")
    rows, more = query.sentences(stores.get(), info, at, limit, offset)
    return [
        {
            "start": s,
            "end": e,
            "text": t,
            "facts": ids,
            "page": f"/documents/{doc_id}?sentence={s}-{e}#sentence",
        }
        for s, e, t, ids in rows
    ], more


def document_pages(stores: Stores, sources: Sequence[str]) -> list[dict[str, str | None]]:
    """Documents named by source, each with its page (None when it is not stored)."""
    ids = document_ids(stores, sources)
    return [
        {
            "document": source,
            "document_id": ids.get(source),
            "page": f"/documents/{ids[source]}" if source in ids else None,
        }
        for source in sources
    ]


def linked_page(
    stores: Stores,
    rows: Sequence[Any],
    limit: int,
    offset: int,
    path: str,
    params: dict[str, Any],
    evidence: bool,
) -> dict[str, Any]:
    """A ``whole_page`` of query rows, as dicts with their sentences linked to their documents; the links
    to the next and previous pages keep ``evidence`` (whether the rows carry their sentences)."""
    found = whole_page(rows, limit, offset, path, {**params, "evidence": "true" if evidence else None})
    found["items"] = linked(stores, [r.to_dict() for r in found["items"]])
    return found
