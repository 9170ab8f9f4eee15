"""The store: schema, ids, whole-document writes, and the errors a user can meet when opening one."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store_helpers import BACKENDS, hand_made, record, sql, store_url
from tipkb import query
from tipkb.store import SCHEMA_VERSION, Store, StoreError, fact_from_row, open_store


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


def test_new_store_has_schema_and_places(url: str) -> None:
    with open_store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        counts = store.counts()
        assert (counts["documents"], counts["sentences"], counts["texts"], counts["facts"]) == (0, 0, 0, 0)
        name, region, lat, lon, names = sql(
            store, "SELECT name, region, lat, lon, names FROM places WHERE code = 'KAZ'"
        )[0]
        assert (name, region) == ("Kazakhstan", "Central Asia")
        assert 40 < lat < 55 and 50 < lon < 90
        assert "Kazakhstani" in names.split("|")
        assert sql(store, "SELECT kind, lat FROM places WHERE code = 'region:Africa'")[0] == ("region", None)


def test_documents_round_trip(url: str) -> None:
    docs = hand_made()
    with open_store(url) as store:
        assert store.write_documents(docs) == ["new", "new", "new"]
        counts = store.counts()
        assert counts["documents"] == 3
        assert counts["facts"] == sum(len(d.facts) for d in docs)
        assert counts["sentences"] == sum(len(d.sentences) for d in docs)
        stored = {
            (source, start): fact_from_row(source, data, start, end, text)
            for source, data, start, end, text in sql(
                store,
                "SELECT d.source, f.data, f.ev_start, f.ev_end, f.ev_text FROM facts f "
                "JOIN documents d ON d.id = f.document_id",
            )
        }
        for doc in docs:
            for fact in doc.facts:
                again = stored[(doc.source, fact.evidence.start)]
                assert again.to_dict() == fact.to_dict()
                assert doc.text[again.evidence.start : again.evidence.end] == again.evidence.text
        # Every fact points at the sentence that holds its evidence.
        assert (
            sql(
                store,
                "SELECT COUNT(*) FROM facts f JOIN sentences s ON s.id = f.sentence_id "
                "WHERE s.start_char = f.ev_start AND s.text = f.ev_text",
            )[0][0]
            == counts["facts"]
        )
        title, subject, year = sql(
            store, "SELECT title, subject, report_year FROM documents WHERE source = 'reports/kaz-2009.txt'"
        )[0]
        assert (title, subject, year) == ("Kazakhstan 2009", "KAZ", 2009)


def test_same_document_twice_changes_nothing(url: str) -> None:
    docs = hand_made()
    with open_store(url) as store:
        store.write_documents(docs)
        before = sql(store, "SELECT id, ingested_at FROM documents ORDER BY id")
        facts = sql(store, "SELECT id FROM facts ORDER BY id")
        assert store.write_document(docs[0]) == "unchanged"
        copy = record("elsewhere/copy.txt", [])
        copy.text, copy.hash, copy.sentences, copy.facts = (
            docs[0].text,
            docs[0].hash,
            docs[0].sentences,
            docs[0].facts,
        )
        assert store.write_document(copy) == "duplicate"
        assert sql(store, "SELECT id, ingested_at FROM documents ORDER BY id") == before
        assert sql(store, "SELECT id FROM facts ORDER BY id") == facts


def test_ids_are_stable_hashes(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        with open_store(str(tmp_path / name)) as store:
            store.write_documents(hand_made())
            ids.append(
                sql(store, "SELECT id FROM facts ORDER BY id")
                + sql(store, "SELECT id FROM sentences ORDER BY id")
            )
    assert ids[0] == ids[1]


def test_changed_document_replaces_its_facts(url: str) -> None:
    kaz_a = hand_made()[0]
    with open_store(url) as store:
        store.write_document(kaz_a)
        newer = record(
            kaz_a.source,
            [("KAZAKHSTAN (Tier 3)", [{"type": "tier", "country": "KAZ", "year": 2009, "tier": "3"}])],
        )
        assert store.write_document(newer) == "replaced"
        assert store.counts()["documents"] == 1
        assert sql(store, "SELECT tier FROM facts") == [("3",)]
        assert sql(store, "SELECT text FROM sentences") == [("KAZAKHSTAN (Tier 3)",)]


def test_a_failed_write_leaves_no_part_of_the_document(url: str) -> None:
    kaz_a, kaz_b, _ = hand_made()
    with open_store(url) as store:
        store.write_document(kaz_a)
        # A fact without its rule breaks the NOT NULL constraint after the document and its sentences went in.
        kaz_b.facts[-1].rule = None  # type: ignore[assignment]
        with pytest.raises(Exception, match=r"(?i)not null|null value"):
            store.write_document(kaz_b)
        assert store.counts()["documents"] == 1
        assert sql(store, "SELECT COUNT(*) FROM sentences")[0][0] == len(kaz_a.sentences)
        assert sql(store, "SELECT COUNT(*) FROM facts")[0][0] == len(kaz_a.facts)


def test_delete_document(url: str) -> None:
    with open_store(url) as store:
        store.write_documents(hand_made())
        assert store.delete_document("reports/moldova.md")
        assert not store.delete_document("reports/moldova.md")
        assert sql(store, "SELECT COUNT(*) FROM facts WHERE country = 'MDA' OR origin = 'MDA'")[0][0] == 0


def test_newer_schema_is_refused(url: str) -> None:
    with open_store(url) as store:
        sql(store, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(
        StoreError, match=rf"newer tipkb \(schema 99; this tipkb reads up to {SCHEMA_VERSION}\)"
    ):
        open_store(url)


def test_missing_store_without_create(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no knowledge base at"):
        open_store(str(path), create=False)
    assert not path.exists()


def test_empty_postgres_without_create(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    with pytest.raises(StoreError, match="has no knowledge base yet"):
        open_store(url, create=False)


def test_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    open_store(str(path)).close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bad_locations(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "kb.db"))
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some words\n" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(text))
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE birds (name TEXT)")
    with pytest.raises(StoreError, match="not a tipkb knowledge base"):
        open_store(str(other))
    with pytest.raises(StoreError, match="unsupported database URL") as bad:
        open_store("mysql://someone@127.0.0.1/kb")
    assert bad.value.usage


def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    open_store(str(path)).close()
    path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_store(str(path))
        # Reading is still allowed.
        with open_store(str(path), create=False) as store:
            assert store.counts()["documents"] == 0
    finally:
        path.chmod(0o644)


def test_postgres_down() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match=rf"cannot connect to PostgreSQL at 127\.0\.0\.1:{port}") as err:
        open_store(f"postgresql://nobody@127.0.0.1:{port}/kb")
    assert not err.value.usage


def test_bad_postgres_url() -> None:
    with pytest.raises(StoreError, match="bad PostgreSQL URL") as err:
        open_store("postgresql://u@127.0.0.1:5432/kb?nonsense_option=1")
    assert err.value.usage


def rollups(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (
        sorted(sql(store, "SELECT * FROM rollup")),
        sorted(sql(store, "SELECT * FROM rollup_values")),
    )


def test_rollups_follow_every_write(url: str) -> None:
    kaz_a, kaz_b, mda = hand_made()
    with open_store(url) as store:
        store.write_documents([kaz_a, kaz_b, mda])
        # Replace one document with other facts, remove one, rewrite one in place, add one back.
        newer = record(
            kaz_b.source,
            [
                ("KAZAKHSTAN: TIER 3", [{"type": "tier", "country": "KAZ", "year": 2009, "tier": "3"}]),
                (
                    "Uzbek boys are forced to beg in Kazakhstan.",
                    [
                        {
                            "type": "flow",
                            "origin": "UZB",
                            "destination": "KAZ",
                            "year": 2011,
                            "victims": ["boys"],
                        }
                    ],
                ),
            ],
        )
        assert store.write_document(newer) == "replaced"
        assert store.delete_document(mda.source)
        assert store.write_document(kaz_a, rewrite=True) == "reextracted"
        store.write_document(mda)
        kept = rollups(store)
        store.rebuild_rollups()
        assert rollups(store) == kept
        uzb_kaz = query.flows(store, origin="UZB", destination="KAZ")[0]
        assert (uzb_kaz.documents, uzb_kaz.victims, uzb_kaz.years) == (2, ["men", "boys"], [2009, 2011])
        # The rollups answer as the facts do.
        assert query.flows_from_rollup(store) == query.flows_from_facts(store)
        for source in (kaz_a.source, newer.source, mda.source):
            store.delete_document(source)
        assert rollups(store) == ([], [])


COUNTRIES = ["KAZ", "UZB", "RUS", "MDA"]
fact_strategy = st.one_of(
    st.builds(
        lambda o, d, y, v, e, h: {
            "type": "flow",
            "origin": o,
            "destination": d,
            "year": y,
            "victims": v,
            "exploitation": e,
            "hedged": h,
        },
        st.sampled_from(COUNTRIES),
        st.sampled_from(COUNTRIES),
        st.sampled_from([None, 2008, 2009]),
        st.lists(st.sampled_from(["men", "women", "children"]), unique=True, max_size=2),
        st.lists(st.sampled_from(["sexual", "labor"]), unique=True, max_size=2),
        st.booleans(),
    ),
    st.builds(
        lambda c, y, t: {"type": "tier", "country": c, "year": y, "tier": t},
        st.sampled_from(COUNTRIES),
        st.sampled_from([None, 2009]),
        st.sampled_from(["2", "3"]),
    ),
    st.builds(
        lambda c, y, v: {"type": "statistic", "country": c, "metric": "convictions", "value": v, "year": y},
        st.sampled_from(COUNTRIES),
        st.sampled_from([2008, 2009]),
        st.integers(0, 3),
    ),
    st.builds(
        lambda c, r, y: {"type": "role", "country": c, "role": r, "year": y, "extent": "primary"},
        st.sampled_from(COUNTRIES),
        st.sampled_from(["origin", "destination"]),
        st.sampled_from([None, 2009]),
    ),
    st.builds(
        lambda c, y: {"type": "ratification", "country": c, "year": y},
        st.sampled_from(COUNTRIES),
        st.sampled_from([2003, 2004]),
    ),
)
# A document: a few sentences (some repeated, as reports repeat themselves), each stating some facts.
document_strategy = st.lists(
    st.tuples(st.sampled_from(["One.", "Two.", "Three.", "Four."]), st.lists(fact_strategy, max_size=3)),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["write", "rewrite", "delete"]),
            st.sampled_from(["a", "b", "c"]),
            document_strategy,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_rollups_equal_a_recount_after_any_writes(ops: list[tuple[str, str, list]]) -> None:  # type: ignore[type-arg]
    with open_store(":memory:") as store:
        for op, name, items in ops:
            if op == "delete":
                store.delete_document(name)
            else:
                store.write_document(record(name, items), rewrite=op == "rewrite")
        kept = rollups(store)
        store.rebuild_rollups()
        assert rollups(store) == kept
        assert query.flows_from_rollup(store) == query.flows_from_facts(store)
        assert all(n > 0 for (n,) in sql(store, "SELECT facts FROM rollup"))
