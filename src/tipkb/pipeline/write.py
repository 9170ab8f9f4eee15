"""The pipeline's write step: the one writer, committing analysed documents whole, in batches, and the
report of what a run did."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tipkb.store import DocumentRecord, DocumentRows, Store, StoreFull

__all__ = [
    "COMMIT_SECONDS",
    "BatchWriter",
    "DiskFull",
    "DocumentOutcome",
    "IngestReport",
    "Interrupted",
    "Progress",
    "stop_on_sigint",
]

# Called after each document with its source and what happened to it ("new", "unchanged", "failed", ...).
Progress = Callable[[str, str], None]

# Ingest commits the documents extracted in this many seconds together (each whole, none in part).
COMMIT_SECONDS = 0.5


@dataclass
class DocumentOutcome:
    """What a run did with one document (kept when ``ingest(..., outcomes=True)``)."""

    source: str
    status: str
    hash: str = ""
    facts: int = 0
    # The source of the stored copy of its text ("duplicate"), when not its own.
    stored_as: str | None = None


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
    # Each document's outcome, in order, when asked for (None: not kept, so memory stays flat).
    documents: list[DocumentOutcome] | None = None

    def summary(self) -> str:
        """One line: the documents by outcome, and the facts and sentences written."""
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
    seconds (each whole), counting outcomes into a report.

    ``rewrite``: documents stored already with the same text are written again (re-extraction).
    ``outcomes``: keep each document's outcome in ``report.documents``.
    """

    def __init__(
        self,
        store: Store,
        progress: Progress | None = None,
        commit_every: float = COMMIT_SECONDS,
        rewrite: bool = False,
        outcomes: bool = False,
    ) -> None:
        self.store = store
        self.progress = progress
        self.commit_every = commit_every
        self.rewrite = rewrite
        self.report = IngestReport(documents=[] if outcomes else None)
        self.pending: list[DocumentRows] = []
        self.pending_hashes: set[str] = set()
        self.since = time.monotonic()

    def add(self, record: DocumentRecord | DocumentRows) -> None:
        """Queue a document (or its rows, made by a worker) for the next commit; commit if enough time
        went by."""
        rows = record if isinstance(record, DocumentRows) else record.rows()
        if rows.hash in self.pending_hashes:
            self.outcome(rows.source, "duplicate", rows.hash)
        else:
            self.pending.append(rows)
            self.pending_hashes.add(rows.hash)
        self.tick()

    def outcome(self, source: str, status: str, digest: str = "", stored_as: str | None = None) -> None:
        """A document that was not written ("unchanged", "duplicate")."""
        self.report.outcomes[status] += 1
        self._note(DocumentOutcome(source, status, digest, 0, stored_as))

    def error(self, source: str, message: str) -> None:
        """A source that failed (to read, or to extract): its message goes into the report."""
        self.report.errors.append(message)
        self._note(DocumentOutcome(source, "failed"))

    def _note(self, outcome: DocumentOutcome) -> None:
        if self.report.documents is not None:
            self.report.documents.append(outcome)
        if self.progress:
            self.progress(outcome.source, outcome.status)

    def tick(self) -> None:
        """Commit what is pending if ``commit_every`` seconds went by since the last commit."""
        if self.pending and time.monotonic() - self.since >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        """Write what is pending, in one transaction."""
        pending = self.pending
        if pending:
            try:
                statuses = self.store.write_documents(pending, rewrite=self.rewrite)
            except StoreFull as err:
                raise DiskFull(self.report, [r.source for r in pending], str(err)) from None
            for rows, status in zip(pending, statuses, strict=True):
                self.report.outcomes[status] += 1
                written = status in ("new", "replaced", "reextracted")
                if written:
                    self.report.facts += len(rows.facts)
                    self.report.sentences += len(rows.sentences)
                self._note(DocumentOutcome(rows.source, status, rows.hash, len(rows.facts) if written else 0))
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
