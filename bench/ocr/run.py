"""OCR benchmark on generated scans: word accuracy, PII recall, false boxes, seconds per page.

Pages come from `services/tests/scans.py`: an A4 letter with planted personal data (names,
dates, phone, e-mail, IBAN) in four DejaVu fonts. Sets:

- clean-150 / clean-300: straight pages at 150 and 300 dpi;
- degraded: 150 dpi on grey paper, turned by 90/180/270 degrees or skewed by 2 degrees,
  blurred and saved as JPEG quality 35;
- pdf: two-page image-only PDFs (Pillow writes the pages as JPEG images), 150 dpi;
- screen-96: straight pages at 96 dpi, the size of text in a screenshot taken at 100 %
  (10-12 pt is 13-16 px).

Each page goes through `redact_document` (OCR -> the one analysis/redaction pipeline ->
painting), exactly as the CLI and jobs run it. Measured per set:

- OCR word accuracy: share of the page's words OCR read exactly (multiset match);
- PII recall: share of planted values whose every word's area is painted in the output;
- false-box rate: share of the other words painted (names of places the analysis took for
  PII count here too);
- seconds per page: wall time of `redact_document` per page (median over runs), and the
  process CPU seconds (all threads), since the machine is shared.

Run: `services/.venv/bin/python bench/ocr/run.py --runs 3` (prints a markdown table).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "services" / "tests"))
sys.path.insert(0, str(ROOT / "services" / "src"))

from PIL import Image  # noqa: E402

import scans  # noqa: E402

FONTS = scans.FONTS
SIZES = (10.0, 11.0, 12.0, 12.0)


@dataclass
class Tally:
    pages: int = 0
    words: int = 0
    words_read: int = 0
    values: int = 0
    values_covered: int = 0
    others: int = 0
    others_covered: int = 0
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, page: scans.Page, ocr_text: str, redacted: Image.Image) -> None:
        truth = Counter(page.words)
        self.words += sum(truth.values())
        self.words_read += sum((truth & Counter(ocr_text.split())).values())
        cover = scans.coverage(page, redacted)
        self.pages += 1
        self.values += cover.values
        self.values_covered += cover.values_covered
        self.others += cover.other_words
        self.others_covered += cover.other_covered


def _pages(name: str) -> list[tuple[scans.Page, dict[str, object]]]:
    """(original page, how to degrade it) for every page of set `name`."""
    out: list[tuple[scans.Page, dict[str, object]]] = []
    for index, (font, size) in enumerate(zip(FONTS, SIZES, strict=True)):
        seed = 100 + index
        if name in ("clean-150", "pdf"):
            out.append((scans.letter(seed, font_name=font, points=size), {}))
        elif name == "clean-300":
            out.append((scans.letter(seed, font_name=font, points=size, dpi=300), {}))
        elif name == "screen-96":
            out.append((scans.letter(seed, font_name=font, points=size, dpi=96), {}))
        else:
            page = scans.letter(seed, font_name=font, points=size, paper=225)
            turn = (90, 180, 270, 0)[index]
            out.append((page, {"turn": turn, "angle": 2.0 if not turn else 0.0}))
    return out


def _degrade(page: scans.Page, how: dict[str, object]) -> scans.Page:
    turn = int(how.get("turn", 0))  # type: ignore[call-overload]
    if turn:
        page = scans.turned(page, turn)
    if how:
        page = scans.degrade(page, angle=float(how.get("angle", 0.0)), blur=0.8, jpeg=35)  # type: ignore[arg-type]
    return page


def run_set(name: str, redactor: object, runs: int, work: Path) -> Tally:
    from redacta.documents import redact_document
    from redacta.documents.registry import open_document

    tally = Tally()
    for number, (page, how) in enumerate(_pages(name)):
        page = _degrade(page, how)
        if name == "pdf":
            src = work / f"{name}-{number}.pdf"
            page.image.save(src, save_all=True, append_images=[page.image], resolution=150)
        else:
            src = work / f"{name}-{number}.png"
            dpi = {"clean-300": 300, "screen-96": 96}.get(name, 150)
            page.image.save(src, dpi=(dpi, dpi))
        dst = work / f"out-{src.name}"
        for run in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            redact_document(src, dst, redactor)  # type: ignore[arg-type]
            pages = 2 if name == "pdf" else 1
            tally.seconds.append((time.perf_counter() - wall) / pages)
            tally.cpu.append((time.process_time() - cpu) / pages)
            if run:
                continue
            document = open_document(src)
            try:
                texts = [unit.text for unit in document.units]
            finally:
                document.close()
            if name == "pdf":
                import pypdfium2 as pdfium  # type: ignore[import-untyped]

                pdf = pdfium.PdfDocument(str(dst))
                images = [
                    p.render(scale=150 / 72).to_pil().convert("RGB").crop((0, 0, *page.image.size))
                    for p in pdf
                ]
                pdf.close()
            else:
                images = [Image.open(dst).convert("RGB")]
            for text, image in zip(texts, images, strict=True):
                tally.add(page, text, image)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--sets", nargs="*", default=["clean-150", "clean-300", "degraded", "pdf", "screen-96"]
    )
    args = parser.parse_args()

    import os

    os.environ.setdefault("REDACTA_TEST_ENV", "1")
    from redacta.engine import Engine
    from redacta.redaction.pipeline import Redactor
    from redacta.settings import Settings

    engine = Engine.create(Settings())
    redactor = Redactor(engine, salt=b"s" * 32)
    print(
        "| set | pages | OCR word accuracy | PII recall | false-box rate "
        "| s/page wall (median) | CPU s/page (median) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            t = run_set(name, redactor, args.runs, Path(tmp))
            print(
                f"| {name} | {t.pages} | {t.words_read / t.words:.3f} "
                f"| {t.values_covered / t.values:.3f} ({t.values_covered}/{t.values}) "
                f"| {t.others_covered / t.others:.3f} ({t.others_covered}/{t.others}) "
                f"| {statistics.median(t.seconds):.1f} | {statistics.median(t.cpu):.1f} |",
                flush=True,
            )
    engine.close()


if __name__ == "__main__":
    main()
