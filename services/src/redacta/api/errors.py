"""Error answers: their JSON shapes (for the schema) and the response that sends them.

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
from pydantic import BaseModel
from starlette.exceptions import HTTPException


class ErrorMessage(BaseModel):
    """An error under `/api/v1` (and the request guard's refusals): what to fix."""

    detail: str


class ValidationErrorItem(BaseModel):
    """One problem of an invalid request (never the input itself)."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(BaseModel):
    """An invalid request body or parameter: where, and what is wrong."""

    detail: list[ValidationErrorItem]


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
