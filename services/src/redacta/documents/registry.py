"""Which handler redacts which file extension, and the one entry point that checks limits."""

from __future__ import annotations

from pathlib import Path

from redacta.documents.errors import UnsupportedFormatError
from redacta.documents.excel import redact_xlsx_file
from redacta.documents.jsondoc import redact_json_file
from redacta.documents.limits import DocumentLimits, check_size
from redacta.documents.model import DocumentHandler, DocumentOptions, DocumentResult, TextRedactor
from redacta.documents.pdf import redact_pdf_file
from redacta.documents.plaintext import redact_text_file
from redacta.documents.tabular import redact_table_file
from redacta.documents.word import redact_docx_file

HANDLERS: dict[str, DocumentHandler] = {
    ".txt": redact_text_file,
    ".md": redact_text_file,
    ".log": redact_text_file,
    ".csv": redact_table_file,
    ".tsv": redact_table_file,
    ".json": redact_json_file,
    ".jsonl": redact_json_file,
    ".docx": redact_docx_file,
    ".xlsx": redact_xlsx_file,
    ".pdf": redact_pdf_file,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(HANDLERS)


def handler_for(path: Path) -> DocumentHandler:
    handler = HANDLERS.get(path.suffix.lower())
    if handler is None:
        raise UnsupportedFormatError(
            f"'{path.suffix or path.name}' files are not supported; supported: "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    return handler


def redact_document(
    src: Path,
    dst: Path,
    redactor: TextRedactor,
    options: DocumentOptions | None = None,
    limits: DocumentLimits | None = None,
) -> DocumentResult:
    """Redact `src` into `dst` (same format). Raises `DocumentError` for a bad file."""
    handler = handler_for(src)
    check_size(src, limits or DocumentLimits())
    return handler(src, dst, redactor, options or DocumentOptions())
