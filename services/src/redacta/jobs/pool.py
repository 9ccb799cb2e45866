"""Executors for jobs: a spawn-based process pool of engine workers, or one local thread.

`spawn` everywhere (also on Linux) so workers never inherit a server's threads or sockets,
and so behaviour matches Windows/macOS and the PyInstaller-frozen executable (whose entry
point calls `multiprocessing.freeze_support()`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import TYPE_CHECKING

from redacta.jobs.worker import init_worker, use_engine

if TYPE_CHECKING:
    from redacta.engine import Engine
    from redacta.settings import Settings


def default_job_workers() -> int:
    """One worker process per core."""
    return max(1, os.cpu_count() or 1)


class WorkerPool:
    """A process pool created on first use and replaced when a worker dies."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def get(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=init_worker,
                    initargs=(self.settings,),
                )
            return self._executor

    def reset(self, executor: Executor) -> None:
        """Drop a broken pool; the next `get` starts a fresh one."""
        with self._lock:
            if executor is self._executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class LocalPool:
    """Runs tasks one at a time in this process, on an engine that is already loaded."""

    workers = 1

    def __init__(self, engine: Engine, salt: bytes) -> None:
        use_engine(engine, salt)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redacta-job")

    def get(self) -> Executor:
        return self._executor

    def reset(self, executor: Executor) -> None:  # a thread cannot break like a process
        pass

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
