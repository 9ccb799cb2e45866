"""National IDs Settings enables by default are found, and e-mail addresses on any host
(private and example domains included) are redacted, without taking handles or versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "nino"),
    [
        ("Her national insurance number is JG 10 37 21 A.", "JG 10 37 21 A"),
        ("NI number: AB123456C", "AB123456C"),
    ],
)
def test_uk_national_insurance_number_is_found(
    redacta_engine: Engine, text: str, nino: str
) -> None:
    assert ("UK_NINO", nino) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Her national insurance number is AB 12, the rest is missing.",
        "Room AB 12 on floor 3.",
        "National insurance number GB 12 34 56 A (GB is never issued).",
    ],
)
def test_nino_fragments_and_never_issued_prefixes_are_not_found(
    redacta_engine: Engine, text: str
) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "UK_NINO"}


@pytest.mark.parametrize(
    ("text", "email"),
    [
        (
            "Write to lucia.fernandez@mailbox.example for the form.",
            "lucia.fernandez@mailbox.example",
        ),
        ("Alerts go to ops@corp.local overnight.", "ops@corp.local"),
        ("Contact: jan.novak@firma.cz", "jan.novak@firma.cz"),
        ("Punycode host: info@xn--80ak6aa92e.xn--p1ai", "info@xn--80ak6aa92e.xn--p1ai"),
    ],
)
def test_email_on_any_host_is_found(redacta_engine: Engine, text: str, email: str) -> None:
    assert ("EMAIL_ADDRESS", email) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks @mention, merged.",
        "The pair a@b is not an address.",
        "Pin the dependency to pkg@1.2.3 before release.",
        "npm install lodash@4.17.21-beta.1 fixed it.",
        "Replace icon@2x.png and logo@3x.svg in the header.",
    ],
)
def test_handles_bare_hosts_and_versions_are_not_emails(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "EMAIL_ADDRESS"}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("NHS number: 943 476 5919", "943 476 5919"),
        ("Her NHS number is 9434765919.", "9434765919"),
        ("NHS no. 943-476-5919, seen 3.4.2024", "943-476-5919"),
    ],
)
def test_uk_nhs_number_is_found(redacta_engine: Engine, text: str, number: str) -> None:
    assert ("UK_NHS", number) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # Unix timestamps with their fraction (Slack and other JSON exports); the ten digits
        # pass the NHS check digit, as one number in eleven does.
        '{"ts": "1795770120.000300", "user": "U024BE7LH", "text": "see you"}',
        "thread_ts=1795770120.000300 reply_count=2",
        "NHS trust export, row 7: 9434765919.25",
        "ratio 0.9434765919",
    ],
)
def test_ten_digits_glued_to_a_decimal_fraction_are_no_nhs_number(
    redacta_engine: Engine, text: str
) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "UK_NHS"}
