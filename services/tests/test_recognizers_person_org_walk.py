# ruff: noqa: RUF001, RUF002 (accents, dashes and other languages are the point)
"""PERSON and ORGANIZATION on text a new user pastes: a name under a JSON "name" key, a CV's
"2019 – Present", an ALL-CAPS document title, a degree in a CV line, thanks said to someone,
chat lines in other languages and sign-offs on their own. Each has its look-alike that must
keep its finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        (
            '{"id": 17, "name": "Chidi Okafor", "email": "chidi@example.com"}',
            "Chidi Okafor",
            "PERSON",
        ),
        ("{'customer_name': 'Wanjiru Kamau', 'plan': 'pro'}", "Wanjiru Kamau", "PERSON"),
        ('{"firstName": "Ngozi", "lastName": "Eze"}', "Ngozi", "PERSON"),
        ('{"firstName": "Ngozi", "lastName": "Eze"}', "Eze", "PERSON"),
        ('{"employer": "Dangote Cement", "since": 2019}', "Dangote Cement", "ORGANIZATION"),
    ],
)
def test_values_of_quoted_name_keys(
    redacta_engine: Engine, text: str, value: str, kind: str
) -> None:
    assert (kind, value) in findings(redacta_engine, text)


def test_quoted_keys_that_name_no_person_add_no_person(redacta_engine: Engine) -> None:
    text = '{"status": "Open Door", "filename": "Report Final.pdf", "email": "a@b.co"}'
    assert not any(kind == "PERSON" for kind, _ in findings(redacta_engine, text))


def test_a_column_header_in_camel_case_or_ending_in_name(redacta_engine: Engine) -> None:
    text = "customerName;Company Name;Amount\nAroha Ngata;Kauri Timber;120.00"
    found = findings(redacta_engine, text)
    assert ("PERSON", "Aroha Ngata") in found
    assert ("ORGANIZATION", "Kauri Timber") in found


def test_present_after_a_year_range_is_no_person(redacta_engine: Engine) -> None:
    text = (
        "EXPERIENCE\nSenior Analyst, Deloitte, London, 2019 – Present\nAnalyst, KPMG, 2016 – 2019"
    )
    assert "PERSON" not in types_over(redacta_engine, text, "Present")


def test_a_dash_before_a_name_still_signs_a_message(redacta_engine: Engine) -> None:
    text = "Can you check the tracking for order 4471?\n— Marcus Bell"
    assert "PERSON" in types_over(redacta_engine, text, "Marcus Bell")


def test_an_all_caps_document_title_is_no_person(redacta_engine: Engine) -> None:
    text = (
        "ASSURED SHORTHOLD TENANCY AGREEMENT\n\n"
        "This agreement is made on 1st September 2024 between the Landlord and the Tenant."
    )
    assert not any(kind == "PERSON" for kind, _ in findings(redacta_engine, text))


def test_an_all_caps_name_on_its_own_line_stays_a_person(redacta_engine: Engine) -> None:
    text = "SHIP TO:\nMARGARET O'BRIEN\n14 Harbour Road\nCobh"
    assert "PERSON" in types_over(redacta_engine, text, "MARGARET O'BRIEN")


def test_a_degree_is_no_organisation_and_its_university_is(redacta_engine: Engine) -> None:
    text = (
        "EDUCATION\nMSc Statistics, University of Warwick, 2015\n"
        "BSc Mathematics, University of Leeds, 2014"
    )
    found = findings(redacta_engine, text)
    assert "ORGANIZATION" not in types_over(redacta_engine, text, "MSc Statistics")
    assert ("ORGANIZATION", "University of Warwick") in found
    assert ("ORGANIZATION", "University of Leeds") in found


@pytest.mark.parametrize(
    "text",
    ["Thanks Lucía, see you Monday.", "Hola Lucía, gracias por tu mensaje. Nos vemos el lunes."],
)
def test_a_name_after_thanks_or_a_greeting_is_a_person(redacta_engine: Engine, text: str) -> None:
    assert ("PERSON", "Lucía") in findings(redacta_engine, text)


def test_a_sentence_in_another_language_is_no_person(redacta_engine: Engine) -> None:
    text = "Hola Lucía, gracias por tu mensaje. Nos vemos el lunes."
    people = {value for kind, value in findings(redacta_engine, text) if kind == "PERSON"}
    assert people == {"Lucía"}


def test_chat_messages_in_another_language_are_no_people(redacta_engine: Engine) -> None:
    text = "Matti: oon myöhässä, juna jumissa\nSaara: ok, aloitetaan ilman sua"
    people = {value for kind, value in findings(redacta_engine, text) if kind == "PERSON"}
    assert people <= {"Matti", "Saara"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "drop at Flat 12, Mill Lane, Ashford, TN24 8AB - ring bell for duane bennett",
            "duane bennett",
        ),
        (
            "Lead: hanako fujii, Yokohama, itonaoki@example.net, came via the web form.",
            "hanako fujii",
        ),
    ],
)
def test_a_lower_case_name_in_an_english_line_stays_a_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "signoff"),
    [
        ("Lugupidamisega\nKadri Tamm\nBolt Technology OÜ", "Lugupidamisega"),
        ("Srdačan pozdrav,\nNikola Jovanović\nTelekom Srbija", "Srdačan pozdrav"),
        ("Vänliga hälsningar,\nOlle Berg\nVolvo Cars", "Vänliga hälsningar"),
    ],
)
def test_a_sign_off_is_no_person_and_the_signer_is(
    redacta_engine: Engine, text: str, signoff: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, signoff)
    signer = text.split("\n")[1]
    assert "PERSON" in types_over(redacta_engine, text, signer)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Claim REF-1\nPolicyholder: Anastazja Pancerz\nDate of loss: 5 May\n"
            "Cause: burst pipe in the kitchen",
            "Cause",
        ),
        (
            "Customer: Dang Quoc Huy\nEmail: huy@example.com\nReason: item not received",
            "Reason",
        ),
    ],
)
def test_a_field_of_a_form_is_no_chat_speaker(
    redacta_engine: Engine, text: str, label: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, label)


def test_a_chat_with_a_role_speaker_keeps_its_named_speaker(redacta_engine: Engine) -> None:
    text = "Ravi: the server is down again\nOps: on it"
    assert "PERSON" in types_over(redacta_engine, text, "Ravi")


@pytest.mark.parametrize(
    "text",
    [
        "She said the package arrived late. She will call back tomorrow.",
        "He said the invoice was wrong.",
        "They will send the forms on Monday.",
    ],
)
def test_a_pronoun_opening_a_sentence_is_no_person(redacta_engine: Engine, text: str) -> None:
    assert not any(kind == "PERSON" for kind, _ in findings(redacta_engine, text))


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Customer Success will reach out to schedule onboarding.", "Success"),
        ("Hi Priya, Customer Success will follow up.", "Success"),
        ("Client Services will call you back.", "Services"),
    ],
)
def test_a_team_after_a_role_word_is_no_person(
    redacta_engine: Engine, text: str, team: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, team)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He prefers to be called Kolya by friends.", "Kolya"),
        ("Name: Mthunzi Khumalo (prefers to be called Mthu)", "Mthu"),
        ("Preferred name: Bongani", "Bongani"),
        ("Known to friends as Ziggy, he runs the workshop.", "Ziggy"),
    ],
)
def test_the_name_a_person_goes_by_is_a_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert types_over(redacta_engine, text, name) == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi all,\nthe report is attached.\nThanks, Seo-yeon", "Seo-yeon"),
        ("Thanks, Ha-eun!", "Ha-eun"),
        ("Great work on the release. Thanks, 민준", "민준"),
    ],
)
def test_a_korean_given_name_after_thanks_is_a_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert ("PERSON", name) in findings(redacta_engine, text)


def test_an_accounts_team_is_no_person(redacta_engine: Engine) -> None:
    text = "Status: Accounts Payable will move to the new tool in Q3."
    assert "PERSON" not in types_over(redacta_engine, text, "Payable")
