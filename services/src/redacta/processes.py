"""Worker processes, for analysis (`engine.pool`) and for jobs (`jobs.pool`) alike: one way to
start them, one rule for when they leave, one default count.

`spawn` everywhere (also on Linux) so workers never inherit a server's threads or sockets,
and so behaviour matches Windows/macOS and the PyInstaller-frozen executable (whose entry
point calls `multiprocessing.freeze_support()`).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any


def default_workers() -> int:
    """One worker process per core."""
    return max(1, os.cpu_count() or 1)


def exit_with_parent() -> None:
    """Leave when the parent process dies (a killed server or CLI): a pool worker would
    otherwise wait for work forever. The parent's sentinel works on every OS."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="redacta-parent-watch", daemon=True).start()


def _start_worker(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    exit_with_parent()
    initializer(*initargs)


class ProcessPool:
    """A spawn-based process pool, started on first use and replaced when a worker dies.

    `initializer(*initargs)` runs once in each worker (after the parent-death watch starts).
    """

    def __init__(
        self, workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
    ) -> None:
        self.workers = max(1, workers)
        self._initializer = initializer
        self._initargs = initargs
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        """Whether worker processes are up (their start-up cost is already paid)."""
        return self._executor is not None

    def get(self) -> Executor:
        """The running executor, started now if it is not."""
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self._initializer, self._initargs),
                )
            return self._executor

    def reset(self, executor: Executor) -> None:
        """Drop a broken executor; the next `get` starts a fresh one."""
        with self._lock:
            if executor is self._executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers (idempotent); a later `get` starts them again."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
