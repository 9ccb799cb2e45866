"""Errors the engine raises for requests it cannot serve; routes turn them into 4xx."""

from __future__ import annotations


class InvalidRequestError(ValueError):
    """The caller asked for something invalid (empty text, unknown language, bad regex...).

    The message says what to fix and never contains the analyzed text.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ModelNotFoundError(RuntimeError):
    """The configured spaCy model is neither an installed package nor a directory."""
