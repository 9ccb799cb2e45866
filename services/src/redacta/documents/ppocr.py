"""PP-OCR's detection, direction and recognition networks run by onnxruntime, with the pre-
and post-processing in numpy and Pillow.

The networks are PaddleOCR's PP-OCRv6 small detector and recognizer and its mobile direction
classifier (Apache-2.0), as the `rapidocr` wheel packs them as ONNX; `ocr_models/` holds them
with their weights stored as float16 and the recognizer's character classifier as int8
(built by `services/packaging/build_ocr_models.py`, pinned by sha256 in
`ocr_models/SHA256SUMS`). The steps follow PaddleOCR's reference inference: the
detector's probability map is thresholded, each connected region becomes its minimum-area
rectangle, is scored by the mean probability inside, and grown by the DB "unclip" distance;
each line is cut out along its rectangle, resized to the recognizer's height and decoded by
CTC greedy search over the model's character list. Doing these few steps here, instead of
through a toolkit built on OpenCV, keeps OpenCV (150 MB) out of the app.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

    Grey = npt.NDArray[np.uint8]
    Floats = npt.NDArray[np.float32]

MODELS = Path(__file__).with_name("ocr_models")
DETECTOR = "PP-OCRv6_det_small.onnx"
RECOGNIZER = "PP-OCRv6_rec_small.onnx"
CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"

DET_MIN_SIDE = 736
"""Pages whose shorter side is below this are enlarged for the detector (PaddleOCR's default)."""
DET_MAX_SIDE = 1280
"""Larger pages are shrunk to this longer side first: the detector's cost grows with the area,
and an A4 page at 1280 px (110 dpi) still shows 10 pt text about 7 px high, which it finds
as well as at full size (bench/ocr: same word accuracy, 15 % less CPU than at 150 dpi)."""
DET_THRESHOLD = 0.3
"""Probability above which a pixel is taken as text."""
BOX_THRESHOLD = 0.5
"""Mean probability a region needs to be kept as a line."""
MIN_STROKE_CONTRAST = 12.0
"""Standard deviation of grey levels (0-255) a line's core needs: text is strokes on paper.
The detector also answers on solid shapes (a filled box, a redaction bar) and faintly on blank
paper; the core of such a region is one flat tone, and the recognizer reads a glyph such as
'一' into a black bar, which would be painted and analysed as text. Faint pencil still has tens
of levels between stroke and paper; scanner noise on flat areas stays under about 8."""
UNCLIP_RATIO = 1.6
"""The detector marks a shrunk core of each line; it is grown by area * ratio / perimeter."""
MIN_BOX_SIDE = 3
REC_HEIGHT = 48
REC_MIN_RATIO = 320 / 48
"""A recognition batch is at least this wide (width/height), as the model was trained."""
REC_BATCH = 8
"""Lines per recognizer call; lines are sorted by width first so little padding is computed."""
TEXT_SCORE = 0.5
"""Lines recognized with a lower mean character probability are dropped as noise."""
CLS_HEIGHT, CLS_WIDTH = 48, 192
THREADS = 2
"""onnxruntime threads per network: the desktop app reads one page at a time."""


@dataclass(frozen=True)
class Line:
    """One recognized line: text, mean character probability, corners in the image (top-left,
    top-right, bottom-right, bottom-left in reading direction) and, per character of the text
    that is not a space, where it starts and ends as fractions of the line's length."""

    text: str
    score: float
    quad: Floats
    spans: tuple[tuple[float, float], ...]


class ModelFileError(RuntimeError):
    """An OCR model file is missing or not the one this build was made with."""


def _expected_hashes() -> dict[str, str]:
    sums = {}
    for row in (MODELS / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        if row.strip():
            digest, name = row.split(maxsplit=1)
            sums[name.strip()] = digest
    return sums


def model_path(name: str) -> Path:
    """The model file, checked against its pinned sha256 (a damaged or swapped file must not
    silently read pages wrongly)."""
    path = MODELS / name
    expected = _expected_hashes().get(name)
    if not path.is_file() or expected is None:
        raise ModelFileError(f"OCR model {name} is missing; reinstall Redacta")
    if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
        raise ModelFileError(f"OCR model {name} does not match its checksum; reinstall Redacta")
    return path


def _session(name: str) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = min(THREADS, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    return ort.InferenceSession(
        str(model_path(name)), sess_options=options, providers=["CPUExecutionProvider"]
    )


class Engine:
    """The three networks, loaded once; calls from several threads are serialised per
    network by onnxruntime itself (a session's run is thread-safe)."""

    def __init__(self) -> None:
        self.detector = _session(DETECTOR)
        self.classifier = _session(CLASSIFIER)
        self.recognizer = _session(RECOGNIZER)
        meta = self.recognizer.get_modelmeta().custom_metadata_map
        # CTC: index 0 is the blank, then the model's characters, then the space.
        self.characters = ["", *meta["character"].splitlines(), " "]

    # -- detection ---------------------------------------------------------------------------

    def detect(self, grey: Grey) -> list[Floats]:
        """Text lines of the page as quadrilaterals (4x2 float arrays, clockwise from the
        top-left), in reading order (top to bottom, then left to right)."""
        from PIL import Image

        height, width = grey.shape
        scale = min(1.0, DET_MAX_SIDE / max(height, width))
        if min(height, width) * scale < DET_MIN_SIDE:
            scale = DET_MIN_SIDE / min(height, width)
        net_h = max(32, round(height * scale / 32) * 32)
        net_w = max(32, round(width * scale / 32) * 32)
        small = np.asarray(
            Image.fromarray(grey).resize((net_w, net_h), Image.Resampling.BILINEAR),
            dtype=np.float32,
        )
        plane = small * (2 / 255) - 1
        batch = np.ascontiguousarray(np.broadcast_to(plane, (1, 3, net_h, net_w)))
        prob = self.detector.run(None, {"x": batch})[0][0, 0]
        mask = prob > DET_THRESHOLD
        # A 2x2 dilation (anchored as OpenCV anchors it) joins characters split by a pixel.
        grown = mask.copy()
        grown[1:, :] |= mask[:-1, :]
        grown[:, 1:] |= mask[:, :-1]
        grown[1:, 1:] |= mask[:-1, :-1]
        boxes = []
        for points in _regions(grown):
            rect, short = _min_area_rect(points)
            if short < MIN_BOX_SIDE:
                continue
            window, inside = _cover(prob.shape, rect)
            probs = prob[window][inside]
            if not probs.size or float(probs.mean()) < BOX_THRESHOLD:
                continue
            if float(small[window][inside].std()) < MIN_STROKE_CONTRAST:
                continue
            rect, short = _unclip(rect)
            if short < MIN_BOX_SIDE + 2:
                continue
            rect[:, 0] = np.clip(np.round(rect[:, 0] / net_w * width), 0, width - 1)
            rect[:, 1] = np.clip(np.round(rect[:, 1] / net_h * height), 0, height - 1)
            quad = _clockwise(rect)
            if (
                int(np.linalg.norm(quad[0] - quad[1])) <= MIN_BOX_SIDE
                or int(np.linalg.norm(quad[0] - quad[3])) <= MIN_BOX_SIDE
            ):
                continue
            boxes.append(quad)
        return _reading_order(boxes)

    # -- direction ---------------------------------------------------------------------------

    def upside_down(self, grey: Grey, quads: list[Floats]) -> float:
        """Share of the lines' weight the direction classifier gives to "turned 180 degrees"
        (0 to 1; 0.5 when there is nothing to ask about)."""
        crops = [c for q in quads if (c := _crop(grey, q, CLS_HEIGHT, CLS_WIDTH)) is not None]
        if not crops:
            return 0.5
        batch = np.stack([_normalised(c, CLS_WIDTH) for c in crops])
        probs = self.classifier.run(None, {"x": batch})[0]
        labels = probs.argmax(axis=1)
        scores = probs.max(axis=1)
        flipped = float(scores[labels == 1].sum())
        total = float(scores.sum())
        return flipped / total if total else 0.5

    # -- recognition -------------------------------------------------------------------------

    def recognize(self, grey: Grey, quads: list[Floats]) -> list[Line]:
        """Read each line; lines read as noise (low score or empty) are left out."""
        items: list[tuple[Floats, Grey]] = []
        for quad in quads:
            upright = _reading_quad(quad)
            crop = _crop(grey, upright, REC_HEIGHT, None)
            if crop is not None:
                items.append((upright, crop))
        order = sorted(range(len(items)), key=lambda i: items[i][1].shape[1])
        read: dict[int, Line] = {}
        for begin in range(0, len(order), REC_BATCH):
            chunk = order[begin : begin + REC_BATCH]
            widest = max(REC_MIN_RATIO * REC_HEIGHT, *(items[i][1].shape[1] for i in chunk))
            padded = math.ceil(widest)
            batch = np.stack([_normalised(items[i][1], padded) for i in chunk])
            probs = self.recognizer.run(None, {"x": batch})[0]
            for row, index in enumerate(chunk):
                line = self._decode(probs[row], items[index][1].shape[1] / padded)
                if line is not None:
                    text, score, spans = line
                    read[index] = Line(text, score, items[index][0], spans)
        return [read[i] for i in range(len(items)) if i in read]

    def _decode(
        self, probs: Floats, used: float
    ) -> tuple[str, float, tuple[tuple[float, float], ...]] | None:
        """CTC greedy decoding of one line; `used` is the share of the batch width the line's
        pixels fill (the rest is padding)."""
        best = probs.argmax(axis=1)
        keep = np.ones(len(best), dtype=bool)
        keep[1:] = best[1:] != best[:-1]
        keep &= best != 0
        columns = np.flatnonzero(keep)
        if not len(columns):
            return None
        text = "".join(self.characters[i] for i in best[columns])
        score = float(probs[columns, best[columns]].mean())
        if score < TEXT_SCORE or not text.strip():
            return None
        frames = len(best) * used
        centres = (columns + 0.5) / frames
        letters = [i for i, ch in enumerate(text) if ch != " "]
        # A character's width: the median step between neighbouring letters of one word,
        # else the line's length shared out.
        steps = [
            centres[b] - centres[a]
            for a, b in itertools.pairwise(letters)
            if b == a + 1 and text[a] != " "
        ]
        width = float(np.median(steps)) if steps else 1.0 / max(len(text), 1)
        spans = tuple(
            (
                float(max(0.0, centres[i] - width / 2)),
                float(min(1.0, centres[i] + width / 2)),
            )
            for i in letters
        )
        return text, round(score, 5), spans


# -- geometry ----------------------------------------------------------------------------------


def _regions(mask: npt.NDArray[np.bool_]) -> list[npt.NDArray[np.int64]]:
    """Boundary points (x, y) of each 8-connected region of the mask: the first and last pixel
    of every run of set pixels in a row, enough for the region's convex hull."""
    height = mask.shape[0]
    edges = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # exclusive; same row order as the starts
    count = len(rows)
    if not count:
        return []
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_first = np.searchsorted(rows, np.arange(height + 1))
    row_list, start_list, end_list = rows.tolist(), starts.tolist(), ends.tolist()
    first_list = row_first.tolist()
    for i in range(count):
        r = row_list[i]
        if r == 0:
            continue
        # Runs of the row above that touch this one, diagonals included.
        j, stop = first_list[r - 1], first_list[r]
        s, e = start_list[i], end_list[i]
        while j < stop and end_list[j] < s:
            j += 1
        while j < stop and start_list[j] <= e:
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
            j += 1
    labels = np.array([root(i) for i in range(count)])
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    regions = []
    for group in np.split(order, cuts):
        ys = rows[group]
        pts = np.concatenate([np.stack([starts[group], ys], 1), np.stack([ends[group] - 1, ys], 1)])
        regions.append(pts)
    return regions


def _hull(points: npt.NDArray[Any]) -> Floats:
    """Convex hull (Andrew's monotone chain), counter-clockwise, without repeated points."""
    pts = sorted(set(map(tuple, points.tolist())))
    if len(pts) < 3:
        return np.array(pts, dtype=np.float32)

    def cross(o: tuple[int, int], a: tuple[int, int], b: tuple[int, int]) -> int:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[int, int]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[int, int]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=np.float32)


def _min_area_rect(points: npt.NDArray[Any]) -> tuple[Floats, float]:
    """Corners of the smallest rotated rectangle around the points (rotating calipers over
    the hull's edges) and the length of its shorter side."""
    hull = _hull(points)
    if len(hull) == 1:
        return np.repeat(hull, 4, axis=0), 0.0
    if len(hull) == 2:
        a, b = hull
        return np.array([a, b, b, a], dtype=np.float32), 0.0
    edges = np.roll(hull, -1, axis=0) - hull
    angles = np.unique(np.mod(np.arctan2(edges[:, 1], edges[:, 0]), np.pi / 2))
    cos, sin = np.cos(angles), np.sin(angles)
    # Each candidate frame: axis u = (cos, sin), axis v = (-sin, cos).
    u = hull[:, 0:1] * cos + hull[:, 1:2] * sin
    v = -hull[:, 0:1] * sin + hull[:, 1:2] * cos
    u0, u1, v0, v1 = u.min(0), u.max(0), v.min(0), v.max(0)
    k = int(np.argmin((u1 - u0) * (v1 - v0)))
    c, s = cos[k], sin[k]
    corners = np.array(
        [
            [u0[k] * c - v0[k] * s, u0[k] * s + v0[k] * c],
            [u1[k] * c - v0[k] * s, u1[k] * s + v0[k] * c],
            [u1[k] * c - v1[k] * s, u1[k] * s + v1[k] * c],
            [u0[k] * c - v1[k] * s, u0[k] * s + v1[k] * c],
        ],
        dtype=np.float32,
    )
    return corners, float(min(u1[k] - u0[k], v1[k] - v0[k]))


def _unclip(rect: Floats) -> tuple[Floats, float]:
    """The rectangle grown on every side by area * UNCLIP_RATIO / perimeter (the rounded
    offset polygon's bounding rectangle is exactly this)."""
    side_a = float(np.linalg.norm(rect[1] - rect[0]))
    side_b = float(np.linalg.norm(rect[3] - rect[0]))
    perimeter = 2 * (side_a + side_b)
    if perimeter == 0:
        return rect, 0.0
    distance = side_a * side_b * UNCLIP_RATIO / perimeter
    ua = (rect[1] - rect[0]) / max(side_a, 1e-6)
    ub = (rect[3] - rect[0]) / max(side_b, 1e-6)
    grown = np.array(
        [
            rect[0] - (ua + ub) * distance,
            rect[1] + (ua - ub) * distance,
            rect[2] + (ua + ub) * distance,
            rect[3] - (ua - ub) * distance,
        ],
        dtype=np.float32,
    )
    return grown, min(side_a, side_b) + 2 * distance


def _cover(
    shape: tuple[int, ...], rect: Floats
) -> tuple[tuple[slice, slice], npt.NDArray[np.bool_]]:
    """The rectangle's bounding window in an array of `shape` (clipped to it) and which pixels
    of that window the rectangle covers. Computed once per region: the detector's probability
    map and the grey page it saw have the same shape, and both are read under it."""
    from PIL import Image, ImageDraw

    h, w = shape[:2]
    x0 = int(np.clip(np.floor(rect[:, 0].min()), 0, w - 1))
    x1 = int(np.clip(np.ceil(rect[:, 0].max()), 0, w - 1))
    y0 = int(np.clip(np.floor(rect[:, 1].min()), 0, h - 1))
    y1 = int(np.clip(np.ceil(rect[:, 1].max()), 0, h - 1))
    canvas = Image.new("1", (x1 - x0 + 1, y1 - y0 + 1), 0)
    ImageDraw.Draw(canvas).polygon(
        [(int(x) - x0, int(y) - y0) for x, y in rect.tolist()], fill=1, outline=1
    )
    return (slice(y0, y1 + 1), slice(x0, x1 + 1)), np.asarray(canvas, dtype=bool)


def _clockwise(rect: Floats) -> Floats:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    by_x = rect[np.argsort(rect[:, 0], kind="stable")]
    left = by_x[:2][np.argsort(by_x[:2, 1], kind="stable")]
    right = by_x[2:][np.argsort(by_x[2:, 1], kind="stable")]
    return np.array([left[0], right[0], right[1], left[1]], dtype=np.float32)


def _reading_order(quads: list[Floats]) -> list[Floats]:
    """Top to bottom; boxes whose tops are within 10 px count as one row, read left to right."""
    if not quads:
        return []
    tops = np.array([q[0, 1] for q in quads])
    by_top = np.argsort(tops, kind="stable")
    rows = np.concatenate([[0], np.cumsum(np.diff(tops[by_top]) >= 10)])
    lefts = np.array([quads[i][0, 0] for i in by_top])
    final = np.lexsort((lefts, rows))
    return [quads[by_top[i]] for i in final]


def _reading_quad(quad: Floats) -> Floats:
    """A line much taller than wide is read as vertical text: turned so it reads from its
    top-right corner downwards."""
    width = max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))
    height = max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))
    if width and height / width >= 1.5:
        return np.array([quad[1], quad[2], quad[3], quad[0]], dtype=np.float32)
    return quad


def _crop(grey: Grey, quad: Floats, height: int, max_width: int | None) -> Grey | None:
    """The line cut out along its quadrilateral and scaled to `height` rows (keeping the
    aspect ratio, at most `max_width` wide), in one resampling step."""
    from PIL import Image

    along = max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))
    across = max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))
    if int(along) < 1 or int(across) < 1:
        return None
    out_w = max(1, math.ceil(height * int(along) / int(across)))
    if max_width is not None:
        out_w = min(out_w, max_width)
    tl, tr, br, bl = quad.tolist()
    data = (*tl, *bl, *br, *tr)
    image = Image.fromarray(grey).transform(
        (out_w, height), Image.Transform.QUAD, data, Image.Resampling.BICUBIC
    )
    return np.asarray(image)


def _normalised(crop: Grey, width: int) -> Floats:
    """3 x height x width network input: pixels scaled to [-1, 1], right-padded with 0."""
    height = crop.shape[0]
    out = np.zeros((3, height, width), dtype=np.float32)
    used = min(crop.shape[1], width)
    out[:, :, :used] = crop[:, :used].astype(np.float32) * (2 / 255) - 1
    return out


_ENGINE: Engine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> Engine:
    """The process's engine, loaded on first use (text-only paths never pay for it)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = Engine()
        return _ENGINE
