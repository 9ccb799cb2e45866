"""The pseudonym vault: `<PERSON_1>` ↔ original value, per session, in memory only.

Within one vault the same (entity type, value) always gets the same label, and labels count up
per entity type. Vaults live in a `VaultStore` held by the server process; nothing is written
to disk unless the user exports a vault (encrypted, see `vault_crypto`).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from typing import Any, Protocol

#: Sessions kept at once; the least recently used one is dropped beyond this.
MAX_SESSIONS = 256


class LabelSource(Protocol):
    """Mints pseudonym labels: the same (type, value) always gets the same label."""

    def label_for(self, entity_type: str, value: str) -> str:
        """The label of `value`, e.g. `<PERSON_1>`."""
        ...


class Vault:
    """One session's label mapping. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_value: dict[tuple[str, str], str] = {}
        self._by_label: dict[str, str] = {}
        self._counters: dict[str, int] = {}

    def label_for(self, entity_type: str, value: str) -> str:
        """The label of this value, minted as `<ENTITY_n>` the first time it is seen."""
        key = (entity_type, value)
        with self._lock:
            label = self._by_value.get(key)
            if label is None:
                number = self._counters.get(entity_type, 0) + 1
                self._counters[entity_type] = number
                label = f"<{entity_type}_{number}>"
                self._by_value[key] = label
                self._by_label[label] = value
            return label

    def value_of(self, label: str) -> str | None:
        """The original value behind `label`, or None if this vault never minted it."""
        with self._lock:
            return self._by_label.get(label)

    def __len__(self) -> int:
        with self._lock:
            return len(self._by_label)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able copy (for the encrypted export)."""
        with self._lock:
            return {
                "entries": [
                    {"entity_type": entity, "value": value, "label": label}
                    for (entity, value), label in self._by_value.items()
                ],
                "counters": dict(self._counters),
            }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vault:
        """Rebuild a vault from `to_dict` output; raises ValueError when malformed."""
        vault = cls()
        try:
            for entry in data["entries"]:
                entity, value, label = (
                    str(entry["entity_type"]),
                    str(entry["value"]),
                    str(entry["label"]),
                )
                vault._by_value[(entity, value)] = label
                vault._by_label[label] = value
            vault._counters = {str(k): int(v) for k, v in data["counters"].items()}
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError("not a Redacta vault") from exc
        return vault


class VaultStore:
    """The process's sessions: id → Vault, bounded (least recently used dropped first)."""

    def __init__(self, max_sessions: int = MAX_SESSIONS) -> None:
        self._lock = threading.Lock()
        self._vaults: OrderedDict[str, Vault] = OrderedDict()
        self._max = max_sessions

    def create(self, vault: Vault | None = None) -> str:
        """Store a vault (a new empty one by default) and return its new session id."""
        session_id = secrets.token_urlsafe(16)
        with self._lock:
            self._vaults[session_id] = vault or Vault()
            while len(self._vaults) > self._max:
                self._vaults.popitem(last=False)
        return session_id

    def get(self, session_id: str) -> Vault | None:
        """The session's vault, or None when unknown (never created, deleted or evicted)."""
        with self._lock:
            vault = self._vaults.get(session_id)
            if vault is not None:
                self._vaults.move_to_end(session_id)
            return vault

    def delete(self, session_id: str) -> bool:
        """Forget a session; True if it existed."""
        with self._lock:
            return self._vaults.pop(session_id, None) is not None
