"""The extract command through the real entry point, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import run_cli

TEXT = "PERU (Tier 2)\n\nPeru is a source country. Peruvian women are exploited in Chile and Argentina.\n"


def test_jsonl_and_stdin(tmp_path: Path) -> None:
    result = run_cli("extract", "-", "--format", "jsonl", stdin=TEXT)
    assert result.returncode == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {f["type"] for f in facts} == {"tier", "role", "flow"}
    for f in facts:
        assert TEXT[f["evidence"]["start"] : f["evidence"]["end"]] == f["evidence"]["text"]
        assert f["rule"].split(":")[0].endswith((".v1", ".v2"))


def test_table_csv_json(tmp_path: Path) -> None:
    p = tmp_path / "peru.txt"
    p.write_text(TEXT)
    table = run_cli("extract", str(p))
    assert table.returncode == 0 and "flow (2)" in table.stdout and "ARG" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run_cli("extract", str(p), "-f", "csv").stdout)))
    assert {r["type"] for r in rows} == {"tier", "role", "flow"}
    data = json.loads(run_cli("extract", str(p), "-f", "json", "--type", "flow").stdout)
    assert {(d["origin"], d["destination"]) for d in data} == {("PER", "CHL"), ("PER", "ARG")}


def test_bad_input_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("extract", str(good), str(empty), str(tmp_path / "nope.txt"), "-f", "jsonl")
    assert result.returncode == 1
    assert result.stdout.count("\n") >= 3  # the good file was still processed
    lines = result.stderr.strip().splitlines()
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("nope.txt: no such file" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert run_cli("extract", str(good), "--format", "xml").returncode == 2
    assert run_cli("extract", str(good), "--type", "nonsense").returncode == 2
    assert run_cli("extract").returncode == 2
