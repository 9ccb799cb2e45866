"""Worker processes that analyze large inputs on every core.

spaCy and Presidio are single-threaded, so one process uses one core. For calls of at least
`POOL_MIN_CHARS`, the windows are sent in ~64 KB batches to worker processes, each with its
own `Engine` (spaCy *and* the recognizers run in the workers; the caller only splits and
merges). The pool is started on first use and then reused; it uses the `spawn` start method,
which is safe inside a threaded uvicorn server and in a PyInstaller-frozen executable (whose
entry point calls `multiprocessing.freeze_support()`). Workers exit when their parent dies.

A cancelled call stops within a window: the caller stops waiting at once, and the workers see
the call's id in a small array shared with them and drop the rest of its batches.
"""

from __future__ import annotations

import atexit
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from redacta.engine.control import AnalysisControl

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

CANCEL_POLL_SECONDS = 0.1
"""How often a caller waiting for a worker's results checks whether it was cancelled."""

CANCELLED_SLOTS = 64
"""Ids of the most recently cancelled calls the workers can see (more than can be in flight)."""

_worker_engine: Engine | None = None
_cancelled_calls: Any = None  # multiprocessing Array of call ids, shared with the parent


class _CallCancelled:
    """A worker's view of whether its call was cancelled (`CancelFlag`)."""

    def __init__(self, call_id: int) -> None:
        self._call_id = call_id

    def is_set(self) -> bool:
        return _cancelled_calls is not None and self._call_id in _cancelled_calls[:]


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(0)


def _init_worker(settings: Settings, parent_pid: int, cancelled_calls: Any) -> None:
    global _worker_engine, _cancelled_calls
    _cancelled_calls = cancelled_calls
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()
    from redacta.engine.core import Engine

    _worker_engine = Engine.create(settings, workers=0)


def _analyze_batch(
    pieces: list[str], options: AnalyzeOptions, call_id: int
) -> list[list[RecognizerResult]]:
    """One batch; raises `AnalysisCancelledError` between windows once the call is cancelled."""
    assert _worker_engine is not None, "worker not initialised"
    control = AnalysisControl(flag=_CallCancelled(call_id))
    return list(_worker_engine.iter_piece_results(pieces, options, control))


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


def _wait(
    future: Future[list[list[RecognizerResult]]], control: AnalysisControl | None
) -> list[list[RecognizerResult]]:
    """A batch's results; raises `AnalysisCancelledError` soon after `control` is cancelled."""
    while True:
        if control is not None:
            control.check()
        try:
            return future.result(timeout=None if control is None else CANCEL_POLL_SECONDS)
        except FutureTimeoutError:
            continue


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
        self._call_ids = itertools.count(1)
        context = multiprocessing.get_context("spawn")
        self._cancelled_calls = context.Array("q", CANCELLED_SLOTS)
        self._next_slot = 0
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
                    initargs=(self._settings, os.getpid(), self._cancelled_calls),
                )
            if self._reaper is None:
                self._reaper = threading.Thread(target=self._reap_when_idle, daemon=True)
                self._reaper.start()
            self._active += 1
            return self._executor

    def imap(
        self,
        pieces: Iterable[str],
        options: AnalyzeOptions,
        total_chars: int = 0,
        control: AnalysisControl | None = None,
    ) -> Generator[list[RecognizerResult], None, None]:
        """Results per piece, in order; at most two batches per worker are in flight.

        Cancelling `control` (or closing this generator early) raises/ends at once here and
        makes the workers drop the call's remaining windows.
        """
        executor = self._get()
        call_id = next(self._call_ids)
        pending: deque[Future[list[list[RecognizerResult]]]] = deque()
        per_task = total_chars // (2 * self._workers) + 1 if total_chars else BATCH_CHARS
        batch_chars = max(MIN_BATCH_CHARS, min(BATCH_CHARS, per_task))
        finished = False
        try:
            for batch in _batches(pieces, batch_chars):
                pending.append(executor.submit(_analyze_batch, batch, options, call_id))
                if len(pending) >= 2 * self._workers:
                    results = _wait(pending[0], control)
                    pending.popleft()
                    yield from results
            while pending:
                results = _wait(pending[0], control)
                pending.popleft()
                yield from results
            finished = True
        except BrokenProcessPool:
            self.close()  # a worker died (e.g. killed): start afresh next time
            raise
        finally:
            if not finished:  # cancelled, failed or abandoned: free the workers
                self._cancel_call(call_id)
                for future in pending:
                    future.cancel()
            with self._lock:
                self._active -= 1
                self._last_used = time.monotonic()

    def _cancel_call(self, call_id: int) -> None:
        with self._cancelled_calls.get_lock():
            self._cancelled_calls[self._next_slot] = call_id
            self._next_slot = (self._next_slot + 1) % CANCELLED_SLOTS

    def close(self) -> None:
        """Stop the workers (idempotent)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
