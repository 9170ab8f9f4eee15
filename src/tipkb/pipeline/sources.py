"""The pipeline's read and split steps: what to ingest (paths, files named apart from where they are,
documents already read) as documents, a whole annual report split into its country narratives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tipkb.model import Document
from tipkb.read import ReadError, iter_paths, read_document
from tipkb.split import split_if_report

__all__ = ["File", "Source", "read_file", "read_sources"]


@dataclass(frozen=True)
class File:
    """A file read at ``location`` whose documents are named after ``name`` (an upload kept in a temporary
    file is named ``uploads/NAME``)."""

    name: str
    location: str


# What ingest takes: a path (a file, a directory of them, or "-" for standard input), a File, or a
# Document already read (stored as it is, not split).
Source = str | File | Document


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
    yield from split_if_report(doc)


def read_sources(sources: Iterable[Source]) -> Iterator[Document | ReadError]:
    """Every document of the sources in order (``read_file`` for each file), or a ReadError in place of
    what cannot be read."""
    for source in sources:
        if isinstance(source, Document):
            yield source
        elif isinstance(source, File):
            yield from read_file(source.name, source.location)
        else:
            for path, error in iter_paths([source]):
                if error is not None:
                    yield error
                else:
                    yield from read_file(path)
