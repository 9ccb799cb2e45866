"""The JSON response every error answer uses.

Error messages may quote a value from the request (an unknown language code, a path that does
not exist). Such a value can hold a lone surrogate (`"\\udc80"` is valid JSON but not valid
UTF-8); escaping everything outside ASCII lets any message be sent, where Starlette's
`JSONResponse` would fail with a 500.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException


class ErrorJSONResponse(JSONResponse):
    """`JSONResponse` with non-ASCII characters escaped (`\\uXXXX`), lone surrogates included."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


async def on_http_exception(_request: Request, exc: Exception) -> ErrorJSONResponse:
    """FastAPI's `{"detail": ...}` answer to an `HTTPException`, rendered safely."""
    assert isinstance(exc, HTTPException)
    return ErrorJSONResponse(
        {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
    )
