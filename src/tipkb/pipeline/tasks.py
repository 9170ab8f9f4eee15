"""The work the parallel engines (pool, dask) hand out: one task per file, analysed in a worker, and how
the writer takes its results.

A worker reads a file, splits it if it is a whole report, and analyses each document whose text is not
already stored at its source. The calling process is the one writer (``BatchWriter``): it commits whole
documents in order of completion, so the store sees exactly what the local engine would write.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from tipkb.model import Document
from tipkb.pipeline.analyse import analyse
from tipkb.pipeline.sources import File, Source, read_file
from tipkb.pipeline.write import BatchWriter
from tipkb.read import ReadError, iter_paths, read_document
from tipkb.store import DocumentRows, Store, content_hash

__all__ = ["Result", "Task", "analyse_file", "stored_index", "take", "tasks_of"]


@dataclass
class Result:
    """What a worker made of one document: the rows that store it, or "unchanged" (stored already), or an
    error."""

    source: str
    rows: DocumentRows | None = None
    unchanged: bool = False
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Task:
    """One file to read and analyse (or one document already read, from standard input).

    ``path`` names the documents (their source, as the local engine names them); ``location`` is where
    the worker reads it (absolute). ``known``: the stored hash of each of its sources.
    """

    number: int
    path: str
    location: str
    known: dict[str, str] = field(default_factory=dict)
    document: Document | None = None
    attempts: int = 0
    # Sources already received from an earlier attempt (not counted twice).
    seen: set[str] = field(default_factory=set)


def _documents(task: Task) -> Iterator[Document | ReadError]:
    if task.document is not None:
        return iter([task.document])
    return read_file(task.path, task.location)


def analyse_file(task: Task) -> Iterator[Result]:
    """Read a task's file and analyse each of its documents not stored already (as ``ingest`` would)."""
    for doc in _documents(task):
        if isinstance(doc, ReadError):
            yield Result(doc.source, error=str(doc))
            continue
        warnings = list(doc.meta.get("warnings", []))
        digest = content_hash(doc.text)
        if task.known.get(doc.source) == digest:
            yield Result(doc.source, unchanged=True, warnings=warnings)
            continue
        try:
            rows = analyse(doc, digest).rows()
        except Exception as err:  # an extractor bug fails this document, not the run
            yield Result(doc.source, error=f"{doc.source}: extraction failed: {type(err).__name__}: {err}")
            continue
        yield Result(doc.source, rows=rows, warnings=warnings)


def stored_index(store: Store) -> dict[str, dict[str, str]]:
    """Stored (source -> hash), grouped by the part of the source before any ``#`` (a report's file)."""
    index: dict[str, dict[str, str]] = defaultdict(dict)
    for source, digest, _ruleset in store.documents():
        index[source.split("#", 1)[0]][source] = digest
    return index


def _paths(sources: Iterable[Source]) -> Iterator[tuple[str, str | None, Document | None, ReadError | None]]:
    """(name, location, document, error) for each file (or document) of the sources."""
    for source in sources:
        if isinstance(source, Document):
            yield source.source, "-", source, None
        elif isinstance(source, File):
            yield source.name, source.location, None, None
        else:
            for path, error in iter_paths([source]):
                yield path, None, None, error


def tasks_of(
    sources: Iterable[Source], writer: BatchWriter, index: Mapping[str, dict[str, str]]
) -> Iterator[Task]:
    """A task per file of the sources; sources that give nothing are reported to the writer."""
    for number, (path, location, document, error) in enumerate(_paths(sources)):
        if error is not None:
            writer.error(error.source, str(error))
            continue
        if path == "-" and document is None:
            try:
                document = read_document("-")
            except ReadError as err:
                writer.error(err.source, str(err))
                continue
        stored = index.get(path.split("#", 1)[0], {})
        known = {s: h for s, h in stored.items() if s == path or s.startswith(path + "#")}
        if location is None:
            location = path if path == "-" else os.path.abspath(path)
        yield Task(number, path, location, known, document)


def take(writer: BatchWriter, task: Task, result: Result) -> None:
    """Hand one worker result to the writer (once per source, whatever the attempts)."""
    if result.source in task.seen:
        return
    task.seen.add(result.source)
    writer.report.warnings.extend(result.warnings)
    if result.error is not None:
        writer.error(result.source, result.error)
    elif result.rows is not None:
        task.known[result.source] = result.rows.hash  # a retry skips it
        writer.add(result.rows)
    else:
        writer.outcome(result.source, "unchanged")
