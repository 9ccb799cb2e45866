"""Shared plumbing for Redacta's recognizers: results that always carry an explanation."""

from __future__ import annotations

from typing import cast

from presidio_analyzer import AnalysisExplanation, RecognizerResult


def result(
    recognizer: str,
    entity: str,
    start: int,
    end: int,
    score: float,
    why: str,
    pattern_name: str | None = None,
) -> RecognizerResult:
    """A finding with Presidio's `AnalysisExplanation` filled in (shown by
    `return_decision_process=True`), so every Redacta finding says why it was made."""
    explanation = AnalysisExplanation(
        recognizer=recognizer,
        original_score=score,
        pattern_name=cast("str", pattern_name),  # Presidio accepts None; its hint says str
        textual_explanation=why,
    )
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        # The analyzer adds the recognizer's id itself; the name is what clients see.
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer},
    )
