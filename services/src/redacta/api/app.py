"""FastAPI application factory: routes stay thin, the engine and `redaction` do the work.

Every request first passes the `RequestGuard` (Host check, token, body limit, security
headers, privacy-safe request log). Error responses never echo the request's input.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from redacta import __version__
from redacta.api.cancellable import NDJSON
from redacta.api.errors import ErrorJSONResponse, ErrorMessage, ValidationErrors, on_http_exception
from redacta.api.guard import RequestGuard
from redacta.api.routes import jobs, presidio, v1
from redacta.engine import Engine
from redacta.settings import Settings

DESCRIPTION = """\
Redacta's local API: finds and removes personal data, offline.

* `/api/v1/...`: Redacta's own API for the UI (analyze, redact, restore, sessions, settings).
* `/analyze`, `/anonymize`, ...: the same paths and JSON as Presidio's REST services.

Every endpoint except `GET /livez` requires `Authorization: Bearer <token>` when the server
was started with `REDACTA_TOKEN`. Requests must be addressed to the loopback host and port.

Errors under `/api/v1` are `{"detail": "<what to fix>"}`, or for invalid request bodies (422)
`{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`; they never echo the input.
Refusals by the request guard: 400 (Host header), 401 (token), 413 (body over the limit).
"""


#: Answers any route may give because of the request guard (documented for the generated client).
GUARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorMessage,
        "description": "Host header not allowed, or a body that cannot be read.",
    },
    401: {"model": ErrorMessage, "description": "Missing or wrong bearer token."},
    413: {"model": ErrorMessage, "description": "Request body over the size limit."},
}

#: Errors of Redacta's own routes, documented once for all of them.
API_RESPONSES: dict[int | str, dict[str, Any]] = {
    **GUARD_RESPONSES,
    404: {"model": ErrorMessage, "description": "Unknown session, job or file."},
    409: {"model": ErrorMessage, "description": "Not available yet (e.g. a job still running)."},
    422: {
        "model": ValidationErrors | ErrorMessage,
        "description": "Invalid request: the field-by-field problems, or one message.",
    },
}

#: Errors of the Presidio-compatible routes beyond their own shape.
PRESIDIO_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: GUARD_RESPONSES[401],
    413: GUARD_RESPONSES[413],
}

#: Errors of the job routes.
JOB_RESPONSES: dict[int | str, dict[str, Any]] = {
    **API_RESPONSES,
    403: {"model": ErrorMessage, "description": "Local paths are disabled on this server."},
}


def operation_id(route: APIRoute) -> str:
    """Stable operationIds: the function name under /api/v1 (`analyze`, `redact`, ...),
    prefixed with the router's tag elsewhere (`presidio_analyze`) so names never collide."""
    if route.path.startswith(v1.PREFIX) or not route.tags:
        return route.name
    return f"{route.tags[0]}_{route.name}".replace("-", "_").lower()


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Validation errors without `input`/`ctx`: they would echo the user's text."""
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    # The Presidio-compatible routes answer in Presidio's shape themselves (PresidioRoute).
    assert isinstance(exc, RequestValidationError)
    return ErrorJSONResponse({"detail": _validation_errors(exc)}, status_code=422)


async def _on_invalid_request(request: Request, exc: Exception) -> JSONResponse:
    message = str(getattr(exc, "message", "Invalid request."))
    if request.url.path.startswith("/api/"):
        return ErrorJSONResponse({"detail": message}, status_code=422)
    return ErrorJSONResponse({"error": message}, status_code=400)


def _without_stream_placeholders(schema: dict[str, Any]) -> dict[str, Any]:
    """Fix what FastAPI writes for a streamed (application/x-ndjson) route: drop the
    `type: string` beside the line model (each line is that JSON object), and file its error
    answers under application/json, which they are."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if NDJSON not in content:
                    continue
                if status.startswith("2"):
                    content[NDJSON].get("schema", {}).pop("type", None)
                else:
                    content["application/json"] = content.pop(NDJSON)
    return schema


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """Build the app; the engine is loaded in the lifespan unless one is passed in.

    The lifespan owns every long-lived object the routes use (engine, job manager, their
    worker pools) and closes them after serving, so no worker outlives the server.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from redacta.engine.pool import AnalysisPool
        from redacta.jobs.manager import JobManager
        from redacta.jobs.pool import WorkerPool
        from redacta.processes import default_workers
        from redacta.redaction.pipeline import build_anonymizer
        from redacta.redaction.salt import project_salt
        from redacta.redaction.user_settings import UserSettingsStore
        from redacta.redaction.vault import VaultStore

        # One process a core; on a single core the caller's own process is as fast.
        cores = default_workers()
        analysis_pool = AnalysisPool(settings, cores) if cores > 1 else None
        app.state.engine = replace(engine or Engine.create(settings), pool=analysis_pool)
        app.state.redactor = build_anonymizer()
        app.state.vaults = VaultStore()
        app.state.user_settings = UserSettingsStore(settings.data_dir)
        app.state.hash_salt = project_salt(settings.data_dir)
        workers = settings.job_workers or cores
        app.state.jobs = JobManager(settings, WorkerPool(settings, workers))
        try:
            yield
        finally:
            app.state.jobs.close()
            app.state.engine.close()

    app = FastAPI(
        title="Redacta",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Swagger UI / ReDoc load scripts from a CDN: never offered by an offline app.
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    from redacta.engine.errors import InvalidRequestError

    app.add_exception_handler(InvalidRequestError, _on_invalid_request)

    @app.get("/livez", include_in_schema=False)
    def livez() -> dict[str, str]:
        """Bare liveness probe: no token, no data."""
        return {"status": "ok"}

    app.include_router(v1.router, responses=API_RESPONSES)
    app.include_router(presidio.router, responses=PRESIDIO_RESPONSES)
    app.include_router(jobs.router, responses=JOB_RESPONSES)
    if settings.ui_dir is not None:
        app.mount("/", StaticFiles(directory=settings.ui_dir, html=True), name="ui")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _without_stream_placeholders(FastAPI.openapi(app))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    app.add_middleware(
        RequestGuard,
        token=(settings.token.get_secret_value() or None) if settings.token else None,
        allowed_hosts=settings.allowed_hosts,
        max_body_bytes=settings.max_body_bytes,
        route_templates=lambda: [*app.openapi()["paths"], app.openapi_url or "/openapi.json"],
        serves_ui=settings.ui_dir is not None,
    )
    return app
