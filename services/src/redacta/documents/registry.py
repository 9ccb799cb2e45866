"""Which reader opens which file extension, and the entry points that check limits."""

from __future__ import annotations

from pathlib import Path

from redacta.documents.analysis import find_in_units
from redacta.documents.errors import UnsupportedFormatError
from redacta.documents.excel import read_xlsx_file
from redacta.documents.image import IMAGE_FORMATS, read_image_file, render_image_page_png
from redacta.documents.jsondoc import read_json_file
from redacta.documents.limits import check_size
from redacta.documents.model import (
    DocumentOptions,
    DocumentReader,
    DocumentResult,
    Extraction,
    RedactedText,
    TextRedactor,
)
from redacta.documents.pdf import read_pdf_file
from redacta.documents.pdf import render_page_png as render_pdf_page_png
from redacta.documents.plaintext import read_text_file
from redacta.documents.tabular import read_table_file
from redacta.documents.word import read_docx_file
from redacta.redaction.pipeline import Span

READERS: dict[str, DocumentReader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".log": read_text_file,
    ".csv": read_table_file,
    ".tsv": read_table_file,
    ".json": read_json_file,
    ".jsonl": read_json_file,
    ".docx": read_docx_file,
    ".xlsx": read_xlsx_file,
    ".pdf": read_pdf_file,
    **dict.fromkeys(IMAGE_FORMATS, read_image_file),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)


def reader_for(path: Path) -> DocumentReader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(
            f"'{path.suffix or path.name}' files are not supported; supported: "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    return reader


def open_document(src: Path, options: DocumentOptions | None = None) -> Extraction:
    """Open `src` for analysis and writing (close it when done). Raises `DocumentError`."""
    options = options or DocumentOptions()
    reader = reader_for(src)
    check_size(src, options.limits)
    return reader(src, options)


def write_document(
    document: Extraction,
    dst: Path,
    redactor: TextRedactor,
    accepted: list[list[Span]],
    options: DocumentOptions,
    boxes: dict[int, list[tuple[float, float, float, float]]] | None = None,
) -> DocumentResult:
    """Apply `accepted` (spans per unit) through the one pipeline and write `dst`."""
    redacted = [
        redactor.apply(unit.text, spans) if spans else RedactedText(unit.text, unit.text, ())
        for unit, spans in zip(document.units, accepted, strict=True)
    ]
    notes = document.write(dst, redacted, boxes or {})
    result = DocumentResult(units=len(document.units), notes=[*document.notes, *notes])
    for unit, red in zip(document.units, redacted, strict=True):
        for rep in red.replacements:
            result.add(
                red,
                unit.location_at(rep.start),
                include_values=options.include_values,
                only=rep,
                offset=unit.offset,
            )
    return result


def redact_document(
    src: Path,
    dst: Path,
    redactor: TextRedactor,
    options: DocumentOptions | None = None,
) -> DocumentResult:
    """Redact `src` into `dst` (same format): every finding applied. Raises `DocumentError`."""
    options = options or DocumentOptions()
    document = open_document(src, options)
    try:
        found = find_in_units(redactor, document.units)
        accepted = [
            [Span(f.entity_type, f.start, f.end, f.score) for f in unit_found]
            for unit_found in found
        ]
        return write_document(document, dst, redactor, accepted, options)
    finally:
        document.close()


def page_count(src: Path) -> int | None:
    """The pages of a PDF or the frames of a TIFF, counted without rendering any; None for
    other formats and for files that cannot be opened (their reader reports why)."""
    suffix = src.suffix.lower()
    try:
        if suffix == ".pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(src))
            try:
                return len(pdf)
            finally:
                pdf.close()
        if suffix in (".tif", ".tiff"):
            from PIL import Image

            with Image.open(src) as image:
                return int(getattr(image, "n_frames", 1))
    except Exception:  # any unreadable file: its reader gives the error in the job
        return None
    return None


def render_page_png(src: Path, number: int, scale: float) -> bytes:
    """Page `number` (1-based) of a page document (PDF or image) as a PNG at `scale` pixels
    per point, as the review shows it. Raises `DocumentError` for a bad file."""
    if src.suffix.lower() in IMAGE_FORMATS:
        return render_image_page_png(src, number, scale)
    return render_pdf_page_png(src, number, scale)
