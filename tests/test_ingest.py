"""Ingest: read -> extract -> store, idempotent, atomic per document, and safe to kill at any moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store_helpers import BACKENDS, FIXTURE_TEXTS, sql, store_url, write_corpus
from tipkb.extract import extract_document
from tipkb.model import Document
from tipkb.pipeline import analyse, ingest, reextract
from tipkb.read import read_document
from tipkb.ruleset import RULESET
from tipkb.segment import segment
from tipkb.store import fact_from_row, open_store


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


def stored_facts(store, source: str) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = sql(
        store,
        "SELECT d.source, f.data, f.ev_start, f.ev_end, f.ev_text FROM facts f JOIN documents d "
        "ON d.id = f.document_id WHERE d.source = ? ORDER BY f.ev_start",
        (source,),
    )
    return [fact_from_row(*row).to_dict() for row in rows]


def key(fact: dict) -> str:  # type: ignore[type-arg]
    return repr(sorted(fact.items()))


def test_ingest_stores_what_extraction_finds(url: str, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    with open_store(url) as store:
        report = ingest(store, [str(tmp_path / "corpus")])
        assert report.outcomes["new"] == 3 and not report.errors
        for path in paths:
            doc = read_document(path)
            expected = extract_document(doc)
            assert expected, f"the fixture {path.name} should state facts"
            assert sorted(map(key, stored_facts(store, str(path)))) == sorted(
                key(f.to_dict()) for f in expected
            )
            sentences = sql(
                store,
                "SELECT s.start_char, s.end_char, s.text FROM sentences s JOIN documents d "
                "ON d.id = s.document_id WHERE d.source = ? ORDER BY s.start_char",
                (str(path),),
            )
            assert [tuple(s) for s in sentences] == [
                (s.start, s.end, s.text) for s in segment(doc.text).sentences
            ]
        assert report.facts == store.counts()["facts"]
        subject, ruleset, title = sql(
            store,
            "SELECT subject, ruleset, title FROM documents WHERE source LIKE ?",
            ("%kazakhstan-2009.txt",),
        )[0]
        assert (subject, ruleset, title) == ("KAZ", RULESET, "KAZAKHSTAN (Tier 2)")


def test_ingest_is_idempotent(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    with open_store(url) as store:
        ingest(store, [str(corpus)])
        snapshot = sql(store, "SELECT id, document_id, data FROM facts ORDER BY id")
        again = ingest(store, [str(corpus)])
        assert dict(again.outcomes) == {"unchanged": 3}
        assert again.facts == 0
        assert sql(store, "SELECT id, document_id, data FROM facts ORDER BY id") == snapshot
        # The same text under another name is the same document.
        (tmp_path / "copy.txt").write_text(FIXTURE_TEXTS["uzbek-summary.txt"], encoding="utf-8")
        assert dict(ingest(store, [str(tmp_path / "copy.txt")]).outcomes) == {"duplicate": 1}
        assert sql(store, "SELECT id, document_id, data FROM facts ORDER BY id") == snapshot


def test_changed_file_replaces_its_facts(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    target = corpus / "moldova-brief.md"
    with open_store(url) as store:
        ingest(store, [str(corpus)])
        target.write_text("Moldova was placed on Tier 3 in 2012.\n", encoding="utf-8")
        report = ingest(store, [str(corpus)])
        assert report.outcomes["replaced"] == 1 and report.outcomes["unchanged"] == 2
        facts = stored_facts(store, str(target))
        assert [(f["type"], f["tier"], f["year"]) for f in facts] == [("tier", "3", 2012)]
        assert sql(store, "SELECT COUNT(*) FROM documents")[0][0] == 3
        assert sql(store, "SELECT COUNT(*) FROM facts WHERE origin = 'MDA'")[0][0] == 0


def test_read_errors_are_reported_and_the_rest_ingested(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    with open_store(url) as store:
        report = ingest(store, [str(corpus), str(tmp_path / "absent.txt")])
        assert report.outcomes["new"] == 3
        assert len(report.errors) == 2 and any("binary" in e for e in report.errors)


def test_reextract_runs_new_rules_over_old_documents(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    with open_store(url) as store:
        ingest(store, [str(corpus)])
        snapshot = sql(store, "SELECT id, data FROM facts ORDER BY id")
        assert dict(reextract(store).outcomes) == {}
        sql(store, "UPDATE documents SET ruleset = 'roles.v0' WHERE source LIKE ?", ("%moldova%",))
        sql(
            store,
            "DELETE FROM facts WHERE document_id IN (SELECT id FROM documents WHERE ruleset = 'roles.v0')",
        )
        report = reextract(store)
        assert dict(report.outcomes) == {"reextracted": 1}
        assert sql(store, "SELECT DISTINCT ruleset FROM documents") == [(RULESET,)]
        assert sql(store, "SELECT id, data FROM facts ORDER BY id") == snapshot
        assert dict(reextract(store, everything=True).outcomes) == {"reextracted": 3}
        assert sql(store, "SELECT id, data FROM facts ORDER BY id") == snapshot


def test_analyse_matches_extract_document(shared: Path) -> None:
    # ingest extracts from its own segmentation; it must find exactly what extract_document finds.
    paths = sorted((shared / "corpus").rglob("*.txt"))[:40]
    for path in paths:
        doc = read_document(path)
        ours = [f.to_dict() for f in analyse(doc).facts]
        assert ours == [f.to_dict() for f in extract_document(doc)], path.name


def test_analyse_fixture_texts() -> None:
    for name, text in FIXTURE_TEXTS.items():
        rec = analyse(Document(text=text, source=name))
        assert [f.to_dict() for f in rec.facts] == [
            f.to_dict() for f in extract_document(Document(text, name))
        ]
        for start, end, sentence in rec.sentences:
            assert text[start:end] == sentence


@pytest.mark.parametrize("backend", BACKENDS)
def test_killed_ingest_leaves_only_whole_documents(backend: str, tmp_path: Path) -> None:
    """kill -9 a real `tipkb ingest` mid-run: every stored document is whole, none is half there."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {}
    for i in range(400):
        for name, text in FIXTURE_TEXTS.items():
            if len(texts) < 400:
                body = f"{text}\nFile {i} of the {name.split('.')[0]} series.\n"
                texts[f"{i:04d}-{name}"] = body
                (corpus / f"{i:04d}-{name}").write_text(body, encoding="utf-8")
    for url in store_url(backend, tmp_path):
        open_store(url).close()  # the schema exists before the run, so progress can be watched
        exe = Path(sys.executable).with_name("tipkb")
        proc = subprocess.Popen(
            [str(exe), "ingest", str(corpus), "--db", url, "--commit-every", "0.05"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            with open_store(url) as watch:
                deadline = time.monotonic() + 60
                while (
                    watch.counts()["documents"] < 20 and time.monotonic() < deadline and proc.poll() is None
                ):
                    time.sleep(0.02)
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == -signal.SIGKILL
        with open_store(url) as store:
            stored = sql(store, "SELECT source, n_facts, n_sentences FROM documents")
            assert 20 <= len(stored) < len(texts), "the kill should land mid-run"
            for source, n_facts, n_sentences in stored:
                doc = Document(text=texts[Path(source).name], source=source)
                assert len(stored_facts(store, source)) == n_facts == len(extract_document(doc))
                got = sql(
                    store,
                    "SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.source = ?",
                    (source,),
                )[0][0]
                assert got == n_sentences == len(segment(doc.text).sentences)
            orphans = sql(
                store,
                "SELECT COUNT(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document_id)",
            )[0][0]
            assert orphans == 0
            if backend == "sqlite":
                assert sql(store, "PRAGMA integrity_check") == [("ok",)]
            # Running again completes the rest.
            report = ingest(store, [str(corpus)])
            assert report.outcomes["unchanged"] == len(stored)
            assert store.counts()["documents"] == len(texts)


def test_analysing_documents_leaves_the_vocabulary_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the vocabulary is full (``KEEP_WORDS``), every new word and number a document brings is
    forgotten once it is analysed (spaCy's memory zone), so a long ingest does not grow; below that,
    words are kept (and their tokenization cached). The facts are the same either way."""
    from tipkb import segment as seg_module
    from tipkb.extract import _extract
    from tipkb.segment import nlp

    def text(n: int) -> str:
        return (
            f"Women from Moldova are trafficked to Turkey for sexual exploitation. "
            f"Officials in Zorbuvania{n} counted {1000 + n} victims in 2019 under case Qx{n}-{n * 7}."
        )

    analyse(Document(text=text(0), source="warm.txt"))
    monkeypatch.setattr(seg_module, "KEEP_WORDS", len(nlp().vocab) + 1_000_000)
    words = len(nlp().vocab)
    analyse(Document(text=text(1), source="kept.txt"))
    assert len(nlp().vocab) > words  # room left: its new words stay
    monkeypatch.setattr(seg_module, "KEEP_WORDS", 0)
    strings = len(nlp().vocab.strings)
    for n in range(2, 30):
        record = analyse(Document(text=text(n), source=f"doc{n}.txt"))
        assert any(f.type == "flow" for f in record.facts)
    assert len(nlp().vocab.strings) == strings
    doc = Document(text=text(99), source="same.txt")
    assert [f.to_dict() for f in extract_document(doc)] == [
        f.to_dict() for f in _extract(doc, segment(doc.text))
    ]
