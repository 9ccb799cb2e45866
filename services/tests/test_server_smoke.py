"""The real server starts, prints its ready line, and answers."""

from __future__ import annotations

from conftest import RunningServer


def test_livez_answers_without_token(server: RunningServer) -> None:
    with server.client(token=False) as client:
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_line_names_the_listening_port(server: RunningServer) -> None:
    response = server.get("/api/v1/info")
    assert response.status_code == 200
    assert response.json()["version"]
