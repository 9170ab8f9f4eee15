"""``tipkb extract``: print the facts in documents."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath
from typing import Any

import typer

from tipkb.cli.output import FORMAT_OPTION, Format, error, write_rows
from tipkb.cli.root import app
from tipkb.model import FACT_TYPES, Fact
from tipkb.read import ReadError, iter_documents

# Columns of the readable table, per fact type.
TABLE_COLUMNS: dict[str, list[str]] = {
    "role": ["country", "role", "extent", "year"],
    "flow": ["origin", "destination", "via", "victims", "exploitation", "sectors", "year", "hedged"],
    "ratification": ["country", "year", "month"],
    "tier": ["country", "year", "tier"],
    "compliance": ["country", "fully_meets", "significant_efforts", "year"],
    "statistic": ["country", "metric", "value", "exploitation", "year"],
    "funding": ["country", "amount", "currency", "purpose", "year"],
    "penalty": ["country", "articles", "min_years", "max_years"],
}


@app.command("extract")
def extract_command(
    paths: list[str] = typer.Argument(
        ..., help="Text, Markdown, HTML or PDF files, directories of them, or - for stdin."
    ),
    fmt: Format = FORMAT_OPTION,
    fact_type: list[str] = typer.Option(None, "--type", "-t", help="Only these fact types (repeatable)."),
    evidence: bool = typer.Option(False, "--evidence", help="Show each fact's sentence in the table."),
) -> None:
    """Extract facts from narratives and print them (table by default, or json/jsonl/csv)."""
    from tipkb.extract import extract_document

    wanted = set(fact_type or FACT_TYPES)
    unknown = wanted - set(FACT_TYPES)
    if unknown:
        raise typer.BadParameter(
            f"unknown fact type {sorted(unknown)[0]!r}; choose from {', '.join(FACT_TYPES)}"
        )
    failed = 0
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in iter_documents(paths):
        if isinstance(item, ReadError):
            error(str(item))
            failed += 1
            continue
        for warning in item.meta.get("warnings", []):
            error(f"warning: {warning}")
        facts = [f for f in extract_document(item) if f.type in wanted]
        if fmt is Format.jsonl:
            write_rows((f.to_dict() for f in facts), fmt)
            continue
        for fact in facts:
            grouped[fact.type].append(_row(fact, fmt, evidence))
    if fmt is Format.json:
        write_rows([row for kind in FACT_TYPES for row in grouped.get(kind, [])], fmt)
    elif fmt is Format.csv:
        fields = dict.fromkeys(c for cs in TABLE_COLUMNS.values() for c in cs if c not in ("year", "hedged"))
        cols = [
            "type",
            "doc",
            "year",
            *fields,
            "hedged",
            "rule",
            "evidence_start",
            "evidence_end",
            "evidence_text",
        ]
        write_rows([row for kind in FACT_TYPES for row in grouped.get(kind, [])], fmt, cols)
    elif fmt is Format.table:
        for kind in FACT_TYPES:
            rows = grouped.get(kind)
            if rows:
                cols = ["doc", *TABLE_COLUMNS[kind]] + (["evidence"] if evidence else [])
                write_rows(rows, fmt, cols, title=f"{kind} ({len(rows)})")
    if failed:
        raise typer.Exit(1)


def _row(fact: Fact, fmt: Format, evidence: bool) -> dict[str, Any]:
    row = fact.to_dict()
    if fmt is Format.csv:
        ev = row.pop("evidence")
        row.update(evidence_start=ev["start"], evidence_end=ev["end"], evidence_text=ev["text"])
    elif fmt is Format.table:
        row["doc"] = PurePath(row["doc"]).name
        row["evidence"] = row["evidence"]["text"] if evidence else None
    return row
