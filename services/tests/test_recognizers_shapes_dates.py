"""DATE_TIME: years in running text, months with a year, weekdays and clock times are dates;
quantities, amounts, versions and order numbers that look like years are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The founders met in 1977 in a garage.", "1977"),
        ("She has worked there since 2019.", "2019"),
        ("Employment gap (2021-2022): carer.", "2021-2022"),
        ("We meet on Tuesday to sign.", "Tuesday"),
        ("See you next Fri. then.", "Fri."),
        ("The call is at 14:30 CET.", "14:30 CET"),
        ("Doors open at 9am sharp.", "9am"),
        ("Moved house in March 2021.", "March 2021"),
        ("DOB 27-Apr-1954, NHS number on file.", "27-Apr-1954"),
        ("They married in the summer of 1999.", "1999"),
        ("The bakery traces its roots to 1985, when it opened.", "1985"),
        ("Open Tue-Sunday 08h30-15:05", "15:05"),
        ("Open Tue-Sunday 08h30-15:05", "08h30"),
        ("Guest arriving Thu; phone ahead.", "Thu"),
        ("DOB: 31-MAR-2021", "31-MAR-2021"),
        ("2023-03-01T19:21:52Z job started", "2023-03-01T19:21:52Z"),
        ("Geb. 30.03.87 in Köln", "30.03.87"),
        # Job spans as CVs list them.
        ("Senior analyst, Harbour Lettings, 2019 \u2013 present", "2019"),
        ("Support lead 2021 - Present", "2021"),
        ("Volunteer, 2016 to date", "2016"),
        ("Data engineer 2015\u20132019 at Kestrel Ltd", "2015\u20132019"),
        ("Mar 2018 - Jun 2020: support lead", "Mar 2018"),
        ("Mar 2018 - Jun 2020: support lead", "Jun 2020"),
        ("Jan 2021 \u2013 present: team lead", "Jan 2021"),
    ],
)
def test_dates_in_running_text(redacta_engine: Engine, text: str, date: str) -> None:
    assert ("DATE_TIME", date) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "We shipped 2000 units last quarter.",
        "In 2000 patients the drug worked.",
        "The fee is 2019 EUR.",
        "Version 2.14.1 is out; build 2021 failed.",
        "Order #2023 was refunded.",
        "It took 3 weeks and 2 days.",
        "Mix at a ratio of 12.30 parts.",
        "The Sun is out; Sat down to read.",
        "Upgrade from 1.2.34 to 2.10.11 today.",
        "3\u20135 years of experience in support.",
        "Use version 2019.1 or later.",
        "Total \u00a32,019 due now.",
        "Certified to ISO 27001 since the audit.",
        "Ticket #2019 - present in the queue.",
    ],
)
def test_year_shaped_numbers_that_are_not_dates(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "DATE_TIME"}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Deliver to 14 Jan Smuts Ave, Rosebank, Johannesburg 2196.", "14 Jan Smuts Ave"),
        ("The shop is at 3 May Street, Leeds LS1 4AB.", "3 May Street"),
    ],
)
def test_a_street_named_after_a_month_is_no_date(
    redacta_engine: Engine, text: str, street: str
) -> None:
    assert "DATE_TIME" not in types_over(redacta_engine, text, street)
    assert "LOCATION" in types_over(redacta_engine, text, street)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Meeting on 14 Jan at 10:00 in Room 4.", "14 Jan"),
        ("Invoice dated 14 Jan 2024 Street Food Ltd", "14 Jan 2024"),
        ("Due 3 May. Street closures apply.", "3 May"),
    ],
)
def test_a_day_and_month_before_other_words_stay_a_date(
    redacta_engine: Engine, text: str, date: str
) -> None:
    assert "DATE_TIME" in types_over(redacta_engine, text, date)
