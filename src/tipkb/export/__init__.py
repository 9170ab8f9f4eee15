"""Exports of the knowledge base, one small writer class per format.

``export(store, fmt, path)`` writes a whole store: facts as CSV (a file per fact type in a directory, or one
file with ``fact_type``), JSON Lines or Parquet; the flow network as GraphML, GEXF or GeoJSON. Files are
written beside their target and renamed into place, so a failed export leaves nothing half written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tipkb import query
from tipkb.export.facts import CsvExporter, JsonLinesExporter, ParquetExporter, csv_columns
from tipkb.export.graph import GeoJsonExporter, GraphExporter
from tipkb.model import FACT_TYPES

if TYPE_CHECKING:
    from tipkb.store import Store

__all__ = [
    "FACT_FORMATS",
    "FORMATS",
    "GRAPH_FORMATS",
    "CsvExporter",
    "ExportError",
    "ExportFormat",
    "GeoJsonExporter",
    "GraphExporter",
    "JsonLinesExporter",
    "ParquetExporter",
    "export",
]

FACT_FORMATS = ("csv", "jsonl", "parquet")
GRAPH_FORMATS = ("graphml", "gexf", "geojson")
FORMATS = FACT_FORMATS + GRAPH_FORMATS


class ExportFormat(StrEnum):
    """The export formats, as the CLI's --format and the API's ``format`` parameter take them."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"


assert tuple(ExportFormat) == FORMATS
# The optional packages each format needs, and the extra that installs them.
_NEEDS = {"parquet": "pyarrow", "graphml": "networkx", "gexf": "networkx"}


class ExportError(Exception):
    """An export that cannot be made; ``usage`` when the request itself is wrong."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@contextmanager
def _replacing(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write that becomes ``path`` only when the block succeeds."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        f: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with f:
            yield f
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check(fmt: str, path: Path, fact_type: str | None) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}", usage=True)
    if fact_type is not None:
        if fact_type not in FACT_TYPES:
            raise ExportError(
                f"unknown fact type {fact_type!r}; choose from {', '.join(FACT_TYPES)}", usage=True
            )
        if fmt in GRAPH_FORMATS:
            raise ExportError(f"--type applies to {', '.join(FACT_FORMATS)}, not {fmt}", usage=True)
    module = _NEEDS.get(fmt)
    if module:
        try:
            __import__(module)
        except ImportError:
            raise ExportError(f"{fmt} export needs {module}: pip install 'tipkb[export]'") from None
    directory = fmt == "csv" and fact_type is None
    if directory and path.exists() and not path.is_dir():
        raise ExportError(
            f"{path} is a file: CSV of every fact type is a directory (or give --type)", usage=True
        )
    if not directory and path.is_dir():
        raise ExportError(f"{path} is a directory, not a file", usage=True)
    parent = path if directory and path.exists() else path.parent
    if not parent.exists():
        raise ExportError(f"directory {parent} does not exist")


def export(store: Store, fmt: str, path: str | os.PathLike[str], fact_type: str | None = None) -> int:
    """Write the store in a format; returns how many facts (or, for graph formats, flows) were written."""
    target = Path(path)
    _check(fmt, target, fact_type)
    if fmt in GRAPH_FORMATS:
        return _export_graph(store, fmt, target)
    if fmt == "csv" and fact_type is None:
        target.mkdir(exist_ok=True)
        return sum(_export_facts(store, fmt, target / f"{kind}.csv", kind) for kind in FACT_TYPES)
    return _export_facts(store, fmt, target, fact_type)


def _export_facts(store: Store, fmt: str, path: Path, fact_type: str | None) -> int:
    count = 0
    with _replacing(path, binary=fmt == "parquet") as f:
        writer: CsvExporter | JsonLinesExporter | ParquetExporter
        if fmt == "csv":
            writer = CsvExporter(f, csv_columns(fact_type))
        elif fmt == "jsonl":
            writer = JsonLinesExporter(f)
        else:
            writer = ParquetExporter(f)
        writer.start()
        for row in query.iter_facts(store, fact_type):
            writer.export_item(row)
            count += 1
        writer.finish()
    return count


def _export_graph(store: Store, fmt: str, path: Path) -> int:
    flows = query.flows(store)
    with _replacing(path, binary=fmt != "geojson") as f:
        writer = GeoJsonExporter(f) if fmt == "geojson" else GraphExporter(f, fmt)
        writer.start()
        for place in query.places(store):
            writer.export_item(place)
        for flow in flows:
            writer.export_item(flow)
        writer.finish()
    return len(flows)
