"""Ingest: read documents, extract their facts, store each document whole in one transaction.

Idempotent: a document whose text is already stored is skipped before extraction; one at a stored source
with new text replaces the old one. A run killed at any moment leaves only whole documents behind.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tipkb.context import document_subject, report_year
from tipkb.extract import RULESET, extract_document
from tipkb.model import Document
from tipkb.read import ReadError, iter_documents
from tipkb.segment import Segmented, segment
from tipkb.store import DocumentRecord, Store, WriteStatus, content_hash, fact_id

__all__ = ["IngestReport", "analyse", "ingest", "ingest_documents", "reextract"]

# Called after each document with its source and what happened to it ("new", "unchanged", "failed", ...).
Progress = Callable[[str, str], None]

_TITLE_MAX = 200
# Ingest commits the documents extracted in this many seconds together (each whole, none in part).
COMMIT_SECONDS = 0.5


@dataclass
class IngestReport:
    """What a run did: documents by outcome, what was written, and the problems met."""

    outcomes: Counter[str] = field(default_factory=Counter)
    facts: int = 0
    sentences: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.outcomes[k]} {k}" for k in ("new", "replaced", "reextracted", "unchanged", "duplicate")
        ]
        parts = [p for p in parts if not p.startswith("0 ")] or ["0 documents"]
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return f"{', '.join(parts)}; {self.facts:,} facts and {self.sentences:,} sentences written"


def _title(document: Document, seg: Segmented) -> str | None:
    title = document.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()[:_TITLE_MAX]
    if seg.paragraphs and seg.paragraphs[0].heading:
        return seg.paragraphs[0].text.strip().strip("=#").strip()[:_TITLE_MAX] or None
    return None


def analyse(document: Document, digest: str = "") -> DocumentRecord:
    """A document as the store keeps it: its sentences, facts, title, subject country and report year.

    ``digest``: the text's content hash, if already known.
    """
    seg = segment(document.text)
    return DocumentRecord(
        hash=digest,
        source=document.source,
        text=document.text,
        sentences=[(s.start, s.end, s.text) for s in seg.sentences],
        facts=extract_document(document, seg),
        title=_title(document, seg),
        subject=document.meta.get("subject") or document_subject(seg, document.source),
        report_year=document.meta.get("report_year") or report_year(seg),
        ruleset=RULESET,
    )


def _record(report: IngestReport, status: WriteStatus, record: DocumentRecord) -> None:
    report.outcomes[status] += 1
    if status in ("new", "replaced", "reextracted"):
        report.facts += len({fact_id(record.hash, f) for f in record.facts})
        report.sentences += len(record.sentences)


def ingest(
    store: Store, paths: Iterable[str], progress: Progress | None = None, commit_every: float = COMMIT_SECONDS
) -> IngestReport:
    """Read, extract and store every document under the paths (see ``ingest_documents``)."""
    return ingest_documents(store, iter_documents(paths), progress, commit_every)


def ingest_documents(
    store: Store,
    items: Iterable[Document | ReadError],
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
) -> IngestReport:
    """Extract and store documents already read (a ReadError is reported in its place).

    Documents are committed together once ``commit_every`` seconds of work are pending (and at the end):
    each is whole in the store or absent, and a run stopped at any moment loses at most that much work.
    """
    report = IngestReport()
    pending: list[DocumentRecord] = []
    pending_hashes: set[str] = set()
    since = time.monotonic()

    def commit() -> None:
        nonlocal since
        for record, status in zip(pending, store.write_documents(pending), strict=True):
            _record(report, status, record)
            if progress:
                progress(record.source, status)
        pending.clear()
        pending_hashes.clear()
        since = time.monotonic()

    for item in items:
        if isinstance(item, ReadError):
            report.errors.append(str(item))
            if progress:
                progress(item.source, "failed")
            continue
        report.warnings.extend(item.meta.get("warnings", []))
        digest = content_hash(item.text)
        status, _ = store.status(item.source, digest)
        if status in ("unchanged", "duplicate") or digest in pending_hashes:
            status = "duplicate" if status == "new" else status
            report.outcomes[status] += 1
            if progress:
                progress(item.source, status)
            continue
        pending.append(analyse(item, digest))
        pending_hashes.add(digest)
        if time.monotonic() - since >= commit_every:
            commit()
    if pending:
        commit()
    if report.facts:
        store.optimize()
    return report


def reextract(store: Store, everything: bool = False, progress: Progress | None = None) -> IngestReport:
    """Run the current rules again over stored documents extracted by other rules (or all of them)."""
    report = IngestReport()
    for source, _hash, _ruleset in store.documents(stale_only=not everything):
        stored = store.document(source)
        if stored is None:  # removed meanwhile
            continue
        text, title = stored
        record = analyse(Document(text=text, source=source, meta={"title": title} if title else {}))
        status = store.write_document(record, rewrite=True)
        _record(report, status, record)
        if progress:
            progress(source, status)
    return report
