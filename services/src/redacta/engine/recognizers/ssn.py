"""US Social Security numbers named as such, even when Presidio's validator rejects them.

Presidio's `UsSsnRecognizer` drops numbers it knows as test or advertising values
("078-05-1120", "123-45-6789") and invalid areas (000, 666, 9xx). In a document to be
redacted, a nine-digit number right after "social security number" or "SSN" is the person's
number as far as the reader is concerned, whatever its validity, so it is reported.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "SsnCueRecognizer"

CUE = (
    r"(?i:social[ \t]+security(?:[ \t]+(?:number|no\.?|num\.?|#))?|soc\.?[ \t]*sec\.?"
    r"(?:[ \t]*(?:no\.?|number|#))?|SSN|SS#|SSA[ \t]+number)"
)
SSN_AFTER_CUE = regex.compile(
    rf"\b{CUE}(?:[ \t]*\((?:SSN|US)\))?(?:[ \t]*(?:is|was|:|#|-|=|of))*[ \t]*"
    r"(?<![\d\-])(\d{3}([- .]?)\d{2}\2\d{4})(?![\d\-])",
    regex.VERSION1,
)
SCORE = 0.85


class SsnCueRecognizer(TextRecognizer):
    """SSN-shaped numbers (3-2-4 digits) right after "social security number", "SSN"."""

    ENTITY = "US_SSN"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every SSN-shaped number named as a social security number."""
        return [
            result(
                NAME,
                "US_SSN",
                m.start(1),
                m.end(1),
                SCORE,
                "nine-digit number after 'social security number'/'SSN'",
                "ssn_after_cue",
            )
            for m in SSN_AFTER_CUE.finditer(text, timeout=1.0)
        ]
