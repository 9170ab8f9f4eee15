"""A folder's manifest: what is known of its documents that their text may not say.

A tab-separated file named ``sources.tsv`` (or ending in ``sources.tsv``: ``dsources.tsv``) in the
folder of a document, with a header row, lists documents by file name (column ``file``) and may give:

- ``report_year``: the year of the report a document belongs to (a narrative excerpt often states
  none); extraction then uses it as the document's report year, before any the text itself shows;
- ``url`` and ``source_kind`` (e.g. ``usdos``, ``wikipedia``): kept in the document's ``meta``.

Other columns are ignored. A manifest that cannot be read, or a value that is not a year, gives a
warning on the documents it would describe, never an error.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["manifest_meta"]

MANIFEST_SUFFIX = "sources.tsv"
_KEPT = ("url", "source_kind")


def manifest_meta(path: Path) -> dict[str, Any]:
    """What the manifest of ``path``'s folder says of it: ``report_year``, ``url``, ``source_kind`` and
    any ``warnings`` ({} when no manifest names it)."""
    folder = path.parent
    try:
        manifests = sorted(f for f in folder.iterdir() if f.name.endswith(MANIFEST_SUFFIX) and f.is_file())
    except OSError:
        return {}
    for manifest in manifests:
        try:
            stamp = manifest.stat().st_mtime_ns
        except OSError:
            continue
        rows, problem = _read(str(manifest), stamp)
        if problem:
            return {"warnings": [f"{manifest}: {problem}; not used"]}
        row = rows.get(path.name)
        if row is not None:
            return _meta(manifest, row)
    return {}


def _meta(manifest: Path, row: dict[str, str]) -> dict[str, Any]:
    meta: dict[str, Any] = {k: row[k].strip() for k in _KEPT if (row.get(k) or "").strip()}
    year = (row.get("report_year") or "").strip()
    if year:
        if year.isdecimal() and 1900 <= int(year) <= 2100:
            meta["report_year"] = int(year)
        else:
            meta["warnings"] = [f"{manifest}: report_year {year!r} for {row['file']} is not a year; not used"]
    return meta


@lru_cache(maxsize=32)
def _read(manifest: str, stamp: int) -> tuple[dict[str, dict[str, str]], str | None]:
    """The manifest's rows by file name, or the problem that makes it unusable (``stamp``: its
    modification time, so that an edited manifest is read again)."""
    try:
        text = Path(manifest).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return {}, f"cannot read ({type(err).__name__})"
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    if not reader.fieldnames or "file" not in reader.fieldnames:
        return {}, "no 'file' column in its header row"
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        name = (row.get("file") or "").strip()
        if name:
            rows[Path(name).name] = {
                **{k: v or "" for k, v in row.items() if isinstance(k, str)},
                "file": name,
            }
    return rows, None
