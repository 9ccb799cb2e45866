"""`/api/v1/sessions`: create, delete, encrypted export and import, on the real server."""

from __future__ import annotations

from conftest import RunningServer

PSEUDO = {"DEFAULT": {"type": "pseudonymize"}}


def test_create_use_export_import_restore_delete(server: RunningServer) -> None:
    created = server.post("/api/v1/sessions")
    assert created.status_code == 201
    session = created.json()["session_id"]
    assert created.json()["labels"] == 0

    redacted = server.post(
        "/api/v1/redact",
        json={
            "text": "Email jane.roe@example.net today.",
            "operators": PSEUDO,
            "session_id": session,
        },
    ).json()
    assert redacted["text"] == "Email <EMAIL_ADDRESS_1> today."

    exported = server.post(
        f"/api/v1/sessions/{session}/export", json={"passphrase": "long enough phrase"}
    )
    assert exported.status_code == 200
    blob = exported.json()["blob"]
    assert "jane.roe" not in blob

    wrong = server.post(
        "/api/v1/sessions/import", json={"passphrase": "not the phrase", "blob": blob}
    )
    assert wrong.status_code == 403
    assert "Wrong passphrase" in wrong.json()["detail"]

    imported = server.post(
        "/api/v1/sessions/import", json={"passphrase": "long enough phrase", "blob": blob}
    )
    assert imported.status_code == 201
    new_session = imported.json()["session_id"]
    assert new_session != session
    assert imported.json()["labels"] == 1

    assert server.delete(f"/api/v1/sessions/{session}").status_code == 204
    assert server.delete(f"/api/v1/sessions/{session}").status_code == 404
    gone = server.post("/api/v1/restore", json={"text": "<EMAIL_ADDRESS_1>", "session_id": session})
    assert gone.status_code == 404

    restored = server.post(
        "/api/v1/restore", json={"text": "Got <EMAIL_ADDRESS_1>.", "session_id": new_session}
    ).json()
    assert restored["text"] == "Got jane.roe@example.net."
    # The imported vault keeps numbering after the existing labels.
    more = server.post(
        "/api/v1/redact",
        json={"text": "Also bob.doe@example.net.", "operators": PSEUDO, "session_id": new_session},
    ).json()
    assert more["text"] == "Also <EMAIL_ADDRESS_2>."


def test_export_bad_requests(server: RunningServer) -> None:
    session = server.post("/api/v1/sessions").json()["session_id"]
    short = server.post(f"/api/v1/sessions/{session}/export", json={"passphrase": "short"})
    assert short.status_code == 422
    missing = server.post("/api/v1/sessions/unknown/export", json={"passphrase": "long enough"})
    assert missing.status_code == 404
    garbage = server.post(
        "/api/v1/sessions/import", json={"passphrase": "whatever1", "blob": "not a vault"}
    )
    assert garbage.status_code == 400
    assert "not a Redacta vault" in garbage.json()["detail"]
