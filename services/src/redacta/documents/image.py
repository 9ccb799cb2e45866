"""Images (`.png .jpg .jpeg .tif .tiff .bmp .webp`, multi-page TIFF): OCR, then paint.

Each frame is one page: OCR reads its words with their boxes (`documents.ocr`), the page text
goes through the same analysis and redaction pipeline as any other unit, and the words a
finding touches are painted solid black (with a margin) into the pixels. The output is written
in the input's format from fresh pixel buffers, so no metadata of the input survives: EXIF
(GPS position, camera serial, owner), XMP, IPTC, ICC profiles, comments, text chunks and
embedded thumbnails are all left behind. An EXIF orientation is applied to the pixels first,
since dropping the tag would otherwise show the page turned.

Positions use points (1/72 inch) like PDFs, from the image's own resolution (or the PDF
rendering resolution when it has none), so the review draws boxes on images and PDF pages
alike.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta.documents.errors import (
    RESAVE,
    CorruptFileError,
    FileTooLargeError,
    NoTextLayerError,
    WrongFormatError,
)
from redacta.documents.limits import check_pages
from redacta.documents.model import Box, DocumentOptions, Extraction, RedactedText, TextUnit
from redacta.documents.ocr import OcrPage, Quad, bounds, ocr_notes, paint_words, read_page

if TYPE_CHECKING:
    from PIL import Image

    from redacta.settings import DocumentLimits

IMAGE_FORMATS: dict[str, tuple[str, ...]] = {
    ".png": ("PNG",),
    ".jpg": ("JPEG", "MPO"),
    ".jpeg": ("JPEG", "MPO"),
    ".tif": ("TIFF",),
    ".tiff": ("TIFF",),
    ".bmp": ("BMP", "DIB"),
    ".webp": ("WEBP",),
}
"""Extension -> the Pillow formats its content may have (the first is the one written)."""


MIN_DPI, MAX_DPI = 30, 4800
"""A stated resolution outside this range is a wrong header (TIFF stores any fraction): at
4 billion dpi a page measures 0 points, so no box could be drawn on it; the PDF rendering
resolution is taken instead."""


def _clean_frame(frame: Image.Image) -> Image.Image:
    """The frame's pixels, upright, in a fresh image that carries no metadata at all."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(frame) or frame
    if upright.mode in ("I;16", "I;16B", "I;16L"):
        # 16-bit grey (scanners, PNG): Pillow's convert("L") clips at 255, which whitens
        # every pixel lighter than 0.4 % grey, text included; keep the high byte instead.
        high = np.asarray(upright, dtype=np.uint16) >> 8
        return PILImage.fromarray(high.astype(np.uint8), "L")
    if upright.mode in ("1", "L", "I", "F"):
        mode = "L"
    elif upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        mode = "RGBA"
    else:
        mode = "RGB"
    return PILImage.fromarray(np.array(upright.convert(mode)), mode)


def _read_frames(
    src: Path, limits: DocumentLimits | None, only: int | None = None
) -> tuple[list[Image.Image], str, float | None]:
    """The pages of the image file (or only page `only`, 1-based), its format and its
    resolution (dpi) when it states one. The page count is checked first and frame sizes
    are added up before each is decoded, so a file with more pages than `limits` allow, or
    whose pages together pass its pixel limit, is refused without filling the memory.
    Without `limits` (one page for the preview) only Pillow's own bomb check applies."""
    max_pixels = limits.max_image_pixels if limits else sys.maxsize
    from PIL import Image as PILImage
    from PIL import ImageSequence, UnidentifiedImageError

    expected = IMAGE_FORMATS[src.suffix.lower()]
    try:
        with PILImage.open(src) as image:
            if image.format not in expected:
                raise WrongFormatError(
                    f"File content is {image.format or 'not an image'}, not "
                    f"{expected[0]} as its extension says; rename it to its real type."
                )
            dpi = image.info.get("dpi")
            if limits is not None and expected[0] == "TIFF":
                check_pages(getattr(image, "n_frames", 1), limits)
            # Animated PNG/WebP: the first frame is the picture; TIFF frames are pages.
            pages = islice(ImageSequence.Iterator(image), None if expected[0] == "TIFF" else 1)
            frames: list[Image.Image] = []
            pixels = 0
            for number, frame in enumerate(pages, 1):
                if only is not None and number != only:
                    continue
                pixels += frame.width * frame.height
                if pixels > max_pixels:
                    raise FileTooLargeError(
                        f"Image pages hold more than {max_pixels:,} pixels together; split "
                        "the file or scan at a lower resolution (or set "
                        "REDACTA_MAX_IMAGE_PIXELS to raise the limit)."
                    )
                frames.append(_clean_frame(frame))
                if only is not None:
                    break
    except PILImage.DecompressionBombError:
        raise FileTooLargeError(
            "Image has too many pixels to open safely; scale it down first."
        ) from None
    except UnidentifiedImageError:
        raise WrongFormatError(
            f"File content is not a readable {expected[0]} image; is it another kind of file?"
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise CorruptFileError(
            f"Image is damaged and cannot be read ({type(exc).__name__}); {RESAVE}"
        ) from None
    resolution = None
    if dpi and MIN_DPI <= float(dpi[0]) <= MAX_DPI:
        resolution = float(round(float(dpi[0])))  # PNG stores dots per metre: 149.99 -> 150
    return frames, expected[0], resolution


def _lines(page: OcrPage, start: int, end: int) -> list[list[Quad]]:
    """The word boxes characters `start:end` touch, grouped per line of the page text."""
    grouped: dict[int, list[Quad]] = {}
    for word in page.words_between(start, end):
        grouped.setdefault(page.text.count("\n", 0, word.start), []).append(word.quad)
    return [grouped[line] for line in sorted(grouped)]


class ImageExtraction(Extraction):
    """One unit per frame (the text OCR read on it); written back as the same format with
    the findings' words painted over and no metadata."""

    kind = "pages"

    def __init__(
        self, frames: list[Image.Image], fmt: str, dpi: float, options: DocumentOptions
    ) -> None:
        self.frames, self.format, self.dpi = frames, fmt, dpi
        import numpy as np

        self.ocr: list[OcrPage] = []
        options.page_read(0, len(frames))
        for number, frame in enumerate(frames, 1):
            self.ocr.append(read_page(np.asarray(frame.convert("RGB"))))
            options.page_read(number, len(frames))
        units = [
            TextUnit(page.text, f"page {number}", part="page", page=number)
            for number, page in enumerate(self.ocr, 1)
        ]
        if not any(page.words for page in self.ocr):
            raise NoTextLayerError(
                "OCR found no text in the image (a photo, handwriting or a blank scan?); "
                "nothing could be checked, so redact it by hand."
            )
        super().__init__(units, ocr_notes(list(enumerate(self.ocr, 1))))

    @property
    def points_per_pixel(self) -> float:
        return 72.0 / self.dpi

    @property
    def pages(self) -> list[tuple[float, float]]:
        k = self.points_per_pixel
        return [(round(f.width * k, 2), round(f.height * k, 2)) for f in self.frames]

    def unit_boxes(self, unit: int, start: int, end: int) -> list[Box]:
        k = self.points_per_pixel
        out: list[Box] = []
        for quads in _lines(self.ocr[unit], start, end):
            edges = [bounds(q) for q in quads]
            out.append(
                (
                    round(min(e[0] for e in edges) * k, 2),
                    round(min(e[1] for e in edges) * k, 2),
                    round(max(e[2] for e in edges) * k, 2),
                    round(max(e[3] for e in edges) * k, 2),
                )
            )
        return out

    def write(
        self, dst: Path, redacted: Sequence[RedactedText], boxes: Mapping[int, Sequence[Box]]
    ) -> list[str]:
        k = self.points_per_pixel
        out: list[Image.Image] = []
        for number, (frame, page, red) in enumerate(
            zip(self.frames, self.ocr, redacted, strict=True), 1
        ):
            image = frame.copy()
            quads = [
                w.quad for rep in red.replacements for w in page.words_between(rep.start, rep.end)
            ]
            for x0, y0, x1, y1 in boxes.get(number, ()):
                a, b, c, d = x0 / k, y0 / k, x1 / k, y1 / k
                quads.append(((a, b), (c, b), (c, d), (a, d)))
            paint_words(image, quads)
            out.append(image)
        dst.write_bytes(encode_pages(out, self.format, self.dpi))
        return [f"{self.format} rewritten from its pixels: no metadata kept."]


def encode_pages(pages: Sequence[Image.Image], fmt: str, dpi: float) -> bytes:
    """The pages as one file of `fmt` (several pages only in TIFF), with no metadata but
    the resolution."""
    first, rest = pages[0], list(pages[1:])
    if fmt == "JPEG" and first.mode == "RGBA":
        first = first.convert("RGB")
    params: dict[str, Any] = {}
    if fmt in ("PNG", "JPEG", "TIFF"):
        params["dpi"] = (dpi, dpi)
    if fmt in ("JPEG", "WEBP"):
        params["quality"] = 92
    elif fmt == "TIFF":
        params.update(compression="tiff_deflate", save_all=True, append_images=rest)
    buffer = io.BytesIO()
    first.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def read_image_file(src: Path, options: DocumentOptions) -> ImageExtraction:
    frames, fmt, dpi = _read_frames(src, options.limits)
    return ImageExtraction(frames, fmt, dpi or float(options.pdf_dpi), options)


def render_image_page_png(src: Path, number: int, scale: float) -> bytes:
    """Page `number` (1-based) of an image file as a PNG at `scale` pixels per point, upright
    and without metadata, as the review shows it."""
    from PIL import Image as PILImage

    # Only the asked page is decoded (one frame is bounded by Pillow's own bomb check).
    frames, _fmt, dpi = _read_frames(src, None, only=number)
    if not frames:
        raise ValueError(f"page {number} is not in the file")
    frame = frames[0]
    factor = scale * 72.0 / (dpi or 150.0)
    if abs(factor - 1) > 1e-3:
        size = (max(1, round(frame.width * factor)), max(1, round(frame.height * factor)))
        frame = frame.resize(size, PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    frame.save(buffer, format="PNG")
    return buffer.getvalue()
