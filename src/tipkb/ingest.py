"""Ingest: read documents, extract their facts, store each document whole in one transaction.

Idempotent: a document whose text is already stored is skipped before extraction; one at a stored source
with new text replaces the old one. A run killed at any moment leaves only whole documents behind.

Extraction runs here (one process), in a pool of local processes (``jobs``) or on a Dask cluster
(``tipkb.parallel``); in every case this process is the one writer, committing whole documents in order
of completion.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tipkb.context import document_subject, report_year
from tipkb.extract import RULESET, extract_document
from tipkb.model import Document
from tipkb.read import ReadError, iter_paths, read_document
from tipkb.segment import Segmented, segment, transient
from tipkb.store import DocumentRecord, DocumentRows, Store, StoreFull, WriteStatus, content_hash

__all__ = [
    "DiskFull",
    "Interrupted",
    "IngestReport",
    "analyse",
    "ingest",
    "ingest_documents",
    "reextract",
]

# Called after each document with its source and what happened to it ("new", "unchanged", "failed", ...).
Progress = Callable[[str, str], None]

_TITLE_MAX = 200
# Ingest commits the documents extracted in this many seconds together (each whole, none in part).
COMMIT_SECONDS = 0.5


@dataclass
class IngestReport:
    """What a run did: documents by outcome, what was written, the problems met, and what was retried
    after a worker process died (parallel and distributed engines)."""

    outcomes: Counter[str] = field(default_factory=Counter)
    facts: int = 0
    sentences: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    interrupted: bool = False

    def summary(self) -> str:
        parts = [
            f"{self.outcomes[k]} {k}" for k in ("new", "replaced", "reextracted", "unchanged", "duplicate")
        ]
        parts = [p for p in parts if not p.startswith("0 ")] or ["0 documents"]
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        if self.retried:
            parts.append(f"{len(self.retried)} retried")
        text = f"{', '.join(parts)}; {self.facts:,} facts and {self.sentences:,} sentences written"
        return text + ("; interrupted" if self.interrupted else "")


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped an ingest cleanly: what was extracted is committed, whole; ``report`` says what.

    Running the same ingest again skips what is stored and does the rest.
    """

    def __init__(self, report: IngestReport) -> None:
        super().__init__("ingest interrupted")
        self.report = report


class DiskFull(Exception):
    """The store's disk filled up: the run stopped. The documents in ``report`` were committed, whole;
    ``lost`` (sources) were being written and were rolled back. Running the same ingest again, once
    there is space, stores the rest."""

    def __init__(self, report: IngestReport, lost: list[str], message: str) -> None:
        super().__init__(message)
        self.report = report
        self.lost = lost

    def explain(self) -> str:
        """One line: what happened, what was committed, how to resume."""
        stored = sum(self.report.outcomes[k] for k in ("new", "replaced", "reextracted"))
        lost = f"; the {len(self.lost)} being written were rolled back" if self.lost else ""
        return (
            f"{self}: stopped after committing {_count(stored, 'document')} ({self.report.facts:,} facts), "
            f"each whole{lost}; free some space and run the same command again to resume"
        )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


@contextmanager
def stop_on_sigint() -> Iterator[threading.Event]:
    """An event set by the first Ctrl-C (SIGINT), for a loop to stop at a safe point; a second Ctrl-C
    raises KeyboardInterrupt at once. Outside the main thread nothing is installed."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


class BatchWriter:
    """The single writer: collects analysed documents and commits them together every ``commit_every``
    seconds (each whole), counting outcomes into a report."""

    def __init__(
        self, store: Store, progress: Progress | None = None, commit_every: float = COMMIT_SECONDS
    ) -> None:
        self.store = store
        self.progress = progress
        self.commit_every = commit_every
        self.report = IngestReport()
        self.pending: list[DocumentRows] = []
        self.pending_hashes: set[str] = set()
        self.since = time.monotonic()

    def add(self, record: DocumentRecord | DocumentRows) -> None:
        """Queue a document (or its rows, made by a worker) for the next commit; commit if enough time
        went by."""
        rows = record if isinstance(record, DocumentRows) else record.rows()
        if rows.hash in self.pending_hashes:
            self.outcome(rows.source, "duplicate")
        else:
            self.pending.append(rows)
            self.pending_hashes.add(rows.hash)
        self.tick()

    def outcome(self, source: str, status: str) -> None:
        """A document that was not written ("unchanged", "duplicate")."""
        self.report.outcomes[status] += 1
        if self.progress:
            self.progress(source, status)

    def error(self, source: str, message: str) -> None:
        self.report.errors.append(message)
        if self.progress:
            self.progress(source, "failed")

    def tick(self) -> None:
        if self.pending and time.monotonic() - self.since >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        pending = self.pending
        if pending:
            try:
                statuses = self.store.write_documents(pending)
            except StoreFull as err:
                raise DiskFull(self.report, [r.source for r in pending], str(err)) from None
            for record, status in zip(pending, statuses, strict=True):
                _record(self.report, status, record)
                if self.progress:
                    self.progress(record.source, status)
        self.pending = []
        self.pending_hashes.clear()
        self.since = time.monotonic()

    def finish(self, interrupted: bool = False) -> IngestReport:
        """Commit what is pending; raise Interrupted (with the report) if the run was stopped."""
        self.commit()
        if self.report.facts:
            try:
                self.store.optimize()
            except StoreFull as err:  # everything is committed; only the index tidy-up failed
                raise DiskFull(self.report, [], str(err)) from None
        if interrupted:
            self.report.interrupted = True
            raise Interrupted(self.report)
        return self.report


def read_file(path: str, location: str | None = None) -> Iterator[Document | ReadError]:
    """The documents of one file (a whole report split into its narratives), or the ReadError in their
    place. ``location``: where to read it, when not at ``path`` (which names the documents).

    A reader that fails with anything but ReadError (a bug) fails this file, not the run.
    """
    try:
        doc = read_document(location or path, source=path)
    except ReadError as err:
        yield err
        return
    except Exception as err:  # a reader bug: report it in the file's place
        yield ReadError(path, f"cannot read ({type(err).__name__}: {err})")
        return
    from tipkb.split import split_if_report

    yield from split_if_report(doc)


def read_files(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    """Like ``tipkb.read.iter_documents``, but a reader's bug fails its file only (``read_file``)."""
    for path, error in iter_paths(paths):
        if error is not None:
            yield error
        else:
            yield from read_file(path)


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
    with transient():
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


def _record(report: IngestReport, status: WriteStatus, rows: DocumentRows) -> None:
    report.outcomes[status] += 1
    if status in ("new", "replaced", "reextracted"):
        report.facts += len(rows.facts)
        report.sentences += len(rows.sentences)


def ingest(
    store: Store,
    paths: Iterable[str],
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
    jobs: int = 1,
) -> IngestReport:
    """Read, extract and store every document under the paths (see ``ingest_documents``).

    ``jobs`` > 1 reads and extracts in that many processes (``tipkb.parallel.ingest_pool``); this
    process writes, committing documents in order of completion. Ctrl-C stops at a safe point and raises
    ``Interrupted``, with everything extracted so far committed.
    """
    if jobs > 1:
        from tipkb.parallel import ingest_pool

        return ingest_pool(store, paths, jobs, progress, commit_every)
    return ingest_documents(store, read_files(paths), progress, commit_every)


def ingest_documents(
    store: Store,
    items: Iterable[Document | ReadError],
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
) -> IngestReport:
    """Extract and store documents already read (a ReadError is reported in its place).

    Documents are committed together once ``commit_every`` seconds of work are pending (and at the end):
    each is whole in the store or absent, and a run stopped at any moment loses at most that much work.
    Ctrl-C stops after the document at hand, commits, and raises ``Interrupted``.
    """
    writer = BatchWriter(store, progress, commit_every)
    with stop_on_sigint() as stop:
        for item in items:
            if isinstance(item, ReadError):
                writer.error(item.source, str(item))
            else:
                writer.report.warnings.extend(item.meta.get("warnings", []))
                digest = content_hash(item.text)
                status, _ = store.status(item.source, digest)
                if status in ("unchanged", "duplicate") or digest in writer.pending_hashes:
                    writer.outcome(item.source, "duplicate" if status == "new" else status)
                else:
                    try:
                        record = analyse(item, digest)
                    except Exception as err:  # an extractor bug fails this document, not the run
                        writer.error(
                            item.source, f"{item.source}: extraction failed: {type(err).__name__}: {err}"
                        )
                    else:
                        writer.add(record)
            if stop.is_set():
                break
        return writer.finish(interrupted=stop.is_set())


def reextract(store: Store, everything: bool = False, progress: Progress | None = None) -> IngestReport:
    """Run the current rules again over stored documents extracted by other rules (or all of them)."""
    report = IngestReport()
    for source, _hash, _ruleset in store.documents(stale_only=not everything):
        stored = store.document(source)
        if stored is None:  # removed meanwhile
            continue
        text, title = stored
        rows = analyse(Document(text=text, source=source, meta={"title": title} if title else {})).rows()
        status = store.write_document(rows, rewrite=True)
        _record(report, status, rows)
        if progress:
            progress(source, status)
    return report
