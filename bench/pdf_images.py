"""What reading the images inside text PDFs costs: OCR of each image's area only, against
the text layer alone and against OCR of the whole page.

    cd services && .venv/bin/python ../bench/pdf_images.py [--pages 10] [--runs 3]

Generates text PDFs of `--pages` letter pages (Helvetica text layer) in three variants:
no image; one small picture of text per page (a 216 x 46 pt signature block with a name, an
e-mail address and a phone number: what the image rule reads); one such picture plus a
full-width 450 x 300 pt photo-like picture of text. Each is opened for redaction (text layer
+ OCR of the image areas, `open_document`: where a PDF spends its reading time) `--runs`
times in this process, OCR engine warmed once; medians are reported in seconds per page, and
for comparison the cost of reading the same pages with whole-page OCR (the rule a page with
any image would otherwise need). Not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "services" / "tests"))

TEXT = (
    "Thank you for your letter regarding the contract renewal.",
    "The enclosed documents describe the terms agreed between the parties.",
    "Please keep this notice with your records for future reference.",
    "Payment is due within thirty days of the invoice date.",
)


def _picture(lines: list[str], size: tuple[int, int]) -> Any:
    from PIL import Image, ImageDraw

    import scans

    image = Image.new("RGB", size, (246, 246, 246))
    draw = ImageDraw.Draw(image)
    face = scans.font("DejaVuSans.ttf", 34)
    for row, line in enumerate(lines):
        draw.text((16, 14 + 58 * row), line, font=face, fill=(25, 25, 25))
    return image


def _make(path: Path, pages: int, images: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    import docsamples as d

    signature = _picture(
        ["Signed by Maria Gonzalez", "maria.gonzalez@example.org", "Phone +44 20 7946 0018"],
        (900, 190),
    )
    photo = _picture([*TEXT, "Contact Peter Lindqvist on (212) 555-0147."] * 2, (1500, 1000))
    writer = PdfWriter()
    for n in range(pages):
        placed: list[tuple[Any, tuple[float, float, float, float]]] = []
        if images in ("small", "both"):
            placed.append((signature, (72.0, 120.0, 216.0, 45.6)))
        if images == "both":
            placed.append((photo, (72.0, 300.0, 450.0, 300.0)))
        lines = [(72.0, 720.0 - 18 * i, 11.0, t, 100.0) for i, t in enumerate(TEXT)]
        one = d.make_pdf_with_images(path.with_suffix(f".{n}.pdf"), (612, 792), lines, placed)
        writer.add_page(PdfReader(one).pages[0])
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _read_seconds(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds (all threads: onnxruntime runs several) to open `path`."""
    from redacta.documents import open_document

    started, cpu = time.perf_counter(), time.process_time()
    open_document(path).close()
    return time.perf_counter() - started, time.process_time() - cpu


def _whole_page_seconds(path: Path) -> tuple[float, float]:
    """The same pages read with OCR of the whole page (text layer kept, as for a scan)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from redacta.documents.pdf import _glyphs, _ocr_glyphs

    pdf = pdfium.PdfDocument(str(path))
    started, cpu = time.perf_counter(), time.process_time()
    try:
        for page in pdf:
            _text, glyphs = _glyphs(page, page.get_textpage())
            _ocr_glyphs(page, 150 / 72, glyphs)
    finally:
        pdf.close()
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import numpy as np

    from redacta.documents.ocr import read_page

    read_page(np.full((64, 64, 3), 255, np.uint8))  # the networks load once per process
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            kind: _make(folder / f"{kind}.pdf", args.pages, kind)
            for kind in ("none", "small", "both")
        }
        rows = []
        for kind, path in files.items():
            read = [_read_seconds(path) for _ in range(args.runs)]
            whole = [_whole_page_seconds(path) for _ in range(args.runs)]
            rows.append(
                (
                    kind,
                    *(statistics.median(r[i] for r in read) / args.pages for i in (0, 1)),
                    *(statistics.median(w[i] for w in whole) / args.pages for i in (0, 1)),
                )
            )
    print(f"{args.pages} pages, medians of {args.runs} runs, seconds per page (wall / CPU)")
    print("| images on each page | read: text layer + image areas | whole-page OCR instead |")
    print("| --- | ---: | ---: |")
    names = {
        "none": "none",
        "small": "one 216x46 pt signature",
        "both": "signature + 450x300 pt picture",
    }
    for kind, wall, cpu, whole_wall, whole_cpu in rows:
        print(f"| {names[kind]} | {wall:.2f} / {cpu:.2f} | {whole_wall:.2f} / {whole_cpu:.2f} |")


if __name__ == "__main__":
    main()
