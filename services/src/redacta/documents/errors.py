"""Per-file errors: each says what is wrong with the file in words a user can act on.

Messages never contain the file's content; the job records them per file and goes on.
"""

from __future__ import annotations

RESAVE = "open it in the program that made it, save a fresh copy and redact that copy."
"""The next step for a damaged file, said the same way for every format."""


class DocumentError(Exception):
    """A file that cannot be redacted; `code` is a stable machine-readable reason."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnsupportedFormatError(DocumentError):
    code = "unsupported_format"


class WrongFormatError(DocumentError):
    """The content does not match the extension (e.g. a renamed file)."""

    code = "wrong_format"


class CorruptFileError(DocumentError):
    code = "corrupt"


class EncryptedFileError(DocumentError):
    code = "encrypted"


class FileTooLargeError(DocumentError):
    code = "too_large"


class TooManyPagesError(DocumentError):
    """A PDF or TIFF with more pages than `REDACTA_MAX_PAGES`."""

    code = "too_many_pages"


class ArchiveBombError(DocumentError):
    code = "archive_bomb"


class NoTextLayerError(DocumentError):
    """A scanned PDF: nothing to analyze without OCR, so it is not passed through silently."""

    code = "no_text_layer"
