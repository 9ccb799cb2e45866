"""The project salt for the hash operator, kept in the user's data folder.

A fixed salt makes the same value always hash to the same digest (so hashed columns can still
be joined), while a per-installation random salt keeps the digests from being reversed with a
precomputed table of names or e-mail addresses.
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path

from redacta import logs
from redacta.redaction.files import write_atomic

log = logs.get_logger("redacta.salt")

SALT_FILE = "hash-salt.bin"
SALT_BYTES = 32
_lock = threading.Lock()


def project_salt(data_dir: Path) -> bytes:
    """The salt stored in `data_dir`, created (random, 32 bytes) on first use.

    When the folder cannot be written, a random salt for this run is used (hashes are then
    stable only until restart) rather than failing to start.
    """
    path = data_dir / SALT_FILE
    with _lock:
        try:
            salt = path.read_bytes()
        except OSError:  # missing, or the folder is unusable
            salt = b""
        if len(salt) < SALT_BYTES:
            salt = secrets.token_bytes(SALT_BYTES)
            try:
                write_atomic(path, salt)
            except OSError:
                log.warning("cannot store the hash salt; using one for this run only")
        return salt
