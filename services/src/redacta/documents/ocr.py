"""Text recognition on page pixels: words with their boxes, for scans and photos of paper.

The networks are PaddleOCR's PP-OCR detector, direction classifier and recognizer, run by
onnxruntime through `ppocr` (numpy and Pillow around them, no OpenCV), with their models in
the package: nothing is downloaded at run time. They were chosen by measurement among the
engines that run on all three desktop OSes (see bench/ocr/README.md). The engine is loaded
once per process, lazily: the text-only paths never pay for it.

A page is read in the orientation its text runs: the detector's boxes say whether lines run
vertically (a page turned by 90 or 270 degrees) and the direction classifier, asked about a
few lines, whether they are upside down; the page is then read turned upright and every word
box is mapped back onto the pixels as given, which is where it gets painted. Slight skew
needs no correction: the detector returns each line as a rotated quadrilateral."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from redacta.documents.limits import MAX_RENDER_PIXELS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from PIL import Image

    Pixels = npt.NDArray[np.uint8]

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]
"""Corners of a word in pixels of the image as given: top-left, top-right, bottom-right,
bottom-left of the text (turned with the text on a rotated page)."""

LITTLE_TEXT_WORDS = 5
"""A page on which OCR found fewer words than this is flagged for the user to look at."""
DIRECTION_SAMPLES = 12
"""How many of the widest lines the direction classifier is asked about."""
MARGIN_FRACTION = 0.15
"""Painted boxes grow by this share of the word's height on every side (at least 2 px), so
anti-aliased edges and a slightly short detector box leave no readable ink."""

SMALL_LINE_HEIGHT = 22
"""Detected lines lower than this many pixels (on the page's median) are text of about 18 px
or less, an x-height under about 10 px: screenshots at 100 %, 100 dpi scans. See `_smoothed`."""
UPSCALE = 2
"""How many times a page of small text is enlarged, within `MAX_RENDER_PIXELS`: enlarged,
every copy of the page the reading makes grows 4x, and an image may hold hundreds of millions
of pixels. A bigger page is read at its own size."""

MISSED_SPACE = re.compile(r"(?<=[^\W\d_][:;])(?=[^\W_]|\+)|(?<=\w,)(?!\d{3}\b)(?=\w)")
"""Where a space was surely lost (the recognizer drops narrow ones): after a colon that follows
a letter and precedes a letter, digit or '+' ("Phone:+44", not "14:30" or "http://"), and
after a comma between words unless three digits follow (not "1,000"). The words are split
there (each keeps its own character boxes), so "July 7,2022" reads as a date again."""
HEX_GROUPS = re.compile(
    r"(?<![^\W_])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?<=[0-9A-Fa-f])(?![^\W_]|:)"
)
"""Three or more hex groups joined by colons (an IPv6 or MAC address, "14:30:00"): no space was
lost inside them, though "c7f:8a1c" looks like "Label:Value" to `MISSED_SPACE`."""


@dataclass(frozen=True)
class OcrWord:
    """One recognized word: its text, confidence, where it is in the page text and pixels."""

    text: str
    score: float
    start: int
    end: int
    quad: Quad


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page: its text (words joined by spaces, lines by newlines)."""

    text: str
    words: tuple[OcrWord, ...]
    width: int
    height: int
    rotation: int
    """Degrees (0, 90, 180, 270, counter-clockwise) the page was turned to read it."""

    @property
    def confidence(self) -> float:
        """Mean recognition score of the page's characters (0 when nothing was read)."""
        chars = sum(len(w.text) for w in self.words)
        if not chars:
            return 0.0
        return sum(w.score * len(w.text) for w in self.words) / chars

    @property
    def little_text(self) -> bool:
        return len(self.words) < LITTLE_TEXT_WORDS

    def words_between(self, start: int, end: int) -> list[OcrWord]:
        """The words that characters `start:end` of the page text touch."""
        return [w for w in self.words if w.start < end and start < w.end]


def _as_quad(points: Any) -> Quad:
    return (
        (float(points[0][0]), float(points[0][1])),
        (float(points[1][0]), float(points[1][1])),
        (float(points[2][0]), float(points[2][1])),
        (float(points[3][0]), float(points[3][1])),
    )


def _length(a: Point, b: Point) -> float:
    return float(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5)


def _unturn_point(point: Point, turns: int, width: int, height: int) -> Point:
    """Map a point of the image turned `turns` quarters counter-clockwise back onto the image
    as given (`width` x `height`)."""
    x, y = point
    sizes = [(width, height) if i % 2 == 0 else (height, width) for i in range(turns)]
    for w, _h in reversed(sizes):
        x, y = w - y, x
    return (x, y)


def _runs_vertically(quads: Sequence[Quad]) -> bool:
    """Whether most of the detected text area lies in boxes much taller than wide (a page
    turned by 90 or 270 degrees)."""
    tall = wide = 0.0
    for q in quads:
        along, across = _length(q[0], q[1]), _length(q[0], q[3])
        if across > 1.5 * along:
            tall += along * across
        elif along > 1.5 * across:
            wide += along * across
    return tall > wide


def _along(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _piece(quad: Quad, t0: float, t1: float) -> Quad:
    """The part of a line's quadrilateral between fractions t0 and t1 of its length."""
    return (
        _along(quad[0], quad[1], t0),
        _along(quad[0], quad[1], t1),
        _along(quad[3], quad[2], t1),
        _along(quad[3], quad[2], t0),
    )


def _words_of_line(
    text: str, quad: Quad, spans: Sequence[tuple[float, float]]
) -> list[tuple[str, Quad]]:
    """The line's words (its text split at spaces and at surely missed spaces) with boxes
    from the recognizer's character positions along the line."""
    out: list[tuple[str, Quad]] = []
    at = 0
    for token in text.split(" "):
        groups = HEX_GROUPS.search(token)
        cut = groups.start() if groups else len(token)
        for word in [*MISSED_SPACE.split(token[:cut]), token[cut:]]:
            if word:
                first, last = spans[at], spans[at + len(word) - 1]
                out.append((word, _piece(quad, first[0], last[1])))
                at += len(word)
    return out


def _smoothed(grey: Image.Image, scale: int = 1) -> Pixels:
    """The page enlarged `scale` times (Lanczos), then through a 3x3 median.

    The median removes JPEG ringing and scanner speckle, on which the recognizer drops the
    spaces between words ("14March", "02079460321") and the analysis then misses dates and
    phone numbers; it keeps stroke edges, unlike a blur. But on small text (a screenshot at
    100 %, 15 px letters) a 3x3 window is as wide as a stroke: it erases the one- or two-pixel
    dots of ':', '.' and 'i' and thins '7' into '/', so "b.nkemelu@gmail.com" comes out as
    "gmail com", "https://" as "https //" and IP addresses lose their dots, and none of them is
    found. Enlarged first, every stroke is wider than the window and survives it."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    if scale != 1:
        grey = grey.resize((grey.width * scale, grey.height * scale), PILImage.Resampling.LANCZOS)
    return np.ascontiguousarray(np.asarray(grey.filter(ImageFilter.MedianFilter(3))))


def enlargement(line_heights: Sequence[float], width: int, height: int) -> int:
    """How many times a page of `width` x `height` pixels is enlarged before recognition:
    `UPSCALE` when its detected lines are small (see `_smoothed`) and the enlarged page stays
    within `MAX_RENDER_PIXELS`, else 1."""
    if not line_heights or statistics.median(line_heights) >= SMALL_LINE_HEIGHT:
        return 1
    return UPSCALE if width * height * UPSCALE**2 <= MAX_RENDER_PIXELS else 1


def read_page(pixels: Pixels) -> OcrPage:
    """OCR one page given as an RGB (or grey) uint8 array; words map to these pixels."""
    import numpy as np
    from PIL import Image

    from redacta.documents import ppocr

    grey = Image.fromarray(pixels).convert("L") if pixels.ndim == 3 else Image.fromarray(pixels)
    smooth = _smoothed(grey)
    height, width = smooth.shape[:2]
    ocr = ppocr.engine()
    lines = ocr.detect(smooth)
    turns = 1 if _runs_vertically([_as_quad(q) for q in lines]) else 0
    image = np.ascontiguousarray(np.rot90(smooth, turns)) if turns else smooth
    if turns:
        lines = ocr.detect(image)
    widest = sorted(lines, key=lambda q: -float(np.linalg.norm(q[1] - q[0])))
    if lines and ocr.upside_down(image, widest[:DIRECTION_SAMPLES]) > 0.5:
        turns += 2
        image = np.ascontiguousarray(np.rot90(image, 2))
        lines = ocr.detect(image)
    turns %= 4
    # Small text is read from the page enlarged (see `_smoothed`): the lines found at 1x are
    # cut from it at twice their coordinates and their boxes halved back onto the page. The
    # detector finds such lines well at 1x, so it is not run again.
    scale = enlargement([float(np.linalg.norm(q[3] - q[0])) for q in lines], width, height)
    if scale != 1:
        image = np.ascontiguousarray(np.rot90(_smoothed(grey, scale), turns))
        lines = [q * scale for q in lines]
    parts: list[str] = []
    words: list[OcrWord] = []
    pos = 0
    for line in ocr.recognize(image, lines):
        pieces = _words_of_line(line.text, _as_quad(line.quad / scale), line.spans)
        if not pieces:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        for number, (text, quad) in enumerate(pieces):
            if number:
                parts.append(" ")
                pos += 1
            if turns:
                quad = (
                    _unturn_point(quad[0], turns, width, height),
                    _unturn_point(quad[1], turns, width, height),
                    _unturn_point(quad[2], turns, width, height),
                    _unturn_point(quad[3], turns, width, height),
                )
            words.append(OcrWord(text, round(line.score, 4), pos, pos + len(text), quad))
            parts.append(text)
            pos += len(text)
    return OcrPage("".join(parts), tuple(words), width, height, turns * 90)


def ocr_notes(pages: Sequence[tuple[int, OcrPage]]) -> list[str]:
    """Per page read by OCR (1-based number, result): confidence and word count, and a flag
    on pages with little text (counts and scores only, never text)."""
    notes = []
    for number, page in pages:
        note = f"page {number}: OCR confidence {page.confidence:.2f}, {len(page.words)} words"
        if page.rotation:
            note += f", read turned {page.rotation} degrees"
        if page.little_text:
            note += "; little text found, check this page by eye"
        notes.append(note)
    return notes


def grown(quad: Quad) -> Quad:
    """The word's quadrilateral grown by the paint margin on every side."""
    across = _length(quad[0], quad[3])
    margin = max(2.0, MARGIN_FRACTION * across)
    ux, uy = quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]
    vx, vy = quad[3][0] - quad[0][0], quad[3][1] - quad[0][1]
    lu, lv = max(_length(quad[0], quad[1]), 1e-6), max(across, 1e-6)
    ux, uy, vx, vy = ux / lu * margin, uy / lu * margin, vx / lv * margin, vy / lv * margin
    return (
        (quad[0][0] - ux - vx, quad[0][1] - uy - vy),
        (quad[1][0] + ux - vx, quad[1][1] + uy - vy),
        (quad[2][0] + ux + vx, quad[2][1] + uy + vy),
        (quad[3][0] - ux + vx, quad[3][1] - uy + vy),
    )


def paint_words(image: Image.Image, quads: Sequence[Quad]) -> None:
    """Paint each quadrilateral (grown by the margin) solid black into `image`."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    black = 0 if image.mode in ("L", "1") else (0, 0, 0, 255) if "A" in image.mode else (0, 0, 0)
    for quad in quads:
        draw.polygon(list(grown(quad)), fill=black)


def bounds(quad: Quad) -> tuple[float, float, float, float]:
    """Axis-aligned bounds (x0, y0, x1, y1) of a quadrilateral."""
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return (min(xs), min(ys), max(xs), max(ys))
