"""Small documents made on the fly for the frozen document-job test, and their text back."""

from __future__ import annotations

import io

from texts import TEXTS

PDF_LINES = (
    "Contact John Smith at john.smith@example.com",
    "or call +1 (212) 555-0147 about the Boston office.",
)


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    for name in ("contact", "uk_health"):
        document.add_paragraph(TEXTS[name])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "note"])
    sheet.append(["Mary O'Connor", TEXTS["finance"]])
    sheet.append(["José Álvarez", TEXTS["unicode"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_pdf() -> bytes:
    """A one-page PDF with real text (Helvetica), written by hand: no PDF writer needed."""
    text_ops = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({line}) Tj T*" for line in PDF_LINES)
    stream = text_ops + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def text_of(name: str, data: bytes) -> str:
    """The visible text of a document, to compare two redacted copies."""
    if name.endswith(".docx"):
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if name.endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            "\t".join("" if cell is None else str(cell) for cell in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if name.endswith(".pdf"):
        import pypdfium2

        pdf = pypdfium2.PdfDocument(data)
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    return data.decode("utf-8")


def documents() -> dict[str, bytes]:
    """File name → content of every document the test uploads."""
    return {
        "letter.docx": make_docx(),
        "people.xlsx": make_xlsx(),
        "scan.pdf": make_pdf(),
        "notes.txt": TEXTS["network"].encode("utf-8"),
    }
