"""The app and the engine import their parts by name: a part that is renamed or missing
stops the start with an ImportError that names it, instead of serving without its routes
or its recognizers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from redacta.api.app import create_app
from redacta.settings import Settings

SETUP = "import sys; sys.modules[{missing!r}] = None  # as if renamed or deleted\n"


def _start_without(missing: str, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SETUP.format(missing=missing) + code],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    "missing", ["redacta.api.routes.jobs", "redacta.api.routes.presidio", "redacta.api.routes.v1"]
)
def test_a_missing_router_stops_the_app(missing: str) -> None:
    code = (
        "from redacta.api.app import create_app\n"
        "from redacta.settings import Settings\n"
        "create_app(Settings())\n"
    )
    run = _start_without(missing, code)
    assert run.returncode != 0, "the app was built without one of its routers"
    assert "ImportError" in run.stderr or "ModuleNotFoundError" in run.stderr
    assert missing in run.stderr


def test_missing_recognizers_stop_the_engine() -> None:
    run = _start_without("redacta.engine.recognizers", "import redacta.engine.registry\n")
    assert run.returncode != 0, "the engine would run on stock recognizers only"
    assert "redacta.engine.recognizers" in run.stderr


def test_every_router_is_served() -> None:
    paths = set(create_app(Settings()).openapi()["paths"])
    assert {"/analyze", "/anonymize", "/deanonymize", "/recognizers", "/supportedentities"} <= paths
    assert {"/api/v1/jobs", "/api/v1/jobs/upload", "/api/v1/jobs/{job_id}"} <= paths
    assert {"/api/v1/analyze", "/api/v1/redact", "/api/v1/settings"} <= paths
