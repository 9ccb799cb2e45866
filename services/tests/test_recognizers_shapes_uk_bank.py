"""UK bank details: a sort code and the 8-digit account number next to it are UK_BANK_NUMBER
(Presidio has no type for them; its weak 8-17 digit pattern typed the account US_BANK_NUMBER
and left the sort code in clear). A 2-2-2 number alone, dates and other 8-digit numbers are
not UK bank details."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from redacta.engine.options import AnalyzeOptions
from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "sort_code", "account"),
    [
        (
            "Please pay into sort code 12-34-56, account number 31926819, by Friday.",
            "12-34-56",
            "31926819",
        ),
        ("Bank: Barclays, Sort Code: 20-00-00 Account No: 5577 9911", "20-00-00", "5577 9911"),
        ("Account 31926819, sort code 200000.", "200000", "31926819"),
        ("S/C 40 47 84\nA/C 70872490", "40 47 84", "70872490"),
        # written as a pair, with no words around
        ("Refund to 12-34-56 31926819 please", "12-34-56", "31926819"),
    ],
)
def test_sort_code_and_account_number_are_uk_bank_details(
    redacta_engine: Engine, text: str, sort_code: str, account: str
) -> None:
    found = findings(redacta_engine, text)
    assert ("UK_BANK_NUMBER", sort_code) in found
    assert ("UK_BANK_NUMBER", account) in found
    # the account is no longer also reported as a US bank number
    assert types_over(redacta_engine, text, account) == {"UK_BANK_NUMBER"}


def test_only_the_nearest_number_is_the_account(redacta_engine: Engine) -> None:
    text = "Sort code 12-34-56, account 31926819. Invoice ref 44556677."
    assert "UK_BANK_NUMBER" not in types_over(redacta_engine, text, "44556677")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 2-2-2 numbers without "sort code" or an account after them: part numbers, dates
        ("Part 12-34-56 shipped on 12-03-24, ticket 31926819.", "12-34-56"),
        ("Part 12-34-56 shipped on 12-03-24, ticket 31926819.", "31926819"),
        # an account number with no sort code anywhere near
        ("Your account number is 31926819.", "31926819"),
    ],
)
def test_numbers_without_a_sort_code_are_not_uk_bank_details(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "UK_BANK_NUMBER" not in types_over(redacta_engine, text, value)


def test_uk_bank_details_are_found_by_default_and_on_request(redacta_engine: Engine) -> None:
    text = "Sort code 12-34-56, account 31926819."
    assert "UK_BANK_NUMBER" in redacta_engine.settings.entities
    asked = redacta_engine.analyze(text, AnalyzeOptions(entities=["UK_BANK_NUMBER"]))
    assert {text[r.start : r.end] for r in asked} == {"12-34-56", "31926819"}
