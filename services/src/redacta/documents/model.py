"""The shapes every format handler shares: findings, redacted text units, results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from redacta.redaction.pipeline import RedactedText, Replacement, Span
from redacta.settings import DocumentLimits

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

__all__ = [
    "Box",
    "DocumentOptions",
    "DocumentReader",
    "DocumentResult",
    "Extraction",
    "RedactedText",
    "Replacement",
    "ReportEntry",
    "TextRedactor",
    "TextUnit",
]


class TextRedactor(Protocol):
    """Finds and applies findings through the one redaction pipeline (`Redactor`)."""

    def find(
        self, texts: Sequence[str], *, explain: bool = False
    ) -> list[list[RecognizerResult]]: ...

    def apply(self, text: str, spans: Iterable[Span]) -> RedactedText: ...

    def entities(self) -> list[str]: ...

    def allowed(self) -> frozenset[str]: ...


Box = tuple[float, float, float, float]
"""A rectangle on a page in PDF points, origin at the TOP-LEFT: (x0, y0, x1, y1)."""


@dataclass(frozen=True)
class TextUnit:
    """One piece of a document's text, analyzed and redacted as a whole, and where it is.

    `group`: units with the same group are analyzed as one text (a table row, cells joined
    by a newline), which gives the model the row's context. `column_type`: the entity type
    the cell's column header names ("Name" -> PERSON), used as evidence for the cell.
    `first_line`/`offset`: where a chunk of a text file starts, for report locations.
    """

    text: str
    location: str
    part: str = "body"
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    column_header: str | None = None
    page: int | None = None
    group: int | None = None
    column_type: str | None = None
    first_line: int | None = None
    offset: int = 0

    def location_at(self, start: int) -> str:
        """The report location of a finding starting at `start` in this unit."""
        if self.first_line is None:
            return self.location
        return f"line {self.first_line + self.text.count(chr(10), 0, start)}"

    def described(self) -> dict[str, str | int]:
        """Where the unit is, as the review preview shows it (its text included)."""
        out: dict[str, str | int] = {"text": self.text, "part": self.part}
        for key in ("sheet", "row", "column", "column_header", "page"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


class Extraction:
    """A document opened for redaction: its text units, and how to write it back.

    Subclasses read one format; `write` puts each unit's redacted text (in unit order) back
    into the same format, and, for page formats, paints `boxes` (per 1-based page).
    """

    kind = "text"

    def __init__(self, units: list[TextUnit], notes: list[str] | None = None) -> None:
        self.units = units
        self.notes = notes or []

    @property
    def pages(self) -> list[tuple[float, float]]:
        """(width, height) in points of each page; empty for formats without pages."""
        return []

    def unit_boxes(self, unit: int, start: int, end: int) -> list[Box]:
        """The rectangles (one per line) that characters `start:end` of `unit` cover on
        their page; empty for formats without pages."""
        del unit, start, end
        return []

    def write(
        self, dst: Path, redacted: Sequence[RedactedText], boxes: Mapping[int, Sequence[Box]]
    ) -> list[str]:
        """Write the redacted document to `dst`; returns notes for the result. Only page
        formats take drawn `boxes` (they override this)."""
        if boxes:
            raise ValueError("boxes can only be drawn on pages")
        return self.write_units(dst, redacted)

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        """Write the units' redacted texts back into the format."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the reader holds open."""


@dataclass(frozen=True)
class ReportEntry:
    """One report line. `value` is the detected text, only when the user opted in."""

    entity_type: str
    location: str
    start: int
    end: int
    score: float
    operator: str
    value: str | None = None


@dataclass
class DocumentResult:
    """What redacting one file produced: findings and notes (counts, never content)."""

    findings: list[ReportEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    units: int = 0

    def add(
        self,
        redacted: RedactedText,
        location: str,
        *,
        include_values: bool,
        only: Replacement | None = None,
        offset: int = 0,
    ) -> None:
        """Record the replacements of one unit (or just `only`) as findings at `location`;
        `offset` shifts start/end from unit to file coordinates."""
        for rep in redacted.replacements if only is None else (only,):
            self.findings.append(
                ReportEntry(
                    entity_type=rep.entity_type,
                    location=location,
                    start=offset + rep.start,
                    end=offset + rep.end,
                    score=round(rep.score, 4),
                    operator=rep.operator,
                    value=redacted.original[rep.start : rep.end] if include_values else None,
                )
            )


@dataclass(frozen=True)
class DocumentOptions:
    """Format-specific knobs; tables: columns by header name or 1-based index. `limits`
    travels with the options so the size and zip checks see the caller's settings.
    `on_page(done, total)` is called by page formats (PDF, images) as their pages are read,
    once with `done=0` when the page count is known, so a caller can show progress inside a
    long file (reading, with OCR on scans, is where a page format spends its time)."""

    include_values: bool = False
    include_columns: tuple[str, ...] = ()
    exclude_columns: tuple[str, ...] = ()
    pdf_dpi: int = 150
    limits: DocumentLimits = field(default_factory=DocumentLimits)
    on_page: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)

    def page_read(self, done: int, total: int) -> None:
        """Report that `done` of `total` pages are read (no-op without `on_page`)."""
        if self.on_page is not None:
            self.on_page(done, total)


class DocumentReader(Protocol):
    """Opens `src` as an `Extraction` (raises `DocumentError` for a bad file)."""

    def __call__(self, src: Path, options: DocumentOptions) -> Extraction: ...
