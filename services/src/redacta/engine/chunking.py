"""Splits long texts into ~2 KB windows so spaCy's length limit and Presidio's per-result
context scans (quadratic in the text length) never apply to the whole text.

Each chunk *owns* the span between two boundaries and is analyzed together with a margin of
surrounding text, so an entity that straddles a boundary is seen whole by the chunk that owns
its first character and context words across the boundary still count. Boundaries fall on a
paragraph break, else a sentence end, else a line break, else any whitespace: never inside a
token unless a single token is longer than `MAX_TOKEN` characters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

TARGET_CHARS = 2048
"""Preferred owned length of a chunk."""

MARGIN_CHARS = 160
"""Context analyzed on each side of the owned span (longer than any multi-word entity)."""

MAX_TOKEN = 4096
"""How far to look for whitespace before cutting a token that has none."""

_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # paragraph break
    re.compile(r"""[.!?;:]["')\]]*\s+"""),  # sentence end
    re.compile(r"\n\s*"),  # line break
    re.compile(r"\s+"),  # any whitespace
)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A window `[start, end)` of the text that owns results starting in `[own_start, own_end)`."""

    start: int
    end: int
    own_start: int
    own_end: int

    def owns(self, position: int) -> bool:
        """Whether a result starting at `position` (in the full text) belongs to this chunk."""
        return self.own_start <= position < self.own_end


def _last_boundary(text: str, lo: int, hi: int) -> int | None:
    for pattern in _BOUNDARIES:
        last = None
        for match in pattern.finditer(text, lo, hi):
            last = match
        if last is not None and last.end() < len(text):
            return last.end()
    return None


def boundaries(text: str, target: int = TARGET_CHARS) -> list[int]:
    """Offsets `0 = b0 < b1 < ... < bn = len(text)` of the owned spans."""
    n = len(text)
    points = [0]
    pos = 0
    while n - pos > target + target // 2:
        cut = _last_boundary(text, pos + target // 2, pos + target)
        if cut is None:  # one huge token: cut at the next whitespace, or hard cut
            match = _WHITESPACE.search(text, pos + target, min(n, pos + target + MAX_TOKEN))
            cut = match.end() if match and match.end() < n else pos + target
        points.append(cut)
        pos = cut
    points.append(n)
    return points if n else [0]


def _snap_back(text: str, lo: int, hi: int) -> int:
    """First token start at or after `lo` (so the margin starts on a token)."""
    if lo <= 0:
        return 0
    match = _WHITESPACE.search(text, lo, hi)
    return match.end() if match else hi


def _snap_forward(text: str, hi: int) -> int:
    """First whitespace at or after `hi` (so the margin ends after a whole token)."""
    if hi >= len(text):
        return len(text)
    match = _WHITESPACE.search(text, hi, min(len(text), hi + MAX_TOKEN))
    return match.start() if match else min(len(text), hi + MAX_TOKEN)


def plan(text: str, target: int = TARGET_CHARS, margin: int = MARGIN_CHARS) -> Iterator[Chunk]:
    """The chunks covering `text`; a short text is one chunk without margins."""
    points = boundaries(text, target)
    for own_start, own_end in itertools.pairwise(points):
        if len(points) == 2:
            yield Chunk(0, own_end, 0, own_end)
            return
        start = _snap_back(text, own_start - margin, own_start)
        end = _snap_forward(text, own_end + margin)
        yield Chunk(start, end, own_start, own_end)
