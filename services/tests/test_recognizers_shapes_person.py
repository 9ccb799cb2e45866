"""PERSON: names in lists after a person cue, ALL-CAPS and lower-case names after form
labels, and person vs organisation decided by the text; form labels, firm names with a
legal form and team words stay what they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Founders: Kovács, Virtanen and Tanaka.", ["Kovács", "Virtanen", "Tanaka"]),
        (
            "The firm was founded in 1991 by Mclaughlin, Flores and Sullivan.",
            ["Mclaughlin", "Flores", "Sullivan"],
        ),
        ("We thank Mukherjee, Joshi and Chauhan for comments.", ["Mukherjee", "Joshi", "Chauhan"]),
        ("Volunteers for the food bank: Šibalić, Terlević, Grba.", ["Šibalić", "Terlević", "Grba"]),
        (
            "Team sheet: de Leeuw, Lijn and Recers. Kick-off at noon.",
            ["de Leeuw", "Lijn", "Recers"],
        ),
        ("Founders: Cuesta & Casanova.", ["Cuesta", "Casanova"]),
    ],
)
def test_names_in_a_list_after_a_person_cue(
    redacta_engine: Engine, text: str, names: list[str]
) -> None:
    for name in names:
        assert types_over(redacta_engine, text, name) == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cardholder: KRISHNA MERCHANT\nCard number on file", "KRISHNA MERCHANT"),
        ("SENDER: DAG THORSEN, Flat 3, Oslo", "DAG THORSEN"),
        ("Name: joão da silva\nPhone: 555 0199", "joão da silva"),
        ("Patient: ana lópez\nWard 4", "ana lópez"),
    ],
)
def test_all_caps_and_lower_case_names_after_labels(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert ("PERSON", name) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Relationship: sister\nCity: Nasavrky\nDue: 23 January 1990",
        "Results: all tests passed.",
        "Correspondence: see the attached letter.",
        "Handover: the night shift moves to the new tool.",
    ],
)
def test_form_labels_are_not_people(redacta_engine: Engine, text: str) -> None:
    label = text.split(":", 1)[0]
    assert ("PERSON", label) not in findings(redacta_engine, text)


def test_chat_speaker_who_speaks_twice_is_a_person(redacta_engine: Engine) -> None:
    text = "Oskar: are we still on?\nBea: yes\nOskar: great, see you"
    assert ("PERSON", "Oskar") in findings(redacta_engine, text)


def test_first_name_alone_is_the_person_named_in_full(redacta_engine: Engine) -> None:
    text = "Please welcome Marek Nowakowski and Amélie Laurent. Marek's desk is by the window."
    start = text.index("Marek's")
    assert "PERSON" in {
        r.entity_type
        for r in redacta_engine.analyze(text)
        if r.start == start and r.end == start + len("Marek")
    }
    assert "ORGANIZATION" not in types_over(redacta_engine, text, "Marek Nowakowski")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Invoice from Nowakowski Kft. for Marek Nowakowski.", "Nowakowski Kft"),
        ("Paid to Laurent GmbH; contact Amélie Laurent.", "Laurent GmbH"),
    ],
)
def test_legal_form_keeps_an_organisation(redacta_engine: Engine, text: str, org: str) -> None:
    assert "ORGANIZATION" in types_over(redacta_engine, text, org)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Invitation letter for a guest born 28/08/1999 in TARRAGONA.", "TARRAGONA", "LOCATION"),
        ("Baptism record, 5 Sep 2000, parish of Bufalata.", "Bufalata", "LOCATION"),
        (
            "Baptism record: Monica Totino, son of Alessandra Pedersoli.",
            "Alessandra Pedersoli",
            "PERSON",
        ),
        (
            "payment declined card=30037739911945 customer=Branko Štrljić",
            "Branko Štrljić",
            "PERSON",
        ),
    ],
)
def test_context_decides_person_and_place(
    redacta_engine: Engine, text: str, value: str, kind: str
) -> None:
    assert kind in types_over(redacta_engine, text, value)
    assert "ORGANIZATION" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Candidate expects 37,066.59 PLN a year.", "PLN"),
        ("Ticket CASE-810070 closed by the team.", "CASE-810070"),
        ("Parcel contents: letters, CoreFit tracker.", "CoreFit"),
    ],
)
def test_codes_currencies_and_products_are_not_organisations(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "ORGANIZATION" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I am a motivated Registered Nurse seeking a Band 6 role.", "Registered Nurse"),
        ("She studied Computer Science at night.", "Computer Science"),
        ("We are hiring a Data Scientist for the team.", "Data Scientist"),
        ("noo en serio, ik stuur het wel naar mijn werk", "ik stuur het wel"),
    ],
)
def test_job_titles_fields_and_lower_case_chat_are_not_organisations(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "ORGANIZATION" not in types_over(redacta_engine, text, value)


def test_company_named_like_a_field_keeps_its_legal_form(redacta_engine: Engine) -> None:
    text = "Invoice from Nordic Engineering AB for the pump."
    assert "ORGANIZATION" in types_over(redacta_engine, text, "Nordic Engineering AB")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "References\nMorava K, Lindqvist AB, Oduya T (2011). Soil salinity in deltas.",
            ["Morava K", "Lindqvist AB", "Oduya T"],
        ),
        (
            "Brennan, P., Okafor, C. and Sato, H. (1998). Tidal mills. Leiden: Brill.",
            ["Brennan, P.", "Okafor, C.", "Sato, H."],
        ),
        ('[7] Varga E, Hollós T, "Dry-stone walls of the Balaton uplands", 2004.', ["Varga E"]),
        ("Quinlan, M. (2003) Personal communication.", ["Quinlan, M."]),
    ],
)
def test_the_authors_of_a_reference_are_people(
    redacta_engine: Engine, text: str, authors: list[str]
) -> None:
    for author in authors:
        assert ("PERSON", author) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Room B (2020 refurbishment) is closed.", "Room B"),
        ("Figure S (2019) shows the trend.", "Figure S"),
        ("Batch Q, Line R (2021 run) failed.", "Batch Q"),
    ],
)
def test_a_word_and_a_letter_before_a_year_are_no_author(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, value)
