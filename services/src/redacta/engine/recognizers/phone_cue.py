"""Phone numbers that a cue word announces, in formats phonenumbers does not validate.

`RedactaPhoneRecognizer` accepts only numbers that are valid in the configured regions (or
written internationally). Real text has local numbers of other countries ("0171 2345678",
"06-12345678", "(02) 9876 5432"), short local numbers and made-up-looking ones; when the
words right before say it is a phone number ("Phone:", "Tel.", "mobile", "fax", "call me
on", "office"), a run of 6 to 15 digits written like a phone number is reported. Amounts,
dates, order and reference numbers do not follow such cues, and the pattern refuses
decimals and dates.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "PhoneCueRecognizer"

STRONG_CUE = (
    r"(?:tele?phone|phone|ph|tel|t[ée]l[ée]?fono?|telefon|tlf|mob(?:ile|il)?|cell(?:ular)?|"
    r"cellphone|handy|fax|landline|whats[ \t]?app|direct[ \t]+(?:line|dial)|switchboard|"
    r"hotline|helpline|contact[ \t]+(?:number|no\.?|phone)|call[ \t]+(?:me|us|him|her|them)"
    r"(?:[ \t]+(?:on|at))?|ring[ \t]+(?:me|us|him|her|them)(?:[ \t]+on)?|"
    r"text[ \t]+(?:me|us|him|her|them)(?:[ \t]+(?:on|at))?|reach[ \t]+(?:me|us)[ \t]+(?:on|at))"
)
"""Words after which a digit run is a phone number."""
WEAK_CUE = r"(?:office|home|work|desk|reception|call|ring|text|dial|contact)"
"""Words that announce a phone number only before a long (7+ digit) one."""
LETTER_LABEL = r"(?:^|(?<=[\s|,;(]))[TMFPtmfp][ \t]*[:.]"
"""One-letter labels of signatures and letterheads: "T: ", "M: ", "F: ", "P: "."""
QUALIFIER = r"(?:[ \t]*(?:\((?:[\p{L} ]{1,12})\)|no\.?|number|nr\.?|#|n[°º]))*"
JOIN = r"[ \t]*(?:is|was|:|-|\u2013|=|at|on)?[ \t]*(?:is|:|-)?[ \t]*"
NUMBER = (
    r"(?<![\w+\-/.])(?P<number>(?:\+|00)?\(?\d[\d \t().\-/]{3,22}\d)"
    r"(?![\w.\-/]*\d)(?!\.\d)"
)
CUED_NUMBER = regex.compile(
    rf"(?:\b(?i:(?P<strong>{STRONG_CUE})|(?P<weak>{WEAK_CUE}))\b\.?|(?P<letter>{LETTER_LABEL}))"
    rf"{QUALIFIER}{JOIN}{NUMBER}",
    regex.VERSION1 | regex.MULTILINE,
)
DECIMAL = regex.compile(r"\d+(?:[ ,.]\d{3})*[.,]\d{1,2}")
DATE_LIKE = regex.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")
SCORE = 0.6


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


class PhoneCueRecognizer(TextRecognizer):
    """Digit runs written like phone numbers right after a phone cue word."""

    ENTITY = "PHONE_NUMBER"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every cued phone-shaped number that is not an amount or a date."""
        found: list[RecognizerResult] = []
        for m in CUED_NUMBER.finditer(text, timeout=1.0):
            number = m.group("number").rstrip(" \t(-/.")
            start = m.start("number")
            end = start + len(number)
            if number.count("(") != number.count(")"):
                if number.startswith("("):
                    continue
                number = number[: number.find("(")].rstrip(" \t")
                end = start + len(number)
            digits = _digits(number)
            needed = 7 if m.group("weak") else 6
            if not needed <= digits <= 15:
                continue
            if DECIMAL.fullmatch(number) or DATE_LIKE.fullmatch(number):
                continue
            why = "phone-shaped number after a phone cue word"
            found.append(result(NAME, "PHONE_NUMBER", start, end, SCORE, why, "cued_phone"))
        return found
