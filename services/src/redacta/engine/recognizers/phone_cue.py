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
    r"text[ \t]+(?:me|us|him|her|them)(?:[ \t]+(?:on|at))?|"
    r"(?:reach|contact)[ \t]+(?:me|us|him|her|them)[ \t]+(?:on|at)|"
    r"(?:be[ \t]+)?reached[ \t]+(?:on|at)|call(?:ed|ing)[ \t]+from|"
    r"(?:sms|text|code)[ \t]+sent[ \t]+to)"
)
"""Words after which a digit run is a phone number."""
WEAK_CUE = r"(?:office|home|work|desk|reception|call|ring|text|dial|contact)"
"""Words that announce a phone number only before a long (7+ digit) one."""
LETTER_LABEL = r"(?:^|(?<=[\s|,;(]))[TMFPtmfp][ \t]*[:.]"
"""One-letter labels of signatures and letterheads: "T: ", "M: ", "F: ", "P: "."""
QUALIFIER = r"(?:[ \t]*(?:\((?:[\p{L} ]{1,12})\)|no\.?|number|nr\.?|#|n[°º]))*"
JOIN = r"[ \t]*(?:\.{2,}|\u2026+)?[ \t]*(?:is|was|:|-|\u2013|=|at|on)?[ \t]*(?:is|:|-)?[ \t]*"
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

SEP = r"[ \t.\-]"
EXTENSION = r"(?:[ \t]?(?:x|ext\.?|ext)[ \t]?\d{1,5})?"
PHONE_SHAPED = regex.compile(
    r"(?<![\w+\-/.,#:])(?:"
    # international: "+995 004 298 834", "+90(824)861-0302x612", "+49(0)9884 284450"
    rf"\+\d{{1,3}}{SEP}?(?:\(\d{{1,5}}\){SEP}?)?\d{{1,5}}(?:{SEP}?\d{{1,5}}){{1,5}}"
    # area code in brackets: "(01632) 960529", "(917) 015-1774", "(067)-2670403"
    rf"|\(\d{{2,5}}\){SEP}{{0,2}}\d{{2,8}}(?:[ \t\-]\d{{2,5}}){{0,3}}"
    # trunk prefix 0 and at least three groups: "08-246 46 04", "060 705 71 11"
    r"|0\d{1,4}(?:[ \t\-/]\d{2,5}){2,4}"
    # trunk prefix 0 and two groups with a long one: "04394 073684", "0920 430 6547"
    r"|0\d{2,4}[ \t\-]\d{5,8}"
    # North American: "322-841-4270", "917.015.1774"
    r"|\d{3}([\-.])\d{3}\1\d{4}"
    rf"){EXTENSION}(?![\w\-/]|[.,]\d)",
    regex.VERSION1,
)
"""Digit groups in a shape people only use for phone numbers (no cue needed)."""
NOT_PHONE_BEFORE = regex.compile(
    r"(?i:order|po|invoice|inv|ref|reference|ticket|case|sku|item|part|serial|account|acct|"
    r"iban|card|policy|claim|tracking|id|no|nr|number|batch|lot|code|pin|vat|tax|"
    r"\p{Sc}|eur|usd|gbp)[ \t.:#-]*$",
    regex.VERSION1,
)
"""Words right before a number that make it an identifier or an amount, not a phone."""
SHAPED_SCORE = 0.5


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
        cued = [(f.start, f.end) for f in found]
        for m in PHONE_SHAPED.finditer(text, timeout=1.0):
            start, end = m.start(), m.end()
            if any(s <= start < e for s, e in cued) or not 7 <= _digits(m.group(0)) <= 15:
                continue
            if NOT_PHONE_BEFORE.search(text[max(0, start - 20) : start]):
                continue
            why = "digits grouped like a phone number"
            found.append(
                result(NAME, "PHONE_NUMBER", start, end, SHAPED_SCORE, why, "phone_shaped")
            )
        return found
