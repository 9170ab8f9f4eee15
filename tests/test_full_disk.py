"""A disk that fills up during ingest: one line saying so (what was committed, how to resume), exit 1, no
traceback, every stored document whole, and the same command resumes to what a clean ingest stores.

The disk is real: a 1 MB tmpfs mounted for the test (needs root; skipped where mounting is refused).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_parallel import make_corpus, snapshot
from tipkb.pipeline import ingest
from tipkb.store import open_store

EXE = Path(sys.executable).with_name("tipkb")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own 1 MB filesystem."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def run_ingest(corpus: Path, db: Path, jobs: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), "ingest", str(corpus), "--db", str(db), "--commit-every", "0", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_full_disk_stops_with_one_line_and_the_same_command_resumes(
    small_disk: Path, tmp_path: Path, jobs: int
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, n=400)
    db = small_disk / "kb.db"

    full = run_ingest(corpus, db, jobs)
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr
    lines = [line for line in full.stderr.splitlines() if "broken.txt" not in line]
    assert len(lines) == 1, full.stderr
    assert lines[0].startswith(f"tipkb: {db}: the disk is full: stopped after committing ")
    assert "each whole" in lines[0] and "run the same command again to resume" in lines[0]

    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored = check.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    # Each stored document has all its facts and sentences, none has part of them.
    partial = check.execute(
        "SELECT COUNT(*) FROM documents d WHERE n_facts != (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id) "
        "OR n_sentences != (SELECT COUNT(*) FROM sentences s WHERE s.document_id = d.id)"
    ).fetchone()[0]
    check.close()
    assert 0 < stored < 400 and partial == 0
    assert f"committing {stored:,} document" in lines[0]

    # Space again (the filesystem grown): the same command stores the rest.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = run_ingest(corpus, db, jobs)
    assert "Traceback" not in again.stderr and "disk is full" not in again.stderr
    assert f"{stored} unchanged" in again.stdout

    clean = tmp_path / "clean.db"
    with open_store(str(clean)) as store:
        ingest(store, [str(corpus)])
    assert snapshot(str(db)) == snapshot(str(clean))
