"""Text PDFs with pictures of text, and scans with a misplaced hidden text layer: what the
pixels show must be redacted in the pixels (generated files, the real engine and OCR)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

import docsamples as d
import scans
from redacta.documents import DocumentOptions, open_document, redact_document
from redacta.jobs.worker import analyze_for_review
from redacta.redaction.pipeline import Redactor

DPI = 150  # the output's page resolution (DocumentOptions.pdf_dpi)
SIGNER, SIGNER_EMAIL, SIGNER_PHONE = (
    "Maria Gonzalez",
    "maria.gonzalez@example.org",
    "+44 20 7946 0018",
)
AROUND = (
    "Please find the signed agreement below.",
    "The committee will review the application at its next meeting.",
)


@pytest.fixture
def redactor(redacta_engine: object) -> Redactor:
    return Redactor(redacta_engine, salt=b"s" * 32)  # type: ignore[arg-type]


def _render(path: Path) -> np.ndarray:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return np.asarray(pdf[0].render(scale=DPI / 72).to_pil().convert("L"))
    finally:
        pdf.close()


def _dark_share(pixels: np.ndarray, box: tuple[float, float, float, float]) -> float:
    """Share of dark pixels in `box` (points, top-left origin) of a page rendered at DPI."""
    x0, y0, x1, y1 = (round(v * DPI / 72) for v in box)
    return float((pixels[y0:y1, x0:x1] < 60).mean())


def _signature_block() -> tuple[Image.Image, dict[str, tuple[int, int, int, int]]]:
    """A screenshot-like picture (300 dpi) of a signature block, and each word's pixel box."""
    face = scans.font("DejaVuSans.ttf", 34)
    lines = [f"Signed by {SIGNER}", SIGNER_EMAIL, f"Phone {SIGNER_PHONE}"]
    image = Image.new("RGB", (900, 190), (246, 246, 246))
    draw = ImageDraw.Draw(image)
    words: dict[str, tuple[int, int, int, int]] = {}
    for row, line in enumerate(lines):
        x, y = 16, 14 + row * 58
        for word in line.split(" "):
            box = draw.textbbox((x, y), word, font=face)
            draw.text((x, y), word, font=face, fill=(25, 25, 25))
            words[word] = (int(box[0]), int(box[1]), int(box[2]), int(box[3]))
            x = int(box[2] + draw.textlength(" ", font=face))
    return image, words


def test_small_image_in_a_text_pdf_is_read_and_its_pii_painted(
    tmp_path: Path, redactor: Redactor
) -> None:
    image, words = _signature_block()
    place = (72.0, 560.0, 216.0, 216.0 * image.height / image.width)  # x, y, w, h in points
    src = d.make_pdf_with_images(
        tmp_path / "agreement.pdf",
        (612, 792),
        [(72, 720, 12, AROUND[0], 100), (72, 690, 12, AROUND[1], 100)],
        [(image, place)],
    )
    result = redact_document(src, tmp_path / "out.pdf", redactor)
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"} <= {f.entity_type for f in result.findings}

    pixels = _render(tmp_path / "out.pdf")
    k = place[2] / image.width  # points per image pixel
    top = 792 - place[1] - place[3]

    def shown(word: str) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = words[word]
        return (place[0] + x0 * k, top + y0 * k, place[0] + x1 * k, top + y1 * k)

    for word in ("Maria", "Gonzalez", SIGNER_EMAIL, "+44", "7946", "0018"):
        assert _dark_share(pixels, shown(word)) > 0.9, word
    for word in ("Signed", "Phone"):  # the words around the values stay readable
        assert _dark_share(pixels, shown(word)) < 0.5, word
    # The text around the picture is intact, in the pixels and in the output's text layer.
    assert _dark_share(pixels, (72, 792 - 735, 400, 792 - 685)) < 0.2
    text = PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    for sentence in AROUND:
        assert " ".join(sentence.split()) in " ".join(text.split())
    for value in (SIGNER, SIGNER_EMAIL, "7946"):
        assert value not in text


def test_review_sees_the_findings_of_a_small_image(tmp_path: Path, redactor: Redactor) -> None:
    image, _words = _signature_block()
    place = (300.0, 100.0, 216.0, 216.0 * image.height / image.width)
    src = d.make_pdf_with_images(
        tmp_path / "agreement.pdf", (612, 792), [(72, 720, 12, AROUND[0], 100)], [(image, place)]
    )
    review = analyze_for_review(src, redactor, DocumentOptions())
    emails = [f for f in review.findings if f.entity_type == "EMAIL_ADDRESS"]
    assert len(emails) == 1
    location = emails[0].location
    assert location.page == 1
    assert location.box is not None
    x0, y0, x1, y1 = location.box
    top = 792 - place[1] - place[3]
    assert place[0] <= x0 < x1 <= place[0] + place[2]
    assert top <= y0 < y1 <= top + place[3]


def test_icons_and_rules_are_not_read(tmp_path: Path) -> None:
    """Images too small to hold a line of text cost no OCR (the page notes say so: no page
    was read by OCR, and only the text layer is the unit's text)."""
    dot = Image.new("RGB", (8, 8), (0, 0, 0))
    rule = Image.new("RGB", (600, 2), (0, 0, 0))
    src = d.make_pdf_with_images(
        tmp_path / "plain.pdf",
        (612, 792),
        [(72, 720, 12, AROUND[1], 100)],
        [(dot, (60, 722, 6, 6)), (rule, (72, 700, 450, 1.5))],
    )
    document = open_document(src)
    try:
        assert document.units[0].text.strip() == AROUND[1]
        assert not any("OCR" in note for note in document.notes)
    finally:
        document.close()


def _word_boxes(page: scans.Page) -> dict[int, tuple[int, int, int, int]]:
    """Each word label's pixel box (x0, y0, x1, y1) on the generated page."""
    ys, xs = np.nonzero(page.labels)
    ids = page.labels[ys, xs]
    n = len(page.words) + 1
    x0 = np.full(n, 1 << 30)
    y0 = np.full(n, 1 << 30)
    x1 = np.zeros(n, dtype=np.int64)
    y1 = np.zeros(n, dtype=np.int64)
    np.minimum.at(x0, ids, xs)
    np.minimum.at(y0, ids, ys)
    np.maximum.at(x1, ids, xs)
    np.maximum.at(y1, ids, ys)
    return {i: (int(x0[i]), int(y0[i]), int(x1[i]) + 1, int(y1[i]) + 1) for i in range(1, n)}


def test_misplaced_hidden_layer_still_paints_the_printed_words(
    tmp_path: Path, redactor: Redactor
) -> None:
    """A scan whose invisible text layer sits 4 points right and 3 points below the printed
    words (as OCR tools and scanners often leave it): the redaction comes from the layer's
    text, the paint must cover the ink."""
    page = scans.letter(31, points=12)
    height_px, width_px = page.labels.shape
    size = (width_px * 72 / DPI, height_px * 72 / DPI)
    dx, dy = 4.0, -3.0
    lines = []
    for label, (x0, _y0, x1, y1) in _word_boxes(page).items():
        word = page.words[label - 1]
        width = (x1 - x0) * 72 / DPI
        tz = 100 * width / (0.55 * 12 * len(word))  # stretch Helvetica over the printed word
        word += " "  # a space of its own: the stretched words may touch
        baseline = size[1] - y1 * 72 / DPI + 2.5  # above the descenders
        lines.append((x0 * 72 / DPI + dx, baseline + dy, 12.0, word, -tz))
    src = d.make_pdf_with_images(
        tmp_path / "scan.pdf", size, lines, [(page.image, (0, 0, size[0], size[1]))]
    )
    redact_document(src, tmp_path / "out.pdf", redactor)
    pdf = pdfium.PdfDocument(str(tmp_path / "out.pdf"))
    try:
        image = pdf[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()
    cover = scans.coverage(page, image.crop((0, 0, width_px, height_px)))
    assert cover.recall == 1.0, cover
    assert cover.false_box_rate <= 0.1, cover
