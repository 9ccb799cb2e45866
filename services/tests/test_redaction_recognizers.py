"""Unit tests: the user's deny lists and custom patterns as Presidio recognizers."""

from __future__ import annotations

import time

from redacta.redaction.recognizers import BoundedPatternRecognizer, user_recognizers
from redacta.redaction.user_settings import CustomRecognizer, UserSettings


def test_custom_recognizer_reports_spans_with_name_score_and_explanation() -> None:
    spec = CustomRecognizer(name="employee id", entity_type="EMPLOYEE_ID", pattern=r"EMP-\d{4}")
    text = "EMP-1234 met EMP-5678"
    results = BoundedPatternRecognizer(spec).analyze(text, ["EMPLOYEE_ID"])
    assert [(r.start, r.end) for r in results] == [(0, 8), (13, 21)]
    assert all(r.score == 0.8 for r in results)
    assert results[0].recognition_metadata["recognizer_name"] == "employee id"
    assert "employee id" in results[0].analysis_explanation.textual_explanation


def test_a_slow_pattern_at_run_time_yields_nothing_instead_of_hanging() -> None:
    # Bypass validation to get a catastrophic pattern into a recognizer.
    spec = CustomRecognizer.model_construct(
        name="evil", entity_type="X", pattern=r"(a+)+$", flags=[], score=0.8, context=[]
    )
    started = time.thread_time()  # the regex timeout bounds CPU time; wall time grows with load
    assert BoundedPatternRecognizer(spec).analyze("a" * 40_000 + "!", ["X"]) == []
    assert time.thread_time() - started < 5


def test_user_recognizers_from_settings() -> None:
    settings = UserSettings.model_validate(
        {
            "deny_lists": {"PROJECT": ["Bluebird", "Red Fox"], "EMPTY": []},
            "custom_recognizers": [
                {"name": "ticket", "entity_type": "TICKET", "pattern": "T-\\d+"}
            ],
        }
    )
    recognizers = user_recognizers(settings, "en")
    assert [r.supported_entities for r in recognizers] == [["PROJECT"], ["TICKET"]]
    deny = recognizers[0]
    text = "The red fox and Bluebird teams; bluebirds don't count."
    found = [text[r.start : r.end] for r in deny.analyze(text, ["PROJECT"])]
    assert sorted(found) == ["Bluebird", "red fox"]
