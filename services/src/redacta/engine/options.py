"""The per-request analysis options, validated once and shared with worker processes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from redacta.engine.errors import InvalidRequestError

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

DEFAULT_REGEX_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
"""Presidio's default flags for allow-list regexes."""

ALLOW_LIST_MATCHES = ("exact", "regex")


@dataclass(frozen=True)
class AnalyzeOptions:
    """Arguments of `AnalyzerEngine.analyze` other than the text (picklable)."""

    language: str
    entities: tuple[str, ...]
    score_threshold: float | None
    return_decision_process: bool
    ad_hoc_recognizers: tuple[EntityRecognizer, ...] | None
    context: tuple[str, ...] | None
    allow_list: tuple[str, ...] | None
    allow_list_match: str
    regex_flags: int

    def presidio_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `AnalyzerEngine.analyze` (without text and artifacts)."""
        return {
            "language": self.language,
            "entities": list(self.entities),
            "score_threshold": self.score_threshold,
            "return_decision_process": self.return_decision_process,
            "ad_hoc_recognizers": list(self.ad_hoc_recognizers)
            if self.ad_hoc_recognizers
            else None,
            "context": list(self.context) if self.context else None,
            "allow_list": list(self.allow_list) if self.allow_list else None,
            "allow_list_match": self.allow_list_match,
            "regex_flags": self.regex_flags,
        }


def _str_list(name: str, value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidRequestError(f"{name} must be a list of strings.")
    return tuple(value)


def check_regex_flags(flags: object) -> int:
    """`flags` as an int the `regex` module accepts, else a clear error."""
    if isinstance(flags, bool) or not isinstance(flags, int) or flags < 0:
        raise InvalidRequestError(
            "regex_flags must be a non-negative integer of Python `re`/`regex` flags "
            f"(Presidio's default is {DEFAULT_REGEX_FLAGS})."
        )
    try:
        regex.compile("x", flags=flags)
    except (ValueError, OverflowError, regex.error) as exc:
        raise InvalidRequestError(
            f"regex_flags {flags} is not a valid flag combination: {exc}"
        ) from None
    return flags


def check_allow_list(
    allow_list: tuple[str, ...] | None, allow_list_match: object, flags: int
) -> str:
    """Validate the allow-list mode and, in regex mode, that its patterns compile."""
    if allow_list_match not in ALLOW_LIST_MATCHES:
        raise InvalidRequestError("allow_list_match must be 'exact' or 'regex'.")
    if allow_list and allow_list_match == "regex":
        for term in allow_list:
            try:
                regex.compile(term, flags=flags)
            except regex.error as exc:
                raise InvalidRequestError(
                    f"allow_list entry is not a valid regular expression: {exc}"
                ) from None
    return str(allow_list_match)


def check_score_threshold(value: object) -> float | None:
    """A threshold between 0 and 1, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidRequestError("score_threshold must be a number between 0 and 1.")
    return float(value)


def build_options(
    *,
    language: str,
    entities: tuple[str, ...],
    score_threshold: object,
    return_decision_process: bool,
    ad_hoc_recognizers: list[EntityRecognizer] | None,
    context: object,
    allow_list: object,
    allow_list_match: object,
    regex_flags: object,
) -> AnalyzeOptions:
    """Validate everything a request may get wrong, before any text is processed."""
    from presidio_analyzer import EntityRecognizer

    flags = check_regex_flags(DEFAULT_REGEX_FLAGS if regex_flags is None else regex_flags)
    allowed = _str_list("allow_list", allow_list)
    if ad_hoc_recognizers is not None and not all(
        isinstance(r, EntityRecognizer) for r in ad_hoc_recognizers
    ):
        raise InvalidRequestError("ad_hoc_recognizers must be Presidio EntityRecognizers.")
    return AnalyzeOptions(
        language=language,
        entities=entities,
        score_threshold=check_score_threshold(score_threshold),
        return_decision_process=bool(return_decision_process),
        ad_hoc_recognizers=tuple(ad_hoc_recognizers) if ad_hoc_recognizers else None,
        context=_str_list("context", context),
        allow_list=allowed,
        allow_list_match=check_allow_list(allowed, allow_list_match, flags),
        regex_flags=flags,
    )
