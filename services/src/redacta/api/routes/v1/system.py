"""`/api/v1/info`, `/api/v1/entities`, `/api/v1/shutdown`: about the running backend."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from redacta import __version__
from redacta.api.deps import get_engine, get_user_settings
from redacta.build_manifest import read_manifest
from redacta.engine import Engine
from redacta.redaction.options import RedactionOptions
from redacta.redaction.user_settings import UserSettings

router = APIRouter(tags=["system"])


class ModelInfo(BaseModel):
    """The spaCy model in use."""

    name: str
    version: str | None


class InfoResponse(BaseModel):
    """Versions of the backend and its model; the build manifest for frozen builds."""

    version: str
    language: str
    model: ModelInfo
    build: dict[str, Any] | None = Field(
        description="build-manifest.json beside the frozen executable, if any."
    )


def _model_info(engine: Engine) -> ModelInfo:
    try:
        models = getattr(engine.analyzer.nlp_engine, "nlp", {})
        meta: dict[str, Any] = models[engine.settings.language].meta
        return ModelInfo(name=f"{meta.get('lang')}_{meta.get('name')}", version=meta.get("version"))
    except (AttributeError, KeyError, TypeError):
        return ModelInfo(name=engine.settings.model, version=None)


@router.get("/info", summary="Backend and model versions")
def info(engine: Annotated[Engine, Depends(get_engine)]) -> InfoResponse:
    """What is running."""
    return InfoResponse(
        version=__version__,
        language=engine.settings.language,
        model=_model_info(engine),
        build=read_manifest(),
    )


class EntitiesResponse(BaseModel):
    """Entity types the engine can detect, and those detected by default."""

    supported: list[str]
    enabled: list[str]


@router.get("/entities", summary="Supported and enabled entity types")
def entities(
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
) -> EntitiesResponse:
    """Supported (every recognizer) and enabled (user settings, else server default)."""
    supported = sorted(set(engine.analyzer.get_supported_entities(engine.settings.language)))
    return EntitiesResponse(
        supported=supported,
        enabled=RedactionOptions.from_user_settings(user).entities_to_find(
            list(engine.settings.entities)
        ),
    )


class ShutdownResponse(BaseModel):
    """Acknowledgement: the server stops after answering in-flight requests."""

    status: str


@router.post("/shutdown", summary="Stop the backend", status_code=202)
def shutdown(request: Request) -> ShutdownResponse:
    """Graceful stop: in-flight requests finish, then the process exits 0."""
    stop = getattr(request.app.state, "request_shutdown", None)
    if stop is not None:
        stop()
    return ShutdownResponse(status="stopping")
