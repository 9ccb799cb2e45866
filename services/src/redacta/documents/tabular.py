"""`.csv` / `.tsv`: cell by cell, dialect and header sniffed, columns included or excluded."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from redacta.documents.encoding import DecodedText, decode
from redacta.documents.errors import CorruptFileError
from redacta.documents.model import DocumentOptions, Extraction, RedactedText, TextUnit
from redacta.engine.recognizers.table import header_type

SNIFF_CHARS = 64 * 1024


def _dialect(sample: str, tsv: bool) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters="\t" if tsv else ",;|\t")
    except csv.Error:
        return csv.excel_tab if tsv else csv.excel


class _DialectKnown(csv.Sniffer):
    """A sniffer that reads with the file's dialect as sniffed for it: `has_header` sniffs
    again otherwise, with every character allowed as the delimiter, and in a CSV with quoted
    commas and CRLF line ends it took "\r" for it, read each line as one cell and said the
    file had no header, so no cell was typed by its column."""

    def __init__(self, dialect: type[csv.Dialect] | csv.Dialect) -> None:
        super().__init__()
        self.dialect = dialect

    def sniff(self, _sample: str, _delimiters: str | None = None) -> type[csv.Dialect]:
        return self.dialect  # type: ignore[return-value]


def _names_columns(first: list[str]) -> bool:
    """A first row of distinct short labels, one of which names an entity type ("full_name",
    "city"), is a header: csv.Sniffer votes column by column on value types and lengths, and
    a column of ISO dates under "start_date" (ten characters each) outvotes the rest."""
    cells = [c.strip() for c in first]
    return (
        len(cells) >= 2
        and len(set(cells)) == len(cells)
        and all(
            c and len(c) <= 40 and not any(ch.isdigit() or ch == "@" for ch in c) for c in cells
        )
        and any(header_type(c) for c in cells)
    )


def _has_header(sample: str, dialect: type[csv.Dialect] | csv.Dialect) -> bool:
    try:
        first = next(csv.reader(io.StringIO(sample, newline=""), dialect), [])
        return _names_columns(first) or _DialectKnown(dialect).has_header(sample)
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


class TableExtraction(Extraction):
    """A CSV/TSV file: one unit per selected cell (header cells too: a wrongly sniffed
    header must not leak a row), analyzed row by row; written back in the file's dialect."""

    kind = "table"

    def __init__(
        self,
        decoded: DecodedText,
        rows: list[list[str]],
        header: list[str] | None,
        dialect: type[csv.Dialect] | csv.Dialect,
        options: DocumentOptions,
    ) -> None:
        self.decoded, self.rows, self.dialect = decoded, rows, dialect
        width = max((len(r) for r in rows), default=0)
        selected = _selected(header, width, options)
        self.cells: list[tuple[int, int]] = []
        units: list[TextUnit] = []
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if not selected[c]:
                    continue
                named = header[c] if header and c < len(header) and header[c] else None
                in_body = header is not None and r > 0
                self.cells.append((r, c))
                units.append(
                    TextUnit(
                        text,
                        f"row {r + 1}, column {c + 1}",  # a header may be PII itself
                        part="cell",
                        row=r + 1,
                        column=c + 1,
                        column_header=named if in_body else None,
                        group=r,
                        column_type=header_type(named) if in_body and named else None,
                    )
                )
        super().__init__(units)

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        rows = [list(row) for row in self.rows]
        for (r, c), red in zip(self.cells, redacted, strict=True):
            rows[r][c] = red.text
        text = self.decoded.text
        sample = text[:SNIFF_CHARS]
        dialect = self.dialect
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
        dst.write_bytes(self.decoded.encode(body))
        return []


def read_table_file(src: Path, options: DocumentOptions) -> TableExtraction:
    decoded = decode(src.read_bytes())
    text = decoded.text
    sample = text[:SNIFF_CHARS]
    dialect = _dialect(sample, src.suffix.lower() == ".tsv")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise CorruptFileError(
            f"Malformed table ({exc}); save it again as CSV from the program that made it."
        ) from None
    header = rows[0] if rows and _has_header(sample, dialect) else None
    return TableExtraction(decoded, rows, header, dialect, options)
