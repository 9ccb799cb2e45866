"""Request-scoped pattern recognizers (Presidio's `ad_hoc_recognizers` JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from redacta.engine.errors import InvalidRequestError

if TYPE_CHECKING:
    from presidio_analyzer import PatternRecognizer


def _check_patterns(index: int, patterns: object) -> None:
    if patterns is None:
        return
    if not isinstance(patterns, list):
        raise InvalidRequestError(f"ad_hoc_recognizers[{index}].patterns must be a list.")
    for j, pattern in enumerate(patterns):
        where = f"ad_hoc_recognizers[{index}].patterns[{j}]"
        if not isinstance(pattern, dict) or not isinstance(pattern.get("regex"), str):
            raise InvalidRequestError(f"{where} needs a 'regex' string, a 'name' and a 'score'.")
        score = pattern.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
            raise InvalidRequestError(f"{where}.score must be a number between 0 and 1.")
        try:
            regex.compile(pattern["regex"])
        except regex.error as exc:
            raise InvalidRequestError(
                f"{where}.regex is not a valid regular expression: {exc}"
            ) from None


def pattern_recognizer_from_dict(index: int, data: object) -> PatternRecognizer:
    """Build one ad-hoc recognizer like Presidio's `AnalyzerRequest`, with clear 4xx errors."""
    from presidio_analyzer import PatternRecognizer

    where = f"ad_hoc_recognizers[{index}]"
    if not isinstance(data, dict):
        raise InvalidRequestError(f"{where} must be an object.")
    if not (data.get("supported_entity") or data.get("supported_entities")):
        raise InvalidRequestError(f"{where} needs a 'supported_entity'.")
    if not (data.get("patterns") or data.get("deny_list")):
        raise InvalidRequestError(f"{where} needs 'patterns' or a 'deny_list'.")
    _check_patterns(index, data.get("patterns"))
    try:
        recognizer: PatternRecognizer = PatternRecognizer.from_dict(dict(data))
    except (TypeError, ValueError, KeyError, regex.error) as exc:
        raise InvalidRequestError(f"{where} is not a valid pattern recognizer: {exc}") from None
    return recognizer


def pattern_recognizers_from_dicts(items: list[Any] | None) -> list[PatternRecognizer] | None:
    """All ad-hoc recognizers of a request, or None when there are none."""
    if not items:
        return None
    if not isinstance(items, list):
        raise InvalidRequestError("ad_hoc_recognizers must be a list of objects.")
    return [pattern_recognizer_from_dict(i, item) for i, item in enumerate(items)]
