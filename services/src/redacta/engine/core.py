"""The engine: one Presidio analyzer + anonymizer on Redacta's settings, loaded once.

Every text goes through `chunking.plan`: a short text is analyzed whole (exactly like stock
Presidio), a long one in ~2 KB windows whose results are shifted back to full-text offsets
and merged. All windows of a call flow through one `nlp.pipe` stream (Presidio's
`process_batch`), so batches are piped and no more than one pipe batch of spaCy Docs is alive
at a time. Large calls are spread over a pool of worker processes (see `pool.py`).
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redacta import offline
from redacta.engine import builtin_patterns, chunking
from redacta.engine.errors import InvalidRequestError, ModelNotFoundError
from redacta.engine.options import AnalyzeOptions, validated

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
    from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

    from redacta.engine.control import AnalysisControl
    from redacta.engine.pool import AnalysisPool
    from redacta.settings import Settings

__all__ = ["Engine", "ModelNotFoundError"]

PIPE_BATCH_SIZE = 4
"""spaCy `nlp.pipe` batch size: Docs alive at once per process, and how often a cancelled
analysis notices (4 windows take about 0.2 s of one core). Larger batches use no less CPU
with the CPU pipelines (measured: the same CPU time for batches of 1 to 32 windows)."""

POOL_MIN_CHARS = 200_000
"""Calls with at least this many characters start the worker processes (start-up costs
seconds: below this, one process is faster)."""

WARM_POOL_MIN_CHARS = 30_000
"""Once the workers run, calls with at least this many characters use them too."""


def default_workers() -> int:
    """Worker processes for large calls: one per core, none on a single core."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


def _sort_key(result: RecognizerResult) -> tuple[int, int, str]:
    return (result.start, result.end, str(result.entity_type))


@dataclass
class Engine:
    """Presidio's analyzer and anonymizer on Redacta's settings; load with `Engine.create`."""

    settings: Settings
    analyzer: AnalyzerEngine
    anonymizer: AnonymizerEngine
    deanonymizer: DeanonymizeEngine
    workers: int = 0
    chunk_chars: int = chunking.TARGET_CHARS
    _pool: AnalysisPool | None = field(default=None, repr=False)
    _supported: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, settings: Settings, *, workers: int | None = None) -> Engine:
        """Load the spaCy model and the recognizers. Slow (seconds): call once at start-up.

        `workers` is the number of processes used for large calls (default: one per core;
        0 keeps all work in this process).
        """
        offline.enforce()
        with builtin_patterns.trusted():
            from presidio_analyzer import AnalyzerEngine
        from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

        from redacta.engine.nlp import create_nlp_engine
        from redacta.engine.registry import build_registry, context_enhancer, ner_model_config

        nlp_engine = create_nlp_engine(settings.model, settings.language, ner_model_config())
        analyzer = AnalyzerEngine(
            registry=build_registry(settings, nlp_engine),
            nlp_engine=nlp_engine,
            supported_languages=[settings.language],
            context_aware_enhancer=context_enhancer(),
        )
        anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
        offline.remove_network_operators(anonymizer)
        return cls(
            settings=settings,
            analyzer=analyzer,
            anonymizer=anonymizer,
            deanonymizer=DeanonymizeEngine(),  # type: ignore[no-untyped-call]
            workers=default_workers() if workers is None else workers,
        )

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
        if self._use_pool(total):
            piece_results = self._get_pool().imap(pieces, options, total, control)
        else:
            piece_results = self.iter_piece_results(pieces, options, control)

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

    def iter_piece_results(
        self,
        pieces: Iterable[str],
        options: AnalyzeOptions,
        control: AnalysisControl | None = None,
    ) -> Generator[list[RecognizerResult], None, None]:
        """Presidio's results per piece (offsets into the piece), piped through spaCy."""
        kwargs = options.presidio_kwargs()
        if control is not None:
            pieces = control.checked(pieces)
        stream = self.analyzer.nlp_engine.process_batch(
            pieces, options.language or self.settings.language, batch_size=PIPE_BATCH_SIZE
        )
        for text, artifacts in stream:
            if control is not None:
                control.check()
            results: list[RecognizerResult] = self.analyzer.analyze(
                text=text, nlp_artifacts=artifacts, **kwargs
            )
            yield results

    # -- worker processes ------------------------------------------------------------------

    def _use_pool(self, chars: int) -> bool:
        if self.workers <= 0:
            return False
        warm = self._pool is not None and self._pool.running
        return chars >= (WARM_POOL_MIN_CHARS if warm else POOL_MIN_CHARS)

    def _get_pool(self) -> AnalysisPool:
        if self._pool is None:
            from redacta.engine.pool import AnalysisPool

            self._pool = AnalysisPool(self.settings, self.workers)
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started. The engine stays usable."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
