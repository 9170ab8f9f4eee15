"""Writing rows as a table (Rich), JSON, JSON Lines or CSV: the one output convention of every command."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO

import typer


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help="Output format.", case_sensitive=False)
DB_OPTION = typer.Option(
    None,
    "--db",
    help="Database: a SQLite path or a postgresql:// URL (default: $TIPKB_DB or ./tipkb.db).",
    show_default=False,
)


def db_url(value: str | None) -> str:
    """The database named by --db, else $TIPKB_DB, else ./tipkb.db."""
    return value or os.environ.get("TIPKB_DB") or "tipkb.db"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return str(value)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: Format,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Write rows in the chosen format; returns how many were written."""
    stream = out or sys.stdout
    count = 0
    if fmt is Format.jsonl:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    items = list(rows)
    if fmt is Format.json:
        json.dump(items, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return len(items)
    cols = list(columns) if columns else list(dict.fromkeys(k for row in items for k in row))
    if fmt is Format.csv:
        writer = csv.DictWriter(stream, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in items:
            writer.writerow({k: _flat(row.get(k)) for k in cols})
        return len(items)
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in cols:
        table.add_column(col.replace("_", " "), overflow="fold")
    for row in items:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    # Piped output has no terminal width to follow: use a wide page rather than Rich's 80 columns.
    width = None if stream.isatty() else int(os.environ.get("COLUMNS", "150"))
    Console(file=stream, soft_wrap=False, width=width).print(table)
    return len(items)


def error(message: str) -> None:
    """One clear line on standard error."""
    typer.echo(f"tipkb: {message}", err=True)
