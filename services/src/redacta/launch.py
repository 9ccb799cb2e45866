"""Start a backend (`python -m redacta` or the frozen `redacta-backend`) and read its ready line.

`serve` prints exactly one JSON line on stdout once it accepts connections,
`{"event": "ready", "port": 8123, "pid": 4242, "version": "0.1.0"}`; everything else goes to
stderr. Every Python launcher reads that line through `start_backend`: the tests, the frozen
smoke tests, the benchmarks, `tasks.py` and the release smoke test (the desktop shell has its
TypeScript twin). Standard library only, so launchers outside the backend's venv can import it
from `services/src`.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

#: A cold start on a busy 2-core machine; normally a few seconds.
READY_TIMEOUT_S = 180.0
READY_KEYS = frozenset({"event", "port", "pid", "version"})


class BackendStartError(RuntimeError):
    """The backend exited, or printed no ready line in time; the message says which."""


def parse_ready_line(line: str) -> dict[str, Any] | None:
    """The ready event if `line` is one, else None."""
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        return None
    if isinstance(event, dict) and event.get("event") == "ready" and "port" in event:
        return event
    return None


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


@dataclass
class StartedBackend:
    """A running backend process, its ready line, and the stdout it printed around it."""

    process: subprocess.Popen[str]
    ready: dict[str, Any]
    ready_after_s: float
    #: Stdout lines before the ready line (the contract says: none).
    stdout_before_ready: list[str] = field(default_factory=list)
    _stdout: queue.Queue[str | None] = field(default_factory=queue.Queue, repr=False)

    @property
    def port(self) -> int:
        return int(self.ready["port"])

    @property
    def pid(self) -> int:
        return int(self.ready["pid"])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stdout_after_ready(self, *, until_closed_s: float | None = None) -> list[str]:
        """Stdout lines printed since the ready line (the contract says: none): those so far,
        or with `until_closed_s` all of them up to the end of stdout (the process exited)."""
        lines: list[str] = []
        deadline = None if until_closed_s is None else time.perf_counter() + until_closed_s
        while True:
            try:
                if deadline is None:
                    line = self._stdout.get_nowait()
                else:
                    line = self._stdout.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                if deadline is not None:
                    raise TimeoutError(f"stdout still open after {until_closed_s} s") from None
                return lines
            if line is None:
                return lines
            lines.append(line)

    def stop(self, grace_s: float = 10.0) -> int:
        """SIGTERM (a clean stop, exit 0), then kill after `grace_s`; returns the exit code."""
        return stop_process(self.process, grace_s)

    def kill(self) -> None:
        """Stop at once (test tear-down)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)


def stop_process(process: subprocess.Popen[Any], grace_s: float = 10.0) -> int:
    """SIGTERM (terminate on Windows), then kill after `grace_s`; returns the exit code."""
    if process.poll() is None:
        if sys.platform == "win32":
            process.terminate()
        else:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


def start_backend(
    command: Sequence[str],
    *serve_args: str,
    env: Mapping[str, str] | None = None,
    stdin: int | IO[Any] | None = subprocess.DEVNULL,
    stderr: int | IO[Any] | None = None,
    cwd: Path | None = None,
    timeout_s: float = READY_TIMEOUT_S,
) -> StartedBackend:
    """Run `command serve serve_args...` and return once its ready line arrives.

    `command` is the backend (`[python, "-m", "redacta"]` or `[exe]`); stdout is read here;
    stdin (default: none; `subprocess.PIPE` for `--parent-watch stdin`) and stderr (default:
    inherited) are the caller's. Raises `BackendStartError` when the process exits first or no
    ready line comes within `timeout_s`, after killing it.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "serve", *serve_args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env=None if env is None else dict(env),
        cwd=cwd,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    before: list[str] = []
    deadline = started + timeout_s
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            process.kill()
            process.wait()
            raise BackendStartError(f"no ready line within {timeout_s:.0f} s") from None
        if line is None:
            code = process.wait()
            raise BackendStartError(f"the backend exited with code {code} before it was ready")
        ready = parse_ready_line(line)
        if ready is not None:
            return StartedBackend(
                process=process,
                ready=ready,
                ready_after_s=time.perf_counter() - started,
                stdout_before_ready=before,
                _stdout=lines,
            )
        before.append(line)
