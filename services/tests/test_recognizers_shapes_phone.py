"""PHONE_NUMBER: numbers a cue word announces are phones even in formats phonenumbers does
not validate, and so are digits grouped the way only phone numbers are written; order
numbers, amounts, dates, room numbers and tracking numbers are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Mobile 0171 2345678, any time.", "0171 2345678"),
        ("Call me on 06-12345678 after five.", "06-12345678"),
        ("T: +49 (0)30 1234-567 | M: 0176 123 45 678", "0176 123 45 678"),
        ("Tel.: 22 555 01 23", "22 555 01 23"),
        ("fax no. 3345 8890 12", "3345 8890 12"),
        ("Phone (office): 555 0199", "555 0199"),
        ("Téléphone : 04 91 55 12 34", "04 91 55 12 34"),
        ("ring us on 8765 4321", "8765 4321"),
        ("Mobile .......... 06802 42532", "06802 42532"),
        ("she called from 02-5410-3267, not home", "02-5410-3267"),
    ],
)
def test_cued_numbers_are_phones(redacta_engine: Engine, text: str, phone: str) -> None:
    assert ("PHONE_NUMBER", phone) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("backup contact Giuli, +995 809 013 710.", "+995 809 013 710"),
        ("Coach Julie can be found, (01632) 960529 or e-mail.", "(01632) 960529"),
        ("Next of kin: Eva, 08-246 46 04", "08-246 46 04"),
        ("Shift lead Nafi, +90(824)861-0302x612.", "+90(824)861-0302x612"),
        ("Branch line 322-841-4270 ext 12 is new.", "322-841-4270 ext 12"),
    ],
)
def test_phone_shaped_numbers_without_cue(redacta_engine: Engine, text: str, phone: str) -> None:
    assert ("PHONE_NUMBER", phone) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Order number 1234567 totals 349.00 EUR.",
        "Invoice 20231104 is overdue.",
        "Meet in room 12, office 301.",
        "Phone 12.03.2024 was the day it broke.",
        "Call volume rose by 125000 last year.",
        "Office rent is 1,250.00 per month.",
        "Population 1 250 000 in 2020.",
        "Tracking no. 0123 4567 8901 2345",
        "Invoice dated 2023-11-04 paid.",
    ],
)
def test_numbers_that_are_not_phones(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "PHONE_NUMBER"}
