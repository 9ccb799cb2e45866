"""The user's settings (allow list, deny lists, custom recognizers, entities, threshold,
default operators), persisted as JSON in the data folder and written atomically."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from pathlib import Path
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from redacta import logs
from redacta.redaction.files import write_atomic
from redacta.redaction.operators import OperatorSpec
from redacta.redaction.patterns import PatternError, RegexFlag, validate_pattern
from redacta.settings import NOT_BLANK

log = logs.get_logger("redacta.user_settings")

SETTINGS_FILE = "settings.json"
ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")

# What the validators below accept, told to the API schema; the validators keep their own
# messages, which say what to fix.
#: An entity type name (e.g. EMPLOYEE_ID).
EntityName = Annotated[str, WithJsonSchema({"type": "string", "pattern": ENTITY_NAME.pattern})]
#: A deny-list value: not blank.
DenyValue = Annotated[str, WithJsonSchema({"type": "string", "pattern": NOT_BLANK})]


def _check_entity(name: str) -> str:
    if not ENTITY_NAME.fullmatch(name):
        raise ValueError(
            "entity types are upper-case letters, digits and underscores, starting with a "
            "letter (e.g. EMPLOYEE_ID)"
        )
    return name


class CustomRecognizer(BaseModel):
    """A user's regex recognizer; its pattern must compile and not backtrack catastrophically."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=80, description="Shown as the recognizer name.")
    entity_type: EntityName = Field(description="Entity type reported, e.g. EMPLOYEE_ID.")
    pattern: str = Field(
        min_length=1,
        description="Regular expression (Python `regex` syntax).",
        json_schema_extra={"format": "regex"},
    )
    flags: list[RegexFlag] = Field(default_factory=list)
    score: float = Field(default=0.8, gt=0.0, le=1.0)
    context: list[str] = Field(
        default_factory=list, description="Words near a match that raise its score."
    )

    @field_validator("entity_type")
    @classmethod
    def _entity(cls, value: str) -> str:
        return _check_entity(value)

    @model_validator(mode="after")
    def _pattern_usable(self) -> Self:
        try:
            validate_pattern(self.pattern, self.flags)
        except PatternError as exc:
            raise ValueError(f"recognizer {self.name!r}: {exc}") from None
        return self


class UserSettings(BaseModel):
    """What the user configured in the app; applies to every `/api/v1` analysis."""

    model_config = ConfigDict(extra="forbid")

    allow_list: list[str] = Field(
        default_factory=list, description="Values never reported (exact match)."
    )
    deny_lists: dict[str, list[DenyValue]] = Field(
        default_factory=dict,
        description="Entity type → values always reported as that type (whole words).",
        json_schema_extra={"propertyNames": {"pattern": ENTITY_NAME.pattern}},
    )
    custom_recognizers: list[CustomRecognizer] = Field(default_factory=list)
    enabled_entities: list[EntityName] | None = Field(
        default=None, description="Entity types to detect; null = the server's default set."
    )
    score_threshold: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Minimum score; null = the server's default."
    )
    default_operators: dict[str, OperatorSpec] = Field(
        default_factory=dict,
        description="Entity type (or DEFAULT) → operator used when a request gives none.",
    )

    @field_validator("deny_lists")
    @classmethod
    def _deny_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for entity, words in value.items():
            _check_entity(entity)
            if any(not word.strip() for word in words):
                raise ValueError(f"deny list {entity}: empty values are not allowed")
        return value

    @field_validator("enabled_entities")
    @classmethod
    def _entities(cls, value: list[str] | None) -> list[str] | None:
        for entity in value or []:
            _check_entity(entity)
        return value

    @model_validator(mode="after")
    def _unique_recognizer_names(self) -> Self:
        names = [r.name for r in self.custom_recognizers]
        if len(names) != len(set(names)):
            raise ValueError("custom recognizer names must be unique")
        return self


class UserSettingsStore:
    """Loads the settings file once; `save` replaces it atomically. Thread-safe."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self._lock = threading.Lock()
        self._current = self._load()

    def _load(self) -> UserSettings:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return UserSettings()
        except OSError:
            log.warning("settings file unreadable; using defaults", extra={"path": str(self.path)})
            return UserSettings()
        try:
            return UserSettings.model_validate(json.loads(raw))
        except (ValueError, ValidationError):
            # Never crash on a damaged file; keep it for the user and start from defaults.
            backup = self.path.with_suffix(".damaged.json")
            with contextlib.suppress(OSError):
                self.path.replace(backup)
            log.warning("settings file unreadable; moved aside", extra={"backup": str(backup)})
            return UserSettings()

    def get(self) -> UserSettings:
        """The current settings (an immutable snapshot: replace, don't mutate)."""
        with self._lock:
            return self._current

    def save(self, settings: UserSettings) -> None:
        """Persist and make current."""
        data = settings.model_dump_json(indent=2).encode("utf-8")
        with self._lock:
            write_atomic(self.path, data)
            self._current = settings
