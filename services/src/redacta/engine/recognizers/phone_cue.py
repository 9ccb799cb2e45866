"""Phone numbers that a cue word announces, in formats phonenumbers does not validate.

`RedactaPhoneRecognizer` accepts only numbers that are valid in the configured regions (or
written internationally). Real text has local numbers of other countries ("0171 2345678",
"06-12345678", "(02) 9876 5432"), short local numbers and made-up-looking ones; when the
words right before say it is a phone number ("Phone:", "Tel.", "mobile", "fax", "call me
on", "office"), a run of 6 to 15 digits written like a phone number is reported. Amounts,
dates, order and reference numbers do not follow such cues, and the pattern refuses
decimals and dates. Cue words count in many languages and scripts ("gsm", "puh.", "τηλ.",
"тел.", "电话"), and an extension after its word may be short ("extension 4417").

Without a cue, digits grouped the way only phone numbers are written are reported too
(`PHONE_SHAPED`: "+44 ...", "(02) 9876 5432", "0621638694", "601 234 567", "322-841-4270"),
unless an identifier word or a currency stands right before or after them.
"""

from __future__ import annotations

import phonenumbers
import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "PhoneCueRecognizer"

STRONG_CUE = (
    r"(?:tele?phone|phone|ph|tel|t[ée]l[ée]?fono?|telefon|tlf|mob(?:ile|il)?|cell(?:ular)?|"
    r"cellphone|handy|fax|landline|whats[ \t]?app|direct[ \t]+(?:line|dial)|switchboard|"
    r"hotline|helpline|contact[ \t]+(?:number|no\.?|phone)|call[ \t]+(?:me|us|you|him|her|them)"
    r"(?:[ \t]+(?:on|at))?|ring[ \t]+(?:me|us|you|him|her|them)(?:[ \t]+on)?|"
    r"text[ \t]+(?:me|us|you|him|her|them)(?:[ \t]+(?:on|at))?|"
    r"(?:reach|contact)[ \t]+(?:me|us|you|him|her|them)[ \t]+(?:on|at)|"
    r"(?:be[ \t]+)?reached[ \t]+(?:on|at)|call(?:ed|ing)[ \t]+from|"
    r"(?:sms|text|code)[ \t]+sent[ \t]+to|"
    # other languages: mobile, phone number, call
    r"gsm|natel|portable|telem[óo]vel|telm|celular|cel|m[óo]vil|cellulare|rufnummer|"
    r"telefonnummer|telefonszám|tfn|puh(?:elin)?|matkapuhelin|kom[óo]rka|mobiel|fone|"
    r"τηλ(?:έφωνο)?|κιν(?:ητό)?|тел(?:ефон)?|моб(?:ильный|ільний)?|"
    r"电话|電話|手机|手機|联系电话|聯絡電話|携帯|전화|휴대폰|연락처)"
)
"""Words after which a digit run is a phone number."""
WEAK_CUE = r"(?:office|home|work|desk|reception|call|ring|text|dial|contact)"
"""Words that announce a phone number only before a long (7+ digit) one."""
LETTER_LABEL = r"(?:^|(?<=[\s|,;(]))[TMFPtmfp][ \t]*[:.]"
"""One-letter labels of signatures and letterheads: "T: ", "M: ", "F: ", "P: "."""
QUALIFIER = r"(?:[ \t]*(?:\((?:[\p{L} ]{1,12})\)|no\.?|number|nr\.?|#|n[°º]))*"
JOIN = (
    r"[ \t]*(?:\.{2,}|\u2026+)?[ \t]*(?:is|was|:|\uff1a|-|\u2013|=|at|on)?[ \t]*(?:is|:|-)?[ \t]*"
)
NUMBER = (
    r"(?<![\w+\-/.])(?P<number>(?:\+|00)?\(?\d[\d \t().\-/]{3,22}\d)"
    r"(?![\w.\-/]*\d)(?!\.\d)"
)
CUED_NUMBER = regex.compile(
    rf"(?:\b(?i:(?P<strong>{STRONG_CUE})|(?P<weak>{WEAK_CUE}))\b\.?|(?P<letter>{LETTER_LABEL}))"
    rf"{QUALIFIER}{JOIN}{NUMBER}",
    regex.VERSION1 | regex.MULTILINE,
)
EXTENSION_CUED = regex.compile(
    r"\b(?i:extension|ext|durchwahl|poste|interno|wewn)\.?(?:[ \t]+(?i:is|no\.?|number))?"
    r"[ \t]*[:#]?[ \t]*(?<![\d])(?P<number>\d{2,6})(?![\w\-/]|[.,]\d)",
    regex.VERSION1,
)
"""An extension on its own after its word: "her extension is 4417", "Durchwahl -213"."""
EXTENSION_SCORE = 0.5
DECIMAL = regex.compile(r"\d+(?:[ ,.]\d{3})*[.,]\d{1,2}")
DATE_LIKE = regex.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")
SCORE = 0.6

SEP = r"[ \t.\-]"
EXTENSION = r"(?:[ \t]?(?:x|ext\.?|ext)[ \t]?\d{1,5})?"
PHONE_SHAPED = regex.compile(
    # international: "+995 004 298 834", "+90(824)861-0302x612", "+49(0)9884 284450"; also
    # right after a comma, as in a CSV row
    r"(?<![\w+\-/.#:])(?:(?<!,)|(?=\+))(?:"
    rf"\+\d{{1,3}}{SEP}?(?:\(\d{{1,5}}\){SEP}?)?\d{{1,5}}(?:{SEP}?\d{{1,5}}){{1,5}}"
    # area code in brackets: "(01632) 960529", "(917) 015-1774", "(067)-2670403"
    rf"|\(\d{{2,5}}\){SEP}{{0,2}}\d{{2,8}}(?:[ \t\-]\d{{2,5}}){{0,3}}"
    # trunk prefix 0 and at least three groups: "08-246 46 04", "060 705 71 11"
    r"|0\d{1,4}(?:[ \t\-/]\d{2,5}){2,4}"
    # trunk prefix 0 and two groups with a long one: "04394 073684", "0920 430 6547"
    r"|0\d{2,4}[ \t\-]\d{5,8}"
    # trunk prefix 0 and 9 or 10 more digits, unbroken: "0621638694", "05903131101"
    r"|0[1-9]\d{8,9}"
    # North American: "322-841-4270", "917.015.1774"
    r"|\d{3}(?P<nanp>[\-.])\d{3}(?P=nanp)\d{4}"
    # national numbers grouped without a trunk prefix: 3-3-3 ("601 234 567"), 3-2-3
    # ("451 40 768"); not 2-2-2-2, which lists of small numbers share ("12 15 18 21")
    r"|\d{3}(?: \d{3} \d{3}| \d{2} \d{3}|-\d{3}-\d{3}|\.\d{3}\.\d{3})"
    # Chinese mobile numbers, unbroken: "13800138000" (checked with libphonenumber below)
    r"|(?P<cn_mobile>1[3-9]\d{9})"
    rf")(?P<extension>{EXTENSION})(?![\w\-/]|[.,]\d)",
    regex.VERSION1,
)
"""Digit groups in a shape people only use for phone numbers (no cue needed)."""
NOT_PHONE_BEFORE = regex.compile(
    r"(?:\b(?i:order|po|invoice|inv|ref|reference|ticket|case|sku|item|part|serial|account|"
    r"acct|iban|card|policy|claim|tracking|id|number|batch|lot|code|pin|vat|tax|eur|usd|gbp|"
    r"(?:no|nr)(?=[ \t]*[.:#\u00b0\u00ba]))|\p{Sc})[ \t.:#-]*$",
    regex.VERSION1,
)
"""Words right before a number that make it an identifier or an amount, not a phone ("no"
and "nr" only as abbreviations: "No. 4512", not Portuguese "no (31) 99812-4470")."""
NOT_PHONE_AFTER = regex.compile(r"[ \t]*(?:\p{Sc}|(?i:eur|usd|gbp|chf|kr|kč|czk|zł|pln|ft|huf)\b)")
"""An amount's currency right after the number: "125 000 000 Ft" is no phone."""
SHAPED_SCORE = 0.5


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _valid_in(number: str, region: str) -> bool:
    """Whether libphonenumber takes `number` for a valid number of `region`."""
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


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
            finding = result(NAME, "PHONE_NUMBER", start, end, SCORE, why, "cued_phone")
            if finding.analysis_explanation is not None:
                # the cue is this finding's context: on the same digits, a checksum match
                # without context of its own (a 10-digit "NHS number") gives way to it
                cue = m.group("strong") or m.group("weak") or m.group("letter")
                finding.analysis_explanation.supportive_context_word = cue.strip()
            found.append(finding)
        cued = [(f.start, f.end) for f in found]
        for m in PHONE_SHAPED.finditer(text, timeout=1.0):
            start, end = m.start(), m.end()
            number = m.group(0)[: len(m.group(0)) - len(m.group("extension"))]
            if any(s <= start < e for s, e in cued) or not 7 <= _digits(number) <= 15:
                continue
            if NOT_PHONE_BEFORE.search(text[max(0, start - 20) : start]):
                continue
            if NOT_PHONE_AFTER.match(text, end):
                continue
            if m.group("cn_mobile") and not _valid_in(m.group("cn_mobile"), "CN"):
                continue
            why = "digits grouped like a phone number"
            found.append(
                result(NAME, "PHONE_NUMBER", start, end, SHAPED_SCORE, why, "phone_shaped")
            )
        taken = [(f.start, f.end) for f in found]
        for m in EXTENSION_CUED.finditer(text, timeout=1.0):
            start, end = m.span("number")
            if any(s < end and start < e for s, e in taken):
                continue  # the extension of a number found above ("0161 496 0000 ext. 12")
            why = "extension number after 'extension'/'ext.'"
            found.append(
                result(NAME, "PHONE_NUMBER", start, end, EXTENSION_SCORE, why, "extension")
            )
        return found
