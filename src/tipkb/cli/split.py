"""``tipkb split``: write a whole annual report's country narratives out, one text file each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from tipkb.cli.output import FORMAT_OPTION, Format, error, write_rows
from tipkb.cli.root import app
from tipkb.read import ReadError, read_document
from tipkb.split import narrative_file_name, narrative_name, narrative_title, split_report


@app.command("split")
def split_command(
    report: str = typer.Argument(..., help="An annual report: PDF, text or HTML (or - for stdin)."),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Directory to write the narratives to (created if missing)."
    ),
    fmt: Format = FORMAT_OPTION,
    title: bool = typer.Option(
        True,
        "--title/--no-title",
        help="Start each file with a line naming the report and country, so the year survives the split.",
    ),
) -> None:
    """Split an annual report into its country narratives: one file each, named like 2010-kazakhstan.txt."""
    try:
        document = read_document(report)
    except ReadError as err:
        error(str(err))
        raise typer.Exit(1) from None
    parts = split_report(document)
    for warning in parts[0].meta.get("warnings", []) if parts else document.meta.get("warnings", []):
        error(f"warning: {warning}")
    if not parts:
        error(
            f"{document.source}: no country narratives found "
            "(headers such as 'KAZAKHSTAN: TIER 2' or 'KAZAKHSTAN (Tier 2)' on a line of their own)"
        )
        raise typer.Exit(1)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        error(f"{out}: cannot create the directory: {err.strerror or err}")
        raise typer.Exit(1) from None
    rows: list[dict[str, Any]] = []
    used: set[str] = set()
    for part in parts:
        name = _unique(narrative_file_name(part), used)
        head = narrative_title(part) if title else None
        path = out / name
        path.write_text(f"{head}\n\n{part.text}\n" if head else f"{part.text}\n", encoding="utf-8")
        pages = part.meta.get("pages")
        first = part.meta.get("first_page")
        rows.append(
            {
                "country": narrative_name(part),
                "code": part.meta.get("subject"),
                "tier": part.meta.get("tier"),
                "characters": len(part.text),
                "pages": _page_span(first, pages),
                "offset": part.meta.get("offset"),
                "file": str(path) if fmt is not Format.table else name,
            }
        )
    year = parts[0].meta.get("report_year")
    write_rows(
        rows,
        fmt,
        ["country", "code", "tier", "characters", "pages", "file"] if fmt is Format.table else None,
        title=f"{len(rows)} narratives" + (f" from the {year} report" if year else "") + f" in {out}",
    )


def _page_span(first: int | None, pages: list[object] | None) -> str | None:
    if not first or not pages:
        return None
    last = first + len(pages) - 1
    return str(first) if last == first else f"{first}-{last}"


def _unique(name: str, used: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    used.add(candidate)
    return candidate
