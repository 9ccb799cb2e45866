"""A tour of every HTTP endpoint with personal data in the requests (for the log-privacy and
no-outbound-socket tests). Endpoints are taken from the live OpenAPI schema, so routes added
later are toured too; the main ones also get well-formed requests."""

from __future__ import annotations

import re
from typing import Any

from conftest import RunningServer

EMAIL = "gertrude.kowalczyk@privatemail-example.org"
URL = "https://gertrude-kowalczyk.example.net/profile?id=8812"
PHONE = "212-555-0187"
NAME = "Gertrude Kowalczyk"
PII_VALUES = (EMAIL, URL, PHONE, NAME, "kowalczyk", "Kowalczyk")
TEXT = f"{NAME} ({EMAIL}, {PHONE}) posted {URL} and wrote to support@example.com."


def tour(server: RunningServer) -> list[tuple[str, str, int]]:
    """Call every endpoint; returns (method, path, status) for each call."""
    calls: list[tuple[str, str, int]] = []
    with server.client() as client:

        def call(method: str, path: str, **kwargs: Any) -> Any:
            response = client.request(method, path, **kwargs)
            calls.append((method, path, response.status_code))
            return response

        pseudo = {"DEFAULT": {"type": "pseudonymize"}}
        call("POST", "/api/v1/analyze", json={"text": TEXT})
        redacted = call("POST", "/api/v1/redact", json={"text": TEXT, "operators": pseudo}).json()
        session = redacted["session_id"]
        call("POST", "/api/v1/restore", json={"text": redacted["text"], "session_id": session})
        for operator in (
            {"type": "hash"},
            {"type": "mask"},
            {"type": "encrypt", "key": "0123456789abcdef"},
            {"type": "keep"},
            {"type": "redact"},
            {"type": "replace", "new_value": "[x]"},
        ):
            call("POST", "/api/v1/redact", json={"text": TEXT, "operators": {"DEFAULT": operator}})
        blob = call(
            "POST", f"/api/v1/sessions/{session}/export", json={"passphrase": f"pass {EMAIL}"}
        ).json()["blob"]
        call("POST", "/api/v1/sessions/import", json={"passphrase": f"pass {EMAIL}", "blob": blob})
        call("POST", "/api/v1/sessions/import", json={"passphrase": EMAIL, "blob": blob})  # 400
        call("DELETE", f"/api/v1/sessions/{session}")
        call(
            "POST",
            "/api/v1/recognizers/test",
            json={"pattern": re.escape(EMAIL), "text": TEXT},
        )
        call("POST", "/api/v1/recognizers/test", json={"pattern": f"({EMAIL}", "text": TEXT})
        call(
            "POST",
            "/api/v1/recognizers/test",
            json={"pattern": r"^(\w+\s?)*$", "text": "kowalczyk " * 5000 + "!"},
        )
        call("PUT", "/api/v1/settings", json={"allow_list": [EMAIL], "deny_lists": {"X": [NAME]}})
        call("PUT", "/api/v1/settings", json={"allow_list": EMAIL})  # 422
        call("GET", "/api/v1/settings")
        call("POST", "/api/v1/analyze", json={"text": TEXT})  # with the settings applied
        call("PUT", "/api/v1/settings", json={})
        call("POST", "/api/v1/analyze", content=f'{{"text": "{EMAIL}'.encode())  # malformed
        call("POST", "/api/v1/analyze", json={"text": TEXT, "language": EMAIL})
        call("POST", "/api/v1/redact", json={"text": TEXT, "session_id": EMAIL})
        call("GET", f"/api/v1/info?email={EMAIL}&url={URL}")
        # Presidio-compatible routes, when present.
        call("POST", "/analyze", json={"text": TEXT, "language": "en"})
        call(
            "POST",
            "/anonymize",
            json={
                "text": TEXT,
                "analyzer_results": [
                    {"entity_type": "EMAIL_ADDRESS", "start": 20, "end": 62, "score": 1.0}
                ],
            },
        )
        call("POST", "/analyze", json={"text": TEXT, "language": EMAIL})
        # Every route of the schema, with PII in the body and the path.
        schema = call("GET", "/openapi.json").json()
        for path, operations in schema["paths"].items():
            if path == "/api/v1/shutdown":
                continue
            concrete = re.sub(r"\{[^}]+\}", "kowalczyk", path)
            for method in operations:
                if method.upper() == "GET" and path.endswith("/events"):
                    continue  # server-sent events stream (for an unknown id: 404 anyway)
                kwargs: dict[str, Any] = {}
                if method.upper() in ("POST", "PUT", "PATCH"):
                    kwargs["json"] = {"text": TEXT, "name": NAME, "email": EMAIL}
                call(method.upper(), concrete, **kwargs)
        call("GET", f"/no/such/{EMAIL}")
    with server.client(token=False) as anonymous:
        for response in (
            anonymous.post("/api/v1/analyze", json={"text": TEXT}),
            anonymous.get(f"/api/v1/info?token={server.token}"),
        ):
            calls.append((response.request.method, response.request.url.path, response.status_code))
    with server.client(headers={"Host": f"{EMAIL}:{server.port}"}) as rebinding:
        response = rebinding.post("/api/v1/analyze", json={"text": TEXT})
        calls.append(("POST", "/api/v1/analyze (foreign Host)", response.status_code))
    return calls
