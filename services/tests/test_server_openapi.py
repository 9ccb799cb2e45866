"""The committed services/openapi.json equals the app's schema (regenerate on API changes:
`python -m redacta openapi > openapi.json` in services/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "openapi.json"


def test_committed_schema_matches_the_app() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "redacta", "openapi"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "services/openapi.json is out of date: run `python -m redacta openapi > openapi.json` "
        "in services/ and commit it"
    )


def test_operation_ids_are_unique_and_named_for_the_ui() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert {"analyze", "redact", "restore", "create_session", "get_settings", "info"} <= set(ids)
    assert schema["paths"]["/api/v1/redact"]["post"]["operationId"] == "redact"
