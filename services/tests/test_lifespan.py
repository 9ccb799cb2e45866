"""The app's lifespan owns its worker processes: a server that stops leaves none behind,
without waiting for the interpreter's exit hooks."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
import uvicorn

import docsamples as d
from redacta.api.app import create_app
from redacta.settings import Settings


def _serve(app: Any) -> tuple[uvicorn.Server, threading.Thread, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not server.started:
        assert thread.is_alive(), "the app did not start"
        assert time.monotonic() < deadline, "the app did not start in time"
        time.sleep(0.1)
    return server, thread, sock.getsockname()[1]


def test_stopping_the_server_stops_the_job_workers(redacta_engine: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", job_workers=1)
    (tmp_path / "in").mkdir()
    d.make_text(tmp_path / "in" / "a.txt")
    others = {p.pid for p in psutil.Process().children(recursive=True)}  # e.g. a test server
    app = create_app(settings, redacta_engine)
    server, thread, port = _serve(app)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) as client:
            job = client.post(
                "/api/v1/jobs",
                json={"inputs": [str(tmp_path / "in")], "output_dir": str(tmp_path / "out")},
            ).json()
            deadline = time.monotonic() + 300
            while client.get(f"/api/v1/jobs/{job['id']}").json()["state"] != "completed":
                assert time.monotonic() < deadline, "the job did not finish"
                time.sleep(0.5)
        workers = [  # multiprocessing's resource tracker lives as long as this process
            p
            for p in psutil.Process().children(recursive=True)
            if p.pid not in others and "resource_tracker" not in " ".join(p.cmdline())
        ]
        assert workers, "the job ran without worker processes"
    finally:
        server.should_exit = True
        thread.join(timeout=120)
    assert not thread.is_alive()
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, f"outlived the server: {[' '.join(p.cmdline())[-80:] for p in alive]}"
    assert not (settings.data_dir / "uploads").exists()  # the job manager was closed
