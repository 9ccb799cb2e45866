"""IBANs of every country that issues them, compact or grouped, in capitals or lower case, and
with their groups wrapped onto the next line as PDF text layers and narrow columns print them
("IBAN GB29" at a line's end, "NWBK 6016 1331 9268 19" on the next).

Stock Presidio's recognizer only lets a space or a hyphen separate groups of four, reads
capitals only and knows the formats of 76 countries; the IBAN registry has more (Russia,
Oman, Sudan, El Salvador, ...) and some twenty more countries (Iran, Morocco, the West and
Central African banking zones, ...) write their account numbers as IBANs too.

Here the groups may have any length, joined by a space, a hyphen or one line break (with the
spaces around it), and the ISO 7064 mod-97 check digits decide together with the country: in
a country's registered format (Presidio's table plus `REGISTRY_ADDITIONS`), or with the
length of a country that uses IBANs outside the registry (`IBAN_LENGTHS_OUTSIDE_REGISTRY`),
the code is an IBAN whatever its case. A code whose check digits hold but which is shorter
than its country's IBANs is none: a real IBAN always has its country's length.

A run that goes on with more letters or digits after the IBAN ("... 9268 19 and") is cut back
to the longest prefix of its groups that is one.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

from redacta.engine.pattern_cache import compile_cached
from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "RedactaIbanRecognizer"

_GAP = r"(?:[ \-]|[ \t]*\r?\n[ \t]*)"
"""What may stand between two groups: a space, a hyphen or one line break."""

CANDIDATE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<code>[A-Za-z]{{2}}\d{{2}}[A-Za-z0-9]*+(?:{_GAP}[A-Za-z0-9]++){{0,11}})",
    regex.VERSION1,
)
"""Two letters, two digits, then letters and digits in groups."""
_GROUP_GAP = regex.compile(_GAP)

REGISTRY_ADDITIONS: dict[str, str] = {
    "BI": r"BI\d{25}",
    "DJ": r"DJ\d{25}",
    "FK": r"FK\d{2}[A-Z]{2}\d{12}",
    "HN": r"HN\d{2}[A-Z]{4}\d{20}",
    "MN": r"MN\d{18}",
    "NI": r"NI\d{2}[A-Z]{4}\d{20}",
    "OM": r"OM\d{5}[A-Z0-9]{16}",
    "RU": r"RU\d{16}[A-Z0-9]{15}",
    "SD": r"SD\d{16}",
    "SO": r"SO\d{21}",
    "ST": r"ST\d{23}",
    "SV": r"SV\d{2}[A-Z]{4}\d{20}",
    "YE": r"YE\d{2}[A-Z]{4}\d{4}[A-Z0-9]{18}",
}
"""Countries of the IBAN registry that Presidio's format table does not have yet."""

IBAN_LENGTHS_OUTSIDE_REGISTRY: dict[str, int] = {
    "AO": 25, "BF": 28, "BJ": 28, "CF": 27, "CG": 27, "CI": 28, "CM": 27, "CV": 25, "DZ": 26,
    "GA": 27, "GQ": 27, "GW": 25, "IR": 26, "KM": 27, "MA": 28, "MG": 27, "ML": 28, "MZ": 25,
    "NE": 28, "SN": 28, "TD": 27, "TG": 28,
}  # fmt: skip
"""Countries that use IBANs without being in the registry, with their IBANs' length."""

FORMATS: dict[str, regex.Pattern[str]] = {
    country: compile_cached(pattern)
    for country, pattern in {**regex_per_country, **REGISTRY_ADDITIONS}.items()
}
MIN_LENGTH = 15  # Norway's
MAX_LENGTH = 34  # ISO 13616's maximum
SCORE = 1.0


def check_digits_valid(code: str) -> bool:
    """ISO 7064 mod 97-10 over the code with its first four characters moved to the end."""
    moved = code[4:] + code[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _country_format(code: str) -> bool:
    """Whether an upper-case compact code has its country's registered format (its start, as
    stock Presidio checks it: a code with valid check digits over more characters than the
    format stays an IBAN) or its country's length outside the registry."""
    country = code[:2]
    pattern = FORMATS.get(country)
    if pattern is not None:
        return pattern.match(code) is not None
    return IBAN_LENGTHS_OUTSIDE_REGISTRY.get(country) == len(code)


def classify(written: str) -> float:
    """The score of `written` (groups and separators as found) as an IBAN, 0 when it is none."""
    compact = "".join(_GROUP_GAP.split(written))
    code = compact.upper()
    if not MIN_LENGTH <= len(code) <= MAX_LENGTH or not code.isalnum() or not code.isascii():
        return 0.0
    if not check_digits_valid(code):
        return 0.0
    return SCORE if _country_format(code) else 0.0


class RedactaIbanRecognizer(TextRecognizer):
    """IBAN_CODE: mod-97 check digits and the country's format, groups split any way."""

    ENTITY = "IBAN_CODE"
    NAME = NAME

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, context=["iban", "bank"])

    def find(self, text: str) -> list[RecognizerResult]:
        """Every IBAN in `text`, each as its longest valid prefix of groups; when none starts
        at a candidate's first group ("Ref AB12 GB29 NWBK ..."), the search goes on from its
        second group."""
        found: list[RecognizerResult] = []
        position = 0
        while (m := CANDIDATE.search(text, position, timeout=1.0)) is not None:
            code, start = m.group("code"), m.start("code")
            gaps = list(_GROUP_GAP.finditer(code))
            score, end = 0.0, 0
            for end in reversed([g.start() for g in gaps] + [len(code)]):
                score = classify(code[:end])
                if score:
                    break
            if not score:
                position = start + (gaps[0].end() if gaps else len(code))
                continue
            why = "IBAN with valid check digits in its country's format"
            found.append(result(NAME, "IBAN_CODE", start, start + end, score, why, "iban"))
            position = start + end
        return found
