"""UK bank details: a sort code ("12-34-56") and the 8-digit account number that goes with it.

Presidio has no entity type for them. Its `UsBankRecognizer` reads any 8-17 digit number
near "account" as US_BANK_NUMBER, so "sort code 12-34-56, account 31926819" showed a US
type and left the sort code in clear. The two together are what the UK uses to name an
account (a GB IBAN is built from them), so both are reported as UK_BANK_NUMBER, named like
Presidio's US_BANK_NUMBER:

* a sort code is six digits (2-2-2 with hyphens or spaces, or unbroken) after "sort code"
  or "S/C", or written 2-2-2 right before an 8-digit account number ("12-34-56 31926819");
* an account number is 8 digits (unbroken or 4-4) shortly before or after such a sort code.

A 2-2-2 number alone ("12-34-56") is no sort code: dates and part numbers are written so.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "UkBankRecognizer"

_SORT_CODE = r"(?P<sort>\d{2}(?P<sep>[\- ])\d{2}(?P=sep)\d{2}|\d{6})"
SORT_CODE_AFTER_CUE = regex.compile(
    r"\b(?i:sort[ \t\-]?code|s/c)\b(?:[ \t]*(?i:no\.?|number))?[ \t]*[:#.\-]?[ \t]*"
    rf"(?<![\d\-]){_SORT_CODE}(?![\d\-])",
    regex.VERSION1,
)
SORT_CODE_BEFORE_ACCOUNT = regex.compile(
    r"(?<![\w\-/.])(?P<sort>\d{2}(?P<sep>[\- ])\d{2}(?P=sep)\d{2})[ \t]*[,/]?[ \t]*"
    r"(?P<account>\d{8})(?![\w\-/]|[.,]\d)",
    regex.VERSION1,
)
ACCOUNT_NUMBER = regex.compile(r"(?<![\w\-/.,])(?:\d{8}|\d{4} \d{4})(?![\w\-/]|[.,]\d)")
NEAR = 80
"""How far from a sort code (in characters) its account number is looked for."""
SCORE = 0.85


class UkBankRecognizer(TextRecognizer):
    """UK sort codes and the account numbers next to them (UK_BANK_NUMBER)."""

    ENTITY = "UK_BANK_NUMBER"
    NAME = NAME

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, context=["sort", "account", "bank"])

    def find(self, text: str) -> list[RecognizerResult]:
        """Every sort code named as such or written before its account, and that account."""
        if "sort" not in text.lower() and "s/c" not in text.lower() and "-" not in text:
            return []  # cheap exit: no sort code can be named or written 2-2-2
        spans: dict[tuple[int, int], str] = {}
        for m in SORT_CODE_BEFORE_ACCOUNT.finditer(text, timeout=1.0):
            spans[m.span("sort")] = "UK sort code before its account number"
            spans[m.span("account")] = "UK account number after its sort code"
        for m in SORT_CODE_AFTER_CUE.finditer(text, timeout=1.0):
            spans.setdefault(m.span("sort"), "six digits after 'sort code'")
            start, end = m.span("sort")
            accounts = [
                a.span()
                for a in ACCOUNT_NUMBER.finditer(text, max(0, start - NEAR), end + NEAR)
                if a.end() <= start or a.start() >= end
            ]
            if accounts:  # the nearest: a reference or amount further off is not the account
                nearest = min(accounts, key=lambda a: start - a[1] if a[1] <= start else a[0] - end)
                spans.setdefault(nearest, "8-digit account number next to a sort code")
        return [
            result(NAME, "UK_BANK_NUMBER", start, end, SCORE, why, "uk_bank_details")
            for (start, end), why in sorted(spans.items())
        ]
