"""Writers of facts, one row per fact: JSON Lines, CSV and Parquet. Each is given an open file."""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from typing import IO, Any

from tipkb.model import FACT_CLASSES, Fact
from tipkb.query import FactRow

# The fields every fact has, in the order the per-type CSV columns put them around the type's own.
_COMMON = ("doc", "year", "evidence", "hedged", "rule", "section")


def own_fields(fact_type: str) -> list[str]:
    """The fields a fact type adds to the common ones (FACTS.md), in declaration order."""
    return [f.name for f in fields(FACT_CLASSES[fact_type]) if f.name not in _COMMON]


def csv_columns(fact_type: str | None) -> list[str]:
    """CSV columns for one fact type; for all types together, every type's fields."""
    if fact_type:
        own = own_fields(fact_type)
    else:
        own = list(dict.fromkeys(name for kind in FACT_CLASSES for name in own_fields(kind)))
    head = ["id"] if fact_type else ["id", "type"]
    return [
        *head,
        "doc",
        "year",
        *own,
        "hedged",
        "rule",
        "section",
        "evidence_start",
        "evidence_end",
        "evidence_text",
    ]


def flat_row(row: FactRow) -> dict[str, Any]:
    """A fact as one flat record: evidence as three columns."""
    out = {"id": row.id, **row.fact.to_dict()}
    ev = out.pop("evidence")
    out.update(evidence_start=ev["start"], evidence_end=ev["end"], evidence_text=ev["text"])
    return out


class JsonLinesExporter:
    """One fact per line, as the extractor prints them (with the stored id)."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file

    def start(self) -> None:
        pass

    def export_item(self, row: FactRow) -> None:
        self.file.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")

    def finish(self) -> None:
        pass


class CsvExporter:
    """One fact per row; lists joined with ';'. Give it the columns of ``csv_columns``."""

    def __init__(self, file: IO[str], columns: list[str]) -> None:
        self.writer = csv.DictWriter(file, fieldnames=columns, extrasaction="ignore", lineterminator="\n")

    def start(self) -> None:
        self.writer.writeheader()

    def export_item(self, row: FactRow) -> None:
        record = flat_row(row)
        self.writer.writerow(
            {k: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in record.items()}
        )

    def finish(self) -> None:
        pass


def _arrow_schema() -> Any:
    import pyarrow as pa

    text, ints, floats, lists = pa.string(), pa.int64(), pa.float64(), pa.list_(pa.string())
    return pa.schema(
        [
            ("id", ints),
            ("type", text),
            ("doc", text),
            ("year", ints),
            ("country", text),
            ("role", text),
            ("extent", text),
            ("origin", text),
            ("destination", text),
            ("via", lists),
            ("victims", lists),
            ("exploitation", lists),
            ("sectors", lists),
            ("instrument", text),
            ("month", ints),
            ("tier", text),
            ("fully_meets", pa.bool_()),
            ("significant_efforts", pa.bool_()),
            ("metric", text),
            ("value", ints),
            ("amount", floats),
            ("currency", text),
            ("purpose", text),
            ("articles", lists),
            ("min_years", floats),
            ("max_years", floats),
            ("hedged", pa.bool_()),
            ("rule", text),
            ("section", text),
            ("evidence_start", ints),
            ("evidence_end", ints),
            ("evidence_text", text),
        ]
    )


class ParquetExporter:
    """All facts in one table: a column for every field of every type (null where a type has none);
    ``exploitation`` is a list for statistics too. Written in row groups of ``batch`` facts."""

    def __init__(self, file: IO[bytes], batch: int = 50_000) -> None:
        import pyarrow.parquet as pq

        self.schema = _arrow_schema()
        self.writer = pq.ParquetWriter(file, self.schema)
        self.batch = batch
        self.pending: list[dict[str, Any]] = []

    def start(self) -> None:
        pass

    def export_item(self, row: FactRow) -> None:
        record = flat_row(row)
        fact: Fact = row.fact
        if fact.type == "statistic":
            record["exploitation"] = [record["exploitation"]] if record.get("exploitation") else []
        self.pending.append(record)
        if len(self.pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.pending:
            columns = {name: [r.get(name) for r in self.pending] for name in self.schema.names}
            self.writer.write_table(pa.Table.from_pydict(columns, schema=self.schema))
            self.pending = []

    def finish(self) -> None:
        self._flush()
        self.writer.close()
