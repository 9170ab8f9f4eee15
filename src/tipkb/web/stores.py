"""The web app's hold on the knowledge base: one open store per thread, and a generation that changes
whenever the stored documents do (so that cached answers are dropped)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tipkb.store import open_store

if TYPE_CHECKING:
    from tipkb.store import Store

T = TypeVar("T")
# How long a generation read from the store is trusted: writes by another process show within this.
GENERATION_TTL = 1.0


class Stores:
    """Stores over one URL, one per thread (SQLite and psycopg connections are not shared across threads)."""

    def __init__(self, url: str, create: bool = False) -> None:
        self.url = url
        self.create = create
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._generation: tuple[float, str] = (0.0, "")
        self._bumps = 0
        self._memo: dict[str, tuple[str, Any]] = {}
        self._memo_locks: dict[str, threading.Lock] = {}
        self._watch: Store | None = None

    def get(self) -> Store:
        """This thread's store, opened on first use."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url, create=self.create, read_mostly=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def generation(self) -> str:
        """A token that changes when documents are added, replaced or removed."""
        checked, token = self._generation
        now = time.monotonic()
        if now - checked < GENERATION_TTL and token:
            return token
        with self._lock:
            if self._watch is None:
                self._watch = open_store(self.url, create=self.create)
            store = self._watch
            # (SQLite: changes whenever another connection commits, and every reader and writer is
            # another connection.)
            token = f"{store.generation()}:{self._bumps}"
            self._generation = (now, token)
        return token

    def bump(self) -> None:
        """Mark the store changed by this process (after an upload)."""
        with self._lock:
            self._bumps += 1
            self._generation = (0.0, "")
            self._memo.clear()

    def memo(self, name: str, compute: Callable[[Store], T]) -> T:
        """``compute(store)``, remembered until the store's generation changes."""
        generation = self.generation()
        found = self._memo.get(name)
        if found is not None and found[0] == generation:
            return found[1]
        # One thread computes; the others wait for its answer rather than all computing it at once.
        with self._lock:
            lock = self._memo_locks.setdefault(name, threading.Lock())
        with lock:
            found = self._memo.get(name)
            if found is not None and found[0] == generation:
                return found[1]
            value = compute(self.get())
            self._memo[name] = (generation, value)
        return value

    def close(self) -> None:
        with self._lock:
            for store in [*self._opened, *([self._watch] if self._watch else [])]:
                # A connection another thread still holds: closing is best effort.
                with contextlib.suppress(Exception):
                    store.close()
            self._opened.clear()
            self._watch = None
        self._local = threading.local()
