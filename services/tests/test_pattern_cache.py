"""The compiled-pattern cache: what it reads, what it refuses, and that its files are the ones
the recognizers need in every process."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from redacta.engine import pattern_cache
from redacta.engine.recognizers import address_intl

PATTERN = r"(?<![\p{L}\d])\d{1,5}[ \t]+\p{Lu}\p{Ll}+[ \t]+(?:Street|Road)(?![\p{L}])"
FLAGS = regex.VERSION1 | regex.MULTILINE
TEXT = "Deliver to 12 Elm Street, then 7 Mill Road and not 9 elm street."


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, in a process that may write bytecode (PYTHONDONTWRITEBYTECODE
    may be set where the tests run)."""
    folder = tmp_path / "patterns"
    monkeypatch.setattr(pattern_cache, "CACHE_DIR", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


def spans(pattern: regex.Pattern[str], text: str = TEXT) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def write_cache_file(path: Path, stored: object) -> None:
    """A cache file holding `stored`, its checksum right: what the unpickler and the check of
    source and flags see."""
    payload = pickle.dumps(stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hashlib.sha256(payload).digest() + payload)


def test_a_miss_writes_the_compiled_pattern_and_the_next_start_reads_it(cache_dir: Path) -> None:
    compiled = pattern_cache.compile_cached(PATTERN, FLAGS)
    path = pattern_cache.cache_path(PATTERN, FLAGS)
    assert path.parent == cache_dir
    assert path.is_file()
    assert spans(compiled) == spans(regex.compile(PATTERN, FLAGS)) == [(11, 24), (31, 42)]

    stored = path.read_bytes()
    again = pattern_cache.compile_cached(PATTERN, FLAGS)
    assert again is not compiled  # a new object, rebuilt from the file
    assert (again.pattern, again.flags) == (compiled.pattern, compiled.flags)
    assert spans(again) == spans(compiled)
    assert path.read_bytes() == stored  # a hit does not rewrite the file
    assert path in pattern_cache.files_in_use()


def test_the_file_name_depends_on_the_pattern_and_its_flags() -> None:
    names = {
        pattern_cache.cache_path(PATTERN, FLAGS),
        pattern_cache.cache_path(PATTERN + "x", FLAGS),
        pattern_cache.cache_path(PATTERN, regex.VERSION1),
    }
    assert len(names) == 3


def test_a_file_holding_another_pattern_is_compiled_again_and_replaced(cache_dir: Path) -> None:
    path = pattern_cache.cache_path(PATTERN, FLAGS)
    write_cache_file(path, (int(FLAGS), regex.compile(r"\d+", FLAGS)))

    compiled = pattern_cache.compile_cached(PATTERN, FLAGS)
    assert compiled.pattern == PATTERN
    assert spans(compiled) == [(11, 24), (31, 42)]
    assert pattern_cache.compile_cached(PATTERN, FLAGS).pattern == PATTERN  # file replaced


class _RunsCode:
    """What a hostile cache file would hold: unpickling it creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (self.marker, "ran"))  # type: ignore[return-value]


def test_a_file_that_names_anything_but_regex_is_not_run(cache_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    path = pattern_cache.cache_path(PATTERN, FLAGS)
    write_cache_file(path, (int(FLAGS), _RunsCode(marker)))

    assert spans(pattern_cache.compile_cached(PATTERN, FLAGS)) == [(11, 24), (31, 42)]
    assert not marker.exists()


def test_a_truncated_file_is_only_a_miss(cache_dir: Path) -> None:
    pattern_cache.compile_cached(PATTERN, FLAGS)
    path = pattern_cache.cache_path(PATTERN, FLAGS)
    path.write_bytes(path.read_bytes()[:100])
    assert spans(pattern_cache.compile_cached(PATTERN, FLAGS)) == [(11, 24), (31, 42)]


_READ_DAMAGED = f"""
import copyreg, sys
from pathlib import Path
import regex
from redacta.engine import pattern_cache
pattern_cache.CACHE_DIR = Path(sys.argv[1])
pattern, flags = {PATTERN!r}, {int(FLAGS)}
if sys.argv[2] == "damage":
    sys.dont_write_bytecode = False  # write the file that is then damaged
    code = copyreg.dispatch_table[regex.Pattern](pattern_cache.compile_cached(pattern, flags))[1][2]
    path = pattern_cache.cache_path(pattern, flags)
    data = path.read_bytes()
    damaged = bytearray(code)
    damaged[int(sys.argv[3])] ^= 0xFF
    path.write_bytes(data.replace(code, bytes(damaged)))
else:
    print([m.span() for m in pattern_cache.compile_cached(pattern, flags).finditer({TEXT!r})])
"""


@pytest.mark.parametrize("byte", [0, 4])
def test_a_file_with_one_byte_of_its_compiled_code_changed_is_only_a_miss(
    tmp_path: Path, byte: int
) -> None:
    """`regex` runs the compiled code it is given unchecked: changing its first byte makes a
    pattern that finds other spans, changing its fifth crashes the process. In a process of its
    own, so that a crash fails this test rather than ending the test run."""
    folder = str(tmp_path / "patterns")
    damage = [sys.executable, "-c", _READ_DAMAGED, folder, "damage", str(byte)]
    subprocess.run(damage, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", _READ_DAMAGED, folder, "read"], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip()) == (0, "[(11, 24), (31, 42)]")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_its_files_are_readable_by_whoever_may_read_the_code(cache_dir: Path) -> None:
    """Another account running the same install (a service user, a container's user) reads
    them instead of compiling on every start."""
    pattern_cache.compile_cached(PATTERN, FLAGS)
    written = pattern_cache.cache_path(PATTERN, FLAGS).stat().st_mode & 0o777
    assert written == Path(pattern_cache.__file__).stat().st_mode & 0o666


def test_a_folder_it_cannot_write_still_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder's parent should be")
    monkeypatch.setattr(pattern_cache, "CACHE_DIR", blocker / "patterns")
    assert spans(pattern_cache.compile_cached(PATTERN, FLAGS)) == [(11, 24), (31, 42)]
    assert list(tmp_path.iterdir()) == [blocker]


def test_a_frozen_app_reads_but_never_writes(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert spans(pattern_cache.compile_cached(PATTERN, FLAGS)) == [(11, 24), (31, 42)]
    assert not cache_dir.exists()


def test_a_process_told_not_to_write_bytecode_writes_no_files(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PYTHONDONTWRITEBYTECODE, `python -B`: the development container runs as root on a mounted
    checkout and sets it so as to leave no files there its user cannot remove or rewrite."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert spans(pattern_cache.compile_cached(PATTERN, FLAGS)) == [(11, 24), (31, 42)]
    assert not cache_dir.exists()


def test_every_process_asks_for_the_same_files() -> None:
    """A pattern built from a set in the order the set iterates would be a different text in
    each process (string hashes are salted per process), so its file would never be hit."""
    found = [pattern_cache.write_files(env={**os.environ, "PYTHONHASHSEED": seed}) for seed in "12"]
    assert found[0] == found[1]
    assert len(found[0]) >= 10
    assert all(path.is_file() for path in found[0])


def test_the_street_address_pattern_comes_from_the_cache() -> None:
    path = pattern_cache.cache_path(address_intl.ADDRESS.pattern, regex.VERSION1 | regex.MULTILINE)
    assert path in pattern_cache.files_in_use()
