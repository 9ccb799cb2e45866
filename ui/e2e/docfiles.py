"""Builds the documents the review end-to-end tests upload, and reads back what the app wrote.

Run with the backend's Python (python-docx, openpyxl, pypdf and pypdfium2 are its own
dependencies), so the test reads each output with the same kind of parser a user's Word,
Excel or PDF reader would use, not with the code that wrote it:

    python docfiles.py make DIR               writes review.docx, review.xlsx, review.pdf
    python docfiles.py scan TIFF PAGES        writes a multi-page TIFF of generated scanned letters
    python docfiles.py locate PDF WORD        {"page", "box"}: where WORD is, in PDF points
    python docfiles.py unzip ZIP DIR          extracts ZIP into DIR; {"names": its members}
    python docfiles.py read FILE [PAGE X0 Y0 X1 Y1]
        {"text": every text of the file (for PDFs also "raw": its bytes as Latin-1),
         "dark": share of dark pixels in the box}
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

# The backend tests' document builders (services/tests/docsamples.py): one PDF writer for both.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services" / "tests"))
import docsamples

KEPT = "John Smith"  # found by the engine; the test rejects it, so it must stay
ADDED = "zorbulax"  # not found by the engine; the test adds it, so it must go
OTHERS = ("Mary Johnson", "john.smith@example.com")  # found and accepted: must go
LINES = (
    f"Contact {KEPT} at john.smith@example.com about the renewal.",
    "The quarterly invoice was approved without changes.",
    f"Escalations go to Mary Johnson. Ticket owner: {ADDED}.",
)


def make_docx(path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph(LINES[0])
    doc.add_paragraph(LINES[1])
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Escalations go to Mary Johnson."
    table.cell(0, 1).text = f"Ticket owner: {ADDED}."
    doc.save(str(path))


def make_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "People"
    ws.append(["name", "email", "note"])
    ws.append([KEPT, "john.smith@example.com", "Renewal approved"])
    ws.append(["Mary Johnson", "mary.johnson@example.org", f"Ticket owner: {ADDED}"])
    wb.save(str(path))


def make_pdf(path: Path) -> None:
    """One Letter page with a real text layer, one line per string, in a larger type than the
    backend tests' samples so that boxes are easy to hit and to check for dark pixels."""
    docsamples.make_pdf(path, [list(LINES)], font_size=14, leading=28)


def make_scan(path: Path, pages: int) -> None:
    """A multi-page TIFF of scanned letters with planted PII (services/tests/scans.py)."""
    import scans

    images = [scans.letter(40 + n, points=12).image for n in range(pages)]
    images[0].save(path, save_all=True, append_images=images[1:], dpi=(150, 150))


def locate(path: Path, word: str) -> dict[str, object]:
    """The box of `word`'s first occurrence, in points from the page's top-left."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(pdf, start=1):
            text = page.get_textpage()
            found = text.search(word)
            hit = found.get_next()
            if hit is None:
                continue
            first, count = hit
            boxes = [text.get_charbox(i) for i in range(first, first + count)]
            height = page.get_height()
            left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
            right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
            return {"page": number, "box": [left, height - top, right, height - bottom]}
    finally:
        pdf.close()
    raise SystemExit(f"{word!r} is not in {path.name}")


def _dark_share(path: Path, page_number: int, box: list[float]) -> float:
    """Share of dark pixels inside `box` (points, top-left origin) of the rendered page."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_number - 1]
        scale = 2.0
        bitmap = page.render(scale=scale, grayscale=True)
        data = bytes(bitmap.buffer)
        x0, y0, x1, y1 = (round(v * scale) for v in box)
        pixels = [
            data[y * bitmap.stride + x * bitmap.n_channels]
            for y in range(max(0, y0), min(bitmap.height, y1))
            for x in range(max(0, x0), min(bitmap.width, x1))
        ]
        return sum(1 for p in pixels if p < 80) / max(1, len(pixels))
    finally:
        pdf.close()


def read(path: Path, region: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    if path.suffix in (".csv", ".tsv", ".txt"):
        out["text"] = path.read_text(encoding="utf-8")
    elif path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as zf:
            out["text"] = "\n".join(
                zf.read(n).decode("utf-8", "replace")
                for n in zf.namelist()
                if n.endswith((".xml", ".rels"))
            )
    else:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            out["text"] = "\n".join(p.get_textpage().get_text_range() for p in pdf)
        finally:
            pdf.close()
        out["raw"] = path.read_bytes().decode("latin-1")
        if region:
            page, *box = region
            out["dark"] = _dark_share(path, int(page), [float(v) for v in box])
    return out


def unzip(path: Path, folder: Path) -> dict[str, object]:
    """Extracts the archive (zipfile refuses members that would land outside `folder`) after
    checking it is whole, and lists its members."""
    with zipfile.ZipFile(path) as zf:
        if (bad := zf.testzip()) is not None:
            raise SystemExit(f"{bad!r} is damaged in {path.name}")
        zf.extractall(folder)
        return {"names": zf.namelist()}


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "make":
        folder = Path(args[0])
        make_docx(folder / "review.docx")
        make_xlsx(folder / "review.xlsx")
        make_pdf(folder / "review.pdf")
        result: object = {"made": ["review.docx", "review.xlsx", "review.pdf"]}
    elif command == "scan":
        make_scan(Path(args[0]), int(args[1]))
        result = {"made": [Path(args[0]).name]}
    elif command == "locate":
        result = locate(Path(args[0]), args[1])
    elif command == "unzip":
        result = unzip(Path(args[0]), Path(args[1]))
    elif command == "read":
        result = read(Path(args[0]), args[1:])
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
