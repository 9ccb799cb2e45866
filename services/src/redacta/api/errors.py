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


NOT_UTF8 = (
    "The body is not UTF-8 text: send the JSON encoded as UTF-8 "
    "(Content-Type: application/json; charset=utf-8)."
)


def not_utf8(exc: HTTPException) -> bool:
    """Whether FastAPI refused a JSON body because it is not UTF-8 (Latin-1 or Windows-1252
    from some clients): its own answer, 400 "There was an error parsing the body", says
    neither what is wrong nor how to fix it."""
    return isinstance(exc.__cause__, UnicodeDecodeError)


async def on_http_exception(_request: Request, exc: Exception) -> ErrorJSONResponse:
    """FastAPI's `{"detail": ...}` answer to an `HTTPException`, rendered safely; a body that
    is not UTF-8 is malformed JSON (422) with a message saying so."""
    assert isinstance(exc, HTTPException)
    if not_utf8(exc):
        return ErrorJSONResponse({"detail": NOT_UTF8}, status_code=422)
    return ErrorJSONResponse(
        {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
    )
