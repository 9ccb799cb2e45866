"""`.xlsx`: every text of the workbook a person can read goes through the one pipeline.

Units: string cells of every sheet (a row analyzed as one text, typed by the first row's
header), the string literals inside formulas (cells, array formulas, defined names, data
validation lists, conditional formats, table columns), auto filter values, cell comments,
link targets and tooltips, data validation messages, header and footer texts, sheet titles,
the document properties a user reads (title, subject, keywords, description, category,
status, identifier) and custom property values. Who wrote the file (creator, last editor,
comment authors) is cleared, not reviewed: it names a person whatever it says. openpyxl
writes a fresh `docProps/app.xml`, so its company and manager never reach the output.

Report locations name sheets by position ("sheet 2!B7"), defined names and custom
properties by number: a title or a name may itself be what the user asked to remove.

A redacted sheet title is made a valid title (no `[]:*?/\\`, at most 31 characters, unique)
and every formula, defined name, validation, conditional format and internal link that
referred to the old title is rewritten to the new one, so references keep working.

A link to another workbook keeps its path and sheet titles as units; the copy of that
workbook's cells it caches is cleared (it is another file's content, unseen by the review).

Pivot tables are dropped: their caches hold a copy of every source value (shared items and
records) that the pipeline does not see cell by cell; the pivot's last results stay on its
sheet as ordinary cells, which are redacted like any other.

Trade-off (openpyxl): charts and images are not kept by openpyxl when it saves; the note in
the result says so when the workbook had drawings, so the user is never surprised. Formulas
lose their cached results (Excel recomputes them on open), which also drops any value a
formula had computed from redacted text.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redacta.documents.errors import RESAVE, CorruptFileError, EncryptedFileError
from redacta.documents.limits import check_office_zip
from redacta.documents.model import DocumentOptions, Extraction, RedactedText, TextUnit
from redacta.engine.recognizers.table import header_type

PROPERTY_FIELDS = (
    "title",
    "subject",
    "keywords",
    "description",
    "category",
    "contentStatus",
    "identifier",
)
"""Core properties that hold text a user wrote about the document: reviewed like cells."""
AUTHOR_FIELDS = ("creator", "lastModifiedBy")
"""Core properties that name who touched the file: cleared."""
HEADER_FOOTERS = (
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
)
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_TITLE = 31


@dataclass
class _Formula:
    """A formula split into tokens: its string literals are units, and its sheet references
    follow renamed sheets. `prefix` is "=" for cell formulas and "" for the formula-like
    texts of names, validations and links."""

    items: list[Any] | None
    original: str
    prefix: str
    store: Callable[[str], None]
    literals: dict[int, str] = field(default_factory=dict)  # token index -> new literal text

    def render(self, renamed: dict[str, str]) -> str:
        if self.items is None:  # not tokenizable: the whole text was one unit
            return self.literals.get(-1, self.original)
        out: list[str] = []
        for i, item in enumerate(self.items):
            value = str(item.value)
            if i in self.literals:
                value = '"' + self.literals[i].replace('"', '""') + '"'
            elif item.type == "OPERAND" and item.subtype == "RANGE" and renamed:
                value = _renamed_reference(value, renamed)
            out.append(value)
        return self.prefix + "".join(out)


def _unquote(sheet: str) -> str:
    if len(sheet) >= 2 and sheet.startswith("'") and sheet.endswith("'"):
        return sheet[1:-1].replace("''", "'")
    return sheet


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _renamed_reference(reference: str, renamed: dict[str, str]) -> str:
    """`'Old'!A1` (or `Old!A1`, `Old:Other!A1`) with renamed sheets; other text unchanged."""
    if "!" not in reference or reference.startswith("["):
        return reference
    sheets, _, cells = reference.rpartition("!")
    names = _unquote(sheets).split(":")  # ":" cannot be part of a title: a 3-D reference
    if not any(name in renamed for name in names):
        return reference
    return _quote(":".join(renamed.get(name, name) for name in names)) + "!" + cells


def _valid_title(text: str, taken: set[str]) -> str:
    """`text` made a sheet title Excel accepts, unique among `taken` (case-insensitive)."""
    title = _BAD_TITLE.sub("_", text).strip("'").strip() or "Sheet"
    title = title[:MAX_TITLE]
    candidate, n = title, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = title[: MAX_TITLE - len(suffix)] + suffix
    return candidate


class WorkbookExtraction(Extraction):
    """The workbook's readable texts as units (see the module docstring), each with the
    function that writes its redacted text back."""

    kind = "table"

    def __init__(self, src: Path, workbook: Any) -> None:
        self.src, self.workbook = src, workbook
        self.sheets = [sheet.title for sheet in workbook.worksheets]
        self._places = {id(s): f"sheet {n}" for n, s in enumerate(workbook.worksheets, 1)}
        self.writers: list[Callable[[str], None]] = []
        self.formulas: list[_Formula] = []
        self.new_titles: dict[str, str] = {}
        self._units: list[TextUnit] = []
        self.commented: list[Any] = []
        group = 0
        later: list[tuple[str, Any]] = []  # ("comment" | "link" | "tooltip", cell)
        for sheet in workbook.worksheets:
            headers: dict[int, str] = {}
            for row in sheet.iter_rows():
                group += 1
                for cell in row:
                    self._cell(sheet, cell, headers, group)
                    if cell.comment is not None:
                        self.commented.append(cell)
                        if cell.comment.text:
                            later.append(("comment", cell))
                    if cell.hyperlink is not None:
                        if cell.hyperlink.target:
                            later.append(("link", cell))
                        if cell.hyperlink.tooltip:
                            later.append(("tooltip", cell))
                        if cell.hyperlink.location:
                            self._formula(
                                cell.hyperlink.location,
                                "",
                                _setter(cell.hyperlink, "location"),
                                None,
                            )
        for kind, cell in later:
            self._cell_extra(kind, cell)
        for sheet in workbook.worksheets:
            self._sheet_parts(sheet)
        self._workbook_parts()
        super().__init__(self._units)

    def _add(self, unit: TextUnit, write: Callable[[str], None]) -> None:
        self._units.append(unit)
        self.writers.append(write)

    def _cell(self, sheet: Any, cell: Any, headers: dict[int, str], group: int) -> None:
        from openpyxl.worksheet.formula import ArrayFormula

        where = f"{self._place(sheet)}!{cell.coordinate}"
        if isinstance(cell.value, ArrayFormula) and cell.value.text:
            self._formula(
                str(cell.value.text), "", _setter(cell.value, "text"), (where, sheet, cell, group)
            )
        elif cell.data_type == "f" and isinstance(cell.value, str):
            self._formula(cell.value, "", _setter(cell, "value"), (where, sheet, cell, group))
        elif isinstance(cell.value, str) and cell.value.strip():
            if cell.row == 1:
                headers[cell.column] = cell.value.strip()
            header = headers.get(cell.column) if cell.row > 1 else None
            self._add(
                TextUnit(
                    cell.value,
                    where,
                    part="cell",
                    sheet=sheet.title,
                    row=cell.row,
                    column=cell.column,
                    column_header=header,
                    group=group,
                    column_type=header_type(header) if header else None,
                ),
                _setter(cell, "value"),
            )

    def _cell_extra(self, kind: str, cell: Any) -> None:
        owner, attr = {
            "comment": (cell.comment, "text"),
            "link": (cell.hyperlink, "target"),
            "tooltip": (cell.hyperlink, "tooltip"),
        }[kind]
        self._add(
            TextUnit(
                getattr(owner, attr),
                f"{self._place(cell.parent)}!{cell.coordinate} ({kind})",
                part={"comment": "note", "tooltip": "link"}.get(kind, kind),
                sheet=cell.parent.title,
                row=cell.row,
                column=cell.column,
            ),
            _setter(owner, attr),
        )

    def _formula(
        self,
        text: str,
        prefix: str,
        store: Callable[[str], None],
        cell: tuple[str, Any, Any, int] | None,
        where: str = "",
        sheet: str | None = None,
    ) -> None:
        """Make units of the string literals in `text` (a formula when it starts with "=")."""
        from openpyxl.formula.tokenizer import Tokenizer, TokenizerError

        body = text[1:] if text.startswith("=") else text
        prefix = "=" if text.startswith("=") else prefix
        try:
            items: list[Any] | None = Tokenizer("=" + body).items
        except TokenizerError:
            items = None
        formula = _Formula(items, text, prefix, store)
        self.formulas.append(formula)
        location = cell[0] if cell else where
        literals = (
            [(-1, text)]
            if items is None
            else [
                (i, str(t.value)[1:-1].replace('""', '"'))
                for i, t in enumerate(items)
                if t.type == "OPERAND" and t.subtype == "TEXT" and len(str(t.value)) > 2
            ]
        )
        for index, literal in literals:
            if not literal.strip():
                continue

            def keep(new: str, index: int = index) -> None:
                formula.literals[index] = new

            self._add(
                TextUnit(
                    literal,
                    f"{location} (formula)" if location else "formula",
                    part="formula",
                    sheet=cell[1].title if cell else sheet,
                    row=cell[2].row if cell else None,
                    column=cell[2].column if cell else None,
                    group=cell[3] if cell else None,
                ),
                keep,
            )

    def _place(self, sheet: Any) -> str:
        return self._places[id(sheet)]

    def _sheet_parts(self, sheet: Any) -> None:
        title, place = sheet.title, self._place(sheet)
        for name in HEADER_FOOTERS:
            item = getattr(sheet, name)
            for side in ("left", "center", "right"):
                part = getattr(item, side)
                if part.text and part.text.strip():
                    self._add(
                        TextUnit(
                            part.text,
                            f"{place} ({name} {side})",
                            part="header" if "Header" in name else "footer",
                            sheet=title,
                        ),
                        _setter(part, "text"),
                    )
        for validation in sheet.data_validations.dataValidation:
            where = f"{place}!{validation.sqref} (validation)"
            for attr in ("promptTitle", "prompt", "errorTitle", "error"):
                if getattr(validation, attr):
                    self._add(
                        TextUnit(getattr(validation, attr), where, part="validation", sheet=title),
                        _setter(validation, attr),
                    )
            for attr in ("formula1", "formula2"):
                if getattr(validation, attr):
                    self._formula(
                        getattr(validation, attr), "", _setter(validation, attr), None, where, title
                    )
        filters = [sheet.auto_filter, *(t.autoFilter for t in sheet.tables.values())]
        for auto_filter in filters:
            for column in auto_filter.filterColumn if auto_filter is not None else ():
                self._filter_values(column, f"{place} (filter)", title)
        for table in sheet.tables.values():
            for column in table.tableColumns:
                if column.calculatedColumnFormula is not None:
                    formula = column.calculatedColumnFormula
                    self._formula(
                        str(formula.attr_text),
                        "",
                        _setter(formula, "attr_text"),
                        None,
                        f"{place} (table formula)",
                        title,
                    )
        for formatting in sheet.conditional_formatting:
            for rule in formatting.rules:
                for i, text in enumerate(rule.formula or []):

                    def store(new: str, rule: Any = rule, i: int = i) -> None:
                        rule.formula[i] = new

                    self._formula(text, "", store, None, f"{place} (conditional format)", title)
        for number, name in enumerate(sheet.defined_names.values(), 1):
            self._defined_name(name, title, f"{place}, defined name {number}")
        self._add(
            TextUnit(title, f"{place} (title)", part="sheet_title", sheet=title),
            self._rename(title),
        )

    def _filter_values(self, column: Any, where: str, sheet: str) -> None:
        """The values an auto filter shows or compares with are copies of cells."""
        if column.filters is not None:
            values = column.filters.filter
            for i, value in enumerate(values):
                if isinstance(value, str) and value.strip():

                    def store(new: str, values: list[str] = values, i: int = i) -> None:
                        values[i] = new

                    self._add(TextUnit(value, where, part="filter", sheet=sheet), store)
        if column.customFilters is not None:
            for custom in column.customFilters.customFilter:
                if isinstance(custom.val, str) and custom.val.strip():
                    self._add(
                        TextUnit(custom.val, where, part="filter", sheet=sheet),
                        _setter(custom, "val"),
                    )

    def _rename(self, title: str) -> Callable[[str], None]:
        def rename(new: str) -> None:
            self.new_titles[title] = new

        return rename

    def _defined_name(self, name: Any, sheet: str | None, where: str) -> None:
        if name.attr_text:
            self._formula(name.attr_text, "", _setter(name, "attr_text"), None, where, sheet)
        if name.comment:
            self._add(
                TextUnit(name.comment, f"{where} (comment)", part="name", sheet=sheet),
                _setter(name, "comment"),
            )

    def _workbook_parts(self) -> None:
        for number, name in enumerate(self.workbook.defined_names.values(), 1):
            self._defined_name(name, None, f"defined name {number}")
        props = self.workbook.properties
        for attr in PROPERTY_FIELDS:
            value = getattr(props, attr)
            if isinstance(value, str) and value.strip():
                self._add(
                    TextUnit(value, f"document property {attr}", part="property"),
                    _setter(props, attr),
                )
        for number, link in enumerate(self.workbook._external_links, 1):
            self._external_link(link, f"external link {number}")
        for number, prop in enumerate(self.workbook.custom_doc_props, 1):
            if isinstance(prop.value, str) and prop.value.strip():
                self._add(
                    TextUnit(prop.value, f"custom property {number}", part="property"),
                    _setter(prop, "value"),
                )

    def _external_link(self, link: Any, where: str) -> None:
        """The path of a linked workbook, and its sheet titles, are units; references to a
        linked sheet whose title is redacted are not rewritten (the link must be pointed at
        the file again in Excel)."""
        if link.file_link is not None and link.file_link.Target:
            self._add(
                TextUnit(str(link.file_link.Target), where, part="link"),
                _setter(link.file_link, "Target"),
            )
        book = link.externalBook
        if book is not None and book.sheetNames is not None:
            titles = book.sheetNames.sheetName
            for i, title in enumerate(titles):

                def store(new: str, titles: list[str] = titles, i: int = i) -> None:
                    titles[i] = new

                unit = TextUnit(title, f"{where}, sheet {i + 1} (title)", part="sheet_title")
                self._add(unit, store)

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        notes: list[str] = []
        cached = 0
        for link in self.workbook._external_links:
            if link.externalBook is not None and link.externalBook.sheetDataSet is not None:
                link.externalBook.sheetDataSet = None
                cached += 1
        if cached:
            notes.append(
                f"Cached values of {cached} linked workbook(s) cleared; Excel reads them "
                "again when the links are updated."
            )
        for write, red in zip(self.writers, redacted, strict=True):
            if red.replacements:
                write(red.text)
        renamed = self._apply_titles()
        if renamed:
            notes.append(
                f"{len(renamed)} sheet title(s) redacted; formulas, names and links that "
                "referred to them use the new titles."
            )
        for formula in self.formulas:
            if formula.literals or renamed:
                new = formula.render(renamed)
                if new != formula.original:
                    formula.store(new)
        authors = 0
        for cell in self.commented:
            if cell.comment.author:
                cell.comment.author = ""
                authors += 1
        props = self.workbook.properties
        authors += sum(1 for attr in AUTHOR_FIELDS if getattr(props, attr))
        for attr in AUTHOR_FIELDS:
            setattr(props, attr, None)
        if authors:
            notes.append(f"{authors} author name(s) removed from the workbook's metadata.")
        pivots = 0
        for sheet in self.workbook.worksheets:
            for table in sheet.tables.values():
                _match_table_headers(sheet, table)
            pivots += len(sheet._pivots)
            sheet._pivots = []
        if pivots:
            notes.append(
                f"{pivots} pivot table(s) not kept: their caches hold copies of the cells' "
                "values (their last results stay as plain cells)."
            )
        with zipfile.ZipFile(self.src) as zf:
            if any(
                n.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for n in zf.namelist()
            ):
                notes.append("Charts, images and drawings are not kept in the output.")
        self.workbook.save(str(dst))
        return notes

    def _apply_titles(self) -> dict[str, str]:
        """Give the sheets their redacted titles; old title -> new title of those renamed."""
        renamed: dict[str, str] = {}
        if not self.new_titles:
            return renamed
        taken = {
            s.title.lower() for s in self.workbook.worksheets if s.title not in self.new_titles
        }
        for sheet in self.workbook.worksheets:
            if sheet.title in self.new_titles:
                title = _valid_title(self.new_titles[sheet.title], taken)
                taken.add(title.lower())
                if title != sheet.title:
                    renamed[sheet.title] = title
                    sheet.title = title
        return renamed


def _match_table_headers(sheet: Any, table: Any) -> None:
    """A table's column names repeat its header cells; a redacted header cell renames its
    column, or Excel would show (and repair) the old text."""
    from openpyxl.utils import range_boundaries

    if table.headerRowCount == 0:
        return
    min_col, min_row, _, _ = range_boundaries(table.ref)
    for offset, column in enumerate(table.tableColumns):
        value = sheet.cell(row=min_row, column=min_col + offset).value
        if isinstance(value, str) and value != column.name:
            column.name = value


def _setter(owner: Any, attr: str) -> Callable[[str], None]:
    def store(new: str) -> None:
        setattr(owner, attr, new)

    return store


def read_xlsx_file(src: Path, options: DocumentOptions) -> WorkbookExtraction:
    check_office_zip(src, options.limits, "xl/workbook.xml")
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(src), keep_links=True, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if "encrypt" in str(exc).lower():
            raise EncryptedFileError(
                "Workbook is password-protected; remove the password first."
            ) from None
        raise CorruptFileError(
            f"Cannot read the workbook ({type(exc).__name__}); {RESAVE}"
        ) from None
    return WorkbookExtraction(src, workbook)
