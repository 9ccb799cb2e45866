"""Logs are structured and never contain user text, detected values, the token or queries."""

from __future__ import annotations

import json
import logging
import sys

from conftest import Toured
from redacta.logs import JsonFormatter
from server_tour import PII_VALUES


def test_no_personal_data_token_or_query_in_any_log_line(toured_server: Toured) -> None:
    running, calls = toured_server.server, toured_server.calls
    statuses = {status for _, _, status in calls}
    assert {200, 400, 401, 404, 422} <= statuses  # success and error paths were both exercised

    lines = running.log_lines()
    assert running.log_file.exists()
    assert len(lines) > len(calls)
    assert running.token
    for line in lines:
        for value in (*PII_VALUES, running.token, "support@example.com", "email=", "token="):
            assert value not in line, f"{value!r} leaked into a log line"
        json.loads(line)  # every line is one JSON object

    requests = [json.loads(line) for line in lines if '"event": "request"' in line]
    assert len(requests) >= len(calls)
    analyze = next(r for r in requests if r["route"] == "/api/v1/analyze" and r["status"] == 200)
    assert analyze["method"] == "POST"
    assert analyze["request_bytes"] > 0
    assert analyze["response_bytes"] > 0
    assert analyze["duration_ms"] >= 0
    templated = [r for r in requests if r["route"] == "/api/v1/sessions/{session_id}"]
    assert templated, "route templates (not concrete paths) are logged"


def _record(msg: str, args: tuple[object, ...], exc: BaseException | None = None) -> str:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("presidio-analyzer", logging.ERROR, __file__, 1, msg, args, exc_info)
    return JsonFormatter().format(record)


def test_third_party_arguments_and_exception_messages_are_dropped() -> None:
    secret = "alice@example.com"
    try:
        raise ValueError(f"could not parse {secret}")
    except ValueError as exc:
        line = _record("failed on %s", (secret,), exc)
    assert secret not in line
    entry = json.loads(line)
    assert entry["event"] == "failed on %s [args dropped]"
    assert entry["exception"]["type"] == "ValueError"
    assert any("test_logs.py" in frame for frame in entry["exception"]["frames"])


def test_own_loggers_keep_fixed_events_and_extra_fields() -> None:
    record = logging.LogRecord("redacta.server", logging.INFO, __file__, 1, "ready", None, None)
    record.port = 8123
    entry = json.loads(JsonFormatter().format(record))
    assert entry["event"] == "ready"
    assert entry["port"] == 8123
    assert entry["level"] == "info"
    assert entry["time"].endswith("Z")


def test_configure_survives_a_missing_stderr(monkeypatch: object, tmp_path: object) -> None:
    from pathlib import Path

    from redacta import logs

    log_file = Path(str(tmp_path)) / "x.log"
    real = sys.stderr
    try:
        sys.stderr = None  # type: ignore[assignment]  # windowed frozen build
        logs.configure("INFO", log_file)
        logging.getLogger("redacta.test").info("hello", extra={"n": 1})
    finally:
        sys.stderr = real
        logs.configure("WARNING", None)
    assert json.loads(log_file.read_text().splitlines()[-1])["n"] == 1
