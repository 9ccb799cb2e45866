"""Batch jobs: redact many files in worker processes with progress, cancel and reports."""

from redacta.jobs.model import FileResult, FileState, JobOptions, JobRequest, JobState
from redacta.jobs.plan import PlanError
from redacta.jobs.runner import Job, run_job

__all__ = [
    "FileResult",
    "FileState",
    "Job",
    "JobOptions",
    "JobRequest",
    "JobState",
    "PlanError",
    "run_job",
]
