"""Unit tests: every operator through Redacta's anonymizer (real Presidio, no model needed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest
from presidio_anonymizer import AnonymizerEngine
from pydantic import TypeAdapter, ValidationError

from redacta.redaction.operators import OperatorSpec
from redacta.redaction.pipeline import (
    Span,
    apply_findings,
    build_anonymizer,
    merge_overlaps,
    presidio_operators,
)
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


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    entity_type: str
    operator: str


@dataclass(frozen=True)
class Output:
    text: str
    items: list[Item]


def redact(
    anonymizer: AnonymizerEngine,
    text: str,
    spans: list[Span],
    specs: dict[str, OperatorSpec],
    *,
    salt: bytes,
    vault: Vault | None,
) -> Output:
    """The pipeline's `apply_findings` with Redacta's operator specs, output offsets."""
    operators = presidio_operators(specs, salt=salt, vault=vault)
    result = apply_findings(anonymizer, text, spans, operators, labels=vault).redacted
    return Output(
        result.text,
        [Item(s, e, r.entity_type, r.operator) for s, e, r in result.output_items()],
    )


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


def test_overlapping_findings_merge_into_their_union_typed_by_the_surer() -> None:
    text = "She lives at 27 Rue des Lilas, Lyon."
    model = Span("LOCATION", 13, 22, 0.6)  # "27 Rue de"
    deny = Span("LOCATION", 16, 29, 1.0)  # "Rue des Lilas"
    result = redact(build_anonymizer(), text, [model, deny], {}, salt=SALT, vault=None)
    assert result.text == "She lives at <LOCATION>, Lyon."
    assert result.items == [Item(13, 23, "LOCATION", "replace")]
    # Different types: the surer one names the union, whichever comes first.
    street = Span("ADDRESS", 16, 29, 0.9)
    assert merge_overlaps([model, street]) == [Span("ADDRESS", 13, 29, 0.9)]
    assert merge_overlaps([street, Span("LOCATION", 13, 22, 0.95)]) == [
        Span("LOCATION", 13, 29, 0.95)
    ]


def test_a_kept_type_never_lets_an_overlapping_removed_value_through() -> None:
    # The user keeps organisations but removes people: "Ann Lee" inside the surer
    # organisation span "Ann Lee Bakery" must still go, whatever the scores say.
    text = "Order from Ann Lee Bakery today."
    org = Span("ORGANIZATION", 11, 25, 0.95)
    person = Span("PERSON", 11, 18, 0.85)
    keep_orgs = {"ORGANIZATION": op(type="keep")}
    result = redact(build_anonymizer(), text, [org, person], keep_orgs, salt=SALT, vault=None)
    assert result.text == "Order from <PERSON> Bakery today."
    assert "Ann" not in result.text
    # A kept finding that overlaps nothing is still reported as kept, text unchanged.
    alone = redact(build_anonymizer(), text, [org], keep_orgs, salt=SALT, vault=None)
    assert alone.text == text
    assert alone.items == [Item(11, 25, "ORGANIZATION", "keep")]


def test_overlap_ties_go_to_the_longer_finding_then_the_type_name() -> None:
    short, long_ = Span("PERSON", 0, 4, 0.8), Span("ORGANIZATION", 2, 12, 0.8)
    assert merge_overlaps([short, long_]) == [Span("ORGANIZATION", 0, 12, 0.8)]
    same = [Span("PERSON", 0, 4, 0.8), Span("LOCATION", 2, 6, 0.8)]
    assert merge_overlaps(same) == merge_overlaps(same[::-1]) == [Span("LOCATION", 0, 6, 0.8)]


def test_chains_merge_and_touching_spans_stay_apart() -> None:
    chain = [Span("A", 0, 5, 0.5), Span("B", 4, 9, 0.9), Span("C", 8, 12, 0.4)]
    assert merge_overlaps(chain) == [Span("B", 0, 12, 0.9)]
    touching = [Span("A", 0, 5), Span("B", 5, 9)]
    assert merge_overlaps(touching) == touching


def test_pseudonyms_are_numbered_in_reading_order() -> None:
    vault = Vault()
    text = "Bo Chen met Ann Lee, then Bo Chen left."
    spans = [Span("PERSON", 26, 33), Span("PERSON", 12, 19), Span("PERSON", 0, 7)]
    result = redact(
        build_anonymizer(), text, spans, {"PERSON": op(type="pseudonymize")}, salt=SALT, vault=vault
    )
    assert result.text == "<PERSON_1> met <PERSON_2>, then <PERSON_1> left."
