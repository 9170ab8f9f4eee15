"""The export view: the whole knowledge base written to a file for download (``api`` sends it and
removes its folder afterwards)."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tipkb import query
from tipkb.web.stores import Stores

MEDIA = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "graphml": "application/xml",
    "gexf": "application/xml",
    "geojson": "application/geo+json",
}


@dataclass(frozen=True)
class Download:
    """An export written to ``path`` (in its own temporary ``folder``), with its media type."""

    path: Path
    media_type: str
    folder: Path


def export_download(stores: Stores, fmt: str, fact_type: str | None) -> Download:
    """Facts as CSV (a ZIP of one file per type, or one file of ``fact_type``), JSON Lines or Parquet;
    the flow network as GraphML, GEXF or GeoJSON. A format that cannot be written: QueryError."""
    from tipkb.export import ExportError
    from tipkb.export import export as write_export

    folder = Path(tempfile.mkdtemp(prefix="tipkb-export-"))
    name = "tipkb" + (f"-{fact_type}" if fact_type else "")
    try:
        if fmt == "csv" and fact_type is None:
            write_export(stores.get(), fmt, folder / name)
            archive = folder / f"{name}-csv.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted((folder / name).iterdir()):
                    z.write(f, f"{name}/{f.name}")
            return Download(archive, "application/zip", folder)
        target = folder / f"{name}.{fmt}"
        write_export(stores.get(), fmt, target, fact_type)
    except ExportError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise query.QueryError(str(err)) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Download(target, MEDIA[fmt], folder)
