"""Worker processes that analyze large inputs on every core.

spaCy and Presidio are single-threaded, so one process uses one core. For calls of at least
`POOL_MIN_CHARS`, the windows are sent in ~64 KB batches to worker processes, each with its
own `Engine` (spaCy *and* the recognizers run in the workers; the caller only splits and
merges). The pool is started on first use and then reused; it uses the `spawn` start method,
which is safe inside a threaded uvicorn server and in a PyInstaller-frozen executable (whose
entry point calls `multiprocessing.freeze_support()`). Workers exit when their parent dies.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

    from redacta.engine.core import Engine
    from redacta.engine.options import AnalyzeOptions
    from redacta.settings import Settings

BATCH_CHARS = 64_000
"""Most characters sent to a worker per task (smaller for calls that would not fill every
worker twice, so a mid-size call still keeps every core busy)."""

MIN_BATCH_CHARS = 4_000

PARENT_POLL_SECONDS = 0.5

IDLE_SECONDS = 300.0
"""Workers unused this long are stopped, giving their memory back (restarted on demand)."""

_worker_engine: Engine | None = None


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(0)


def _init_worker(settings: Settings, parent_pid: int) -> None:
    global _worker_engine
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()
    from redacta.engine.core import Engine

    _worker_engine = Engine.create(settings, workers=0)


def _analyze_batch(pieces: list[str], options: AnalyzeOptions) -> list[list[RecognizerResult]]:
    assert _worker_engine is not None, "worker not initialised"
    return list(_worker_engine.iter_piece_results(pieces, options))


def _batches(pieces: Iterable[str], max_chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= max_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class AnalysisPool:
    """A lazily started, reused pool of analysis worker processes."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self._settings = settings
        self._workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._active = 0
        self._last_used = time.monotonic()
        self._reaper: threading.Thread | None = None
        atexit.register(self.close)

    @property
    def running(self) -> bool:
        """Whether worker processes are up (their start-up cost is already paid)."""
        return self._executor is not None

    def _reap_when_idle(self) -> None:
        while True:
            time.sleep(min(IDLE_SECONDS, 10.0))
            with self._lock:
                idle = time.monotonic() - self._last_used
                if self._executor is None:
                    self._reaper = None
                    return
                stop = self._active == 0 and idle >= IDLE_SECONDS
            if stop:
                self.close()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(self._settings, os.getpid()),
                )
            if self._reaper is None:
                self._reaper = threading.Thread(target=self._reap_when_idle, daemon=True)
                self._reaper.start()
            self._active += 1
            return self._executor

    def imap(
        self, pieces: Iterable[str], options: AnalyzeOptions, total_chars: int = 0
    ) -> Iterator[list[RecognizerResult]]:
        """Results per piece, in order; at most two batches per worker are in flight."""
        executor = self._get()
        pending: deque[Future[list[list[RecognizerResult]]]] = deque()
        per_task = total_chars // (2 * self._workers) + 1 if total_chars else BATCH_CHARS
        batch_chars = max(MIN_BATCH_CHARS, min(BATCH_CHARS, per_task))
        try:
            for batch in _batches(pieces, batch_chars):
                pending.append(executor.submit(_analyze_batch, batch, options))
                if len(pending) >= 2 * self._workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            self.close()  # a worker died (e.g. killed): start afresh next time
            raise
        finally:
            for future in pending:
                future.cancel()
            with self._lock:
                self._active -= 1
                self._last_used = time.monotonic()

    def close(self) -> None:
        """Stop the workers (idempotent)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
