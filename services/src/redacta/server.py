"""`redacta serve`: run the API under uvicorn with the process contract the desktop shell relies on.

The contract: bind the port (or a free one when it is taken), load the model,
and print exactly one JSON ready line on stdout once uvicorn accepts connections; exit 0 on
SIGTERM / SIGINT / `POST /api/v1/shutdown` after in-flight requests finish; exit by itself
within 2 s when the parent process dies (stdin EOF or a polled parent pid).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from redacta import __version__, logs
from redacta.settings import Settings

log = logs.get_logger("redacta.server")

#: After a stop is requested because the parent died, exit hard after this many seconds even if
#: a long request is still running: the contract is "gone within 2 s".
PARENT_DEATH_GRACE_S = 1.2
#: How often the parent pid is polled.
PARENT_POLL_S = 0.25


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind `host:port`, or any free port when it is taken (`port=0` means any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for candidate in (port, 0) if port else (0,):
        # proto=IPPROTO_TCP, not 0: asyncio only sets TCP_NODELAY on accepted sockets whose
        # proto is IPPROTO_TCP; without it Nagle + delayed ACK add ~40 ms to every response.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        if sys.platform != "win32":
            # Reuse a port in TIME_WAIT, but never share a port another process listens on.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError:
            sock.close()
            if candidate:
                log.warning("port taken, picking a free one", extra={"port": candidate})
            continue
        return sock
    raise OSError(f"cannot bind any port on {host}")


class RedactaServer(uvicorn.Server):
    """uvicorn's server, plus the ready line after start-up and exit 0 after a clean stop."""

    def __init__(self, config: uvicorn.Config, ready_line: dict[str, Any]) -> None:
        super().__init__(config)
        self._ready_line = ready_line

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """Start accepting connections, then announce readiness (never before)."""
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            announce_ready(self._ready_line)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Stop gracefully on SIGTERM/SIGINT and exit 0.

        uvicorn re-raises the captured signal once shut down, which would make a clean stop
        exit with -15; forgetting the signal keeps the exit code 0.
        """
        super().handle_exit(sig, frame)
        self._captured_signals.clear()

    def request_stop(self) -> None:
        """Ask the server to finish in-flight requests and stop (thread-safe: a flag)."""
        self.should_exit = True


def announce_ready(line: dict[str, Any]) -> None:
    """Print the single ready line on stdout; a windowed frozen build has no stdout."""
    log.info("ready", extra={"port": line["port"], "pid": line["pid"]})
    if sys.stdout is None:
        return
    try:
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
    except (OSError, ValueError):
        # Nobody reads stdout any more (closed pipe): keep serving; the parent watch decides.
        log.warning("could not write the ready line to stdout")


class Stopper:
    """Stops the process for the parent watchers, before or after the server runs.

    While the model loads there is nothing to finish, so the process exits at once; once
    serving, the server stops gracefully, with a hard exit after a grace period.
    """

    def __init__(self) -> None:
        self.server: RedactaServer | None = None
        self.parent_died = False

    def parent_gone(self, reason: str) -> None:
        self.parent_died = True
        log.warning("parent process gone, stopping", extra={"reason": reason})
        if self.server is not None:
            self.server.request_stop()
            time.sleep(PARENT_DEATH_GRACE_S)
            log.warning("graceful stop too slow after parent death, exiting now")
        logging.shutdown()
        os._exit(0)


def watch_stdin(stopper: Stopper) -> None:
    """Stop when stdin reaches EOF: the parent closed the pipe, or died."""
    if sys.stdin is None:
        log.warning("--parent-watch stdin but there is no stdin; not watching")
        return
    fd = sys.stdin.fileno()

    def run() -> None:
        try:
            while os.read(fd, 4096):
                pass
        except (OSError, ValueError):
            pass
        stopper.parent_gone("stdin closed")

    threading.Thread(target=run, name="redacta-stdin-watch", daemon=True).start()


def watch_parent_pid(stopper: Stopper, pid: int) -> None:
    """Stop when process `pid` exits (polled; a reused pid is told apart by its start time)."""
    import psutil  # only this watch needs it

    try:
        started: float | None = psutil.Process(pid).create_time()
    except psutil.Error:
        started = None

    def alive() -> bool:
        if started is None:
            return False
        try:
            proc = psutil.Process(pid)
            return bool(proc.create_time() == started and proc.status() != psutil.STATUS_ZOMBIE)
        except psutil.Error:
            return False

    def run() -> None:
        while alive():
            time.sleep(PARENT_POLL_S)
        stopper.parent_gone("parent pid exited")

    threading.Thread(target=run, name="redacta-parent-watch", daemon=True).start()


def _exit_during_startup(_sig: int, _frame: FrameType | None) -> None:
    """SIGTERM/SIGINT while the model loads: nothing to finish, exit 0 now."""
    raise SystemExit(0)


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    parent_watch: str | None = None,
    parent_pid: int | None = None,
) -> int:
    """Load the engine, listen, print the ready line, serve until stopped; returns 0."""
    logs.configure(settings.log_level, settings.log_file)
    if settings.token is None or not settings.token.get_secret_value():
        log.warning(
            "REDACTA_TOKEN is not set: the API accepts requests from any local program. "
            "Set REDACTA_TOKEN to require 'Authorization: Bearer <token>'."
        )

    stopper = Stopper()
    if parent_watch == "stdin":
        watch_stdin(stopper)
    if parent_pid is not None:
        watch_parent_pid(stopper, parent_pid)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _exit_during_startup)  # uvicorn installs its own when serving

    try:
        sock = bind_socket(host, port)
    except OSError as exc:
        log.critical("start-up failed", extra={"error": f"cannot listen on {host}: {exc}"})
        return 1
    if settings.ui_dir is not None and not settings.ui_dir.is_dir():
        # Checked before the model's seconds-long load, so a wrong setting fails at once.
        log.critical(
            "start-up failed", extra={"error": f"the UI folder {settings.ui_dir} does not exist"}
        )
        return 1
    log.info("loading model", extra={"model": settings.model})
    from redacta.api.app import create_app  # heavy: after the watchers start
    from redacta.engine import Engine

    try:
        engine = Engine.create(settings)
        app = create_app(settings, engine)
    except Exception as exc:
        # Start-up sees no user data, so the message (e.g. "model not installed") is safe.
        log.critical(
            "start-up failed", extra={"error": f"{type(exc).__name__}: {exc}"}, exc_info=True
        )
        return 1
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=30,
        lifespan="on",
    )
    actual_port = sock.getsockname()[1]
    ready = {"event": "ready", "port": actual_port, "pid": os.getpid(), "version": __version__}
    server = RedactaServer(config, ready)
    app.state.request_shutdown = server.request_stop
    stopper.server = server

    sock.listen(128)
    server.run(sockets=[sock])
    log.info("stopped")
    if stopper.parent_died:
        # Nobody waits for our exit status: skip the interpreter's teardown (over a second with
        # spaCy loaded, and it freezes the watcher thread whose hard exit would end it).
        logging.shutdown()
        os._exit(0)
    return 0


def dev_app() -> Any:
    """App factory for `--reload` (uvicorn re-imports it in a worker process on each change,
    so the settings are read there)."""
    settings = Settings()
    logs.configure(settings.log_level, settings.log_file)
    from redacta.api.app import create_app

    return create_app(settings)


def serve_reload(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Development server that restarts on source changes (docker compose dev).

    Not the desktop contract: no ready line, no parent watch, a fixed port.
    """
    logs.configure(settings.log_level, settings.log_file)
    uvicorn.run(
        "redacta.server:dev_app",
        factory=True,
        host=host,
        port=port,
        reload=True,
        reload_dirs=[str(Path(__file__).resolve().parent)],
        log_config=None,
        access_log=False,
        server_header=False,
    )
    return 0
