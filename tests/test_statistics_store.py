"""Statistics in the store: scope is kept, `stats` shows it, and only two totals conflict (real SQLite)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tipkb import query
from tipkb.cli import app
from tipkb.pipeline import ingest
from tipkb.store import open_store

# Our own sentences: two reports on one country that give the same year's convictions.
FIRST = (
    "Fiji: 2019 Trafficking in Persons Report\n\n"
    "In 2018 courts convicted 12 traffickers; eight were convicted of sex trafficking and four of labor trafficking. "
    "Over the last five years, courts have convicted 30 traffickers.\n\n"
    "In 2018 the government repatriated five victims. Shelters assisted 40 victims in 2018.\n"
)
SECOND = (
    "Fiji: 2020 Trafficking in Persons Report\n\n"
    "In 2019 courts convicted six traffickers, compared with 14 in 2018. "
    "Since 2014, courts have convicted 33 traffickers.\n"
)


def _stored(tmp_path: Path) -> str:
    (tmp_path / "fiji-2019.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "fiji-2020.txt").write_text(SECOND, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    with open_store(db) as store:
        ingest(store, [str(tmp_path / "fiji-2019.txt"), str(tmp_path / "fiji-2020.txt")])
    return db


def test_scope_is_stored_and_only_totals_conflict(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    with open_store(db) as store:
        rows = query.stats(store, "FJI", metric="convictions")
        got = {(r.year, r.scope, r.exploitation, r.value) for r in rows}
        assert got == {
            (2018, "total", None, 12),
            (2018, "part", "sexual", 8),
            (2018, "part", "labor", 4),
            (2018, "total", None, 14),
            (2019, "total", None, 6),
            (None, "cumulative", None, 30),
            (None, "cumulative", None, 33),
        }
        assert rows[-1].scope == rows[-2].scope == "cumulative"  # apart, after the years
        # Two measures in one document (repatriated, assisted) are no disagreement between sources.
        conflicts = [c for c in query.conflicts(store) if c.kind == "statistic"]
        assert [(c.year, c.metric, sorted(s.value for s in c.sides)) for c in conflicts] == [
            (2018, "convictions", [12, 14])
        ]
        # Both documents are named, each with its sentence.
        assert len({e.document for s in conflicts[0].sides for e in s.evidence}) == 2
        fact = next(
            f.fact
            for f in query.facts(store, fact_type="statistic", country="FJI")
            if getattr(f.fact, "scope", "") == "cumulative" and getattr(f.fact, "value", 0) == 33
        )
        assert getattr(fact, "span", None) == (2014, None)


def test_stats_command_carries_scope(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    result = CliRunner().invoke(app, ["stats", "Fiji", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {(r["year"], r["scope"], r["value"]) for r in rows if r["metric"] == "convictions"} >= {
        (2018, "part", 8),
        (None, "cumulative", 30),
    }
    csv = CliRunner().invoke(app, ["stats", "Fiji", "--format", "csv", "--db", db])
    assert csv.exit_code == 0 and csv.output.splitlines()[0].split(",")[:3] == ["year", "metric", "scope"]


def test_ask_answers_a_count_with_the_totals(tmp_path: Path) -> None:
    from tipkb.analysis.ask import ask

    db = _stored(tmp_path)
    with open_store(db) as store:
        answer = ask(store, "How many traffickers did Fiji convict in 2018?")
        assert answer.answered, answer.text
        assert set(answer.values) == {"12", "14"}, answer.text  # the two totals, not the parts 8 and 4
        answer = ask(store, "How many traffickers did Fiji convict?")
        assert "30" not in answer.values and "33" not in answer.values, answer.text


def test_series_is_countries_by_years_of_totals(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    with open_store(db) as store:
        cells = query.series(store, "convictions", evidence=True)
        # A tie between documents goes to the smaller value; the other is in ``also``.
        assert [(c.country, c.year, c.value, c.also) for c in cells] == [
            ("FJI", 2018, 12, [14]),
            ("FJI", 2019, 6, []),
        ]
        cell = next(c for c in cells if c.year == 2018)
        assert sorted([cell.value, *cell.also]) == [12, 14]  # both totals, one in the cell
        assert cell.evidence and all(e.text for e in cell.evidence)
    wide = CliRunner().invoke(app, ["series", "--metric", "convictions", "--format", "csv", "--db", db])
    assert wide.exit_code == 0, wide.output
    lines = wide.output.splitlines()
    assert lines[0] == "country,name,2018,2019"
    assert lines[1] == "FJI,Fiji,12,6"
    cells_json = CliRunner().invoke(
        app, ["series", "-m", "convictions", "--evidence", "--format", "json", "--db", db]
    )
    assert cells_json.exit_code == 0
    assert all(c["evidence"] for c in json.loads(cells_json.output))
    bad = CliRunner().invoke(app, ["series", "--metric", "arrests", "--db", db])
    assert bad.exit_code == 2


def test_stats_table_indents_parts_and_sets_cumulative_apart(tmp_path: Path) -> None:
    db = _stored(tmp_path)
    result = CliRunner().invoke(
        app, ["stats", "Fiji", "-m", "convictions", "--db", db], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "│" in line]
    metrics = [line.split("│")[2].strip() for line in lines]
    assert metrics.count("└ convictions") == 2  # the two parts of 2018's total
    assert [line.split("│")[1].strip() for line in lines][-2:] == ["several years", "several years"]
