#!/usr/bin/env python3
"""Smoke-test a built installer on the runner that built it: the app's backend must answer.

Modes (the release and CI workflows pick the one for their OS):
  appimage PATH  Linux: launch the AppImage (`--no-sandbox`, under xvfb-run) with an empty
                 HOME, find the backend process the app spawned, read its port (its listening
                 socket) and per-launch token (its environment: same user, /proc), call
                 /livez and /health (401 without the token, 200 with it), SIGTERM the app's
                 main process (the backend's parent) and check the backend is gone too.
  dmg PATH       macOS: mount the image read-only and run the bundled backend (below).
  nsis PATH      Windows: silent per-user install into a temp folder, run the installed
                 backend (below), silent uninstall.
  backend EXE    start `EXE serve --port 0` with a token, wait for its JSON ready line, call
                 /livez and /health as above, SIGTERM (terminate on Windows), expect an exit.

Only the Linux mode launches Electron itself: GitHub's macOS and Windows runners can run the
installers but this script checks what they contain (the backend) rather than driving a GUI.
None of these modes can run on the development machine (no Electron, no hdiutil, no NSIS);
the `backend` mode and the process discovery of `appimage` are tested there against the real
backend with a stand-in launcher (services/tests/test_smoke_installer_script.py).
Prints no token. Needs psutil (in .github/requirements/ci-tools.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]

# The backend's launcher (standard library only) from the checkout: the same ready-line reading
# as the app's other launchers.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services" / "src"))
from redacta.launch import BackendStartError, start_backend

READY_TIMEOUT_S = 180.0  # a cold first start unpacks the AppImage and loads the spaCy model
# How long the app and its backend get to exit after SIGTERM (the shell's graceful shutdown
# plus its process-tree kill); SMOKE_EXIT_TIMEOUT overrides it (the tests shorten it).
EXIT_TIMEOUT_S = float(os.environ.get("SMOKE_EXIT_TIMEOUT", "20"))


class SmokeError(Exception):
    """The installer or the app it installs did not behave."""


def http_status(port: int, path: str, token: str | None) -> tuple[int, bytes]:
    """GET http://127.0.0.1:PORT/PATH, optionally with the bearer token."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http only)
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), bytes(exc.read())


def check_backend(port: int, token: str) -> None:
    """/livez is open, /health needs the token and then reports ok."""
    status, _ = http_status(port, "/livez", None)
    if status != 200:
        raise SmokeError(f"/livez answered {status}")
    status, _ = http_status(port, "/health", None)
    if status != 401:
        raise SmokeError(f"/health without the token answered {status}, expected 401")
    status, body = http_status(port, "/health", token)
    if status != 200:
        raise SmokeError(f"/health with the token answered {status}")
    health = json.loads(body)
    if health.get("status") not in {"ok", "healthy"}:
        raise SmokeError(f"/health reported status {health.get('status')!r}")
    print(f"backend on port {port}: /livez 200, /health 401 without token, 200 with: {health}")


def isolated_env(home: Path) -> dict[str, str]:
    """The runner's environment with an empty home, so no earlier state is reused."""
    env = dict(os.environ)
    env.pop("REDACTA_TOKEN", None)
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA"):
        env[name] = str(home)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def stop(process: subprocess.Popen[Any]) -> int:
    """Ask the process to stop (SIGTERM / terminate) and return its exit code."""
    process.terminate()
    try:
        return process.wait(timeout=EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise SmokeError(
            f"process {process.pid} ignored SIGTERM for {EXIT_TIMEOUT_S:.0f} s"
        ) from None


def smoke_backend(exe: Path) -> None:
    """Run a backend executable the way the app does and check it answers."""
    token = secrets.token_urlsafe(32)
    with tempfile.TemporaryDirectory(prefix="redacta-smoke-") as home:
        env = isolated_env(Path(home))
        env["REDACTA_TOKEN"] = token
        try:
            backend = start_backend([str(exe)], "--port", "0", env=env, timeout_s=READY_TIMEOUT_S)
        except BackendStartError as error:
            raise SmokeError(str(error)) from None
        try:
            check_backend(backend.port, token)
        finally:
            if backend.process.poll() is None:
                code = stop(backend.process)
                print(f"backend exited with {code} after SIGTERM")


def find_backend(app: psutil.Process) -> tuple[psutil.Process, int, str]:
    """The app's descendant holding REDACTA_TOKEN that listens on a loopback TCP port."""
    for child in app.children(recursive=True):
        try:
            token = child.environ().get("REDACTA_TOKEN")
            if not token:
                continue
            for conn in child.net_connections(kind="tcp"):
                if conn.status == psutil.CONN_LISTEN and conn.laddr:
                    return child, int(conn.laddr.port), token
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    raise LookupError


def smoke_appimage(appimage: Path, timeout_s: float = READY_TIMEOUT_S) -> None:
    """Launch the desktop app, reach its backend, quit it, and check nothing is left."""
    appimage.chmod(appimage.stat().st_mode | 0o111)
    with tempfile.TemporaryDirectory(prefix="redacta-smoke-") as home:
        env = isolated_env(Path(home))
        env["APPIMAGE_EXTRACT_AND_RUN"] = "1"  # no FUSE mount needed on the runner
        app = subprocess.Popen(
            [str(appimage), "--no-sandbox"],
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        backend: psutil.Process | None = None
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                if app.poll() is not None:
                    raise SmokeError(f"the app exited with {app.returncode} before its backend")
                try:
                    backend, port, token = find_backend(psutil.Process(app.pid))
                    status, _ = http_status(port, "/livez", None)
                    if status == 200:
                        break
                except (LookupError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise SmokeError(f"no backend answered within {timeout_s:.0f} s")
                time.sleep(0.5)
            check_backend(port, token)
            # Quit the way a session logout does: SIGTERM to the process that manages the
            # backend (its parent, Electron's main process), never to the backend itself.
            manager = backend.parent()
            if manager is not None:
                manager.terminate()
            try:
                app.wait(timeout=EXIT_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                raise SmokeError("the app did not quit on SIGTERM") from None
            try:
                backend.wait(timeout=EXIT_TIMEOUT_S)
            except psutil.TimeoutExpired:
                backend.kill()
                raise SmokeError("the backend outlived the app (orphan)") from None
        finally:
            if app.poll() is None:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait()
        print("app quit; its backend exited with it")


@contextmanager
def mounted_dmg(dmg: Path) -> Iterator[Path]:
    """hdiutil attach read-only at a temp mount point; always detach."""
    with tempfile.TemporaryDirectory(prefix="redacta-dmg-") as mount:
        subprocess.run(
            ["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", mount, str(dmg)],
            check=True,
        )
        try:
            yield Path(mount)
        finally:
            subprocess.run(["hdiutil", "detach", mount, "-force"], check=False)


def smoke_dmg(dmg: Path) -> None:
    """The dmg holds Redacta.app whose bundled backend answers; print its signature state."""
    with mounted_dmg(dmg) as mount:
        apps = sorted(mount.glob("*.app"))
        if len(apps) != 1:
            raise SmokeError(f"expected one .app in the dmg, found {[a.name for a in apps]}")
        # Informational: `codesign` says "not signed at all" for unsigned builds.
        subprocess.run(["codesign", "-dv", "--verbose=2", str(apps[0])], check=False)
        exe = apps[0] / "Contents" / "Resources" / "backend" / "redacta-backend"
        if not exe.is_file():
            raise SmokeError(f"{exe.relative_to(mount)} is missing from the app")
        smoke_backend(exe)


def smoke_nsis(installer: Path) -> None:
    """Silent per-user install into a temp folder, run the backend, silent uninstall."""
    with tempfile.TemporaryDirectory(prefix="redacta-nsis-") as tmp:
        target = Path(tmp) / "Redacta"
        # NSIS wants `/D=` last and unquoted, even with spaces.
        subprocess.run([str(installer), "/S", f"/D={target}"], check=True, timeout=600)
        exe = target / "resources" / "backend" / "redacta-backend.exe"
        deadline = time.monotonic() + 120
        while not exe.is_file():
            if time.monotonic() > deadline:
                raise SmokeError(f"{exe} did not appear after the silent install")
            time.sleep(1)
        try:
            smoke_backend(exe)
        finally:
            uninstallers = sorted(target.glob("Uninstall*.exe"))
            if uninstallers:
                subprocess.run([str(uninstallers[0]), "/S"], check=False, timeout=300)


def pick_one(paths: list[Path], kind: str) -> Path:
    """Exactly one installer per leg (a glob may also match helper files)."""
    candidates = [p for p in paths if p.is_file() and not p.name.startswith("__")]
    if kind == "nsis":
        candidates = [p for p in candidates if "setup" in p.name.lower()] or candidates
    if len(candidates) != 1:
        raise SmokeError(f"expected one {kind} file, got {[str(p) for p in paths]}")
    return candidates[0]


def main(argv: list[str] | None = None) -> int:
    """Run one mode; exit 1 with a one-line reason when the smoke test fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["appimage", "dmg", "nsis", "backend"])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        path = pick_one(args.paths, args.mode)
        modes: dict[str, Callable[[Path], None]] = {
            "appimage": smoke_appimage,
            "dmg": smoke_dmg,
            "nsis": smoke_nsis,
            "backend": smoke_backend,
        }
        modes[args.mode](path)
    except (SmokeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"smoke_installer: FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"smoke_installer: OK ({args.mode}: {path.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
