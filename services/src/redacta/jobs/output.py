"""Atomic output files: written under a temporary name beside the target, renamed when done.

A cancelled or crashed job therefore never leaves a half-written output; leftovers of a
killed worker carry the job's id in their name and are swept when the job ends.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from redacta.jobs.plan import TEMP_SUFFIX


class OutputExistsError(Exception):
    """The target exists and the job was not asked to overwrite."""


def temp_name(target: Path, job_id: str) -> Path:
    return target.with_name(f".{target.name}.{job_id}{TEMP_SUFFIX}")


@contextlib.contextmanager
def atomic_target(target: Path, job_id: str, *, overwrite: bool) -> Iterator[Path]:
    """Yield a temp path to write; on success it replaces `target`, on error it is removed."""
    if target.exists() and not overwrite:
        raise OutputExistsError(target.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(target, job_id)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        if target.exists() and not overwrite:  # appeared while we worked
            raise OutputExistsError(target.name)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def sweep_temp_files(output_dir: Path, job_id: str) -> int:
    """Remove this job's temp files left by a killed worker; returns how many."""
    removed = 0
    if not output_dir.is_dir():
        return 0
    for path in output_dir.rglob(f".*.{job_id}{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return removed
