"""FastAPI dependencies: the process-wide objects the lifespan puts on `app.state`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from redacta.redaction.user_settings import UserSettings, UserSettingsStore
from redacta.redaction.vault import VaultStore

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

    from redacta.engine import Engine
    from redacta.jobs.manager import JobManager
    from redacta.settings import Settings


def get_engine(request: Request) -> Engine:
    """The engine loaded at start-up."""
    engine: Engine = request.app.state.engine
    return engine


def get_server_settings(request: Request) -> Settings:
    """The server's settings (environment and command line, read once at start)."""
    settings: Settings = request.app.state.settings
    return settings


def get_job_manager(request: Request) -> JobManager:
    """The job manager the lifespan started (one worker pool for all jobs)."""
    manager: JobManager = request.app.state.jobs
    return manager


def get_anonymizer(request: Request) -> AnonymizerEngine:
    """Redacta's anonymizer (Presidio's operators + pseudonymize)."""
    anonymizer: AnonymizerEngine = request.app.state.redactor
    return anonymizer


def get_vaults(request: Request) -> VaultStore:
    """The in-memory session vaults."""
    vaults: VaultStore = request.app.state.vaults
    return vaults


def get_user_settings_store(request: Request) -> UserSettingsStore:
    """The persisted user settings."""
    store: UserSettingsStore = request.app.state.user_settings
    return store


def get_user_settings(
    store: Annotated[UserSettingsStore, Depends(get_user_settings_store)],
) -> UserSettings:
    """A snapshot of the user's settings for this request."""
    return store.get()


def get_salt(request: Request) -> bytes:
    """The project salt of the hash operator."""
    salt: bytes = request.app.state.hash_salt
    return salt
