"""The pool engine: extraction in a pool of local worker processes; this process writes.

Faults: a worker process that dies (killed, out of memory) has its file retried on another worker, which
skips the documents of that file already received; the report lists what was retried. A file whose
worker dies ``MAX_ATTEMPTS`` times is reported as failed. Ctrl-C stops at a safe point: what was
extracted is committed and ``Interrupted`` is raised; running the same ingest again skips it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable
from multiprocessing.connection import Connection, wait
from typing import Any

from tipkb.pipeline.sources import Source
from tipkb.pipeline.tasks import Task, analyse_file, stored_index, take, tasks_of
from tipkb.pipeline.write import BatchWriter, IngestReport, stop_on_sigint

__all__ = ["MAX_ATTEMPTS", "WORKER_NAME", "ingest_pool"]

# A file whose worker process dies this many times is reported as failed, not retried again.
MAX_ATTEMPTS = 3
# Messages a worker holds for the writer while it is busy (each a document's rows: a few hundred KB).
OUTBOX = 8
# Tasks (files) a worker holds: the one it works on and the next, waiting in its pipe.
AHEAD = 2
# The name of the pool's worker processes (``multiprocessing.active_children()``).
WORKER_NAME = "tipkb-ingest-worker"


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tipkb.pipeline.tasks"])
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


def ingest_pool(writer: BatchWriter, sources: Iterable[Source], jobs: int) -> IngestReport:
    """Ingest with ``jobs`` worker processes reading and extracting; this process writes (``writer``).

    Documents are committed in order of completion, in batches of the writer's ``commit_every`` seconds.
    A worker that dies has its files retried by a new worker (``IngestReport.retried``).
    """
    tasks = tasks_of(sources, writer, {} if writer.rewrite else stored_index(writer.store))
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
            take(writer, task, payload)
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
