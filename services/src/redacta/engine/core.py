"""Builds Presidio's analyzer on the configured spaCy model, offline, once per process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta import offline

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult
    from presidio_anonymizer import AnonymizerEngine

    from redacta.settings import Settings


class ModelNotFoundError(RuntimeError):
    """The configured spaCy model is neither an installed package nor a directory."""


def _check_model(model: str) -> None:
    import spacy.util  # noqa: PLC0415

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed and is not a directory. "
            "Set REDACTA_MODEL to an installed model package name or a model folder."
        )


@dataclass
class Engine:
    """Presidio's analyzer and anonymizer on Redacta's settings; load with `Engine.create`."""

    settings: Settings
    analyzer: AnalyzerEngine
    anonymizer: AnonymizerEngine

    @classmethod
    def create(cls, settings: Settings) -> Engine:
        """Load the spaCy model and the recognizers. Slow (seconds): call once at start-up."""
        offline.enforce()
        from presidio_analyzer import AnalyzerEngine  # noqa: PLC0415
        from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: PLC0415
        from presidio_anonymizer import AnonymizerEngine  # noqa: PLC0415

        _check_model(settings.model)
        nlp_conf: dict[str, Any] = {
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": settings.language, "model_name": settings.model}],
        }
        nlp_engine = NlpEngineProvider(nlp_configuration=nlp_conf).create_engine()
        analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=[settings.language])
        return cls(settings=settings, analyzer=analyzer, anonymizer=AnonymizerEngine())

    def analyze(self, text: str, language: str | None = None) -> list[RecognizerResult]:
        """Find PII in one text with the enabled entities and the default threshold."""
        results: list[RecognizerResult] = self.analyzer.analyze(
            text=text,
            language=language or self.settings.language,
            entities=self.settings.entities,
            score_threshold=self.settings.score_threshold,
        )
        return results
