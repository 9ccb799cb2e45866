"""Shared plumbing for Redacta's recognizers: one base class, results with an explanation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar, cast

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

WORD_STARTS = regex.compile(r"(?<![\p{L}\d\-./:])(?=\S)", regex.VERSION1)
"""Where a word, number or sign begins: not after a letter, digit, "-", "." or ":"."""


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line holding `text[start:end]` begins and ends (without its line breaks);
    `end` defaults to `start`."""
    line_end = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def finditer_at(
    pattern: regex.Pattern[str],
    text: str,
    starts: regex.Pattern[str] = WORD_STARTS,
    timeout: float = 1.0,
    may_start: Callable[[str, int], bool] | None = None,
) -> Iterator[regex.Match[str]]:
    """The matches `pattern.finditer(text)` finds, for a pattern whose matches can only begin
    where the zero-width pattern `starts` matches (and never match the empty string).

    The `regex` module sets every attempt up afresh, which costs microseconds for a pattern
    of thousands of branches; trying it only where a word begins (a sixth of the positions
    of running text) instead of at every character makes such a scan several times faster.
    Like `finditer`, matches do not overlap, and `pattern` sees the whole text around each
    start (lookbehinds, `^`). `timeout` bounds each attempt, which is where runaway
    backtracking happens; a bound on the whole scan would instead grow into a failed request
    on a long text or a busy machine, where thousands of attempts of microseconds each add up.
    `may_start(text, position)`, when given, is a cheaper test that must hold wherever a
    match begins: starts it rejects are not tried.
    """
    end = 0
    for start in starts.finditer(text):
        if start.start() < end or (may_start is not None and not may_start(text, start.start())):
            continue
        match = pattern.match(text, start.start(), timeout=timeout)
        if match is not None:
            end = match.end()
            yield match


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


class TextRecognizer(LocalRecognizer):
    """A recognizer of one entity type that reads only the text (no NLP artifacts).

    Subclasses set `ENTITY` and `NAME` and implement `find`; their patterns are compiled at
    import, so there is nothing to load, and they skip the work when the call does not ask
    for their entity type.
    """

    ENTITY: ClassVar[str]
    NAME: ClassVar[str]

    def __init__(self, supported_language: str = "en", context: list[str] | None = None) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name=self.NAME,
            supported_language=supported_language,
            context=context,
        )

    def load(self) -> None:
        """Nothing to load: patterns compile at import; phonenumbers ships its metadata."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """`find` on the text, when the call asks for this recognizer's entity type."""
        del nlp_artifacts
        if entities and self.ENTITY not in entities:
            return []
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        """Every finding of this recognizer's entity type in `text`."""
        raise NotImplementedError


class TaggedTextRecognizer(TextRecognizer):
    """A recognizer of one entity type that reads the text and spaCy's tokens (the tags tell
    a lower-case name or place from an English word)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """`find_tagged` on the text and its tokens, when the call asks for this entity type."""
        if entities and self.ENTITY not in entities:
            return []
        return self.find_tagged(text, nlp_artifacts)

    def find_tagged(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Every finding of this recognizer's entity type in `text` (tokens may be missing)."""
        raise NotImplementedError
