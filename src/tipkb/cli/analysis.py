"""The analysis commands: ``network`` (the flow graph), ``changes`` (what changed in a year) and ``ask``
(questions in English). Each opens the store, calls one function of ``tipkb.analysis`` and prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import typer

from tipkb import query
from tipkb.cli.output import DB_OPTION, FORMAT_OPTION, Format, db_url, error, write_rows
from tipkb.cli.root import app
from tipkb.store import StoreError, open_store

if TYPE_CHECKING:
    from tipkb.store import Store


@contextmanager
def _opened(db: str | None) -> Iterator[Store]:
    """The store, with the library's errors as one line on stderr and exit 2 (usage) or 1."""
    try:
        store = open_store(db_url(db), create=False)
    except StoreError as err:
        error(str(err))
        raise typer.Exit(2 if err.usage else 1) from None
    try:
        with _usage_errors():
            yield store
    finally:
        store.close()


@contextmanager
def _usage_errors() -> Iterator[None]:
    try:
        yield
    except query.QueryError as err:
        error(str(err))
        raise typer.Exit(2) from None
    except ImportError as err:
        error(str(err))
        raise typer.Exit(1) from None


def _json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _escape(value: Any) -> Any:
    if isinstance(value, str):
        from rich.markup import escape

        return escape(value)
    return value


def _evidence_text(evidence: list[dict[str, Any]], sep: str) -> str:
    return sep.join(f"{PurePath(e['document']).name}: {e['text']}" for e in evidence)


# -- network -----------------------------------------------------------------------------------

PLACE_COLUMNS = [
    "name",
    "code",
    "out_weight",
    "in_weight",
    "betweenness",
    "via_weight",
    "internal",
    "corridor",
]


def _network_rows(report: Any) -> list[dict[str, Any]]:
    """One flat row per listed place, corridor and partner, with the section it is in."""
    rows: list[dict[str, Any]] = []
    for section in ("origins", "destinations", "hubs", "both"):
        for rank, place in enumerate(getattr(report, section), 1):
            rows.append({"section": section, "rank": rank, **place.to_dict()})
    for corridor in report.corridors:
        rows.append(
            {
                "section": "corridors",
                "rank": corridor.id,
                "corridor": corridor.id,
                "weight": corridor.weight,
                "members": corridor.members,
                "name": ", ".join(corridor.names[:8]) + (" ..." if len(corridor.names) > 8 else ""),
                "flows": "; ".join(
                    f"{f['origin']}>{f['destination']} ({f['documents']})" for f in corridor.flows
                ),
            }
        )
    for section in ("upstream", "downstream"):
        for rank, partner in enumerate(getattr(report, section), 1):
            rows.append({"section": section, "rank": rank, **partner.to_dict()})
    return rows


@app.command("network")
def network_command(
    year: int | None = typer.Option(None, "--year", "-y", help="Only flows stated for this year."),
    years: str | None = typer.Option(
        None, "--years", help="Only flows stated for these years, e.g. 2008-2010."
    ),
    exploitation: list[str] = typer.Option(
        None, "--exploitation", help="Only flows naming this exploitation (repeatable): sexual, labor, ..."
    ),
    victims: list[str] = typer.Option(
        None,
        "--victims",
        help="Only flows naming these victims (repeatable): men, women, children, girls, boys.",
    ),
    country: str | None = typer.Option(
        None, "--country", "-c", help="Also list this country's partners upstream and downstream."
    ),
    steps: int = typer.Option(2, "--steps", help="How many flows away partners may be (1-10)."),
    top: int = typer.Option(10, "--top", "-n", help="How many places to list in each ranking."),
    plot: str | None = typer.Option(
        None, "--plot", help="Also draw a flow map and network picture to this .png, .svg or .pdf file."
    ),
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """The flow network: top origins, destinations and transit hubs (weighted degree, betweenness), places
    that are both origin and destination, corridors (communities), and one country's partners."""
    from tipkb.analysis.network import flow_graph, network_report

    with _usage_errors():
        query.check_choices("victims", victims or [])
        query.check_choices("exploitation", exploitation or [])
        code = query.resolve_country(country) if country else None
        span = query.parse_years(years) if years else None
        if plot and PurePath(plot).suffix.lower() not in (".png", ".svg", ".pdf"):
            raise query.QueryError(f"--plot {plot!r}: give a file ending in .png, .svg or .pdf")
    with _opened(db) as store:
        graph = flow_graph(
            store, year=year, years=span, exploitation=exploitation or (), victims=victims or ()
        )
        report = network_report(store, country=code, steps=steps, top=top, graph=graph)
    if plot:
        from tipkb.analysis.plot import PlotError, plot_network

        try:
            plot_network(graph, plot, found=report.corridors)
        except PlotError as err:
            error(str(err))
            raise typer.Exit(2) from None
        except OSError as err:
            error(f"cannot write {plot}: {err.strerror or err}")
            raise typer.Exit(1) from None
        typer.echo(f"wrote {plot}", err=True)
    if fmt is Format.json:
        _json(report.to_dict())
        return
    rows = _network_rows(report)
    if fmt is not Format.table:
        write_rows(rows, fmt)
        return
    within = (
        f" and {report.internal} within one place (internal, kept on the place)" if report.internal else ""
    )
    typer.echo(
        f"{report.places} places, {report.flows} flows between them{within}, from {report.documents} "
        "documents (weights count documents)"
    )
    titles = {
        "origins": "top origins (documents of flows out)",
        "destinations": "top destinations (documents of flows in)",
        "hubs": "transit hubs (flows stated through them, then betweenness)",
        "both": "both origin and destination",
    }
    for section, title in titles.items():
        part = [{k: _escape(v) for k, v in r.items()} for r in rows if r["section"] == section]
        if part:
            write_rows(part, fmt, ["rank", *PLACE_COLUMNS], title=title)
    corridors = [{k: _escape(v) for k, v in r.items()} for r in rows if r["section"] == "corridors"]
    if corridors:
        write_rows(corridors, fmt, ["corridor", "weight", "name", "flows"], title="corridors (communities)")
    for section in ("upstream", "downstream"):
        part = [
            {**r, "path": " → ".join(r["path"]), "name": _escape(r["name"])}
            for r in rows
            if r["section"] == section
        ]
        if part:
            write_rows(
                part, fmt, ["steps", "name", "code", "weight", "path"], title=f"{section} of {report.country}"
            )
    if code and not report.upstream and not report.downstream:
        typer.echo(f"{query.place_name(code)} has no flows with these filters.")


# -- changes -----------------------------------------------------------------------------------

CHANGE_COLUMNS = ["section", "country", "what", "change", "before_year", "before", "after_year", "after"]


@app.command("changes")
def changes_command(
    year: int = typer.Option(..., "--year", "-y", help="The year to look at."),
    country: str | None = typer.Option(None, "--country", "-c", help="Only this country."),
    since: int | None = typer.Option(
        None, "--since", help="Compare with this year (default: each fact's latest earlier year)."
    ),
    evidence: bool = typer.Option(False, "--evidence", "-e", help="Show the sentences on both sides."),
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """What changed in a year: tier upgrades and downgrades, new and vanished flows, statistics that rose
    or fell (with percentages), each with the statements on both sides."""
    from tipkb.analysis.changes import changes

    with _usage_errors():
        code = query.resolve_country(country, regions=False) if country else None
    with _opened(db) as store:
        found = changes(store, year, country=code, since=since)
    if fmt is Format.json:
        _json(found.to_dict())
        return
    rows = found.rows()
    if fmt is Format.jsonl:
        write_rows(rows, fmt)
        return
    sep = "\n" if fmt is Format.table else " | "
    flat = []
    for row in rows:
        out = {k: v for k, v in row.items() if not k.endswith("_evidence") and not k.endswith("_documents")}
        out["before_evidence"] = _evidence_text(row["before_evidence"], sep) or sep.join(
            f"{PurePath(d).name}: (not stated)" for d in row["before_documents"]
        )
        out["after_evidence"] = _evidence_text(row["after_evidence"], sep) or sep.join(
            f"{PurePath(d).name}: (not stated)" for d in row["after_documents"]
        )
        flat.append({k: _escape(v) for k, v in out.items()} if fmt is Format.table else out)
    cols = CHANGE_COLUMNS + (["before_evidence", "after_evidence"] if evidence or fmt is Format.csv else [])
    if fmt is Format.table and not flat:
        where = f" for {query.place_name(code)}" if code else ""
        typer.echo(f"No changes in {year}{where} against an earlier year are stated.")
        return
    write_rows(flat, fmt, cols, title=f"changes in {year} ({len(flat)})")


# -- ask ---------------------------------------------------------------------------------------


@app.command("ask")
def ask_command(
    question: list[str] = typer.Argument(
        ..., help='A question in English, e.g. "Where are Uzbek women trafficked to?"'
    ),
    fmt: Format = FORMAT_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Answer a question from the knowledge base, with the sentences and documents that support it.

    Exit 0 when answered; 1 when the data cannot answer it (the best matching sentences are shown);
    2 for an empty or overlong question or another usage error."""
    from tipkb.analysis.ask import MAX_CHARS, ask

    text = " ".join(question).strip()
    if not text:
        error('ask a question, e.g. tipkb ask "Where are Uzbek women trafficked to?"')
        raise typer.Exit(2)
    if len(text) > MAX_CHARS:
        error(f"the question is longer than {MAX_CHARS} characters: ask one thing at a time")
        raise typer.Exit(2)
    with _opened(db) as store:
        answer = ask(store, text)
    data = answer.to_dict()
    if fmt is Format.json:
        _json(data)
    elif fmt is Format.jsonl:
        write_rows([data], fmt)
    elif fmt is Format.csv:
        base = {"question": text, "kind": answer.kind, "answered": answer.answered, "answer": answer.text}
        lines = [{**base, "document": e.document, "sentence": e.text} for e in answer.evidence] or [
            {**base, "document": "", "sentence": ""}
        ]
        write_rows(lines, fmt, [*base, "document", "sentence"])
    else:
        typer.echo(answer.text)
        if answer.evidence:
            typer.echo("")
            typer.echo("Supporting sentences:" if answer.answered else "Closest sentences:")
            for e in answer.evidence:
                typer.echo(f"  {PurePath(e.document).name}: {e.text}")
    if not answer.answered:
        raise typer.Exit(1)
