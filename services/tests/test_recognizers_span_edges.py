"""Where a name or place span ends: never across a blank line into the next heading, a
person or organisation never across a line break, yet a postal address stays one span over
its lines; a label after a name ("Supervisor:") is not part of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.enhancer import keep_within_one_block
from redacta.engine.recognizers.person import trailing_label_words
from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine

CV = "EDUCATION\n\nPhD in Classics, University of Athens\n\nREFEREES\n\nAvailable on request."
ADDRESS_LETTER = (
    "Please send the signed copy to:\n\n"
    "Flat 4, 27 Marlowe Road\nBristol BS6 5AH\nUnited Kingdom\n\nKind regards,\nTom"
)


def _finding(text: str, value: str, entity_type: str, recognizer: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(
        entity_type,
        start,
        start + len(value),
        0.8,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer},
    )


def test_organisation_stops_before_the_next_heading(redacta_engine: Engine) -> None:
    found = findings(redacta_engine, CV)
    assert ("ORGANIZATION", "University of Athens") in found
    assert not [value for _, value in found if "REFER" in value]


def test_address_block_stays_one_span_over_its_lines(redacta_engine: Engine) -> None:
    address = "Flat 4, 27 Marlowe Road\nBristol BS6 5AH\nUnited Kingdom"
    assert ("LOCATION", address) in findings(redacta_engine, ADDRESS_LETTER)


@pytest.mark.parametrize(
    ("text", "span", "entity_type", "kept"),
    [
        ("Athens\n\nREFEREES", "Athens\n\nREFER", "LOCATION", "Athens"),
        (
            "University of Athens\r\n\r\nREFEREES",
            "University of Athens\r\n\r\nREF",
            "ORGANIZATION",
            "University of Athens",
        ),
        (
            "Helena Brandt\nLindenstraße 14",
            "Helena Brandt\nLindenstraße",
            "PERSON",
            "Helena Brandt",
        ),
        ("Notes:\n\nMaria Lopez", "\n\nMaria Lopez", "PERSON", "Maria Lopez"),
    ],
)
def test_span_is_cut_at_the_break(text: str, span: str, entity_type: str, kept: str) -> None:
    finding = _finding(text, span, entity_type, "OrganizationRecognizer")
    keep_within_one_block(text, [finding])
    assert text[finding.start : finding.end] == kept


@pytest.mark.parametrize(
    ("text", "entity_type"),
    [
        ("12 Baker Street\nLondon NW1 6XE", "LOCATION"),  # an address: one span over lines
        ("Ms Maria Lopez wrote", "PERSON"),  # no break at all
    ],
)
def test_span_without_a_break_to_cut_is_left_alone(text: str, entity_type: str) -> None:
    finding = _finding(text, text.split(" wrote")[0], entity_type, "AddressRecognizer")
    before = (finding.start, finding.end)
    keep_within_one_block(text, [finding])
    assert (finding.start, finding.end) == before


def test_the_users_own_recognizer_keeps_its_multi_line_span() -> None:
    text = "Project\nBluebird\n\nTeam"
    finding = _finding(text, text, "ORGANIZATION", "my project names")
    keep_within_one_block(text, [finding], frozenset({"my project names"}))
    assert (finding.start, finding.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "Priya Raman Supervisor: Dr. Chen",
        "Employee Priya Raman Supervisor:\nDr. Chen",
        "Priya Raman   Supervisor:",
    ],
)
def test_label_after_a_name_is_not_part_of_it(redacta_engine: Engine, text: str) -> None:
    people = {value for kind, value in findings(redacta_engine, text) if kind == "PERSON"}
    assert "Priya Raman" in people
    assert not [value for value in people if "Supervisor" in value]


@pytest.mark.parametrize(
    ("span", "following", "name"),
    [
        ("Priya Raman Supervisor", ": Dr. Chen", "Priya Raman"),
        ("Priya Raman   Witness:", "", "Priya Raman"),
        ("Tom Baker Manager Signature", " :", "Tom Baker"),
    ],
)
def test_trailing_label_words_are_counted(span: str, following: str, name: str) -> None:
    assert span[: len(span) - trailing_label_words(span, following)] == name


@pytest.mark.parametrize(
    ("span", "following"),
    [
        ("Priya Raman", ": thanks for the update"),  # a chat line: the colon follows the name
        ("Priya Raman Supervisor", " said"),  # no colon: not a label
        ("Supervisor", ": Dr. Chen"),  # the first word always stays
        ("Grace Mark", ": see below"),  # names that are not label words
    ],
)
def test_names_before_a_colon_keep_their_words(span: str, following: str) -> None:
    assert trailing_label_words(span, following) == 0
