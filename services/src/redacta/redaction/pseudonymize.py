"""The `pseudonymize` operator for Presidio's anonymizer: `<PERSON_1>`, `<PERSON_2>`...

A Presidio Operator so it composes with the stock ones in one anonymize pass (conflict
resolution, output offsets). The session's `Vault` arrives in the operator params and mints
the labels, so the same value gets the same label across every call of that session.
"""

from __future__ import annotations

from typing import Any

from presidio_anonymizer.entities import InvalidParamError
from presidio_anonymizer.operators import Operator, OperatorType

from redacta.redaction.vault import LabelSource

OPERATOR_NAME = "pseudonymize"
VAULT_PARAM = "vault"


class Pseudonymize(Operator):
    """Replace a value with its session label, e.g. `<EMAIL_ADDRESS_2>`."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """The vault's label for (entity type, text)."""
        params = params or {}
        vault: LabelSource = params[VAULT_PARAM]
        return vault.label_for(str(params.get("entity_type", "PII")), text)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """A vault must be passed; Redacta's redact route always does."""
        if not callable(getattr((params or {}).get(VAULT_PARAM), "label_for", None)):
            raise InvalidParamError("pseudonymize needs a session vault")

    def operator_name(self) -> str:
        """The name used in operator configs."""
        return OPERATOR_NAME

    def operator_type(self) -> OperatorType:
        """An anonymizer (restore is Redacta's own pass, not a Presidio deanonymizer)."""
        return OperatorType.Anonymize
