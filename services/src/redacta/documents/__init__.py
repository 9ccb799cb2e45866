"""Document redaction: one module per format behind a common interface.

Each reader extracts the file's text units (with where they are); findings are made once
per unit (`find_in_units`) and applied through the one pipeline (`write_document`), which
writes the same format back with the structure and
formatting kept. Bad files raise a `DocumentError` with a message a user can act on.
"""

from redacta.documents.analysis import UnitFinding, find_in_units
from redacta.documents.errors import DocumentError
from redacta.documents.model import (
    Box,
    DocumentOptions,
    DocumentResult,
    Extraction,
    RedactedText,
    Replacement,
    ReportEntry,
    TextRedactor,
    TextUnit,
)
from redacta.documents.registry import (
    SUPPORTED_SUFFIXES,
    open_document,
    reader_for,
    redact_document,
    write_document,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Box",
    "DocumentError",
    "DocumentOptions",
    "DocumentResult",
    "Extraction",
    "RedactedText",
    "Replacement",
    "ReportEntry",
    "TextRedactor",
    "TextUnit",
    "UnitFinding",
    "find_in_units",
    "open_document",
    "reader_for",
    "redact_document",
    "write_document",
]
