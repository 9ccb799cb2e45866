"""A backend process (frozen exe or `python -m redacta`) for the frozen smoke tests and
`bench/freeze.py`: started through `redacta.launch` (which waits for the ready line), with
stderr (structured logs) in a file so a failing test can show it, and an HTTP client.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from redacta.launch import BackendStartError, StartedBackend, start_backend

SERVICES = Path(__file__).resolve().parent.parent
EXE_NAME = "redacta-backend.exe" if sys.platform == "win32" else "redacta-backend"
DEFAULT_EXE = SERVICES.parent / "dist" / "backend" / EXE_NAME

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


@dataclass
class Backend:
    """A started backend process (`redacta.launch`) and an authenticated HTTP client to it."""

    started: StartedBackend
    log_path: Path
    http: httpx.Client

    @classmethod
    def start(cls, command: list[str], env: dict[str, str], log_path: Path) -> Backend:
        """Spawn `command serve --port 0` and wait for the ready line (stderr to `log_path`)."""
        with log_path.open("w", encoding="utf-8") as log:
            try:
                started = start_backend(
                    command, "--host", "127.0.0.1", "--port", "0", env=env, stderr=log
                )
            except BackendStartError as error:
                raise BackendStartError(f"{error}\n{_tail(log_path)}") from None
        http = httpx.Client(
            base_url=started.base_url,
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=60.0,
        )
        return cls(started=started, log_path=log_path, http=http)

    @property
    def process(self) -> subprocess.Popen[str]:
        return self.started.process

    @property
    def ready(self) -> dict[str, Any]:
        return self.started.ready

    @property
    def ready_after_s(self) -> float:
        return self.started.ready_after_s

    def extra_stdout(self) -> list[str]:
        """Stdout lines other than the ready line so far (the contract says: none)."""
        return self.started.stdout_before_ready + self.started.stdout_after_ready()

    def log_tail(self, lines: int = 40) -> str:
        """The end of the backend's stderr, for failure messages (no user text is logged)."""
        return _tail(self.log_path, lines)

    def kill(self) -> None:
        """Stop the process hard (test tear-down)."""
        self.http.close()
        self.started.kill()


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
