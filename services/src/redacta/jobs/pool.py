"""Executors for jobs: worker processes with one engine each, or one local thread.

The processes are `redacta.processes.ProcessPool`s, like the analysis workers: spawned, they
leave when their parent dies, and one per core unless `REDACTA_JOB_WORKERS` says otherwise.
"""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TYPE_CHECKING

from redacta.jobs.worker import init_worker, use_engine
from redacta.processes import ProcessPool

if TYPE_CHECKING:
    from redacta.engine import Engine
    from redacta.settings import Settings


class WorkerPool(ProcessPool):
    """Job worker processes, each loading the engine once for `settings`."""

    def __init__(self, settings: Settings, workers: int) -> None:
        super().__init__(workers, init_worker, (settings,))
        self.settings = settings


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
