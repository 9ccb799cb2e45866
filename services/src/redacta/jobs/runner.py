"""Runs one job: plans its files, feeds them to an executor, records results and events.

The executor is a process pool (one engine per worker, all cores) for the API and the CLI,
or a one-thread executor over an already loaded engine for `--jobs 1`. At most two tasks
per worker are in flight, so "current file" is meaningful and a cancel takes effect fast.
A worker that dies (e.g. a crash inside a PDF library) breaks the pool: the files it had in
flight are retried once on a fresh pool; a file that breaks it twice is reported as failed.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta.documents import DocumentOptions, open_document, write_document
from redacta.jobs.model import (
    FileResult,
    FileState,
    JobDetail,
    JobEvent,
    JobRequest,
    JobState,
    JobSummary,
)
from redacta.jobs.output import atomic_target, sweep_temp_files
from redacta.jobs.plan import PlannedFile, is_supported, output_name, plan_files
from redacta.jobs.report import report_order, write_reports
from redacta.jobs.review import DecisionResult, Decisions, FileReview, ReviewConflictError, resolve
from redacta.jobs.worker import (
    ENGINE_FAILED,
    INVALID_OPTIONS,
    FileOutcome,
    FileTask,
    read_progress,
    run_task,
)
from redacta.redaction.shared_vault import job_labels
from redacta.redaction.vault import Vault

if TYPE_CHECKING:
    from redacta.redaction.pipeline import Redactor
    from redacta.redaction.user_settings import UserSettings
    from redacta.redaction.vault import LabelSource
    from redacta.settings import Settings

REPORT_NAME = "redacta-report"
FINISHED_FILE_STATES = frozenset(
    {FileState.DONE, FileState.REVIEWED, FileState.FAILED, FileState.SKIPPED, FileState.CANCELLED}
)


class Job:
    """A job's request, per-file results, findings and event log (thread-safe).

    Every file is redacted with the same options: `user` (the saved user settings) unless
    the request says otherwise, narrowed by the request (`JobOptions.redaction_options`).
    `settings` (the server's or the CLI's) supplies the defaults the summary reports and the
    per-file document limits.
    """

    def __init__(
        self,
        request: JobRequest,
        user: UserSettings | None = None,
        *,
        settings: Settings,
        report_name: str | None = None,
    ) -> None:
        self.id = uuid.uuid4().hex
        self.request = request
        self.settings = settings
        self.options = request.redaction_options(user)
        self.settings_applied = self.options.applied(settings)
        self.output_dir, planned = plan_files(
            request.inputs,
            request.output_dir,
            request.include,
            request.exclude,
            keep_names=request.keep_names,
        )
        self.planned: list[PlannedFile] = planned
        self.report_name = report_name or f"{REPORT_NAME}-{self.id[:8]}"
        self.state = JobState.QUEUED
        self.created_at = time.time()
        self.finished_at: float | None = None
        self.error: str | None = None
        self.reports: dict[str, str] = {}
        self.current: str | None = None
        self.findings: list[dict[str, Any]] = []
        self.events: list[JobEvent] = []
        self._cond = threading.Condition()
        self.cancel_flag = Path(tempfile.gettempdir()) / f"redacta-cancel-{self.id}"
        self.files = [self._initial_result(i, p) for i, p in enumerate(planned)]
        self.reviews: dict[int, FileReview] = {}
        self.review_labels: LabelSource = Vault()  # pseudonyms across the reviewed files
        self._review_lock = threading.Lock()
        # Uploaded originals: deleted when the job ends, or, for a review job (whose pages are
        # rendered from them on demand), when the job is deleted or forgotten.
        self.delete_inputs: Path | None = None
        self._bytes_total = sum(f.bytes for f in self.files)
        self._tally = {"done": 0, "failed": 0, "skipped": 0, "bytes_done": 0, "findings": 0}
        for result in self.files:
            self._count(result, 1)

    @staticmethod
    def _initial_result(index: int, planned: PlannedFile) -> FileResult:
        result = FileResult(index=index, path=planned.relative.as_posix())
        with contextlib.suppress(OSError):
            result.bytes = planned.source.stat().st_size
        if planned.duplicate:
            result.state, result.error_code = FileState.FAILED, "duplicate_name"
            result.error = "Another input file has the same name; its output would collide."
        elif not is_supported(planned.source):
            if planned.explicit:
                result.state, result.error_code = FileState.FAILED, "unsupported_format"
                result.error = (
                    f"'{planned.source.suffix or planned.source.name}' files are not supported."
                )
            else:
                result.state = FileState.SKIPPED
        return result

    # -- state -----------------------------------------------------------------------------

    def _count(self, result: FileResult, sign: int) -> None:
        """Keep the summary's counters current (summaries are built at every event)."""
        if result.state in FINISHED_FILE_STATES:
            self._tally["done"] += sign
            self._tally["bytes_done"] += sign * result.bytes
        self._tally["failed"] += sign * (result.state == FileState.FAILED)
        self._tally["skipped"] += sign * (result.state == FileState.SKIPPED)
        self._tally["findings"] += sign * result.findings

    def update(self, result: FileResult) -> FileResult:
        """Replace the result of file `result.index` (the only way results change)."""
        with self._cond:
            self._count(self.files[result.index], -1)
            self.files[result.index] = result
            self._count(result, 1)
        return result

    def set_state(self, index: int, state: FileState, **changes: object) -> FileResult:
        return self.update(self.files[index].model_copy(update={"state": state, **changes}))

    @property
    def finished(self) -> bool:
        return self.state in (JobState.COMPLETED, JobState.CANCELLED, JobState.FAILED)

    @property
    def cancelled(self) -> bool:
        return self.cancel_flag.exists()

    def progress_file(self, index: int) -> Path:
        """Where the worker redacting file `index` publishes the pages it has read."""
        return self.cancel_flag.with_name(f"redacta-progress-{self.id}-{index}")

    def poll_progress(self, indexes: Iterable[int]) -> None:
        """Emit `file_progress` for each running file whose worker read more pages since
        the last look (polled, since the worker may be another process)."""
        for index in indexes:
            pages = read_progress(self.progress_file(index))
            current = self.files[index]
            if pages is None or current.state != FileState.RUNNING:
                continue
            if pages != (current.pages_done, current.pages_total):
                done, total = pages
                self.emit(
                    "file_progress",
                    self.set_state(index, FileState.RUNNING, pages_done=done, pages_total=total),
                )

    def summary(self) -> JobSummary:
        tally = self._tally
        return JobSummary(
            id=self.id,
            state=self.state,
            created_at=self.created_at,
            finished_at=self.finished_at,
            output_dir=str(self.output_dir),
            files_total=len(self.files),
            files_done=tally["done"],
            files_failed=tally["failed"],
            files_skipped=tally["skipped"],
            bytes_total=self._bytes_total,
            bytes_done=tally["bytes_done"],
            findings=tally["findings"],
            current_file=self.current,
            reports=dict(self.reports),
            error=self.error,
            settings_applied=self.settings_applied,
        )

    def detail(self) -> JobDetail:
        return JobDetail(**self.summary().model_dump(), files=[f.model_copy() for f in self.files])

    def emit(self, kind: str, file: FileResult | None = None) -> None:
        with self._cond:
            event = JobEvent(
                seq=len(self.events) + 1,
                type=kind,
                job=self.summary(),
                file=file.model_copy() if file else None,
            )
            self.events.append(event)
            self._cond.notify_all()

    def events_since(self, seq: int, timeout: float) -> list[JobEvent]:
        """Events after `seq`, waiting up to `timeout` s for one if there is none yet."""
        with self._cond:
            if len(self.events) <= seq and not self.finished:
                self._cond.wait(timeout)
            return self.events[seq:]

    def cancel(self) -> bool:
        """Ask the job to stop; files in progress are abandoned without output, files
        waiting for review are not written."""
        if self.finished:
            return False
        self.cancel_flag.touch()
        with self._cond:
            self._cond.notify_all()
        with self._review_lock:
            if self.state == JobState.AWAITING_REVIEW:
                for result in list(self.files):
                    if result.state == FileState.NEEDS_REVIEW:
                        self.set_state(result.index, FileState.CANCELLED)
                _finish(self, JobState.CANCELLED)
        return True

    # -- review ----------------------------------------------------------------------------

    def review_of(self, index: int) -> FileReview:
        """The stored review of file `index`; `ReviewError` when there is none (yet)."""
        review = self.reviews.get(index)
        if review is None:
            if not self.request.review:
                raise ReviewConflictError(
                    "This job was not started with review: true; its files were written as found."
                )
            raise ReviewConflictError(
                f"File {index} has no findings to review (state {self.files[index].state.value});"
                " wait until it is needs_review."
            )
        return review

    def decide(self, index: int, decisions: Decisions, redactor: Redactor) -> DecisionResult:
        """Apply the user's decisions to file `index`'s stored findings through the one
        pipeline and write its output; the job finishes when no file needs review."""
        with self._review_lock:
            review = self.review_of(index)
            current = self.files[index]
            if current.state != FileState.NEEDS_REVIEW:
                raise ReviewConflictError(
                    f"File {index} is {current.state.value}; decisions apply only to a file "
                    "that needs review."
                )
            resolved = resolve(review, decisions, include_values=self.request.include_values)
            task = _task(self, index, {}, self.review_labels)
            started = time.perf_counter()
            document = open_document(Path(task.source), task.document)
            try:
                if [u.text for u in document.units] != [u.text for u in review.units]:
                    raise ReviewConflictError(
                        "The file changed since it was analyzed; start a new job for it."
                    )
                with atomic_target(Path(task.target), self.id, overwrite=task.overwrite) as tmp:
                    written = write_document(
                        document, tmp, redactor, resolved.spans, task.document, resolved.boxes
                    )
            finally:
                document.close()
            counts = resolved.counts
            review.decided = resolved
            done = self.set_state(
                index,
                FileState.REVIEWED,
                output=task.output,
                findings=sum(counts.values()),
                by_entity=counts,
                notes=written.notes,
                seconds=round(current.seconds + time.perf_counter() - started, 4),
            )
            self.findings.extend({"file": done.path, **row} for row in resolved.rows)
            self.emit("file_reviewed", done)
            if self.state == JobState.AWAITING_REVIEW and not any(
                f.state == FileState.NEEDS_REVIEW for f in self.files
            ):
                _finish(self, JobState.COMPLETED)
            return DecisionResult(
                index=index, state=done.state.value, counts=counts, output=done.output
            )

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self.finished:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
        return True


def _task(job: Job, index: int, options: dict[str, Any], labels: LabelSource) -> FileTask:
    planned = job.planned[index]
    output = output_name(planned.relative, keep_names=job.request.keep_names)
    return FileTask(
        job_id=job.id,
        index=index,
        source=str(planned.source),
        relative=planned.relative.as_posix(),
        output=output.as_posix(),
        target=str(job.output_dir / Path(*output.parts)),
        options=options,
        document=DocumentOptions(
            include_values=job.request.include_values,
            include_columns=tuple(job.request.include_columns),
            exclude_columns=tuple(job.request.exclude_columns),
            limits=job.settings.document_limits,
        ),
        labels=labels,
        overwrite=job.request.overwrite,
        cancel_flag=str(job.cancel_flag),
        review=job.request.review,
        progress_file=str(job.progress_file(index)),
    )


def run_job(
    job: Job,
    get_executor: Callable[[], Executor],
    reset_executor: Callable[[Executor], None],
    in_flight: int,
) -> None:
    """Process every pending file of `job` (blocking). Never raises for a bad file.

    `in_flight`: how many files are handed to the executor at once. Callers pass one per
    worker: a file is marked running when it is handed over, so handing over more would show
    queued files as running (with no page progress) while they wait for a worker.
    """
    options = job.options.model_dump(mode="json")
    job.state = JobState.RUNNING
    job.emit("started")
    queue = [f.index for f in job.files if f.state == FileState.PENDING]
    queue.reverse()
    attempts: dict[int, int] = {}
    running: dict[Future[FileOutcome], int] = {}
    broken = False
    final = JobState.FAILED
    stack = contextlib.ExitStack()
    try:
        executor = get_executor()
        labels = stack.enter_context(job_labels(shared=isinstance(executor, ProcessPoolExecutor)))
        while queue or running:
            if broken and not running:
                reset_executor(executor)
                executor, broken = get_executor(), False
            while queue and len(running) < in_flight and not job.cancelled and not broken:
                index = queue.pop()
                started = job.set_state(index, FileState.RUNNING)
                job.current = started.path
                task = _task(job, index, options, labels)
                running[executor.submit(run_task, task)] = index
                job.emit("file_started", started)
            if job.cancelled and not running:
                break
            done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
            job.poll_progress(index for future, index in running.items() if future not in done)
            for future in done:
                index = running.pop(future)
                with contextlib.suppress(FileNotFoundError):
                    job.progress_file(index).unlink()
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    attempts[index] = attempts.get(index, 0) + 1
                    if attempts[index] < 2:
                        queue.append(index)
                        continue
                    crashed = job.set_state(
                        index,
                        FileState.FAILED,
                        error_code="worker_crashed",
                        error="The file made the redaction worker crash; it was not written.",
                    )
                    job.emit("file_done", crashed)
                    continue
                if outcome.review is not None:
                    job.reviews[index] = outcome.review
                job.update(outcome.result)
                job.findings.extend(outcome.findings)
                job.emit("file_done", outcome.result)
                if outcome.result.error_code in (ENGINE_FAILED, INVALID_OPTIONS):
                    job.error = outcome.result.error  # no file of the job can succeed
                    queue.clear()
        for result in list(job.files):
            if result.state in (FileState.PENDING, FileState.RUNNING):
                job.set_state(result.index, FileState.CANCELLED)
        if job.error:
            final = JobState.FAILED
        elif job.cancelled:
            final = JobState.CANCELLED
        elif any(f.state == FileState.NEEDS_REVIEW for f in job.files):
            final = JobState.AWAITING_REVIEW
        else:
            final = JobState.COMPLETED
    except Exception as exc:  # the job itself failed (e.g. cannot start workers)
        final = JobState.FAILED
        job.error = f"The job stopped: {type(exc).__name__}: {exc}"
    finally:
        stack.close()
        job.current = None
        for index in range(len(job.files)):
            with contextlib.suppress(FileNotFoundError):
                job.progress_file(index).unlink()
        # Under the review lock: decisions may be writing files of this job right now (their
        # temp files must not be swept), and may have reviewed the last waiting file since
        # `final` was chosen (the job must not then wait for a review that has happened).
        with job._review_lock:
            sweep_temp_files(job.output_dir, job.id)
            if final == JobState.AWAITING_REVIEW and not any(
                f.state == FileState.NEEDS_REVIEW for f in job.files
            ):
                final = JobState.COMPLETED
            if final == JobState.AWAITING_REVIEW:
                job.state = final
                job.emit("awaiting_review")
            else:
                _finish(job, final)


def _finish(job: Job, final: JobState) -> None:
    """Write the reports, then publish the final state (so a finished job has its reports)."""
    job.finished_at = time.time()
    try:
        job.output_dir.mkdir(parents=True, exist_ok=True)
        findings = sorted(job.findings, key=report_order)
        job.reports = write_reports(
            job.output_dir,
            job.report_name,
            job.request.report_formats,
            job.summary().model_copy(update={"state": final}).model_dump(mode="json"),
            [f.model_dump(mode="json") for f in job.files],
            findings,
            include_values=job.request.include_values,
            review=job.request.review,
        )
    except OSError as exc:
        job.error = f"Could not write the report: {exc.strerror or type(exc).__name__}"
    finally:
        with contextlib.suppress(FileNotFoundError):
            job.cancel_flag.unlink()
        if job.delete_inputs is not None and not job.request.review:
            shutil.rmtree(job.delete_inputs, ignore_errors=True)
        job.state = final
        job.emit("finished")
