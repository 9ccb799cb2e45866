"""Phone numbers found by phonenumbers' matcher in the user's default regions.

Stock Presidio's PhoneRecognizer asks for regions that include "UK" and "FE", which are not
region codes (the UK is "GB"), and scores every match 0.4. This one takes the regions from
`Settings.phone_regions` (US, GB, IE, CA, AU by default), accepts a number only when
phonenumbers says it is valid, and reports numbers written in international form (+44 ...)
with a higher score than national ones, which could also be account or reference numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, region_code_for_country_code
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "RedactaPhoneRecognizer"
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
DECIMAL = re.compile(r"(?:0|[1-9]\d*)\.\d+")
"""A number with a fraction ("0.12775829", a longitude, "51.50735095"). Not one whose whole
part has a leading zero: that is an area code ("02.87381234", as Italians write it)."""
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


_BACK_REFERENCE = re.compile(r"\\\d")


def _shortest_valid(metadata: PhoneMetadata | None) -> int:
    """The fewest digits a valid national significant number of this region has (1 when
    the metadata does not say)."""
    lengths = metadata.general_desc.possible_length if metadata and metadata.general_desc else ()
    return min(lengths, default=1)


def _digits_added(metadata: PhoneMetadata | None) -> int:
    """How many digits parsing may add to a number of this region: a national-prefix
    transform rule such as San Marino's "0549\\1" puts digits before the local number."""
    rule = metadata.national_prefix_transform_rule if metadata else None
    return sum(c.isdigit() for c in _BACK_REFERENCE.sub("", rule)) if rule else 0


def _country_code_metadata(code: int) -> list[PhoneMetadata | None]:
    """The metadata of every region that shares the country calling code `code`."""
    return [
        PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        for region in COUNTRY_CODE_TO_REGION_CODE[code]
    ]


def fewest_international_digits() -> int:
    """The fewest digits a valid number written with its country code has ("+43 1234"): the
    code, then the shortest valid number of any region with that code, less what the code's
    main region's transform rule may add. Loads every region's metadata (about 0.1 s)."""
    fewest = []
    for code in COUNTRY_CODE_TO_REGION_CODE:
        main = PhoneMetadata.metadata_for_region_or_calling_code(
            code, region_code_for_country_code(code)
        )
        shortest = min(_shortest_valid(m) for m in _country_code_metadata(code))
        fewest.append(len(str(code)) + shortest - _digits_added(main))
    return min(fewest)


INTERNATIONAL_FEWEST = 6
"""`fewest_international_digits()` for the pinned phonenumbers release (a two-digit code and
a four-digit number: Austria, Germany, Iran), written out because loading every region's
metadata would slow start-up; a test checks it against the metadata."""


def fewest_digits(regions: Iterable[str]) -> int:
    """The fewest digits a number written in a text can have and still be a valid number
    when parsed in one of `regions`: national numbers of those regions, and numbers with a
    country code (written with "+", an international prefix or the bare code), which any
    region may be.

    Parsing takes digits away (country code, national prefix, extension), never adds any
    except by a transform rule of the region whose metadata it parses with (the default
    region for a national number, the country code's main region otherwise), and a valid
    number's national significant number has one of the possible lengths of a region with
    its country code.
    """
    fewest = INTERNATIONAL_FEWEST
    for region in regions:
        own = PhoneMetadata.metadata_for_region(region)
        if own is None or own.country_code is None:
            return 0  # an unknown region: nothing can be ruled out
        shortest = min(_shortest_valid(m) for m in _country_code_metadata(own.country_code))
        fewest = min(fewest, shortest - _digits_added(own))
    return max(0, fewest)


class ValidPhoneMatcher(phonenumbers.PhoneNumberMatcher):
    """phonenumbers' matcher that does not parse candidates too short to be valid.

    Most candidates in running text are short digit runs: the parts of an IP address or a
    date, house and order numbers. Parsing one and finding it invalid costs as much as
    parsing a real number, once per region; counting its digits rules it out first. The
    matches are the same: a ruled-out candidate is one `_parse_and_verify` would reject.
    """

    def __init__(self, text: str, region: str, fewest: int) -> None:
        super().__init__(text, region, leniency=phonenumbers.Leniency.VALID)
        self.fewest = fewest

    def _parse_and_verify(
        self, candidate: str, offset: int
    ) -> phonenumbers.PhoneNumberMatch | None:
        # Letters count as digits: parsing reads a vanity number's letters as digits.
        if sum(c.isdigit() or c.isalpha() for c in candidate) < self.fewest:
            return None
        return super()._parse_and_verify(candidate, offset)


def _in_decimal(text: str, start: int, end: int) -> bool:
    """Whether a decimal point joins `text[start:end]` to digits before or after it."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[0].isdigit() and before[1] == ".") or (
        len(after) == 2 and after[0] == "." and after[1].isdigit()
    )


class RedactaPhoneRecognizer(TextRecognizer):
    """Valid phone numbers in any of the configured regions (international form: any region)."""

    ENTITY = "PHONE_NUMBER"
    NAME = NAME

    def __init__(self, regions: Sequence[str], supported_language: str = "en") -> None:
        self.regions = [r.upper() for r in regions] or ["US"]
        super().__init__(supported_language=supported_language, context=CONTEXT)

    @functools.cached_property
    def fewest(self) -> int:
        """`fewest_digits` of the regions, found on the first text that may hold a number
        (it loads the metadata of every region that shares a country code with one of them,
        which start-up need not wait for)."""
        return fewest_digits(self.regions)

    def find(self, text: str) -> list[RecognizerResult]:
        """Each valid number once, even when several regions would parse it."""
        if sum(c.isdigit() for c in text) < 7:  # cheap exit for texts that cannot hold one
            return []
        seen: set[tuple[int, int]] = set()
        found: list[RecognizerResult] = []
        for region in self.regions:
            for match in ValidPhoneMatcher(text, region, self.fewest):
                span = (match.start, match.end)
                if span in seen or IPV4.fullmatch(match.raw_string):
                    continue  # "81.33.206.250" parses as a US number but is an IP address
                if DECIMAL.fullmatch(match.raw_string) or _in_decimal(text, *span):
                    continue  # "0.9434765919", "-0.12775829": a fraction's digits, a float
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
