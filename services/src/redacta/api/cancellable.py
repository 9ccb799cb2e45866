"""Analyses that stop when their HTTP client goes away, and the NDJSON progress stream.

The engine runs on a worker thread; the event loop watches the connection. When the client
disconnects (the UI's Cancel aborts the request), the analysis is cancelled: it stops at the
next chunk, in this process and in the worker processes, instead of using every core for
minutes on an answer nobody reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

import anyio
from fastapi import HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from redacta import logs
from redacta.engine.control import AnalysisCancelledError, AnalysisControl
from redacta.engine.errors import InvalidRequestError

log = logs.get_logger("redacta.analysis")

DISCONNECT_POLL_SECONDS = 0.1
"""How often a plain (non-streamed) request checks whether its client is still there."""

CLIENT_CLOSED_REQUEST = 499
"""Status logged for a request whose client left before the answer (nginx's convention)."""

NDJSON = "application/x-ndjson"


class NDJSONResponse(StreamingResponse):
    """A stream of JSON lines (documented in OpenAPI under its media type)."""

    media_type = NDJSON


class StreamProgress(BaseModel):
    """A progress line of an analysis stream."""

    type: Literal["progress"]
    done: int = Field(description="Characters analysed so far.")
    total: int = Field(description="Characters to analyse.")


class StreamError(BaseModel):
    """The last line of a stream whose analysis failed."""

    type: Literal["error"]
    status: int = Field(description="The HTTP status the plain (non-streamed) route answers.")
    error: str = Field(description="What went wrong and what to fix.")


class _Progress:
    """The latest progress of one analysis, handed from the engine's thread to the loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, total: int) -> None:
        self._loop = loop
        self.done = 0
        self.total = total
        self.changed = asyncio.Event()

    def _set(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.changed.set()

    def report(self, done: int, total: int) -> None:
        """Called on the engine's thread."""
        # RuntimeError: the loop is closing (server shutdown), nobody listens any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._set, done, total)


async def _stop(task: asyncio.Future[Any], control: AnalysisControl, progress: _Progress) -> None:
    """Cancel the analysis and wait until its thread has let go of the engine and workers."""
    control.cancel()
    started = time.perf_counter()
    with anyio.CancelScope(shield=True):
        await asyncio.wait({task})
    if not task.cancelled():
        task.exception()  # retrieved: AnalysisCancelledError is the expected outcome
    log.info(
        "analysis cancelled",
        extra={
            "done_chars": progress.done,
            "total_chars": progress.total,
            "stop_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )


async def run_cancellable[T](
    request: Request, work: Callable[[AnalysisControl], T], total_chars: int
) -> T:
    """`work(control)` on a worker thread; cancelled when the client disconnects.

    Answers 499 (logged only: the client is gone) when cancelled.
    """
    progress = _Progress(asyncio.get_running_loop(), total_chars)
    control = AnalysisControl(on_progress=progress.report)
    task = asyncio.ensure_future(run_in_threadpool(work, control))
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=DISCONNECT_POLL_SECONDS)
            if done:
                return task.result()
            if await request.is_disconnected():
                break
    finally:
        if not task.done():
            await _stop(task, control, progress)
    raise HTTPException(CLIENT_CLOSED_REQUEST, "The client closed the connection.")


def _error_line(exc: BaseException) -> StreamError:
    """The stream's error line: the status and message the plain route would answer."""
    if isinstance(exc, InvalidRequestError):
        return StreamError(type="error", status=422, error=exc.message)
    if isinstance(exc, HTTPException):
        return StreamError(type="error", status=exc.status_code, error=str(exc.detail))
    log.error("analysis failed", exc_info=exc)
    return StreamError(type="error", status=500, error="The analysis failed: see the server log.")


def _line(value: BaseModel | dict[str, Any]) -> bytes:
    data = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    return json.dumps(data, separators=(",", ":")).encode() + b"\n"


def ndjson_analysis(
    work: Callable[[AnalysisControl], BaseModel], total_chars: int
) -> NDJSONResponse:
    """Stream `work(control)` as NDJSON: progress lines, then one result or error line.

    `{"type":"progress","done":<chars>,"total":<chars>}` as chunks complete (at most one per
    loop turn: a slow reader only gets the latest), then `{"type":"result","result":...}` or
    `{"type":"error","status":<http status>,"error":"..."}`. Closing the connection cancels
    the analysis.
    """

    async def lines() -> AsyncIterator[bytes]:
        progress = _Progress(asyncio.get_running_loop(), total_chars)
        control = AnalysisControl(on_progress=progress.report)
        task = asyncio.ensure_future(run_in_threadpool(work, control))
        changed: asyncio.Future[Any] | None = None
        sent = -1
        try:
            while True:
                if progress.done != sent:
                    sent = progress.done
                    yield _line(StreamProgress(type="progress", done=sent, total=progress.total))
                progress.changed.clear()
                changed = asyncio.ensure_future(progress.changed.wait())
                await asyncio.wait({task, changed}, return_when=asyncio.FIRST_COMPLETED)
                changed.cancel()
                if task.done():
                    break
            exc = task.exception()
            if exc is None:
                yield _line({"type": "result", "result": task.result().model_dump(mode="json")})
            elif not isinstance(exc, AnalysisCancelledError):
                yield _line(_error_line(exc))
        finally:
            if changed is not None:
                changed.cancel()
            if not task.done():  # the client went away (Starlette cancelled this generator)
                await _stop(task, control, progress)

    return NDJSONResponse(
        lines(),
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
