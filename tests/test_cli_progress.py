"""What ingest and reextract show while they run: a bar on a terminal, one summary line otherwise."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from conftest import Ran, run_cli
from store_helpers import sql, write_corpus
from tipkb.cli.progress import IngestProgress
from tipkb.store import open_store


def test_bar_on_a_terminal_counts_files_and_outcomes() -> None:
    out = io.StringIO()
    with IngestProgress(2, stream=out, terminal=True, show_after=0) as progress:
        time.sleep(0.3)  # the bar starts on a timer thread
        progress("a.txt", "new")
        progress("report.pdf#NPL", "new")
        progress("report.pdf#BGD", "unchanged")  # one file, two documents: the bar moves once
        assert progress.shown
        time.sleep(0.2)
    drawn = out.getvalue()
    assert "ingesting" in drawn and "2/2" in drawn and "2 new, 1 unchanged" in drawn


def test_no_bar_for_a_short_run_or_off_a_terminal() -> None:
    quick, piped = io.StringIO(), io.StringIO()
    with IngestProgress(1, stream=quick, terminal=True, show_after=5) as progress:
        progress("a.txt", "new")
    assert not progress.shown and quick.getvalue() == ""
    with IngestProgress(1, stream=piped, show_after=0) as progress:  # a StringIO is no terminal
        time.sleep(0.2)
        progress("a.txt", "new")
    assert not progress.shown and piped.getvalue() == ""


def test_verbose_prints_each_document() -> None:
    out = io.StringIO()
    with IngestProgress(None, stream=out, verbose=True) as progress:
        progress("a.txt", "new")
        progress("b.txt", "failed")
    assert out.getvalue().split("\n")[:2] == ["       new  a.txt", "    failed  b.txt"]


def test_ingest_off_a_terminal_prints_one_summary_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    done = run_cli("ingest", str(corpus), "--db", str(tmp_path / "kb.db"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1 and "3 new" in done.stdout


def test_reextract_with_nothing_to_do_says_the_documents_are_up_to_date(
    cli: Callable[..., Ran], tmp_path: Path
) -> None:
    corpus, db = tmp_path / "corpus", str(tmp_path / "kb.db")
    write_corpus(corpus)
    with open_store(db, create=True):
        pass
    assert "nothing to do: no documents stored" in cli("reextract", "--db", db).stdout
    cli("ingest", str(corpus), "--db", db)
    done = cli("reextract", "--db", db)
    assert done.returncode == 0
    assert "nothing to do: all 3 documents are up to date" in done.stdout
    with open_store(db) as store:
        sql(store, "UPDATE documents SET ruleset = 'old' WHERE source LIKE '%a%'")
    assert "reextracted" in cli("reextract", "--db", db).stdout
