"""`.pdf`: rebuilt so the redacted values exist nowhere in the output.

Approach: each page is rendered to an image (pdfium), the boxes of redacted characters are
painted black in the pixels, and a new PDF is written (pypdf) whose page is that image plus an
invisible text layer that holds only the NON-redacted text (and the replacement labels), so
the output stays searchable and copyable while no redacted glyph, text operator, font subset,
annotation, form field, attachment or metadata entry of the original survives. Annotations and
form fields are flattened into the page first, so the text they display is analyzed too.

Trade-offs: the output is raster (vector sharpness, links, bookmarks, forms and metadata are
dropped; size grows with the DPI setting); the invisible layer is placed word-run by
word-run with approximate widths and standard-font encoding (characters outside Windows-1252
become '?' in the hidden layer only; the visible pixels are exact). Text drawn as vector
paths is not analyzed.

Pages without a text layer, and pages mostly covered by images (scans, photos of paper), are
also read by OCR (`documents.ocr`) on the rendered pixels; on the other pages, the area of
each image big enough to hold a line of text (a signature block, a stamp, a screenshot) is
read by OCR on its own. The words the text layer does not hold join the page's text as glyphs
cut from the word boxes, so they are analyzed, painted and kept in the hidden layer exactly
like text-layer characters; a word it does hold lends its box to the text-layer glyphs under
it, so a hidden layer placed a few points off the printed words still gets them painted. A
PDF in which neither the text layer nor OCR finds any text is refused as `NoTextLayerError`
instead of being passed through.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redacta.documents.errors import (
    CorruptFileError,
    EncryptedFileError,
    NoTextLayerError,
    WrongFormatError,
)
from redacta.documents.limits import MAX_RENDER_PIXELS, check_pages
from redacta.documents.model import (
    Box,
    DocumentOptions,
    Extraction,
    RedactedText,
    Replacement,
    TextUnit,
)
from redacta.documents.ocr import OcrPage, OcrWord, Quad, bounds, grown, ocr_notes, read_page

BLACK = (0, 0, 0, 255)
IMAGE_COVER = 0.5
"""A page whose images cover more than this share of it is read by OCR whole (a scan with a
text layer that may miss words, or a photo of a document placed on a text page)."""
MIN_IMAGE_SHOWN = (24.0, 8.0)
"""On other pages, each image at least this wide and high on the page (points: one short line
of 6-point text) is read by OCR on its own area, so a signature block, a stamp or a
screenshot holding a name, an e-mail address or a phone number is redacted in its pixels
too. Smaller images (bullets, rules, icons) cannot hold a readable line."""
MIN_IMAGE_PIXELS = 12
"""...and at least this many pixels on its shorter side: fewer cannot draw a letter."""
IMAGE_OCR_DPI = 300
"""Image areas are rendered for OCR at this resolution (small print in a scaled-down
screenshot stays readable), lowered so that no area costs more pixels than its whole page
at the document resolution."""


@dataclass
class _Glyph:
    char: str
    box: tuple[float, float, float, float]  # loose box, page coordinates (l, b, r, t)
    origin: tuple[float, float]
    size: float
    shown: Box  # the box as the rendered page shows it: points, origin top-left
    also: list[Box] = field(default_factory=list)
    """Shown boxes where OCR saw this text-layer glyph's word in the pixels: a hidden layer
    placed a few points off the printed words would leave ink outside `shown` unpainted, so
    a redacted glyph is painted over both."""


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
            raise WrongFormatError(
                "File content is not a PDF (no %PDF header); if it is another kind of file "
                "renamed to .pdf, add it under its real extension."
            )
    try:
        return pdfium.PdfDocument(str(src))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFileError(
                "PDF is password-protected; open it with its password and save an "
                "unprotected copy first."
            ) from None
        # pypdfium2 wraps the reader's complaint ("Failed to load document (PDFium: Data
        # format error)."): only that complaint is worth showing, once.
        reason = re.search(r"PDFium: [^)]*", str(exc))
        raise CorruptFileError(
            f"PDF is damaged and cannot be read ({reason.group(0) if reason else 'PDFium'}). "
            "If it opens in a PDF reader, save or print it as a new PDF and redact that copy."
        ) from None


def _flatten(pdf: Any) -> None:
    """Merge annotation and form-field appearances into the page content, so the text they
    show is analyzed and redacted like the rest (instead of being drawn unanalyzed)."""
    import pypdfium2.raw as raw

    pdf.init_forms()
    for index in range(len(pdf)):
        page = pdf[index]
        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
        page.close()  # handles are stale after flattening: pages are re-read below


def _render_scale(page: Any, scale: float) -> float:
    """`scale` (pixels per point), lowered where the page would pass `MAX_RENDER_PIXELS`."""
    width, height = page.get_size()
    return min(scale, math.sqrt(MAX_RENDER_PIXELS / max(width * height, 1.0)))


SHOWN_RESOLUTION = 10
"""Device units per point when mapping glyph boxes to the shown page (0.1 pt precision)."""


def _shown_converter(page: Any) -> Any:
    """Maps page coordinates to the page as rendered (rotation applied, origin top-left) in
    device units of 1/SHOWN_RESOLUTION point."""
    from pypdfium2 import PdfPosConv

    width, height = page.get_size()
    size = (round(width * SHOWN_RESOLUTION), round(height * SHOWN_RESOLUTION))
    return PdfPosConv(page, (0, 0, *size, 0))


_NO_BOX: Box = (0.0, 0.0, 0.0, 0.0)


def _image_cover(page: Any) -> float:
    """The share of the page its image objects cover (overlaps counted twice, capped at 1)."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    area = 0.0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = obj.get_bounds()
        w = min(right, width) - max(left, 0.0)
        h = min(top, height) - max(bottom, 0.0)
        area += max(w, 0.0) * max(h, 0.0)
    return float(min(area / max(width * height, 1.0), 1.0))


def _image_regions(page: Any) -> list[Box] | None:
    """The shown boxes (points, top-left origin) of the page's images big enough to hold
    text (`MIN_IMAGE_SHOWN`, `MIN_IMAGE_PIXELS`), overlapping ones merged; None when an image
    sits inside a form XObject, whose position is not in page space: read the whole page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    conv = _shown_converter(page)
    width, height = page.get_size()
    boxes: list[list[float]] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)):
        if obj.level > 0:
            return None
        left, bottom, right, top = obj.get_bounds()
        corners = (conv.to_bitmap(left, bottom), conv.to_bitmap(right, top))
        xs = [c[0] / SHOWN_RESOLUTION for c in corners]
        ys = [c[1] / SHOWN_RESOLUTION for c in corners]
        x0, y0 = max(min(xs), 0.0), max(min(ys), 0.0)
        x1, y1 = min(max(xs), width), min(max(ys), height)
        if x1 - x0 < MIN_IMAGE_SHOWN[0] or y1 - y0 < MIN_IMAGE_SHOWN[1]:
            continue
        small = False
        with contextlib.suppress(pdfium.PdfiumError):  # an unknown size is read: the safe side
            small = min(obj.get_px_size()) < MIN_IMAGE_PIXELS
        if small:
            continue
        boxes.append([x0, y0, x1, y1])
    merged: list[list[float]] = []
    for box in sorted(boxes):
        for other in merged:
            if (
                box[0] <= other[2]
                and other[0] <= box[2]
                and box[1] <= other[3]
                and other[1] <= box[3]
            ):
                other[:] = [
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                ]
                break
        else:
            merged.append(box)
    return [(b[0], b[1], b[2], b[3]) for b in merged]


def _on_paper(pixels: Any) -> Any:
    """An image area placed at the top-left of white paper at least the detector's smallest
    side in each direction: the detector enlarges a narrow strip (a one-line signature at
    190 px) until its short side reaches that size, which would cost more than a whole page;
    on paper its text keeps the size it was rendered at. Word positions do not change."""
    import numpy as np

    from redacta.documents.ppocr import DET_MIN_SIDE

    height, width = pixels.shape[:2]
    if min(height, width) >= DET_MIN_SIDE:
        return pixels
    paper = np.full(
        (max(height, DET_MIN_SIDE), max(width, DET_MIN_SIDE), pixels.shape[2]), 255, np.uint8
    )
    paper[:height, :width] = pixels
    return paper


def _ocr_glyphs(
    page: Any, scale: float, known: list[_Glyph], region: Box | None = None
) -> tuple[OcrPage, str, list[_Glyph]]:
    """OCR the rendered page, or only `region` of it (shown points); the words the text
    layer does not already hold become glyphs (one per character, cut from the word's box
    grown by the paint margin), so painting, the hidden text layer and review boxes treat
    them like text-layer characters. A word the text layer does hold lends its box to the
    text-layer glyphs under it (`_Glyph.also`), so painting covers the printed word even
    where the hidden layer is placed a few points off it."""
    import numpy as np

    width, height = page.get_size()
    crop = (0.0, 0.0, 0.0, 0.0)
    if region is not None:
        x0, y0, x1, y1 = region
        area = max((x1 - x0) * (y1 - y0), 1.0)
        scale = min(IMAGE_OCR_DPI / 72, scale * math.sqrt(width * height / area))
        crop = (x0, height - y1, width - x1, y0)  # left, bottom, right, top: shown page
    scale = _render_scale(page, scale)
    bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True, may_draw_forms=True)
    try:
        pixels = np.frombuffer(_rgb_bytes(bitmap), dtype=np.uint8).reshape(
            bitmap.height, bitmap.width, bitmap.n_channels
        )
        if region is not None:
            pixels = _on_paper(pixels)
        ocr_page = read_page(pixels)
        conv = bitmap.get_posconv(page)
    finally:
        bitmap.close()
    # The bitmap's origin on the shown page, in its pixels (pdfium rounds the crop up).
    off_x, off_y = math.ceil(crop[0] * scale), math.ceil(crop[3] * scale)
    layer = [g for g in known if g.shown[2] > g.shown[0] and not g.char.isspace()]

    def shown_box(quad: Quad) -> Box:
        x0, y0, x1, y1 = bounds(quad)
        return (
            (x0 + off_x) / scale,
            (y0 + off_y) / scale,
            (x1 + off_x) / scale,
            (y1 + off_y) / scale,
        )

    def already_known(word: OcrWord) -> bool:
        """True when the text layer holds the word (a glyph under its centre); the glyphs
        the word's painted box overlaps then paint that box too."""
        x0, y0, x1, y1 = shown_box(word.quad)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if not any(
            g.shown[0] <= cx <= g.shown[2] and g.shown[1] <= cy <= g.shown[3] for g in layer
        ):
            return False
        painted = shown_box(grown(word.quad))
        for glyph in layer:
            gx0, gy0, gx1, gy1 = glyph.shown
            gcx, gcy = (gx0 + gx1) / 2, (gy0 + gy1) / 2
            if painted[0] <= gcx <= painted[2] and painted[1] <= gcy <= painted[3]:
                glyph.also.append(painted)
        return True

    text: list[str] = []
    glyphs: list[_Glyph] = []
    last_line = -1
    for word in ocr_page.words:
        if already_known(word):
            continue
        line = ocr_page.text.count("\n", 0, word.start)
        if glyphs:
            sep = " " if line == last_line else "\n"
            x = glyphs[-1].box[2] if sep == " " else 0.0
            box = (x, glyphs[-1].box[1], x, glyphs[-1].box[3]) if sep == " " else _NO_BOX
            glyphs.append(_Glyph(sep, box, (x, box[1]), glyphs[-1].size, _NO_BOX))
            text.append(sep)
        last_line = line
        quad = grown(word.quad)
        n = len(word.text)
        for i, char in enumerate(word.text):
            t0, t1 = i / n, (i + 1) / n
            corners = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in ((quad[0], quad[1]), (quad[3], quad[2]))
                for t in (t0, t1)
            ]
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            corner_a = (math.floor(min(xs)), math.floor(min(ys)))
            corner_b = (math.ceil(max(xs)), math.ceil(max(ys)))
            on_page = [conv.to_page(x, y) for x, y in (corner_a, corner_b)]
            px, py = [c[0] for c in on_page], [c[1] for c in on_page]
            box = (min(px), min(py), max(px), max(py))
            size = 0.75 * (max(ys) - min(ys)) / scale
            view = (
                (min(xs) + off_x) / scale,
                (min(ys) + off_y) / scale,
                (max(xs) + off_x) / scale,
                (max(ys) + off_y) / scale,
            )
            glyphs.append(_Glyph(char, box, (box[0], box[1]), size, view))
        text.append(word.text)
    return ocr_page, "".join(text), glyphs


def _glyphs(page: Any, textpage: Any) -> tuple[str, list[_Glyph]]:
    """The page text and, index by index, each character's box, baseline origin and size."""
    import pypdfium2.raw as raw

    conv = _shown_converter(page)

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
        left, bottom, right, top = box
        corners = (conv.to_bitmap(left, bottom), conv.to_bitmap(right, top))
        xs = [c[0] / SHOWN_RESOLUTION for c in corners]
        ys = [c[1] / SHOWN_RESOLUTION for c in corners]
        shown = (min(xs), min(ys), max(xs), max(ys))
        glyphs.append(_Glyph(text[i], tuple(box), (x.value, y.value), size, shown))
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


def _paint_boxes(bitmap: Any, boxes: Sequence[Box], scale: float) -> None:
    """Paint boxes drawn on the shown page (points, top-left origin) black in the pixels."""
    for x0, y0, x1, y1 in boxes:
        left, top = max(int(x0 * scale) - 1, 0), max(int(y0 * scale) - 1, 0)
        right = min(int(x1 * scale) + 2, bitmap.width)
        bottom = min(int(y1 * scale) + 2, bitmap.height)
        if right > left and bottom > top:
            bitmap.fill_rect(BLACK, left, top, right - left, bottom - top)


def _under_boxes(glyphs: list[_Glyph], boxes: Sequence[Box]) -> set[int]:
    """Indexes of the glyphs a drawn box touches: their text leaves the text layer too."""
    hidden: set[int] = set()
    for i, glyph in enumerate(glyphs):
        gx0, gy0, gx1, gy1 = glyph.shown
        if any(gx0 < x1 and x0 < gx1 and gy0 < y1 and y0 < gy1 for x0, y0, x1, y1 in boxes):
            hidden.add(i)
    return hidden


def _line_boxes(glyphs: Sequence[_Glyph]) -> list[Box]:
    """One shown rectangle per line the glyphs run over (their union on each line)."""
    lines: list[list[_Glyph]] = []
    for glyph in glyphs:
        if glyph.char in "\r\n" or glyph.box[2] <= glyph.box[0]:
            continue
        same_line = lines and abs(glyph.origin[1] - lines[-1][-1].origin[1]) <= 0.5 * (
            glyph.size or 10
        )
        if same_line:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    out: list[Box] = []
    for line in lines:
        edges = [b for g in line for b in (g.shown, *g.also)]  # OCR's word boxes too
        out.append(
            (
                round(min(b[0] for b in edges), 2),
                round(min(b[1] for b in edges), 2),
                round(max(b[2] for b in edges), 2),
                round(max(b[3] for b in edges), 2),
            )
        )
    return out


def _runs(
    glyphs: list[_Glyph], reps: tuple[Replacement, ...], hidden: set[int], to_page: Any
) -> list[_Run]:
    """Runs of visible, non-redacted text per line; each replacement becomes its own run;
    `hidden` glyphs (under a drawn box) are left out like redacted ones."""
    starts = {rep.start: rep for rep in reps}
    redacted = {i for rep in reps for i in range(rep.start, rep.end)} | hidden
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


class PdfExtraction(Extraction):
    """One unit per page (its text layer, annotations and form fields flattened in); the
    output is rebuilt as page images with a hidden layer of the remaining text."""

    kind = "pages"

    def __init__(self, pdf: Any, options: DocumentOptions) -> None:
        self.pdf, self.options = pdf, options
        _flatten(pdf)
        self.pages_read: list[tuple[Any, list[_Glyph]]] = []
        units: list[TextUnit] = []
        self._sizes: list[tuple[float, float]] = []
        read: list[tuple[int, OcrPage]] = []
        total = len(pdf)
        options.page_read(0, total)
        for number, page in enumerate(pdf, 1):
            text, glyphs = _glyphs(page, page.get_textpage())
            regions: list[Box | None] = []
            if not text.strip() or _image_cover(page) > IMAGE_COVER:
                regions = [None]
            else:
                found = _image_regions(page)
                regions = [None] if found is None else list(found)
            for region in regions:
                ocr_page, ocr_text, ocr_glyphs = _ocr_glyphs(
                    page, options.pdf_dpi / 72, glyphs, region
                )
                if region is None:  # image areas are not pages: no page confidence note
                    read.append((number, ocr_page))
                if ocr_text:
                    if text.strip():
                        text += "\n"
                        glyphs.append(_Glyph("\n", (0.0, 0.0, 0.0, 0.0), (0.0, 0.0), 0.0, _NO_BOX))
                    text += ocr_text
                    glyphs.extend(ocr_glyphs)
            self.pages_read.append((page, glyphs))
            width, height = page.get_size()
            self._sizes.append((round(width, 2), round(height, 2)))
            units.append(TextUnit(text, f"page {number}", part="page", page=number))
            options.page_read(number, total)
        if not any(unit.text.strip() for unit in units):
            raise NoTextLayerError(
                "PDF has no text layer and OCR found no text on its pages (handwriting, a "
                "photo or blank scans?); nothing could be checked, so redact it by hand."
            )
        super().__init__(units, ocr_notes(read))

    @property
    def pages(self) -> list[tuple[float, float]]:
        return list(self._sizes)

    def unit_boxes(self, unit: int, start: int, end: int) -> list[Box]:
        return _line_boxes(self.pages_read[unit][1][start:end])

    def write(
        self, dst: Path, redacted: Sequence[RedactedText], boxes: Mapping[int, Sequence[Box]]
    ) -> list[str]:
        from pypdf import PdfWriter

        writer = PdfWriter()
        for number, ((page, glyphs), red) in enumerate(
            zip(self.pages_read, redacted, strict=True), 1
        ):
            drawn = boxes.get(number, ())
            scale = _render_scale(page, self.options.pdf_dpi / 72)
            bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=True)
            indexes = {i for rep in red.replacements for i in range(rep.start, rep.end)}
            _paint(bitmap, page, glyphs, indexes)
            _paint_boxes(bitmap, [box for i in indexes for box in glyphs[i].also], scale)
            _paint_boxes(bitmap, drawn, scale)
            width, height = page.get_size()
            conv = bitmap.get_posconv(page)

            def to_page(
                x: float, y: float, conv: Any = conv, height: float = height, scale: float = scale
            ) -> tuple[float, float]:
                dx, dy = conv.to_bitmap(x, y)
                return dx / scale, height - dy / scale

            runs = _runs(glyphs, red.replacements, _under_boxes(glyphs, drawn), to_page)
            _add_page(writer, width, height, bitmap, _text_layer(runs))
            bitmap.close()
        with dst.open("wb") as fh:
            writer.write(fh)
        return ["PDF rebuilt as page images with a hidden text layer."]

    def close(self) -> None:
        self.pdf.close()


def read_pdf_file(src: Path, options: DocumentOptions) -> PdfExtraction:
    pdf = _open(src)
    try:
        check_pages(len(pdf), options.limits)
        return PdfExtraction(pdf, options)
    except BaseException:
        pdf.close()
        raise


def render_page_png(src: Path, number: int, scale: float) -> bytes:
    """Page `number` (1-based) as a PNG at `scale` pixels per point, forms and annotations
    drawn, as the review shows it; only that page is read."""
    import pypdfium2.raw as raw

    pdf = _open(src)
    try:
        pdf.init_forms()
        page = pdf[number - 1]
        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
        page.close()
        page = pdf[number - 1]
        bitmap = page.render(
            scale=_render_scale(page, scale), rev_byteorder=True, may_draw_forms=True
        )
        try:
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", compress_level=3)
            return buffer.getvalue()
        finally:
            bitmap.close()
            page.close()
    finally:
        pdf.close()
