"""Generated scans with planted personal data, and how to check a redacted scan.

A page is text drawn with a real font (DejaVu when the system has it, else Pillow's own
font) onto white or grey paper, then optionally turned, skewed, blurred and JPEG-compressed.
Alongside the pixels, every word is drawn as a filled box into a label image (one id per
word) that goes through the same geometric changes, so after redaction we can tell, word by
word, whether its area was painted over: planted values must be, the other words must not.
Used by the tests and by bench/ocr.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = (
    "DejaVuSans.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSansMono.ttf",
    "DejaVuSansCondensed.ttf",
)

NAMES = (
    "Maria Gonzalez",
    "James Whitfield",
    "Hannah Okafor",
    "Peter Lindqvist",
    "Sofia Marchetti",
    "Daniel Brennan",
    "Olivia Hartmann",
    "Thomas Carver",
)
EMAILS = (
    "maria.gonzalez@example.org",
    "j.whitfield@mailbox.example.com",
    "hannah.okafor@example.net",
    "p.lindqvist@example.com",
)
PHONES = ("+44 20 7946 0018", "(212) 555-0147", "+1 415 555 0132", "020 7946 0321")
IBANS = ("GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00")
DATES = ("14 March 2021", "02/11/2019", "July 7, 2022", "2023-05-30")
FILLER = (
    "Thank you for your letter regarding the contract renewal.",
    "The enclosed documents describe the terms agreed between the parties.",
    "Please keep this notice with your records for future reference.",
    "Payment is due within thirty days of the invoice date.",
    "The committee will review the application at its next meeting.",
    "Our office is open from nine until five on working days.",
    "Any questions about this statement can be sent to our service team.",
)


@dataclass
class Page:
    """A generated page: pixels, word labels (0 = paper) and which labels are planted."""

    image: Image.Image
    labels: np.ndarray  # int32, same size as the image
    words: list[str] = field(default_factory=list)  # index i -> label i + 1
    planted: dict[int, str] = field(default_factory=dict)  # label -> entity type
    planted_values: list[tuple[str, str, list[int]]] = field(default_factory=list)
    """(entity type, value, labels of its words)"""


def font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def letter_lines(rng: random.Random) -> list[list[tuple[str, str | None]]]:
    """Lines of a letter; each line is a list of (text piece, entity type or None)."""
    name, other = rng.sample(NAMES, 2)
    lines: list[list[tuple[str, str | None]]] = [
        [("Dear", None), (f"{name},", "PERSON")],
        [(rng.choice(FILLER), None)],
        [("Patient:", None), (other, "PERSON"), ("Date of birth:", None)],
        [(rng.choice(DATES), "DATE_TIME")],
        [("Phone:", None), (rng.choice(PHONES), "PHONE_NUMBER")],
        [("E-mail:", None), (rng.choice(EMAILS), "EMAIL_ADDRESS")],
        [(rng.choice(FILLER), None)],
        [("Bank account IBAN", None), (rng.choice(IBANS), "IBAN_CODE")],
        [(rng.choice(FILLER), None)],
        [("Yours sincerely,", None)],
        [(rng.choice(NAMES), "PERSON")],
    ]
    return lines


def render(
    lines: list[list[tuple[str, str | None]]],
    *,
    dpi: int = 150,
    font_name: str = "DejaVuSans.ttf",
    points: float = 12.0,
    paper: int = 255,
) -> Page:
    """An A4 page at `dpi` with the lines drawn from the top, left margin 2 cm."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("RGB", (width, height), (paper, paper, paper))
    labels = Image.new("I", (width, height), 0)
    draw, mark = ImageDraw.Draw(image), ImageDraw.Draw(labels)
    face = font(font_name, round(points * dpi / 72))
    page = Page(image, np.zeros(0, dtype=np.int32))
    margin = round(0.8 * dpi)
    y = margin
    line_height = round(points * dpi / 72 * 1.9)
    for line in lines:
        x = margin
        for piece, entity in line:
            value_labels: list[int] = []
            for word in piece.split(" "):
                box = draw.textbbox((x, y), word, font=face)
                draw.text((x, y), word, font=face, fill=(20, 20, 20))
                page.words.append(word)
                label = len(page.words)
                mark.rectangle(box, fill=label)
                if entity:
                    page.planted[label] = entity
                    value_labels.append(label)
                x = box[2] + draw.textlength(" ", font=face)
            if entity:
                page.planted_values.append((entity, piece, value_labels))
        y += line_height
    page.labels = np.array(labels, dtype=np.int32)
    return page


def degrade(
    page: Page,
    *,
    angle: float = 0.0,
    blur: float = 0.0,
    jpeg: int | None = None,
) -> Page:
    """Turn/skew by `angle` degrees (counter-clockwise), blur, JPEG-compress the page."""
    image, labels = page.image, Image.fromarray(page.labels, "I")
    if angle:
        fill = image.getpixel((0, 0))
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
        labels = labels.rotate(angle, resample=Image.Resampling.NEAREST, expand=True, fillcolor=0)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if jpeg:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=jpeg)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    out = Page(image, np.array(labels, dtype=np.int32), page.words, page.planted)
    out.planted_values = page.planted_values
    return out


def turned(page: Page, degrees: int) -> Page:
    """The page turned counter-clockwise by a multiple of 90 degrees, as a scan fed in sideways
    or upside down; its labels turned with it, so they still lie under the words."""
    return Page(
        page.image.rotate(degrees, expand=True),
        np.rot90(page.labels, degrees // 90).copy(),
        page.words,
        page.planted,
        page.planted_values,
    )


def covered(page: Page, redacted: Image.Image, dark: int = 60, share: float = 0.9) -> set[int]:
    """Labels whose box area is (nearly) all painted dark in `redacted` (same geometry)."""
    pixels = np.asarray(redacted.convert("L"))
    assert pixels.shape == page.labels.shape, (pixels.shape, page.labels.shape)
    labels = page.labels.ravel()
    is_dark = (pixels.ravel() < dark).astype(np.int64)
    total = np.bincount(labels, minlength=len(page.words) + 1)
    dark_count = np.bincount(labels, weights=is_dark, minlength=len(page.words) + 1)
    return {
        label
        for label in range(1, len(page.words) + 1)
        if total[label] and dark_count[label] / total[label] >= share
    }


@dataclass(frozen=True)
class Coverage:
    values: int
    values_covered: int
    other_words: int
    other_covered: int

    @property
    def recall(self) -> float:
        return self.values_covered / self.values if self.values else 1.0

    @property
    def false_box_rate(self) -> float:
        return self.other_covered / self.other_words if self.other_words else 0.0


def coverage(page: Page, redacted: Image.Image) -> Coverage:
    """Planted values whose every word is covered; other words covered by mistake."""
    done = covered(page, redacted)
    values_covered = sum(1 for _t, _v, labels in page.planted_values if set(labels) <= done)
    others = [label for label in range(1, len(page.words) + 1) if label not in page.planted]
    return Coverage(
        len(page.planted_values),
        values_covered,
        len(others),
        sum(1 for label in others if label in done),
    )


def letter(seed: int, **kwargs: object) -> Page:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    return render(letter_lines(rng), **kwargs)  # type: ignore[arg-type]
