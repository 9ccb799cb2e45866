"""`.xlsx`: string cell values on every sheet; formulas are left alone and counted.

Trade-off (openpyxl): charts and images are not kept by openpyxl when it saves; the note in
the result says so when the workbook had drawings, so the user is never surprised.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redacta.documents.errors import CorruptFileError, EncryptedFileError
from redacta.documents.limits import check_office_zip
from redacta.documents.model import DocumentOptions, Extraction, RedactedText, TextUnit
from redacta.engine.recognizers.table import header_type


class WorkbookExtraction(Extraction):
    """Every string cell of every sheet (analyzed row by row, typed by the first row's
    header of its column), then cell comments and link targets."""

    kind = "table"

    def __init__(self, src: Path, workbook: Any) -> None:
        self.src, self.workbook = src, workbook
        self.targets: list[tuple[str, Any]] = []  # ("cell" | "comment" | "link", cell)
        units: list[TextUnit] = []
        comments: list[Any] = []
        links: list[Any] = []
        formulas = 0
        group = 0
        for sheet in workbook.worksheets:
            headers: dict[int, str] = {}
            for row in sheet.iter_rows():
                group += 1
                for cell in row:
                    if cell.data_type == "f":
                        formulas += 1
                    elif isinstance(cell.value, str) and cell.value.strip():
                        if cell.row == 1:
                            headers[cell.column] = cell.value.strip()
                        header = headers.get(cell.column) if cell.row > 1 else None
                        self.targets.append(("cell", cell))
                        units.append(
                            TextUnit(
                                cell.value,
                                f"{sheet.title}!{cell.coordinate}",
                                part="cell",
                                sheet=sheet.title,
                                row=cell.row,
                                column=cell.column,
                                column_header=header,
                                group=group,
                                column_type=header_type(header) if header else None,
                            )
                        )
                    if cell.comment is not None and cell.comment.text:
                        comments.append(cell)
                    if cell.hyperlink is not None and cell.hyperlink.target:
                        links.append(cell)
        for kind, cells in (("comment", comments), ("link", links)):
            for cell in cells:
                text = cell.comment.text if kind == "comment" else cell.hyperlink.target
                self.targets.append((kind, cell))
                units.append(
                    TextUnit(
                        text,
                        f"{cell.parent.title}!{cell.coordinate} ({kind})",
                        part="note" if kind == "comment" else "link",
                        sheet=cell.parent.title,
                        row=cell.row,
                        column=cell.column,
                    )
                )
        notes = [f"{formulas} formula cell(s) left unchanged (not analyzed)."] if formulas else []
        super().__init__(units, notes)
        self.sheets = [sheet.title for sheet in workbook.worksheets]

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        notes: list[str] = []
        for (kind, cell), red in zip(self.targets, redacted, strict=True):
            if kind == "comment":
                cell.comment.author = ""
            if not red.replacements:
                continue
            if kind == "cell":
                cell.value = red.text
            elif kind == "comment":
                cell.comment.text = red.text
            else:
                cell.hyperlink.target = red.text
        props = self.workbook.properties
        if props.creator or props.lastModifiedBy:
            props.creator, props.lastModifiedBy = None, None
            notes.append("Author names removed from the workbook's metadata.")
        with zipfile.ZipFile(self.src) as zf:
            if any(
                n.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for n in zf.namelist()
            ):
                notes.append("Charts, images and drawings are not kept in the output.")
        self.workbook.save(str(dst))
        return notes


def read_xlsx_file(src: Path, options: DocumentOptions) -> WorkbookExtraction:
    check_office_zip(src, options.limits, "xl/workbook.xml")
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(src), keep_links=True, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if "encrypt" in str(exc).lower():
            raise EncryptedFileError("Workbook is password-protected.") from None
        raise CorruptFileError(f"Cannot read the workbook ({type(exc).__name__}).") from None
    return WorkbookExtraction(src, workbook)
