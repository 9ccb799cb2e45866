"""The real server starts, prints its ready line, and answers."""

from __future__ import annotations

import psutil

from conftest import RunningServer


def test_livez_answers_without_token(server: RunningServer) -> None:
    with server.client(token=False) as client:
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_line_names_the_listening_port(server: RunningServer) -> None:
    """The one stdout line a launcher waits for: its port is the one answering, its pid is the
    process serving, its version is the one `/api/v1/info` reports."""
    ready = server.ready
    assert set(ready) == {"event", "port", "pid", "version"}
    assert ready["event"] == "ready"
    assert ready["pid"] == server.pid  # the process pytest started, not a child or a wrapper
    listening = {
        (conn.laddr.ip, conn.laddr.port)
        for conn in psutil.Process(ready["pid"]).net_connections(kind="tcp")
        if conn.status == psutil.CONN_LISTEN
    }
    assert listening == {("127.0.0.1", ready["port"])}
    response = server.get("/api/v1/info")
    assert response.status_code == 200
    assert response.json()["version"] == ready["version"]
