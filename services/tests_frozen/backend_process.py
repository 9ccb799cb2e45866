"""Start a backend process (frozen exe or `python -m redacta`), wait for its ready line, talk to it.

Shared by the frozen smoke tests and `bench/freeze.py`. Stdout carries exactly one JSON ready
line; stderr (structured logs) goes to a file so a failing test can show it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

SERVICES = Path(__file__).resolve().parent.parent
EXE_NAME = "redacta-backend.exe" if sys.platform == "win32" else "redacta-backend"
DEFAULT_EXE = SERVICES.parent / "dist" / "backend" / EXE_NAME
READY_TIMEOUT_S = 120.0  # a cold start on a busy 2-core machine; normally ~2 s

TOKEN = "frozen-smoke-test-token"  # noqa: S105 - a per-test token, not a secret


def frozen_exe() -> Path:
    """The exe under test: `REDACTA_FROZEN_EXE` or the `nox -s freeze` output."""
    return Path(os.environ.get("REDACTA_FROZEN_EXE", DEFAULT_EXE))


def dev_command() -> list[str]:
    """The non-frozen server from the current venv."""
    return [sys.executable, "-m", "redacta"]


def clean_env(root: Path, **extra: str) -> dict[str, str]:
    """A minimal environment whose per-user folders are empty dirs under `root`.

    Nothing from the developer's environment leaks in (no venv, no `REDACTA_*`, no caches), so
    the exe has to find everything inside its own folder.
    """
    env = {"PATH": os.defpath, "LANG": "C.UTF-8", "REDACTA_TOKEN": TOKEN}
    for name in (
        "HOME",
        "USERPROFILE",
        "APPDATA",
        "LOCALAPPDATA",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
        "TMPDIR",
        "TEMP",
        "TMP",
    ):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    if sys.platform == "win32":  # Python cannot start on Windows without these
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    env.update(extra)
    return env


def _pump_stdout(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


@dataclass
class Backend:
    """A started backend process and an authenticated HTTP client to it."""

    process: subprocess.Popen[str]
    log_path: Path
    ready: dict[str, Any] = field(default_factory=dict)
    started_at: float = 0.0
    ready_after_s: float = 0.0
    stdout_lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    client: httpx.Client | None = None

    @classmethod
    def start(cls, command: list[str], env: dict[str, str], log_path: Path) -> Backend:
        """Spawn `command serve --port 0` and wait for the ready line."""
        log = log_path.open("w", encoding="utf-8")
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            text=True,
            encoding="utf-8",
        )
        log.close()
        backend = cls(process=process, log_path=log_path, started_at=started)
        threading.Thread(
            target=_pump_stdout, args=(process.stdout, backend.stdout_lines), daemon=True
        ).start()
        backend.wait_ready()
        return backend

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> dict[str, Any]:
        """Block until the JSON ready line arrives (the first stdout line)."""
        try:
            line = self.stdout_lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise TimeoutError(f"no ready line within {timeout} s\n{self.log_tail()}") from None
        if line is None:
            code = self.process.wait(timeout=10)
            raise RuntimeError(f"backend exited ({code}) before ready\n{self.log_tail()}")
        self.ready_after_s = time.perf_counter() - self.started_at
        self.ready = json.loads(line)
        self.client = httpx.Client(
            base_url=f"http://127.0.0.1:{self.ready['port']}",
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=60.0,
        )
        return self.ready

    @property
    def http(self) -> httpx.Client:
        """The authenticated client (only after the ready line)."""
        assert self.client is not None, "backend not ready"
        return self.client

    def extra_stdout(self) -> list[str]:
        """Stdout lines printed after the ready line (the contract says: none)."""
        lines: list[str] = []
        while True:
            try:
                line = self.stdout_lines.get_nowait()
            except queue.Empty:
                return lines
            if line is not None:
                lines.append(line)

    def log_tail(self, lines: int = 40) -> str:
        """The end of the backend's stderr, for failure messages (no user text is logged)."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> None:
        """Stop the process hard (test tear-down)."""
        if self.client is not None:
            self.client.close()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
