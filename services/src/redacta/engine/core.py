"""The engine: one Presidio analyzer + anonymizer on Redacta's settings, loaded once.

Every text goes through `chunking.plan`: a short text is analyzed whole (exactly like stock
Presidio), a long one in ~2 KB windows whose results are shifted back to full-text offsets
and merged. All windows of a call flow through one `nlp.pipe` stream (Presidio's
`process_batch`), so batches are piped and no more than one pipe batch of spaCy Docs is alive
at a time. The pieces are analyzed by a `PieceAnalyzer` here, or, for large calls when a
pool is given, by the same unit in worker processes (`pool.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redacta import offline
from redacta.engine import chunking
from redacta.engine.errors import InvalidRequestError, ModelNotFoundError
from redacta.engine.options import AnalyzeOptions, validated
from redacta.engine.pieces import PieceAnalyzer

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
    from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

    from redacta.engine.control import AnalysisControl
    from redacta.engine.pool import AnalysisPool
    from redacta.settings import Settings

__all__ = ["Engine", "ModelNotFoundError"]

POOL_MIN_CHARS = 200_000
"""Calls with at least this many characters start the worker processes (start-up costs
seconds: below this, one process is faster)."""

WARM_POOL_MIN_CHARS = 30_000
"""Once the workers run, calls with at least this many characters use them too."""


def explanation_of(result: RecognizerResult) -> str:
    """Why `result` was found, in words (the recognizer's own explanation and any context
    boost), for the analyze answer and the review's findings alike; never the value."""
    expl = result.analysis_explanation
    parts: list[str] = []
    if expl is not None:
        if expl.textual_explanation:
            parts.append(str(expl.textual_explanation))
        if expl.score_context_improvement:
            parts.append(
                f"score raised by {expl.score_context_improvement:.2f} by context words nearby"
            )
    return "; ".join(parts) or f"Detected as {result.entity_type}"


def _sort_key(result: RecognizerResult) -> tuple[int, int, str]:
    return (result.start, result.end, str(result.entity_type))


@dataclass
class Engine:
    """Presidio's analyzer and anonymizer on Redacta's settings; load with `Engine.create`.

    `pool`: worker processes for large calls, owned (started and closed) by whoever passes
    it in; without one every call runs in this process.
    """

    settings: Settings
    pieces: PieceAnalyzer
    anonymizer: AnonymizerEngine
    deanonymizer: DeanonymizeEngine
    pool: AnalysisPool | None = field(default=None, repr=False)
    chunk_chars: int = chunking.TARGET_CHARS
    _supported: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, settings: Settings, *, pool: AnalysisPool | None = None) -> Engine:
        """Load the spaCy model and the recognizers. Slow (seconds): call once at start-up."""
        from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

        pieces = PieceAnalyzer.load(settings)
        anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
        offline.remove_network_operators(anonymizer)
        return cls(
            settings=settings,
            pieces=pieces,
            anonymizer=anonymizer,
            deanonymizer=DeanonymizeEngine(),  # type: ignore[no-untyped-call]
            pool=pool,
        )

    @property
    def analyzer(self) -> AnalyzerEngine:
        """Presidio's analyzer (registry, NLP engine) the pieces run through."""
        return self.pieces.analyzer

    # -- queries ---------------------------------------------------------------------------

    @property
    def languages(self) -> list[str]:
        """Languages this engine has a model for."""
        return list(self.analyzer.supported_languages)

    def _language(self, language: str | None) -> str:
        language = language or self.settings.language
        if language not in self.analyzer.supported_languages:
            raise InvalidRequestError(
                f"language {language!r} is not supported; use one of {self.languages}."
            )
        return language

    def supported_entities(self, language: str | None = None) -> list[str]:
        """Entity types the loaded recognizers can detect (sorted)."""
        language = self._language(language)
        if language not in self._supported:
            self._supported[language] = frozenset(self.analyzer.get_supported_entities(language))
        return sorted(self._supported[language])

    def recognizers(self, language: str | None = None) -> list[EntityRecognizer]:
        """The loaded recognizers for `language` (sorted by name, as the registry runs them)."""
        recognizers: list[EntityRecognizer] = self.analyzer.registry.get_recognizers(
            language=self._language(language), all_fields=True
        )
        return recognizers

    # -- analysis --------------------------------------------------------------------------

    def analyze(
        self,
        text: str,
        options: AnalyzeOptions | None = None,
        *,
        control: AnalysisControl | None = None,
    ) -> list[RecognizerResult]:
        """Find PII in one text of any length; results sorted by position.

        `options` defaults come from `Settings` (see `resolve`); unsupported entity names are
        ignored (as Presidio does). Raises `InvalidRequestError` for an empty text or an
        invalid option. `control` gets progress reports between chunks; once it is cancelled
        the call raises `AnalysisCancelledError` at the next chunk (worker processes stop too).
        """
        if not isinstance(text, str):
            raise InvalidRequestError("text must be a string.")
        if not text.strip():
            raise InvalidRequestError("text is empty: send the text to analyze.")
        return self.analyze_batch([text], options, control=control)[0]

    def analyze_batch(
        self,
        texts: Sequence[str],
        options: AnalyzeOptions | None = None,
        *,
        control: AnalysisControl | None = None,
    ) -> list[list[RecognizerResult]]:
        """Analyze many texts in one `nlp.pipe` stream; one result list per text.

        Empty texts get an empty list. Same options as `analyze`.
        """
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise InvalidRequestError("texts must be a list of strings.")
        if not texts:
            raise InvalidRequestError("the list of texts is empty: send at least one text.")
        resolved = self.resolve(options)
        if not resolved.entities:
            return [[] for _ in texts]
        return self._run(texts, resolved, control)

    def resolve(self, options: AnalyzeOptions | None = None) -> AnalyzeOptions:
        """`options` validated, with the defaults taken from the settings."""
        options = options or AnalyzeOptions()
        language = self._language(options.language)
        entities = options.entities
        if entities is not None and (
            isinstance(entities, str) or not all(isinstance(e, str) for e in entities)
        ):
            raise InvalidRequestError("entities must be a list of entity type names.")
        recognizers = options.ad_hoc_recognizers or ()
        ad_hoc_entities = [e for r in recognizers for e in getattr(r, "supported_entities", ())]
        # No entities asked for: the enabled ones plus whatever this call's ad-hoc recognizers
        # find (as Presidio's REST service does); otherwise exactly the ones asked for.
        requested = list(entities) if entities else [*self.settings.entities, *ad_hoc_entities]
        supported = set(self.supported_entities(language)) | set(ad_hoc_entities)
        return validated(
            options,
            language=language,
            entities=tuple(dict.fromkeys(e for e in requested if e in supported)),
            score_threshold=self.settings.score_threshold,
        )

    def _run(
        self,
        texts: Sequence[str],
        options: AnalyzeOptions,
        control: AnalysisControl | None = None,
    ) -> list[list[RecognizerResult]]:
        from presidio_analyzer import EntityRecognizer

        plans = [list(chunking.plan(text, self.chunk_chars)) if text else [] for text in texts]
        jobs = [(i, chunk) for i, plan in enumerate(plans) for chunk in plan]
        pieces = (texts[i][chunk.start : chunk.end] for i, chunk in jobs)
        total = sum(len(text) for text in texts)
        if self.pool is not None and self._use_pool(self.pool, total):
            piece_results = self.pool.imap(pieces, options, total, control)
        else:
            piece_results = self.pieces.results(pieces, options, control)

        out: list[list[RecognizerResult]] = [[] for _ in texts]
        done = 0
        with closing(piece_results):  # on cancel: stop the pipe / the workers right away
            for (i, chunk), results in zip(jobs, piece_results, strict=True):
                for result in results:
                    result.start += chunk.start
                    result.end += chunk.start
                    if chunk.owns(result.start):
                        out[i].append(result)
                if control is not None:
                    done += chunk.own_end - chunk.own_start
                    control.report(done, total)
        for i, plan in enumerate(plans):
            if len(plan) > 1:  # results of neighbouring windows may overlap
                out[i] = EntityRecognizer.remove_duplicates(out[i])
            out[i].sort(key=_sort_key)
        return out

    # -- worker processes ------------------------------------------------------------------

    @staticmethod
    def _use_pool(pool: AnalysisPool, chars: int) -> bool:
        return chars >= (WARM_POOL_MIN_CHARS if pool.running else POOL_MIN_CHARS)

    def close(self) -> None:
        """Stop the pool's worker processes, if any run. The engine stays usable."""
        if self.pool is not None:
            self.pool.close()
