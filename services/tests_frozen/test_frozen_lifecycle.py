"""The frozen exe's process contract: exits 0 on SIGTERM, and by itself when its parent dies."""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import psutil
import pytest
from backend_process import Backend, clean_env

PARENT_DEATH_DEADLINE_S = 2.0  # the contract (brief, issue 2): gone within 2 s

# An intermediate parent, like the desktop shell: spawns the exe with a parent watch, passes
# its stdout through (so we read the exe's ready line), then just waits, until we SIGKILL it.
PARENT_SCRIPT = """
import os, subprocess, sys
mode, command = sys.argv[1], sys.argv[2:]
if mode == "stdin":
    child = subprocess.Popen([*command, "--parent-watch", "stdin"], stdin=subprocess.PIPE)
else:
    child = subprocess.Popen(
        [*command, "--parent-pid", str(os.getpid())], stdin=subprocess.DEVNULL
    )
child.wait()
"""


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.usefixtures("offline")
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_exits_zero(exe: Path, tmp_path: Path) -> None:
    backend = Backend.start([str(exe)], clean_env(tmp_path), tmp_path / "stderr.log")
    try:
        assert backend.http.get("/health").status_code == 200
        backend.process.send_signal(signal.SIGTERM)
        assert backend.process.wait(timeout=30) == 0, backend.log_tail()
    finally:
        backend.kill()


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize("watch", ["stdin", "pid"])
def test_exits_when_its_parent_is_killed(exe: Path, tmp_path: Path, watch: str) -> None:
    parent = Backend.start(
        [sys.executable, "-c", PARENT_SCRIPT, watch, str(exe)],
        clean_env(tmp_path),
        tmp_path / "stderr.log",
    )
    exe_pid = parent.ready["pid"]
    try:
        assert exe_pid != parent.process.pid
        assert parent.http.get("/health").status_code == 200
        parent.process.kill()  # SIGKILL: the parent gets no chance to clean up
        parent.process.wait(timeout=10)
        deadline = time.monotonic() + PARENT_DEATH_DEADLINE_S
        while not _gone(exe_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(exe_pid), (
            f"exe still running {PARENT_DEATH_DEADLINE_S} s after its parent died\n"
            f"{parent.log_tail()}"
        )
    finally:
        parent.kill()
        if not _gone(exe_pid):
            psutil.Process(exe_pid).kill()


@pytest.mark.usefixtures("offline")
def test_starts_from_the_compiled_patterns_it_ships(exe: Path, tmp_path: Path) -> None:
    """The address patterns are read from the bundle's compiled-pattern files, not parsed (a
    second of start-up), and the frozen app writes nothing into its own folder."""
    shipped = exe.parent / "_internal" / "redacta" / "engine" / "__pycache__" / "patterns"
    files_before = sorted(shipped.iterdir())
    assert len(files_before) >= 10
    env = clean_env(tmp_path, REDACTA_LOG_LEVEL="DEBUG")
    backend = Backend.start([str(exe)], env, tmp_path / "stderr.log")
    try:
        assert backend.http.get("/health").status_code == 200
        lines = backend.log_path.read_text(encoding="utf-8").splitlines()
        events = [json.loads(line)["event"] for line in lines if line.startswith("{")]
    finally:
        backend.kill()
    assert events.count("pattern read from the cache") == len(files_before)
    assert "pattern compiled, not read from the cache" not in events
    assert sorted(shipped.iterdir()) == files_before
