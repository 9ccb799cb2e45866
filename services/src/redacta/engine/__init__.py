"""The detection engine: one Presidio analyzer + anonymizer, built once per process."""

from redacta.engine.core import Engine

__all__ = ["Engine"]
