"""Compiled regular expressions kept on disk between starts, as Python keeps bytecode.

The `regex` module parses a pattern in pure Python. The street-address patterns are tens of
thousands of characters long (word lists of street words, countries and town shapes, each
used in several places of one pattern) and parsing them takes most of a second: a fifth of the
backend's start. A compiled `regex` pattern pickles as its compiled code (the module's own
pickling, which rebuilds the pattern through `regex._regex.compile` without parsing), and
loading that takes milliseconds.

One file per pattern, named by a hash of the pattern, its flags and the versions of Python and
`regex`: a changed pattern or an upgrade misses and is compiled again, as before. The compiled
code in a file is taken as it is: `regex` does not check it, and one changed byte makes a
pattern that finds other things or crashes the process. So a file starts with the SHA-256 of
the rest and is read only when that matches; it is unpickled by an unpickler that allows
nothing but `regex`'s compile function, and used only when the source and flags it holds are
exactly the ones asked for. Anything else (a damaged, foreign, truncated or stale file) is
compiled afresh. The checksum catches accidents, not an attacker, who could rewrite it: the
files live beside the code and are written with its permissions, so whoever can change them
can change the code, as with Python's own bytecode files.

Files are written where Python writes bytecode. The frozen app ships the files of its patterns
(the PyInstaller spec builds them with `write_files`) and never writes; neither does a process
told not to write bytecode (PYTHONDONTWRITEBYTECODE, `python -B`: the development container
sets it so as to leave no root-owned files in the checkout it mounts). Elsewhere a miss writes
its file when the folder is writable; a read-only install compiles on every start, as it
would without this cache.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import os
import pickle
import pkgutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import regex

from redacta.logs import get_logger

log = get_logger(__name__)
CACHE_DIR = Path(__file__).parent / "__pycache__" / "patterns"
_IN_USE: set[Path] = set()
_WRITE_ANYWAY = False
"""Set by `write_files`: write the files even where bytecode is not written."""
_COMPILE = ("regex._regex", "compile")
"""The one global a pickled `regex` pattern refers to: its compiled-code constructor."""
_CHECKSUM_SIZE = hashlib.sha256().digest_size
"""Every file opens with the SHA-256 of the pickled pattern after it."""


class _PatternUnpickler(pickle.Unpickler):
    """Loads pickled `regex` patterns and nothing else: no other class or function may be
    named by the file, so unpickling calls nothing but `regex`'s compile (on code that the
    file's checksum vouches for)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) != _COMPILE:
            raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")
        return super().find_class(module, name)


def cache_path(pattern: str, flags: int) -> Path:
    """The file that holds `pattern` compiled with `flags` by this Python and `regex`."""
    key = "\0".join((sys.version, regex.__version__, str(int(flags)), pattern))
    return CACHE_DIR / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def _load(path: Path, pattern: str, flags: int) -> regex.Pattern[str] | None:
    """The pattern stored in `path`, or None when the file is missing, damaged or holds another
    pattern."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, payload = data[:_CHECKSUM_SIZE], data[_CHECKSUM_SIZE:]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        stored = _PatternUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a foreign pickle: pickle and `regex` raise many kinds of error
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
    payload = pickle.dumps((int(flags), compiled), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:  # a read-only install: compile on every start
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(hashlib.sha256(payload).digest() + payload)
        # Readable by whoever may read the code (mkstemp's file is its owner's alone): another
        # account running the same install reads it instead of compiling on every start.
        os.chmod(temporary, Path(__file__).stat().st_mode & 0o666)
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
        if _WRITE_ANYWAY or not (getattr(sys, "frozen", False) or sys.dont_write_bytecode):
            _store(path, flags, compiled)
    else:
        log.debug("pattern read from the cache", extra={"cache_file": path.name})
    return compiled


def files_in_use() -> list[Path]:
    """The cache files of every pattern compiled through this module in this process."""
    return sorted(_IN_USE)


def write_files(env: dict[str, str] | None = None) -> list[Path]:
    """Write the file of every pattern the recognizers compile at import, even where bytecode
    is not written, and return their paths: for the frozen build, which ships them, and the
    benchmark, which measures the starts that read them. In a fresh interpreter (`env` its
    environment), so every recognizer module is imported there rather than found imported."""
    done = subprocess.run(
        [sys.executable, "-c", "from redacta.engine import pattern_cache; pattern_cache._write()"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return [Path(name) for name in json.loads(done.stdout.splitlines()[-1])]


def _write() -> None:
    """`write_files` in its fresh interpreter: the paths as a JSON list on stdout."""
    global _WRITE_ANYWAY
    _WRITE_ANYWAY = True
    import redacta.engine.recognizers as recognizers

    for module in pkgutil.iter_modules(recognizers.__path__):
        importlib.import_module(f"{recognizers.__name__}.{module.name}")
    print(json.dumps([str(path) for path in files_in_use()]))
