"""The production image's runtime contract, checked without Docker (no engine on this machine).

docker/entrypoint.sh and the HEALTHCHECK command of docker/Dockerfile run here against the real
backend of this venv, the way the image runs them: the entrypoint must refuse to start without
a strong REDACTA_TOKEN; with one, the served UI is public, the API needs the token, the Host
check accepts the public host listed in REDACTA_ALLOWED_HOSTS and nothing else, and the health
check command exits 0. GitHub CI builds the real image and repeats this (docker_smoke.sh).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import user_env

REPO = Path(__file__).resolve().parents[2]
ENTRYPOINT = REPO / "docker" / "entrypoint.sh"
DOCKERFILE = REPO / "docker" / "Dockerfile"
PUBLIC_HOST = "redacta.internal.example"

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("sh") is None,
    reason="the image's entrypoint is a POSIX sh script (the image is Linux)",
)


def image_env(tmp_path: Path, token: str | None) -> dict[str, str]:
    """The image's environment: this venv's python first on PATH, its REDACTA_* settings."""
    env = user_env(
        tmp_path / "data",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(tmp_path),
        REDACTA_LOG_DIR=str(tmp_path / "logs"),
    )
    if token is not None:
        env["REDACTA_TOKEN"] = token
    return env


@pytest.mark.parametrize(("token", "message"), [(None, "is not set"), ("short", "shorter than")])
def test_entrypoint_refuses_to_start_without_a_strong_token(
    tmp_path: Path, token: str | None, message: str
) -> None:
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), "serve", "--port", "0"],
        env=image_env(tmp_path, token),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 64
    assert message in result.stderr
    assert result.stdout == ""


def healthcheck_command(port: int) -> list[str]:
    """The Dockerfile's HEALTHCHECK CMD (exec form), pointed at this test's port."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^HEALTHCHECK .*? CMD (\[.*\])\s*$", text, re.MULTILINE)
    assert match, "docker/Dockerfile has no exec-form HEALTHCHECK"
    command: list[str] = json.loads(match.group(1))
    assert command[0] == "python"
    return [sys.executable, *(arg.replace(":8000/", f":{port}/") for arg in command[1:])]


@pytest.fixture(scope="module")
def image_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """The entrypoint serving a small UI folder, as in the image (REDACTA_UI_DIR)."""
    tmp = tmp_path_factory.mktemp("image")
    ui = tmp / "ui"
    ui.mkdir()
    (ui / "index.html").write_text("<!doctype html><title>Redacta</title>", encoding="utf-8")
    token = secrets.token_urlsafe(32)
    env = image_env(tmp, token)
    env["REDACTA_UI_DIR"] = str(ui)
    env["REDACTA_ALLOWED_HOSTS"] = json.dumps([PUBLIC_HOST])
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT), "serve", "--host", "127.0.0.1", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        assert ready["event"] == "ready"
        yield int(ready["port"]), token
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, token: str | None = None, host: str | None = None) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_healthcheck_command_passes(image_server: tuple[int, str]) -> None:
    port, _ = image_server
    result = subprocess.run(healthcheck_command(port), timeout=30, check=False)
    assert result.returncode == 0


def test_ui_is_public_and_every_api_route_needs_the_token(image_server: tuple[int, str]) -> None:
    port, token = image_server
    assert get(port, "/") == 200
    assert get(port, "/livez") == 200
    for path in ("/health", "/supportedentities", "/recognizers", "/api/v1/info"):
        assert get(port, path) == 401, path
        assert get(port, path, token) == 200, path


def test_host_check_accepts_the_configured_public_host_only(image_server: tuple[int, str]) -> None:
    port, token = image_server
    assert get(port, "/health", token, host=PUBLIC_HOST) == 200
    assert get(port, "/health", token, host="attacker.example") in {400, 421}
