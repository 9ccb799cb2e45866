"""Text recognition on page pixels: words with their boxes, for scans and photos of paper.

The engine is RapidOCR (PP-OCR detection, direction and recognition networks run by
onnxruntime), chosen by measurement: its models ship inside the `rapidocr` wheel, so nothing
is downloaded at run time, and it read generated A4 scans best among the engines that run
on all three desktop OSes (see bench/ocr/README.md). It is loaded once per process, lazily:
the text-only paths never pay for it.

A page is read in the orientation its text runs: the detector's boxes say whether lines run
vertically (a page turned by 90 or 270 degrees) and the direction classifier, asked about a
few lines, whether they are upside down; the page is then read turned upright and every word
box is mapped back onto the pixels as given, which is where it gets painted. Slight skew
needs no correction: the detector returns each line as a rotated quadrilateral.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

MISSED_SPACE = re.compile(r"(?<=[^\W\d_][:;])(?=[^\W_]|\+)|(?<=\w,)(?!\d{3}\b)(?=\w)")
"""Where a space was surely lost (the recognizer drops narrow ones): after a colon that follows
a letter and precedes a letter, digit or '+' ("Phone:+44", not "14:30" or "http://"), and
after a comma between words unless three digits follow (not "1,000"). The words are split
there (each keeps its own character boxes), so "July 7,2022" reads as a date again."""

_ENGINE: Any = None
_ENGINE_LOCK = threading.Lock()


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


def engine() -> Any:
    """The process's RapidOCR engine (models from the installed package, quiet logging)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            from rapidocr import RapidOCR

            _ENGINE = RapidOCR(params={"Global.log_level": "error"})
        return _ENGINE


def _quads(boxes: Any) -> list[Quad]:
    return [
        (
            (float(b[0][0]), float(b[0][1])),
            (float(b[1][0]), float(b[1][1])),
            (float(b[2][0]), float(b[2][1])),
            (float(b[3][0]), float(b[3][1])),
        )
        for b in boxes
    ]


def _length(a: Point, b: Point) -> float:
    return float(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5)


def _turn_point(point: Point, width: int) -> Point:
    """Where `point` lands when an image `width` pixels wide turns 90 degrees
    counter-clockwise (numpy's rot90)."""
    return (point[1], width - point[0])


def _unturn_point(point: Point, turns: int, width: int, height: int) -> Point:
    """Map a point of the image turned `turns` quarters counter-clockwise back onto the image
    as given (`width` x `height`)."""
    x, y = point
    sizes = [(width, height) if i % 2 == 0 else (height, width) for i in range(turns)]
    for w, _h in reversed(sizes):
        x, y = w - y, x
    return (x, y)


def _quarter_turns(ocr: Any, pixels: Pixels, quads: list[Quad]) -> int:
    """Quarter turns (counter-clockwise) that make the page's text upright."""
    import numpy as np

    if not quads:
        return 0
    tall = sum(
        _length(q[0], q[1]) * _length(q[0], q[3])
        for q in quads
        if _length(q[0], q[3]) > 1.5 * _length(q[0], q[1])
    )
    wide = sum(
        _length(q[0], q[1]) * _length(q[0], q[3])
        for q in quads
        if _length(q[0], q[1]) > 1.5 * _length(q[0], q[3])
    )
    turns = 1 if tall > wide else 0
    image = np.rot90(pixels, turns) if turns else pixels
    height, width = image.shape[:2]
    if turns:
        quads = [
            (
                _turn_point(q[0], pixels.shape[1]),
                _turn_point(q[1], pixels.shape[1]),
                _turn_point(q[2], pixels.shape[1]),
                _turn_point(q[3], pixels.shape[1]),
            )
            for q in quads
        ]
    widest = sorted(quads, key=lambda q: bounds(q)[0] - bounds(q)[2])[:DIRECTION_SAMPLES]
    upside_down = upright = 0.0
    for quad in widest:
        left, top, right, bottom = bounds(quad)
        x0, x1 = max(int(left), 0), min(int(right) + 1, width)
        y0, y1 = max(int(top), 0), min(int(bottom) + 1, height)
        if x1 - x0 < 8 or y1 - y0 < 4:
            continue
        crop = np.ascontiguousarray(image[y0:y1, x0:x1])
        result = ocr(crop, use_det=False, use_cls=True, use_rec=False)
        for label, score in result.cls_res or ():
            if str(label) == "180":
                upside_down += float(score)
            else:
                upright += float(score)
    return turns + 2 if upside_down > upright else turns


def _read(ocr: Any, image: Pixels) -> Any:
    return ocr(
        image,
        use_det=True,
        use_cls=False,
        use_rec=True,
        return_word_box=True,
        return_single_char_box=True,
    )


def _words_of_line(text: str, quad: Quad, chars: Any) -> list[tuple[str, Quad]]:
    """The line's words (its text split at spaces) with boxes joined from the recognizer's
    character boxes; the line's box cut in proportion when those do not match the text."""
    letters = [c for c in text if c != " "]
    boxes = _quads([c[2] for c in chars]) if chars and all(c[2] is not None for c in chars) else []
    if len(boxes) != len(letters) or not boxes:
        return _split_line(text, quad)
    out: list[tuple[str, Quad]] = []
    at = 0
    for token in text.split(" "):
        for word in MISSED_SPACE.split(token):
            if word:
                first, last = boxes[at], boxes[at + len(word) - 1]
                out.append((word, (first[0], last[1], last[2], first[3])))
                at += len(word)
    return out


def _split_line(text: str, quad: Quad) -> list[tuple[str, Quad]]:
    """Words of a line the recognizer gave no character boxes for: the line's box cut in
    proportion to the characters."""
    out: list[tuple[str, Quad]] = []
    total = max(len(text), 1)

    def along(a: Point, b: Point, t: float) -> Point:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    pos = 0
    for word in text.split(" "):
        if word:
            t0, t1 = pos / total, (pos + len(word)) / total
            out.append(
                (
                    word,
                    (
                        along(quad[0], quad[1], t0),
                        along(quad[0], quad[1], t1),
                        along(quad[3], quad[2], t1),
                        along(quad[3], quad[2], t0),
                    ),
                )
            )
        pos += len(word) + 1
    return out


def read_page(pixels: Pixels) -> OcrPage:
    """OCR one page given as an RGB (or grey) uint8 array; words map to these pixels."""
    import numpy as np
    from PIL import Image, ImageFilter

    grey = Image.fromarray(pixels).convert("L") if pixels.ndim == 3 else Image.fromarray(pixels)
    # A 3x3 median removes JPEG ringing and scanner speckle, on which the recognizer drops
    # the spaces between words ("14March", "02079460321") and the analysis then misses dates
    # and phone numbers; it keeps stroke edges, unlike a blur.
    smooth = np.asarray(grey.filter(ImageFilter.MedianFilter(3)))
    bgr = np.ascontiguousarray(np.stack([smooth] * 3, axis=-1))
    height, width = bgr.shape[:2]
    ocr = engine()
    result = _read(ocr, bgr)
    turns = _quarter_turns(ocr, bgr, _quads(result.boxes) if result.boxes is not None else [])
    if turns % 4:
        result = _read(ocr, np.ascontiguousarray(np.rot90(bgr, turns)))
    parts: list[str] = []
    words: list[OcrWord] = []
    pos = 0
    lines = _quads(result.boxes) if result.boxes is not None else []
    texts: Sequence[str] = result.txts or ()
    scores: Sequence[float] = result.scores or ()
    word_results: Sequence[Any] = result.word_results or ()
    for index, (line_quad, line_text, line_score) in enumerate(
        zip(lines, texts, scores, strict=True)
    ):
        chars = word_results[index] if index < len(word_results) else None
        pieces = [(t, float(line_score), q) for t, q in _words_of_line(line_text, line_quad, chars)]
        if not pieces:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        for number, (text, score, quad) in enumerate(pieces):
            if number:
                parts.append(" ")
                pos += 1
            if turns % 4:
                quad = (
                    _unturn_point(quad[0], turns % 4, width, height),
                    _unturn_point(quad[1], turns % 4, width, height),
                    _unturn_point(quad[2], turns % 4, width, height),
                    _unturn_point(quad[3], turns % 4, width, height),
                )
            words.append(OcrWord(text, round(score, 4), pos, pos + len(text), quad))
            parts.append(text)
            pos += len(text)
    return OcrPage("".join(parts), tuple(words), width, height, (turns % 4) * 90)


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
