"""`/api/v1/analyze`, `/redact`, `/restore` on the real server."""

from __future__ import annotations

import hashlib
import json

from conftest import RunningServer

TEXT = (
    "Dear Maria Gonzalez, please email maria.gonzalez@example.com or call 212-555-0187. "
    "Maria Gonzalez works at Globex Corporation."
)
EMAIL = "maria.gonzalez@example.com"


def findings(server: RunningServer, text: str, **options: object) -> list[dict[str, object]]:
    response = server.post("/api/v1/analyze", json={"text": text, **options})
    assert response.status_code == 200, response.text
    result: list[dict[str, object]] = response.json()["findings"]
    return result


def test_analyze_returns_offsets_scores_and_explanations(server: RunningServer) -> None:
    found = findings(server, TEXT)
    by_type = {f["entity_type"]: f for f in found}
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"} <= set(by_type)
    email = by_type["EMAIL_ADDRESS"]
    assert TEXT[email["start"] : email["end"]] == EMAIL  # type: ignore[misc]
    for finding in found:
        assert set(finding) == {"entity_type", "start", "end", "score", "recognizer", "explanation"}
        assert 0 < finding["score"] <= 1  # type: ignore[operator]
        assert finding["recognizer"]
        assert finding["explanation"]
    # Offsets only: the values are never echoed back.
    response = server.post("/api/v1/analyze", json={"text": TEXT})
    assert EMAIL not in response.text
    assert "Gonzalez" not in response.text
    starts = [f["start"] for f in found]
    assert starts == sorted(starts)


def test_analyze_entity_filter_and_threshold(server: RunningServer) -> None:
    only_email = findings(server, TEXT, entities=["EMAIL_ADDRESS"])
    assert {f["entity_type"] for f in only_email} == {"EMAIL_ADDRESS"}
    assert findings(server, TEXT, score_threshold=1.0) == [
        f for f in findings(server, TEXT) if f["score"] == 1.0
    ]


def test_analyze_bad_input_is_422(server: RunningServer) -> None:
    assert server.post("/api/v1/analyze", json={"text": ""}).status_code == 422
    assert server.post("/api/v1/analyze", json={"txt": "x"}).status_code == 422
    response = server.post("/api/v1/analyze", json={"text": "hi", "score_threshold": 3})
    assert response.status_code == 422
    unknown_language = server.post("/api/v1/analyze", json={"text": "hi", "language": "xx"})
    assert unknown_language.status_code == 422
    assert "xx" in unknown_language.text


def test_unknown_entity_type_is_422_naming_it(server: RunningServer) -> None:
    """A misspelt type ("PERSONS", "EMAIL") would find nothing and leave every value of it in
    clear while answering 200: it is refused, naming it and the types that exist."""
    for path in ("/api/v1/analyze", "/api/v1/redact"):
        for entities, unknown in ((["PERSONS"], "PERSONS"), (["PERSON", "EMAIL"], "EMAIL")):
            response = server.post(path, json={"text": TEXT, "entities": entities})
            assert response.status_code == 422, (path, entities, response.text)
            message = response.json()["detail"]
            assert repr(unknown) in message, message
            assert "EMAIL_ADDRESS" in message
            assert EMAIL not in message
    stream = server.post("/api/v1/analyze/stream", json={"text": TEXT, "entities": ["PERSONS"]})
    last = json.loads(stream.text.splitlines()[-1])
    assert last["type"] == "error", last
    assert last["status"] == 422
    assert "'PERSONS'" in last["error"]
    assert findings(server, TEXT, entities=["PERSON"])


def redact(server: RunningServer, **body: object) -> dict[str, object]:
    response = server.post("/api/v1/redact", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


def test_redact_default_replaces_with_entity_type(server: RunningServer) -> None:
    result = redact(server, text=TEXT)
    text = result["text"]
    assert isinstance(text, str)
    assert EMAIL not in text
    assert "Maria" not in text
    assert "212-555-0187" not in text
    assert "<EMAIL_ADDRESS>" in text
    assert "<PERSON>" in text
    assert result["session_id"] is None
    for item in result["items"]:  # type: ignore[attr-defined]
        assert text[item["start"] : item["end"]] == f"<{item['entity_type']}>"
        assert item["operator"] == "replace"


def test_redact_every_operator(server: RunningServer) -> None:
    key = "0123456789abcdef0123456789abcdef"
    result = redact(
        server,
        text=TEXT,
        operators={
            "PERSON": {"type": "mask", "masking_char": "#", "chars_to_mask": 5},
            "EMAIL_ADDRESS": {"type": "hash"},
            "PHONE_NUMBER": {"type": "encrypt", "key": key},
            "ORGANIZATION": {"type": "keep"},
            "DEFAULT": {"type": "redact"},
        },
    )
    text = result["text"]
    assert isinstance(text, str)
    operators = {i["entity_type"]: i["operator"] for i in result["items"]}  # type: ignore[attr-defined]
    assert operators["PERSON"] == "mask"
    assert "#####" in text
    assert operators["EMAIL_ADDRESS"] == "hash"
    assert operators["PHONE_NUMBER"] == "encrypt"
    assert "212-555-0187" not in text
    assert operators["ORGANIZATION"] == "keep"
    assert "Globex Corporation" in text
    assert EMAIL not in text
    # The hash is salted (not the bare sha256) and stable for the same value.
    assert hashlib.sha256(EMAIL.encode()).hexdigest() not in text
    again = redact(server, text=f"Write to {EMAIL}.", operators={"DEFAULT": {"type": "hash"}})
    digest = next(i for i in again["items"] if i["entity_type"] == "EMAIL_ADDRESS")  # type: ignore[attr-defined]
    hashed = again["text"][digest["start"] : digest["end"]]  # type: ignore[index]
    assert len(hashed) == 64
    assert hashed in text


def test_redact_wrong_aes_key_length_is_422_saying_so(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/redact",
        json={"text": TEXT, "operators": {"DEFAULT": {"type": "encrypt", "key": "too-short"}}},
    )
    assert response.status_code == 422
    assert "16, 24 or 32 bytes" in response.text
    assert "too-short" not in response.text  # errors never echo input


def test_redact_unknown_operator_is_422(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/redact", json={"text": TEXT, "operators": {"PERSON": {"type": "shred"}}}
    )
    assert response.status_code == 422


def test_redact_accepted_findings_only(server: RunningServer) -> None:
    start = TEXT.index(EMAIL)
    result = redact(
        server,
        text=TEXT,
        findings=[{"entity_type": "EMAIL_ADDRESS", "start": start, "end": start + len(EMAIL)}],
    )
    assert result["text"] == TEXT.replace(EMAIL, "<EMAIL_ADDRESS>")
    assert len(result["items"]) == 1  # type: ignore[arg-type]


def test_redact_findings_outside_the_text_are_422(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/redact",
        json={"text": "short", "findings": [{"entity_type": "X", "start": 2, "end": 99}]},
    )
    assert response.status_code == 422
    assert "text length" in response.text


def spans(text: str, *values: tuple[str, str]) -> list[dict[str, object]]:
    """Accepted findings for every occurrence of each (entity type, value)."""
    found = []
    for entity, value in values:
        start = text.find(value)
        while start != -1:
            found.append({"entity_type": entity, "start": start, "end": start + len(value)})
            start = text.find(value, start + 1)
    return found


def test_pseudonymize_is_consistent_within_a_session_and_restore(server: RunningServer) -> None:
    ops = {"DEFAULT": {"type": "pseudonymize"}}
    text = "Maria Gonzalez wrote to John Carter; Maria Gonzalez cc'd maria@example.com."
    first = redact(
        server,
        text=text,
        operators=ops,
        findings=spans(
            text,
            ("PERSON", "Maria Gonzalez"),
            ("PERSON", "John Carter"),
            ("EMAIL_ADDRESS", "maria@example.com"),
        ),
    )
    session = first["session_id"]
    assert isinstance(session, str)
    # The same value → the same label; numbered in reading order.
    assert first["text"] == ("<PERSON_1> wrote to <PERSON_2>; <PERSON_1> cc'd <EMAIL_ADDRESS_1>.")

    later = "Ann Wu met Maria Gonzalez."
    second = redact(
        server,
        text=later,
        operators=ops,
        session_id=session,
        findings=spans(later, ("PERSON", "Ann Wu"), ("PERSON", "Maria Gonzalez")),
    )
    assert second["session_id"] == session
    assert second["text"] == "<PERSON_3> met <PERSON_1>."

    # A new session starts over.
    other = redact(
        server, text=later, operators=ops, findings=spans(later, ("PERSON", "Maria Gonzalez"))
    )
    assert other["session_id"] != session
    assert other["text"] == "Ann Wu met <PERSON_1>."

    answer = "Sure <PERSON_1>, I wrote to <EMAIL_ADDRESS_1>; ask <PERSON_3> and <PERSON_9>."
    response = server.post("/api/v1/restore", json={"text": answer, "session_id": session})
    assert response.status_code == 200
    restored = response.json()
    assert restored["text"] == (
        "Sure Maria Gonzalez, I wrote to maria@example.com; ask Ann Wu and <PERSON_9>."
    )
    assert restored["restored"] == 3
    assert restored["unknown_labels"] == ["<PERSON_9>"]


def test_pseudonymize_with_analysis(server: RunningServer) -> None:
    text = "Write to maria@example.com or maria@example.com, not bob@example.org."
    result = redact(server, text=text, operators={"EMAIL_ADDRESS": {"type": "pseudonymize"}})
    assert result["text"] == (
        "Write to <EMAIL_ADDRESS_1> or <EMAIL_ADDRESS_1>, not <EMAIL_ADDRESS_2>."
    )


def test_unknown_session_is_404(server: RunningServer) -> None:
    response = server.post("/api/v1/restore", json={"text": "<PERSON_1>", "session_id": "nope"})
    assert response.status_code == 404
    assert "session" in response.json()["detail"].lower()
    response = server.post(
        "/api/v1/redact",
        json={
            "text": TEXT,
            "session_id": "nope",
            "operators": {"DEFAULT": {"type": "pseudonymize"}},
        },
    )
    assert response.status_code == 404


def test_long_text_offsets_stay_exact(server: RunningServer) -> None:
    block = "Lorem ipsum dolor sit amet. " * 40
    pieces, emails = [], []
    for n in range(30):
        email = f"user{n}@example.org"
        pieces.append(block + f"Contact {email} today. ")
        emails.append(email)
    text = "".join(pieces)
    found = list(findings(server, text, entities=["EMAIL_ADDRESS"]))
    assert [text[f["start"] : f["end"]] for f in found] == emails  # type: ignore[misc]
