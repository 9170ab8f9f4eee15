"""The store's schema, one migration per version. ``meta.schema_version`` says which ones a store has.

A migration is a list of statements for both dialects, with ``{int64}``/``{float64}`` filled in per dialect,
plus statements for one dialect only (full-text search). Never edit a released migration: add one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tipkb.store.dialect import Dialect
from tipkb.store.rollup import rebuild_flow_groups

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Migration:
    version: int
    statements: tuple[str, ...]
    sqlite: tuple[str, ...] = field(default=())
    postgresql: tuple[str, ...] = field(default=())
    # Then, for tables filled from what is stored: a function run in the migration's transaction.
    then: Callable[[Dialect], None] | None = None

    def for_dialect(self, name: str, int64: str, float64: str) -> list[str]:
        own = self.sqlite if name == "sqlite" else self.postgresql
        return [s.format(int64=int64, float64=float64) for s in (*self.statements, *own)]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        (
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            # Countries and regions from the gazetteer: code, display name, every surface form, region.
            """CREATE TABLE places (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                region TEXT,
                names TEXT NOT NULL,
                lat {float64},
                lon {float64}
            )""",
            # One row per distinct text: id is the first 8 bytes of the content hash.
            """CREATE TABLE documents (
                id {int64} PRIMARY KEY,
                hash TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL UNIQUE,
                title TEXT,
                subject TEXT,
                report_year INTEGER,
                ruleset TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                n_sentences INTEGER NOT NULL,
                n_facts INTEGER NOT NULL,
                text TEXT NOT NULL
            )""",
            # Each distinct sentence text once (reports repeat much of themselves year to year); the
            # full-text index is over these.
            "CREATE TABLE texts (id {int64} PRIMARY KEY, text TEXT NOT NULL)",
            # A document's sentences: spans of its text, each pointing at its distinct text.
            """CREATE TABLE spans (
                id {int64} PRIMARY KEY,
                document_id {int64} NOT NULL REFERENCES documents(id),
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text_id {int64} NOT NULL REFERENCES texts(id)
            )""",
            "CREATE INDEX spans_document ON spans (document_id, start_char)",
            "CREATE INDEX spans_text ON spans (text_id, document_id)",
            # What readers use: each sentence with its text.
            "CREATE VIEW sentences AS SELECT s.id, s.document_id, s.start_char, s.end_char, s.text_id, t.text "
            "FROM spans s JOIN texts t ON t.id = s.text_id",
            # The fact's own fields as JSON in `data` (all but doc and evidence, which are columns);
            # the fields queries filter and group on are columns too. Lists are ",a,b," for LIKE.
            """CREATE TABLE facts (
                id {int64} PRIMARY KEY,
                document_id {int64} NOT NULL REFERENCES documents(id),
                sentence_id {int64},
                type TEXT NOT NULL,
                country TEXT,
                origin TEXT,
                destination TEXT,
                via TEXT,
                year INTEGER,
                role TEXT,
                extent TEXT,
                tier TEXT,
                metric TEXT,
                value {float64},
                victims TEXT,
                exploitation TEXT,
                hedged INTEGER NOT NULL,
                detail TEXT NOT NULL,
                rule TEXT NOT NULL,
                ev_start INTEGER NOT NULL,
                ev_end INTEGER NOT NULL,
                ev_text TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX facts_document ON facts (document_id)",
            "CREATE INDEX facts_country ON facts (country, type, year) WHERE country IS NOT NULL",
            "CREATE INDEX facts_type_year ON facts (type, year)",
            # Filtered flow queries read only these (covering) indexes.
            "CREATE INDEX facts_flow_origin ON facts (origin, destination, year, hedged, document_id, "
            "sentence_id, victims, exploitation, via) WHERE type = 'flow'",
            "CREATE INDEX facts_flow_destination ON facts (destination, origin, year, hedged, document_id, "
            "sentence_id, victims, exploitation, via) WHERE type = 'flow'",
            "CREATE INDEX facts_flow_year ON facts (year, origin, destination, hedged, document_id, "
            "sentence_id, victims, exploitation, via) WHERE type = 'flow'",
            # See tipkb.store.rollup.
            """CREATE TABLE rollup (
                kind TEXT NOT NULL,
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                year INTEGER NOT NULL,
                detail TEXT NOT NULL,
                facts INTEGER NOT NULL,
                sentences INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                hedged INTEGER NOT NULL,
                PRIMARY KEY (kind, a, b, year, detail)
            )""",
            "CREATE INDEX rollup_b ON rollup (kind, b, a)",
            """CREATE TABLE rollup_values (
                kind TEXT NOT NULL,
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                year INTEGER NOT NULL,
                detail TEXT NOT NULL,
                attribute TEXT NOT NULL,
                value TEXT NOT NULL,
                facts INTEGER NOT NULL,
                PRIMARY KEY (kind, a, b, year, detail, attribute, value)
            )""",
            "CREATE INDEX rollup_values_b ON rollup_values (kind, b, a)",
        ),
        sqlite=(
            "CREATE VIRTUAL TABLE texts_fts USING fts5("
            "text, content='texts', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
            "CREATE TRIGGER texts_fts_insert AFTER INSERT ON texts BEGIN "
            "INSERT INTO texts_fts (rowid, text) VALUES (new.id, new.text); END",
            "CREATE TRIGGER texts_fts_delete AFTER DELETE ON texts BEGIN "
            "INSERT INTO texts_fts (texts_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
        ),
        postgresql=(
            "ALTER TABLE texts ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
            "CREATE INDEX texts_tsv ON texts USING GIN (tsv)",
        ),
    ),
    Migration(
        2,
        (
            # The document list (source order, no text) from the index alone, not the wide rows.
            "CREATE INDEX documents_listing ON documents "
            "(source, hash, title, subject, report_year, n_sentences, n_facts)",
            # Facts in document and text order (tipkb facts, a document's facts) without a sort, with the
            # columns they are filtered on; also what removing a document's facts needs, so the index on
            # document_id alone goes.
            "CREATE INDEX facts_document_order ON facts "
            "(document_id, ev_start, id, type, year, country, origin, destination)",
            "DROP INDEX facts_document",
            # Evidence of profile rows: a country's facts of one type, year and group value.
            "CREATE INDEX facts_evidence ON facts (country, type, year, detail, role, tier, metric) "
            "WHERE country IS NOT NULL",
            "DROP INDEX facts_country",
            # How many documents hold each distinct sentence text (search counts them), kept by writes.
            "CREATE TABLE text_documents (text_id {int64} PRIMARY KEY, documents INTEGER NOT NULL)",
            "INSERT INTO text_documents (text_id, documents) "
            "SELECT text_id, COUNT(DISTINCT document_id) FROM spans GROUP BY text_id",
            # Flows filtered on their attributes, counted exactly in a few rows: see
            # tipkb.store.rollup.FlowGroups (filled by `then`).
            """CREATE TABLE flow_groups (
                origin TEXT NOT NULL,
                destination TEXT NOT NULL,
                signature {int64} NOT NULL,
                cell INTEGER NOT NULL,
                year INTEGER NOT NULL,
                hedged INTEGER NOT NULL,
                victims TEXT NOT NULL,
                exploitation TEXT NOT NULL,
                via TEXT NOT NULL,
                facts INTEGER NOT NULL,
                sentences INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                PRIMARY KEY (origin, destination, signature, cell)
            )""",
            "CREATE INDEX flow_groups_destination ON flow_groups (destination, origin)",
            "CREATE INDEX flow_groups_year ON flow_groups (year)",
            """CREATE TABLE flow_overflow (
                origin TEXT NOT NULL,
                destination TEXT NOT NULL,
                document_id {int64} NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (origin, destination, document_id)
            )""",
            "CREATE INDEX flow_overflow_document ON flow_overflow (document_id)",
        ),
        then=rebuild_flow_groups,
    ),
)

assert MIGRATIONS[-1].version == SCHEMA_VERSION
