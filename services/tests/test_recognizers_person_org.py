"""PERSON and ORGANIZATION: cued names found, common words/products/streets/firms not people."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, make_engine, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referred by Dr. Ward at the clinic.", "Ward"),
        ("Dear Priya,\n\nThe slides are attached.", "Priya"),
        ("See you soon.\n\nKind regards,\nOlivia Grant", "Olivia Grant"),
        ("Name: Jesse Fowler\nDate of birth: 1 May 1990", "Jesse Fowler"),
        ("Patient Curtis Walter attended today.", "Curtis Walter"),
        ("Hi, my name is Marcus Bell and my order is late.", "Marcus Bell"),
        ("Kev: whats ur number again\nSinead: cheers", "Sinead"),
        ("Stacy, I forwarded your CV to the team.", "Stacy"),
        ("Can you check the tracking? — Marcus Bell", "Marcus Bell"),
        ("Agent note: spoke with Tabitha Middleton about the refund.", "Tabitha Middleton"),
    ],
)
def test_people_named_after_cues(engine: Engine, text: str, name: str) -> None:
    assert "PERSON" in types_over(engine, text, name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Supplier shall deliver within 30 days.", "Supplier"),
        ("Urgent Request: please review the Agenda before Friday.", "Agenda"),
        ("Plan: repeat FBC and U&E in 2 weeks.", "FBC"),
        ("Dear Hiring Manager, I am applying for the role.", "Hiring Manager"),
        ("My Pixel 8 will not charge since the update.", "Pixel"),
        ("Thanks for the Kindle Paperwhite, it is great.", "Kindle"),
        ("I forwarded your CV to Ann Lee at Lewis, James and Doyle.", "Doyle"),
        ("The parcel went to 52 Lindsey Divide, Cardiff CF11 9HA.", "Lindsey"),
        ("Flight to San Diego departs at noon.", "San Diego"),
    ],
)
def test_capitalised_words_that_are_not_people(engine: Engine, text: str, word: str) -> None:
    assert "PERSON" not in types_over(engine, text, word)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Payment goes to Brightwater Consulting Pty Ltd each month.",
            "Brightwater Consulting Pty Ltd",
        ),
        ("She trained at the University of Edinburgh in 2015.", "University of Edinburgh"),
        ("I forwarded your CV to Ann Lee at Lewis, James and Doyle.", "Lewis, James and Doyle"),
        (
            "He was admitted to St. Vincent's University Hospital.",
            "St. Vincent's University Hospital",
        ),
        ("Corey Rios worked at Shopify in Winnipeg for years.", "Shopify"),
        ("Signed for Kestrel Engineering Limited by its director.", "Kestrel Engineering Limited"),
    ],
)
def test_organisations(engine: Engine, text: str, org: str) -> None:
    assert ("ORGANIZATION", org) in findings(engine, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Please add him to payroll; bank details IBAN GB33LOYD30918800567890.", "IBAN"),
        ("Patient DOB 02/03/1946, NHS no. 943 476 5919.", "NHS"),
        ("Error code ORD-7310322 appears when opening the app.", "ORD-7310322"),
        ("Q3 report: revenue up 4% compared to last year.", "Q3"),
        ("Customer Services will call you back.", "Customer Services"),
        ("Our office is at 42 Meadow Lane, Ennis, Co. Clare.", "Ennis"),
    ],
)
def test_labels_and_ids_are_not_organisations(engine: Engine, text: str, word: str) -> None:
    assert "ORGANIZATION" not in types_over(engine, text, word)
