"""US_SSN: a number named as a social security number is redacted even when Presidio knows
it as a test value; the same digits without that context are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "ssn"),
    [
        ("His social security number is 078-05-1120.", "078-05-1120"),
        ("SSN: 123-45-6789", "123-45-6789"),
        ("Soc. Sec. No. 219 09 9999 on file", "219 09 9999"),
        ("social security no. 000-12-3456 (as written on the form)", "000-12-3456"),
    ],
)
def test_ssn_after_strong_cue(redacta_engine: Engine, text: str, ssn: str) -> None:
    assert ("US_SSN", ssn) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Order 123-45-6789 shipped on time.",
        "Ticket 078-05-1120 was closed.",
        "SSN field left blank; reference 12-345-6789.",
    ],
)
def test_ssn_shaped_numbers_without_cue_are_not_ssn(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "US_SSN"}
