"""`/api/v1/jobs`: batch redaction of files and folders, with SSE progress and downloads.

Handlers only plan and register a job; the work runs on a background thread feeding the
worker processes, so the API answers other requests while a job runs. Events carry file
names and counts, never content.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Query,
    Request,
    Response,
    UploadFile,
    status,
)
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from redacta.api.deps import (
    get_anonymizer,
    get_engine,
    get_job_manager,
    get_salt,
    get_server_settings,
    get_user_settings,
)
from redacta.documents import DocumentError
from redacta.documents.registry import page_count, render_page_png
from redacta.engine import Engine
from redacta.jobs import FileState, JobOptions, JobRequest, PlanError
from redacta.jobs.manager import JobManager
from redacta.jobs.model import FileResult, JobDetail, JobState, JobSummary
from redacta.jobs.output import OutputExistsError, OutputFolderError, zip_stream
from redacta.jobs.plan import upload_names
from redacta.jobs.review import (
    DecisionResult,
    Decisions,
    FileFindings,
    FilePreview,
    FileReview,
    ReviewConflictError,
    ReviewError,
)
from redacta.jobs.runner import Job
from redacta.redaction.pipeline import Redactor, refuse_unknown_entities
from redacta.redaction.user_settings import UserSettings
from redacta.settings import Settings

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"])
_SAFE_NAME = re.compile(r"[^\w.\- ]+")
OUTPUTS_ZIP = "redacta-redacted"


class CancelResult(BaseModel):
    cancelled: bool
    job: JobSummary


Manager = Annotated[JobManager, Depends(get_job_manager)]
User = Annotated[UserSettings, Depends(get_user_settings)]
EngineDep = Annotated[Engine, Depends(get_engine)]


def _refuse_invalid_text(options: BaseModel) -> None:
    """422 for strings that are not valid Unicode (JSON can carry a lone surrogate such as
    \\udc80; no path holds one, and no answer could echo it)."""
    try:
        options.model_dump_json()
    except PydanticSerializationError:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            "The request holds text that is not valid Unicode (a lone surrogate such as "
            "\\udc80): send paths, names and patterns as valid text.",
        ) from None


def _job(manager: JobManager, job_id: str) -> Job:
    job = manager.get(job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No job {job_id!r}; list them at /jobs.")
    return job


@router.post("", status_code=status.HTTP_202_ACCEPTED)
def create_job(
    body: JobRequest,
    manager: Manager,
    user: User,
    engine: EngineDep,
    settings: Annotated[Settings, Depends(get_server_settings)],
) -> JobSummary:
    """Redact files/folders on this machine into `output_dir` (mirrored tree)."""
    if not settings.jobs_allow_paths:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "This server only accepts uploads (POST /jobs/upload)."
        )
    _refuse_invalid_text(body)
    refuse_unknown_entities(engine, body.redaction_options(user))
    if any("\x00" in path for path in [*body.inputs, body.output_dir]):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            "inputs and output_dir must be paths: a NUL character (\\u0000) cannot be in one.",
        )
    try:
        return manager.submit(body, user).summary()
    except PlanError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None


def _upload_path(filename: str | None) -> PurePosixPath:
    """The relative path an uploaded part names (a folder upload sends `folder/sub/a.txt`),
    each part made safe; `..` or an absolute path is refused with a 422."""
    raw = (filename or "file").replace("\\", "/")
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw) or ".." in raw.split("/"):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            "Uploaded file names must be relative paths inside the upload (no '..', no "
            "absolute path); send names such as 'folder/sub/file.docx'.",
        )
    parts = [_SAFE_NAME.sub("_", p).strip(". ") for p in raw.split("/") if p not in ("", ".")]
    parts = [p or "file" for p in parts] or ["file"]
    return PurePosixPath(*parts)


def _refuse_too_many_pages(path: Path, name: PurePosixPath, folder: Path, limit: int) -> None:
    """413 for an uploaded PDF or TIFF over the page limit (the upload folder is removed):
    the job would only fail it after the whole upload, so the client hears it now."""
    pages = page_count(path)
    if pages is not None and pages > limit:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            f"'{name}' has {pages:,} pages; this server takes at most {limit:,} pages a file. "
            "Split it into smaller files and upload those (the server's REDACTA_MAX_PAGES "
            "sets the limit).",
        )


@router.post("/upload", status_code=status.HTTP_202_ACCEPTED)
def upload_job(
    manager: Manager,
    user: User,
    engine: EngineDep,
    settings: Annotated[Settings, Depends(get_server_settings)],
    files: Annotated[
        list[UploadFile],
        File(
            min_length=1,
            description="Documents to redact; a file name may be a relative path "
            "(folder/sub/file.docx): the output keeps that tree.",
        ),
    ],
    options: Annotated[
        str,
        Form(
            description='JobOptions as JSON, e.g. {"entities": ["PERSON"]}; "{}" redacts with '
            "the saved user settings."
        ),
    ] = "{}",
    # A form field carries text, never null: these are true/false (absent: false).
    review: Annotated[
        bool,
        Form(description="true: stop each file after analysis for review (as in options)."),
    ] = False,
    keep_names: Annotated[
        bool,
        Form(description="true: keep the input names instead of <name>-redacted.<ext>."),
    ] = False,
) -> JobSummary:
    """Redact uploaded files; download results from `/jobs/{id}/files/{index}`.

    A PDF or TIFF with more pages than the server allows (`REDACTA_MAX_PAGES`) is refused
    up front (413, naming the file) and nothing of the upload is kept."""
    try:
        parsed = JobOptions.model_validate_json(options)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in ['options', *e['loc']])}: {e['msg']}" for e in exc.errors()
        )
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, problems) from None
    _refuse_invalid_text(parsed)
    refuse_unknown_entities(engine, parsed.redaction_options(user))
    names = upload_names([_upload_path(upload.filename) for upload in files])
    folder = manager.new_upload_dir()
    for upload, name in zip(files, names, strict=True):
        target = folder / "input" / Path(*name.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            while chunk := upload.file.read(1024 * 1024):
                out.write(chunk)
        _refuse_too_many_pages(target, name, folder, settings.document_limits.max_pages)
    request = JobRequest(
        **parsed.model_dump(exclude={"review", "keep_names"}),
        review=parsed.review or review,
        keep_names=parsed.keep_names or keep_names,
        inputs=[str(folder / "input")],
        output_dir=str(folder / "output"),
    )
    return manager.submit(request, user, delete_inputs=folder / "input").summary()


@router.get("")
def list_jobs(manager: Manager) -> list[JobSummary]:
    """All jobs of this server run, newest first."""
    return [job.summary() for job in manager.list()]


@router.get("/{job_id}")
def get_job(job_id: str, manager: Manager) -> JobDetail:
    """A job's state, counters and per-file results."""
    return _job(manager, job_id).detail()


@router.delete("/{job_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_job(job_id: str, manager: Manager) -> Response:
    """Forget a finished job (or one awaiting review: its waiting files are cancelled);
    an uploaded job's originals and redacted copies are deleted with it."""
    job = _job(manager, job_id)
    if job.state == JobState.AWAITING_REVIEW:
        job.cancel()
    if not job.finished:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "The job is still running: cancel it (POST .../cancel), wait until it is "
            "cancelled, then delete it.",
        )
    manager.delete(job)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{job_id}/cancel")
def cancel_job(job_id: str, manager: Manager) -> CancelResult:
    """Stop a job: files in progress are abandoned, no partial output is left."""
    job = _job(manager, job_id)
    return CancelResult(cancelled=job.cancel(), job=job.summary())


@router.get(
    "/{job_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def job_events(job_id: str, request: Request, manager: Manager) -> StreamingResponse:
    """Server-sent events (JSON data: a `JobEvent`): `started`, `file_started`,
    `file_progress` (a running PDF or image read another page: `file.pages_done` of
    `file.pages_total`), `file_done`, `file_reviewed`, `awaiting_review`, `finished`.

    Resumes after the `Last-Event-ID` header when reconnecting.
    """
    job = _job(manager, job_id)
    try:
        seq = int(request.headers.get("last-event-id", "0"))
    except ValueError:
        seq = 0

    async def stream() -> AsyncIterator[str]:
        nonlocal seq
        while True:
            events = job.events[seq:]
            for event in events:
                seq = event.seq
                yield event.sse()
            if job.finished and seq >= len(job.events):
                return
            if await request.is_disconnected():
                return
            if not events:
                yield ": keep-alive\n\n"
            await asyncio.sleep(0.25)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def _written_copy(job: Job, result: FileResult) -> Path | None:
    """Where the redacted copy of a file is, when it was written (done, or reviewed: what the
    user decided is what was written) and is still inside the job's output folder; else None."""
    if result.state not in (FileState.DONE, FileState.REVIEWED) or result.output is None:
        return None
    path = (job.output_dir / result.output).resolve()
    return path if job.output_dir in path.parents and path.is_file() else None


@router.get("/{job_id}/files/{index}", response_class=FileResponse)
def download_job_file(job_id: str, index: int, manager: Manager) -> FileResponse:
    """The redacted copy of file number `index` (see `files` in the job)."""
    job = _job(manager, job_id)
    if not 0 <= index < len(job.files):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such file in this job.")
    result = job.files[index]
    if result.state not in (FileState.DONE, FileState.REVIEWED) or result.output is None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"File is {result.state.value}, no output.")
    path = _written_copy(job, result)
    if path is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "The output file is gone.")
    return FileResponse(path, filename=path.name)


@router.get(
    "/{job_id}/outputs.zip",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
def download_job_outputs(job_id: str, manager: Manager) -> StreamingResponse:
    """Every redacted copy of a finished job in one zip, under its path in the output folder
    (the uploaded folder tree). Only written copies: never an original, a report or a file
    that failed, was skipped or was cancelled."""
    job = _job(manager, job_id)
    if not job.finished:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"The job is {job.state.value}: its copies are zipped once every file is written "
            "(review the waiting files or accept the rest as found).",
        )
    copies = [(r.output, _written_copy(job, r)) for r in job.files if r.output is not None]
    found = [(name, path) for name, path in copies if path is not None]
    if not found:
        raise HTTPException(status.HTTP_409_CONFLICT, "This job wrote no redacted copies.")
    return StreamingResponse(
        zip_stream(found),
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{OUTPUTS_ZIP}-{job.id[:8]}.zip"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/{job_id}/report", response_class=FileResponse)
def job_report(
    job_id: str, manager: Manager, format: Literal["json", "csv"] = "json"
) -> FileResponse:
    """The job's findings report (written when the job ends)."""
    job = _job(manager, job_id)
    path = job.reports.get(format)
    if path is None or not Path(path).is_file():
        raise HTTPException(status.HTTP_409_CONFLICT, "The report is written when the job ends.")
    media = "text/csv" if format == "csv" else "application/json"
    return FileResponse(path, media_type=media, filename=Path(path).name)


# -- review ------------------------------------------------------------------------------


def _file_review(job: Job, index: int) -> FileReview:
    if not 0 <= index < len(job.files):
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"No file {index} in this job; its files are numbered 0-{len(job.files) - 1}.",
        )
    try:
        return job.review_of(index)
    except ReviewError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None


@router.get("/{job_id}/files/{index}/findings", response_model_exclude_none=True)
def file_findings(job_id: str, index: int, manager: Manager) -> FileFindings:
    """A review job's stored findings of file `index`, with stable ids and locations."""
    job = _job(manager, job_id)
    review = _file_review(job, index)
    result = job.files[index]
    return review.file_findings(index, result.path, result.state.value)


@router.get(
    "/{job_id}/files/{index}/preview",
    response_model=FilePreview,
    response_model_exclude_none=True,
    responses={200: {"content": {"image/png": {}}}},
)
def file_preview(
    job_id: str,
    index: int,
    manager: Manager,
    page: Annotated[
        int | None, Query(ge=1, description="A page (1-based) to render as a PNG.")
    ] = None,
    scale: Annotated[float, Query(gt=0, le=4, description="Pixels per PDF point.")] = 1.5,
) -> FilePreview | Response:
    """The text units of file `index` (where each is: part, sheet/row/column, page), or
    with `?page=N` that page as a PNG, rendered now."""
    job = _job(manager, job_id)
    review = _file_review(job, index)
    if page is None:
        return review.preview()
    if review.kind != "pages":
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            f"This file is {review.kind}, not pages: leave out ?page and show its units.",
        )
    if page > len(review.pages):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            f"Page {page} is out of range: this file has pages 1-{len(review.pages)}.",
        )
    source = job.planned[index].source
    if not source.is_file():
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "The original file is gone (moved or deleted since the analysis); its pages "
            "cannot be shown.",
        )
    try:
        png = render_page_png(source, page, scale)
    except DocumentError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, exc.message) from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})


def _redactor(job: Job, request: Request) -> Redactor:
    """The job's options over the server's engine and anonymizer; the job's own label
    source keeps pseudonyms consistent across its reviewed files."""
    return Redactor(
        get_engine(request),
        job.options,
        salt=get_salt(request),
        labels=job.review_labels,
        anonymizer=get_anonymizer(request),
    )


def _decide(job: Job, index: int, decisions: Decisions, request: Request) -> DecisionResult:
    _file_review(job, index)
    try:
        return job.decide(index, decisions, _redactor(job, request))
    except ReviewConflictError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except ReviewError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
    except DocumentError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, exc.message) from None
    except OutputExistsError:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "The output file already exists; start the job with overwrite: true.",
        ) from None
    except OutputFolderError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None


@router.post("/{job_id}/files/{index}/decisions")
def file_decisions(
    job_id: str, index: int, body: Decisions, manager: Manager, request: Request
) -> DecisionResult:
    """Apply the user's decisions to file `index`'s stored findings (nothing is analyzed
    again) and write its output: rejected ids are left, added spans/boxes and retyped
    findings redacted, every other finding redacted as found."""
    _refuse_invalid_text(body)
    return _decide(_job(manager, job_id), index, body, request)


@router.post("/{job_id}/accept-remaining")
def accept_remaining(job_id: str, manager: Manager, request: Request) -> JobDetail:
    """Write every file that still needs review with its findings as found."""
    job = _job(manager, job_id)
    for result in list(job.files):
        if result.state == FileState.NEEDS_REVIEW:
            try:
                _decide(job, result.index, Decisions(), request)
            except HTTPException:
                # Decided by another request meanwhile: that file is done, not a conflict.
                if job.files[result.index].state != FileState.NEEDS_REVIEW:
                    continue
                raise
    return job.detail()
