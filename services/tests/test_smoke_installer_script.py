"""The installer smoke test the workflows run (.github/scripts/smoke_installer.py), for real.

Electron, hdiutil and NSIS cannot run on this machine, so the `dmg`, `nsis` and real `appimage`
runs happen only on GitHub's runners. What is tested here is the part that decides pass/fail:
the `backend` mode against the real backend, and the `appimage` mode's discovery of the
backend an app spawned (port from its listening socket, token from its environment), its
/health checks and the orphan check, with a small stand-in launcher in place of Electron that
spawns the real backend the way the desktop shell does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "scripts" / "smoke_installer.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX launchers and signals")


def run_smoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        env={**os.environ, "SMOKE_EXIT_TIMEOUT": "6"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def executable(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    path.chmod(0o755)
    return path


def stand_in_app(tmp_path: Path, stops_backend: bool) -> Path:
    """A launcher that spawns the real backend with a token, like the desktop shell does."""
    return executable(
        tmp_path / "Redacta.AppImage",
        f"""
        #!{sys.executable}
        import os, secrets, signal, subprocess, sys, time
        env = dict(os.environ, REDACTA_TOKEN=secrets.token_urlsafe(16))
        backend = subprocess.Popen(
            [sys.executable, "-m", "redacta", "serve", "--port", "0"],
            env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        )
        def quit(*_):
            if {stops_backend!r}:
                backend.terminate()
                backend.wait()
            os._exit(0)
        signal.signal(signal.SIGTERM, quit)
        while backend.poll() is None:  # not wait(): the handler waits for the backend
            time.sleep(0.2)
        """,
    )


def test_backend_mode_starts_the_real_backend_and_reaches_health(tmp_path: Path) -> None:
    launcher = executable(
        tmp_path / "redacta-backend",
        f"""
        #!/bin/sh
        exec "{sys.executable}" -m redacta "$@"
        """,
    )
    result = run_smoke("backend", str(launcher))
    assert result.returncode == 0, result.stderr
    assert "/health 401 without token, 200 with" in result.stdout


def test_backend_mode_fails_when_the_backend_never_gets_ready(tmp_path: Path) -> None:
    broken = executable(tmp_path / "redacta-backend", "#!/bin/sh\nexit 3\n")
    result = run_smoke("backend", str(broken))
    assert result.returncode == 1
    assert "exited with code 3 before it was ready" in result.stderr


def test_appimage_mode_finds_the_spawned_backend_and_sees_it_exit_with_the_app(
    tmp_path: Path,
) -> None:
    result = run_smoke("appimage", str(stand_in_app(tmp_path, stops_backend=True)))
    assert result.returncode == 0, result.stderr
    assert "its backend exited with it" in result.stdout


def test_appimage_mode_reports_a_backend_left_behind(tmp_path: Path) -> None:
    result = run_smoke("appimage", str(stand_in_app(tmp_path, stops_backend=False)))
    assert result.returncode == 1
    assert "orphan" in result.stderr
