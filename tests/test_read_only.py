"""A knowledge base on a read-only filesystem: every read command and ``tipkb serve`` work (the store is
opened read-only, or immutable where SQLite cannot share its WAL index); writes say what is read-only in
one line, exit 1.

The filesystem is real: a read-only bind mount of a folder holding a store (needs root; skipped where
mounting is refused).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Ran
from store_helpers import sql
from tipkb.store import StoreError, open_store
from web_fixtures import build_store, running_server


@pytest.fixture(scope="module")
def read_only_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store (written, closed: no -wal or -shm left) seen through a read-only mount."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    base = tmp_path_factory.mktemp("readonly")
    (base / "rw").mkdir()
    build_store(base / "rw" / "kb.db")
    view = base / "ro"
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(base / "rw"), str(view)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True, capture_output=True)
        yield view / "kb.db"
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


READS = [
    ["profile", "Nepal"],
    ["flows"],
    ["flows", "--format", "json"],
    ["tiers"],
    ["stats", "Nepal"],
    ["facts", "--format", "csv"],
    ["search", "forced"],
    ["conflicts"],
    ["network"],
]


def test_read_commands_work_on_a_read_only_filesystem(read_only_db: Path, cli: Callable[..., Ran]) -> None:
    assert not os.access(read_only_db.parent, os.W_OK)
    for args in READS:
        ran = cli(*args, "--db", str(read_only_db))
        assert ran.returncode == 0, (args, ran.stderr)
        assert ran.stdout.strip(), args
    # Nothing was made beside the store.
    assert sorted(p.name for p in read_only_db.parent.iterdir()) == ["kb.db"]


def test_export_from_a_read_only_store(read_only_db: Path, tmp_path: Path, cli: Callable[..., Ran]) -> None:
    out = tmp_path / "facts.jsonl"
    ran = cli("export", "-f", "jsonl", "--db", str(read_only_db), "-o", str(out))
    assert ran.returncode == 0, ran.stderr
    assert out.read_text().count("\n") > 5


def test_writes_say_the_filesystem_is_read_only(
    read_only_db: Path, tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Nepal is a source country for men subjected to forced labor in Qatar.\n")
    ingest = cli("ingest", str(doc), "--db", str(read_only_db))
    assert ingest.returncode == 1
    assert ingest.stderr.strip() == f"tipkb: {read_only_db}: the filesystem it is on is read-only"
    again = cli("reextract", "--all", "--db", str(read_only_db))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.strip().endswith("is read-only (the file or its folder cannot be written)")
    new = cli("ingest", str(doc), "--db", str(read_only_db.parent / "other.db"))
    assert new.returncode == 1
    assert (
        new.stderr.strip()
        == f"tipkb: cannot create {read_only_db.parent / 'other.db'}: directory {read_only_db.parent} is read-only"
    )
    # And the library says the same.
    with pytest.raises(StoreError, match="read-only"):
        open_store(str(read_only_db), create=True)
    with open_store(str(read_only_db), create=False) as store:
        assert store.counts()["documents"] == 3


def test_serve_from_a_read_only_filesystem(read_only_db: Path) -> None:
    with running_server(str(read_only_db)) as base:
        for path in ["/", "/api/flows", "/countries/NPL", "/search?q=forced", "/api/documents"]:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
                assert response.read()


@pytest.fixture
def wal_store(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A store whose last change is still in its WAL (as a server's store copied mid-run is), and the
    same folder through a read-only mount."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    src, rw, ro = tmp_path / "src", tmp_path / "rw", tmp_path / "ro"
    for folder in (src, rw, ro):
        folder.mkdir()
    build_store(src / "kb.db")
    writer = sqlite3.connect(src / "kb.db", isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE documents SET title = 'changed in the WAL'")
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{src / 'kb.db'}{suffix}", f"{rw / 'kb.db'}{suffix}")
    writer.close()
    mounted = subprocess.run(["mount", "--bind", str(rw), str(ro)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True, capture_output=True)
        yield rw, ro / "kb.db"
    finally:
        subprocess.run(["umount", "-l", str(ro)], check=False)


def test_a_read_only_store_with_changes_in_its_wal(wal_store: tuple[Path, Path]) -> None:
    rw, db = wal_store
    # With its WAL index (-shm) there, SQLite reads the WAL read-only: the latest change shows.
    with open_store(str(db), create=False) as store:
        assert {r[0] for r in sql(store, "SELECT title FROM documents")} == {"changed in the WAL"}
    # Without it, the WAL cannot be read and ignoring it would show stale data: a clear error instead.
    (rw / "kb.db-shm").unlink()
    with pytest.raises(StoreError, match=r"read-only and its changes in kb.db-wal are not merged yet"):
        open_store(str(db), create=False)
