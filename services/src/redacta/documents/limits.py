"""Size limits and archive-bomb checks, applied before any parser sees the bytes.

docx and xlsx are zip files: a few KB can declare gigabytes. Python's zipfile never inflates a
member past its declared size, so bounding the declared sizes and the member count before
parsing bounds the work.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from redacta.documents.errors import (
    RESAVE,
    ArchiveBombError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    TooManyPagesError,
    WrongFormatError,
)
from redacta.settings import DocumentLimits

__all__ = ["MAX_RENDER_PIXELS", "DocumentLimits", "check_office_zip", "check_pages", "check_size"]

MAX_RENDER_PIXELS = 60_000_000
"""The most pixels a page is rendered or enlarged to (240 MB of RGBA; A0 at 150 dpi is 35
million). A PDF page may be 200 inches square, more with /UserUnit, which at the configured
DPI or the preview's scale would take gigabytes from a file of a few bytes; such a page is
rendered at the scale that fits instead. OCR enlarges a page of small text only while it stays
within the same bound."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files are OLE containers


def check_size(path: Path, limits: DocumentLimits) -> int:
    """The file's size, or `FileTooLargeError` past the limit."""
    size = path.stat().st_size
    if size > limits.max_document_bytes:
        raise FileTooLargeError(
            f"File is {size / 1e6:.1f} MB; the limit is {limits.max_document_bytes / 1e6:.1f} MB "
            "(set REDACTA_MAX_DOCUMENT_BYTES to raise it)."
        )
    return size


def check_pages(pages: int, limits: DocumentLimits) -> None:
    """`TooManyPagesError` for a PDF or TIFF with more pages than the limit, before any page
    is rendered or read."""
    if pages > limits.max_pages:
        raise TooManyPagesError(
            f"File has {pages:,} pages; the limit is {limits.max_pages:,}. Split it into "
            "smaller files (or set REDACTA_MAX_PAGES to raise the limit)."
        )


def check_office_zip(path: Path, limits: DocumentLimits, required_member: str) -> None:
    """Refuse encrypted, non-zip, bomb-like or wrong-kind Office files before parsing."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise EncryptedFileError(
            "File is password-protected (encrypted Office document); remove the password first."
        )
    if not zipfile.is_zipfile(path):
        raise CorruptFileError(
            "File is not a valid Office document (not a zip container); an old .doc or .xls "
            "renamed, or another kind of file? Save it as .docx or .xlsx first."
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(f"File is damaged ({type(exc).__name__}); {RESAVE}") from None
    if len(infos) > limits.max_zip_members:
        raise ArchiveBombError(
            f"File holds {len(infos)} parts (limit {limits.max_zip_members}); refusing to open it."
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / info.compress_size if info.compress_size else 0
        if ratio > limits.max_zip_ratio and info.file_size > 1024 * 1024:
            raise ArchiveBombError(
                f"A part of the file inflates {info.file_size // info.compress_size}x "
                f"(limit {limits.max_zip_ratio}x): looks like a zip bomb."
            )
    if total > limits.max_unzipped_bytes:
        raise ArchiveBombError(
            f"File would unpack to {total / 1e6:.0f} MB "
            f"(limit {limits.max_unzipped_bytes / 1e6:.0f} MB): looks like a zip bomb."
        )
    if required_member not in {i.filename for i in infos}:
        raise WrongFormatError(
            "File content does not match its extension "
            f"(missing {required_member}); if it is another kind of document, add it under "
            "its real extension."
        )
