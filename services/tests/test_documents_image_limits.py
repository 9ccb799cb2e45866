"""Resource limits of image inputs: a small compressed multi-page TIFF can declare far more
pixels than fit in memory, page by page under Pillow's per-frame check."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from redacta.documents import DocumentOptions
from redacta.documents.errors import FileTooLargeError
from redacta.documents.registry import open_document, render_page_png
from redacta.settings import DocumentLimits, Settings

GREYS = (40, 120, 200)


def _tiff(path: Path, size: tuple[int, int] = (200, 100)) -> Path:
    pages = [Image.new("L", size, grey) for grey in GREYS]
    pages[0].save(
        path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(72, 72)
    )
    return path


def test_pages_over_the_pixel_limit_together_are_refused(tmp_path: Path) -> None:
    src = _tiff(tmp_path / "fax.tif")  # three pages of 20,000 pixels each
    options = DocumentOptions(limits=DocumentLimits(max_image_pixels=50_000))
    with pytest.raises(FileTooLargeError) as refused:
        open_document(src, options)
    assert "REDACTA_MAX_IMAGE_PIXELS" in refused.value.message


def test_pixel_limit_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTA_MAX_IMAGE_PIXELS", "1234")
    assert Settings().document_limits.max_image_pixels == 1234


def test_page_preview_decodes_the_page_asked_for(tmp_path: Path) -> None:
    src = _tiff(tmp_path / "fax.tif")
    for number, grey in enumerate(GREYS, 1):
        shown = Image.open(io.BytesIO(render_page_png(src, number, 1.0)))
        assert shown.size == (200, 100)
        assert shown.getpixel((10, 10)) == grey
    with pytest.raises(ValueError, match="page 4"):
        render_page_png(src, 4, 1.0)


@pytest.mark.parametrize("suffix", [".png", ".tif"])
def test_sixteen_bit_grey_keeps_its_tones(tmp_path: Path, suffix: str) -> None:
    """Scanners write 16-bit grey: ink at 10 % and paper at 90 % stay dark and light (a
    plain conversion to 8 bits clips both to white)."""
    import numpy as np

    pixels = np.full((40, 80), 59_000, dtype=np.uint16)
    pixels[10:30, 10:70] = 6_500
    src = tmp_path / f"scan{suffix}"
    Image.fromarray(pixels).save(src, dpi=(72, 72))
    assert Image.open(src).mode.startswith("I")
    shown = Image.open(io.BytesIO(render_page_png(src, 1, 1.0)))
    assert shown.mode == "L"
    assert shown.getpixel((40, 20)) == 6_500 >> 8
    assert shown.getpixel((2, 2)) == 59_000 >> 8


def test_absurd_stated_resolution_is_ignored(tmp_path: Path) -> None:
    """A TIFF may state any resolution; at billions of dpi the page would measure 0 points
    and no box could be drawn on it, so the default rendering resolution is used."""
    src = tmp_path / "odd.tif"
    Image.new("L", (300, 150), 255).save(src, dpi=(4_000_000_000, 4_000_000_000))
    shown = Image.open(io.BytesIO(render_page_png(src, 1, 1.0)))
    assert shown.size == (144, 72)  # 300 x 150 pixels at 150 dpi, one pixel per point
