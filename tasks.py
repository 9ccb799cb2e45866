"""Invoke tasks: run Redacta, develop it, and build its installers.

`invoke --list` shows the tasks, `invoke --help TASK` their options. Tests live in nox
(`nox` runs them all); these tasks build and run things.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import webbrowser
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from invoke.collection import Collection
from invoke.context import Context
from invoke.exceptions import CommandTimedOut
from invoke.tasks import task

ROOT = Path(__file__).resolve().parent
SERVICES = ROOT / "services"
UI = ROOT / "ui"
DESKTOP = ROOT / "desktop"
DIST_BACKEND = ROOT / "dist" / "backend"
IS_WINDOWS = sys.platform == "win32"
BACKEND_EXE = DIST_BACKEND / ("redacta-backend.exe" if IS_WINDOWS else "redacta-backend")
VENV_PYTHON = SERVICES / ".venv" / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")
NO_ELECTRON_DOWNLOAD = {"ELECTRON_SKIP_BINARY_DOWNLOAD": "1"}

# The backend's launcher (standard library only) from the source tree: same ready-line reading
# as the tests and the benchmarks, without needing the backend's venv in this process.
sys.path.insert(0, str(SERVICES / "src"))
from redacta.launch import BackendStartError, start_backend, stop_process  # noqa: E402

# --- building blocks -------------------------------------------------------------------------


def _npm_ci(c: Context, folder: Path, *, force: bool = False) -> None:
    """Install a Node project's locked dependencies when they are missing (or always with force)."""
    if force or not (folder / "node_modules").is_dir():
        with c.cd(str(folder)):
            c.run("npm ci --no-audit --no-fund", env=NO_ELECTRON_DOWNLOAD)


def _backend_venv(c: Context) -> Path:
    """The backend's dev venv (services/.venv), brought in line with uv.lock.

    Synced every time (about a second when nothing changed): a venv left from an older lock
    or Python (e.g. a 3.11 venv after the move to 3.12) is rebuilt instead of failing later.
    """
    with c.cd(str(SERVICES)):
        c.run("uv sync --frozen --inexact")
    return VENV_PYTHON


def _backend_command(c: Context, *, prefer_frozen: bool) -> list[str]:
    """The frozen backend when built (and preferred), else `python -m redacta` from the venv."""
    if prefer_frozen and BACKEND_EXE.exists():
        return [str(BACKEND_EXE)]
    return [str(_backend_venv(c)), "-m", "redacta"]


def _build_ui(c: Context) -> None:
    _npm_ci(c, UI)
    with c.cd(str(UI)):
        c.run("npm run build")


def _build_desktop(c: Context) -> None:
    _npm_ci(c, DESKTOP)
    with c.cd(str(DESKTOP)):
        c.run("npm run build")


def _electron_binary(c: Context) -> Path | None:
    """Electron's own binary for `electron .`, fetched by the electron package on first use.

    None when it cannot be had (no network to GitHub, as on some build machines).
    """
    _npm_ci(c, DESKTOP)
    probe = "process.stdout.write(require('electron'))"
    try:
        with c.cd(str(DESKTOP)):
            result = c.run(f'node -e "{probe}"', warn=True, hide=True, timeout=300)
    except CommandTimedOut:
        return None
    if result is None or not result.ok:
        return None
    path = Path(result.stdout.strip())
    return path if path.exists() else None


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@contextmanager
def _backend(
    command: Sequence[str], *, port: int, token: str, ui_dir: Path | None = None
) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Runs the backend with a fresh token until the block ends, then stops it cleanly.

    Its stdin stays an open pipe (`--parent-watch stdin`): if this task dies, the backend exits.
    """
    env = {**os.environ, "REDACTA_TOKEN": token}
    if ui_dir is not None:
        env["REDACTA_UI_DIR"] = str(ui_dir)
    serve_args = ["--host", "127.0.0.1", "--port", str(port), "--parent-watch", "stdin"]
    try:
        started = start_backend(command, *serve_args, env=env, stdin=subprocess.PIPE)
    except BackendStartError as error:
        raise SystemExit(f"the backend did not start: {error}") from None
    try:
        yield started.process, started.port
    finally:
        stop_process(started.process)


def _wait_forever(*processes: subprocess.Popen[Any]) -> None:
    """Blocks until Ctrl-C or until one of the processes exits."""
    try:
        while all(p.poll() is None for p in processes):
            with suppress(subprocess.TimeoutExpired):
                processes[0].wait(0.5)
    except KeyboardInterrupt:
        print("\nStopping…")


# --- tasks -----------------------------------------------------------------------------------


@task(name="build")
def ui_build(c: Context) -> None:
    """Build the UI into ui/dist (installs its npm packages first if needed)."""
    _build_ui(c)


@task(
    help={
        "browser": "Skip Electron: serve the UI from the backend and open it in your browser.",
        "port": "Port for the backend in browser mode (default 8000; a free one if taken).",
        "no_open": "Browser mode: only print the URL, do not open a browser.",
    }
)
def app(c: Context, browser: bool = False, port: int = 8000, no_open: bool = False) -> None:
    """Run Redacta: builds what is missing, then starts the desktop app (or the browser UI).

    Where no Electron binary can run (no display, or it cannot be downloaded), the backend
    serves the built UI instead and your browser opens it; Ctrl-C stops it.
    """
    if not (UI / "dist" / "index.html").exists():
        _build_ui(c)
    electron = None if browser or not _has_display() else _electron_binary(c)
    if electron is not None:
        _backend_venv(c)
        _build_desktop(c)
        with c.cd(str(DESKTOP)):
            c.run(f'"{electron}" .', pty=not IS_WINDOWS)
        return
    if not browser:
        print(
            "No Electron here (no display or no Electron binary): opening Redacta in the browser."
        )
    token = secrets.token_urlsafe(32)
    command = _backend_command(c, prefer_frozen=True)
    with _backend(command, port=port, token=token, ui_dir=UI / "dist") as (process, ready_port):
        # The token travels in the fragment: browsers never send it to a server or proxy.
        url = f"http://127.0.0.1:{ready_port}/#token={token}"
        print(f"Redacta is running at {url}\nPress Ctrl-C to stop it.", flush=True)
        if not no_open:
            webbrowser.open(url)
        _wait_forever(process)


@task(help={"port": "Port of the Vite dev server (default 5173)."})
def dev(c: Context, port: int = 5173) -> None:
    """Develop: backend from the venv + Vite dev server (hot reload) + Electron on top.

    UI edits reload at once; main-process edits need a restart of this task. Without
    Electron, open the printed URL in a browser instead. Ctrl-C stops everything.
    """
    _npm_ci(c, UI)
    electron = _electron_binary(c) if _has_display() else None
    if electron is not None:
        _build_desktop(c)
    token = secrets.token_urlsafe(32)
    command = _backend_command(c, prefer_frozen=False)
    with _backend(command, port=0, token=token) as (backend, backend_port):
        backend_url = f"http://127.0.0.1:{backend_port}"
        vite_env = {**os.environ, "VITE_BACKEND_URL": backend_url}
        # Vite's own entry point, not `npm run dev`: npm does not pass a stop signal on.
        vite_js = UI / "node_modules" / "vite" / "bin" / "vite.js"
        vite_args = ["node", str(vite_js), "--port", str(port), "--strictPort"]
        vite = subprocess.Popen(vite_args, cwd=UI, env=vite_env)
        ui_url = f"http://127.0.0.1:{port}"
        processes: list[subprocess.Popen[Any]] = [backend, vite]
        try:
            if electron is not None:
                electron_env = {
                    **os.environ,
                    "REDACTA_DEV_UI_URL": ui_url,
                    "REDACTA_DEV_BACKEND_URL": backend_url,
                    "REDACTA_TOKEN": token,
                }
                processes.append(
                    subprocess.Popen([str(electron), "."], cwd=DESKTOP, env=electron_env)
                )
            else:
                print(f"No Electron here: open {ui_url}/#token={token} in a browser.", flush=True)
            _wait_forever(*processes)
        finally:
            for process in reversed(processes[1:]):
                stop_process(process)


@task(
    help={
        "target": "Installer target(s), comma-separated (default: the OS's: nsis | dmg,zip | "
        "AppImage,deb); `dir` for an unpacked folder.",
        "arch": "CPU architecture: x64 or arm64 (default: this machine's).",
        "electron_dist": "Folder holding an unpacked Electron to use instead of downloading one.",
    }
)
def package(c: Context, target: str = "", arch: str = "", electron_dist: str = "") -> None:
    """Build the desktop installer for this OS into desktop/release/ (never publishes).

    Freezes the backend (`nox -s freeze`, a no-op when its inputs are unchanged), builds the
    UI and the desktop code, then runs electron-builder. Signed when the signing variables
    (CSC_LINK, WIN_CSC_LINK, APPLE_ID, …) are set, unsigned otherwise.
    """
    c.run("nox -s freeze")
    if not BACKEND_EXE.exists():
        raise SystemExit(f"{BACKEND_EXE.relative_to(ROOT)} is missing after `nox -s freeze`")
    _build_ui(c)
    _build_desktop(c)
    platform_flag = {"win32": "--win", "darwin": "--mac"}.get(sys.platform, "--linux")
    args = ["npx", "electron-builder", platform_flag]
    targets = [t.strip() for t in target.split(",") if t.strip()]
    if sys.platform == "darwin" and "dmg" in targets and "zip" not in targets:
        targets.append("zip")  # electron-updater updates macOS apps from the zip
    args += targets
    if arch:
        args.append(f"--{arch}")
    args += ["--publish", "never"]
    if electron_dist:
        args.append(f"-c.electronDist={Path(electron_dist).resolve()}")
    with c.cd(str(DESKTOP)):
        c.run(" ".join(f'"{a}"' if " " in a else a for a in args))
    print(f"Installers: {DESKTOP / 'release'}")


@task(
    help={
        "deps": "Also remove installed dependencies (node_modules, services/.venv, .nox).",
        "dry_run": "Only print what would be removed.",
    }
)
def clean(_c: Context, deps: bool = False, dry_run: bool = False) -> None:
    """Remove build outputs (dist/, ui/dist, desktop/out, desktop/release, services/build)."""
    targets = [
        ROOT / "dist",
        UI / "dist",
        DESKTOP / "out",
        DESKTOP / "release",
        SERVICES / "build",
    ]
    if deps:
        targets += [
            UI / "node_modules",
            DESKTOP / "node_modules",
            SERVICES / ".venv",
            ROOT / ".nox",
        ]
    for path in targets:
        if path.exists():
            print(f"{'would remove' if dry_run else 'removing'} {path.relative_to(ROOT)}")
            if not dry_run:
                shutil.rmtree(path)


ui = Collection("ui")
ui.add_task(ui_build, name="build", default=True)

ns = Collection(app, dev, package, clean, ui)
