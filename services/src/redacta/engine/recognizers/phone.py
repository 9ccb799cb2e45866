"""Phone numbers found by phonenumbers' matcher in the user's default regions.

Stock Presidio's PhoneRecognizer asks for regions that include "UK" and "FE", which are not
region codes (the UK is "GB"), and scores every match 0.4. This one takes the regions from
`Settings.phone_regions` (US, GB, IE, CA, AU by default), accepts a number only when
phonenumbers says it is valid, and reports numbers written in international form (+44 ...)
with a higher score than national ones, which could also be account or reference numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "RedactaPhoneRecognizer"
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
INTERNATIONAL_SCORE = 0.75
NATIONAL_SCORE = 0.6
CONTEXT = [
    "phone",
    "telephone",
    "tel",
    "mobile",
    "mob",
    "cell",
    "call",
    "ring",
    "text",
    "whatsapp",
    "number",
    "fax",
    "contact",
    "reach",
    "callback",
    "landline",
]


class RedactaPhoneRecognizer(TextRecognizer):
    """Valid phone numbers in any of the configured regions (international form: any region)."""

    ENTITY = "PHONE_NUMBER"
    NAME = NAME

    def __init__(self, regions: Sequence[str], supported_language: str = "en") -> None:
        self.regions = [r.upper() for r in regions] or ["US"]
        super().__init__(supported_language=supported_language, context=CONTEXT)

    def find(self, text: str) -> list[RecognizerResult]:
        """Each valid number once, even when several regions would parse it."""
        if sum(c.isdigit() for c in text) < 7:  # cheap exit for texts that cannot hold one
            return []
        seen: set[tuple[int, int]] = set()
        found: list[RecognizerResult] = []
        for region in self.regions:
            matcher = phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.VALID
            )
            for match in matcher:
                span = (match.start, match.end)
                if span in seen or IPV4.fullmatch(match.raw_string):
                    continue  # "81.33.206.250" parses as a US number but is an IP address
                seen.add(span)
                international = match.raw_string.lstrip("(").startswith(("+", "00"))
                score = INTERNATIONAL_SCORE if international else NATIONAL_SCORE
                why = (
                    "valid international phone number"
                    if international
                    else f"valid phone number in region {region}"
                )
                found.append(result(NAME, "PHONE_NUMBER", match.start, match.end, score, why))
        return found
