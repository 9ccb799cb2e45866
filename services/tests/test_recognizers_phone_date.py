"""PHONE_NUMBER via phonenumbers in the default regions; DATE_TIME only for real dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


@pytest.mark.parametrize(
    "number",
    [
        "+1 415-555-0132",  # US, international
        "(415) 555-0132",  # US, national
        "0161 496 0732",  # GB landline
        "07911 123456",  # GB mobile
        "+44 (0)20 7946 0018",  # GB, international with trunk zero
        "087 123 4567",  # IE mobile
        "+353 1 456 7890",  # IE Dublin
        "(514) 555-0148",  # CA
        "0412 555 019",  # AU mobile
        "+61 2 9374 4000",  # AU landline
    ],
)
def test_phone_numbers_of_default_regions(engine: Engine, number: str) -> None:
    assert ("PHONE_NUMBER", number) in findings(engine, f"Please call me on {number} today.")


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5919 was checked.",
        "Pay to IBAN GB33 LOYD 3091 8800 5678 90 by Friday.",
        "Login from 185.220.101.45 was blocked.",
        "Order 77410023 shipped; build 2024.3.7 deployed.",
    ],
)
def test_numbers_that_are_not_phones(engine: Engine, text: str) -> None:
    assert not {f for f in findings(engine, text) if f[0] == "PHONE_NUMBER"}


def test_international_number_beats_nhs_checksum_inside_it(engine: Engine) -> None:
    # The last ten digits pass the NHS mod-11 check; the +1 says it is a phone number.
    found = findings(engine, "You can reach me at +1 506-280-3969.")
    assert ("PHONE_NUMBER", "+1 506-280-3969") in found
    assert not {f for f in found if f[0] == "UK_NHS"}


@pytest.mark.parametrize(
    "date",
    [
        "3 March 2025",
        "March 12, 2023",
        "12/03/2023",
        "2023-03-12",
        "12th of March 2023",
        "Tuesday, 9 April 2024 at 10:30",
        "Thursday, October 3rd",
        "14.08.1991",
    ],
)
def test_calendar_dates(engine: Engine, date: str) -> None:
    assert ("DATE_TIME", date) in findings(engine, f"The appointment is on {date}, thanks.")


@pytest.mark.parametrize(
    "text",
    [
        "The 2019 figures show a 45% increase.",
        "Refunds can take 30 days; the warranty covers three years of use.",
        "Take 20 mg twice daily and review weekly.",
        "Upgrade to 10.2.12 or 2019.4.6 fixed it.",
        "We may 21 times a day check the Q3 numbers.",
        "Card expiry 09/27.",
    ],
)
def test_durations_years_versions_are_not_dates(engine: Engine, text: str) -> None:
    assert not {f for f in findings(engine, text) if f[0] == "DATE_TIME"}


def test_bare_year_is_a_date_when_context_says_birth(engine: Engine) -> None:
    assert ("DATE_TIME", "1984") in findings(engine, "She was born in 1984 in Cork.")


def test_invalid_calendar_date_is_rejected(engine: Engine) -> None:
    assert not {f for f in findings(engine, "Ref 31/02/2023-A") if f[0] == "DATE_TIME"}
