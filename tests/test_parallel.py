"""Parallel ingest (`--jobs N`): the same store as one process, idempotent, a killed worker's file retried,
and Ctrl-C stops cleanly and resumes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store_helpers import BACKENDS, FIXTURE_TEXTS, sql, store_url
from tipkb.pipeline import ingest
from tipkb.pipeline.pool import WORKER_NAME
from tipkb.store import open_store


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


def make_corpus(folder: Path, n: int = 30, big: int = 0) -> list[Path]:
    """n small narratives (each text varied by its number) and, first in order, one of ``big`` copies."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = list(FIXTURE_TEXTS.items())
    out = []
    if big:
        body = "\n\n".join(
            f"{texts[i % 3][1]}\nIn {1990 + i % 30}, officials counted {i} cases." for i in range(big)
        )
        out.append(folder / "000-big.txt")
        out[-1].write_text(body, encoding="utf-8")
    for i in range(n):
        name, text = texts[i % len(texts)]
        path = folder / f"{i + 1:03d}-{name}"
        path.write_text(f"{text}\nFile {i} of the series.\n", encoding="utf-8")
        out.append(path)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return out


def snapshot(url: str) -> dict[str, Any]:
    """Everything a query can see, independent of write order: facts, documents, sentences, rollups."""
    with open_store(url, create=False) as store:
        return {
            "facts": sql(
                store,
                "SELECT f.id, d.hash, f.type, f.data, f.ev_start, f.ev_end, f.ev_text, f.sentence_id "
                "FROM facts f JOIN documents d ON d.id = f.document_id ORDER BY f.id",
            ),
            "documents": sql(
                store,
                "SELECT source, hash, n_facts, n_sentences, subject, report_year, title, ruleset "
                "FROM documents ORDER BY source",
            ),
            "sentences": sql(
                store, "SELECT id, document_id, start_char, end_char, text FROM sentences ORDER BY id"
            ),
            "rollup": sorted(map(repr, sql(store, "SELECT * FROM rollup"))),
            "rollup_values": sorted(map(repr, sql(store, "SELECT * FROM rollup_values"))),
        }


def test_pool_stores_what_one_process_stores(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, n=24)
    serial_url = str(tmp_path / "serial.db")
    with open_store(serial_url) as store:
        serial = ingest(store, [str(corpus)])
    seen: list[tuple[str, str]] = []
    with open_store(url) as store:
        report = ingest(store, [str(corpus)], jobs=2, progress=lambda s, st: seen.append((s, st)))
    assert report.outcomes == serial.outcomes == {"new": 24}
    assert (report.facts, report.sentences) == (serial.facts, serial.sentences)
    assert len(report.errors) == 1 and "binary" in report.errors[0]
    assert not report.retried
    assert sorted(seen) == sorted(
        [(str(p), "new") for p in sorted(corpus.glob("0*"))] + [(str(corpus / "broken.txt"), "failed")]
    )
    assert snapshot(url) == snapshot(serial_url)
    assert snapshot(url)["facts"], "the corpus should state facts"


def test_pool_is_idempotent_and_replaces_changed_files(url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = make_corpus(corpus, n=9)
    with open_store(url) as store:
        ingest(store, [str(corpus)], jobs=2)
        before = snapshot(url)
        again = ingest(store, [str(corpus)], jobs=2)
        assert dict(again.outcomes) == {"unchanged": 9} and again.facts == 0
        assert snapshot(url) == before
        # The same text under another name is the same document; a changed file replaces its facts.
        (tmp_path / "copy.txt").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
        paths[1].write_text("Moldova was placed on Tier 3 in 2012.\n", encoding="utf-8")
        report = ingest(store, [str(corpus), str(tmp_path / "copy.txt")], jobs=2)
        assert dict(report.outcomes) == {"unchanged": 8, "replaced": 1, "duplicate": 1}
        assert sql(store, "SELECT COUNT(*) FROM documents")[0][0] == 9


def _workers() -> dict[str, multiprocessing.Process]:
    return {p.name: p for p in multiprocessing.active_children() if p.name.startswith(WORKER_NAME)}


def test_killed_worker_has_its_file_retried(tmp_path: Path) -> None:
    """kill -9 the worker extracting a long file: it is retried by a new worker; nothing lost or doubled."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus, n=20, big=300)
    serial_url, url = str(tmp_path / "serial.db"), str(tmp_path / "pool.db")
    with open_store(serial_url) as store:
        ingest(store, [str(corpus)])
    killed: list[int] = []

    def kill_first_worker(source: str, status: str) -> None:
        # The first worker got the first file, the long one, and is still on it when a short one is in.
        if not killed and status == "new":
            victim = _workers()[f"{WORKER_NAME}-0"]
            assert victim.pid is not None
            os.kill(victim.pid, signal.SIGKILL)
            killed.append(victim.pid)

    with open_store(url) as store:
        report = ingest(store, [str(corpus)], jobs=2, progress=kill_first_worker, commit_every=0)
    assert killed
    assert len(report.retried) == 1 and report.retried[0].startswith(str(corpus / "000-big.txt"))
    assert "SIGKILL" in report.retried[0]
    assert "1 retried" in report.summary()
    assert snapshot(url) == snapshot(serial_url)
    assert not _workers(), "the pool's processes end with the run"


def _tipkb(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("tipkb")), *args]


def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, n=400)
    db = str(tmp_path / "kb.db")
    open_store(db).close()
    command = _tipkb("ingest", str(corpus), "--db", db, "--jobs", "2", "--commit-every", "0.05")
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        with open_store(db) as watch:
            deadline = time.monotonic() + 60
            while watch.counts()["documents"] < 20 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
        children = _children(proc.pid)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    with open_store(db) as store:
        stored = sql(store, "SELECT source, n_facts FROM documents")
        assert 20 <= len(stored) < 400, "Ctrl-C should land mid-run"
        for source, n_facts in stored:  # whole documents only
            assert (
                sql(
                    store,
                    "SELECT COUNT(*) FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.source = ?",
                    (source,),
                )[0][0]
                == n_facts
            )
    assert f"{len(stored)} new" in out
    time.sleep(0.5)
    assert not [pid for pid in children if _alive(pid)], "worker processes outlived the run"

    again = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 1, again.stderr  # the broken file
    assert f"{400 - len(stored)} new, {len(stored)} unchanged" in again.stdout
    with open_store(db) as store:
        assert store.counts()["documents"] == 400


def _children(pid: int) -> list[int]:
    """A process's descendants (the pool's workers are the forkserver's children)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(p) for p in text.split()]
    return kids + [g for k in kids for g in _children(k)]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
