"""User regex patterns: validated with the `regex` module and always matched with a timeout.

A user's custom recognizer must not be able to hang the server: a pattern is rejected when it
does not compile or when it backtracks catastrophically on a set of probe strings, and every
match at run time carries the `regex` module's `timeout=` (on timeout the recognizer simply
reports nothing for that text and a warning is logged, without the text).
"""

from __future__ import annotations

import string
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from redacta import logs

log = logs.get_logger("redacta.patterns")

RegexFlag = Literal["IGNORECASE", "MULTILINE", "DOTALL"]
_FLAG_VALUES: dict[str, int] = {
    "IGNORECASE": regex.IGNORECASE,
    "MULTILINE": regex.MULTILINE,
    "DOTALL": regex.DOTALL,
}
MAX_PATTERN_CHARS = 2000
#: Time one probe may take before the pattern counts as catastrophic.
PROBE_TIMEOUT_S = 0.1
PROBE_LENGTH = 10_000
#: Matching time allowed per text at run time: a base plus per-megabyte of text.
MATCH_TIMEOUT_BASE_S = 0.5
MATCH_TIMEOUT_PER_MB_S = 2.0


class PatternError(ValueError):
    """The pattern is invalid or too slow; the message says why (never the analyzed text)."""


@dataclass(frozen=True)
class Match:
    """One match: offsets into the text."""

    start: int
    end: int


def flag_bits(flags: Iterable[str]) -> int:
    """`["IGNORECASE", ...]` → `regex` flag bits (unknown names are rejected by the models)."""
    bits = 0
    for name in flags:
        bits |= _FLAG_VALUES[name]
    return bits


def compile_pattern(pattern: str, flags: Iterable[str] = ()) -> regex.Pattern[str]:
    """Compile a user pattern, or raise PatternError naming the problem and its position."""
    if not pattern:
        raise PatternError("The pattern is empty.")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(f"The pattern is longer than {MAX_PATTERN_CHARS} characters.")
    try:
        compiled = regex.compile(pattern, flag_bits(flags))
    except regex.error as exc:
        pos, msg = getattr(exc, "pos", None), getattr(exc, "msg", str(exc))
        where = f" at position {pos}" if pos is not None else ""
        raise PatternError(f"Invalid regular expression{where}: {msg}.") from None
    return compiled


def _probes(pattern: str) -> list[str]:
    """Long runs of characters the pattern mentions (and a few usual ones), then a misfit.

    Catastrophic backtracking shows up when a nested or ambiguous repetition is fed a long
    run it can split many ways and then fails at the end.
    """
    chars = {c for c in pattern if c in string.ascii_letters + string.digits + " .-_@"}
    chars |= {"a", "A", "1", " ", "x"}
    probes: list[str] = []
    for char in sorted(chars):
        probes += [char * PROBE_LENGTH + "\x00", char * PROBE_LENGTH + "!"]
    probes.append(("a1 " * (PROBE_LENGTH // 3)) + "\x00")
    return probes


def check_not_catastrophic(compiled: regex.Pattern[str]) -> None:
    """Raise PatternError when the pattern takes too long on any probe string."""
    for probe in _probes(compiled.pattern):
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT_S)
        except TimeoutError:
            raise PatternError(
                "The pattern is too slow: it backtracks catastrophically on long input "
                "(e.g. nested repetition like '(a+)+'). Simplify the repetition."
            ) from None


def validate_pattern(pattern: str, flags: Iterable[str] = ()) -> regex.Pattern[str]:
    """Compile and probe a pattern; the compiled pattern when it is usable."""
    compiled = compile_pattern(pattern, flags)
    check_not_catastrophic(compiled)
    return compiled


def match_timeout(text: str) -> float:
    """Seconds a pattern may spend on this text."""
    return MATCH_TIMEOUT_BASE_S + MATCH_TIMEOUT_PER_MB_S * len(text) / 1_000_000


def find_matches(compiled: regex.Pattern[str], text: str, *, limit: int = 10_000) -> list[Match]:
    """Non-empty matches, at most `limit`; raises PatternError on timeout."""
    deadline = match_timeout(text)
    started = time.perf_counter()
    matches: list[Match] = []
    try:
        for found in compiled.finditer(text, timeout=deadline):
            if found.end() > found.start():
                matches.append(Match(found.start(), found.end()))
                if len(matches) >= limit:
                    break
    except TimeoutError:
        log.warning(
            "pattern timed out",
            extra={"seconds": round(time.perf_counter() - started, 3), "text_chars": len(text)},
        )
        raise PatternError(
            f"The pattern took longer than {deadline:.1f} s on this text and was stopped "
            "(catastrophic backtracking?). Simplify it."
        ) from None
    return matches
