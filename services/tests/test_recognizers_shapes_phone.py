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


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # cue words of other languages and scripts
        ("ΤΗΛ. 2310 234 118", "2310 234 118"),
        ("联系人：陈建国，电话：13800138000，地址：广州市", "13800138000"),  # noqa: RUF001
        ("тел. 044 123 45 67", "044 123 45 67"),
        ("GSM: 0475 12 34 56", "0475 12 34 56"),
        ("Puh. 040 123 4567", "040 123 4567"),
        ("The movers will call you on 93 272 01 46.", "93 272 01 46"),
        # a cue beats a 10-digit "NHS number" checksum that has no context of its own
        ("Verification code sent to 2995964574. Not you?", "2995964574"),
        # a short extension after its word
        ("Her office is Room 214 and her extension is 4417.", "4417"),
        ("Durchwahl: 213", "213"),
    ],
)
def test_cues_of_many_languages_and_extensions(
    redacta_engine: Engine, text: str, phone: str
) -> None:
    assert ("PHONE_NUMBER", phone) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # international right after a comma, as in a CSV row
        ("Zainab Bello,zainab@example.co.uk,+44 7700 900871,United Kingdom", "+44 7700 900871"),
        # trunk 0 and 9-10 more digits, unbroken
        ("Yatin Prakash\tNagaon\t04192960220", "04192960220"),
        ("gunhild called from 0495110515, not home till 12h20", "0495110515"),
        # a long extension does not count as digits of the number
        ("Witness: Terrence Bishop, 679-311-1928x69289.", "679-311-1928x69289"),
        # 3-3-3 and 3-2-3 national groupings
        ("GP: Dr Bartman, Gabinety Krakowczyk Sp.j., 536 279 984", "536 279 984"),
        ("Agent: Grethe Lund, 451 40 768.", "451 40 768"),
        # a Chinese mobile number, unbroken (valid to libphonenumber)
        ("alternate contact Ming Tang, 13586166316.", "13586166316"),
        # a bracketed area code after Portuguese "no" ("at the")
        ("Falar com Seu Antônio no (31) 99812-4470, Belo Horizonte.", "(31) 99812-4470"),
    ],
)
def test_national_shapes_and_contact_lines(redacta_engine: Engine, text: str, phone: str) -> None:
    assert ("PHONE_NUMBER", phone) in findings(redacta_engine, text)


def test_a_phone_written_with_one_dot_after_its_area_code(redacta_engine: Engine) -> None:
    """A leading zero makes the digits before the dot an area code, not a whole number."""
    assert ("PHONE_NUMBER", "02.87381234") in findings(redacta_engine, "Chiamare 02.87381234.")


@pytest.mark.parametrize(
    "text",
    [
        # amounts grouped 3-3-3 with their currency
        "Budget: 125 000 000 Ft for the year.",
        "amount EUR 125 000 000",
        # an order number grouped 3-3-3, a reference with leading zeros
        "Order No. 601 234 567 has shipped.",
        "Invoice 0012345678 is overdue.",
        # lists of small numbers are no 2-2-2-2 phone
        "Scores this week: 12 15 18 21",
        # an 11-digit number starting with 1 that no Chinese mobile range has
        "Batch 10012345678 passed QA.",
        # "extension" of a lease or a cord
        "The extension of 30 days was granted.",
        # numbers with a fraction in a JSON export: coordinates, scores, a fraction's digits
        '{"lat": 51.50735095, "lng": -0.12775829, "score": 0.8234567891}',
        "ratio 0.9434765919, took 12.2345678912 s",
    ],
)
def test_more_numbers_that_are_not_phones(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "PHONE_NUMBER"}


def test_numbers_under_a_phone_column_are_phones(redacta_engine: Engine) -> None:
    table = (
        "Name\tCity\tPhone\n"
        "Siu-ming Cheung\tWan Chai\t9324 0110\n"
        "Elaine Agius\tŻabbar\t99261183\n"
        "Rita Borg\tSt Paul's Bay\tn/a\n"
        "Ivan Petrov\tSofia\t2024\n"
    )
    found = findings(redacta_engine, table)
    assert ("PHONE_NUMBER", "9324 0110") in found
    assert ("PHONE_NUMBER", "99261183") in found
    # words and too short numbers under the header are no phone numbers
    assert not {f for f in found if f[0] == "PHONE_NUMBER" and f[1] in {"n/a", "2024"}}


@pytest.mark.parametrize("header", ["mobileNumber", "MobileNumber", "phone-no", "Phone No."])
def test_a_phone_column_in_any_spelling(redacta_engine: Engine, header: str) -> None:
    table = f"fullName\tcity\t{header}\nSiu-ming Cheung\tWan Chai\t9324 0110\n"
    assert ("PHONE_NUMBER", "9324 0110") in findings(redacta_engine, table)
