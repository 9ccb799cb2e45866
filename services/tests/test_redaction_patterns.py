"""Unit tests: user regex validation, catastrophic-backtracking rejection, bounded matching."""

from __future__ import annotations

import time

import pytest

from redacta.redaction.patterns import (
    PatternError,
    compile_pattern,
    find_matches,
    validate_pattern,
)


def test_valid_pattern_matches_with_offsets() -> None:
    compiled = validate_pattern(r"EMP-\d{4}")
    matches = find_matches(compiled, "ids EMP-1234 and EMP-9876.")
    assert [(m.start, m.end) for m in matches] == [(4, 12), (17, 25)]


def test_flags_apply() -> None:
    assert find_matches(validate_pattern("emp", ["IGNORECASE"]), "EMP emp") != []
    assert len(find_matches(validate_pattern("emp"), "EMP emp")) == 1


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(abc", "missing )"),
        ("a{2,1}", "min repeat greater than max repeat"),
        ("*a", "nothing to repeat"),
        ("", "empty"),
    ],
)
def test_bad_pattern_names_the_problem(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=r"empty|Invalid regular expression") as info:
        compile_pattern(pattern)
    assert message in str(info.value)


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"^(\w+\s?)*$", r"(x+x+)+y", r"(\d+)*[a-z]$"])
def test_catastrophic_patterns_are_rejected_quickly(pattern: str) -> None:
    started = time.thread_time()  # the regex timeout bounds CPU time; wall time grows with load
    with pytest.raises(PatternError, match="too slow"):
        validate_pattern(pattern)
    assert time.thread_time() - started < 5


def test_matching_stops_at_the_timeout() -> None:
    compiled = compile_pattern(r"(a+)+$")  # compiled without the probe check
    started = time.thread_time()  # the regex timeout bounds CPU time; wall time grows with load
    with pytest.raises(PatternError, match="took longer"):
        find_matches(compiled, "a" * 50_000 + "!")
    assert time.thread_time() - started < 5


def test_empty_matches_are_skipped_and_limit_applies() -> None:
    assert find_matches(validate_pattern(r"\d*"), "ab12cd3") == find_matches(
        validate_pattern(r"\d+"), "ab12cd3"
    )
    assert len(find_matches(validate_pattern(r"\d"), "1" * 50, limit=7)) == 7
