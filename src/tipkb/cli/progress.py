"""What ``ingest`` and ``reextract`` show while they run: a Rich progress bar on a terminal once a run
lasts longer than a moment, each document's outcome with ``-v``, nothing otherwise (the one-line summary
at the end says what was done)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

# A run shorter than this shows no bar: it would only flicker.
SHOW_AFTER_SECONDS = 1.0


class IngestProgress:
    """The ``progress`` callback of an ingest, and the bar it drives (a context manager).

    ``total``: the files (or stored documents) the run will go through, when known; a document split out
    of a report (``FILE#key``) advances the bar once for its file. ``terminal``: draw the bar (default:
    when ``stream`` is a terminal). ``verbose``: one line per document as well.
    """

    def __init__(
        self,
        total: int | None = None,
        *,
        what: str = "files",
        verbose: bool = False,
        stream: TextIO | None = None,
        terminal: bool | None = None,
        show_after: float = SHOW_AFTER_SECONDS,
    ) -> None:
        self.console = Console(file=stream, stderr=stream is None, force_terminal=terminal, highlight=False)
        self.verbose = verbose
        self.enabled = self.console.is_terminal if terminal is None else terminal
        self.show_after = show_after
        self.outcomes: Counter[str] = Counter()
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._shown = False
        self._started = time.monotonic()
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn() if total else TextColumn(""),
            TextColumn(what),
            TextColumn("[dim]{task.fields[outcomes]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self._task = self._bar.add_task("ingest", total=total, outcomes="")

    def __enter__(self) -> IngestProgress:
        self._started = time.monotonic()
        if self.enabled:
            self._timer = threading.Timer(self.show_after, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._shown:
                self._bar.stop()
                self._shown = False

    @property
    def shown(self) -> bool:
        """Whether the bar was drawn (the run lasted longer than ``show_after``)."""
        return self._shown

    def _show(self) -> None:
        with self._lock:
            if not self._shown:
                self._bar.start()
                self._shown = True

    def __call__(self, source: str, status: str) -> None:
        """One document done: ``status`` is its outcome (new, replaced, unchanged, failed, ...)."""
        with self._lock:
            self.outcomes[status] += 1
            if self.verbose:
                self.console.print(f"{status:>10}  {source}", markup=False, highlight=False)
            unit = source.split("#", 1)[0]
            advance = 0 if unit in self._seen else 1
            self._seen.add(unit)
            counts = ", ".join(f"{n:,} {k}" for k, n in sorted(self.outcomes.items()))
            self._bar.update(self._task, advance=advance, outcomes=counts)
