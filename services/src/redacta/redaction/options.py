"""What to find and how to replace it: the one options object of every redaction path.

Pasted text (`/api/v1/analyze`, `/api/v1/redact`), batch jobs, the CLI and the document
handlers all redact with a `RedactionOptions`, built from the user's saved settings (or a
settings file), then narrowed by what a request says explicitly. `SettingsApplied` is the
content-free summary of it that jobs report (counts, never values).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from redacta.redaction.operators import DEFAULT_OPERATOR, OperatorSpec
from redacta.redaction.user_settings import CustomRecognizer, UserSettings

if TYPE_CHECKING:
    from collections.abc import Iterable

    from redacta.settings import Settings

SettingsSource = Literal["user", "request", "defaults"]


class SettingsApplied(BaseModel):
    """Which settings a job ran with: counts and names, never the listed values."""

    source: SettingsSource = Field(
        description="user: the saved user settings; request: the request overrode some of "
        "them; defaults: neither (the server's defaults)."
    )
    entities: list[str] | None = Field(
        description="Entity types looked for; null = the server's default set."
    )
    threshold: float = Field(description="Minimum score of a finding.")
    allow_list: int = Field(description="Number of allow-listed values.")
    deny_lists: int = Field(description="Number of deny-listed values (all entity types).")
    custom_recognizers: int = Field(description="Number of custom regex recognizers.")
    operators: dict[str, str] = Field(
        description="Entity type (or DEFAULT) → operator type used for it."
    )


class RedactionOptions(BaseModel):
    """Entities, threshold, allow list, deny lists, custom recognizers and operators.

    `entities` None means the server's enabled set plus the types of the deny lists and custom
    recognizers; a list means exactly those types.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: SettingsSource = "defaults"
    language: str | None = None
    entities: list[str] | None = None
    score_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    allow_list: list[str] = Field(default_factory=list)
    deny_lists: dict[str, list[str]] = Field(default_factory=dict)
    custom_recognizers: list[CustomRecognizer] = Field(default_factory=list)
    operators: dict[str, OperatorSpec] = Field(default_factory=dict)
    saved_entities: list[str] = Field(
        default_factory=list,
        description="The types the saved settings enable. One left behind by a removed "
        "custom recognizer or deny list stays enabled (the settings screen no longer shows "
        "it, and the app sends it with each analysis): it finds nothing, but is no typo.",
    )

    @classmethod
    def from_user_settings(cls, user: UserSettings) -> RedactionOptions:
        """The user's saved settings as options (source `defaults` when nothing is set)."""
        own_types = [*user.deny_lists, *(r.entity_type for r in user.custom_recognizers)]
        entities = (
            list(dict.fromkeys([*user.enabled_entities, *own_types]))
            if user.enabled_entities
            else None
        )
        return cls(
            source="defaults" if user == UserSettings() else "user",
            entities=entities,
            score_threshold=user.score_threshold,
            allow_list=list(user.allow_list),
            deny_lists={k: list(v) for k, v in user.deny_lists.items() if v},
            custom_recognizers=list(user.custom_recognizers),
            operators=dict(user.default_operators),
            saved_entities=list(user.enabled_entities or []),
        )

    def overridden(
        self,
        *,
        language: str | None = None,
        entities: list[str] | None = None,
        score_threshold: float | None = None,
        operators: dict[str, OperatorSpec] | None = None,
    ) -> RedactionOptions:
        """These options with what a request states explicitly (None = not stated)."""
        changes: dict[str, object] = {
            key: value
            for key, value in (
                ("entities", list(dict.fromkeys(entities)) if entities else None),
                ("score_threshold", score_threshold),
                ("operators", operators),
            )
            if value is not None
        }
        if changes:
            changes["source"] = "request"
        if language is not None:
            changes["language"] = language
        return self.model_copy(update=changes) if changes else self

    def entities_to_find(self, default_entities: list[str]) -> list[str]:
        """The entity types to detect, `default_entities` being the server's enabled set."""
        if self.entities is not None:
            return list(self.entities)
        own_types = [*self.deny_lists, *(r.entity_type for r in self.custom_recognizers)]
        return list(dict.fromkeys([*default_entities, *own_types]))

    def unknown_entities(self, supported: Iterable[str]) -> list[str]:
        """The entity types these options name that nothing could find: neither one of
        `supported` (the engine's) nor a type of their own deny lists or custom recognizers
        nor one the saved settings enable. Asked for, such a type (a typo: "PERSONS",
        "EMAIL") would silently find nothing."""
        if self.entities is None:
            return []
        own_types = [*self.deny_lists, *(r.entity_type for r in self.custom_recognizers)]
        known = {*supported, *own_types, *self.saved_entities}
        return [entity for entity in self.entities if entity not in known]

    def threshold(self, settings: Settings) -> float:
        """The minimum score: these options', else the server's."""
        return settings.score_threshold if self.score_threshold is None else self.score_threshold

    def applied(self, settings: Settings) -> SettingsApplied:
        """The content-free summary jobs report."""
        operators = {entity: spec.type for entity, spec in sorted(self.operators.items())}
        operators.setdefault(DEFAULT_OPERATOR, "replace")
        return SettingsApplied(
            source=self.source,
            entities=None if self.entities is None else list(self.entities),
            threshold=self.threshold(settings),
            allow_list=len(self.allow_list),
            deny_lists=sum(len(values) for values in self.deny_lists.values()),
            custom_recognizers=len(self.custom_recognizers),
            operators=operators,
        )


class SettingsFileError(ValueError):
    """A settings file that cannot be used; the message says what to fix (never values)."""


def read_settings_file(path: Path) -> UserSettings:
    """Read a settings file in the format the app saves, with the same validation errors."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsFileError(f"settings file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsFileError(f"settings file {path} cannot be read: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SettingsFileError(
            f"settings file {path} is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    try:
        return UserSettings.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}" for e in exc.errors()
        )
        raise SettingsFileError(f"settings file {path} is invalid: {problems}") from None
