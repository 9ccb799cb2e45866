"""Every finding explains itself; scores fit the default threshold; the engine contract holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from redacta.engine.options import AnalyzeOptions
from redacta.engine.recognizers import (
    context_enhancer,
    ner_model_config,
    redacta_recognizers,
    replaced_stock_recognizers,
)
from redacta.settings import Settings
from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine

SAMPLE = (
    "Hi Priya,\nThe invoice for Brightwater Consulting Pty Ltd is attached. Send the card "
    "5425 2334 3010 9903 statement to 14 Elmwood Avenue, Columbus, OH 43215 by 3 March 2025, "
    "or call +1 415-555-0132 / email priya.shah@example.com.\nThanks,\nTom"
)


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


def test_every_finding_carries_an_explanation(engine: Engine) -> None:
    results = engine.analyze(SAMPLE, AnalyzeOptions(return_decision_process=True))
    assert {r.entity_type for r in results} >= {
        "PERSON",
        "ORGANIZATION",
        "CREDIT_CARD",
        "LOCATION",
        "DATE_TIME",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
    }
    for r in results:
        explanation = r.analysis_explanation
        assert explanation is not None, r
        assert explanation.recognizer, r
        assert explanation.textual_explanation or explanation.pattern, r


def test_redacta_findings_say_why_in_words(engine: Engine) -> None:
    results = engine.analyze(SAMPLE, AnalyzeOptions(return_decision_process=True))
    address = next(r for r in results if r.entity_type == "LOCATION")
    assert address.analysis_explanation.recognizer == "AddressRecognizer"
    assert "street address" in address.analysis_explanation.textual_explanation


def test_mastercard_2_series_is_a_card(engine: Engine) -> None:
    assert ("CREDIT_CARD", "2223 0031 2200 3222") in findings(
        engine, "Card number: 2223 0031 2200 3222"
    )


def test_url_of_an_email_domain_is_not_reported(engine: Engine) -> None:
    found = findings(engine, "Write to jane.doe@northwind.co.uk for details.")
    assert found == {("EMAIL_ADDRESS", "jane.doe@northwind.co.uk")}


def test_weak_stock_patterns_stay_below_the_default_threshold(engine: Engine) -> None:
    # Stock Presidio reports these 9-digit numbers as US_BANK_NUMBER/US_DRIVER_LICENSE at
    # scores under 0.35; with the default threshold the user does not see them.
    text = "Ticket 123456789 was merged into 987654321."
    assert engine.settings.score_threshold == pytest.approx(0.35)
    low = [r for r in engine.analyze(text, AnalyzeOptions(score_threshold=0.0)) if r.score < 0.35]
    assert low, "expected weak candidates below the threshold"
    assert not findings(engine, text)


def test_contract_with_the_registry() -> None:
    from presidio_analyzer import RecognizerRegistry

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    stock = {r.name for r in registry.recognizers}
    assert replaced_stock_recognizers() <= stock
    ours = redacta_recognizers(Settings(phone_regions=["GB", "IE"]))
    assert {r.name for r in ours}.isdisjoint(stock)
    phone = next(r for r in ours if "PHONE_NUMBER" in r.supported_entities)
    assert phone.regions == ["GB", "IE"]
    config = ner_model_config()
    assert config["model_to_presidio_entity_mapping"]["ORG"] == "ORGANIZATION"
    assert "DATE" in config["labels_to_ignore"]
    assert context_enhancer() is not None


def test_user_recognizers_are_never_overruled(engine: Engine) -> None:
    # A request's own pattern that overlaps a phone number keeps its finding, and so does
    # the phone: Redacta's overlap rules apply to built-in recognizers only.
    from presidio_analyzer import Pattern, PatternRecognizer

    ticket = PatternRecognizer(
        supported_entity="TICKET_ID",
        name="TicketIdRecognizer",
        patterns=[Pattern("ticket", r"T-\d{3} \d{3} \d{4}", 0.9)],
    )
    text = "Re T-415 555 0132 please."
    results = engine.analyze(
        text, AnalyzeOptions(entities=["TICKET_ID", "PHONE_NUMBER"], ad_hoc_recognizers=[ticket])
    )
    found = {(r.entity_type, text[r.start : r.end]) for r in results}
    assert ("TICKET_ID", "T-415 555 0132") in found
    assert ("PHONE_NUMBER", "415 555 0132") in found


def test_weak_guesses_do_not_suppress_real_findings(engine: Engine) -> None:
    from redacta.engine.recognizers.base import result
    from redacta.engine.recognizers.enhancer import drop_weaker_conflicts

    weak = result("UsSsnRecognizer", "US_SSN", 0, 11, 0.05, "weak pattern")
    phone = result("RedactaPhoneRecognizer", "PHONE_NUMBER", 0, 14, 0.6, "valid phone")
    drop_weaker_conflicts([weak, phone])
    assert phone.score == pytest.approx(0.6)


def test_analyze_and_document_review_explain_a_finding_alike(engine: Engine) -> None:
    """The /analyze answer and a document's review findings carry the same words for the
    same finding (one explanation helper), and no value."""
    from redacta.documents.analysis import find_in_units
    from redacta.documents.model import TextUnit
    from redacta.engine import explanation_of
    from redacta.redaction.pipeline import Redactor

    text = "Call Priya Shah on +1 415-555-0132 tomorrow."
    redactor = Redactor(engine, salt=b"s" * 32)
    (unit_findings,) = find_in_units(redactor, [TextUnit(text, "line 1")], explain=True)
    results = engine.analyze(text, AnalyzeOptions(return_decision_process=True))
    by_span = {(r.start, r.end): explanation_of(r) for r in results}
    assert unit_findings
    for found in unit_findings:
        assert found.explanation == by_span[(found.start, found.end)]
        assert text[found.start : found.end] not in found.explanation
