"""Worker processes that analyze large inputs on every core.

spaCy and Presidio are single-threaded, so one process uses one core. For calls of at least
`POOL_MIN_CHARS`, the windows are sent in ~64 KB batches to worker processes, each with its
own `PieceAnalyzer` (spaCy *and* the recognizers run in the workers; the caller only splits and
merges). The processes start on the first large call and are then reused; they are the
same kind of `ProcessPool` the jobs use (spawn start method, exit with their parent).

A cancelled call stops within a window: the caller stops waiting at once, and the workers see
the call's id in a small array shared with them and drop the rest of its batches.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from redacta.engine.control import AnalysisControl
from redacta.engine.pieces import PieceAnalyzer
from redacta.processes import ProcessPool

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

    from redacta.engine.options import AnalyzeOptions
    from redacta.settings import Settings

BATCH_CHARS = 64_000
"""Most characters sent to a worker per task (smaller for calls that would not fill every
worker twice, so a mid-size call still keeps every core busy)."""

MIN_BATCH_CHARS = 4_000

IDLE_SECONDS = 300.0
"""Workers unused this long are stopped, giving their memory back (restarted on demand)."""

CANCEL_POLL_SECONDS = 0.1
"""How often a caller waiting for a worker's results checks whether it was cancelled."""

CANCELLED_SLOTS = 64
"""Ids of the most recently cancelled calls the workers can see (more than can be in flight)."""

_worker_pieces: PieceAnalyzer | None = None
_cancelled_calls: Any = None  # multiprocessing Array of call ids, shared with the parent


class _CallCancelled:
    """A worker's view of whether its call was cancelled (`CancelFlag`)."""

    def __init__(self, call_id: int) -> None:
        self._call_id = call_id

    def is_set(self) -> bool:
        return _cancelled_calls is not None and self._call_id in _cancelled_calls[:]


def _init_worker(settings: Settings, cancelled_calls: Any) -> None:
    global _worker_pieces, _cancelled_calls
    _cancelled_calls = cancelled_calls
    _worker_pieces = PieceAnalyzer.load(settings)


def _analyze_batch(
    pieces: list[str], options: AnalyzeOptions, call_id: int
) -> list[list[RecognizerResult]]:
    """One batch; raises `AnalysisCancelledError` between windows once the call is cancelled."""
    assert _worker_pieces is not None, "worker not initialised"
    control = AnalysisControl(flag=_CallCancelled(call_id))
    return list(_worker_pieces.results(pieces, options, control))


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
    """Analysis worker processes, started on the first large call and stopped when idle.

    Whoever builds the pool closes it (the server's lifespan); `Engine` only uses it.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        self._cancelled_calls = multiprocessing.get_context("spawn").Array("q", CANCELLED_SLOTS)
        self._processes = ProcessPool(workers, _init_worker, (settings, self._cancelled_calls))
        self._lock = threading.Lock()
        self._active = 0
        self._last_used = time.monotonic()
        self._reaper: threading.Thread | None = None
        self._call_ids = itertools.count(1)
        self._next_slot = 0

    @property
    def workers(self) -> int:
        return self._processes.workers

    @property
    def running(self) -> bool:
        """Whether worker processes are up (their start-up cost is already paid)."""
        return self._processes.running

    def _reap_when_idle(self) -> None:
        while True:
            time.sleep(min(IDLE_SECONDS, 10.0))
            with self._lock:
                idle = time.monotonic() - self._last_used
                if not self._processes.running:
                    self._reaper = None
                    return
                stop = self._active == 0 and idle >= IDLE_SECONDS
            if stop:
                self._processes.close()

    def _get(self) -> Executor:
        with self._lock:
            executor = self._processes.get()
            if self._reaper is None:
                self._reaper = threading.Thread(target=self._reap_when_idle, daemon=True)
                self._reaper.start()
            self._active += 1
            return executor

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
        per_task = total_chars // (2 * self.workers) + 1 if total_chars else BATCH_CHARS
        batch_chars = max(MIN_BATCH_CHARS, min(BATCH_CHARS, per_task))
        finished = False
        try:
            for batch in _batches(pieces, batch_chars):
                pending.append(executor.submit(_analyze_batch, batch, options, call_id))
                if len(pending) >= 2 * self.workers:
                    results = _wait(pending[0], control)
                    pending.popleft()
                    yield from results
            while pending:
                results = _wait(pending[0], control)
                pending.popleft()
                yield from results
            finished = True
        except BrokenProcessPool:
            self._processes.reset(executor)  # a worker died (e.g. killed): start afresh
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
        self._processes.close()
