"""`/api/v1/info` and `/api/v1/entities` on the real server (shutdown: test_server_process)."""

from __future__ import annotations

from conftest import RunningServer
from redacta import __version__


def test_info_names_version_and_model(server: RunningServer) -> None:
    info = server.get("/api/v1/info").json()
    assert info["version"] == __version__
    assert info["language"] == "en"
    assert info["model"]["name"] == "en_core_web_md"  # the pipeline's meta.json
    assert info["model"]["version"].startswith("3.")
    assert info["build"] is None  # not a frozen build


def test_entities_supported_and_enabled(server: RunningServer) -> None:
    entities = server.get("/api/v1/entities").json()
    assert {"PERSON", "EMAIL_ADDRESS", "ORGANIZATION"} <= set(entities["supported"])
    assert entities["supported"] == sorted(entities["supported"])
    assert "PERSON" in entities["enabled"]
