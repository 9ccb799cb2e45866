"""The registry holds Presidio's predefined recognizers for the served language only (no
start-up warnings about other languages), minus those Redacta replaces, plus Redacta's."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer

from redacta.engine.recognizers import redacta_recognizers, replaced_stock_recognizers
from redacta.engine.registry import build_registry
from redacta.settings import Settings

UNSERVED = "language is not supported by registry"


def _names(recognizers: list[Any]) -> list[str]:
    return sorted(str(r.name) for r in recognizers)


def test_registry_builds_without_warnings_about_other_languages(
    redacta_engine: Any, caplog: pytest.LogCaptureFixture
) -> None:
    nlp_engine = redacta_engine.analyzer.nlp_engine
    settings = Settings()
    with caplog.at_level(logging.WARNING):
        registry = build_registry(settings, nlp_engine)
    assert not [r for r in caplog.records if UNSERVED in r.getMessage()]

    # The same recognizers as Presidio's own loader for English (which does warn).
    stock = RecognizerRegistry(supported_languages=[settings.language])
    with caplog.at_level(logging.WARNING):
        stock.load_predefined_recognizers(languages=[settings.language], nlp_engine=nlp_engine)
    assert [r for r in caplog.records if UNSERVED in r.getMessage()], "stock no longer warns"
    kept = [r for r in stock.recognizers if r.name not in replaced_stock_recognizers()]
    # Plus the UK NINO recognizer, which Presidio's configuration ships disabled although
    # UK_NINO is enabled by default in Settings.
    enabled = [*kept, UkNinoRecognizer(), *redacta_recognizers(settings)]
    assert _names(registry.recognizers) == _names(enabled)
    assert {r.supported_language for r in registry.recognizers} == {settings.language}


def test_server_start_logs_no_warnings_about_other_languages(server: Any) -> None:
    lines = server.log_lines()
    assert any("loading model" in line for line in lines), "the start-up log was not read"
    assert not [line for line in lines if UNSERVED in line]


def test_every_entity_enabled_by_default_has_a_recognizer(redacta_engine: Any) -> None:
    """An entity ticked in Settings by default that no recognizer finds is a silent miss."""
    from redacta.settings import DEFAULT_ENTITIES

    registry = build_registry(Settings(), redacta_engine.analyzer.nlp_engine)
    supported = {entity for r in registry.recognizers for entity in r.supported_entities}
    assert set(DEFAULT_ENTITIES) - supported == set()
