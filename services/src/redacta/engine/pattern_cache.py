"""Compiled regular expressions kept on disk between starts, as Python keeps bytecode.

The `regex` module parses a pattern in pure Python. The street-address patterns are tens of
thousands of characters long (word lists of street words, countries and town shapes, each
used in several places of one pattern) and parsing them takes most of a second: a fifth of the
backend's start. A compiled `regex` pattern pickles as its compiled code (the module's own
pickling, which rebuilds the pattern through `regex._regex.compile` without parsing), and
loading that takes milliseconds.

One file per pattern, named by a hash of the pattern, its flags and the versions of Python and
`regex`: a changed pattern or an upgrade misses and is compiled again, as before. A file is
read with an unpickler that allows nothing but `regex`'s compile function, and what it holds is
used only when its source and flags are exactly the ones asked for; anything else (a foreign,
truncated or stale file) is compiled afresh. The files live beside the code, so they are
trusted as the code is.

The frozen app ships the files of its patterns (the PyInstaller spec builds them and collects
`files_in_use()`) and never writes; elsewhere a miss writes its file when the folder is
writable, and a read-only install compiles on every start as it would without this cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import regex

from redacta.logs import get_logger

log = get_logger(__name__)
CACHE_DIR = Path(__file__).parent / "__pycache__" / "patterns"
_IN_USE: set[Path] = set()
_COMPILE = ("regex._regex", "compile")
"""The one global a pickled `regex` pattern refers to: its compiled-code constructor."""


class _PatternUnpickler(pickle.Unpickler):
    """Loads pickled `regex` patterns and nothing else: no other class or function may be
    named by the file, so it cannot run code of its choosing."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) != _COMPILE:
            raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")
        return super().find_class(module, name)


def cache_path(pattern: str, flags: int) -> Path:
    """The file that holds `pattern` compiled with `flags` by this Python and `regex`."""
    key = "\0".join((sys.version, regex.__version__, str(int(flags)), pattern))
    return CACHE_DIR / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def _load(path: Path, pattern: str, flags: int) -> regex.Pattern[str] | None:
    try:
        with path.open("rb") as file:
            stored = _PatternUnpickler(file).load()
    except FileNotFoundError:
        return None
    except Exception:
        return None
    if (
        isinstance(stored, tuple)
        and len(stored) == 2
        and stored[0] == int(flags)
        and isinstance(stored[1], regex.Pattern)
        and stored[1].pattern == pattern
    ):
        return stored[1]
    return None


def _store(path: Path, flags: int, compiled: regex.Pattern[str]) -> None:
    """Write the file whole or not at all: another process may be reading or writing it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:  # a read-only install: compile on every start
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((int(flags), compiled), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def compile_cached(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, read from its cache file when that holds it."""
    path = cache_path(pattern, flags)
    _IN_USE.add(path)
    compiled = _load(path, pattern, flags)
    if compiled is None:
        log.debug("pattern compiled, not read from the cache", extra={"cache_file": path.name})
        compiled = regex.compile(pattern, flags)
        if not getattr(sys, "frozen", False):
            _store(path, flags, compiled)
    return compiled


def files_in_use() -> list[Path]:
    """The cache files of every pattern compiled through this module in this process."""
    return sorted(_IN_USE)
