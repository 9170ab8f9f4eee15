"""The reading commands: profile, flows, tiers, stats, series, facts, search, conflicts, export. Each
opens the store, calls one function of ``tipkb.query`` or ``tipkb.export``, and prints."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

import typer

from tipkb import query
from tipkb.cli.output import DB_OPTION, FORMAT_OPTION, Format, error, write_rows
from tipkb.cli.root import app
from tipkb.cli.store import (
    EVIDENCE_OPTION,
    YEAR_OPTION,
    YEARS_OPTION,
    _cells,
    _country,
    _failures,
    _Indented,
    _print,
    _print_json,
    _store,
    _years,
)
from tipkb.export import ExportFormat

# -- reading -----------------------------------------------------------------------------------

FLOW_COLUMNS = [
    "origin",
    "destination",
    "victims",
    "exploitation",
    "via",
    "years",
    "hedged",
    "documents",
    "sentences",
]


@app.command("profile")
def profile_command(
    country: str = typer.Argument(
        ..., help="A country: code, name or demonym (KAZ, Kazakhstan, Kazakhstani)."
    ),
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Everything known about a country, with how many documents and sentences support each line.

    Roles by year, tier history, compliance, ratification, penalties, funding, flows out and in by partner, statistics by year; --evidence shows the sentences.
    """
    with _store(db) as store, _failures():
        found = query.profile(store, query.resolve_country(country), evidence=evidence)
    if fmt is Format.json:
        _print_json(found.to_dict())
        return
    sections: list[tuple[str, Sequence[Any], list[str]]] = [
        ("roles", found.roles, ["role", "year", "extents", "documents", "sentences"]),
        ("tiers", found.tiers, ["year", "tier", "documents", "sentences"]),
        ("compliance", found.compliance, ["fields", "years", "documents", "sentences"]),
        ("ratifications", found.ratifications, ["fields", "documents", "sentences"]),
        ("penalties", found.penalties, ["fields", "years", "documents", "sentences"]),
        ("funding", found.funding, ["fields", "years", "documents", "sentences"]),
        ("outbound", found.outbound, ["destination", *FLOW_COLUMNS[2:]]),
        ("inbound", found.inbound, ["origin", *FLOW_COLUMNS[2:]]),
        (
            "statistics",
            found.statistics,
            ["year", "metric", "exploitation", "value", "documents", "sentences"],
        ),
    ]
    if fmt is Format.table:
        region = f", {found.region}" if found.region else ""
        plural = "" if found.documents == 1 else "s"
        typer.echo(f"{found.name} ({found.country}{region}): facts from {found.documents} document{plural}")
        for name, rows, cols in sections:
            if rows:
                _print(rows, fmt, cols, title=f"{name} ({len(rows)})", evidence=evidence)
        return
    flat = []
    for name, rows, _ in sections:
        for row in rows:
            d = {"section": name, **row.to_dict()}
            if not evidence:
                d.pop("evidence", None)
            flat.append(_cells(d, fmt))
    write_rows(flat, fmt)


@app.command("flows")
def flows_command(
    origin: list[str] = typer.Option(
        None, "--from", help="Origin country or region (repeatable: any of them)."
    ),
    destination: list[str] = typer.Option(
        None, "--to", help="Destination country or region (repeatable: any of them)."
    ),
    country: list[str] = typer.Option(
        None, "--country", "-c", help="Either end of the flow (repeatable: any of them)."
    ),
    via: str | None = typer.Option(None, "--via", help="A transit country the flow passes through."),
    year: int | None = YEAR_OPTION,
    years: str | None = YEARS_OPTION,
    victims: list[str] = typer.Option(
        None, "--victims", help="Victims named (repeatable: all of them): men, women, children, girls, boys."
    ),
    exploitation: list[str] = typer.Option(
        None, "--exploitation", help="Exploitation named (repeatable: all of them): sexual, labor, ..."
    ),
    hedged: bool | None = typer.Option(
        None, "--hedged/--no-hedged", help="Only hedged flows / only stated ones."
    ),
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Who is trafficked from where to where, grouped by origin and destination, most documents first."""
    with _failures():
        query.check_choices("victims", victims or [])
        query.check_choices("exploitation", exploitation or [])
        args = {
            "origin": [query.resolve_country(o) for o in origin or ()],
            "destination": [query.resolve_country(d) for d in destination or ()],
            "country": [query.resolve_country(c) for c in country or ()],
            "via": _country(via),
            "years": _years(years),
        }
    with _store(db) as store, _failures():
        rows = query.flows(
            store,
            year=year,
            victims=victims or (),
            exploitation=exploitation or (),
            hedged=hedged,
            evidence=evidence,
            **args,  # type: ignore[arg-type]
        )
    cols = (
        FLOW_COLUMNS
        if fmt is Format.table
        else ["origin", "origin_name", "destination", "destination_name", *FLOW_COLUMNS[2:]]
    )
    _print(rows, fmt, cols, title=f"flows ({len(rows)})", evidence=evidence)


@app.command("tiers")
def tiers_command(
    year: int | None = YEAR_OPTION,
    years: str | None = YEARS_OPTION,
    country: list[str] = typer.Option(
        None, "--country", "-c", help="Only this country (repeatable: any of them)."
    ),
    tier: list[str] = typer.Option(
        None, "--tier", "-t", help="Only this tier (repeatable: any of them): 1, 2, 2WL, 3, special."
    ),
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Tier placements (TIP report) by country and year."""
    with _failures():
        codes = [query.resolve_country(c, regions=False) for c in country or ()]
        span = _years(years)
        tiers = [query.normalise_tier(t) for t in tier or ()]
    with _store(db) as store, _failures():
        rows = query.tiers(store, year=year, years=span, country=codes, tier=tiers, evidence=evidence)
    cols = ["name", "country", "year", "tier", "documents", "sentences"]
    _print(rows, fmt, cols, title=f"tiers ({len(rows)})", evidence=evidence)


@app.command("stats")
def stats_command(
    country: str = typer.Argument(..., help="A country: code, name or demonym."),
    metric: str | None = typer.Option(
        None, "--metric", "-m", help="investigations, prosecutions, convictions, ..."
    ),
    year: int | None = YEAR_OPTION,
    years: str | None = YEARS_OPTION,
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """A country's statistics (investigations, prosecutions, convictions, victims) by year."""
    with _failures():
        code, span = query.resolve_country(country, regions=False), _years(years)
        query.check_choices("metric", [metric] if metric else [])
    with _store(db) as store, _failures():
        rows = query.stats(store, code, metric=metric, year=year, years=span, evidence=evidence)
    cols = ["year", "metric", "scope", "exploitation", "value", "documents", "sentences"]
    shown = [_Indented(r) for r in rows] if fmt is Format.table else list(rows)
    _print(shown, fmt, cols, title=f"{query.place_name(code)}: statistics ({len(rows)})", evidence=evidence)


@app.command("series")
def series_command(
    metric: str = typer.Option(
        "prosecutions",
        "--metric",
        "-m",
        help="investigations, prosecutions, convictions, victims_identified, ...",
    ),
    countries: list[str] = typer.Option(
        [], "--country", "-c", help="Only these countries (repeat the option)."
    ),
    years: str | None = YEARS_OPTION,
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """A law-enforcement series: countries x years of one metric, each cell a year's total.

    table and csv give one row per country and a column per year (for Excel or R); json and jsonl give
    one cell per line (country, year, value, the other values stated, documents; with --evidence, the
    sentences). Parts and figures over several years are never cells.
    """
    with _failures():
        codes = [c for c in (query.resolve_country(n, regions=False) for n in countries) if c]
        span = _years(years)
        query.check_choices("metric", [metric])
    with _store(db) as store, _failures():
        cells = query.series(store, metric, countries=codes, years=span, evidence=evidence)
    if fmt in (Format.json, Format.jsonl):
        _print(cells, fmt, [], evidence=evidence)
        return
    all_years = sorted({c.year for c in cells})
    by_country: dict[str, dict[str, Any]] = {}
    for cell in cells:
        row = by_country.setdefault(cell.country, {"country": cell.country, "name": cell.name})
        row[str(cell.year)] = f"{cell.value}*" if cell.also and fmt is Format.table else cell.value
    cols = ["country", "name", *(str(y) for y in all_years)]
    title = f"{metric} by country and year ({len(by_country)} countries; * another value is also stated)"
    write_rows(list(by_country.values()), fmt, cols, title=title)


@app.command("facts")
def facts_command(
    fact_type: str | None = typer.Option(
        None, "--type", "-t", help="Only this fact type (role, flow, tier, ...)."
    ),
    country: str | None = typer.Option(None, "--country", "-c", help="A country (either end, for flows)."),
    year: int | None = YEAR_OPTION,
    years: str | None = YEARS_OPTION,
    doc: str | None = typer.Option(
        None, "--doc", "-d", help="Only this document (source, file name or its stem)."
    ),
    limit: int | None = typer.Option(None, "--limit", "-n", min=0, help="At most this many facts."),
    evidence: bool = EVIDENCE_OPTION,
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Stored facts, one per line, with filters.

    json and jsonl give each fact as `tipkb extract` does, with its stored id.
    """
    with _failures():
        code, span = _country(country), _years(years)
    with _store(db) as store, _failures():
        rows = query.facts(
            store, fact_type=fact_type, country=code, year=year, years=span, doc=doc, limit=limit
        )
    if fmt in (Format.json, Format.jsonl):
        write_rows((r.to_dict() for r in rows), fmt)
        return
    table = [
        {
            "id": r.id,
            "type": r.fact.type,
            "doc": PurePath(r.fact.doc).name,
            "year": r.fact.year,
            "fact": r.summary,
            "hedged": r.fact.hedged,
            "evidence": r.fact.evidence.text,
        }
        for r in rows
    ]
    cols = ["type", "doc", "year", "fact", "hedged"] + (["evidence"] if evidence else [])
    if fmt is Format.csv:
        cols = ["id", *cols]
    write_rows([_cells(t, fmt) for t in table], fmt, cols, title=f"facts ({len(rows)})")


@app.command("search")
def search_command(
    words: list[str] = typer.Argument(..., help='Words to find (all of them); "a phrase" in quotes.'),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many sentences."),
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Full-text search over the stored sentences, best match first, matched words highlighted."""
    with _store(db) as store, _failures():
        rows = query.search(store, " ".join(words), limit=limit)
    if fmt is not Format.table:
        write_rows(rows.to_dicts(), fmt, None)
        return
    from rich.markup import escape

    table = []
    for r in rows:
        parts = escape(r.highlighted).split("**")
        marked = "".join(f"[bold yellow]{p}[/]" if i % 2 else p for i, p in enumerate(parts))
        where = escape(PurePath(r.document).name) + (
            f" and {r.documents - 1:,} more" if r.documents > 1 else ""
        )
        table.append({"document": where, "sentence": marked, "score": f"{r.score:.2f}"})
    plural = "" if len(rows) == 1 else "s"
    write_rows(table, fmt, ["document", "sentence", "score"], title=f"{len(rows)} sentence{plural}")


@app.command("conflicts")
def conflicts_command(
    country: str | None = typer.Option(None, "--country", "-c", help="Only this country."),
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Facts that disagree across documents, each side with the sentences that state it.

    Two tiers for one country and year, two ratification dates for one country, two values of one statistic (country, metric, year, exploitation).
    """
    with _failures():
        code = _country(country, regions=False)
    with _store(db) as store, _failures():
        rows = query.conflicts(store, country=code)
    if fmt in (Format.json, Format.jsonl):
        write_rows(rows.to_dicts(), fmt)
        return
    flat = []
    for i, row in enumerate(rows, 1):
        what = (
            row.kind
            + (f" {row.metric}" if row.metric else "")
            + (f" ({row.exploitation})" if row.exploitation else "")
        )
        for side in row.sides:
            flat.append(
                _cells(
                    {
                        "conflict": i,
                        "country": row.country,
                        "what": what,
                        "year": row.year,
                        "value": side.value,
                        "documents": side.documents,
                        "evidence": [e.to_dict() for e in side.evidence],
                    },
                    fmt,
                )
            )
    cols = ["conflict", "country", "what", "year", "value", "documents", "evidence"]
    write_rows(flat, fmt, cols, title=f"conflicts ({len(rows)})")


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="Export format.", case_sensitive=False),
    output: str = typer.Option(
        ..., "--output", "-o", help="File to write (a directory for CSV without --type)."
    ),
    fact_type: str | None = typer.Option(
        None, "--type", "-t", help="Only this fact type (csv, jsonl, parquet)."
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Write the knowledge base: facts as csv, jsonl, parquet; the flow network as graphml, gexf, geojson.

    CSV writes one file per fact type into the directory -o names, or one file with --type. Graph formats have the places as nodes and the flows as edges weighted by the number of documents stating them.
    """
    from tipkb.export import ExportError, export

    with _store(db) as store:
        try:
            count = export(store, fmt.value, output, fact_type)
        except ExportError as err:
            error(str(err))
            raise typer.Exit(2 if err.usage else 1) from None
        except OSError as err:
            error(f"cannot write {output}: {err.strerror or err}")
            raise typer.Exit(1) from None
    what = "flows" if fmt.value in ("graphml", "gexf", "geojson") else "facts"
    typer.echo(f"wrote {count:,} {what} to {output}", err=True)
