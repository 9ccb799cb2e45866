"""Apply per-entity operators to findings in one Presidio anonymizer pass.

Redacta keeps its own AnonymizerEngine (with the `pseudonymize` operator added) so the
Presidio-compatible routes keep exactly Presidio's operator set. Like the engine's, it has
Presidio's network operators (`surrogate_ahds`, which calls Azure) removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from redacta import offline
from redacta.redaction.operators import OperatorSpec, ReplaceOp, to_presidio_params
from redacta.redaction.pseudonymize import OPERATOR_NAME, Pseudonymize
from redacta.redaction.vault import Vault

DEFAULT_KEY = "DEFAULT"


@dataclass(frozen=True)
class Span:
    """A finding to anonymize: entity type and offsets into the input text."""

    entity_type: str
    start: int
    end: int
    score: float = 1.0


@dataclass(frozen=True)
class AppliedItem:
    """One replacement: its offsets in the OUTPUT text, the entity type and the operator."""

    start: int
    end: int
    entity_type: str
    operator: str


@dataclass(frozen=True)
class Redacted:
    """The anonymized text and what was applied where."""

    text: str
    items: list[AppliedItem]


def build_anonymizer() -> AnonymizerEngine:
    """Presidio's offline operators plus Redacta's `pseudonymize` operator."""
    anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
    offline.remove_network_operators(anonymizer)
    anonymizer.add_anonymizer(Pseudonymize)
    return anonymizer


def presidio_operators(
    specs: dict[str, OperatorSpec], *, salt: bytes, vault: Vault | None
) -> dict[str, OperatorConfig]:
    """Presidio operator configs per entity type; DEFAULT falls back to `<ENTITY_TYPE>`."""
    specs = {DEFAULT_KEY: ReplaceOp(), **specs}
    configs: dict[str, OperatorConfig] = {}
    for entity, spec in specs.items():
        name, params = to_presidio_params(spec, salt=salt, vault=vault)
        configs[entity] = OperatorConfig(name, params)
    return configs


def redact(
    anonymizer: AnonymizerEngine,
    text: str,
    spans: list[Span],
    specs: dict[str, OperatorSpec],
    *,
    salt: bytes,
    vault: Vault | None,
) -> Redacted:
    """Anonymize `spans` of `text` (overlaps resolved by Presidio: the higher score wins)."""
    results = [RecognizerResult(s.entity_type, s.start, s.end, s.score) for s in spans]
    if vault is not None:
        _mint_labels_in_text_order(anonymizer, text, results, specs, salt=salt, vault=vault)
    engine_result = anonymizer.anonymize(
        text=text,
        analyzer_results=results,
        operators=presidio_operators(specs, salt=salt, vault=vault),
    )
    items = sorted(
        (
            AppliedItem(item.start, item.end, item.entity_type, item.operator)
            for item in engine_result.items
        ),
        key=lambda item: item.start,
    )
    return Redacted(text=engine_result.text, items=items)


def _mint_labels_in_text_order(
    anonymizer: AnonymizerEngine,
    text: str,
    results: list[RecognizerResult],
    specs: dict[str, OperatorSpec],
    *,
    salt: bytes,
    vault: Vault,
) -> None:
    """Give new values their labels in reading order (`<PERSON_1>` is the first name seen).

    Presidio applies operators from the end of the text backwards, so a dry run with a scratch
    vault finds which values survive overlap resolution; they are then registered in the real
    vault front to back, and the real pass reuses those labels.
    """
    scratch = Vault()
    dry = anonymizer.anonymize(
        text=text,
        analyzer_results=list(results),
        operators=presidio_operators(specs, salt=salt, vault=scratch),
    )
    for item in sorted(dry.items, key=lambda item: item.start):
        if item.operator == OPERATOR_NAME:
            value = scratch.value_of(item.text)
            if value is not None:
                vault.label_for(item.entity_type, value)
