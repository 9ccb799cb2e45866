"""`.csv` / `.tsv`: cell by cell, dialect and header sniffed, columns included or excluded."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from redacta.documents.encoding import decode
from redacta.documents.errors import CorruptFileError
from redacta.documents.model import DocumentOptions, DocumentResult, TextRedactor, redact_rows

SNIFF_CHARS = 64 * 1024


def _dialect(sample: str, tsv: bool) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters="\t" if tsv else ",;|\t")
    except csv.Error:
        return csv.excel_tab if tsv else csv.excel


def _has_header(sample: str) -> bool:
    try:
        return csv.Sniffer().has_header(sample)
    except csv.Error:
        return False


def _selected(header: list[str] | None, width: int, options: DocumentOptions) -> list[bool]:
    """Which column indexes to redact; names match the header, numbers are 1-based."""

    def matches(idx: int, wanted: tuple[str, ...]) -> bool:
        name = header[idx] if header and idx < len(header) else None
        return any(w == str(idx + 1) or (name is not None and w == name) for w in wanted)

    return [
        (not options.include_columns or matches(i, options.include_columns))
        and not matches(i, options.exclude_columns)
        for i in range(width)
    ]


def redact_table_file(
    src: Path, dst: Path, redactor: TextRedactor, options: DocumentOptions
) -> DocumentResult:
    decoded = decode(src.read_bytes())
    text = decoded.text
    sample = text[:SNIFF_CHARS]
    dialect = _dialect(sample, src.suffix.lower() == ".tsv")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise CorruptFileError(f"Malformed table: {exc}.") from None
    header = rows[0] if rows and _has_header(sample) else None
    width = max((len(r) for r in rows), default=0)
    selected = _selected(header, width, options)
    # Header cells too: a wrongly sniffed header must not leak a row.
    groups = [[c for c in range(len(row)) if selected[c]] for row in rows]
    redacted = redact_rows(redactor, [[rows[r][c] for c in cols] for r, cols in enumerate(groups)])
    result = DocumentResult(units=sum(len(cols) for cols in groups))
    for r, (cols, reds) in enumerate(zip(groups, redacted, strict=True)):
        for c, red in zip(cols, reds, strict=True):
            if red.replacements:
                named = header[c] if header and c < len(header) and header[c] else None
                col = named or f"column {c + 1}"
                result.add(red, f"row {r + 1}, {col}", include_values=options.include_values)
                rows[r][c] = red.text
    out = io.StringIO(newline="")
    line_end = "\r\n" if "\r\n" in sample else "\n"
    writer = csv.writer(
        out,
        delimiter=dialect.delimiter,
        quotechar=dialect.quotechar or '"',
        doublequote=dialect.doublequote,
        escapechar=dialect.escapechar,
        quoting=csv.QUOTE_MINIMAL,
        lineterminator=line_end,
    )
    writer.writerows(rows)
    body = out.getvalue()
    if text and not text.endswith(("\n", "\r")):
        body = body[: -len(line_end)] if body.endswith(line_end) else body
    dst.write_bytes(decoded.encode(body))
    return result
