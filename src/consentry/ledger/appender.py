"""Group commit: concurrent writers share one durable transaction.

A durable commit costs an fsync, so one commit per event caps the ledger at the disk's fsync
rate. Here callers hand their operation to a single writer thread and wait; while the writer is
committing one batch, the next callers queue up, and the writer takes all of them into the next
transaction. No caller waits on a timer: a lone writer gets its own commit immediately.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future

from consentry.ledger.model import Event
from consentry.ledger.store import Operation, Store

__all__ = ["GroupCommitter"]

_STOP = object()


class GroupCommitter:
    def __init__(self, store: Store, *, max_batch: int = 512) -> None:
        self._store = store
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[Operation, Future[list[Event]]] | object] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def run(self, op: Operation) -> list[Event]:
        """Append `op` durably and return its events (raises what the op raised)."""
        return self.submit(op).result()

    def submit(self, op: Operation) -> Future[list[Event]]:
        future: Future[list[Event]] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the ledger is closed")
            if self._thread is None or not self._thread.is_alive():
                # Started lazily so that a forked child process gets its own writer thread.
                self._thread = threading.Thread(
                    target=self._loop, name="consentry-ledger-writer", daemon=True
                )
                self._thread.start()
        self._queue.put((op, future))
        return future

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None and thread.is_alive():
            self._queue.put(_STOP)
            thread.join()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop = False
            while len(batch) < self._max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _STOP:
                    stop = True
                    break
                batch.append(more)
            self._commit(batch)  # type: ignore[arg-type]
            if stop:
                return

    def _commit(self, batch: Sequence[tuple[Operation, Future[list[Event]]]]) -> None:
        try:
            results = self._store.transact([op for op, _ in batch])
        except BaseException as exc:
            if len(batch) == 1:
                batch[0][1].set_exception(exc)
                return
            # One bad operation must not fail its neighbours: retry each on its own.
            for one in batch:
                self._commit([one])
            return
        for (_, future), events in zip(batch, results, strict=True):
            future.set_result(events)
