"""PERSON and ORGANIZATION: cued names found, common words/products/streets/firms not people."""

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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dear Maria Gonzalez, thanks for your email.", {"Maria Gonzalez"}),
        ("Hi John,", {"John"}),
        ("Thanks, Dr. Sarah Lee", {"Sarah Lee"}),
        ("Hello Mr. Tom Baker, welcome aboard.", {"Tom Baker"}),
        ("Dear Dr. Amina Yusuf,\nthanks for the referral.", {"Amina Yusuf"}),
    ],
)
def test_greetings_and_titles_are_not_part_of_the_name(
    engine: Engine, text: str, names: set[str]
) -> None:
    """One PERSON finding per name, without "Dear"/"Hi"/"Dr." (redacting them is wrong)."""
    people = [text[r.start : r.end] for r in engine.analyze(text) if r.entity_type == "PERSON"]
    assert sorted(people) == sorted(names)


def test_a_span_adding_only_a_greeting_to_a_surer_one_is_dropped() -> None:
    from presidio_analyzer import RecognizerResult

    from redacta.engine.recognizers.enhancer import drop_salutation_supersets

    text = "Dear Maria Gonzalez Smith, thanks."

    def found(start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult("PERSON", start, end, score, recognition_metadata={})

    greeting = found(0, 19, 0.55)  # "Dear Maria Gonzalez"
    name = found(5, 19, 0.85)  # "Maria Gonzalez"
    longer = found(5, 25, 0.5)  # "Maria Gonzalez Smith": adds a name word, stays
    weaker = found(5, 12, 0.4)  # "Maria" is no reason to drop what contains it
    drop_salutation_supersets(text, [greeting, name, longer, weaker])
    assert [greeting.score, name.score, longer.score, weaker.score] == [0.0, 0.85, 0.5, 0.4]
