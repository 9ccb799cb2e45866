"""`.xlsx`: string cell values on every sheet; formulas are left alone and counted.

Trade-off (openpyxl): charts and images are not kept by openpyxl when it saves; the note in
the result says so when the workbook had drawings, so the user is never surprised.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from redacta.documents.errors import CorruptFileError, EncryptedFileError
from redacta.documents.limits import DocumentLimits, check_office_zip
from redacta.documents.model import DocumentOptions, DocumentResult, TextRedactor, redact_rows


def redact_xlsx_file(
    src: Path, dst: Path, redactor: TextRedactor, options: DocumentOptions
) -> DocumentResult:
    check_office_zip(src, DocumentLimits(), "xl/workbook.xml")
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(src), keep_links=True, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if "encrypt" in str(exc).lower():
            raise EncryptedFileError("Workbook is password-protected.") from None
        raise CorruptFileError(f"Cannot read the workbook ({type(exc).__name__}).") from None

    rows: list[list[Any]] = []
    comments: list[Any] = []
    links: list[Any] = []
    formulas = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            texts = []
            for cell in row:
                if cell.data_type == "f":
                    formulas += 1
                elif isinstance(cell.value, str) and cell.value.strip():
                    texts.append(cell)
                if cell.comment is not None and cell.comment.text:
                    comments.append(cell)
                if cell.hyperlink is not None and cell.hyperlink.target:
                    links.append(cell)
            if texts:
                rows.append(texts)
    groups = [[c.value for c in row] for row in rows]
    groups += [[c.comment.text] for c in comments] + [[c.hyperlink.target] for c in links]
    redacted = redact_rows(redactor, groups)
    keep = options.include_values
    cells = [cell for row in rows for cell in row]
    by_cell = [red for reds in redacted[: len(rows)] for red in reds]
    extra = [reds[0] for reds in redacted[len(rows) :]]
    by_comment, by_link = extra[: len(comments)], extra[len(comments) :]
    result = DocumentResult(units=len(cells) + len(comments) + len(links))
    for cell, red in zip(cells, by_cell, strict=True):
        if red.replacements:
            result.add(red, f"{cell.parent.title}!{cell.coordinate}", include_values=keep)
            cell.value = red.text
    for cell, red in zip(comments, by_comment, strict=True):
        if red.replacements:
            result.add(red, f"{cell.parent.title}!{cell.coordinate} (comment)", include_values=keep)
            cell.comment.text = red.text
        cell.comment.author = ""
    for cell, red in zip(links, by_link, strict=True):
        if red.replacements:
            result.add(red, f"{cell.parent.title}!{cell.coordinate} (link)", include_values=keep)
            cell.hyperlink.target = red.text
    props = workbook.properties
    if props.creator or props.lastModifiedBy:
        props.creator, props.lastModifiedBy = None, None
        result.notes.append("Author names removed from the workbook's metadata.")
    if formulas:
        result.notes.append(f"{formulas} formula cell(s) left unchanged (not analyzed).")
    with zipfile.ZipFile(src) as zf:
        if any(n.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for n in zf.namelist()):
            result.notes.append("Charts, images and drawings are not kept in the output.")
    workbook.save(str(dst))
    return result
