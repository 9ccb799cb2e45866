"""No anonymizer in the app offers Presidio's network operators (`surrogate_ahds` calls Azure).

Presidio registers `surrogate_ahds` in every new `AnonymizerEngine`; each one Redacta builds
must drop it (`redacta.offline.remove_network_operators`), and the HTTP API must refuse it.
"""

from __future__ import annotations

from conftest import RunningServer
from redacta import offline
from redacta.engine import Engine

NETWORK_OPERATOR = "surrogate_ahds"
TEXT = "Dear Maria Gonzalez, please email maria.gonzalez@example.com about the renewal."


def test_stock_presidio_offers_the_network_operator() -> None:
    """Without this the other tests here could not fail."""
    offline.enforce()
    from presidio_anonymizer import AnonymizerEngine

    assert NETWORK_OPERATOR in AnonymizerEngine().get_anonymizers()  # type: ignore[no-untyped-call]


def test_redaction_anonymizer_has_no_network_operator() -> None:
    """The anonymizer of `/api/v1/redact` and the document jobs (`Redactor`)."""
    offline.enforce()
    from redacta.redaction.pipeline import build_anonymizer

    names = build_anonymizer().get_anonymizers()
    assert NETWORK_OPERATOR not in names
    assert {"pseudonymize", "replace", "mask", "hash", "encrypt"} <= set(names)


def test_engine_anonymizer_has_no_network_operator(redacta_engine: Engine) -> None:
    """The anonymizer of the Presidio-compatible `/anonymize` (built by `Engine.create`)."""
    names = redacta_engine.anonymizer.get_anonymizers()
    assert NETWORK_OPERATOR not in names
    assert {"replace", "mask", "hash", "encrypt"} <= set(names)


def test_anonymizers_route_does_not_list_it(server: RunningServer) -> None:
    response = server.get("/anonymizers")
    assert response.status_code == 200
    assert NETWORK_OPERATOR not in response.json()
    assert "replace" in response.json()


def test_v1_redact_refuses_it_with_a_clear_message(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/redact",
        json={"text": TEXT, "operators": {"PERSON": {"type": NETWORK_OPERATOR}}},
    )
    assert response.status_code == 422, response.text
    message = response.text
    assert NETWORK_OPERATOR in message  # says which operator is wrong
    assert "replace" in message  # and which ones exist
    assert "pseudonymize" in message
    assert "Maria" not in message  # never echoes the text


def test_presidio_anonymize_refuses_it(server: RunningServer) -> None:
    response = server.post(
        "/anonymize",
        json={
            "text": TEXT,
            "analyzer_results": [
                {"entity_type": "PERSON", "start": 5, "end": 19, "score": 0.85},
            ],
            "anonymizers": {"PERSON": {"type": NETWORK_OPERATOR}},
        },
    )
    assert 400 <= response.status_code < 500, response.text
    assert NETWORK_OPERATOR in response.json()["error"]
    assert "Maria" not in response.text
