"""`/api/v1/settings` and `/api/v1/recognizers/test` on the real server; saving and reloading
across a restart on the real app in process (`app_client`)."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import AppClient, RunningServer

TEXT = "Project Bluebird: employee EMP-4411 (Acme Widgets) wrote to ops@acme-widgets.com."


def test_settings_apply_to_analysis_and_persist_across_restart(
    app_client: AppClient, tmp_path: Path
) -> None:
    """Saved, applied, and read back by a new app (a restart) on the same data folder."""
    data_dir = tmp_path / "data"
    with app_client(data_dir=data_dir) as first:
        assert first.get("/api/v1/settings").json()["custom_recognizers"] == []
        settings = {
            "allow_list": ["ops@acme-widgets.com"],
            "deny_lists": {"PROJECT": ["Bluebird"]},
            "custom_recognizers": [
                {
                    "name": "employee id",
                    "entity_type": "EMPLOYEE_ID",
                    "pattern": r"EMP-\d{4}",
                    "score": 0.9,
                }
            ],
            "enabled_entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"],
            "score_threshold": 0.4,
            "default_operators": {"EMPLOYEE_ID": {"type": "redact"}},
        }
        saved = first.put("/api/v1/settings", json=settings)
        assert saved.status_code == 200, saved.text
        findings = first.post("/api/v1/analyze", json={"text": TEXT}).json()["findings"]
        found = {(f["entity_type"], TEXT[f["start"] : f["end"]]) for f in findings}
        assert ("PROJECT", "Bluebird") in found
        assert ("EMPLOYEE_ID", "EMP-4411") in found
        assert not any(t == "EMAIL_ADDRESS" for t, _ in found)  # allow-listed
        employee = next(f for f in findings if f["entity_type"] == "EMPLOYEE_ID")
        assert employee["recognizer"] == "employee id"
        assert employee["score"] == 0.9
        # The default operators apply when the request gives none.
        redacted = first.post("/api/v1/redact", json={"text": TEXT}).json()["text"]
        assert "EMP-4411" not in redacted
        assert "employee  (" in redacted
        entities = first.get("/api/v1/entities").json()
        assert entities["enabled"] == ["EMAIL_ADDRESS", "PHONE_NUMBER", "PROJECT", "EMPLOYEE_ID"]

    with app_client(data_dir=data_dir) as second:
        reloaded = second.get("/api/v1/settings").json()
        assert reloaded["deny_lists"] == {"PROJECT": ["Bluebird"]}
        assert reloaded["custom_recognizers"][0]["pattern"] == r"EMP-\d{4}"
        assert reloaded["default_operators"] == {"EMPLOYEE_ID": {"type": "redact"}}
        again = second.post("/api/v1/analyze", json={"text": TEXT}).json()["findings"]
        assert any(f["entity_type"] == "EMPLOYEE_ID" for f in again)


def test_bad_regex_is_422_naming_the_problem(server: RunningServer) -> None:
    before = server.get("/api/v1/settings").json()
    response = server.put(
        "/api/v1/settings",
        json={"custom_recognizers": [{"name": "broken", "entity_type": "X", "pattern": "(EMP-"}]},
    )
    assert response.status_code == 422
    message = response.text
    assert "broken" in message
    assert "missing )" in message
    assert server.get("/api/v1/settings").json() == before  # nothing saved


def test_unknown_enabled_type_is_422_naming_it(server: RunningServer) -> None:
    """A misspelt type saved would find nothing on every later analysis: refused as the
    analysis routes refuse it, naming it and what to use instead; nothing saved. The types of
    the deny lists and custom recognizers saved with it are valid."""
    before = server.get("/api/v1/settings").json()
    typo = server.put("/api/v1/settings", json={"enabled_entities": ["PERSONS", "EMAIL_ADDRESS"]})
    assert typo.status_code == 422
    message = typo.json()["detail"]
    assert "'PERSONS'" in message
    assert "'EMAIL_ADDRESS'" not in message
    assert "Use the types the engine detects" in message
    assert "PERSON," in message  # the valid types are listed
    assert server.get("/api/v1/settings").json() == before

    own_types = {
        "enabled_entities": ["PERSON", "PROJECT", "EMPLOYEE_ID"],
        "deny_lists": {"PROJECT": ["Bluebird"]},
        "custom_recognizers": [
            {"name": "employee id", "entity_type": "EMPLOYEE_ID", "pattern": r"EMP-\d{4}"}
        ],
    }
    saved = server.put("/api/v1/settings", json=own_types)
    try:
        assert saved.status_code == 200, saved.text
        without_recognizer = dict(own_types, custom_recognizers=[])
        left = server.put("/api/v1/settings", json=without_recognizer)
        # Already saved, so no typo (see test_a_saved_type_left_without_recognizer_is_no_typo).
        assert left.status_code == 200, left.text
    finally:
        assert server.put("/api/v1/settings", json=before).status_code == 200


def test_catastrophic_regex_is_rejected_quickly_and_server_still_serves(
    server: RunningServer,
) -> None:
    started = time.perf_counter()
    response = server.put(
        "/api/v1/settings",
        json={"custom_recognizers": [{"name": "evil", "entity_type": "X", "pattern": r"(a+)+$"}]},
    )
    assert response.status_code == 422
    assert "too slow" in response.text
    tested = server.post(
        "/api/v1/recognizers/test", json={"pattern": r"^(\w+\s?)*$", "text": "a" * 30 + "!"}
    )
    assert tested.status_code == 422
    assert time.perf_counter() - started < 15
    assert server.get("/livez").status_code == 200
    assert server.post("/api/v1/analyze", json={"text": "Call 212-555-0187"}).status_code == 200


def test_recognizer_live_test(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/recognizers/test",
        json={"pattern": r"emp-\d+", "text": "EMP-1 and emp-22", "flags": ["IGNORECASE"]},
    )
    assert response.status_code == 200
    assert response.json() == {"matches": [{"start": 0, "end": 5}, {"start": 10, "end": 16}]}
    bad = server.post("/api/v1/recognizers/test", json={"pattern": "[a-", "text": "x"})
    assert bad.status_code == 422
    assert "Invalid regular expression" in bad.json()["detail"]
    bad_flag = server.post(
        "/api/v1/recognizers/test", json={"pattern": "a", "text": "a", "flags": ["LOCALE"]}
    )
    assert bad_flag.status_code == 422


def test_invalid_settings_are_422(server: RunningServer) -> None:
    for payload in (
        {"score_threshold": 5},
        {"deny_lists": {"lower": ["x"]}},
        {"default_operators": {"PERSON": {"type": "encrypt", "key": "abc"}}},
        {"no_such_setting": True},
    ):
        assert server.put("/api/v1/settings", json=payload).status_code == 422, payload
