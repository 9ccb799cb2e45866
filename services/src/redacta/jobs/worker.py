"""The code that runs in each worker process: one engine per process, one file per task.

Spawn-safe (also in a PyInstaller-frozen executable): nothing heavy happens at import; the
pool's initializer builds the engine once per worker. Cancellation is a flag file the
parent creates: workers check it between batches and before the final rename.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta.documents import (
    DocumentError,
    DocumentOptions,
    find_in_units,
    open_document,
    redact_document,
)
from redacta.engine.errors import InvalidRequestError
from redacta.jobs.model import FileResult, FileState, count_by_entity
from redacta.jobs.output import OutputExistsError, OutputFolderError, atomic_target
from redacta.jobs.review import FileReview, build_review
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Cancelled, Redactor, refuse_unknown_entities

if TYPE_CHECKING:
    from redacta.engine import Engine
    from redacta.redaction.vault import LabelSource
    from redacta.settings import Settings

_ENGINE: Engine | None = None
_SALT: bytes = b""
_INIT_ERROR: str | None = None
ENGINE_FAILED = "engine_failed"
INVALID_OPTIONS = "invalid_options"
"""A file failed because the job's options cannot be served (an unknown entity type): as
with ENGINE_FAILED, no file of the job can succeed."""


@dataclass(frozen=True)
class FileTask:
    """One file to redact; everything here is picklable and content-free."""

    job_id: str
    index: int
    source: str
    relative: str
    output: str  # the output's path relative to the output folder
    target: str
    options: dict[str, Any]  # RedactionOptions as JSON-able dict
    document: DocumentOptions
    labels: LabelSource  # the job's pseudonym vault (a proxy when it lives in another process)
    overwrite: bool
    cancel_flag: str
    review: bool = False  # analyze only: keep the findings for the user to review
    progress_file: str = ""  # where pages read are reported to the parent ("" = nowhere)


def write_progress(path: Path, done: int, total: int) -> None:
    """Publish `done`/`total` pages for the parent, which polls the file (the worker may be
    another process); replaced atomically so a reader never sees half a write."""
    part = path.with_name(path.name + ".part")
    part.write_text(f"{done} {total}", encoding="ascii")
    part.replace(path)


def read_progress(path: Path) -> tuple[int, int] | None:
    """The pages (done, total) a worker last published in `path`, if any."""
    try:
        done, total = path.read_text(encoding="ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def analyze_for_review(source: Path, redactor: Redactor, options: DocumentOptions) -> FileReview:
    """Open and analyze a file once, keeping its units and findings; nothing is written."""
    document = open_document(source, options)
    try:
        return build_review(document, find_in_units(redactor, document.units, explain=True))
    finally:
        document.close()


@dataclass(frozen=True)
class FileOutcome:
    result: FileResult
    findings: list[dict[str, Any]]
    review: FileReview | None = None


def init_worker(settings: Settings) -> None:
    """Pool initializer: load the engine once in this process (no nested pool).

    A failure is kept and reported by every task (a broken pool would only say "crashed").
    """
    global _ENGINE, _SALT, _INIT_ERROR
    try:
        from redacta.engine import Engine
        from redacta.redaction.salt import project_salt

        _ENGINE = Engine.create(settings)
        _SALT = project_salt(settings.data_dir)
    except Exception as exc:
        _INIT_ERROR = f"{type(exc).__name__}: {exc}"


def use_engine(engine: Engine, salt: bytes) -> None:
    """Run tasks in this process with an engine that is already loaded (no pool)."""
    global _ENGINE, _SALT
    _ENGINE, _SALT = engine, salt


def options_problem(options: dict[str, Any]) -> str | None:
    """Why no file could be redacted with `options` (an unknown entity type), or None.

    Run once on the job's executor before any file is handed out, so the problem is told once
    instead of by every file in flight; None too when the engine did not start (each task
    reports that)."""
    if _ENGINE is None:
        return None
    try:
        refuse_unknown_entities(_ENGINE, RedactionOptions.model_validate(options))
    except InvalidRequestError as exc:
        return exc.message
    return None


def run_task(task: FileTask) -> FileOutcome:
    """Redact one file into its target atomically; never raises for a bad file."""
    started = time.perf_counter()
    source = Path(task.source)
    result = FileResult(index=task.index, path=task.relative, output=task.output)
    findings: list[dict[str, Any]] = []
    flag = Path(task.cancel_flag)
    pages: list[int] = []

    def page_read(done: int, total: int) -> None:
        pages[:] = [done, total]
        if task.progress_file:
            write_progress(Path(task.progress_file), done, total)

    document = replace(task.document, on_page=page_read)
    try:
        result.bytes = source.stat().st_size
        if flag.exists():
            raise Cancelled
        if _ENGINE is None:
            result.state, result.error_code = FileState.FAILED, ENGINE_FAILED
            result.error = f"The detection engine could not start ({_INIT_ERROR or 'not loaded'})."
            result.output = None
            return FileOutcome(result, findings)
        redactor = Redactor(
            _ENGINE,
            RedactionOptions.model_validate(task.options),
            salt=_SALT,
            labels=task.labels,
            cancelled=flag.exists,
        )
        if task.review:
            review = analyze_for_review(source, redactor, document)
            if flag.exists():
                raise Cancelled
            result.state, result.output = FileState.NEEDS_REVIEW, None
            result.findings = len(review.findings)
            result.by_entity = count_by_entity([f.entity_type for f in review.findings])
            if pages:
                result.pages_done, result.pages_total = pages
            result.seconds = round(time.perf_counter() - started, 4)
            return FileOutcome(result, findings, review)
        with atomic_target(Path(task.target), task.job_id, overwrite=task.overwrite) as tmp:
            doc = redact_document(source, tmp, redactor, document)
            if flag.exists():
                raise Cancelled
        result.state = FileState.DONE
        result.findings = len(doc.findings)
        result.by_entity = count_by_entity([f.entity_type for f in doc.findings])
        result.notes = doc.notes
        findings = [
            {"file": task.relative, **{k: v for k, v in vars(f).items() if k != "value"}}
            | ({"value": f.value} if task.document.include_values else {})
            for f in doc.findings
        ]
    except Cancelled:
        result.state = FileState.CANCELLED
        result.output = None
    except DocumentError as exc:
        result.state, result.error_code, result.error = FileState.FAILED, exc.code, exc.message
        result.output = None
    except InvalidRequestError as exc:  # the message names options, never file content
        result.state, result.error_code = FileState.FAILED, INVALID_OPTIONS
        result.error, result.output = exc.message, None
    except OutputFolderError as exc:
        result.state, result.error_code = FileState.FAILED, "output_unwritable"
        result.error, result.output = str(exc), None
    except OutputExistsError:
        result.state, result.error_code = FileState.FAILED, "output_exists"
        result.error = "The output file already exists; allow overwriting or pick another folder."
        result.output = None
    except Exception as exc:  # a bug or an unexpected library error: report the type only
        result.state, result.error_code = FileState.FAILED, "internal"
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.error = (
            f"Unexpected error ({type(exc).__name__} in {Path(where.filename).name}:"
            f"{where.lineno}); the file was not written."
        )
        result.output = None
    if pages:
        result.pages_done, result.pages_total = pages
    result.seconds = round(time.perf_counter() - started, 4)
    return FileOutcome(result, findings)
