"""`.txt`, `.md`, `.log`: redacted in ~8 KB line-aligned chunks, written in the same encoding."""

from __future__ import annotations

from pathlib import Path

from redacta.documents.encoding import decode
from redacta.documents.model import DocumentOptions, DocumentResult, TextRedactor

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


def redact_text_file(
    src: Path, dst: Path, redactor: TextRedactor, options: DocumentOptions
) -> DocumentResult:
    decoded = decode(src.read_bytes())
    chunks = split_lines_into_chunks(decoded.text)
    result = DocumentResult(units=len(chunks))
    line, offset = 1, 0
    redacted = redactor.redact(chunks)
    for red in redacted:
        for rep in red.replacements:
            at = line + red.original.count("\n", 0, rep.start)
            result.add(
                red, f"line {at}", include_values=options.include_values, only=rep, offset=offset
            )
        line += red.original.count("\n")
        offset += len(red.original)
    dst.write_bytes(decoded.encode("".join(r.text for r in redacted)))
    return result
