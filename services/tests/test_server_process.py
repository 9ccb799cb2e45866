"""The process contract of `python -m redacta serve`, on real processes.

The processes are started here (`redacta.launch`, or Popen where the test needs the raw
process), so their exit codes can be observed; parent death is simulated with a real parent
process killed with SIGKILL.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

from conftest import NETAUDIT_DIR, RunningServer, user_env
from redacta.launch import start_backend
from redacta.server import bind_socket

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

READY_TIMEOUT_S = 180


TOKEN = "t0ken"


def backend_env(tmp_path: Path, token: str | None = TOKEN) -> dict[str, str]:
    env = user_env(tmp_path / "data", PYTHONPATH=str(NETAUDIT_DIR))
    if token:
        env["REDACTA_TOKEN"] = token
    return env


class Backend:
    """A backend started here (`redacta.launch`): its ready line, and its exit code later."""

    def __init__(self, tmp_path: Path, *args: str, token: str | None = TOKEN) -> None:
        self.stderr_path = tmp_path / f"stderr-{time.monotonic_ns()}.log"
        self.token = token
        with self.stderr_path.open("wb") as stderr:
            self.started = start_backend(
                [sys.executable, "-m", "redacta"],
                *args,
                env=backend_env(tmp_path, token),
                stderr=stderr,
            )
        self.proc = self.started.process
        self.ready = self.started.ready
        self.port = self.started.port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, timeout: float = 120) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout)

    def other_stdout(self) -> list[str]:
        """Every stdout line but the ready line, up to the process's exit."""
        return self.started.stdout_before_ready + self.started.stdout_after_ready(until_closed_s=10)

    def kill(self) -> None:
        self.started.kill()


@pytest.fixture
def backends(tmp_path: Path) -> Iterator[list[Backend]]:
    started: list[Backend] = []
    yield started
    for backend in started:
        backend.kill()


def test_ready_line_is_the_only_stdout_and_sigint_exits_0(
    tmp_path: Path, backends: list[Backend]
) -> None:
    """SIGINT (Ctrl+C) here; SIGTERM's exit 0 is checked by the in-flight request test."""
    backend = Backend(tmp_path, "--port", "0")
    backends.append(backend)
    assert set(backend.ready) == {"event", "port", "pid", "version"}
    assert backend.ready["event"] == "ready"
    assert backend.ready["pid"] == backend.proc.pid
    with backend.client() as client:
        assert client.get("/api/v1/info").status_code == 200
    backend.proc.send_signal(signal.SIGINT)
    assert backend.proc.wait(30) == 0
    assert backend.other_stdout() == []  # logs went to stderr, never stdout
    stderr_lines = backend.stderr_path.read_text().splitlines()
    assert all(json.loads(line)["event"] for line in stderr_lines)  # structured JSON lines


def test_sigterm_finishes_the_in_flight_request_then_exits_0(
    tmp_path: Path, backends: list[Backend]
) -> None:
    backend = Backend(tmp_path, "--port", "0")
    backends.append(backend)
    # About 2 s of CPU here: the stop must wait for it, and under load it still ends well
    # inside the server's 30 s stop grace (after which the request would be cut off with 500).
    text = "Alice Johnson met Bob Stone in Paris on 3 May 2021 (alice@example.com). " * 500
    with (
        backend.client() as client,
        client.stream("POST", "/api/v1/analyze/stream", json={"text": text}) as response,
    ):
        lines = response.iter_lines()
        first = json.loads(next(lines))
        # The first progress line comes once the analysis has started: it is in flight now.
        assert first == {"type": "progress", "done": 0, "total": len(text)}
        backend.proc.send_signal(signal.SIGTERM)
        rest = [json.loads(line) for line in lines if line]
    assert response.status_code == 200
    assert rest[-1]["type"] == "result", rest[-1]
    assert len(rest[-1]["result"]["findings"]) >= 500
    assert backend.proc.wait(30) == 0
    # Stopped: nothing listens any more.
    with pytest.raises(httpx.ConnectError), backend.client() as client:
        client.get("/livez")


def test_shutdown_endpoint_exits_0(tmp_path: Path, backends: list[Backend]) -> None:
    backend = Backend(tmp_path, "--port", "0")
    backends.append(backend)
    with backend.client() as client:
        response = client.post("/api/v1/shutdown")
    assert response.status_code == 202
    assert response.json() == {"status": "stopping"}
    assert backend.proc.wait(30) == 0


def test_shutdown_endpoint_needs_the_token(server: RunningServer) -> None:
    with server.client(token=False) as client:
        assert client.post("/api/v1/shutdown").status_code == 401
    time.sleep(0.5)
    assert psutil.pid_exists(server.pid)
    assert server.get("/livez").status_code == 200


def test_taken_port_falls_back_to_a_free_one(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with caplog.at_level(logging.WARNING), bind_socket("127.0.0.1", port) as bound:
            assert bound.getsockname()[1] not in (port, 0)
    assert any(r.getMessage() == "port taken, picking a free one" for r in caplog.records)


def test_requested_free_port_is_used() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with bind_socket("127.0.0.1", port) as bound:
        assert bound.getsockname()[1] == port


def _serve(stderr_path: Path, env: dict[str, str], stdout: int) -> subprocess.Popen[bytes]:
    """`python -m redacta serve` on a free port, its stderr written to `stderr_path`, for tests
    that watch what the process says while it starts."""
    with stderr_path.open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "redacta", "serve", "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            env=env,
        )


def test_no_token_prints_a_warning(tmp_path: Path) -> None:
    """Said at start, before the model loads: the process is stopped once it is seen."""
    stderr_path = tmp_path / "stderr.log"
    proc = _serve(stderr_path, backend_env(tmp_path, token=None), stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        warnings: list[dict[str, Any]] = []
        while not warnings and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            warnings = [
                json.loads(line)
                for line in stderr_path.read_text().splitlines()
                if "REDACTA_TOKEN is not set" in line
            ]
    finally:
        proc.kill()
        proc.wait(10)
    assert warnings, stderr_path.read_text()[-2000:]
    assert warnings[0]["level"] == "warning"


def test_version_prints_the_version() -> None:
    from redacta import __version__

    done = subprocess.run(
        [sys.executable, "-m", "redacta", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == f"redacta {__version__}"


PARENT_SCRIPT = textwrap.dedent(
    """
    import os, subprocess, sys, time
    watch = sys.argv[1]
    args = [sys.executable, "-m", "redacta", "serve", "--port", "0"]
    if watch == "stdin":
        args += ["--parent-watch", "stdin"]
        stdin = subprocess.PIPE
    else:
        args += ["--parent-pid", str(os.getpid())]
        stdin = subprocess.DEVNULL
    child = subprocess.Popen(args, stdin=stdin, stdout=subprocess.PIPE, stderr=sys.stderr)
    line = child.stdout.readline()
    sys.stdout.write(line.decode())
    sys.stdout.flush()
    time.sleep(3600)
    """
)


@pytest.mark.parametrize("watch", ["stdin", "pid"])
def test_server_exits_within_2s_when_its_parent_is_killed(tmp_path: Path, watch: str) -> None:
    stderr_path = tmp_path / "parent-stderr.log"
    with stderr_path.open("wb") as stderr:
        parent = subprocess.Popen(
            [sys.executable, "-c", PARENT_SCRIPT, watch],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=backend_env(tmp_path),
        )
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()
        assert line, stderr_path.read_text()[-2000:]
        server_pid = json.loads(line)["pid"]
        server = psutil.Process(server_pid)
        assert server.is_running()
        with httpx.Client(
            base_url=f"http://127.0.0.1:{json.loads(line)['port']}",
            headers={"Authorization": "Bearer t0ken"},
        ) as client:
            assert client.get("/livez").status_code == 200

        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        killed_at = time.monotonic()
        gone = False
        while time.monotonic() - killed_at < 2.0:
            try:
                gone = server.status() == psutil.STATUS_ZOMBIE
            except psutil.NoSuchProcess:
                gone = True
            if gone:
                break
            time.sleep(0.05)
        assert gone, f"server still running {time.monotonic() - killed_at:.2f} s after parent death"
    finally:
        if parent.poll() is None:
            parent.kill()
        with contextlib.suppress(psutil.NoSuchProcess, UnboundLocalError):
            psutil.Process(server_pid).kill()


def test_sigterm_while_the_model_loads_exits_0(tmp_path: Path) -> None:
    stderr_path = tmp_path / "stderr.log"
    proc = _serve(stderr_path, backend_env(tmp_path), stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while "loading model" not in stderr_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "ready" not in stderr_path.read_text()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        assert proc.stdout is not None
        assert proc.stdout.read() == b""  # never announced readiness
    finally:
        if proc.poll() is None:
            proc.kill()


def test_reload_mode_serves_for_development(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stderr_path = tmp_path / "stderr.log"
    with stderr_path.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "redacta", "serve", "--reload", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=backend_env(tmp_path),
            start_new_session=True,  # the reloader spawns a worker: stop the whole group
        )
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and status != 200:
            try:
                status = httpx.get(
                    f"http://127.0.0.1:{port}/api/v1/info",
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    timeout=5,
                ).status_code
            except httpx.TransportError:
                time.sleep(0.5)
        assert status == 200, stderr_path.read_text()[-2000:]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_startup_failure_is_a_logged_error_and_exit_1(tmp_path: Path) -> None:
    env = backend_env(tmp_path)
    env["REDACTA_UI_DIR"] = str(tmp_path / "no-such-ui")
    done = subprocess.run(
        [sys.executable, "-m", "redacta", "serve", "--port", "0"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""  # no ready line
    failure = [json.loads(line) for line in done.stderr.splitlines() if "start-up failed" in line]
    assert failure
    assert "no-such-ui" in failure[0]["error"]
    assert "loading model" not in done.stderr  # a wrong setting fails before the slow load


def test_serves_without_stdout_and_stderr_like_a_windowed_build(tmp_path: Path) -> None:
    log_file = tmp_path / "backend.log"
    env = backend_env(tmp_path)
    env["REDACTA_LOG_FILE"] = str(log_file)
    code = (
        "import sys; sys.stdout = None; sys.stderr = None\n"
        "from redacta.__main__ import main\n"
        "sys.exit(main(['serve', '--port', '0']))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        ready = None
        while ready is None and time.monotonic() < deadline and proc.poll() is None:
            if log_file.exists():
                for line in log_file.read_text().splitlines():
                    entry = json.loads(line)
                    if entry["event"] == "ready":
                        ready = entry
            time.sleep(0.2)
        assert ready is not None, "no ready event in the log file"
        with httpx.Client(
            base_url=f"http://127.0.0.1:{ready['port']}",
            headers={"Authorization": f"Bearer {TOKEN}"},
        ) as client:
            assert client.get("/api/v1/info").status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        stdout, stderr = proc.communicate()
        assert stdout == b""
        assert stderr == b""
    finally:
        if proc.poll() is None:
            proc.kill()
