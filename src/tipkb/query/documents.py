"""Sentences and documents: full-text search over the sentences, the stored documents one page at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tipkb.query.rows import FactRow, QueryError, Rows, SearchRow
from tipkb.store import Store, fact_from_row, hash64

__all__ = [
    "DocumentInfo",
    "document",
    "document_facts",
    "document_ids",
    "documents",
    "search",
    "sentences",
]


def search(store: Store, text: str, limit: int = 20, offset: int = 0) -> Rows[SearchRow]:
    """Sentences matching the words (all of them; "a phrase" in quotes), best first: ``limit`` of them
    after the first ``offset``.

    A sentence found in many documents is one row, naming one of them (the one with the lowest id) and
    counting them all.
    """
    # Control characters (NUL among them) are never words, and PostgreSQL refuses NUL in text.
    hits = store.search_sentences("".join(c if c.isprintable() else " " for c in text), limit, offset)
    if hits is None:
        raise QueryError("nothing to search for: give some words")
    return Rows(
        SearchRow(
            document=source,
            title=title,
            start=start,
            end=end,
            text=sentence,
            highlighted=highlighted,
            score=round(float(score), 4),
            documents=n,
        )
        for score, highlighted, n, source, title, start, end, sentence in hits
    )


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its text: its id (the first 16 hex digits of its content hash)."""

    id: str
    source: str
    title: str | None
    subject: str | None
    report_year: int | None
    sentences: int
    facts: int
    digest: str


def _info(row: Any) -> DocumentInfo:
    source, digest, title, subject, year, n_sent, n_facts = row
    return DocumentInfo(digest[:16], source, title, subject, year, int(n_sent), int(n_facts), digest)


def document(store: Store, doc_id: str) -> DocumentInfo | None:
    """The document whose id (hex digits its content hash starts with) this is, if any."""
    row = store.document_by_hash_prefix(doc_id)
    return _info(row) if row is not None else None


def documents(store: Store, limit: int, offset: int) -> tuple[list[DocumentInfo], int]:
    """A page of the stored documents by source, and how many there are."""
    return [_info(r) for r in store.document_page(limit, offset)], store.document_count()


def document_ids(store: Store, sources: Iterable[str]) -> dict[str, str]:
    """The ids of the documents stored at these sources (read for these sources only)."""
    return {source: digest[:16] for source, digest in store.document_hashes(sources).items()}


def sentences(
    store: Store, info: DocumentInfo, at: int | None, limit: int, offset: int
) -> tuple[list[tuple[int, int, str, list[int]]], bool]:
    """A document's sentences (start, end, text, fact ids) in text order from the one holding offset
    ``at``; and whether there are more."""
    rows = store.sentence_page(hash64(info.digest), at, int(limit) + 1, offset)
    return [(s, e, t, ids) for _, s, e, t, ids in rows[:limit]], len(rows) > limit


def document_facts(
    store: Store, info: DocumentInfo, limit: int, offset: int = 0, at: int | None = None
) -> tuple[Rows[FactRow], int, int | None]:
    """``limit`` of a document's facts in text order after the first ``offset`` (with ``at``: the page
    of ``limit`` holding the first fact at or after that text offset, the last page if none is); the
    offset of that page; and where the next page's first fact starts (None on the last page)."""
    internal = hash64(info.digest)
    if at is not None:
        before = store.document_facts_before(internal, at)
        offset = min(before, max(info.facts - 1, 0)) // limit * limit
    rows = store.document_fact_page(internal, int(limit) + 1, offset)
    next_start = int(rows[limit][2]) if len(rows) > limit else None
    facts = Rows(
        FactRow(fid, fact_from_row(info.source, data, s, e, t)) for fid, data, s, e, t in rows[:limit]
    )
    return facts, offset, next_start
