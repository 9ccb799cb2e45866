"""`.pdf` with a text layer: rebuilt so the redacted values exist nowhere in the output.

Approach: each page is rendered to an image (pdfium), the boxes of redacted characters are
painted black in the pixels, and a new PDF is written (pypdf) whose page is that image plus an
invisible text layer that holds only the NON-redacted text (and the replacement labels), so
the output stays searchable and copyable while no redacted glyph, text operator, font subset,
annotation, form field, attachment or metadata entry of the original survives. Annotations and
form fields are flattened into the page first, so the text they display is analyzed too.

Trade-offs: the output is raster (vector sharpness, links, bookmarks, forms and metadata are
dropped; size grows with the DPI setting); the invisible layer is placed word-run by
word-run with approximate widths and standard-font encoding (characters outside Windows-1252
become '?' in the hidden layer only; the visible pixels are exact). Text inside images or
drawn as vector paths is not analyzed (that needs OCR). A PDF with no extractable text at all
is refused as `NoTextLayerError` instead of being passed through.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redacta.documents.errors import (
    CorruptFileError,
    EncryptedFileError,
    NoTextLayerError,
    WrongFormatError,
)
from redacta.documents.model import (
    DocumentOptions,
    DocumentResult,
    Replacement,
    TextRedactor,
)

BLACK = (0, 0, 0, 255)


@dataclass
class _Glyph:
    char: str
    box: tuple[float, float, float, float]  # loose box, page coordinates (l, b, r, t)
    origin: tuple[float, float]
    size: float


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float
    width: float


def _open(src: Path) -> Any:
    import pypdfium2 as pdfium

    with src.open("rb") as fh:
        if b"%PDF-" not in fh.read(1024):
            raise WrongFormatError("File content is not a PDF (no %PDF header).")
    try:
        return pdfium.PdfDocument(str(src))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFileError(
                "PDF is password-protected; open it with its password and save an "
                "unprotected copy first."
            ) from None
        raise CorruptFileError(f"PDF is damaged and cannot be read ({exc}).") from None


def _flatten(pdf: Any) -> None:
    """Merge annotation and form-field appearances into the page content, so the text they
    show is analyzed and redacted like the rest (instead of being drawn unanalyzed)."""
    import pypdfium2.raw as raw

    pdf.init_forms()
    for index in range(len(pdf)):
        page = pdf[index]
        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
        page.close()  # handles are stale after flattening: pages are re-read below


def _glyphs(textpage: Any) -> tuple[str, list[_Glyph]]:
    """The page text and, index by index, each character's box, baseline origin and size."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range() if count else ""
    if len(text) != count:  # surrogate pairs: read one index at a time
        text = "".join(textpage.get_text_range(i, 1) or "\ufffd" for i in range(count))
    glyphs = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(count):
        box = textpage.get_charbox(i, loose=True)
        raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
        size = float(raw.FPDFText_GetFontSize(textpage, i))
        glyphs.append(_Glyph(text[i], tuple(box), (x.value, y.value), size))
    return text, glyphs


def _paint(bitmap: Any, page: Any, glyphs: list[_Glyph], indexes: set[int]) -> None:
    """Paint each redacted glyph's box black in the rendered pixels (rotation-aware)."""
    conv = bitmap.get_posconv(page)
    for i in indexes:
        left, bottom, right, top = glyphs[i].box
        if right <= left or top <= bottom:
            continue
        xs, ys = zip(conv.to_bitmap(left, bottom), conv.to_bitmap(right, top), strict=True)
        x0, y0 = int(min(xs)) - 1, int(min(ys)) - 1
        w, h = int(max(xs) - x0) + 2, int(max(ys) - y0) + 2
        x0, y0 = max(x0, 0), max(y0, 0)
        w, h = min(w, bitmap.width - x0), min(h, bitmap.height - y0)
        if w > 0 and h > 0:
            bitmap.fill_rect(BLACK, x0, y0, w, h)


def _runs(glyphs: list[_Glyph], reps: tuple[Replacement, ...], to_page: Any) -> list[_Run]:
    """Runs of visible, non-redacted text per line; each replacement becomes its own run."""
    starts = {rep.start: rep for rep in reps}
    redacted = {i for rep in reps for i in range(rep.start, rep.end)}
    runs: list[_Run] = []
    current: list[_Glyph] = []

    def flush() -> None:
        if current:
            first, last = current[0], current[-1]
            x, y = to_page(*first.origin)
            runs.append(
                _Run(
                    "".join(g.char for g in current),
                    x,
                    y,
                    first.size or 10.0,
                    max(last.box[2] - first.box[0], 1.0),
                )
            )
            current.clear()

    for i, glyph in enumerate(glyphs):
        if i in starts:
            flush()
            x, y = to_page(*glyph.origin)
            runs.append(_Run(starts[i].new_text, x, y, glyph.size or 10.0, 0.0))
        if i in redacted or glyph.char in "\r\n" or glyph.box[2] <= glyph.box[0]:
            if glyph.char == " " and current:
                current.append(glyph)
                continue
            flush()
            continue
        if current and abs(glyph.origin[1] - current[-1].origin[1]) > 0.5 * (glyph.size or 10):
            flush()
        current.append(glyph)
    flush()
    return runs


def _pdf_string(text: str) -> str:
    data = text.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _text_layer(runs: list[_Run]) -> str:
    """Invisible (render mode 3) text, horizontally scaled to roughly cover each run."""
    ops = ["BT", "3 Tr"]
    for run in runs:
        if not run.text.strip():
            continue
        estimate = 0.5 * run.size * len(run.text)
        scale = 100.0 if run.width <= 0 else max(10.0, min(400.0, 100 * run.width / estimate))
        ops.append(
            f"/F1 {run.size:.2f} Tf {scale:.1f} Tz 1 0 0 1 {run.x:.2f} {run.y:.2f} Tm "
            f"{_pdf_string(run.text)} Tj"
        )
    ops.append("ET")
    return "\n".join(ops)


def _rgb_bytes(bitmap: Any) -> bytes:
    """Tightly packed RGB rows from the (possibly padded) bitmap buffer."""
    buf = memoryview(bitmap.buffer).cast("B")
    row = bitmap.width * bitmap.n_channels
    if bitmap.stride == row:
        return bytes(buf[: row * bitmap.height])
    return b"".join(
        bytes(buf[y * bitmap.stride : y * bitmap.stride + row]) for y in range(bitmap.height)
    )


def _add_page(writer: Any, width: float, height: float, bitmap: Any, text_ops: str) -> None:
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    raw_image = DecodedStreamObject()
    raw_image.set_data(_rgb_bytes(bitmap))
    image = raw_image.flate_encode(level=6)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(bitmap.width),
            NameObject("/Height"): NumberObject(bitmap.height),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page = writer.add_blank_page(width, height)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Im0"): writer._add_object(image)}
            ),
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)}),
        }
    )
    content = DecodedStreamObject()
    content.set_data(
        f"q {width:.3f} 0 0 {height:.3f} 0 0 cm /Im0 Do Q\n{text_ops}\n".encode("latin-1")
    )
    page[NameObject("/Contents")] = writer._add_object(content.flate_encode())


def redact_pdf_file(
    src: Path, dst: Path, redactor: TextRedactor, options: DocumentOptions
) -> DocumentResult:
    from pypdf import PdfWriter

    pdf = _open(src)
    try:
        _flatten(pdf)
        pages = []
        for page in pdf:
            text, glyphs = _glyphs(page.get_textpage())
            pages.append((page, text, glyphs))
        if not any(text.strip() for _, text, _ in pages):
            raise NoTextLayerError(
                "PDF has no text layer (scanned images?); it cannot be redacted without OCR, "
                "which Redacta does not do yet."
            )
        redacted = redactor.redact([text for _, text, _ in pages])
        result = DocumentResult(units=len(pages))
        writer = PdfWriter()
        scale = options.pdf_dpi / 72
        blank_pages = 0
        for number, ((page, text, glyphs), red) in enumerate(zip(pages, redacted, strict=True), 1):
            if not text.strip():
                blank_pages += 1
            result.add(red, f"page {number}", include_values=options.include_values)
            bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=True)
            indexes = {i for rep in red.replacements for i in range(rep.start, rep.end)}
            _paint(bitmap, page, glyphs, indexes)
            width, height = page.get_size()
            conv = bitmap.get_posconv(page)

            def to_page(
                x: float, y: float, conv: Any = conv, height: float = height
            ) -> tuple[float, float]:
                dx, dy = conv.to_bitmap(x, y)
                return dx / scale, height - dy / scale

            runs = _runs(glyphs, red.replacements, to_page)
            _add_page(writer, width, height, bitmap, _text_layer(runs))
            bitmap.close()
        if blank_pages:
            result.notes.append(f"{blank_pages} page(s) without a text layer were not analyzed.")
        result.notes.append("PDF rebuilt as page images with a hidden text layer.")
        with dst.open("wb") as fh:
            writer.write(fh)
        return result
    finally:
        pdf.close()
