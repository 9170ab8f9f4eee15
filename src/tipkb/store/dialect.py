"""The two SQL dialects the store speaks: SQLite (a file path) and PostgreSQL (a postgresql:// URL).

Everything else in the store and the query layer is written once, in the SQL both accept, with ``?``
placeholders; a dialect connects, translates placeholders, runs transactions and does full-text search.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

Params = Sequence[Any]


class StoreError(Exception):
    """A store that cannot be opened or used; the message is one line for the user.

    ``usage`` is true when the user named something wrong (a bad URL), false when the store or
    server failed.
    """

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


class StoreFull(StoreError):
    """The disk (or the database's space) filled up during a write: the transaction was rolled back."""


# SQLite's primary result code for "database or disk is full"; PostgreSQL's SQLSTATE disk_full.
SQLITE_FULL = 13
PG_DISK_FULL = "53100"


class Dialect:
    """What differs between databases. Subclasses hold one open connection."""

    name = ""
    int64 = "INTEGER"
    float64 = "REAL"
    conn: Any

    def sql(self, query: str) -> str:
        return query

    def execute(self, query: str, params: Params = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def executemany(self, query: str, rows: Sequence[Params]) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def table_names(self) -> list[str]:
        raise NotImplementedError

    def search(self, query: str, limit: int, offset: int = 0) -> list[tuple[Any, ...]]:
        """(text id, score, highlighted text) of the texts matching a full-text query (``search_query``),
        best first (ties in id order), ``limit`` of them after the first ``offset``.

        Matched words are wrapped in ``**``; only the texts returned are highlighted.
        """
        raise NotImplementedError

    def search_query(self, text: str) -> str:
        """The user's words as this dialect's full-text query."""
        return text

    def distinct_values(self, expr: str) -> str:
        """An aggregate of the distinct non-null values of a text expression, joined by ','."""
        return f"group_concat(DISTINCT {expr})"

    def size_bytes(self) -> int | None:
        return None

    def close(self) -> None:
        self.conn.close()


# How much of a SQLite store is read through a memory map (SQLite caps it at its build limit: 2 GB in
# Python's usual builds).
MMAP_BYTES = 1 << 34


class SQLiteDialect(Dialect):
    """A SQLite file in WAL mode; autocommit connection with explicit BEGIN IMMEDIATE transactions."""

    name = "sqlite"

    def __init__(self, path: str, create: bool, mapped: bool = False) -> None:
        self.path = path
        # A store only read from, on a read-only file, folder or filesystem: SQLite cannot make the
        # files a WAL database is opened with (-shm, -wal) there, so it is opened read-only.
        self.read_only = path != ":memory:" and not create and not _writable(path)
        if path != ":memory:":
            _check_sqlite_path(path, create)
        try:
            if self.read_only:
                self.conn = _connect_read_only(path)
            else:
                self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -65536")
            if mapped:
                # Read through a memory map: the connections of a process (a web server's threads) and
                # of other processes share the pages the system caches instead of each copying its own.
                # (They count in each process's RSS, shared, so writers, whose memory is measured, don't.)
                self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal" and path != ":memory:" and not self.read_only:
                self.conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: {_sqlite_problem(err)}") from None

    def execute(self, query: str, params: Params = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(query, params).fetchall()
        except sqlite3.OperationalError as err:
            self._raise_full(err)
            if "readonly" in str(err) or "read-only" in str(err):
                raise StoreError(
                    f"{self.path}: the database is read-only (the file or its folder cannot be written)"
                ) from None
            raise

    def executemany(self, query: str, rows: Sequence[Params]) -> None:
        try:
            self.conn.executemany(query, rows)
        except sqlite3.OperationalError as err:
            self._raise_full(err)
            raise

    def _raise_full(self, err: sqlite3.OperationalError) -> None:
        if (getattr(err, "sqlite_errorcode", 0) & 0xFF) == SQLITE_FULL:
            raise StoreFull(f"{self.path}: the disk is full") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            self._raise_full(err)
            raise StoreError(f"{self.path}: {_sqlite_problem(err)}") from None
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as err:
            # A failed COMMIT (a full disk) leaves the transaction open; SQLite may also have rolled
            # back already. Either way the store is as before the transaction.
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.OperationalError):
                self._raise_full(err)
            raise

    def has_table(self, name: str) -> bool:
        return bool(self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def search(self, query: str, limit: int, offset: int = 0) -> list[tuple[Any, ...]]:
        # Rank every match (bm25 reads only the index), then highlight just the page asked for: highlight
        # reads each text from the texts table. bm25 is lower-is-better; negate it so that every
        # dialect's score is higher-is-better.
        return self.execute(
            "SELECT texts_fts.rowid, -best.score, highlight(texts_fts, 0, '**', '**') FROM ("
            "SELECT rowid AS id, bm25(texts_fts) AS score FROM texts_fts WHERE texts_fts MATCH ? "
            "ORDER BY score, rowid LIMIT ? OFFSET ?) best "
            "JOIN texts_fts ON texts_fts.rowid = best.id WHERE texts_fts MATCH ? ORDER BY best.score, best.id",
            (query, int(limit), int(offset), query),
        )

    def search_query(self, text: str) -> str:
        # Quote every word so that user input is never FTS5 syntax; "a phrase" stays a phrase.
        parts = []
        for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
            words = re.findall(r"\w+", phrase or word)
            if words:
                parts.append('"' + " ".join(words) + '"')
        return " ".join(parts)

    def size_bytes(self) -> int | None:
        if self.path == ":memory:":
            return None
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))


def _writable(path: str) -> bool:
    """Whether SQLite can write the file and make its journal files beside it."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not p.exists():
        return True  # a missing store: the error is reported by _check_sqlite_path
    return os.access(p, os.W_OK) and os.access(folder, os.W_OK)


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A read-only connection: ``mode=ro`` when SQLite can share the WAL index there, else
    ``immutable=1`` (no locks, no journal files), which is right only when no WAL holds changes."""
    uri = Path(path).absolute().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        pass
    wal = Path(path + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"{path} is read-only and its changes in {wal.name} are not merged yet: open it once where "
            "it can be written (any tipkb command there does it)"
        )
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _sqlite_problem(err: sqlite3.DatabaseError) -> str:
    text = str(err)
    if "file is not a database" in text:
        return "not a SQLite database"
    if "readonly" in text:
        return "the database is read-only (the file or its folder cannot be written)"
    if "unable to open" in text:
        return "cannot open the database file"
    return text


def _check_sqlite_path(path: str, create: bool) -> None:
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if p.exists():
        # Write bits, not os.access alone: root may write anywhere, but a file marked read-only stays so.
        if create and os.statvfs(p).f_flag & os.ST_RDONLY:
            raise StoreError(f"{path}: the filesystem it is on is read-only")
        if create and (
            not p.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(p, os.W_OK)
        ):
            raise StoreError(f"{path}: the database file is read-only")
        if create and not os.access(p.parent, os.W_OK):
            raise StoreError(
                f"{path}: the folder {p.parent} is read-only (SQLite writes its journal beside the database)"
            )
        return
    if not create:
        raise StoreError(f"no knowledge base at {path} (run `tipkb ingest` first, or give --db)")
    if not p.parent.exists():
        raise StoreError(f"cannot create {path}: directory {p.parent} does not exist")
    if not os.access(p.parent, os.W_OK) or not p.parent.stat().st_mode & stat.S_IWUSR:
        raise StoreError(f"cannot create {path}: directory {p.parent} is read-only")


class PostgresDialect(Dialect):
    """A PostgreSQL database through psycopg 3; autocommit with explicit transactions."""

    name = "postgresql"
    int64 = "BIGINT"
    float64 = "DOUBLE PRECISION"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'tipkb[postgres]'", usage=True) from None
        self._psycopg = psycopg
        parts = urlsplit(url)
        self.where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.ProgrammingError as err:
            raise StoreError(f"bad PostgreSQL URL {_redact(url)}: {_first_line(err)}", usage=True) from None
        except psycopg.OperationalError as err:
            raise StoreError(f"cannot connect to PostgreSQL at {self.where}: {_first_line(err)}") from None

    def sql(self, query: str) -> str:
        return query.replace("%", "%%").replace("?", "%s")

    def execute(self, query: str, params: Params = ()) -> list[tuple[Any, ...]]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(self.sql(query), params)
                return cur.fetchall() if cur.description else []
        except self._psycopg.OperationalError as err:
            self._raise_full(err)
            raise StoreError(f"PostgreSQL at {self.where}: {_first_line(err)}") from None

    def executemany(self, query: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(query), rows)
        except self._psycopg.OperationalError as err:
            self._raise_full(err)
            raise

    def _raise_full(self, err: Exception) -> None:
        if getattr(err, "sqlstate", None) == PG_DISK_FULL:
            raise StoreFull(f"PostgreSQL at {self.where}: the disk is full") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                yield
        except self._psycopg.OperationalError as err:
            self._raise_full(err)
            raise StoreError(f"PostgreSQL at {self.where}: {_first_line(err)}") from None

    def has_table(self, name: str) -> bool:
        return self.execute("SELECT to_regclass(?)", (name,))[0][0] is not None

    def table_names(self) -> list[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return [r[0] for r in rows]

    def search(self, query: str, limit: int, offset: int = 0) -> list[tuple[Any, ...]]:
        return self.execute(
            "SELECT id, score, ts_headline('english', text, q, "
            "'StartSel=**, StopSel=**, HighlightAll=true') FROM ("
            "SELECT t.id, t.text, q, ts_rank(t.tsv, q) AS score "
            "FROM texts t, websearch_to_tsquery('english', ?) q "
            "WHERE t.tsv @@ q ORDER BY score DESC, t.id LIMIT ? OFFSET ?) best ORDER BY score DESC, id",
            (query, int(limit), int(offset)),
        )

    def distinct_values(self, expr: str) -> str:
        return f"string_agg(DISTINCT {expr}, ',')"

    def size_bytes(self) -> int | None:
        return int(self.execute("SELECT pg_database_size(current_database())")[0][0])


def _first_line(err: BaseException) -> str:
    """The gist of a driver error in one line ("Connection refused", "database "kb" does not exist")."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    if not lines:
        return type(err).__name__
    return lines[0].rsplit("failed: ", 1)[-1]


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def connect(url: str, create: bool, mapped: bool = False) -> Dialect:
    """Open the database a URL or path names (``mapped``: read a SQLite file through a memory map)."""
    if re.match(r"^postgres(ql)?://", url):
        return PostgresDialect(url)
    if url.startswith("sqlite:///"):
        return SQLiteDialect(url[len("sqlite:///") :], create, mapped)
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://", url)
    if scheme:
        raise StoreError(
            f"unsupported database URL {_redact(url)}: give a SQLite file path or a postgresql:// URL",
            usage=True,
        )
    if not url.strip():
        raise StoreError("empty database path", usage=True)
    return SQLiteDialect(url, create, mapped)
