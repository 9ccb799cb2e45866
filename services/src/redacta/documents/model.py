"""The shapes every format handler shares: findings, redacted text units, results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from redacta.redaction.pipeline import RedactedText, Replacement, apply_replacements

__all__ = [
    "CELL_SEPARATOR",
    "DocumentHandler",
    "DocumentOptions",
    "DocumentResult",
    "RedactedText",
    "Replacement",
    "ReportEntry",
    "TextRedactor",
    "apply_replacements",
    "redact_rows",
]


class TextRedactor(Protocol):
    """Analyzes and anonymizes many text units at once (batched through the engine)."""

    def redact(self, texts: Sequence[str]) -> list[RedactedText]: ...


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
    """Format-specific knobs; tables: columns by header name or 1-based index."""

    include_values: bool = False
    include_columns: tuple[str, ...] = ()
    exclude_columns: tuple[str, ...] = ()
    pdf_dpi: int = 150


class DocumentHandler(Protocol):
    """Reads `src`, redacts its text units with `redactor`, writes the same format to `dst`."""

    def __call__(
        self, src: Path, dst: Path, redactor: TextRedactor, options: DocumentOptions
    ) -> DocumentResult: ...


CancelCheck = Callable[[], bool]


CELL_SEPARATOR = "\n"


def redact_rows(redactor: TextRedactor, rows: Sequence[Sequence[str]]) -> list[list[RedactedText]]:
    """Redact table cells row by row: each row is analyzed as one text (cells joined by a
    newline), which gives the model the row's context and costs one text per row instead
    of one per cell. Findings are mapped back to cells; a span that crosses cells is cut
    at the boundary (its replacement goes in the first cell, the rest is removed)."""
    joined = redactor.redact([CELL_SEPARATOR.join(row) for row in rows])
    out: list[list[RedactedText]] = []
    for row, red in zip(rows, joined, strict=True):
        cells: list[RedactedText] = []
        pos = 0
        for text in row:
            start, end = pos, pos + len(text)
            reps = [
                Replacement(
                    max(rep.start, start) - start,
                    min(rep.end, end) - start,
                    rep.entity_type,
                    rep.score,
                    rep.operator,
                    rep.new_text if rep.start >= start else "",
                )
                for rep in red.replacements
                if max(rep.start, start) < min(rep.end, end)
            ]
            cells.append(RedactedText(text, apply_replacements(text, reps), tuple(reps)))
            pos = end + len(CELL_SEPARATOR)
        out.append(cells)
    return out
