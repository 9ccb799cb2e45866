"""The OCR engine's own parts: pinned model files, and the geometry that replaces OpenCV's
(connected regions, minimum-area rectangles) checked on shapes drawn here."""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from redacta.documents import ppocr


def test_shipped_models_match_their_pinned_checksums() -> None:
    sums = (ppocr.MODELS / "SHA256SUMS").read_text(encoding="utf-8").split()
    pinned = dict(zip(sums[1::2], sums[0::2], strict=True))
    assert set(pinned) == {ppocr.DETECTOR, ppocr.RECOGNIZER, ppocr.CLASSIFIER}
    for name, digest in pinned.items():
        assert hashlib.sha256(ppocr.model_path(name).read_bytes()).hexdigest() == digest
    assert "Apache License" in (ppocr.MODELS / "LICENSE").read_text(encoding="utf-8")


def test_a_changed_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "ocr_models"
    shutil.copytree(ppocr.MODELS, copy)
    data = bytearray((copy / ppocr.CLASSIFIER).read_bytes())
    data[-1] ^= 0xFF
    (copy / ppocr.CLASSIFIER).write_bytes(bytes(data))
    (copy / ppocr.DETECTOR).unlink()
    monkeypatch.setattr(ppocr, "MODELS", copy)
    with pytest.raises(ppocr.ModelFileError, match="checksum"):
        ppocr.model_path(ppocr.CLASSIFIER)
    with pytest.raises(ppocr.ModelFileError, match="missing"):
        ppocr.model_path(ppocr.DETECTOR)
    assert ppocr.model_path(ppocr.RECOGNIZER).is_file()


def _rotated(cx: float, cy: float, w: float, h: float, degrees: float) -> list[tuple[float, float]]:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return [
        (cx + dx * c - dy * s, cy + dx * s + dy * c)
        for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))
    ]


def test_regions_and_their_minimum_area_rectangles() -> None:
    canvas = Image.new("1", (400, 300), 0)
    draw = ImageDraw.Draw(canvas)
    tilted = _rotated(150, 80, 200, 30, 12)
    draw.polygon(tilted, fill=1)
    draw.rectangle((20, 200, 119, 219), fill=1)  # 100 x 20, upright
    # Two squares touching only at a corner are one region (8-connected, as OpenCV's contours).
    draw.rectangle((300, 200, 309, 209), fill=1)
    draw.rectangle((310, 210, 319, 219), fill=1)
    mask = np.asarray(canvas, dtype=bool)

    regions = ppocr._regions(mask)
    assert len(regions) == 3
    rects = sorted((ppocr._min_area_rect(r) for r in regions), key=lambda r: r[0][:, 1].min())

    corners, short = rects[0]
    assert short == pytest.approx(30, abs=2)
    edges = [corners[1] - corners[0], corners[3] - corners[0]]
    longest = max(edges, key=lambda e: float(np.linalg.norm(e)))
    assert float(np.linalg.norm(longest)) == pytest.approx(200, abs=2)
    angle = math.degrees(math.atan2(float(longest[1]), float(longest[0]))) % 180
    assert angle == pytest.approx(12, abs=1.5)

    upright, short = ppocr._min_area_rect(next(r for r in regions if r[:, 0].min() == 20))
    assert short == 19  # pixel centres: 20 rows span 19 px, as cv2.minAreaRect measures
    assert sorted(map(tuple, ppocr._clockwise(upright).tolist())) == sorted(
        [(20.0, 200.0), (119.0, 200.0), (119.0, 219.0), (20.0, 219.0)]
    )


def test_unclip_grows_every_side_by_the_db_distance() -> None:
    rect = np.array([[0, 0], [100, 0], [100, 20], [0, 20]], dtype=np.float32)
    grown, short = ppocr._unclip(rect)
    distance = 100 * 20 * ppocr.UNCLIP_RATIO / 240
    assert grown[0].tolist() == pytest.approx([-distance, -distance], abs=1e-4)
    assert grown[2].tolist() == pytest.approx([100 + distance, 20 + distance], abs=1e-4)
    assert short == pytest.approx(20 + 2 * distance, abs=1e-4)


def test_detector_and_recognizer_read_a_drawn_line() -> None:
    import scans

    image = Image.new("L", (900, 160), 255)
    font = scans.font(scans.FONTS[0], 34)
    ImageDraw.Draw(image).text((40, 50), "Invoice 4471 for Maria Lopez", font=font, fill=0)
    grey = np.asarray(image)
    engine = ppocr.engine()
    quads = engine.detect(grey)
    lines = engine.recognize(grey, quads)
    assert [line.text for line in lines] == ["Invoice 4471 for Maria Lopez"]
    line = lines[0]
    assert len(line.spans) == len(line.text.replace(" ", ""))
    starts = [s for s, _ in line.spans]
    assert starts == sorted(starts)
    assert all(0.0 <= s < e <= 1.0 for s, e in line.spans)
