"""How to analyze a text: one options object for every caller of the engine.

Routes, the redaction pipeline and the worker processes all pass an `AnalyzeOptions`;
`Engine.resolve` checks it once and fills in the engine's defaults before any text is
processed, and the resolved object travels to the worker processes (it is picklable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    """Presidio `AnalyzerEngine.analyze` arguments other than the text.

    None (or the default) means the engine's default: its language, its enabled entity types
    plus those of `ad_hoc_recognizers`, its score threshold, Presidio's regex flags.
    """

    language: str | None = None
    entities: Sequence[str] | None = None
    score_threshold: float | None = None
    return_decision_process: bool = False
    ad_hoc_recognizers: Sequence[EntityRecognizer] | None = None
    context: Sequence[str] | None = None
    allow_list: Sequence[str] | None = None
    allow_list_match: str = "exact"
    regex_flags: int | None = None

    def presidio_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `AnalyzerEngine.analyze` (without text and artifacts)."""
        return {
            "language": self.language,
            "entities": list(self.entities or ()),
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


def validated(
    options: AnalyzeOptions, *, language: str, entities: tuple[str, ...], score_threshold: float
) -> AnalyzeOptions:
    """`options` checked field by field, with the engine's resolved `language`, `entities`
    and default `score_threshold`; raises `InvalidRequestError` naming what to fix."""
    from presidio_analyzer import EntityRecognizer

    flags = check_regex_flags(
        DEFAULT_REGEX_FLAGS if options.regex_flags is None else options.regex_flags
    )
    allowed = _str_list("allow_list", options.allow_list)
    recognizers = options.ad_hoc_recognizers
    if recognizers is not None and (
        isinstance(recognizers, str)
        or not all(isinstance(r, EntityRecognizer) for r in recognizers)
    ):
        raise InvalidRequestError("ad_hoc_recognizers must be Presidio EntityRecognizers.")
    threshold = options.score_threshold
    return replace(
        options,
        language=language,
        entities=entities,
        score_threshold=check_score_threshold(score_threshold if threshold is None else threshold),
        return_decision_process=bool(options.return_decision_process),
        ad_hoc_recognizers=tuple(recognizers) if recognizers else None,
        context=_str_list("context", options.context),
        allow_list=allowed,
        allow_list_match=check_allow_list(allowed, options.allow_list_match, flags),
        regex_flags=flags,
    )
