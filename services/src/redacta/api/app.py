"""FastAPI application factory: routes stay thin, the engine does the work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from redacta import __version__
from redacta.engine import Engine
from redacta.settings import Settings, get_settings


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the app; the engine is loaded in the lifespan unless one is passed in."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = engine or Engine.create(settings)
        yield

    app = FastAPI(title="Redacta", version=__version__, lifespan=lifespan)
    app.state.settings = settings

    @app.get("/livez", include_in_schema=False)
    def livez() -> dict[str, str]:
        """Bare liveness probe: no token, no data."""
        return {"status": "ok"}

    @app.get("/health")
    def health(request: Request) -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app
