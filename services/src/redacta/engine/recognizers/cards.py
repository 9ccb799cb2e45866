"""Credit card numbers, including Mastercard's 2-series (2221-2720) that stock Presidio misses.

Stock Presidio's pattern only knows cards starting with 1, 3, 4, 5 (51-55) and 6; Mastercard
has issued 2221-2720 numbers since 2017. Every match is still Luhn-checked by Presidio's
`CreditCardRecognizer.validate_result`, which is what makes a finding certain.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

NAME = "RedactaCreditCardRecognizer"

MASTERCARD_2_SERIES = Pattern(
    "Mastercard 2-series (weak)",
    r"\b(2(?:2[2-9]\d|[3-6]\d{2}|7[01]\d|720))[- ]?(\d{4})[- ]?(\d{4})[- ]?(\d{4})\b",
    0.3,
)


class RedactaCreditCardRecognizer(CreditCardRecognizer):
    """Presidio's credit card recognizer plus the Mastercard 2-series range."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            patterns=[*CreditCardRecognizer.PATTERNS, MASTERCARD_2_SERIES],
            supported_language=supported_language,
            name=NAME,
        )
