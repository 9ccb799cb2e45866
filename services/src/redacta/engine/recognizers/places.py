"""Place names after words that say "this is a place", which the small NER model misses.

"lives in Ennis", "moved to Geelong", "flight to Tralee", "based in Leeds", "born in Cork",
"our Sheffield office": one to three capitalised words after such a cue are a LOCATION unless
they are a month, weekday, common word or product. spaCy's own GPE/LOC findings stay as they
are; this only adds what it did not see.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.dates import MONTH, WEEKDAY
from redacta.engine.recognizers.vocabulary import is_common_word, is_product

NAME = "LocationCueRecognizer"

PLACE = (
    r"(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{3,}(?![\p{Ll}]))"
    r"(?: (?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{3,}(?![\p{Ll}])|upon|the|de|del|la|le|"
    r"sur)){0,2}"
)
"""One to three capitalised (or ALL-CAPS) words in any cased script: "Ennis", "София",
"Castellón de la Plana", "TARRAGONA"."""
CUE = (
    r"(?:(?:live|lives|lived|living|based|born|raised|located|staying|stays|stayed|resides|"
    r"residing|grew up)\s+in|(?:moved|moving|move|relocated|relocating|flight|flights|flying|"
    r"fly|flew|travel(?:l?ed|l?ing)?|trip|driving|drove|commute|commutes)\s+to|"
    r"(?:meet|see)\s+(?:you|us|them)\s+in|"
    r"(?:parish|town|city|village|municipality|county|district|province|region)\s+of|"
    r"(?:arriv(?:e|es|ed|ing)|moving|moved|relocat(?:e|ed|ing)|"
    r"travel(?:l?ed|l?ing)?|fl(?:y|ying|ew)|driv(?:e|ing)|drove|commut(?:e|es|ing)|"
    r"return(?:s|ed|ing)?|walk|ride|minutes|hours|km|miles)\s+from|"
    r"towards|heading\s+(?:to|for)|bound\s+for|(?:outskirts|centre|center|suburbs?)\s+of)"
)
AFTER_CUE = regex.compile(rf"\b(?i:{CUE})\s+({PLACE})(?![\p{{L}}\d])", regex.VERSION1)
BRANCH = regex.compile(
    rf"\b(?i:our|the|your)\s+({PLACE})\s+(?:branch|office|store|site|depot|campus|clinic)\b",
    regex.VERSION1,
)
NOT_PLACE = regex.compile(rf"(?:{MONTH}|{WEEKDAY})(?:\s.*)?", regex.VERSION1)
SCORE = 0.6


class LocationCueRecognizer(TextRecognizer):
    """Towns and countries named after "lives in", "moved to", "flight to", "our X office"."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every cued place name."""
        found: list[RecognizerResult] = []
        for pattern, why in (
            (AFTER_CUE, "place after 'lives in', 'moved to'..."),
            (BRANCH, "place naming a branch or office"),
        ):
            for m in pattern.finditer(text, timeout=1.0):
                name = m.group(1)
                if (
                    NOT_PLACE.fullmatch(name)
                    or is_common_word(name)
                    or is_product(name, text[m.end(1) : m.end(1) + 12])
                ):
                    continue
                found.append(result(NAME, "LOCATION", m.start(1), m.end(1), SCORE, why))
        return found
