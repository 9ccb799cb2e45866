"""Shared plumbing for Redacta's recognizers: one base class, results with an explanation."""

from __future__ import annotations

from typing import ClassVar, cast

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


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
