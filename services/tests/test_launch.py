"""`redacta.launch`, the one Python reader of the ready line, on real processes.

Every backend the tests start goes through it (conftest's `server`, `start_server`, the process
contract tests); these cover what a healthy backend never does: print something else first,
exit before it is ready, or hang. Small Python programs stand in for such a backend.
"""

from __future__ import annotations

import json
import sys

import psutil
import pytest

from redacta.launch import BackendStartError, parse_ready_line, start_backend

READY = {"event": "ready", "port": 8123, "pid": 4242, "version": "0.1.0"}


def _program(code: str) -> list[str]:
    """A Python program run as `program serve ...` (the extra arguments are ignored)."""
    return [sys.executable, "-c", code]


def test_parse_ready_line() -> None:
    assert parse_ready_line(json.dumps(READY) + "\n") == READY
    assert parse_ready_line('{"event": "stopping"}') is None
    assert parse_ready_line('{"event": "ready"}') is None  # no port: not a ready line
    assert parse_ready_line("[1, 2]") is None
    assert parse_ready_line("loading model...") is None


def test_lines_before_the_ready_line_are_kept_apart() -> None:
    code = (
        "import json, sys, time\n"
        "print('a stray line', flush=True)\n"
        f"print(json.dumps({READY!r}), flush=True)\n"
        "print('after', flush=True)\n"
    )
    backend = start_backend(_program(code), timeout_s=60)
    try:
        assert backend.ready == READY
        assert backend.port == 8123
        assert backend.stdout_before_ready == ["a stray line\n"]
        assert backend.stdout_after_ready(until_closed_s=30) == ["after\n"]
        assert backend.process.wait(30) == 0
    finally:
        backend.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_stop_ends_a_process_that_ignores_sigterm() -> None:
    code = (
        "import json, signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"print(json.dumps({READY!r}), flush=True)\n"
        "time.sleep(60)\n"
    )
    backend = start_backend(_program(code), timeout_s=60)
    assert backend.stop(grace_s=1) == -9  # killed after the grace period


def test_exit_before_ready_is_an_error_with_the_exit_code() -> None:
    with pytest.raises(BackendStartError, match="exited with code 3 before it was ready"):
        start_backend(_program("import sys; print('no ready line'); sys.exit(3)"))


def test_no_ready_line_in_time_kills_the_process() -> None:
    before = {p.pid for p in psutil.Process().children()}
    with pytest.raises(BackendStartError, match="no ready line within"):
        start_backend(_program("import time; time.sleep(60)"), timeout_s=1)
    leftover = [p for p in psutil.Process().children() if p.pid not in before and p.is_running()]
    assert [p for p in leftover if p.status() != psutil.STATUS_ZOMBIE] == []
