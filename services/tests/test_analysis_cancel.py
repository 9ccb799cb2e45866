"""Analysis progress and cancel on the REAL server: `POST /api/v1/analyze/stream` reports
progress then the same result as `/api/v1/analyze`, and a client that goes away (closes the
stream, or drops a plain `/api/v1/analyze`, `/api/v1/redact` or `/analyze` request) stops the
work: the server's processes (main and analysis workers) go idle within seconds, measured
from their CPU time, instead of analysing a long text to the end."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import httpx
import psutil
import pytest

from conftest import RunningServer
from redacta.api.routes.v1.text import AnalyzeStreamLine
from test_presidio_api import corpus

#: Long enough that finishing it would keep both cores busy for minutes.
LONG_CHARS = 2_000_000
#: A 0.5 s window with less CPU than this (in CPU seconds, all processes) counts as idle.
IDLE_CPU_SECONDS = 0.05
#: Wall time allowed from the disconnect until the processes are idle. The target on a quiet
#: machine is 1-2 s; this shared CI machine may give the server a fraction of a core.
STOP_SECONDS = 4.0
#: CPU time the server may still spend after the disconnect (finishing the current windows).
#: Analysing the rest of the text would take well over 60 CPU seconds.
STOP_CPU_SECONDS = 2.0


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server and all its worker processes."""
    main = psutil.Process(pid)
    total = 0.0
    for process in [main, *main.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def wait_until_busy(pid: int, timeout: float = 180.0) -> None:
    """Until the server's processes use CPU (the analysis runs)."""
    deadline = time.monotonic() + timeout
    last = tree_cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_cpu_seconds(pid)
        if now - last > 0.1:
            return
        last = now
    raise AssertionError("the analysis never started")


def time_until_idle(pid: int, since: float, timeout: float = 30.0) -> tuple[float, float]:
    """(seconds from `since` until a 0.5 s window is idle, CPU seconds used meanwhile)."""
    start_cpu = tree_cpu_seconds(pid)
    last = start_cpu
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_cpu_seconds(pid)
        if now - last < IDLE_CPU_SECONDS:
            return time.monotonic() - 0.5 - since, last - start_cpu
        last = now
    raise AssertionError(f"still busy {timeout} s after the client left")


def cancel_log_lines(server: RunningServer) -> list[dict[str, Any]]:
    """The server's "analysis cancelled" records (from its log file; stderr has the same)."""
    text = server.log_file.read_text(encoding="utf-8") if server.log_file.exists() else ""
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    return [line for line in lines if line.get("event") == "analysis cancelled"]


def assert_stops(server: RunningServer, closed_at: float, cancels_before: int) -> None:
    seconds, cpu = time_until_idle(server.pid, closed_at)
    print(f"stopped {seconds:.2f} s after the disconnect, using {cpu:.2f} CPU s meanwhile")
    assert seconds <= STOP_SECONDS, seconds
    assert cpu <= STOP_CPU_SECONDS, cpu
    deadline = time.monotonic() + 5
    while len(cancel_log_lines(server)) <= cancels_before and time.monotonic() < deadline:
        time.sleep(0.1)
    cancelled = cancel_log_lines(server)[cancels_before:]
    assert len(cancelled) == 1, cancelled
    assert cancelled[0]["done_chars"] < cancelled[0]["total_chars"]
    assert server.get("/livez").status_code == 200


def stream_lines(server: RunningServer, body: dict[str, Any]) -> list[dict[str, Any]]:
    """The stream's lines, each checked against the line model the schema documents."""
    with server.client() as client, client.stream("POST", "/api/v1/analyze/stream", json=body) as r:
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/x-ndjson"
        lines = [json.loads(line) for line in r.iter_lines() if line]
    for line in lines:
        AnalyzeStreamLine.model_validate(line)
    return lines


def test_stream_reports_progress_then_the_same_result_as_analyze(server: RunningServer) -> None:
    text = corpus(20_000, seed=11)
    lines = stream_lines(server, {"text": text})
    *progress, last = lines
    assert progress, "at least one progress line"
    assert all(p["type"] == "progress" and p["total"] == len(text) for p in progress)
    done = [p["done"] for p in progress]
    assert done == sorted(done)
    assert done[-1] <= len(text)
    assert len(progress) > 2, "a text of several chunks reports as chunks complete"
    assert last["type"] == "result"
    assert last["result"] == server.post("/api/v1/analyze", json={"text": text}).json()
    assert last["result"]["findings"]


def test_stream_errors_are_the_last_line_with_the_plain_routes_status(
    server: RunningServer,
) -> None:
    body = {"text": "Call John at 212-555-0187", "language": "xx"}
    plain = server.post("/api/v1/analyze", json=body)
    assert plain.status_code == 422
    *progress, last = stream_lines(server, body)
    assert all(p["type"] == "progress" for p in progress)
    assert last == {"type": "error", "status": 422, "error": plain.json()["detail"]}


def test_stream_refuses_an_invalid_body_before_streaming(server: RunningServer) -> None:
    response = server.post("/api/v1/analyze/stream", json={"text": ""})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


def analyze_until_progress(server: RunningServer, seed: int) -> float:
    """Stream a long text until the workers have analysed a part of it, then disconnect."""
    text = corpus(LONG_CHARS, seed=seed)
    with server.client() as client:
        with client.stream("POST", "/api/v1/analyze/stream", json={"text": text}) as response:
            lines = (json.loads(line) for line in response.iter_lines() if line)
            assert next(lines) == {"type": "progress", "done": 0, "total": len(text)}
            assert next(lines)["done"] > 0
        return time.monotonic()


@pytest.fixture(scope="module")
def warm_server(server: RunningServer) -> RunningServer:
    """The server with its analysis workers started (their start-up is not analysis work
    and is not cut short by a cancel: the next long text reuses them)."""
    analyze_until_progress(server, seed=2)
    time_until_idle(server.pid, time.monotonic())
    return server


def test_closing_the_stream_cancels_the_analysis(warm_server: RunningServer) -> None:
    cancels_before = len(cancel_log_lines(warm_server))
    closed_at = analyze_until_progress(warm_server, seed=3)
    assert_stops(warm_server, closed_at, cancels_before)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/analyze", {}),
        ("/api/v1/redact", {"operators": {"DEFAULT": {"type": "replace"}}}),
        ("/analyze", {"language": "en"}),
    ],
)
def test_dropping_a_plain_request_cancels_the_analysis(
    warm_server: RunningServer, path: str, body: dict[str, Any]
) -> None:
    server = warm_server
    payload = json.dumps({"text": corpus(LONG_CHARS, seed=4), **body}).encode()
    cancels_before = len(cancel_log_lines(server))
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Authorization: Bearer {server.token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
        sock.sendall(head + payload)
        wait_until_busy(server.pid)
    closed_at = time.monotonic()
    assert_stops(server, closed_at, cancels_before)
    # The server answers normally afterwards.
    with httpx.Client(base_url=server.base_url, headers=server.auth_headers) as client:
        assert client.post(path, json={"text": "Call 212-555-0187", **body}).status_code == 200
