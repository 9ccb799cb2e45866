"""LOCATION: postal addresses in US/UK/IE/CA/AU formats are found whole; look-alikes are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "It was delivered to 14 Elmwood Avenue, Apt 3B, Columbus, OH 43215 yesterday.",
            "14 Elmwood Avenue, Apt 3B, Columbus, OH 43215",
        ),
        (
            "Send it to Flat 2, 9 Marlborough Road, Bristol BS6 5QG please.",
            "Flat 2, 9 Marlborough Road, Bristol BS6 5QG",
        ),
        (
            "Her address is 22 Castle Street, Kilkenny, Co. Kilkenny, R95 X2C4.",
            "22 Castle Street, Kilkenny, Co. Kilkenny, R95 X2C4",
        ),
        (
            "Premises: Suite 210, 1400 West Georgia Street, Vancouver, BC V6G 2Z6",
            "Suite 210, 1400 West Georgia Street, Vancouver, BC V6G 2Z6",
        ),
        (
            "Proof of address for 8/22 Rowe Street, Fremantle WA 6160 is attached.",
            "8/22 Rowe Street, Fremantle WA 6160",
        ),
        (
            "New address: 1850 Rue Sainte-Catherine, Montreal, QC H3H 1M1.",
            "1850 Rue Sainte-Catherine, Montreal, QC H3H 1M1",
        ),
        (
            "Collect from Unit 7, Ballymount Industrial Estate, Dublin 12, D12 KX40 on Friday.",
            "Unit 7, Ballymount Industrial Estate, Dublin 12, D12 KX40",
        ),
    ],
)
def test_street_addresses_are_found_whole(engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(engine, text)


def test_town_with_postcode_without_street(engine: Engine) -> None:
    assert ("LOCATION", "Harrogate HG2 0EX") in findings(engine, "Based in Harrogate HG2 0EX.")


def test_city_names_still_come_from_ner(engine: Engine) -> None:
    assert "LOCATION" in types_over(engine, "She is flying to Lisbon for the wedding.", "Lisbon")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Catherine lives in Ennis and works remotely.", "Ennis"),
        ("Our Sheffield office moved last year.", "Sheffield"),
        ("Flight to Tralee departs at noon.", "Tralee"),
    ],
)
def test_places_after_cues(engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "She moved to Excel for the reporting.",
        "We are based in March and April at the other site.",
        "Upgrade to v4.7 fixed the crash.",
    ],
)
def test_cue_words_before_non_places(engine: Engine, text: str) -> None:
    assert not {f for f in findings(engine, text) if f[0] == "LOCATION"}


def test_street_named_after_a_person_is_not_a_person(engine: Engine) -> None:
    text = "The lease is for 19 Michelle Pathway, Canberra ACT 2601."
    assert types_over(engine, text, "Michelle") == {"LOCATION"}


@pytest.mark.parametrize(
    "text",
    [
        "See Clause 7 (Confidentiality) and Schedule 2 for the service levels.",
        "Upgrade to version 4.12.1 fixed 3 crashes in the Settings screen.",
        "Order 1129-4471-06 contains 2 x USB-C cable and 1 x Charger 65W.",
        "Meeting Room 2 is booked for 30 minutes.",
    ],
)
def test_numbers_next_to_capitalised_words_are_not_addresses(engine: Engine, text: str) -> None:
    assert not {f for f in findings(engine, text) if f[0] == "LOCATION"}
