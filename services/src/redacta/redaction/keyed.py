"""Keyed pseudonyms: `<PERSON_3f9a2c81d07e>`, the same in every process, machine and run.

The session vault numbers values as it meets them (`<PERSON_1>`), which needs one place that
has seen every value; a cluster has no such place. A keyed label is instead computed from the
value alone: an HMAC-SHA256 of the entity type and the normalised value under a key the team
keeps. Anyone with the key gets the same label for the same value; without it a label cannot
be linked to a value, not even by hashing a list of candidate names (as a plain hash could).

It is a `LabelSource`, so the one pipeline applies it through the `pseudonymize` operator
exactly as it applies the vault. Values that differ only in case, Unicode form or spacing
share a label (`John  SMITH` and `john smith`), so a person is recognisable across rows.

12 hex digits (48 bits) per label: two different values of one type share a label by chance
only once about 16 million distinct values of that type are labelled (the birthday bound).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_ENV = "REDACTA_PSEUDONYM_KEY"
MIN_KEY_BYTES = 16
LABEL_HEX_DIGITS = 12
_SPACES = re.compile(r"\s+")


class PseudonymKeyError(ValueError):
    """No usable key; the message says how to give one (never the key itself)."""


def normalise(value: str) -> str:
    """The form two spellings of one value share: NFKC, case-folded, spaces collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip().casefold()


def _derive(key: bytes, purpose: bytes, length: int = 32) -> bytes:
    """A separate key per use of the one user key (labels, hash salt, mapping)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=purpose).derive(key)


class KeyedLabels:
    """Labels from an HMAC of (entity type, normalised value) under the user's key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise PseudonymKeyError(
                f"the pseudonym key must be at least {MIN_KEY_BYTES} bytes; make one with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
            )
        self._label_key = _derive(key, b"redacta keyed pseudonym labels v1")
        self.hash_salt = _derive(key, b"redacta hash operator salt v1")
        self._mapping = AESSIV(_derive(key, b"redacta pseudonym mapping v1", 64))

    def label_for(self, entity_type: str, value: str) -> str:
        """`<ENTITY_hhhhhhhhhhhh>`: the same for every spelling of the value, anywhere."""
        message = f"{entity_type}\x1f{normalise(value)}".encode()
        digest = hmac.new(self._label_key, message, hashlib.sha256).hexdigest()
        return f"<{entity_type}_{digest[:LABEL_HEX_DIGITS]}>"

    def seal(self, label: str, value: str) -> bytes:
        """The value encrypted for the restore mapping (AES-SIV, bound to its label).

        Deterministic, so the same (label, value) seals to the same bytes and a mapping table
        can be de-duplicated without ever being decrypted.
        """
        return self._mapping.encrypt(value.encode("utf-8"), [label.encode("utf-8")])

    def unseal(self, label: str, sealed: bytes) -> str:
        """The value `seal` encrypted; raises `cryptography.exceptions.InvalidTag` when the
        key is not the one that sealed it or the entry was altered."""
        return self._mapping.decrypt(sealed, [label.encode("utf-8")]).decode("utf-8")


def read_key(key_file: str | None = None) -> bytes | None:
    """The key from `key_file` (trailing newline dropped), else `REDACTA_PSEUDONYM_KEY`."""
    if key_file is not None:
        try:
            key = Path(key_file).read_bytes().rstrip(b"\r\n")
        except OSError as exc:
            raise PseudonymKeyError(
                f"the key file {key_file} cannot be read: {exc.strerror}"
            ) from None
        if not key:
            raise PseudonymKeyError(f"the key file {key_file} is empty")
        return key
    value = os.environ.get(KEY_ENV)
    return value.encode("utf-8") if value else None
