"""What a batch job is: its request, per-file results and progress events (JSON shapes).

Events and results carry file names, counts and error codes, never file content; detected
values appear only in the findings report and only when `include_values` is set.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from redacta.redaction.operators import OperatorSpec
from redacta.redaction.options import RedactionOptions, SettingsApplied
from redacta.redaction.user_settings import UserSettings
from redacta.settings import RequestLanguage


class JobOptions(BaseModel):
    """How to redact: the user's saved settings unless told otherwise, narrowed by these
    fields (entities, threshold, operators) when they are given."""

    model_config = ConfigDict(extra="forbid")

    use_user_settings: bool = Field(
        default=True,
        description="Apply the saved user settings (allow list, deny lists, custom "
        "recognizers, enabled entities, threshold, default operators); false: server defaults.",
    )
    entities: list[str] | None = Field(
        default=None, description="Entity types to find; default: the enabled ones."
    )
    score_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    language: RequestLanguage | None = None
    operators: dict[str, OperatorSpec] = Field(
        default_factory=dict,
        description="Operator per entity type; key DEFAULT for all others. Empty: the user's "
        "default operators (or replace, without user settings).",
    )
    include_values: bool = Field(
        default=False, description="Put the detected values in the findings report."
    )
    review: bool = Field(
        default=False,
        description="Stop each file after analysis (state needs_review) until its findings "
        "are reviewed: GET .../files/{index}/findings, POST .../files/{index}/decisions.",
    )
    keep_names: bool = Field(
        default=False,
        description="Name outputs as their inputs; default: <name>-redacted.<ext>.",
    )
    include_columns: list[str] = Field(
        default_factory=list, description="CSV/TSV: only these columns (header name or 1-based)."
    )
    exclude_columns: list[str] = Field(
        default_factory=list, description="CSV/TSV: skip these columns (header name or 1-based)."
    )

    def redaction_options(self, user: UserSettings | None) -> RedactionOptions:
        """The options to redact with: the user's settings (when used and given), narrowed
        by this request's explicit fields."""
        base = (
            RedactionOptions.from_user_settings(user)
            if self.use_user_settings and user is not None
            else RedactionOptions()
        )
        return base.overridden(
            language=self.language,
            entities=self.entities,
            score_threshold=self.score_threshold,
            operators=self.operators or None,
        )


class JobRequest(JobOptions):
    """A job over files and folders on this machine."""

    inputs: list[str] = Field(min_length=1, description="Files and/or folders to redact.")
    output_dir: str = Field(description="Folder for the redacted copies (mirrors the inputs).")
    include: list[str] = Field(
        default_factory=list, description="Globs of files to take from folders (e.g. *.docx)."
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files to skip.")
    overwrite: bool = Field(default=False, description="Replace outputs that already exist.")
    report_formats: list[str] = Field(default_factory=lambda: ["json", "csv"])


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    AWAITING_REVIEW = "awaiting_review"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    FAILED = "failed"


class FileState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class FileResult(BaseModel):
    """One input file's outcome (no content)."""

    index: int
    path: str = Field(description="Path relative to the job's input.")
    output: str | None = Field(default=None, description="Path relative to the output folder.")
    state: FileState = FileState.PENDING
    bytes: int = 0
    findings: int = 0
    by_entity: dict[str, int] = Field(default_factory=dict)
    error_code: str | None = None
    error: str | None = None
    notes: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    pages_done: int | None = Field(
        default=None,
        description="PDFs and images: pages read so far (text layer, OCR on scans); "
        "null for formats without pages or before the file is opened.",
    )
    pages_total: int | None = Field(
        default=None, description="PDFs and images: the file's page count, once it is opened."
    )


class JobSummary(BaseModel):
    """A job's state and counters, as listed and as returned by `GET /jobs/{id}`."""

    id: str
    state: JobState
    created_at: float
    finished_at: float | None = None
    output_dir: str
    files_total: int
    files_done: int
    files_failed: int
    files_skipped: int
    bytes_total: int
    bytes_done: int
    findings: int
    current_file: str | None = None
    reports: dict[str, str] = Field(default_factory=dict, description="format -> file path")
    error: str | None = None
    settings_applied: SettingsApplied = Field(
        description="The settings the job redacts with (counts, never the listed values)."
    )


class JobDetail(JobSummary):
    files: list[FileResult]


class JobEvent(BaseModel):
    """One progress event (SSE `event:` is `type`)."""

    seq: int
    type: str = Field(
        description="started | file_started | file_progress | file_done | file_reviewed | "
        "awaiting_review | finished; file_progress: a running PDF or image read another "
        "page (`file.pages_done` of `file.pages_total`)"
    )
    job: JobSummary
    file: FileResult | None = None

    def sse(self) -> str:
        return f"id: {self.seq}\nevent: {self.type}\ndata: {self.model_dump_json()}\n\n"


def count_by_entity(entity_types: list[str]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for entity in entity_types:
        counts[entity] = counts.get(entity, 0) + 1
    return dict(sorted(counts.items()))
