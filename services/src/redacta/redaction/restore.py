"""Restore: put the original values back for `<ENTITY_n>` labels, using a session's vault."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from redacta.redaction.vault import Vault

LABEL = regex.compile(r"<([A-Z][A-Z0-9_]*_\d+)>")


@dataclass
class Restored:
    """The restored text, how many labels were replaced, and labels the vault does not know."""

    text: str
    restored: int = 0
    unknown_labels: list[str] = field(default_factory=list)


def restore(text: str, vault: Vault) -> Restored:
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
