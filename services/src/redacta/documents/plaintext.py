"""`.txt`, `.md`, `.log`: ~8 KB line-aligned chunks, written back in the same encoding."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from redacta.documents.encoding import DecodedText, decode
from redacta.documents.model import (
    DocumentOptions,
    Extraction,
    RedactedText,
    TextUnit,
)

CHUNK_CHARS = 8_000


def split_lines_into_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut at line ends (keeping them) into chunks of about `size` characters."""
    chunks: list[str] = []
    current: list[str] = []
    length = 0
    for line in text.splitlines(keepends=True):
        if current and length + len(line) > size:
            chunks.append("".join(current))
            current, length = [], 0
        current.append(line)
        length += len(line)
    if current:
        chunks.append("".join(current))
    return chunks


class TextExtraction(Extraction):
    """A text file as chunks; the output is their redacted texts joined."""

    kind = "text"

    def __init__(self, decoded: DecodedText) -> None:
        units: list[TextUnit] = []
        line, offset = 1, 0
        for chunk in split_lines_into_chunks(decoded.text):
            units.append(TextUnit(chunk, f"line {line}", first_line=line, offset=offset))
            line += chunk.count("\n")
            offset += len(chunk)
        super().__init__(units)
        self.decoded = decoded

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        dst.write_bytes(self.decoded.encode("".join(r.text for r in redacted)))
        return []


def read_text_file(src: Path, options: DocumentOptions) -> TextExtraction:
    del options
    return TextExtraction(decode(src.read_bytes()))
