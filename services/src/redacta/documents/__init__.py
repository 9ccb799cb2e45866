"""Document redaction: one module per format behind a common interface.

Each handler extracts the file's text units, redacts them in batches through a
`TextRedactor` (the engine), and writes the same format back with the structure and
formatting kept. Bad files raise a `DocumentError` with a message a user can act on.
"""

from redacta.documents.errors import DocumentError
from redacta.documents.model import (
    DocumentOptions,
    DocumentResult,
    RedactedText,
    Replacement,
    ReportEntry,
    TextRedactor,
)
from redacta.documents.registry import SUPPORTED_SUFFIXES, handler_for, redact_document

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentError",
    "DocumentOptions",
    "DocumentResult",
    "RedactedText",
    "Replacement",
    "ReportEntry",
    "TextRedactor",
    "handler_for",
    "redact_document",
]
