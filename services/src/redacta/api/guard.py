"""The request guard: one ASGI middleware for everything every request must pass through.

In order: security headers and the request log wrap the whole exchange; then the Host check
(DNS-rebinding defence), the bearer token, and the body-size limit (on Content-Length and on
streamed bodies). Written as plain ASGI so a streamed body is counted as it arrives and a
refused request never reaches the app.

A body over the limit is answered 413 only after the rest of it has been read and thrown
away (up to a bound), then the connection is closed: clients that write the whole body
before reading the answer (Python's urllib, many simple HTTP clients) would otherwise see a
broken pipe instead of the 413.
"""

from __future__ import annotations

import hmac
import json
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import anyio
from starlette.exceptions import HTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redacta import logs

log = logs.get_logger("redacta.request")

#: Paths that answer without a token: a bare liveness probe carrying no data.
PUBLIC_PATHS = frozenset({"/livez"})

#: Served UI: scripts, styles and API calls from the same origin only; no framing.
UI_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

DRAIN_MAX_BYTES = 64 * 1024 * 1024
"""Most bytes of a refused body read (and discarded) before the 413; a body announced as
larger is answered at once."""

DRAIN_SECONDS = 30.0
"""Longest time spent reading a refused body before answering anyway."""


class BodyTooLargeError(HTTPException):
    """A streamed body went past the limit (raised from `receive`).

    An HTTPException so FastAPI's body reader re-raises it (it turns other errors into 400)
    and the app answers 413 with the message.
    """

    def __init__(self, limit: int) -> None:
        mb = limit / (1024 * 1024)
        super().__init__(
            status_code=413,
            detail=(
                f"Request body too large: the limit is {limit} bytes ({mb:.1f} MB). "
                "Send a smaller text or document, or raise REDACTA_MAX_BODY_BYTES."
            ),
        )


def loopback_hosts(port: int) -> set[str]:
    """Host header values a browser sends for this server on loopback."""
    return {f"{name}:{port}" for name in LOOPBACK_NAMES}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class RequestGuard:
    """Host check, bearer token, body limit, security headers and the privacy-safe request log."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        allowed_hosts: Iterable[str],
        max_body_bytes: int,
        route_templates: Callable[[], Iterable[str]],
        serves_ui: bool = False,
    ) -> None:
        self.app = app
        self._token = token.encode() if token else None
        self._extra_hosts = {h.lower() for h in allowed_hosts}
        self._max_body = max_body_bytes
        self._route_templates = route_templates
        self._routes: list[tuple[str, re.Pattern[str]]] | None = None
        self._serves_ui = serves_ui

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # No WebSocket routes today; should one appear it gets the same Host/token checks.
        if scope["type"] == "websocket" and self._refusal(scope) is not None:
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = {"status": None, "sent": 0, "received": 0}
        path: str = scope.get("path", "")
        is_ui = False

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                headers = list(message.get("headers", []))
                present = {bytes(name).lower() for name, _ in headers}
                headers += [h for h in self._security_headers(is_ui) if h[0] not in present]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                state["sent"] += len(message.get("body", b""))
            await send(message)

        async def receive_wrapper() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self._max_body:
                    raise BodyTooLargeError(self._max_body)
            return message

        try:
            refusal = self._refusal(scope)
            if refusal is not None:
                status, detail, extra = refusal
                if status == 413:
                    await _drain(scope, receive, state)
                    extra = [*extra, (b"connection", b"close")]
                await _send_json(send_wrapper, status, {"detail": detail}, extra)
                return
            is_ui = self._is_ui(scope.get("method", "GET"), path)
            await self.app(scope, receive_wrapper, send_wrapper)
        except BodyTooLargeError as exc:
            if state["status"] is None:
                await _drain(scope, receive, state)
                close = [(b"connection", b"close")]
                await _send_json(send_wrapper, 413, {"detail": exc.detail}, close)
            else:  # the response had started: nothing better to do than to end it
                raise
        finally:
            self._log(scope, state, started)

    def _refusal(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """Why this request is refused before reaching the app, or None."""
        host = (_header(scope, b"host") or "").lower()
        server = scope.get("server")
        allowed = set(self._extra_hosts)
        if server is not None:
            allowed |= loopback_hosts(int(server[1]))
        if host not in allowed:
            return (
                400,
                "Host header not allowed: Redacta only answers requests addressed to "
                "127.0.0.1, localhost or [::1] with its port (set REDACTA_ALLOWED_HOSTS "
                "for a server deployment).",
                [],
            )
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        public = (path in PUBLIC_PATHS and method in ("GET", "HEAD")) or self._is_ui(method, path)
        if self._token is not None and not public and not self._token_ok(scope):
            return (
                401,
                "Missing or wrong token: send the header 'Authorization: Bearer <token>' "
                "with the token the app was started with (REDACTA_TOKEN). Tokens in the URL "
                "are not accepted.",
                [(b"www-authenticate", b"Bearer")],
            )
        length = _header(scope, b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self._max_body
            except ValueError:
                return 400, "Invalid Content-Length header.", []
            if too_big:
                return 413, BodyTooLargeError(self._max_body).detail, []
        return None

    def _template(self, path: str) -> str | None:
        """The route template a path matches (`/api/v1/sessions/{session_id}`), or None.

        Logged instead of the concrete path, which may carry user data.
        """
        if self._routes is None:
            try:
                templates = set(self._route_templates()) | PUBLIC_PATHS
            except Exception:
                # Without the route table nothing can be told apart from a UI file: serve no UI
                # without a token (fail closed) and log paths as unmatched.
                log.exception("route table unavailable")
                self._serves_ui = False
                templates = set(PUBLIC_PATHS)
            self._routes = [(t, compile_path(t)[0]) for t in sorted(templates)]
        for template, pattern in self._routes:
            if pattern.match(path):
                return template
        return None

    def _is_ui(self, method: str, path: str) -> bool:
        """A request for the static UI (no token needed): a GET no API route matches."""
        return (
            self._serves_ui
            and method in ("GET", "HEAD")
            and not path.startswith("/api/")
            and self._template(path) is None
        )

    def _token_ok(self, scope: Scope) -> bool:
        assert self._token is not None
        value = _header(scope, b"authorization") or ""
        scheme, _, given = value.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode("latin-1"), self._token)

    @staticmethod
    def _security_headers(is_ui: bool) -> list[tuple[bytes, bytes]]:
        headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"content-security-policy", (UI_CSP if is_ui else API_CSP).encode()),
        ]
        if not is_ui:
            headers.append((b"cache-control", b"no-store"))
        return headers

    def _log(self, scope: Scope, state: dict[str, Any], started: float) -> None:
        """One line per request: never the query string, the body, or any header value."""
        template = self._template(scope.get("path", "")) or "<unmatched>"
        log.info(
            "request",
            extra={
                "method": scope.get("method"),
                "route": template,
                "status": state["status"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "request_bytes": state["received"],
                "response_bytes": state["sent"],
            },
        )


async def _drain(scope: Scope, receive: Receive, state: dict[str, Any]) -> None:
    """Read and discard the rest of a refused body (bounded in bytes and time).

    Not when the client waits for `100 Continue` (it has not sent the body and will not,
    unless asked), nor when the announced length is beyond the bound.
    """
    if (_header(scope, b"expect") or "").lower() == "100-continue":
        return
    length = _header(scope, b"content-length")
    if length is not None and length.isdigit() and int(length) > DRAIN_MAX_BYTES:
        return
    drained = 0
    with anyio.move_on_after(DRAIN_SECONDS):
        while drained < DRAIN_MAX_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            drained += len(message.get("body", b""))
            state["received"] += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


async def _send_json(
    send: Callable[[Message], Awaitable[None]],
    status: int,
    body: dict[str, Any],
    extra_headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *(extra_headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
