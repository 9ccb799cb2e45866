"""Restore: put the original values back for pseudonym labels, using what minted them.

Session labels (`<PERSON_1>`) come back from the session's vault, keyed labels
(`<PERSON_3f9a2c81d07e>`, see `keyed`) from a decrypted mapping table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import regex

from redacta.redaction.keyed import LABEL_HEX_DIGITS

LABEL = regex.compile(rf"<([A-Z][A-Z0-9_]*_(?:\d+|[0-9a-f]{{{LABEL_HEX_DIGITS}}}))>")


class LabelLookup(Protocol):
    """Knows the original value behind the labels it minted (a vault, a keyed mapping)."""

    def value_of(self, label: str) -> str | None:
        """The value behind `label`, or None when unknown."""
        ...


@dataclass
class Restored:
    """The restored text, how many labels were replaced, and labels the vault does not know."""

    text: str
    restored: int = 0
    unknown_labels: list[str] = field(default_factory=list)


def restore(text: str, vault: LabelLookup) -> Restored:
    """Replace every label minted by `vault`; others are left as they are and reported."""
    result = Restored(text="")
    unknown: dict[str, None] = {}

    def swap(match: regex.Match[str]) -> str:
        label = match.group(0)
        value = vault.value_of(label)
        if value is None:
            unknown[label] = None
            return label
        result.restored += 1
        return value

    result.text = LABEL.sub(swap, text)
    result.unknown_labels = list(unknown)
    return result
