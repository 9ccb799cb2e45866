"""Runs the API under uvicorn and announces readiness on stdout as one JSON line."""

from __future__ import annotations

import json
import os
import socket
import sys

import uvicorn

from redacta import __version__
from redacta.api.app import create_app
from redacta.engine import Engine
from redacta.settings import get_settings


def _bind(host: str, port: int) -> socket.socket:
    """Bind the requested port, or any free one if it is taken (port 0 = any)."""
    for candidate in (port, 0) if port else (0,):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((host, candidate))
        except OSError:
            sock.close()
            continue
        return sock
    raise OSError(f"cannot bind {host}")


def serve(host: str, port: int) -> int:
    """Load the engine, listen, print the ready line, serve until stopped."""
    settings = get_settings()
    engine = Engine.create(settings)
    sock = _bind(host, port)
    actual_port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(settings, engine), log_level="warning")
    server = uvicorn.Server(config)

    ready = {"event": "ready", "port": actual_port, "pid": os.getpid(), "version": __version__}
    sock.listen(128)
    print(json.dumps(ready), flush=True)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(serve("127.0.0.1", 0))
