"""UK NHS numbers: Presidio's recognizer (ten digits, 3-3-4, mod-11 check digit), except a
digit run glued to a decimal fraction.

One ten-digit number in eleven passes the check, so a Unix timestamp with its fraction
(`"ts": "1795770120.000300"` in a Slack or JSON export) or the digits after a decimal point
("0.9434765919") would be reported as an NHS number. Digits joined to other digits by a decimal
point are one number with a fraction; an NHS number is never written so.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import NhsRecognizer

NAME = "RedactaNhsRecognizer"

NOT_IN_DECIMAL = r"(?<!\d\.)(?:{number})(?!\.\d)"
"""Presidio's number pattern, refused where a decimal point joins it to more digits."""


class RedactaNhsRecognizer(NhsRecognizer):
    """Presidio's NHS number recognizer, minus numbers that are part of a decimal number."""

    PATTERNS = [  # noqa: RUF012 - Presidio's class attribute, read by its __init__
        Pattern(stock.name, NOT_IN_DECIMAL.format(number=stock.regex), stock.score)
        for stock in NhsRecognizer.PATTERNS
    ]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name=NAME)
