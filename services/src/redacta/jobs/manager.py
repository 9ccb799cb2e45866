"""Keeps the jobs of a running server: starts each on a background thread over the shared
worker pool, so request handlers return at once and the API stays responsive."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from redacta.jobs.model import JobRequest
from redacta.jobs.runner import Job, run_job

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from redacta.redaction.user_settings import UserSettings
    from redacta.settings import Settings

MAX_KEPT_JOBS = 200


class Pool(Protocol):
    workers: int

    def get(self) -> Executor: ...
    def reset(self, executor: Executor) -> None: ...
    def close(self) -> None: ...


class JobManager:
    """Creates, lists, cancels jobs; one pool shared by all jobs of the process."""

    def __init__(self, settings: Settings, pool: Pool) -> None:
        self.settings = settings
        self.pool = pool
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._closed = False

    @property
    def uploads_dir(self) -> Path:
        return self.settings.data_dir / "uploads"

    def submit(
        self,
        request: JobRequest,
        user: UserSettings | None,
        *,
        report_name: str | None = None,
        delete_inputs: Path | None = None,
    ) -> Job:
        """Plan the job (raises `PlanError` for bad paths) and start it in the background.

        `user`: the saved user settings, applied unless the request says otherwise.
        `delete_inputs`: a folder of uploaded originals to delete once the job is finished
        (for a review job: once the job is deleted, as its pages are shown from them).
        """
        job = Job(request, user, settings=self.settings, report_name=report_name)
        job.delete_inputs = delete_inputs
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()

        def work() -> None:
            run_job(job, self.pool.get, self.pool.reset, self.pool.workers)

        thread = threading.Thread(
            target=work,
            name=f"redacta-job-{job.id[:8]}",
            daemon=True,
        )
        thread.start()
        return job

    def new_upload_dir(self) -> Path:
        """A fresh private folder for one upload job's inputs and outputs.

        Named after this process: several backends of one user (the desktop app, `invoke
        app`, a test run) share the data folder, and each must clean up only its own uploads.
        """
        folder = self.uploads_dir / f"{os.getpid()}-{uuid.uuid4().hex}"
        (folder / "input").mkdir(parents=True, mode=0o700)
        return folder

    def _remove_own_uploads(self) -> None:
        """Uploads live for one run only: remove this process's folders and those left by a
        backend that is no longer running (a crash), never another running backend's."""
        import psutil

        if not self.uploads_dir.is_dir():
            return
        for folder in self.uploads_dir.iterdir():
            owner = folder.name.partition("-")[0]
            if not owner.isdigit():
                continue  # not an upload folder of this layout: leave it
            if int(owner) == os.getpid() or not psutil.pid_exists(int(owner)):
                shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.uploads_dir.rmdir()  # only when no other backend's uploads are left

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def list(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created_at, reverse=True)

    def delete(self, job: Job) -> None:
        """Forget a finished job; an upload job's folder (originals and outputs) goes with it.
        A path job's inputs and outputs are the user's files and stay."""
        with self._lock:
            self._jobs.pop(job.id, None)
        self._remove_upload(job)

    def _remove_upload(self, job: Job) -> None:
        if self.uploads_dir in job.output_dir.parents:
            shutil.rmtree(job.output_dir.parent, ignore_errors=True)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.finished]
        finished.sort(key=lambda j: j.created_at)
        for job in finished[: max(0, len(self._jobs) - MAX_KEPT_JOBS)]:
            del self._jobs[job.id]
            self._remove_upload(job)

    def close(self) -> None:
        """Cancel running jobs and stop the workers (the server's lifespan calls it at exit)."""
        if self._closed:
            return
        self._closed = True
        for job in self.list():
            job.cancel()
        for job in self.list():
            job.wait(timeout=10)
        self.pool.close()
        self._remove_own_uploads()
