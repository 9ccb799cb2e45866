"""`/api/v1/settings` (the user's persisted settings) and `/api/v1/recognizers/test`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from redacta.api.deps import get_engine, get_user_settings_store
from redacta.engine import Engine
from redacta.redaction.options import RedactionOptions
from redacta.redaction.patterns import PatternError, RegexFlag, find_matches, validate_pattern
from redacta.redaction.pipeline import refuse_unknown_entities
from redacta.redaction.user_settings import UserSettings, UserSettingsStore

router = APIRouter(tags=["settings"])

MAX_TEST_TEXT = 100_000


@router.get("/settings", name="get_settings", summary="Read the user's settings")
def read_user_settings(
    store: Annotated[UserSettingsStore, Depends(get_user_settings_store)],
) -> UserSettings:
    """The settings as saved (defaults when never saved)."""
    return store.get()


@router.put(
    "/settings",
    name="put_settings",
    summary="Replace the user's settings",
    description="Validated (bad or catastrophic regexes are a 422 naming the recognizer; so "
    "is an enabled entity type that neither the engine nor one of these deny lists or custom "
    "recognizers finds), then written atomically to the per-user data folder; applies to the "
    "next analysis.",
)
def save_user_settings(
    body: UserSettings,
    store: Annotated[UserSettingsStore, Depends(get_user_settings_store)],
    engine: Annotated[Engine, Depends(get_engine)],
) -> UserSettings:
    """The saved settings.

    A misspelt enabled type ("PERSONS") saved would find nothing on every later analysis, so
    it is refused here, as the analysis routes refuse it. A type the settings already saved
    stays accepted: a settings file written before this check (or a type left behind by a
    removed recognizer) must not make every later save fail with no checkbox to untick it.
    """
    options = RedactionOptions.from_user_settings(body).model_copy(
        update={"saved_entities": list(store.get().enabled_entities or [])}
    )
    refuse_unknown_entities(engine, options)
    try:
        store.save(body)
    except OSError:
        raise HTTPException(
            500,
            f"Could not write the settings file {store.path}: check that the folder exists "
            "and is writable (or set REDACTA_DATA_DIR).",
        ) from None
    return body


class PatternTestRequest(BaseModel):
    """A pattern and a sample text to try it on."""

    model_config = ConfigDict(extra="forbid")

    pattern: str = Field(
        min_length=1,
        description="Regular expression (Python `regex` syntax).",
        json_schema_extra={"format": "regex"},
    )
    text: str = Field(max_length=MAX_TEST_TEXT)
    flags: list[RegexFlag] = Field(default_factory=list)


class PatternMatch(BaseModel):
    """A match: offsets into the sample text."""

    start: int
    end: int


class PatternTestResponse(BaseModel):
    """The matches of the pattern in the sample text."""

    matches: list[PatternMatch]


@router.post(
    "/recognizers/test",
    summary="Try a regex on a sample text",
    description="For the live test in the settings screen: the same validation as saving "
    "(422 with the reason for a bad or too slow pattern), then the matches.",
)
def test_recognizer(body: PatternTestRequest) -> PatternTestResponse:
    """Matches of the pattern."""
    try:
        compiled = validate_pattern(body.pattern, body.flags)
        matches = find_matches(compiled, body.text, limit=1000)
    except PatternError as exc:
        raise HTTPException(422, str(exc)) from None
    return PatternTestResponse(matches=[PatternMatch(start=m.start, end=m.end) for m in matches])
