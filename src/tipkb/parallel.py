"""Parallel and distributed ingest: extraction in a pool of local processes, or on a Dask cluster.

Both engines hand out *files* (paths): a worker reads one, splits it if it is a whole report, and
analyses each document whose text is not already stored at its source (``tipkb.ingest.analyse``). The
calling process is the one writer: it commits whole documents in order of completion, in batches
(``BatchWriter``), so the store sees exactly what a one-process ingest would write, and stays
idempotent.

Faults: a worker process that dies (killed, out of memory) has its file retried on another worker, which
skips the documents of that file already received; the report lists what was retried. A file whose
worker dies ``MAX_ATTEMPTS`` times is reported as failed. Ctrl-C stops at a safe point: what was
extracted is committed and ``tipkb.ingest.Interrupted`` is raised; running the same ingest again skips it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from tipkb.ingest import (
    COMMIT_SECONDS,
    BatchWriter,
    IngestReport,
    Progress,
    analyse,
    read_file,
    stop_on_sigint,
)
from tipkb.model import Document
from tipkb.read import ReadError, iter_paths, read_document
from tipkb.store import DocumentRows, Store, content_hash

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["MAX_ATTEMPTS", "Result", "Task", "analyse_file", "ingest_dask", "ingest_pool"]

# A file whose worker process dies this many times is reported as failed, not retried again.
MAX_ATTEMPTS = 3
# Messages a worker holds for the writer while it is busy (each a document's rows: a few hundred KB).
OUTBOX = 8
# Tasks (files) a worker holds: the one it works on and the next, waiting in its pipe.
AHEAD = 2
# The name of the pool's worker processes (``multiprocessing.active_children()``).
WORKER_NAME = "tipkb-ingest-worker"


@dataclass
class Result:
    """What a worker made of one document: the rows that store it, or "unchanged" (stored already), or an
    error."""

    source: str
    rows: DocumentRows | None = None
    unchanged: bool = False
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Task:
    """One file to read and analyse (or one document already read, from standard input).

    ``path`` names the documents (their source, as a one-process ingest names them); ``location`` is
    where the worker reads it (absolute). ``known``: the stored hash of each of its sources.
    """

    number: int
    path: str
    location: str
    known: dict[str, str] = field(default_factory=dict)
    document: Document | None = None
    attempts: int = 0
    # Sources already received from an earlier attempt (not counted twice).
    seen: set[str] = field(default_factory=set)


# -- the work, as a worker does it ---------------------------------------------------------------


def _documents(task: Task) -> Iterator[Document | ReadError]:
    if task.document is not None:
        return iter([task.document])
    return read_file(task.path, task.location)


def analyse_file(task: Task) -> Iterator[Result]:
    """Read a task's file and analyse each of its documents not stored already (as ``ingest`` would)."""
    for doc in _documents(task):
        if isinstance(doc, ReadError):
            yield Result(doc.source, error=str(doc))
            continue
        warnings = list(doc.meta.get("warnings", []))
        digest = content_hash(doc.text)
        if task.known.get(doc.source) == digest:
            yield Result(doc.source, unchanged=True, warnings=warnings)
            continue
        try:
            rows = analyse(doc, digest).rows()
        except Exception as err:  # an extractor bug fails this document, not the run
            yield Result(doc.source, error=f"{doc.source}: extraction failed: {type(err).__name__}: {err}")
            continue
        yield Result(doc.source, rows=rows, warnings=warnings)


# -- the writer's side ----------------------------------------------------------------------------


def _stored_index(store: Store) -> dict[str, dict[str, str]]:
    """Stored (source -> hash), grouped by the part of the source before any ``#`` (a report's file)."""
    index: dict[str, dict[str, str]] = defaultdict(dict)
    for source, digest, _ruleset in store.documents():
        index[source.split("#", 1)[0]][source] = digest
    return index


def _tasks(paths: Iterable[str], writer: BatchWriter, index: Mapping[str, dict[str, str]]) -> Iterator[Task]:
    """A task per file under the paths; paths that give nothing are reported to the writer."""
    for number, (path, error) in enumerate(iter_paths(paths)):
        if error is not None:
            writer.error(error.source, str(error))
            continue
        document = None
        if path == "-":
            try:
                document = read_document("-")
            except ReadError as err:
                writer.error(err.source, str(err))
                continue
        stored = index.get(path.split("#", 1)[0], {})
        known = {s: h for s, h in stored.items() if s == path or s.startswith(path + "#")}
        location = path if path == "-" else os.path.abspath(path)
        yield Task(number, path, location, known, document)


def _take(writer: BatchWriter, task: Task, result: Result) -> None:
    """Hand one worker result to the writer (once per source, whatever the attempts)."""
    if result.source in task.seen:
        return
    task.seen.add(result.source)
    writer.report.warnings.extend(result.warnings)
    if result.error is not None:
        writer.error(result.source, result.error)
    elif result.rows is not None:
        task.known[result.source] = result.rows.hash  # a retry skips it
        writer.add(result.rows)
    else:
        writer.outcome(result.source, "unchanged")


# -- the process pool -----------------------------------------------------------------------------


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tipkb.ingest"])
        return ctx
    return multiprocessing.get_context("spawn")


def _worker_main(conn: Connection) -> None:
    """A pool worker: analyse each task sent, sending a message per document, then ("done", n).

    Messages go out through a thread, so that the worker goes on extracting while the writer is busy
    committing (a document's rows are larger than a pipe holds: sending one waits for the reader).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    from tipkb.segment import nlp

    nlp()
    outbox: queue.Queue[tuple[str, Any, Any] | None] = queue.Queue(maxsize=OUTBOX)

    def send() -> None:
        try:
            while (message := outbox.get()) is not None:
                conn.send(message)
        except (EOFError, OSError):  # the parent is gone
            os._exit(0)

    sender = threading.Thread(target=send, name="tipkb-sender", daemon=True)
    sender.start()
    try:
        outbox.put(("ready", os.getpid(), None))
        while True:
            task = conn.recv()
            if task is None:
                break
            for result in analyse_file(task):
                outbox.put(("doc", task.number, result))
            outbox.put(("done", task.number, None))
    except (EOFError, OSError):  # the parent is gone
        os._exit(0)
    outbox.put(None)
    sender.join()


class _Worker:
    def __init__(self, ctx: Any, index: int) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=_worker_main, args=(child,), name=f"{WORKER_NAME}-{index}", daemon=True
        )
        self.proc.start()
        child.close()
        # The tasks sent and not done, in the order sent (the worker does them in that order).
        self.tasks: dict[int, Task] = {}
        self.started = False  # sent anything yet

    def wants(self) -> bool:
        """Whether to send another task: while it works on one, the next waits in its pipe (so that it
        need not wait for the writer to hand it out)."""
        return len(self.tasks) < AHEAD

    def give(self, task: Task) -> None:
        task.attempts += 1
        self.tasks[task.number] = task
        with contextlib.suppress(OSError):  # died meanwhile: the main loop sees it and retries the task
            self.conn.send(task)

    def stop(self, now: bool) -> None:
        if self.proc.is_alive() and not now:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(5)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _exit_text(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


def ingest_pool(
    store: Store,
    paths: Iterable[str],
    jobs: int,
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
) -> IngestReport:
    """Ingest with ``jobs`` worker processes reading and extracting; this process writes.

    Documents are committed in order of completion, in batches of ``commit_every`` seconds. A worker that
    dies has its files retried by a new worker (``IngestReport.retried``).
    """
    writer = BatchWriter(store, progress, commit_every)
    tasks = _tasks(paths, writer, _stored_index(store))
    retry: deque[Task] = deque()
    ctx = _context()
    workers = [_Worker(ctx, i) for i in range(max(1, jobs))]
    spawned = len(workers)
    silent_deaths = 0
    interrupted = False

    def next_task() -> Task | None:
        return retry.popleft() if retry else next(tasks, None)

    def died(worker: _Worker) -> _Worker:
        nonlocal silent_deaths, spawned
        # Keep what it sent before dying.
        try:
            while worker.conn.poll():
                receive(worker, worker.conn.recv())
        except Exception:  # a message cut short by the death
            pass
        worker.proc.join(5)
        why = f"worker {worker.proc.pid} {_exit_text(worker.proc.exitcode)}"
        if not worker.started:
            silent_deaths += 1
            if silent_deaths >= 3 * len(workers):
                raise RuntimeError(f"tipkb ingest: worker processes fail to start ({why})")
        # The first task is the one it was working on; the others were waiting, never started.
        sent = list(worker.tasks.values())
        for task in reversed(sent[1:]):
            task.attempts -= 1
            retry.appendleft(task)
        if sent:
            task = sent[0]
            if task.attempts >= MAX_ATTEMPTS:
                writer.error(
                    task.path, f"{task.path}: {task.attempts} worker processes died reading it ({why})"
                )
            else:
                writer.report.retried.append(f"{task.path}: {why}; retried")
                retry.appendleft(task)
        worker.conn.close()
        spawned += 1
        return _Worker(ctx, spawned)

    def receive(worker: _Worker, message: tuple[str, Any, Any]) -> None:
        kind, number, payload = message
        worker.started = True
        task = worker.tasks.get(number)
        if kind == "doc" and task is not None:
            _take(writer, task, payload)
        elif kind == "done":
            worker.tasks.pop(number, None)

    with stop_on_sigint() as stop:
        try:
            while not stop.is_set():
                for i, worker in enumerate(workers):
                    if not worker.tasks and not worker.proc.is_alive():
                        worker = workers[i] = died(worker)
                    while worker.wants():
                        task = next_task()
                        if task is None:
                            break
                        if task.document is not None and worker.tasks:
                            # A document read from standard input can be larger than a pipe holds:
                            # only to an idle worker, which reads it at once.
                            retry.appendleft(task)
                            break
                        worker.give(task)
                busy = [w for w in workers if w.tasks]
                if not busy:
                    break
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=0.2))
                for i, worker in enumerate(workers):
                    if not worker.tasks:
                        continue
                    dead = worker.proc.sentinel in ready
                    if worker.conn in ready and not dead:
                        try:
                            while worker.tasks and worker.conn.poll():
                                receive(worker, worker.conn.recv())
                        except (EOFError, OSError):
                            dead = True
                    if dead or not worker.proc.is_alive():
                        workers[i] = died(worker)
                writer.tick()
        finally:
            interrupted = stop.is_set()
            # A write that failed (a full disk) stops the run: the workers' work in hand is dropped.
            failed = sys.exc_info()[0] is not None
            for worker in workers:
                worker.stop(now=interrupted or failed)
    return writer.finish(interrupted=interrupted)


# -- Dask -------------------------------------------------------------------------------------------


def _dask_analyse(task: Task) -> list[Result]:
    """The Dask task: a file's results, whole (the scheduler retries it elsewhere if its worker dies)."""
    return list(analyse_file(task))


def ingest_dask(
    store: Store,
    paths: Iterable[str],
    scheduler: str | Client | None = None,
    progress: Progress | None = None,
    commit_every: float = COMMIT_SECONDS,
    jobs: int = 2,
    window: int | None = None,
) -> IngestReport:
    """Ingest on a Dask cluster: its workers read and extract files (they must see the same paths), this
    process writes the results to the store in batches, idempotently.

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
        return _ingest_dask(store, paths, client, progress, commit_every, window)
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def _ingest_dask(
    store: Store,
    paths: Iterable[str],
    client: Client,
    progress: Progress | None,
    commit_every: float,
    window: int | None,
) -> IngestReport:
    from distributed import as_completed

    writer = BatchWriter(store, progress, commit_every)
    tasks = _tasks(paths, writer, _stored_index(store))
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
                        _take(writer, task, result)
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
