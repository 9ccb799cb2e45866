"""The analysis of text pieces: one loaded Presidio analyzer that runs pieces (chunks of a
text) through one spaCy `nlp.pipe` stream and its recognizers.

Both `Engine` (in the caller's process) and every analysis worker process (`engine.pool`)
run pieces through this unit, so a piece gets the same results wherever it is analyzed.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from redacta import offline
from redacta.engine import builtin_patterns

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult

    from redacta.engine.control import AnalysisControl
    from redacta.engine.options import AnalyzeOptions
    from redacta.settings import Settings

PIPE_BATCH_SIZE = 4
"""spaCy `nlp.pipe` batch size: Docs alive at once per process, and how often a cancelled
analysis notices (4 windows take about 0.2 s of one core). Larger batches use no less CPU
with the CPU pipelines (measured: the same CPU time for batches of 1 to 32 windows)."""


@dataclass(frozen=True)
class PieceAnalyzer:
    """Presidio's analyzer on Redacta's recognizers; load with `PieceAnalyzer.load`."""

    analyzer: AnalyzerEngine
    language: str

    @classmethod
    def load(cls, settings: Settings) -> PieceAnalyzer:
        """Load the spaCy model and the recognizers (seconds: once per process)."""
        offline.enforce()
        with builtin_patterns.trusted():
            from presidio_analyzer import AnalyzerEngine

        from redacta.engine.nlp import create_nlp_engine
        from redacta.engine.recognizers import context_enhancer, ner_model_config
        from redacta.engine.registry import build_registry

        nlp_engine = create_nlp_engine(settings.model, settings.language, ner_model_config())
        analyzer = AnalyzerEngine(
            registry=build_registry(settings, nlp_engine),
            nlp_engine=nlp_engine,
            supported_languages=[settings.language],
            context_aware_enhancer=context_enhancer(),
        )
        return cls(analyzer=analyzer, language=settings.language)

    def results(
        self,
        pieces: Iterable[str],
        options: AnalyzeOptions,
        control: AnalysisControl | None = None,
    ) -> Generator[list[RecognizerResult], None, None]:
        """Presidio's results per piece (offsets into the piece), piped through spaCy.

        `control` is checked between pieces: a cancelled analysis stops at the next one.
        """
        kwargs = options.presidio_kwargs()
        if control is not None:
            pieces = control.checked(pieces)
        stream = self.analyzer.nlp_engine.process_batch(
            pieces, options.language or self.language, batch_size=PIPE_BATCH_SIZE
        )
        for text, artifacts in stream:
            if control is not None:
                control.check()
            results: list[RecognizerResult] = self.analyzer.analyze(
                text=text, nlp_artifacts=artifacts, **kwargs
            )
            yield results
