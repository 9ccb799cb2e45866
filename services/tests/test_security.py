"""Security of the real server: token, Host check, CORS, body limit, malformed JSON, headers,
and the served UI. The request logic under non-default settings (an extra allowed host, a small
body limit, a served UI folder) is tested on the real app in process (`app_client`)."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import AppClient, RunningServer

PROTECTED = [
    ("GET", "/api/v1/info"),
    ("GET", "/api/v1/settings"),
    ("POST", "/api/v1/analyze"),
    ("POST", "/api/v1/redact"),
    ("POST", "/api/v1/sessions"),
    ("POST", "/api/v1/shutdown"),
    ("GET", "/openapi.json"),
    ("GET", "/health"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_no_token_is_401(server: RunningServer, method: str, path: str) -> None:
    with server.client(token=False) as client:
        response = client.request(method, path, json={"text": "x"})
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_token_and_wrong_scheme_are_401(server: RunningServer) -> None:
    for header in (
        "Bearer wrong",
        f"Bearer {server.token}x",
        f"Basic {server.token}",
        f"{server.token}",
        "Bearer",
    ):
        with server.client(token=False, headers={"Authorization": header}) as client:
            assert client.get("/api/v1/info").status_code == 401, header


def test_token_in_the_url_does_not_authenticate(server: RunningServer) -> None:
    with server.client(token=False) as client:
        for query in ("token", "access_token", "api_key", "authorization"):
            response = client.get("/api/v1/info", params={query: server.token})
            assert response.status_code == 401


def test_livez_needs_no_token(server: RunningServer) -> None:
    with server.client(token=False) as client:
        assert client.get("/livez").status_code == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example.com",
        "evil.example.com:{port}",
        "127.0.0.1:1",
        "localhost",
        "127.0.0.2:{port}",
        "LOCALHOST.evil.com:{port}",
        "",
    ],
)
def test_foreign_host_header_is_400(server: RunningServer, host: str) -> None:
    with server.client(headers={"Host": host.format(port=server.port)}) as client:
        response = client.get("/api/v1/info")
        livez = client.get("/livez")
    assert response.status_code == 400
    assert livez.status_code == 400
    assert "Host header" in response.json()["detail"]


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "[::1]"])
def test_loopback_host_headers_are_accepted(server: RunningServer, name: str) -> None:
    with server.client(headers={"Host": f"{name}:{server.port}"}) as client:
        assert client.get("/api/v1/info").status_code == 200


def test_configured_extra_host_is_accepted(app_client: AppClient) -> None:
    with app_client(allowed_hosts=["redacta.internal:8000"]) as client:
        extra = client.get("/api/v1/info", headers={"Host": "redacta.internal:8000"})
        other = client.get("/api/v1/info", headers={"Host": "other.internal:8000"})
    assert extra.status_code == 200
    assert other.status_code == 400


def test_no_cors_for_foreign_origins(server: RunningServer) -> None:
    headers = {
        "Origin": "https://evil.example.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    with server.client(headers=headers) as client:
        preflight = client.options("/api/v1/analyze")
        actual = client.post("/api/v1/analyze", json={"text": "hello"})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in actual.headers


def test_security_headers_on_api_responses(server: RunningServer) -> None:
    for response in (server.get("/api/v1/info"), server.get("/livez"), server.get("/nope")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"
        assert "default-src 'none'" in response.headers["content-security-policy"]
    with server.client(token=False) as client:
        refused = client.get("/api/v1/info")
    assert refused.headers["x-content-type-options"] == "nosniff"


def test_body_over_the_limit_is_413_then_the_app_still_serves(app_client: AppClient) -> None:
    with app_client(max_body_bytes=100_000) as client:
        big = {"text": "a" * 150_000}
        response = client.post("/api/v1/analyze", json=big)
        assert response.status_code == 413
        assert "100000 bytes" in response.json()["detail"]
        assert client.post("/api/v1/analyze", json={"text": "Call 212-555-0187"}).status_code == 200

        # Streamed (chunked) body without Content-Length: counted as it arrives.
        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(20):
                yield b"b" * 10_000
            yield b'"}'

        streamed = client.post(
            "/api/v1/analyze", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert streamed.status_code == 413
        assert "too large" in streamed.json()["detail"]
        assert client.get("/livez").status_code == 200


MB = 1024 * 1024


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_urllib_client_sees_the_413_for_a_26_mb_body(server: RunningServer, chunked: bool) -> None:
    """urllib writes the whole body before reading the answer: the server reads the rest of
    a refused body before answering, so the client gets the 413, not a broken pipe."""
    body = json.dumps({"text": "a" * 26 * MB}).encode()
    assert len(body) > 25 * MB  # the default limit
    data: bytes | Iterator[bytes] = body
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    if chunked:  # no Content-Length: urllib sends Transfer-Encoding: chunked
        data = (body[i : i + MB] for i in range(0, len(body), MB))
    url = f"{server.base_url}/api/v1/analyze"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=120)  # noqa: S310 - loopback test server
    assert refused.value.code == 413
    assert "too large" in json.loads(refused.value.read())["detail"]
    assert refused.value.headers["connection"] == "close"
    assert server.get("/livez").status_code == 200


def test_refused_body_is_not_read_as_the_next_request(server: RunningServer) -> None:
    """On one keep-alive connection of the real server, a 413 and then a normal request."""
    big = {"text": "a" * 26 * MB}
    with server.client() as client:
        for _ in range(3):
            assert client.post("/api/v1/analyze", json=big).status_code == 413
            small = client.post("/api/v1/analyze", json={"text": "Call 212-555-0187"})
            assert small.status_code == 200


def test_lying_content_length_is_handled(server: RunningServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(
            b"POST /api/v1/analyze HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            b"Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
            b"Content-Length: abc\r\n\r\n{}" % (server.port, server.token.encode())  # type: ignore[union-attr]
        )
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400")
    assert server.get("/livez").status_code == 200


def test_malformed_json_is_422_and_server_keeps_serving(server: RunningServer) -> None:
    with server.client() as client:
        for body in (b'{"text": "unterminated', b"not json at all", b"\xff\xfe", b""):
            response = client.post(
                "/api/v1/analyze", content=body, headers={"Content-Type": "application/json"}
            )
            assert response.status_code == 422, body
    assert server.get("/livez").status_code == 200


def test_json_not_in_utf8_says_to_send_utf8(server: RunningServer) -> None:
    """A body in Latin-1 or Windows-1252 (what some clients send for "Jürgen") got FastAPI's
    400 "There was an error parsing the body", which says neither what is wrong nor how to
    fix it: it gets the status of malformed JSON and a message asking for UTF-8."""
    body = '{"text": "Jürgen Müller, Köln", "language": "en"}'.encode("latin-1")
    headers = {"Content-Type": "application/json"}
    with server.client() as client:
        for path, status, key in (
            ("/api/v1/analyze", 422, "detail"),
            ("/api/v1/redact", 422, "detail"),
            ("/analyze", 422, "error"),
            ("/anonymize", 400, "error"),
        ):
            response = client.post(path, content=body, headers=headers)
            assert response.status_code == status, (path, response.text)
            assert "UTF-8" in response.json()[key], (path, response.text)
            assert "Jürgen" not in response.text
    assert server.get("/livez").status_code == 200


def test_validation_errors_do_not_echo_the_input(server: RunningServer) -> None:
    secret = "jane.secret@example.com"
    response = server.post("/api/v1/analyze", json={"text": secret, "score_threshold": "high"})
    assert response.status_code == 422
    assert secret not in response.text
    response = server.post("/api/v1/analyze", json={"text": secret, "unexpected": secret})
    assert response.status_code == 422
    assert secret not in response.text


def test_openapi_has_no_docs_pages(server: RunningServer) -> None:
    # Swagger UI and ReDoc load scripts from CDNs: not offered by an offline app.
    assert server.get("/docs").status_code == 404
    assert server.get("/redoc").status_code == 404
    assert server.get("/openapi.json").status_code == 200


def test_served_ui_is_static_behind_host_check(app_client: AppClient, tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    (ui / "assets").mkdir(parents=True)
    (ui / "index.html").write_text("<!doctype html><title>Redacta</title>")
    (ui / "assets" / "app.js").write_text("console.log('ui')")
    with app_client(ui_dir=ui) as client:
        authorization = client.headers.pop("Authorization")  # the UI files need no token
        index = client.get("/")
        script = client.get("/assets/app.js")
        api = client.get("/api/v1/info")
        schema = client.get("/openapi.json")
        # Non-/api routes (Presidio-compatible ones) are API too, not UI files.
        presidio_routes = [client.get(path) for path in ("/health", "/recognizers")]
        assert index.status_code == 200
        assert "<title>Redacta</title>" in index.text
        csp = index.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert index.headers["x-content-type-options"] == "nosniff"
        assert script.status_code == 200
        assert api.status_code == 401
        assert schema.status_code == 401  # the API still needs the token
        assert [r.status_code for r in presidio_routes] == [401, 401]
        assert client.get("/", headers={"Host": "evil.example.com"}).status_code == 400
        assert (
            client.get("/api/v1/info", headers={"Authorization": authorization}).status_code == 200
        )
        assert json.loads(client.get("/livez").text) == {"status": "ok"}


def _post_raw_json(server: RunningServer, path: str, body: object) -> tuple[int, object]:
    """POST JSON as `json.dumps` writes it: lone surrogates as `\\udc80` escapes (valid JSON)."""
    with server.client() as client:
        response = client.post(
            path, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("odd", "path_character", "unicode"),
    [
        ("\udc80", False, False),
        ("\ud800x", False, False),
        ("\x00", False, True),
        ("\x1b[2J", True, True),
        ("\u202e", True, True),
    ],
)
def test_unusual_strings_get_an_answer_not_a_server_error(
    server: RunningServer, tmp_path: Path, odd: str, path_character: bool, unicode: bool
) -> None:
    """Lone surrogates and control characters in paths, languages and lists: never a 500.
    What cannot be in a path (lone surrogates, NUL) and text that is not Unicode (lone
    surrogates) are a 4xx that says so; control characters can be in a path, so such a job
    runs."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("Call John Smith at 212-555-0187.", encoding="utf-8")
    for path, body, refused in [
        ("/api/v1/analyze", {"text": "John Smith", "language": odd}, True),
        ("/analyze", {"text": "John Smith", "language": odd}, True),
        (
            "/api/v1/jobs",
            {"inputs": [f"{folder}{odd}"], "output_dir": str(tmp_path / "out1")},
            True,  # no such input
        ),
        (
            "/api/v1/jobs",
            {"inputs": [str(folder)], "output_dir": f"{tmp_path}/out2{odd}"},
            not path_character,
        ),
        (
            "/api/v1/jobs",
            {
                "inputs": [str(folder)],
                "output_dir": str(tmp_path / "out3"),
                "include": [f"{odd}*", "*.txt"],
                "exclude": [odd],
            },
            not unicode,  # patterns: any valid text
        ),
        (
            "/api/v1/jobs",
            {
                "inputs": [str(folder)],
                "output_dir": str(tmp_path / "out4"),
                "entities": [odd, "PERSON"],
            },
            True,  # no such entity type
        ),
    ]:
        status, answer = _post_raw_json(server, path, body)
        assert status < 500, (path, status)
        assert (400 <= status < 500) == refused, (path, status, answer)
        assert answer
    assert server.get("/livez").status_code == 200
