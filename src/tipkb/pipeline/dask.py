"""The dask engine: extraction on a Dask cluster (its workers must see the same paths); this process
writes the results to the store in batches, idempotently."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tipkb.pipeline.sources import Source
from tipkb.pipeline.tasks import Result, Task, analyse_file, stored_index, take, tasks_of
from tipkb.pipeline.write import BatchWriter, IngestReport, stop_on_sigint

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ingest_dask"]


def _dask_analyse(task: Task) -> list[Result]:
    """The Dask task: a file's results, whole (the scheduler retries it elsewhere if its worker dies)."""
    return list(analyse_file(task))


def ingest_dask(
    writer: BatchWriter,
    sources: Iterable[Source],
    scheduler: str | Client | None = None,
    jobs: int = 2,
    window: int | None = None,
) -> IngestReport:
    """Ingest on a Dask cluster: its workers read and extract files, this process writes (``writer``).

    ``scheduler``: a ``tcp://host:8786`` address or a ``distributed.Client``; None starts a LocalCluster
    of ``jobs`` worker processes. At most ``window`` files (default: 4 per worker thread) are in flight,
    so memory stays flat however large the corpus. Files whose worker died are listed in
    ``IngestReport.retried`` (from the scheduler's own "remove-worker" events); Dask gives up on a file
    after its ``allowed-failures`` and it is reported as failed.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    elif isinstance(scheduler, str):
        client = Client(scheduler)
    else:
        client = scheduler
    try:
        return _ingest_dask(writer, sources, client, window)
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def _ingest_dask(
    writer: BatchWriter, sources: Iterable[Source], client: Client, window: int | None
) -> IngestReport:
    from distributed import as_completed

    tasks = tasks_of(sources, writer, {} if writer.rewrite else stored_index(writer.store))
    run = f"tipkb-ingest-{uuid.uuid4().hex[:10]}"
    threads = sum(client.nthreads().values()) or 1
    window = window or 4 * threads
    flight: dict[str, tuple[Task, Any]] = {}
    submitted: dict[str, Task] = {}
    done = as_completed()

    def submit() -> bool:
        task = next(tasks, None)
        if task is None:
            return False
        key = f"{run}-{task.number}"
        future = client.submit(_dask_analyse, task, key=key, pure=False)
        flight[key] = (task, future)
        submitted[key] = task
        done.add(future)
        return True

    with stop_on_sigint() as stop:
        while len(flight) < window and submit():
            pass
        while flight and not stop.is_set():
            batch = done.next_batch(block=False)
            if not batch:
                time.sleep(0.02)
                writer.tick()
                continue
            for future in batch:
                task, _ = flight.pop(future.key)
                if future.status == "error":
                    err = future.exception()
                    writer.error(task.path, f"{task.path}: {type(err).__name__}: {err}")
                else:
                    for result in future.result():
                        take(writer, task, result)
                future.release()
                if not stop.is_set():
                    submit()
            writer.tick()
        interrupted = stop.is_set()
        if interrupted:
            client.cancel([future for _, future in flight.values()])
        writer.report.retried.extend(_dask_retried(client, submitted))
        return writer.finish(interrupted=interrupted)


def _dask_retried(client: Client, submitted: Mapping[str, Task]) -> list[str]:
    """Our files that were running (or whose result was held) on a worker when it died, by the scheduler's
    events."""
    retried = []
    for _when, event in client.get_events("all"):
        if not isinstance(event, dict) or event.get("action") != "remove-worker" or event.get("expected"):
            continue
        keys = set(event.get("processing-tasks", ())) | set(event.get("lost-computed-tasks", ()))
        for key in sorted(k for k in keys if k in submitted):
            retried.append(f"{submitted[key].path}: worker {event.get('worker')} died; retried")
    return retried
