"""Dates that are dates: calendar dates in the usual English formats, validated.

spaCy's DATE label (which stock Presidio reports as DATE_TIME) also covers durations ("30
days"), bare years, "weekly", quarters and plain numbers; none of those identify anyone. This
recognizer reports day-level dates only ("3 March 2024", "March 3rd", "03/14/2024",
"2024-03-14", "Tuesday 9 April"), with an optional time ("at 10:30"), and a bare year only
when the words before it say it is a birth year ("born in 1984", "DOB: 1984").
"""

from __future__ import annotations

import datetime as dt

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "RedactaDateRecognizer"

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
TIME = r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?!\d))?"
WORD_DATE = (
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"
    rf"|(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"
)
NUMERIC_DATE = (
    r"(?P<a>\d{1,2})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<y2>\d{2})"
    # Year first only with - or /: "2019.4.6" is a version string far more often than a date.
    r"|(?P<iy>\d{4})(?P<isep>[\-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
)
DATE = regex.compile(
    rf"(?<![\p{{L}}\d.:/\-])(?:{WORD_DATE}|{NUMERIC_DATE}){TIME}(?![\p{{L}}\d]|[.:/\-]\d)",
    regex.VERSION1,  # case-sensitive: "May 21" is a date, "may 21" is usually not
)
BIRTH_YEAR = regex.compile(
    rf"(?:\bborn\s+(?:in\s+)?|\b(?:DOB|d\.o\.b\.|year\s+of\s+birth|birth\s+year)\s*:?\s*)({YEAR})\b",
    regex.IGNORECASE,
)
WORD_SCORE = 0.85
NUMERIC_SCORE = 0.8
BIRTH_YEAR_SCORE = 0.6


def _valid(match: regex.Match[str]) -> bool:
    """Numeric dates must be real calendar dates in day-first or month-first order."""
    g = match.groupdict()
    if g["iy"]:
        return _is_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["a"]:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    elif g["a2"]:
        a, b, y = int(g["a2"]), int(g["b2"]), 2000 + int(g["y2"])
    else:
        return True  # a word date: the pattern already constrains it
    return _is_date(y, b, a) or _is_date(y, a, b)


def _is_date(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= 2100:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


class RedactaDateRecognizer(TextRecognizer):
    """Calendar dates (validated) and birth years; never durations, quarters or bare numbers."""

    ENTITY = "DATE_TIME"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every date in `text`."""
        found: list[RecognizerResult] = []
        for m in DATE.finditer(text, timeout=1.0):
            if not _valid(m):
                continue
            numeric = m.group(0)[:1].isdigit() and not regex.search(
                MONTH, m.group(0), regex.IGNORECASE
            )
            score = NUMERIC_SCORE if numeric else WORD_SCORE
            why = "numeric calendar date" if numeric else "calendar date with a month name"
            found.append(result(NAME, "DATE_TIME", m.start(), m.end(), score, why))
        for m in BIRTH_YEAR.finditer(text, timeout=1.0):
            found.append(
                result(
                    NAME,
                    "DATE_TIME",
                    m.start(1),
                    m.end(1),
                    BIRTH_YEAR_SCORE,
                    "year after 'born'/'DOB'",
                    "birth_year",
                )
            )
        return found
