"""The knowledge-base writing commands: ingest, reextract, status, and the helpers every store command
shares (``tipkb.cli.store_reading`` has the reading ones). Each opens the store, calls one function of
``tipkb.pipeline`` or ``tipkb.query``, and prints."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import typer

from tipkb import query
from tipkb.cli.output import DB_OPTION, FORMAT_OPTION, Format, db_url, error, write_rows
from tipkb.cli.progress import IngestProgress
from tipkb.cli.root import app
from tipkb.store import StoreError, open_store

if TYPE_CHECKING:
    from tipkb.store import Store

EVIDENCE_OPTION = typer.Option(False, "--evidence", "-e", help="Show the sentences that state each line.")
YEAR_OPTION = typer.Option(None, "--year", "-y", help="Only this year.")
YEARS_OPTION = typer.Option(None, "--years", help="Only these years, e.g. 2008-2010.")


@contextmanager
def _failures() -> Iterator[None]:
    """Turn the library's errors into one line on stderr and an exit code (2: usage, 1: otherwise)."""
    try:
        yield
    except query.QueryError as err:
        error(str(err))
        raise typer.Exit(2) from None
    except StoreError as err:
        error(str(err))
        raise typer.Exit(2 if err.usage else 1) from None


@contextmanager
def _store(db: str | None, create: bool = False) -> Iterator[Store]:
    with _failures():
        store = open_store(db_url(db), create=create)
        try:
            yield store
        finally:
            store.close()


def _country(name: str | None, regions: bool = True) -> str | None:
    return query.resolve_country(name, regions) if name else None


def _years(text: str | None) -> query.YearRange | None:
    return query.parse_years(text) if text else None


def _cells(row: dict[str, Any], fmt: Format) -> dict[str, Any]:
    """A row for the chosen format: evidence as text in tables and CSV; markup escaped in tables."""
    out = dict(row)
    ev = out.get("evidence")
    if isinstance(ev, list) and fmt in (Format.table, Format.csv):
        sep = "\n" if fmt is Format.table else " | "
        out["evidence"] = sep.join(f"{PurePath(e['document']).name}: {e['text']}" for e in ev)
    if fmt is Format.table:
        from rich.markup import escape

        for key, value in out.items():
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if isinstance(value, str):
                out[key] = escape(value)
    return out


def _print(
    rows: Sequence[Any], fmt: Format, columns: list[str], title: str | None = None, evidence: bool = False
) -> None:
    """Write result rows; without --evidence the evidence column is left out of every format."""
    dicts = []
    for row in rows:
        d = (_Named(row) if fmt is Format.table else row).to_dict()
        if not evidence:
            d.pop("evidence", None)
        dicts.append(_cells(d, fmt))
    cols = columns + (["evidence"] if evidence else [])
    write_rows(dicts, fmt, cols if fmt in (Format.table, Format.csv) else None, title=title)


def _print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class _Indented:
    """A statistic row for a table: a part indented under its year's total, a figure over several years
    said to be one."""

    def __init__(self, row: query.StatRow) -> None:
        self.row = row

    def to_dict(self) -> dict[str, Any]:
        d = self.row.to_dict()
        if d.get("scope") == "part":
            d["metric"] = f"  └ {d['metric']}"
        elif d.get("scope") == "cumulative":
            d["year"] = "several years"
        return d


class _Named:
    """A row whose places read as names and whose fields read as key=value, for tables."""

    def __init__(self, row: Any) -> None:
        self.row = row

    def to_dict(self) -> dict[str, Any]:
        d = self.row.to_dict()
        for key in ("origin", "destination"):
            if key in d:
                d[key] = d.pop(key + "_name")
        if isinstance(d.get("fields"), dict):
            d["fields"] = ", ".join(f"{k}={_show(v)}" for k, v in d["fields"].items() if v is not None)
        return d


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "/".join(map(str, value))
    return str(value)


# -- writing -----------------------------------------------------------------------------------


def _files(paths: Sequence[str]) -> int | None:
    """How many files the paths name (what the progress bar counts), or None with standard input."""
    from tipkb.read import iter_paths

    if "-" in paths:
        return None
    return sum(1 for _path, problem in iter_paths(paths) if problem is None) or None


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(
        ...,
        help="Text, Markdown, HTML or PDF files, or directories of them (a whole annual report is split).",
    ),
    db: str | None = DB_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print each document as it is stored."),
    commit_every: float = typer.Option(
        0.5, "--commit-every", min=0, help="Seconds of work between commits (0: commit each document)."
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=1, help="Worker processes that read and extract (this one writes)."
    ),
    engine: Engine = typer.Option(
        Engine.local,
        "--engine",
        help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler).",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: the scheduler, e.g. tcp://HOST:8786 (default: a local cluster of --jobs workers).",
    ),
) -> None:
    """Extract the facts of documents and store them, each document whole in one transaction.

    A document whose text is already stored is skipped; a file whose text changed replaces its facts.
    Ctrl-C stops cleanly (what was extracted is kept); the same command then resumes.
    """
    from tipkb.pipeline import DiskFull, IngestReport, Interrupted, ingest

    if scheduler and engine is not Engine.dask:
        error("--scheduler needs --engine dask")
        raise typer.Exit(2)
    report: IngestReport | None = None
    try:
        with _store(db, create=True) as store, IngestProgress(_files(paths), verbose=verbose) as progress:
            report = ingest(
                store,
                paths,
                "dask" if engine is Engine.dask else "local",
                jobs=jobs,
                scheduler=scheduler,
                progress=progress,
                commit_every=commit_every,
            )
    except Interrupted as stopped:
        report = stopped.report
    except KeyboardInterrupt:
        error("interrupted; run the same command again to resume")
        raise typer.Exit(130) from None
    except DiskFull as full:
        for problem in full.report.errors:
            error(problem)
        error(full.explain())
        raise typer.Exit(1) from None
    for warning in report.warnings:
        error(f"warning: {warning}")
    for problem in report.errors:
        error(problem)
    for retried in report.retried:
        error(f"retried: {retried}")
    typer.echo(f"{db_url(db)}: {report.summary()}")
    if report.interrupted:
        error("interrupted; run the same command again to resume")
        raise typer.Exit(130)
    if report.errors:
        raise typer.Exit(1)


@app.command("reextract")
def reextract_command(
    everything: bool = typer.Option(
        False, "--all", help="Every document, not only those extracted by older rules."
    ),
    db: str | None = DB_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print each document as it is stored."),
) -> None:
    """Run the current extraction rules again over stored documents extracted by other rules."""
    from tipkb.pipeline import current_ruleset, reextract

    with _store(db) as store:
        stored = store.counts()["documents"]
        current = current_ruleset()
        todo = stored if everything else sum(n for r, n in store.rulesets() if r != current)
        if not todo:
            plural = "the 1 document is" if stored == 1 else f"all {stored:,} documents are"
            typer.echo(
                f"{db_url(db)}: nothing to do: {plural} up to date "
                "(extracted by the current rules; --all redoes them anyway)"
                if stored
                else f"{db_url(db)}: nothing to do: no documents stored"
            )
            return
        with IngestProgress(todo, what="documents", verbose=verbose) as progress:
            report = reextract(store, everything, progress=progress)
    typer.echo(f"{db_url(db)}: {report.summary()}")


@app.command("status")
def status_command(fmt: Format = FORMAT_OPTION, db: str | None = DB_OPTION) -> None:
    """What the knowledge base holds, and how many documents older rules made (``tipkb reextract``
    runs the current rules over exactly those).

    A rule set is known by its rules' names and a hash of their code and vocabulary data: any change to
    either makes the documents extracted before it stale.
    """
    from tipkb.ruleset import current_ruleset

    current = current_ruleset()
    with _store(db) as store:
        counts = store.counts()
        rulesets = store.rulesets()
    stale = sum(n for ruleset, n in rulesets if ruleset != current)
    rows = [{"ruleset": r, "documents": n, "current": r == current} for r, n in rulesets]
    if fmt is Format.json:
        _print_json({**counts, "stale": stale, "ruleset": current, "rulesets": rows})
        return
    if fmt is Format.table:
        hint = ": run `tipkb reextract`" if stale else ""
        typer.echo(
            f"{db_url(db)}: {counts['documents']:,} documents, {counts['sentences']:,} sentences, "
            f"{counts['facts']:,} facts; {stale:,} stale (extracted by older rules){hint}"
        )
        typer.echo(f"current rules: {current}")
        if not rows:
            return
    write_rows(rows, fmt, ["ruleset", "documents", "current"], title="documents by rule set")
