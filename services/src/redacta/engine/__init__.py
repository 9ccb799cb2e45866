"""The detection engine: one Presidio analyzer + anonymizer, built once per process.

Public API (used by the HTTP routes, the CLI and the document jobs; names are stable):

- `Engine.create(settings, *, pool=None) -> Engine`: load the spaCy model (offline, never
  downloads) and the recognizers. Slow; call once. `pool` (`engine.pool.AnalysisPool`): worker
  processes for large calls, built and closed by the caller (the server's lifespan).
- `AnalyzeOptions(language=None, entities=None, score_threshold=None,
  return_decision_process=False, ad_hoc_recognizers=None, context=None, allow_list=None,
  allow_list_match="exact", regex_flags=None)`: the one options object of an analysis;
  None takes the default from `Settings` (`language`, `entities`, `score_threshold`).
- `Engine.analyze(text, options=None, *, control=None) -> list[RecognizerResult]`: any length
  (long texts are chunked, offsets are into `text`), results sorted by position.
- `Engine.analyze_batch(texts, options=None, *, control=None) -> list[list[RecognizerResult]]`:
  many texts through one `nlp.pipe` stream. `Engine.resolve(options)` validates options and
  fills in the defaults.
- `Engine.supported_entities(language=None) -> list[str]`, `Engine.recognizers(language=None)
  -> list[EntityRecognizer]`, `Engine.languages`.
- `Engine.analyzer` (Presidio `AnalyzerEngine`), `Engine.anonymizer` (`AnonymizerEngine`),
  `Engine.deanonymizer` (`DeanonymizeEngine`), `Engine.close()` (stops the pool's worker processes).
- `explanation_of(result) -> str`: why a result was found, in words (never the value).
- `InvalidRequestError`: bad input (empty text, unknown language, bad regex_flags, bad
  ad-hoc recognizer...); its message says what to fix. Routes answer it with a 4xx.
- `pattern_recognizers_from_dicts(list_of_dicts)`: Presidio's ad-hoc recognizer JSON to
  recognizers, raising `InvalidRequestError`.
"""

from redacta.engine.adhoc import pattern_recognizers_from_dicts
from redacta.engine.core import Engine, explanation_of
from redacta.engine.errors import InvalidRequestError, ModelNotFoundError
from redacta.engine.options import AnalyzeOptions

__all__ = [
    "AnalyzeOptions",
    "Engine",
    "InvalidRequestError",
    "ModelNotFoundError",
    "explanation_of",
    "pattern_recognizers_from_dicts",
]
