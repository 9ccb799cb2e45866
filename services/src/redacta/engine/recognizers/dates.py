"""Dates that are dates: calendar dates in the usual English formats, validated.

spaCy's DATE label (which stock Presidio reports as DATE_TIME) also covers durations ("30
days"), bare years, "weekly", quarters and plain numbers; none of those identify anyone. This
recognizer reports calendar dates ("3 March 2024", "March 3rd", "03/14/2024", "2024-03-14",
"Tuesday 9 April") with an optional time ("at 10:30"), months with a year ("March 2024"),
weekdays ("on Tuesday"), clock times ("at 14:30", "9am") and years that the words around
them make a point in time ("in 1977", "since 2019", "2015-2018", "2019 - present", "born
1984"). A number that is only year-shaped (a quantity, an amount, a version, an order number)
is not a year: a year must follow a time preposition or start a range, and must not be
followed by a unit or a plural noun.
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
    rf"|{DAY}[\-/](?i:{MONTH})[\-/](?:{YEAR}|\d{{2}})"
)
NUMERIC_DATE = (
    r"(?P<a>\d{1,2})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<y2>\d{2})"
    # Year first only with - or /: "2019.4.6" is a version string far more often than a date.
    r"|(?P<iy>\d{4})(?P<isep>[\-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?"
    # Two-digit years only zero-padded with dots: "30.03.87" (not "1.2.34", a version).
    r"|(?P<a3>\d{2})\.(?P<b3>\d{2})\.(?P<y3>\d{2})"
)
DATE = regex.compile(
    rf"(?<![\p{{L}}\d.:/\-])(?:{WORD_DATE}|{NUMERIC_DATE}){TIME}(?![\p{{L}}\d]|[.:/\-]\d)",
    regex.VERSION1,  # case-sensitive: "May 21" is a date, "may 21" is usually not
)
BIRTH_YEAR = regex.compile(
    rf"(?:\bborn\s+(?:in\s+)?|\b(?:DOB|d\.o\.b\.|year\s+of\s+birth|birth\s+year)\s*:?\s*)({YEAR})\b",
    regex.IGNORECASE,
)
_A_YEAR = regex.compile(YEAR)
"""A year anywhere: every match of the year patterns below holds one."""
WORD_SCORE = 0.85
NUMERIC_SCORE = 0.8
BIRTH_YEAR_SCORE = 0.6

MONTH_YEAR = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{MONTH}|(?i:mid|early|late|end|start)-?\s*(?:of\s+)?{MONTH})"
    rf",?\s+(?:of\s+)?({YEAR})(?![\p{{L}}\d])",
    regex.VERSION1,
)
YEAR_CUE = (
    r"(?:in|since|from|until|till|til|by|during|before|after|circa|ca\.|c\.|around|early|"
    r"late|mid|between|through|throughout|year|class\s+of|(?:back|roots|dates?|dating)\s+to|"
    r"(?:spring|summer|autumn|fall|"
    r"winter)(?:\s+of)?|born|married|founded|established|est\.|graduated|retired|died)"
)
"""Words after which a four-digit number is a year (point in time), not a quantity."""
NOT_A_YEAR_AFTER = (
    r"(?!\s*(?:%|\p{Sc}|[.,:/\-]\d|\d)|\s*(?i:percent|per\s|x\b|times\b|km|kg|mg|ml|"
    r"mb|gb|kb|tb|eur|usd|gbp|chf|sek|nok|dkk|pln|jpy|units?\b|items?\b|pcs\b))"
    r"(?!\s+\p{Ll}+s\b(?<!\b(?:was|has|is|as|this|his|its|us|thus|across|towards|plus|"
    r"yes|unless|less|whereas|always|perhaps|afterwards|sometimes)\b))"
)
"""A year is not followed by a unit, a currency, more digits or a plural noun
("in 2000 units", "by 2019 users")."""
YEAR_IN_TEXT = regex.compile(
    rf"(?<![\p{{Sc}}#])\b(?i:{YEAR_CUE})\s+(?:the\s+(?:year\s+)?)?(?:of\s+)?"
    rf"({YEAR}s?){NOT_A_YEAR_AFTER}(?![\p{{L}}\d])",
    regex.VERSION1,
)
YEAR_RANGE = regex.compile(
    rf"(?<![\p{{L}}\d.,/\-#\p{{Sc}}])({YEAR})\s*(?:-|\u2013|\u2014|to|until)\s*({YEAR}|\d{{2}})"
    rf"{NOT_A_YEAR_AFTER}(?![\p{{L}}\d]|[.,:/\-]\d)",
    regex.VERSION1,
)
YEAR_TO_PRESENT = regex.compile(
    rf"(?<![\p{{L}}\d.,/\-#\p{{Sc}}])({YEAR})\s*(?:-|\u2013|\u2014|to|until|till)\s*"
    r"(?i:present|now|today|date|current|ongoing)(?![\p{L}\d])",
    regex.VERSION1,
)
"""The start year of a span that runs until now, as CVs list jobs ("2019 \u2013 present")."""
WEEKDAY_NAME = regex.compile(
    r"(?<![\p{L}\d])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
    r"(?![\p{L}\d])"
    # Abbreviations that are not also English words ("Sun", "Sat", "Mon" need a cue).
    r"|(?<![\p{L}\d])(?:Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\.?(?![\p{L}\d])"
    r"|(?i:\b(?:on|next|last|this|every|by|until|till|from|before|after|since)\s+)"
    r"\K(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?![\p{L}\d])"
    # Chats and transcripts write weekdays in lower case ("leaving sunday", "on friday"); the
    # whole word is no other English word. Not inside a handle, path or file name.
    r"|(?<![\p{L}\d_@./\-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"(?![\p{L}\d_@]|[./\-][\p{L}\d])",
    regex.VERSION1,
)
CLOCK_TIME = regex.compile(
    r"(?<![\p{L}\d:.,/]|[\p{L}\d][:.])"
    r"(?:(?:[01]\d|2[0-3])h[0-5]\d"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?"
    r"(?:\s?(?:[aApP]\.?[mM]\.?|Uhr|hrs|h)(?![\p{L}]))?"
    r"|(?:1[0-2]|0?[1-9])\s?(?:[aApP]\.[mM]\.|[aApP][mM](?![\p{L}])))"
    r"(?:\s?(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|BST|IST|JST|AEST)(?![\p{L}])|Z(?![\p{L}\d]))?"
    r"(?![\d:]|[.,]\d|[\p{L}\d])",
    regex.VERSION1,
)
YEAR_SCORE = 0.6
WEEKDAY_SCORE = 0.6
TIME_SCORE = 0.6


_STREET_AFTER = regex.compile(
    r"[ \t]+(?:\p{Lu}[\p{Ll}'\u2019\-]+[ \t]+)?(?:Avenue|Ave|Street|St|Road|Rd|Drive|Dr|Lane|"
    r"Ln|Way|Boulevard|Blvd|Close|Crescent|Place|Pl|Terrace|Court|Ct|Square|Sq|Parade|Grove)"
    r"(?![\p{L}\d])",
    regex.VERSION1,
)
"""A street word after a day and month, with at most one name between: the number and name
of a street named after a month or a person called so ("14 Jan Smuts Ave", "3 May Street"),
no date."""


def _valid(match: regex.Match[str]) -> bool:
    """Numeric dates must be real calendar dates in day-first or month-first order."""
    g = match.groupdict()
    if g["iy"]:
        return _is_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["a"]:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    elif g["a2"]:
        a, b, y = int(g["a2"]), int(g["b2"]), 2000 + int(g["y2"])
    elif g["a3"]:
        a, b, y = int(g["a3"]), int(g["b3"]), 2000 + int(g["y3"])
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
            if not _valid(m) or (
                m.group(0)[:1].isdigit()
                and regex.search(YEAR, m.group(0)) is None
                and not m.group(0).endswith(".")  # "Due 3 May. Street closures apply."
                and _STREET_AFTER.match(text, m.end()) is not None
            ):
                continue
            numeric = m.group(0)[:1].isdigit() and not regex.search(
                MONTH, m.group(0), regex.IGNORECASE
            )
            score = NUMERIC_SCORE if numeric else WORD_SCORE
            why = "numeric calendar date" if numeric else "calendar date with a month name"
            found.append(result(NAME, "DATE_TIME", m.start(), m.end(), score, why))
        # The year patterns' matches hold a year: a text without one skips their scans.
        years = _A_YEAR.search(text) is not None
        for m in BIRTH_YEAR.finditer(text, timeout=1.0) if years else ():
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
        extra = (
            (MONTH_YEAR, 0, WORD_SCORE, "month with a year", "month_year", True),
            (YEAR_IN_TEXT, 1, YEAR_SCORE, "year after a time word ('in', 'since')", "year", True),
            (YEAR_RANGE, 0, YEAR_SCORE, "range of years", "year_range", True),
            (YEAR_TO_PRESENT, 1, YEAR_SCORE, "year a span until now starts", "year_range", True),
            (WEEKDAY_NAME, 0, WEEKDAY_SCORE, "day of the week", "weekday", False),
            (CLOCK_TIME, 0, TIME_SCORE, "clock time", "clock_time", False),
        )
        for pattern, group, score, why, name, needs_year in extra:
            if needs_year and not years:
                continue
            for m in pattern.finditer(text, timeout=1.0):
                found.append(
                    result(NAME, "DATE_TIME", m.start(group), m.end(group), score, why, name)
                )
        return found
