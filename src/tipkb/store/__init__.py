"""The knowledge base: documents, their sentences, their facts and the places, in SQLite or PostgreSQL.

``open_store(url)`` opens (and creates or migrates) a store; the ``Store`` writes whole documents in one
transaction each, and reads through named methods (``tipkb.store.reads``): every SQL statement of tipkb
is in this package. A document becomes rows in ``tipkb.store.rows``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any, Literal

from tipkb.places import REGION_PREFIX, gazetteer
from tipkb.store.dialect import Dialect, StoreError, StoreFull, connect
from tipkb.store.reads import FlowTotal, Group, Match, Reads, StatementKinds
from tipkb.store.rollup import ROLLUP_COLUMNS, Tally
from tipkb.store.rows import (
    FACT_COLUMNS,
    DocumentRecord,
    DocumentRows,
    content_hash,
    fact_from_row,
    fact_id,
    hash64,
    sentence_id,
)
from tipkb.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "DocumentRecord",
    "DocumentRows",
    "FlowTotal",
    "Group",
    "Match",
    "StatementKinds",
    "Store",
    "StoreError",
    "StoreFull",
    "WriteStatus",
    "content_hash",
    "fact_from_row",
    "fact_id",
    "hash64",
    "open_store",
    "sentence_id",
]

WriteStatus = Literal["new", "replaced", "unchanged", "duplicate", "reextracted"]

_INSERT_FACT = f"INSERT INTO facts ({', '.join(FACT_COLUMNS)}) VALUES ({', '.join('?' * len(FACT_COLUMNS))})"
_INSERT_SENTENCE = "INSERT INTO spans (id, document_id, start_char, end_char, text_id) VALUES (?, ?, ?, ?, ?)"
_INSERT_TEXT = "INSERT INTO texts (id, text) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
_INSERT_DOCUMENT = (
    "INSERT INTO documents (id, hash, source, title, subject, report_year, ruleset, ingested_at, "
    "n_sentences, n_facts, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _count_text_uses(dialect: Dialect, text_uses: Counter[int]) -> None:
    """Add the documents that took up (or gave up) each text to ``text_documents``, in the caller's
    transaction; texts no document uses any more lose their row. Rows are touched in key order, so that
    concurrent writers (PostgreSQL) cannot deadlock."""
    changed = sorted((text_id, n) for text_id, n in text_uses.items() if n)
    dialect.executemany(
        "INSERT INTO text_documents (text_id, documents) VALUES (?, ?) ON CONFLICT (text_id) "
        "DO UPDATE SET documents = text_documents.documents + excluded.documents",
        changed,
    )
    gone = [(text_id,) for text_id, n in changed if n < 0]
    dialect.executemany("DELETE FROM text_documents WHERE text_id = ? AND documents <= 0", gone)


@lru_cache(maxsize=1)
def _places() -> tuple[str, list[tuple[Any, ...]]]:
    """Rows for the places table from the gazetteer and the centroid table, and a digest of them."""
    text = files("tipkb.places").joinpath("data", "centroids.tsv").read_text(encoding="utf-8")
    centroids: dict[str, tuple[float, float]] = {}
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3:
            centroids[cols[0]] = (float(cols[1]), float(cols[2]))
    gaz = gazetteer()
    surfaces: dict[str, list[str]] = {}
    for surface, (code, _kind) in gaz.surfaces.items():
        surfaces.setdefault(code, []).append(surface)
    rows = []
    for code, name in sorted(gaz.names.items()):
        lat, lon = centroids.get(code, (None, None))
        kind = "region" if code.startswith(REGION_PREFIX) else "country"
        rows.append(
            (code, name, kind, gaz.regions.get(code) or None, "|".join(surfaces.get(code, [])), lat, lon)
        )
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
    return digest, rows


class Store(Reads):
    """An open knowledge base. Use ``open_store``; close it (or use ``with``) when done."""

    def __init__(self, dialect: Dialect, url: str) -> None:
        self.dialect = dialect
        self.url = url

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.dialect.close()

    # -- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int | None:
        if not self.dialect.has_table("meta"):
            return None
        rows = self.dialect.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else None

    def _prepare(self, create: bool) -> None:
        version = self.schema_version()
        if version is None:
            if self.dialect.table_names():
                raise StoreError(f"{self.url} is not a tipkb knowledge base (it has other tables)")
            if not create:
                raise StoreError(f"{self.url} has no knowledge base yet (run `tipkb ingest` first)")
        elif version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.url} was made by a newer tipkb (schema {version}; this tipkb reads up to "
                f"{SCHEMA_VERSION}): upgrade tipkb"
            )
        if version is None or version < SCHEMA_VERSION:
            self._migrate()
        if create:
            self._seed_places()

    def _migrate(self) -> None:
        d = self.dialect
        with d.transaction():
            if d.name == "postgresql":
                # Two processes creating one store: the second waits, then finds it made.
                d.execute("SELECT pg_advisory_xact_lock(7193514)")
            version = self.schema_version() or 0
            for migration in MIGRATIONS:
                if migration.version <= version:
                    continue
                for statement in migration.for_dialect(d.name, d.int64, d.float64):
                    d.execute(statement)
                if migration.then is not None:
                    migration.then(d)
                self._set_meta("schema_version", str(migration.version))
            if version:
                # An older store, filled: the planner needs statistics of the indexes just made.
                d.execute("ANALYZE")

    def _set_meta(self, key: str, value: str) -> None:
        self.dialect.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def meta(self, key: str) -> str | None:
        rows = self.dialect.execute("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def _seed_places(self) -> None:
        digest, rows = _places()
        if self.meta("places_digest") == digest:
            return
        with self.dialect.transaction():
            self.dialect.execute("DELETE FROM places")
            self.dialect.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self._set_meta("places_digest", digest)

    # -- writing ------------------------------------------------------------------------------

    def status(self, source: str, doc_hash: str) -> tuple[WriteStatus, str | None]:
        """What writing this document would do, and the source of the stored copy of its text, if any.

        "unchanged": stored at this source; "duplicate": its text is stored under another source;
        "replaced": this source holds other text (which goes; a copy of this text stored elsewhere moves
        here); "new": none of these.
        """
        rows = self.dialect.execute(
            "SELECT source, hash FROM documents WHERE hash = ? OR source = ?", (doc_hash, source)
        )
        same_text = [stored for stored, h in rows if h == doc_hash]
        same_source = any(stored == source and h != doc_hash for stored, h in rows)
        if source in same_text:
            return "unchanged", source
        if same_source:
            return "replaced", same_text[0] if same_text else None
        if same_text:
            return "duplicate", same_text[0]
        return "new", None

    def write_document(self, record: DocumentRecord | DocumentRows, rewrite: bool = False) -> WriteStatus:
        """Store a document with its sentences and facts, in one transaction.

        A document already stored with the same text is left alone ("unchanged", or "duplicate" when
        stored under another source) unless ``rewrite`` (re-extraction); one stored at the same source
        with other text is replaced.
        """
        return self.write_documents([record], rewrite)[0]

    def write_documents(
        self, records: Sequence[DocumentRecord | DocumentRows], rewrite: bool = False
    ) -> list[WriteStatus]:
        """Store several documents in one transaction (each whole; see ``write_document``)."""
        out: list[WriteStatus] = []
        d = self.dialect
        with d.transaction():
            added, removed = Tally(), Tally()
            text_uses: Counter[int] = Counter()
            for record in records:
                rows = record if isinstance(record, DocumentRows) else record.rows()
                status, _ = self.status(rows.source, rows.hash)
                if status in ("unchanged", "duplicate") and not rewrite:
                    out.append(status)
                    continue
                if status != "new":
                    for old in d.execute(
                        "SELECT id FROM documents WHERE source = ? OR hash = ?", (rows.source, rows.hash)
                    ):
                        self._delete(old[0], removed, text_uses)
                d.execute(_INSERT_DOCUMENT, rows.document)
                d.executemany(_INSERT_TEXT, rows.texts)
                d.executemany(_INSERT_SENTENCE, rows.sentences)
                d.executemany(_INSERT_FACT, rows.facts)
                added.merge(rows.tally)
                for text_id, _ in rows.texts:
                    text_uses[text_id] += 1
                out.append("reextracted" if status in ("unchanged", "duplicate") else status)
            # Additions first: a document added and removed again in one batch must net to nothing.
            added.apply(d, 1)
            removed.apply(d, -1)
            _count_text_uses(d, text_uses)
        return out

    def _delete(self, document_id: int, tally: Tally, text_uses: Counter[int]) -> None:
        """Remove a document's rows; its contributions to the rollups go into ``tally`` (to subtract), the
        texts it used into ``text_uses`` (one use each, taken away)."""
        d = self.dialect
        tally.add_rows(
            d.execute(f"SELECT {', '.join(ROLLUP_COLUMNS)} FROM facts WHERE document_id = ?", (document_id,))
        )
        text_ids = d.execute("SELECT DISTINCT text_id FROM spans WHERE document_id = ?", (document_id,))
        for (text_id,) in text_ids:
            text_uses[text_id] -= 1
        for table, column in (("facts", "document_id"), ("spans", "document_id"), ("documents", "id")):
            d.execute(f"DELETE FROM {table} WHERE {column} = ?", (document_id,))
        # Texts no other document uses.
        d.executemany(
            "DELETE FROM texts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM spans WHERE text_id = ?)",
            [(t, t) for (t,) in text_ids],
        )

    def delete_document(self, source: str) -> bool:
        """Remove a document and everything extracted from it; False if there was none."""
        with self.dialect.transaction():
            rows = self.dialect.execute("SELECT id FROM documents WHERE source = ?", (source,))
            removed = Tally()
            text_uses: Counter[int] = Counter()
            for (doc_id,) in rows:
                self._delete(doc_id, removed, text_uses)
            removed.apply(self.dialect, -1)
            _count_text_uses(self.dialect, text_uses)
        return bool(rows)

    def rebuild_rollups(self) -> None:
        """Recount the rollups from the facts, and the documents using each sentence text (they are kept up to date by every write; this is for repairs
        and for migrations that change what they count)."""
        with self.dialect.transaction():
            self.dialect.execute("DELETE FROM rollup")
            self.dialect.execute("DELETE FROM rollup_values")
            self.dialect.execute("DELETE FROM flow_groups")
            self.dialect.execute("DELETE FROM flow_overflow")
            tally = Tally()
            tally.add_rows(self.dialect.execute(f"SELECT {', '.join(ROLLUP_COLUMNS)} FROM facts"))
            tally.apply(self.dialect, 1)
            self.dialect.execute("DELETE FROM text_documents")
            self.dialect.execute(
                "INSERT INTO text_documents (text_id, documents) "
                "SELECT text_id, COUNT(DISTINCT document_id) FROM spans GROUP BY text_id"
            )

    def optimize(self, full: bool = False) -> None:
        """Refresh the query planner's statistics: cheaply after an ingest (SQLite ``PRAGMA optimize``),
        or all of them after a bulk load (``full``: ``ANALYZE``)."""
        if self.dialect.name == "sqlite" and not full:
            self.dialect.execute("PRAGMA optimize")
        else:
            self.dialect.execute("ANALYZE")

    # -- reading (the rest: ``tipkb.store.reads``) ------------------------------------------------

    def documents(self, stale_for: str | None = None) -> list[tuple[str, str, str]]:
        """(source, hash, ruleset) of stored documents, by source; with ``stale_for`` (a rule set), only
        those extracted by other rules."""
        sql = "SELECT source, hash, ruleset FROM documents"
        params: tuple[Any, ...] = ()
        if stale_for is not None:
            sql += " WHERE ruleset <> ?"
            params = (stale_for,)
        return [(source, h, ruleset) for source, h, ruleset in self._rows(sql + " ORDER BY source", params)]

    def rulesets(self) -> list[tuple[str, int]]:
        """(rule set, documents) for each rule set that made stored documents, the most documents first."""
        rows = self._rows("SELECT ruleset, COUNT(*) FROM documents GROUP BY ruleset ORDER BY 2 DESC, 1")
        return [(ruleset, int(n)) for ruleset, n in rows]

    def document(self, source: str) -> tuple[str, str | None] | None:
        """The stored text and title of a document, or None."""
        rows = self._rows("SELECT text, title FROM documents WHERE source = ?", (source,))
        return (rows[0][0], rows[0][1]) if rows else None

    def counts(self) -> dict[str, int]:
        """How many documents, sentences, distinct sentence texts, facts and places are stored."""
        tables = {
            "documents": "documents",
            "sentences": "spans",
            "texts": "texts",
            "facts": "facts",
            "places": "places",
        }
        return {
            name: int(self._rows(f"SELECT COUNT(*) FROM {table}")[0][0]) for name, table in tables.items()
        }

    def size_bytes(self) -> int | None:
        """Bytes on disk (SQLite: the file and its WAL; PostgreSQL: the database)."""
        return self.dialect.size_bytes()


def open_store(url: str = "tipkb.db", create: bool = True, read_mostly: bool = False) -> Store:
    """Open the knowledge base at a SQLite path or a ``postgresql://`` URL.

    With ``create`` a missing store is made (and an older one migrated); without it, a missing store is
    an error. ``read_mostly`` (a server's many readers): a SQLite file is read through a memory map.
    Raises StoreError with a one-line message when the store cannot be used.
    """
    dialect = connect(url, create, mapped=read_mostly)
    store = Store(dialect, url)
    try:
        store._prepare(create)
    except BaseException:
        store.close()
        raise
    return store
