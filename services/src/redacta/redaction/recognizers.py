"""The user's deny lists and custom regex recognizers as Presidio ad-hoc recognizers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

from redacta.redaction.patterns import PatternError, compile_pattern, find_matches

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

    from redacta.redaction.options import RedactionOptions
    from redacta.redaction.user_settings import CustomRecognizer

DENY_LIST_SCORE = 1.0


class BoundedPatternRecognizer(PatternRecognizer):
    """A user's regex recognizer whose matching always runs with a timeout.

    Presidio's PatternRecognizer allows 60 s per pattern; a user pattern gets a bound scaled to
    the text (see `patterns.match_timeout`) and yields no findings when it runs out.
    """

    def __init__(self, spec: CustomRecognizer, language: str = "en") -> None:
        super().__init__(
            supported_entity=spec.entity_type,
            supported_language=language,
            name=spec.name,
            patterns=[Pattern(name=spec.name, regex=spec.pattern, score=spec.score)],
            context=list(spec.context),
        )
        self._compiled = compile_pattern(spec.pattern, spec.flags)
        self._score = spec.score
        self._label = spec.name

    def analyze(
        self,
        text: str,
        entities: list[str],  # noqa: ARG002 - Presidio's signature
        nlp_artifacts: NlpArtifacts | None = None,  # noqa: ARG002
        regex_flags: int | None = None,  # noqa: ARG002 - the user's own flags apply
    ) -> list[RecognizerResult]:
        """Matches of the user's pattern, each scored with the configured score."""
        try:
            matches = find_matches(self._compiled, text)
        except PatternError:
            return []
        results: list[RecognizerResult] = []
        for match in matches:
            explanation = AnalysisExplanation(
                recognizer=self._label,
                original_score=self._score,
                pattern_name=self._label,
                textual_explanation=f"Matched your custom pattern `{self._label}`",
            )
            results.append(
                RecognizerResult(
                    entity_type=self.supported_entities[0],
                    start=match.start,
                    end=match.end,
                    score=self._score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def deny_list_recognizer(
    entity_type: str, values: list[str], language: str = "en"
) -> PatternRecognizer:
    """Presidio's deny-list recognizer for one entity type (exact words, case-insensitive)."""
    return PatternRecognizer(
        supported_entity=entity_type,
        supported_language=language,
        name=f"deny_list_{entity_type}",
        deny_list=values,
        deny_list_score=DENY_LIST_SCORE,
    )


def user_recognizers(settings: RedactionOptions, language: str = "en") -> list[EntityRecognizer]:
    """Ad-hoc recognizers for one analysis: deny lists first, then custom patterns."""
    recognizers: list[EntityRecognizer] = [
        deny_list_recognizer(entity, values, language)
        for entity, values in sorted(settings.deny_lists.items())
        if values
    ]
    recognizers += [
        BoundedPatternRecognizer(spec, language) for spec in settings.custom_recognizers
    ]
    return recognizers
