"""Payment card numbers of every scheme, 12 to 19 digits, compact or grouped.

Stock Presidio's pattern knows numbers of 13 to 17 digits starting with 1, 3, 4, 5 (51-55)
or 6: it misses 19-digit Visa and UnionPay numbers, 12-digit Maestro numbers, Mastercard's
2-series (2221-2720), Mir (2200-2204), JCB's 15-digit 2131/1800 numbers, and anything a card
word announces outside those ranges.

Here every number must pass the Luhn check (a random number does one time in ten), and then:

* a number whose issuer prefix and length belong to a card scheme (`SCHEMES`) is a card
  wherever it stands, as with stock Presidio;
* any other Luhn-valid number of 12-19 digits is a card when a card word stands shortly
  before it on the same line ("card", "Visa", "Karte", "tarjeta", "карта", "卡号", ...),
  unless that word names a card that is not a payment card ("SIM card", "ID card") or an
  identifier word ("IMEI", "ISBN", "order") stands right before the number.

Groups may be separated by single spaces or by single hyphens (4-4-4-4, Amex's 4-6-5,
Diners' 4-6-4, 4-4-4-4-3 for 19 digits); a run that goes on with more digit groups (a date,
a CVV written after the number) is cut back to the longest prefix of its groups that is a
card.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, line_bounds, result

NAME = "RedactaCreditCardRecognizer"

SCHEMES: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[int, ...]], ...] = (
    ("Visa", (("4", "4"),), (13, 16, 19)),
    ("Mastercard", (("51", "55"), ("2221", "2720")), (16,)),
    ("American Express", (("34", "34"), ("37", "37")), (15,)),
    ("Discover", (("6011", "6011"), ("644", "649"), ("65", "65")), (16, 17, 18, 19)),
    (
        "Diners Club",
        (("300", "305"), ("3095", "3095"), ("36", "36"), ("38", "39")),
        (14, 15, 16, 17, 18, 19),
    ),
    ("JCB", (("3528", "3589"),), (16, 17, 18, 19)),
    ("JCB", (("2131", "2131"), ("1800", "1800")), (15,)),
    ("UnionPay", (("62", "62"), ("81", "81")), (16, 17, 18, 19)),
    ("Mir", (("2200", "2204"),), (16, 17, 18, 19)),
    ("Maestro", (("50", "50"), ("56", "69")), (16, 17, 18, 19)),
    ("RuPay", (("508", "508"), ("60", "60"), ("82", "82")), (16,)),
    ("Troy", (("9792", "9792"),), (16,)),
)
"""Card schemes by issuer prefix range (inclusive, compared on the prefix's width) and length.

From the schemes' published ranges. 12- to 15-digit Maestro numbers are left to the cue rule:
they are rare and as long as many national identifiers and phone numbers."""

RUN = regex.compile(
    r"(?<![\w+\-/.,#@:]|\d[ \-])"
    r"(?P<run>\d{4,19}+(?:(?P<sep>[ \-])\d{1,6}+(?:(?P=sep)\d{1,6}+){0,5})?)"
    r"(?![\w@]|[.,/\-:]\d)",
    regex.VERSION1,
)
"""A compact digit run, or digit groups (the first of four or more digits) that one kind of
separator joins; not inside a word, a decimal, a date, a longer run or an address."""

CARD_WORD = regex.compile(
    r"(?i:(?<!\b(?:sim|id|identity|library|loyalty|member(?:ship)?|health|insurance|business|"
    r"key|sd|memory|boarding|report|score|post|greeting|green|citizen|residence|student|staff|"
    r"access|micro ?sd|time|index|punch|sound|graphics|video|network)[ \t\-]?)"
    r"\b(?:card(?:s|holder|member)?|cc|ccn|pan|credit|debit|visa|master[ \t]?card|mc|amex|"
    r"american[ \t]express|discover|diners(?:[ \t]club)?|jcb|maestro|union[ \t]?pay|mir|rupay|"
    r"troy|prostir|elo|hipercard|verve|cb|carte(?:[ \t]bleue|[ \t]bancaire)?|"
    r"(?:kredit|bank|debit|ec)?karte|kreditkort|bankkort|kort(?:nummer)?|korttinumero|"
    r"tarjeta|cart[ãa]o|carta|kaart(?:nummer)?|karta|kartu|k[áa]rtya|kartica|kartı|"  # noqa: RUF001 (Turkish)
    r"karty|kartou)\b"
    r"|карт[аыуе]|картк[аи]|κάρτα[ς]?|卡号|卡|カード|카드)",
    regex.VERSION1,
)
"""Words that announce a payment card number (English, European languages, Cyrillic, Greek,
Chinese, Japanese, Korean). "SIM card", "ID card" and other cards are not payment cards."""

NOT_CARD_BEFORE = regex.compile(
    r"(?i:\b(?:imei|iccid|isbn|issn|ean|gtin|upc|order|invoice|inv|tracking|ref(?:erence)?|"
    r"ticket|case|serial|sku|part|batch|lot|iban|phone|tel|fax|mobile))"
    r"\b[ \t]*(?:(?:no|nr|num|number|id|code)\b\.?)?[ \t:#.=\-]*$",
    regex.VERSION1,
)
"""Identifier words right before a number: it is that identifier, not a card."""

CUE_BEFORE = 80
"""How far before the number (on its line) a card word is looked for."""
CUE_AFTER = 30
"""How far after the number (on its line) a card word is looked for ("4111... (Visa)")."""
SCHEME_SCORE = 1.0
CUED_SCORE = 0.9
CONTEXT = [
    "credit",
    "card",
    "visa",
    "mastercard",
    "cc ",
    "amex",
    "discover",
    "jcb",
    "diners",
    "maestro",
    "instapayment",
]


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check every payment card number passes."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_scheme(digits: str) -> str | None:
    """The scheme whose issuer prefix range and length `digits` has, if any."""
    for scheme, ranges, lengths in SCHEMES:
        if len(digits) in lengths and any(
            low <= digits[: len(low)] <= high for low, high in ranges
        ):
            return scheme
    return None


def _line_before(text: str, start: int) -> str:
    line_start, _ = line_bounds(text, start)
    return text[max(line_start, start - CUE_BEFORE) : start]


def _line_after(text: str, end: int) -> str:
    _, line_end = line_bounds(text, end)
    return text[end : min(end + CUE_AFTER, line_end)]


def _card_prefix(groups: list[str]) -> int:
    """How many of the leading `groups` make the longest Luhn-valid 12-19 digit number (0: none)."""
    for count in range(len(groups), 0, -1):
        digits = "".join(groups[:count])
        if 12 <= len(digits) <= 19 and luhn_valid(digits):
            return count
    return 0


class RedactaCreditCardRecognizer(TextRecognizer):
    """Luhn-valid card numbers: in a scheme's range anywhere, any 12-19 digits after a card word."""

    ENTITY = "CREDIT_CARD"
    NAME = NAME

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, context=CONTEXT)

    def find(self, text: str) -> list[RecognizerResult]:
        """Every card number in `text`."""
        if sum(c.isdigit() for c in text) < 12:  # cheap exit for texts that cannot hold one
            return []
        found: list[RecognizerResult] = []
        for m in RUN.finditer(text, timeout=1.0):
            run = m.group("run")
            sep = m.group("sep")
            groups = run.split(sep) if sep else [run]
            count = _card_prefix(groups)
            if not count:
                continue
            digits = "".join(groups[:count])
            start = m.start("run")
            end = start + len(sep.join(groups[:count]) if sep else run)
            before = _line_before(text, start)
            scheme = card_scheme(digits)
            if NOT_CARD_BEFORE.search(before):
                continue
            if scheme is None and len(digits) == 13 and digits[0] == "1":
                continue  # a time in milliseconds since 1970 (2001-2033), as stock Presidio
            if scheme is not None:
                why = f"Luhn-valid number in the {scheme} range"
                score = SCHEME_SCORE
            elif CARD_WORD.search(before) or CARD_WORD.search(_line_after(text, end)):
                why = "Luhn-valid 12-19 digit number after a card word"
                score = CUED_SCORE
            else:
                continue
            found.append(result(NAME, "CREDIT_CARD", start, end, score, why, "card_number"))
        return found
