"""Inline span markup for hand-written samples: `[[PERSON:Jane Doe]]` -> text + exact spans.

Writing labels inline keeps the text readable and the offsets exact: the offsets are derived
by the parser, never typed by hand.
"""

from __future__ import annotations

import re
from typing import TypedDict

MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]", re.DOTALL)


class GoldSpan(TypedDict):
    """One gold entity: character offsets into the sample's text and its type."""

    start: int
    end: int
    type: str
    text: str


def parse(marked: str) -> tuple[str, list[GoldSpan]]:
    """Strip the markup and return the plain text with the spans it marked."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        value = m.group(2)
        spans.append(
            {"start": length, "end": length + len(value), "type": m.group(1), "text": value}
        )
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced span markup")
    return text, spans
