"""Which recognizers run: Presidio's predefined ones plus Redacta's own.

Redacta's detection-quality recognizers live in `redacta.engine.recognizers`, which provides
`redacta_recognizers(settings)` and optionally `replaced_stock_recognizers()` (names of stock
recognizers it supersedes), `ner_model_config()` (spaCy label mapping) and
`context_enhancer()` (replaces Presidio's `LemmaContextAwareEnhancer`). When that package
is not present the engine runs Presidio's predefined recognizers only.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import TYPE_CHECKING, Any

from presidio_analyzer import RecognizerRegistry

from redacta.engine import builtin_patterns

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from presidio_analyzer.nlp_engine import NlpEngine

    from redacta.settings import Settings

RECOGNIZERS_PACKAGE = "redacta.engine.recognizers"


def custom_recognizers_module() -> ModuleType | None:
    """Redacta's recognizer package, or None if it is not part of this build."""
    if importlib.util.find_spec(RECOGNIZERS_PACKAGE) is None:
        return None
    return importlib.import_module(RECOGNIZERS_PACKAGE)


def ner_model_config() -> dict[str, Any] | None:
    """The recognizer package's spaCy label mapping, if it defines one."""
    module = custom_recognizers_module()
    factory = getattr(module, "ner_model_config", None)
    if factory is None:
        return None
    config: dict[str, Any] = factory()
    return config


def context_enhancer() -> ContextAwareEnhancer | None:
    """The recognizer package's context enhancer (None: Presidio's default)."""
    module = custom_recognizers_module()
    factory = getattr(module, "context_enhancer", None)
    if factory is None:
        return None
    enhancer: ContextAwareEnhancer = factory()
    return enhancer


class OrderedRecognizerRegistry(RecognizerRegistry):
    """A registry that hands out recognizers in a fixed order (by name, then as registered).

    Presidio's `get_recognizers` returns `list(set(...))`, whose order changes between
    processes; when two recognizers find the same span with the same score, the first one
    run is the one reported, so the order must not depend on the process.
    """

    def get_recognizers(
        self,
        language: str,
        entities: list[str] | None = None,
        all_fields: bool = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
    ) -> list[EntityRecognizer]:
        """Presidio's selection of recognizers, sorted by name then registration order."""
        found = super().get_recognizers(
            language=language,
            entities=entities,
            all_fields=all_fields,
            ad_hoc_recognizers=ad_hoc_recognizers,
        )
        position = {
            id(r): i for i, r in enumerate([*self.recognizers, *(ad_hoc_recognizers or [])])
        }

        def order(recognizer: EntityRecognizer) -> tuple[str, int]:
            name = str(recognizer.name)  # type: ignore[has-type]
            return (name, position.get(id(recognizer), len(position)))

        return sorted(found, key=order)


def build_registry(settings: Settings, nlp_engine: NlpEngine) -> RecognizerRegistry:
    """Predefined recognizers for the configured language, minus replaced, plus Redacta's."""
    language = settings.language
    registry = OrderedRecognizerRegistry(supported_languages=[language])
    with builtin_patterns.trusted():
        registry.load_predefined_recognizers(languages=[language], nlp_engine=nlp_engine)
        module = custom_recognizers_module()
        if module is not None:
            replaced = getattr(module, "replaced_stock_recognizers", None)
            for name in sorted(replaced() if replaced else ()):
                registry.remove_recognizer(name)
            for recognizer in module.redacta_recognizers(settings):
                registry.add_recognizer(recognizer)
    return registry
