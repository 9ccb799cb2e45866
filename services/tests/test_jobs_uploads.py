"""Uploaded files live for one run of one backend: closing a backend removes its own upload
folders (and those of a backend that crashed), never those of another backend of the same user
that is still running and may be in the middle of a review."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Executor
from pathlib import Path

from redacta.jobs.manager import JobManager
from redacta.settings import Settings


class _NoPool:
    """The manager's worker pool, unused here: no job runs in these tests."""

    workers = 1

    def get(self) -> Executor:
        raise AssertionError("no job runs in these tests")

    def reset(self, executor: Executor) -> None:
        raise AssertionError(f"no job runs in these tests ({executor!r})")

    def close(self) -> None:
        pass


def _upload_of(pid: int, uploads: Path) -> Path:
    folder = uploads / f"{pid}-0123456789abcdef"
    (folder / "input").mkdir(parents=True)
    (folder / "input" / "memo.txt").write_text("kept while its backend runs\n")
    return folder


def test_closing_one_backend_keeps_another_running_backends_uploads(tmp_path: Path) -> None:
    manager = JobManager(Settings(data_dir=tmp_path), _NoPool())
    own = manager.new_upload_dir()
    assert own.parent == manager.uploads_dir
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])
    crashed.wait()
    try:
        others = _upload_of(other.pid, manager.uploads_dir)
        leftover = _upload_of(crashed.pid, manager.uploads_dir)
        manager.close()
        assert not own.exists()
        assert not leftover.exists()
        assert (others / "input" / "memo.txt").is_file()
    finally:
        other.kill()
        other.wait()


def test_the_uploads_folder_goes_when_nothing_is_left_in_it(tmp_path: Path) -> None:
    manager = JobManager(Settings(data_dir=tmp_path), _NoPool())
    manager.new_upload_dir()
    manager.close()
    assert not manager.uploads_dir.exists()
