"""A PDF page may be 200 inches square: rendering it at the configured DPI (when writing) or
at the preview's scale is bounded in pixels, and the lowered scale is used consistently, so
the values are still painted and left out of the hidden text layer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

import docsamples as d
from redacta.documents import pdf as pdf_module
from redacta.documents import redact_document
from redacta.documents.registry import render_page_png
from redacta.engine import Engine
from redacta.redaction.pipeline import Redactor

SIDE = 3000.0  # points; the text sits at the bottom left, as make_pdf places it on a Letter page
CAP = 4_000_000


def _big_page_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    small = d.make_pdf(path.with_name("letter.pdf"))
    writer = PdfWriter()
    for page in PdfReader(str(small)).pages:
        page.mediabox = RectangleObject([0, 0, SIDE, SIDE])
        writer.add_page(page)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_RENDER_PIXELS", CAP)


@pytest.mark.usefixtures("small_cap")
def test_preview_of_a_huge_page_is_rendered_within_the_pixel_cap(tmp_path: Path) -> None:
    src = _big_page_pdf(tmp_path / "poster.pdf")
    shown = Image.open(io.BytesIO(render_page_png(src, 1, 4.0)))
    assert shown.width * shown.height <= CAP
    assert shown.width == shown.height >= 1990  # square, as large as the cap allows
    # A Letter page at the same scale is not touched.
    letter = Image.open(io.BytesIO(render_page_png(tmp_path / "letter.pdf", 1, 1.5)))
    assert letter.size == (918, 1188)


@pytest.mark.usefixtures("small_cap")
def test_huge_page_is_written_within_the_cap_with_the_values_painted_and_gone(
    tmp_path: Path, redacta_engine: Engine
) -> None:
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    src = _big_page_pdf(tmp_path / "poster.pdf")
    dst = tmp_path / "out.pdf"
    redact_document(src, dst, Redactor(redacta_engine, salt=b"s" * 32))
    hidden = "\n".join(page.extract_text() for page in PdfReader(str(dst)).pages)
    for value in d.PII:
        assert value not in hidden
    assert "quarterly invoice was approved" in hidden
    image = PdfReader(str(dst)).pages[0].images[0].image
    assert image.width * image.height <= CAP
    pdf = pdfium.PdfDocument(str(dst))
    try:
        # At one pixel per point, the name (x 120-150, 720-728 pt up) is painted black.
        pixels = pdf[0].render(scale=1).to_numpy()
        top = round(SIDE - 728)
        assert pixels[top : top + 8, 120:150].mean() < 40
        assert pixels[1000:1100, 1000:1100].mean() > 250
    finally:
        pdf.close()


def test_preview_png_keeps_colours_and_size(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 100)
    content = DecodedStreamObject()
    content.set_data(b"1 0 0 rg 10 10 50 50 re f")  # a red square, 10 pt from the bottom left
    page[NameObject("/Contents")] = writer._add_object(content)
    src = tmp_path / "red.pdf"
    with src.open("wb") as fh:
        writer.write(fh)
    shown = Image.open(io.BytesIO(render_page_png(src, 1, 2.0)))
    assert (shown.mode, shown.size) == ("RGB", (400, 200))
    assert shown.getpixel((60, 140)) == (255, 0, 0)
    assert shown.getpixel((300, 40)) == (255, 255, 255)
