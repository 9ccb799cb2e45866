"""Operator configs of `/api/v1/redact` and the user settings, mapped to Presidio's.

Each operator is a pydantic model with a `type` tag, so a wrong parameter is a 422 that
names the field (Presidio itself answers 500 for e.g. a wrong AES key length).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from redacta.redaction.pseudonymize import OPERATOR_NAME, VAULT_PARAM
from redacta.redaction.vault import LabelSource

AES_KEY_BYTES = (16, 24, 32)


def _type_required(schema: dict[str, Any]) -> None:
    """`type` picks the operator, so the schema requires it (the models default it only so
    code can write `ReplaceOp()`)."""
    required = schema.setdefault("required", [])
    if "type" not in required:
        required.insert(0, "type")


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_type_required)


class ReplaceOp(_Op):
    """Replace the value with `new_value` (default `<ENTITY_TYPE>`)."""

    type: Literal["replace"] = "replace"
    new_value: str | None = Field(
        default=None, description="Replacement text; default `<ENTITY_TYPE>`."
    )


class RedactOp(_Op):
    """Remove the value entirely."""

    type: Literal["redact"] = "redact"


class MaskOp(_Op):
    """Overwrite characters of the value with `masking_char`."""

    type: Literal["mask"] = "mask"
    masking_char: str = Field(default="*", min_length=1, max_length=1)
    chars_to_mask: int = Field(default=1_000_000, ge=0, description="How many characters.")
    from_end: bool = Field(default=False, description="Mask from the end of the value.")


class HashOp(_Op):
    """SHA-256 of the value with this installation's salt: same value, same digest."""

    type: Literal["hash"] = "hash"


class EncryptOp(_Op):
    """AES-CBC encrypt the value (Presidio's `encrypt`); reversible with the key."""

    type: Literal["encrypt"] = "encrypt"
    key: str = Field(
        description="AES key: 16, 24 or 32 bytes (UTF-8).",
        # What the schema promises always works: 16, 24 or 32 printable ASCII characters.
        json_schema_extra={"pattern": "^(?:[ -~]{16}|[ -~]{24}|[ -~]{32})$"},
    )

    @field_validator("key")
    @classmethod
    def _key_length(cls, key: str) -> str:
        size = len(key.encode("utf-8"))
        if size not in AES_KEY_BYTES:
            raise ValueError(
                f"the AES key must be 16, 24 or 32 bytes long (128, 192 or 256 bits); "
                f"this one is {size} bytes"
            )
        return key


class KeepOp(_Op):
    """Leave the value as it is (it is still reported as found)."""

    type: Literal["keep"] = "keep"


class PseudonymizeOp(_Op):
    """Replace the value with a session label like `<PERSON_1>`; restorable with the session."""

    type: Literal["pseudonymize"] = "pseudonymize"


OperatorSpec = Annotated[
    ReplaceOp | RedactOp | MaskOp | HashOp | EncryptOp | KeepOp | PseudonymizeOp,
    Field(discriminator="type"),
]

DEFAULT_OPERATOR = "DEFAULT"


def to_presidio_params(
    spec: OperatorSpec, *, salt: bytes, vault: LabelSource | None
) -> tuple[str, dict[str, object]]:
    """Presidio operator name and params for one spec. Needs a vault for pseudonymize."""
    if isinstance(spec, ReplaceOp):
        return "replace", ({} if spec.new_value is None else {"new_value": spec.new_value})
    if isinstance(spec, MaskOp):
        return "mask", {
            "masking_char": spec.masking_char,
            "chars_to_mask": spec.chars_to_mask,
            "from_end": spec.from_end,
        }
    if isinstance(spec, HashOp):
        return "hash", {"hash_type": "sha256", "salt": salt}
    if isinstance(spec, EncryptOp):
        return "encrypt", {"key": spec.key}
    if isinstance(spec, PseudonymizeOp):
        if vault is None:
            raise ValueError("pseudonymize needs a session vault")
        return OPERATOR_NAME, {VAULT_PARAM: vault}
    return spec.type, {}


def uses_pseudonymize(specs: dict[str, OperatorSpec]) -> bool:
    """Whether any entity is pseudonymized (then a session is needed)."""
    return any(isinstance(spec, PseudonymizeOp) for spec in specs.values())
