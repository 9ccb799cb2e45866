"""Unit tests: the pseudonym vault, its store, its encrypted export, and restore."""

from __future__ import annotations

import threading

import pytest

from redacta.redaction import vault_crypto
from redacta.redaction.restore import restore
from redacta.redaction.vault import Vault, VaultStore


def test_same_value_same_label_and_counters_per_entity() -> None:
    vault = Vault()
    assert vault.label_for("PERSON", "Ann Lee") == "<PERSON_1>"
    assert vault.label_for("PERSON", "Bo Chen") == "<PERSON_2>"
    assert vault.label_for("EMAIL_ADDRESS", "a@b.org") == "<EMAIL_ADDRESS_1>"
    assert vault.label_for("PERSON", "Ann Lee") == "<PERSON_1>"
    assert vault.value_of("<PERSON_2>") == "Bo Chen"
    assert vault.value_of("<PERSON_9>") is None
    assert len(vault) == 3


def test_labels_are_unique_under_concurrency() -> None:
    vault = Vault()
    labels: list[str] = []
    lock = threading.Lock()

    def mint(offset: int) -> None:
        for i in range(200):
            label = vault.label_for("PERSON", f"name {offset}-{i}")
            with lock:
                labels.append(label)

    threads = [threading.Thread(target=mint, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(labels)) == 800
    assert {f"<PERSON_{n}>" for n in range(1, 801)} == set(labels)


def test_round_trip_through_dict_keeps_counting() -> None:
    vault = Vault()
    vault.label_for("PERSON", "Ann Lee")
    copy = Vault.from_dict(vault.to_dict())
    assert copy.label_for("PERSON", "Ann Lee") == "<PERSON_1>"
    assert copy.label_for("PERSON", "New Person") == "<PERSON_2>"


def test_from_dict_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not a Redacta vault"):
        Vault.from_dict({"entries": [{"oops": 1}], "counters": {}})


def test_store_create_get_delete_and_eviction() -> None:
    store = VaultStore(max_sessions=2)
    first, second = store.create(), store.create()
    assert first != second
    assert store.get(first) is not None  # first is now the most recently used
    third = store.create()
    assert store.get(second) is None  # evicted: least recently used
    assert store.get(first) is not None
    assert store.get(third) is not None
    assert store.delete(first)
    assert not store.delete(first)
    assert store.get(first) is None


def test_export_import_round_trip() -> None:
    vault = Vault()
    vault.label_for("PERSON", "Ann Lee")
    blob = vault_crypto.encrypt(vault.to_dict(), "correct horse battery")
    assert blob.startswith("redacta-vault.v1.")
    assert "Ann Lee" not in blob
    restored = Vault.from_dict(vault_crypto.decrypt(blob, "correct horse battery"))
    assert restored.value_of("<PERSON_1>") == "Ann Lee"


def test_wrong_passphrase_and_tampering_are_detected() -> None:
    blob = vault_crypto.encrypt({"entries": [], "counters": {}}, "passphrase-1")
    with pytest.raises(vault_crypto.VaultDecryptError, match="Wrong passphrase"):
        vault_crypto.decrypt(blob, "passphrase-2")
    head, tail = blob.rsplit(".", 1)
    tampered = f"{head}.{'A' if tail[0] != 'A' else 'B'}{tail[1:]}"
    with pytest.raises(vault_crypto.VaultDecryptError):
        vault_crypto.decrypt(tampered, "passphrase-1")
    with pytest.raises(vault_crypto.VaultDecryptError, match="not a Redacta vault"):
        vault_crypto.decrypt("hello", "passphrase-1")
    with pytest.raises(vault_crypto.VaultDecryptError, match="damaged"):
        vault_crypto.decrypt("redacta-vault.v1.a.b", "passphrase-1")


def test_restore_replaces_known_labels_and_reports_unknown() -> None:
    vault = Vault()
    vault.label_for("PERSON", "Ann Lee")
    vault.label_for("EMAIL_ADDRESS", "ann@example.org")
    text = "Dear <PERSON_1>, write to <EMAIL_ADDRESS_1>. <PERSON_1> and <PERSON_7> agree. <b>"
    result = restore(text, vault)
    assert result.text == (
        "Dear Ann Lee, write to ann@example.org. Ann Lee and <PERSON_7> agree. <b>"
    )
    assert result.restored == 3
    assert result.unknown_labels == ["<PERSON_7>"]
