"""The local engine: read, analyse and write in this one process."""

from __future__ import annotations

from collections.abc import Iterable

from tipkb.model import Document
from tipkb.pipeline.analyse import analyse
from tipkb.pipeline.write import BatchWriter, IngestReport, stop_on_sigint
from tipkb.read import ReadError
from tipkb.store import content_hash

__all__ = ["ingest_local"]


def ingest_local(writer: BatchWriter, items: Iterable[Document | ReadError]) -> IngestReport:
    """Analyse and write documents already read (a ReadError is reported in its place).

    Documents are committed together once the writer's ``commit_every`` seconds of work are pending (and
    at the end): each is whole in the store or absent. Ctrl-C stops after the document at hand, commits,
    and raises ``Interrupted``.
    """
    store = writer.store
    with stop_on_sigint() as stop:
        for item in items:
            if isinstance(item, ReadError):
                writer.error(item.source, str(item))
            else:
                writer.report.warnings.extend(item.meta.get("warnings", []))
                digest = content_hash(item.text)
                status, stored_as = store.status(item.source, digest)
                skip = status in ("unchanged", "duplicate") and not writer.rewrite
                if skip or digest in writer.pending_hashes:
                    writer.outcome(item.source, "duplicate" if status == "new" else status, digest, stored_as)
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
