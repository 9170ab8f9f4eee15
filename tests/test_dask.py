"""Distributed ingest on a real Dask cluster (LocalCluster, two worker processes) into PostgreSQL and
SQLite: the same facts as a one-process ingest, idempotent, and a killed worker's file retried."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from store_helpers import BACKENDS, store_url
from test_parallel import make_corpus, snapshot
from tipkb.pipeline import ingest
from tipkb.store import open_store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A corpus with one long file first, and its one-process ingest."""
    folder = tmp_path_factory.mktemp("dask") / "corpus"
    make_corpus(folder, n=24, big=200)
    serial_url = str(folder.parent / "serial.db")
    with open_store(serial_url) as store:
        ingest(store, [str(folder)])
    return folder, serial_url


def test_dask_stores_what_one_process_stores(
    client: distributed.Client, url: str, corpus: tuple[Path, str]
) -> None:
    folder, serial_url = corpus
    with open_store(url) as store:
        report = ingest(store, [str(folder)], "dask", scheduler=client)
        assert report.outcomes["new"] > 24 and len(report.errors) == 1 and not report.retried
    assert snapshot(url) == snapshot(serial_url)
    with open_store(url) as store:
        again = ingest(store, [str(folder)], "dask", scheduler=client)
    assert dict(again.outcomes) == {"unchanged": report.outcomes["new"]} and again.facts == 0
    assert snapshot(url) == snapshot(serial_url)


def test_killed_dask_worker_has_its_file_retried(
    client: distributed.Client, tmp_path: Path, corpus: tuple[Path, str]
) -> None:
    folder, serial_url = corpus
    pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_busy_worker(source: str, status: str) -> None:
        # While a short file is written, the long one (the first task) is still running: kill its worker.
        if killed or status != "new":
            return
        for address, keys in client.processing().items():
            if any(str(k).endswith("-0") for k in keys):
                os.kill(pids[address], signal.SIGKILL)
                killed.append(address)

    url = str(tmp_path / "kb.db")
    with open_store(url) as store:
        report = ingest(
            store, [str(folder)], "dask", scheduler=client, progress=kill_busy_worker, commit_every=0
        )
    assert killed
    assert any(r.startswith(str(folder / "000-big.txt")) for r in report.retried), report.retried
    assert snapshot(url) == snapshot(serial_url)
    client.wait_for_workers(2, timeout=30)  # the nanny restarts it


@pytest.mark.skipif(
    not os.environ.get("TIPKB_TEST_PG"),
    reason="TIPKB_TEST_PG is not set",
)
def test_cli_ingest_on_a_dask_scheduler_into_postgresql(
    client: distributed.Client, tmp_path: Path, corpus: tuple[Path, str]
) -> None:
    from conftest import run_cli

    folder, serial_url = corpus
    for url in store_url("postgresql", tmp_path):
        done = run_cli(
            "ingest", str(folder), "--engine", "dask", "--scheduler", client.scheduler.address, "--db", url
        )
        assert done.returncode == 1, done.stderr  # the broken file
        assert " new, 1 failed;" in done.stdout and "binary" in done.stderr
        assert snapshot(url) == snapshot(serial_url)
