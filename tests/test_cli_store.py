"""The knowledge-base commands as a user runs them.

Through the installed `tipkb` executable (``run_cli``) for ingest and the failures, where the process
itself matters; the rest through ``tipkb.cli.main`` in this process, which is the same entry point
without the ~1 s start-up of each process.
"""

from __future__ import annotations

import csv
import io
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Ran, run_cli
from store_helpers import BACKENDS, hand_made, sql, store_url, write_corpus
from tipkb.store import open_store


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


@pytest.fixture
def made(tmp_path: Path) -> str:
    """A SQLite store of the hand-made documents (known facts, whatever the extractor does)."""
    path = str(tmp_path / "made.db")
    with open_store(path) as store:
        store.write_documents(hand_made())
    return path


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_ingest_then_query(cli: Callable[..., Ran], url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    done = run_cli("ingest", str(corpus), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "3 new;" in done.stdout and "facts and" in done.stdout
    again = cli("ingest", str(corpus), "--db", url)
    assert "3 unchanged;" in again.stdout and "0 facts" in again.stdout

    profile = cli("profile", "Kazakhstani", "--db", url, "--format", "json")
    assert profile.returncode == 0, profile.stderr
    data = json.loads(profile.stdout)
    assert (data["country"], data["name"]) == ("KAZ", "Kazakhstan")
    assert {r["origin"] for r in data["inbound"]} >= {"UZB", "KGZ"}
    assert {r["tier"] for r in data["tiers"]} == {"2"}

    flows = cli("flows", "--from", "Uzbekistan", "--exploitation", "labor", "--db", url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(flows.stdout)))
    assert {r["destination"] for r in rows} >= {"KAZ", "RUS"}
    assert {r["destination_name"] for r in rows} >= {"Kazakhstan", "Russia"}
    assert all("labor" in r["exploitation"] for r in rows)

    facts = cli("facts", "--type", "flow", "--doc", "moldova-brief", "--db", url, "--format", "jsonl")
    lines = [json.loads(line) for line in facts.stdout.splitlines()]
    extracted = cli("extract", str(corpus / "moldova-brief.md"), "--type", "flow", "--format", "jsonl")
    expected = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert sorted(
        json.dumps({k: v for k, v in f.items() if k != "id"}, sort_keys=True) for f in lines
    ) == sorted(json.dumps(f, sort_keys=True) for f in expected)


def test_profile_table_and_evidence(cli: Callable[..., Ran], made: str) -> None:
    done = cli("profile", "KAZ", "--db", made, "--evidence")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Kazakhstan (KAZ, Central Asia): facts from 2 documents")
    for title in (
        "roles (1)",
        "tiers (3)",
        "inbound (1)",
        "outbound (1)",
        "statistics (2)",
        "ratifications (2)",
    ):
        assert title in out
    assert "Uzbekistan" in out and "kaz-2009.txt: KAZAKHSTAN (Tier 2)" in out


def test_listing_commands(cli: Callable[..., Ran], made: str) -> None:
    tiers = cli("tiers", "--year", "2010", "--db", made, "--format", "json")
    assert [(r["country"], r["tier"]) for r in json.loads(tiers.stdout)] == [("KAZ", "2"), ("MDA", "2WL")]

    flows = cli("flows", "--to", "Russia", "--db", made, "--format", "jsonl", "--evidence")
    (row,) = [json.loads(line) for line in flows.stdout.splitlines()]
    assert (row["origin"], row["via"], row["hedged"]) == ("UZB", ["KAZ"], True)
    assert row["evidence"][0]["document"] == "reports/kaz-2010.txt"

    hedged = cli(
        "flows", "--no-hedged", "--years", "2009-2010", "--victims", "women", "--db", made, "-f", "json"
    )
    assert sorted((r["origin"], r["destination"]) for r in json.loads(hedged.stdout)) == [
        ("KAZ", "TUR"),
        ("UZB", "KAZ"),
    ]

    stats = cli("stats", "Kazakhstan", "--metric", "convictions", "--db", made, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(stats.stdout)))
    assert [(r["year"], r["value"]) for r in rows] == [("2008", "21"), ("2008", "25")]

    search = cli("search", "forced", "prostitution", "--db", made)
    assert search.returncode == 0 and "moldova.md" in search.stdout and "kaz-2010.txt" in search.stdout
    found = cli("search", "begging", "--db", made, "--format", "json")
    assert "**beg**" in json.loads(found.stdout)[0]["highlighted"]

    conflicts = cli("conflicts", "--db", made, "--format", "json")
    kinds = [(c["kind"], c["country"]) for c in json.loads(conflicts.stdout)]
    assert kinds == [("tier", "KAZ"), ("ratification", "KAZ"), ("statistic", "KAZ")]
    table = cli("conflicts", "--db", made)
    assert "2WL" in table.stdout and "kaz-2010.txt" in table.stdout


def test_db_from_environment(cli: Callable[..., Ran], made: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIPKB_DB", made)
    done = cli("tiers", "--country", "MDA", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tier"] == "2WL"


def test_export_formats(cli: Callable[..., Ran], made: str, tmp_path: Path) -> None:
    for fmt, target in [
        ("csv", "csv"),
        ("parquet", "f.parquet"),
        ("graphml", "g.graphml"),
        ("geojson", "g.geojson"),
    ]:
        done = cli("export", "--format", fmt, "-o", str(tmp_path / target), "--db", made)
        assert done.returncode == 0, done.stderr
        assert "wrote" in done.stderr
    assert (tmp_path / "csv" / "flow.csv").exists()
    one = cli(
        "export", "--format", "jsonl", "-o", str(tmp_path / "roles.jsonl"), "--type", "role", "--db", made
    )
    assert one.returncode == 0
    assert {json.loads(line)["type"] for line in (tmp_path / "roles.jsonl").read_text().splitlines()} == {
        "role"
    }


def test_reextract(cli: Callable[..., Ran], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    db = str(tmp_path / "kb.db")
    cli("ingest", str(corpus), "--db", db)
    with open_store(db) as store:
        sql(store, "UPDATE documents SET ruleset = 'old'")
    done = cli("reextract", "--db", db)
    assert done.returncode == 0 and "3 reextracted" in done.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["profile", "Kazakstan"], 2, "unknown country 'Kazakstan'; did you mean Kazakhstan"),
        (["flows", "--from", "Atlantis"], 2, "unknown country 'Atlantis'"),
        (["stats", "KAZ", "--metric", "arrests"], 2, "unknown metric 'arrests'; choose from investigations"),
        (["flows", "--years", "2010-2008"], 2, "is backwards: write 2008-2010"),
        (["flows", "--victims", "elders"], 2, "unknown victims 'elders'"),
        (["facts", "--type", "rumour"], 2, "unknown fact type 'rumour'"),
        (["export", "--format", "graphml", "-o", "x.graphml", "--type", "flow"], 2, "--type applies to"),
        (["search", "!!!"], 2, "nothing to search for"),
    ],
)
def test_usage_errors(cli: Callable[..., Ran], made: str, args: list[str], code: int, message: str) -> None:
    done = cli(*args, "--db", made)
    assert done.returncode == code
    assert message in one_error_line(done.stderr)
    assert done.stdout == ""


def test_bad_databases(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    before = sorted(p.name for p in tmp_path.iterdir())

    done = run_cli("profile", "KAZ", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 1 and "no knowledge base at" in one_error_line(done.stderr)

    done = run_cli("ingest", str(corpus), "--db", str(tmp_path))
    assert done.returncode == 1 and "is a directory" in one_error_line(done.stderr)

    done = run_cli("tiers", "--db", "mysql://me@127.0.0.1/kb")
    assert done.returncode == 2 and "unsupported database URL" in one_error_line(done.stderr)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = run_cli("ingest", str(corpus), "--db", f"postgresql://me@127.0.0.1:{port}/kb")
    assert done.returncode == 1
    assert f"cannot connect to PostgreSQL at 127.0.0.1:{port}" in one_error_line(done.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == before

    frozen = tmp_path / "frozen.db"
    open_store(str(frozen)).close()
    frozen.chmod(0o444)
    try:
        done = run_cli("ingest", str(corpus), "--db", str(frozen))
        assert done.returncode == 1 and "read-only" in one_error_line(done.stderr)
    finally:
        frozen.chmod(0o644)
    with open_store(str(frozen)) as store:
        assert store.counts()["documents"] == 0


def test_ingest_reports_unreadable_files(cli: Callable[..., Ran], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x00 binary")
    done = cli("ingest", str(corpus), "--db", str(tmp_path / "kb.db"))
    assert done.returncode == 1
    assert "broken.txt" in done.stderr and "3 new, 1 failed;" in done.stdout


def test_profile_rows_formats(cli: Callable[..., Ran], made: str) -> None:
    lines = [
        json.loads(line)
        for line in cli("profile", "KAZ", "--db", made, "--format", "jsonl").stdout.splitlines()
    ]
    sections = {line["section"] for line in lines}
    assert sections == {
        "roles",
        "tiers",
        "compliance",
        "ratifications",
        "penalties",
        "funding",
        "outbound",
        "inbound",
        "statistics",
    }
    assert all("evidence" not in line for line in lines)
    rows = list(csv.DictReader(io.StringIO(cli("profile", "MDA", "--db", made, "--format", "csv").stdout)))
    assert {r["section"] for r in rows} == {"roles", "tiers", "outbound"}
    assert [r["destination"] for r in rows if r["section"] == "outbound"] == ["TUR"]


def test_reextract_all(cli: Callable[..., Ran], made: str) -> None:
    # The hand-made documents are re-read by the real extractor: their facts become what it finds.
    done = cli("reextract", "--all", "--db", made)
    assert done.returncode == 0 and "3 reextracted" in done.stdout
    with open_store(made) as store:
        assert {r for (r,) in sql(store, "SELECT DISTINCT rule FROM facts")} != {"test.v1"}
