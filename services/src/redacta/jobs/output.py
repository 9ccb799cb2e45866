"""Atomic output files: written under a temporary name beside the target, renamed when done.

A cancelled or crashed job therefore never leaves a half-written output; leftovers of a
killed worker carry the job's id in their name and are swept when the job ends.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from redacta.jobs.plan import TEMP_SUFFIX


class OutputExistsError(Exception):
    """The target exists and the job was not asked to overwrite."""


class OutputFolderError(Exception):
    """The folder of a target cannot be created (no permission, read-only or full disk);
    the message says so without the file's content."""


def temp_name(target: Path, job_id: str) -> Path:
    return target.with_name(f".{target.name}.{job_id}{TEMP_SUFFIX}")


@contextlib.contextmanager
def atomic_target(target: Path, job_id: str, *, overwrite: bool) -> Iterator[Path]:
    """Yield a temp path to write; on success it replaces `target`, on error it is removed."""
    if target.exists() and not overwrite:
        raise OutputExistsError(target.name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(
            f"The output folder {target.parent} cannot be created "
            f"({exc.strerror or type(exc).__name__}); choose a folder you can write to."
        ) from None
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


class _Chunks:
    """A write-only sink that hands back what was written since the last `take()`: lets
    `zipfile` write an archive that is sent while it is built (it writes data descriptors
    when it cannot seek)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes, /) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


ZIP_BLOCK = 1 << 20


def zip_stream(files: Iterable[tuple[str, Path]]) -> Iterator[bytes]:
    """A zip archive of `files` (name inside the archive, file on disk), yielded in pieces of
    about `ZIP_BLOCK` bytes as it is built, so a big job's outputs are never held in memory."""
    sink = _Chunks()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in files:
            info = zipfile.ZipInfo.from_file(path, name, strict_timestamps=False)
            info.compress_type = zipfile.ZIP_DEFLATED
            with path.open("rb") as source, archive.open(info, "w") as target:
                while block := source.read(ZIP_BLOCK):
                    target.write(block)
                    if data := sink.take():
                        yield data
            if data := sink.take():
                yield data
    yield sink.take()
