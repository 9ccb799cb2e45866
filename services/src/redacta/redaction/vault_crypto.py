"""Passphrase encryption of an exported vault: scrypt key derivation + AES-256-GCM.

The blob is text (safe to save or paste): `redacta-vault.v1.<salt>.<nonce>.<ciphertext>`,
each part base64url. AES-GCM authenticates the content, so a wrong passphrase or a modified
blob is detected rather than yielding garbage.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

PREFIX = "redacta-vault.v1"
_AAD = PREFIX.encode()
# scrypt cost: ~50 ms and 16 MiB here; makes guessing passphrases expensive.
_N, _R, _P = 2**14, 8, 1


class VaultDecryptError(ValueError):
    """The blob is not a Redacta vault, or the passphrase is wrong."""


class WrongPassphraseError(VaultDecryptError):
    """The blob is shaped like an export but does not decrypt: wrong passphrase, or modified."""


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encrypt(data: dict[str, Any], passphrase: str) -> str:
    """Encrypt a JSON-able dict with the passphrase; returns the text blob."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    plaintext = json.dumps(data, ensure_ascii=False).encode()
    ciphertext = AESGCM(_key(passphrase, salt)).encrypt(nonce, plaintext, _AAD)
    return ".".join([PREFIX, _b64(salt), _b64(nonce), _b64(ciphertext)])


def decrypt(blob: str, passphrase: str) -> dict[str, Any]:
    """Decrypt a blob made by `encrypt`; raises VaultDecryptError with a message to show."""
    blob = blob.strip()
    if not blob.startswith(PREFIX + "."):
        raise VaultDecryptError(
            f"This is not a Redacta vault export (it should start with '{PREFIX}.')."
        )
    parts = blob[len(PREFIX) + 1 :].split(".")
    try:
        salt, nonce, ciphertext = (_unb64(part) for part in parts)
    except ValueError as exc:
        raise VaultDecryptError("The vault export is damaged (not valid base64).") from exc
    try:
        plaintext = AESGCM(_key(passphrase, salt)).decrypt(nonce, ciphertext, _AAD)
    except (InvalidTag, ValueError) as exc:
        raise WrongPassphraseError(
            "Wrong passphrase, or the vault export was modified: it could not be decrypted."
        ) from exc
    data = json.loads(plaintext)
    if not isinstance(data, dict):
        raise VaultDecryptError("The vault export does not contain a vault.")
    return data
