"""Which recognizers run: Presidio's predefined ones for the served language, minus those
Redacta's own (`redacta.engine.recognizers`) replace, plus Redacta's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer
from presidio_analyzer.recognizer_registry.recognizers_loader_utils import (
    RecognizerConfigurationLoader,
    RecognizerListLoader,
)

from redacta.engine import builtin_patterns
from redacta.engine.recognizers import redacta_recognizers, replaced_stock_recognizers

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpEngine

    from redacta.settings import Settings


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


def _for_language(recognizer_conf: dict[str, Any] | str, language: str) -> Any:
    """A predefined recognizer's configuration narrowed to `language`, or None when it does
    not serve it (no languages listed: it is built for the registry's languages anyway)."""
    if isinstance(recognizer_conf, str) or not recognizer_conf.get("supported_languages"):
        return recognizer_conf
    served = [
        entry
        for entry in recognizer_conf["supported_languages"]
        if (entry if isinstance(entry, str) else entry.get("language")) == language
    ]
    return {**recognizer_conf, "supported_languages": served} if served else None


def _load_predefined(registry: RecognizerRegistry, language: str, nlp_engine: NlpEngine) -> None:
    """Presidio's predefined recognizers for `language` only, and its NLP recognizer.

    Presidio's `load_predefined_recognizers` builds one for every language in its
    configuration and logs a warning for each it then drops (eleven for English); building
    only the served language's keeps the start-up log to what matters.
    """
    configuration = RecognizerConfigurationLoader.get(
        registry_configuration={
            "supported_languages": [language],
            "global_regex_flags": registry.global_regex_flags,
        }
    )
    narrowed = (_for_language(conf, language) for conf in configuration["recognizers"])
    configuration["recognizers"] = [conf for conf in narrowed if conf is not None]
    for recognizer in RecognizerListLoader.get(**configuration):
        registry.add_recognizer(recognizer)
    # Presidio ships this one disabled in its configuration, yet UK_NINO is one of the
    # entities Settings enables by default: without it that entity would find nothing.
    registry.add_recognizer(UkNinoRecognizer(supported_language=language))
    registry.add_nlp_recognizer(nlp_engine=nlp_engine)


def build_registry(settings: Settings, nlp_engine: NlpEngine) -> RecognizerRegistry:
    """Predefined recognizers for the configured language, minus replaced, plus Redacta's."""
    language = settings.language
    registry = OrderedRecognizerRegistry(supported_languages=[language])
    with builtin_patterns.trusted():
        _load_predefined(registry, language, nlp_engine)
        for name in sorted(replaced_stock_recognizers()):
            registry.remove_recognizer(name)
        for recognizer in redacta_recognizers(settings):
            registry.add_recognizer(recognizer)
    return registry
