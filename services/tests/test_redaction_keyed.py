"""Keyed pseudonyms: labels from an HMAC under the user's key, applied by the one pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from redacta.redaction.keyed import (
    KEY_ENV,
    KeyedLabels,
    PseudonymKeyError,
    normalise,
    read_key,
)
from redacta.redaction.operators import HashOp, PseudonymizeOp, ReplaceOp
from redacta.redaction.pipeline import Span, apply_findings, build_anonymizer, presidio_operators
from redacta.redaction.restore import restore

KEY = b"team-key-0123456789abcdef"
TEXT = "Maria Garcia met MARIA  garcia and Peter Novak."
SPANS = [Span("PERSON", 0, 12, 0.85), Span("PERSON", 17, 30, 0.85), Span("PERSON", 35, 46, 0.85)]


def _apply(labels: KeyedLabels, text: str = TEXT, spans: list[Span] = SPANS) -> str:
    operators = presidio_operators(
        {"PERSON": PseudonymizeOp()}, salt=labels.hash_salt, vault=labels
    )
    applied = apply_findings(build_anonymizer(), text, spans, operators, labels=labels)
    return applied.redacted.text


def test_labels_come_from_the_key_and_the_normalised_value() -> None:
    out = _apply(KeyedLabels(KEY))
    labels = re.findall(r"<PERSON_[0-9a-f]{12}>", out)
    assert len(labels) == 3, out
    assert labels[0] == labels[1]  # case and spacing do not matter
    assert labels[0] != labels[2]
    for value in ("Maria", "garcia", "Novak"):
        assert value not in out
    # The same key in a fresh object (another process, another run) gives the same labels;
    # another key gives different ones.
    assert _apply(KeyedLabels(KEY)) == out
    assert _apply(KeyedLabels(b"another-key-0123456789")) != out


def test_type_is_part_of_the_label() -> None:
    labels = KeyedLabels(KEY)
    assert labels.label_for("PERSON", "Jordan") != labels.label_for("LOCATION", "Jordan")
    assert labels.label_for("PERSON", "Jordan").startswith("<PERSON_")


def test_normalise() -> None:
    fullwidth_m = "\uff2d"  # NFKC folds it to "M"
    assert normalise(f"  {fullwidth_m}aria\u00a0\tGARCÍA ") == normalise("maria garcía")


def test_short_key_is_refused_with_a_hint() -> None:
    with pytest.raises(PseudonymKeyError, match="at least 16 bytes"):
        KeyedLabels(b"short")


def test_hash_salt_follows_the_key() -> None:
    a, b = KeyedLabels(KEY), KeyedLabels(KEY)
    assert a.hash_salt == b.hash_salt
    assert a.hash_salt != KeyedLabels(b"another-key-0123456789").hash_salt
    operators = presidio_operators({"PERSON": HashOp()}, salt=a.hash_salt, vault=None)
    one = apply_findings(build_anonymizer(), TEXT, SPANS[:1], operators).redacted.text
    two = apply_findings(build_anonymizer(), TEXT, SPANS[:1], operators).redacted.text
    assert one == two
    assert "Maria" not in one


def test_seal_and_restore_round_trip() -> None:
    labels = KeyedLabels(KEY)
    out = _apply(labels)
    sealed: dict[str, bytes] = {}
    for value in ("Maria Garcia", "Peter Novak"):
        label = labels.label_for("PERSON", value)
        sealed[label] = labels.seal(label, value)
        assert labels.seal(label, value) == sealed[label]  # deterministic: de-duplicable
        assert value.encode() not in sealed[label]

    class Lookup:
        def value_of(self, label: str) -> str | None:
            blob = sealed.get(label)
            return None if blob is None else labels.unseal(label, blob)

    restored = restore(out + " <PERSON_000000000000>", Lookup())
    assert restored.text == "Maria Garcia met Maria Garcia and Peter Novak. <PERSON_000000000000>"
    assert restored.restored == 3
    assert restored.unknown_labels == ["<PERSON_000000000000>"]
    label = next(iter(sealed))
    with pytest.raises(InvalidTag):
        KeyedLabels(b"another-key-0123456789").unseal(label, sealed[label])
    with pytest.raises(InvalidTag):  # an entry moved to another label does not open
        labels.unseal(labels.label_for("PERSON", "x"), sealed[label])


def test_other_operators_are_untouched() -> None:
    labels = KeyedLabels(KEY)
    operators = presidio_operators({"PERSON": ReplaceOp()}, salt=b"", vault=labels)
    out = apply_findings(build_anonymizer(), TEXT, SPANS, operators, labels=labels)
    assert out.redacted.text == "<PERSON> met <PERSON> and <PERSON>."


def test_read_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    assert read_key(None) is None
    monkeypatch.setenv(KEY_ENV, "from-the-environment-123")
    assert read_key(None) == b"from-the-environment-123"
    key_file = tmp_path / "pseudonym.key"
    key_file.write_bytes(b"from-a-file-0123456789\n")
    assert read_key(str(key_file)) == b"from-a-file-0123456789"  # the file wins
    with pytest.raises(PseudonymKeyError, match="cannot be read"):
        read_key(str(tmp_path / "missing.key"))
    (tmp_path / "empty.key").write_bytes(b"\n")
    with pytest.raises(PseudonymKeyError, match="is empty"):
        read_key(str(tmp_path / "empty.key"))
