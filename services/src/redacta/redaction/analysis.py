"""Analysis for Redacta's own API: the engine plus the user's persisted settings.

The user's allow list, deny lists, custom recognizers, enabled entities and threshold are
turned into the engine's per-call arguments, so they apply without rebuilding the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redacta.redaction.recognizers import user_recognizers

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

    from redacta.engine import Engine
    from redacta.engine.control import AnalysisControl
    from redacta.redaction.user_settings import UserSettings


def effective_entities(
    engine: Engine, user: UserSettings, requested: list[str] | None
) -> list[str]:
    """Entity types to detect: the request's, else the user's, else the server's; plus the
    types of the user's own recognizers (Presidio drops results of types not asked for)."""
    base = requested or user.enabled_entities or list(engine.settings.entities)
    if requested:
        return list(dict.fromkeys(base))
    extra = list(user.deny_lists) + [r.entity_type for r in user.custom_recognizers]
    return list(dict.fromkeys([*base, *extra]))


def analyze_text(
    engine: Engine,
    user: UserSettings,
    text: str,
    *,
    language: str | None = None,
    entities: list[str] | None = None,
    score_threshold: float | None = None,
    explain: bool = True,
    control: AnalysisControl | None = None,
) -> list[RecognizerResult]:
    """Findings in `text` with the user's settings applied, sorted by position.

    `control` follows and can cancel the analysis (see `Engine.analyze`)."""
    language = language or engine.settings.language
    threshold = (
        score_threshold
        if score_threshold is not None
        else user.score_threshold
        if user.score_threshold is not None
        else engine.settings.score_threshold
    )
    results = engine.analyze(
        text,
        language=language,
        entities=effective_entities(engine, user, entities),
        score_threshold=threshold,
        return_decision_process=explain,
        ad_hoc_recognizers=user_recognizers(user, language) or None,
        allow_list=user.allow_list or None,
        control=control,
    )
    return sorted(results, key=lambda r: (r.start, -r.end, r.entity_type))
