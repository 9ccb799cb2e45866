"""Unit tests: every operator through Redacta's anonymizer (real Presidio, no model needed)."""

from __future__ import annotations

import hashlib

import pytest
from pydantic import TypeAdapter, ValidationError

from redacta.redaction.operators import OperatorSpec
from redacta.redaction.redact import Span, build_anonymizer, redact
from redacta.redaction.vault import Vault

TEXT = "Call Ann Lee at 555-0100 or ann@example.org. Ann Lee agrees."
ANN = Span("PERSON", 5, 12)
PHONE = Span("PHONE_NUMBER", 16, 24)
MAIL = Span("EMAIL_ADDRESS", 28, 43)
ANN2 = Span("PERSON", 45, 52)
SALT = b"s" * 32

spec_adapter: TypeAdapter[OperatorSpec] = TypeAdapter(OperatorSpec)


def op(**config: object) -> OperatorSpec:
    return spec_adapter.validate_python(config)


def run(
    specs: dict[str, OperatorSpec], vault: Vault | None = None, spans: list[Span] | None = None
) -> str:
    anonymizer = build_anonymizer()
    result = redact(
        anonymizer, TEXT, spans or [ANN, PHONE, MAIL, ANN2], specs, salt=SALT, vault=vault
    )
    return result.text


def test_default_is_replace_with_the_entity_type() -> None:
    assert run({}) == ("Call <PERSON> at <PHONE_NUMBER> or <EMAIL_ADDRESS>. <PERSON> agrees.")


def test_replace_redact_keep() -> None:
    text = run(
        {
            "PERSON": op(type="replace", new_value="[name]"),
            "PHONE_NUMBER": op(type="redact"),
            "EMAIL_ADDRESS": op(type="keep"),
        }
    )
    assert text == "Call [name] at  or ann@example.org. [name] agrees."


def test_mask_from_start_and_end() -> None:
    text = run(
        {
            "PHONE_NUMBER": op(type="mask", masking_char="#", chars_to_mask=4, from_end=True),
            "DEFAULT": op(type="mask"),
        }
    )
    assert "555-####" in text
    assert "*******" in text
    assert "Ann" not in text


def test_hash_is_salted_sha256_and_stable() -> None:
    text = run({"DEFAULT": op(type="keep"), "EMAIL_ADDRESS": op(type="hash")})
    digest = hashlib.sha256(b"ann@example.org" + SALT).hexdigest()
    assert digest in text
    assert hashlib.sha256(b"ann@example.org").hexdigest() not in text
    assert run({"DEFAULT": op(type="keep"), "EMAIL_ADDRESS": op(type="hash")}) == text


def test_encrypt_round_trips_with_presidio_decrypt() -> None:
    from presidio_anonymizer.operators import Decrypt

    key = "0123456789abcdef"
    result = redact(
        build_anonymizer(),
        TEXT,
        [MAIL],
        {"EMAIL_ADDRESS": op(type="encrypt", key=key)},
        salt=SALT,
        vault=None,
    )
    item = result.items[0]
    cipher = result.text[item.start : item.end]
    assert "ann@example.org" not in result.text
    assert Decrypt().operate(cipher, {"key": key}) == "ann@example.org"


@pytest.mark.parametrize("key", ["short", "x" * 17, "y" * 33])
def test_encrypt_key_length_is_checked(key: str) -> None:
    with pytest.raises(ValidationError, match="16, 24 or 32 bytes"):
        op(type="encrypt", key=key)


def test_unknown_operator_or_parameter_is_rejected() -> None:
    with pytest.raises(ValidationError):
        op(type="shred")
    with pytest.raises(ValidationError):
        op(type="mask", masking_char="**")
    with pytest.raises(ValidationError):
        op(type="redact", extra="nope")


def test_pseudonymize_is_consistent_within_a_vault() -> None:
    vault = Vault()
    text = run({"DEFAULT": op(type="pseudonymize")}, vault=vault)
    assert text == ("Call <PERSON_1> at <PHONE_NUMBER_1> or <EMAIL_ADDRESS_1>. <PERSON_1> agrees.")
    # A second call in the same session keeps the labels and continues the counters.
    again = redact(
        build_anonymizer(),
        "Bo Chen and Ann Lee",
        [Span("PERSON", 0, 7), Span("PERSON", 12, 19)],
        {"PERSON": op(type="pseudonymize")},
        salt=SALT,
        vault=vault,
    )
    assert again.text == "<PERSON_2> and <PERSON_1>"


def test_items_carry_output_offsets() -> None:
    result = redact(build_anonymizer(), TEXT, [ANN, MAIL], {}, salt=SALT, vault=None)
    assert [(i.entity_type, i.operator) for i in result.items] == [
        ("PERSON", "replace"),
        ("EMAIL_ADDRESS", "replace"),
    ]
    for item in result.items:
        assert result.text[item.start : item.end] == f"<{item.entity_type}>"


def test_overlapping_spans_are_resolved() -> None:
    result = redact(
        build_anonymizer(), TEXT, [MAIL, Span("URL", 32, 43, 0.5)], {}, salt=SALT, vault=None
    )
    assert "<EMAIL_ADDRESS>" in result.text
    assert "example" not in result.text
