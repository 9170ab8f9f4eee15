"""The ingest pipeline: read -> split -> analyse -> write, one ``ingest`` for the CLI, uploads and
``reextract``.

Idempotent: a document whose text is already stored is skipped before extraction; one at a stored source
with new text replaces the old one. A run killed at any moment leaves only whole documents behind.

Steps, one module each: ``sources`` (read and split), ``analyse``, ``write`` (the one writer, committing
whole documents in batches). Engines, one module each: ``local`` (this process), ``pool`` (local worker
processes), ``dask`` (a Dask cluster); in every case this process is the one writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from tipkb.model import Document
from tipkb.pipeline.analyse import analyse, current_ruleset
from tipkb.pipeline.sources import File, Source, read_file, read_sources
from tipkb.pipeline.write import (
    COMMIT_SECONDS,
    BatchWriter,
    DiskFull,
    DocumentOutcome,
    IngestReport,
    Interrupted,
    Progress,
)
from tipkb.store import Store

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "COMMIT_SECONDS",
    "DiskFull",
    "DocumentOutcome",
    "Engine",
    "File",
    "IngestReport",
    "Interrupted",
    "Progress",
    "Source",
    "analyse",
    "current_ruleset",
    "ingest",
    "read_file",
    "read_sources",
    "reextract",
]

Engine = Literal["local", "pool", "dask"]


def ingest(
    store: Store,
    sources: Iterable[Source],
    engine: Engine = "local",
    *,
    jobs: int = 1,
    scheduler: str | Client | None = None,
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
    rewrite: bool = False,
    outcomes: bool = False,
    window: int | None = None,
) -> IngestReport:
    """Read, split, analyse and store every document of the sources, each document whole.

    ``sources``: paths (files, directories, "-"), ``File``s named apart from where they are, or
    ``Document``s already read. ``engine``: "local" (this process; with ``jobs`` > 1 it is "pool"),
    "pool" (``jobs`` worker processes) or "dask" (``scheduler``, or a local cluster of ``jobs`` workers);
    this process writes, committing documents in order of completion every ``commit_every`` seconds.
    ``rewrite``: analyse and write again documents already stored with the same text (re-extraction).
    ``outcomes``: keep each document's outcome in ``IngestReport.documents``. Ctrl-C stops at a safe
    point and raises ``Interrupted``, with everything extracted so far committed.
    """
    writer = BatchWriter(store, progress, commit_every, rewrite=rewrite, outcomes=outcomes)
    if engine == "dask":
        from tipkb.pipeline.dask import ingest_dask

        return ingest_dask(writer, sources, scheduler, jobs=max(jobs, 1), window=window)
    if engine == "pool" or jobs > 1:
        from tipkb.pipeline.pool import ingest_pool

        return ingest_pool(writer, sources, max(jobs, 1))
    from tipkb.pipeline.local import ingest_local

    return ingest_local(writer, read_sources(sources))


def _stored_documents(store: Store, everything: bool) -> Iterator[Document]:
    ruleset = None if everything else current_ruleset()
    for source, _hash, _ruleset in store.documents(stale_for=ruleset):
        stored = store.document(source)
        if stored is None:  # removed meanwhile
            continue
        text, title = stored
        yield Document(text=text, source=source, meta={"title": title} if title else {})


def reextract(
    store: Store,
    everything: bool = False,
    progress: Progress | None = None,
    engine: Engine = "local",
    jobs: int = 1,
) -> IngestReport:
    """Run the current rules again over stored documents extracted by other rules (or all of them)."""
    return ingest(
        store, _stored_documents(store, everything), engine, jobs=jobs, progress=progress, rewrite=True
    )
