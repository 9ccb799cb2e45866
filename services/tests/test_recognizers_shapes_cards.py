"""Payment card numbers of every scheme and length (12-19 digits), compact or grouped, are
CREDIT_CARD; Luhn-invalid numbers and Luhn-valid look-alikes (ISBNs, IMEIs, SIM numbers,
order numbers, millisecond timestamps, phone numbers, IBAN digits) are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from redacta.engine.recognizers.cards import card_scheme, luhn_valid
from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "card"),
    [
        # 16-digit Visa in fours, with spaces, hyphens, or none
        ("Visa 4532 0151 1283 0366, exp 11/27", "4532 0151 1283 0366"),
        ("Paid with 4532-0151-1283-0366 yesterday.", "4532-0151-1283-0366"),
        ("card=4532015112830366 status=declined", "4532015112830366"),
        # 13- and 19-digit Visa; 19 digits grouped 4-4-4-4-3
        ("Visa 4382 4288 4818 6 (old 13-digit card)", "4382 4288 4818 6"),
        ("Card number: 4539578763621486123", "4539578763621486123"),
        ("Card number: 4539 5787 6362 1486 123", "4539 5787 6362 1486 123"),
        # Mastercard's 2-series, Mir, UnionPay (19 digits)
        ("Mastercard 2223-0031-2200-3222", "2223-0031-2200-3222"),
        ("Оплата картой МИР 2200 1234 5678 9019.", "2200 1234 5678 9019"),
        ("UnionPay 6217834567890123452", "6217834567890123452"),
        # American Express 4-6-5, Diners Club 4-6-4, JCB's 15-digit range
        ("Amex 3782 822463 10005", "3782 822463 10005"),
        ("Diners Club 3056 930902 5904", "3056 930902 5904"),
        ("Refund to 213188997766551 (JCB).", "213188997766551"),
        # the expiry date written after the number is not part of it
        ("Card 4485 2719 3740 1159 12/27 CVV 123", "4485 2719 3740 1159"),
    ],
)
def test_card_numbers_of_every_scheme_are_found(
    redacta_engine: Engine, text: str, card: str
) -> None:
    assert ("CREDIT_CARD", card) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "card"),
    [
        # Outside every scheme's length or range, a card word makes a Luhn-valid number a card:
        # 12-digit Maestro, a 14-digit 6304 Maestro, a national scheme starting with 9
        ("Maestro card 501812345673 was blocked.", "501812345673"),
        ("Kreditkarte: 6304 0000 0000 00", "6304 0000 0000 00"),
        ("Номер карты 9500 1234 5678 9011", "9500 1234 5678 9011"),
        ("卡号：9500123456789011", "9500123456789011"),  # noqa: RUF001 (Chinese colon)
        ("Numéro de carte : 5018765432106", "5018765432106"),
        # the card word may come a little after the number on its line
        ("Saved: 3056930902597 (Diners)", "3056930902597"),
        # a list after one card word
        ("Saved cards: 4539578763621486123 (default), 501812345673.", "501812345673"),
    ],
)
def test_luhn_valid_numbers_after_a_card_word_are_cards(
    redacta_engine: Engine, text: str, card: str
) -> None:
    assert ("CREDIT_CARD", card) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # one digit off: the Luhn check fails, card word or not
        ("Card number 4532 0151 1283 0367", "4532 0151 1283 0367"),
        ("Maestro card 501812345674 was blocked.", "501812345674"),
        # Luhn-valid numbers outside the schemes and without a card word
        ("Shipment 9500123456789011 arrived at the depot.", "9500123456789011"),
        # an ISBN-13 that happens to pass the Luhn check
        ("ISBN 9783064061569, second edition", "9783064061569"),
        # IMEIs and SIM numbers (ICCID) are Luhn-valid by design; a SIM card is no payment card
        ("Phone IMEI 490154203237518 was reported lost.", "490154203237518"),
        ("SIM card number 8944100030123456706", "8944100030123456706"),
        # an order number in the Visa range
        ("Order no. 4532015112830366 has shipped.", "4532015112830366"),
        # a time in milliseconds next to a card word
        ("card_updated_at 1700000000004", "1700000000004"),
        # four digits only
        ("Charged to the card ending 4821 on Monday.", "4821"),
    ],
)
def test_look_alikes_are_not_cards(redacta_engine: Engine, text: str, value: str) -> None:
    assert "CREDIT_CARD" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Call +44 7911 123456 about the card.", "+44 7911 123456", "PHONE_NUMBER"),
        (
            "Card refund to IBAN DE89 3704 0044 0532 0130 00.",
            "DE89 3704 0044 0532 0130 00",
            "IBAN_CODE",
        ),
    ],
)
def test_phone_numbers_and_ibans_near_a_card_word_keep_their_type(
    redacta_engine: Engine, text: str, value: str, kind: str
) -> None:
    assert types_over(redacta_engine, text, value) == {kind}


def test_luhn_and_scheme_rules() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert card_scheme("378282246310005") == "American Express"
    assert card_scheme("2223003122003222") == "Mastercard"
    assert card_scheme("2200123456789019") == "Mir"
    # a 15-digit number starting with 4 is no Visa length; 12-digit Maestro needs a card word
    assert card_scheme("490154203237518") is None
    assert card_scheme("501812345673") is None
