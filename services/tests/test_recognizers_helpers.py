"""Helpers for the recognizer tests (no tests here): one real engine per module, findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redacta.engine import Engine


def make_engine() -> Engine:
    """Redacta's engine as the app builds it (default settings), without worker processes."""
    from redacta.engine import Engine
    from redacta.settings import Settings

    return Engine.create(Settings())


def findings(engine: Engine, text: str) -> set[tuple[str, str]]:
    """(entity type, exact text) of every finding at the default threshold."""
    return {(r.entity_type, text[r.start : r.end]) for r in engine.analyze(text)}


def types_over(engine: Engine, text: str, value: str) -> set[str]:
    """Entity types of the findings that overlap `value` (its first occurrence in `text`)."""
    start = text.index(value)
    end = start + len(value)
    return {r.entity_type for r in engine.analyze(text) if r.start < end and start < r.end}
