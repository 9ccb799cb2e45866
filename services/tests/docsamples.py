"""Builders of sample documents with known PII, shared by the document, job and CLI tests
(and the documents benchmark). Every file is created by the tests, nothing is checked in."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject

NAME = "John Smith"
NAME2 = "Mary Johnson"
EMAIL = "john.smith@example.com"
EMAIL2 = "mary.johnson@example.org"
IBAN = "GB82 WEST 1234 5698 7654 32"
PII = (NAME, EMAIL, NAME2, EMAIL2)
FILLER = "The quarterly invoice was approved without changes."


def text_body() -> str:
    return (
        f"Meeting notes\n\nContact {NAME} at {EMAIL} about the renewal.\n"
        f"{FILLER}\nEscalations go to {NAME2} ({EMAIL2}).\n"
    )


def make_text(path: Path, encoding: str = "utf-8", extra: str = "") -> Path:
    path.write_bytes((text_body() + extra).encode(encoding))
    return path


def make_text_folder(path: Path, files: int, repeats: int) -> Path:
    """A new folder of `files` text samples `f00.txt`, `f01.txt`, ..., each with the body
    `repeats` more times: enough work for a job to be caught while it runs."""
    path.mkdir()
    for i in range(files):
        make_text(path / f"f{i:02}.txt", extra=text_body() * repeats)
    return path


def make_csv(path: Path, delimiter: str = ",") -> Path:
    rows = [
        ["id", "name", "email", "note"],
        ["1", NAME, EMAIL, "Renewal approved"],
        ["2", NAME2, EMAIL2, "Sent the invoice"],
    ]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def make_json(path: Path) -> Path:
    path.write_text(
        '{\n  "customer": {\n    "name": "Contact ' + NAME + '",\n'
        '    "email": "' + EMAIL + '",\n    "visits": 3\n  },\n'
        '  "tags": ["renewal", "Escalate to ' + NAME2 + '"]\n}\n',
        encoding="utf-8",
    )
    return path


def make_jsonl(path: Path) -> Path:
    path.write_text(
        '{"msg": "Please call ' + NAME + ' tomorrow", "n": 1}\n'
        '{"msg": "' + FILLER + '", "from": "' + EMAIL2 + '"}\n',
        encoding="utf-8",
    )
    return path


def make_docx(path: Path) -> Path:
    """Body paragraph with the name split over bold/italic runs, a table, header, footer."""
    import docx

    document = docx.Document()
    document.core_properties.author = NAME2
    document.core_properties.last_modified_by = NAME
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Prepared by {NAME2}"
    section.footer.paragraphs[0].text = f"Questions: {EMAIL2}"
    document.add_heading("Renewal memo", level=1)
    p = document.add_paragraph("Please contact ")
    first = p.add_run(NAME[:2])
    first.bold = True
    rest = p.add_run(NAME[2:])
    rest.italic = True
    p.add_run(" about the renewal. ")
    tail = p.add_run("Keep this sentence bold.")
    tail.bold = True
    document.add_paragraph(FILLER)
    _add_mail_link(document, document.add_paragraph("Mail: "), EMAIL, "write to us")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Email"
    table.cell(0, 1).text = f"Write to {EMAIL} today"
    table.cell(1, 0).text = "Status"
    table.cell(1, 1).text = "Approved"
    document.save(str(path))
    return path


def _add_mail_link(document: object, paragraph: object, email: str, label: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = document.part.relate_to(f"mailto:{email}", RT.HYPERLINK, is_external=True)  # type: ignore[attr-defined]
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = label
    run.append(text)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


def make_xlsx(path: Path) -> Path:
    import openpyxl
    import openpyxl.comments

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Name", "Email", "Amount"])
    ws.append([f"Contact {NAME}", EMAIL, 120])
    ws.append([f"Contact {NAME2}", EMAIL2, 80])
    ws["C4"] = "=SUM(C2:C3)"
    ws["D1"] = "Approved"
    ws["C2"].comment = openpyxl.comments.Comment(f"Checked with {NAME2} by phone.", NAME)
    wb.properties.creator = NAME
    ws["E1"] = "write to us"
    ws["E1"].hyperlink = f"mailto:{EMAIL2}"
    other = wb.create_sheet("Notes")
    other["A1"] = f"Escalate to {NAME2} if late."
    other["A2"] = FILLER
    wb.save(str(path))
    return path


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _helvetica_f1(writer: PdfWriter) -> DictionaryObject:
    """A page's font resources: Helvetica as /F1, one of the standard fonts every PDF reader
    has, so the samples embed none (WinAnsi: the samples' text is Latin-1)."""
    from pypdf.generic import DictionaryObject, NameObject

    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    return DictionaryObject({NameObject("/F1"): writer._add_object(font)})


def make_pdf(
    path: Path,
    pages: list[list[str]] | None = None,
    *,
    password: str | None = None,
    font_size: float = 12,
    leading: float = 20,
    left: float = 72,
    top: float = 720,
) -> Path:
    """A PDF with a real text layer (Helvetica text operators), one line per string: Letter
    pages, line i's baseline at `top - leading * i` points from the bottom, `left` from the
    left edge."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    pages = pages or [
        [f"Contact {NAME} at {EMAIL} about the renewal.", FILLER],
        [f"Escalations go to {NAME2}.", "Nothing else to report."],
    ]
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): _helvetica_f1(writer)}
        )
        ops = [
            f"BT /F1 {font_size:g} Tf {left:g} {top - leading * i:g} Td {_pdf_string(line)} Tj ET"
            for i, line in enumerate(lines)
        ]
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(content)
    if password:
        writer.encrypt(password, algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A 'scanned' PDF: drawing operators only, no text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    content = DecodedStreamObject()
    content.set_data(b"0 0 0 rg 72 600 300 100 re f")
    page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_zip_bomb_docx(path: Path, inflated_mb: int = 64) -> Path:
    """A .docx whose document part inflates ~1000x (tens of MB from a few KB)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                member.write(block)
    return path


def make_encrypted_office(path: Path) -> Path:
    """What Word writes for a password-protected file: an OLE container, not a zip."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    return path


def make_corrupt_docx(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    return path


def all_text_of_docx(path: Path) -> str:
    """Every XML part of the package, decoded: a value anywhere in the file is found."""
    with zipfile.ZipFile(path) as zf:
        return "\n".join(
            zf.read(n).decode("utf-8", "replace")
            for n in zf.namelist()
            if n.endswith((".xml", ".rels"))
        )


LEAK_NAME = "Ann Lee"
LEAK_EMAIL = "ann.lee@example.com"
LEAK_PHONE = "+44 20 7946 0958"
LEAKS = (LEAK_NAME, LEAK_EMAIL, LEAK_PHONE)
"""Values planted in the parts of a document beside its body text (titles, properties,
formulas, keys...): none may survive redaction anywhere in the file."""


def make_xlsx_parts(path: Path) -> Path:
    """A workbook whose PII sits outside string cells: a sheet title, formula literals,
    header/footer, data validation, defined names, a table header, a link tooltip, core,
    app and custom properties."""
    import openpyxl
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn
    from openpyxl.worksheet.table import Table, TableColumn, TableFormula

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = LEAK_NAME
    ws.append(["Item", "Amount", "Check"])
    ws.append(["Renewal", 120, f'=IF(A2="{LEAK_NAME}","VIP","standard")'])
    ws.append(["Invoice", 80, f'="Call "&"{LEAK_PHONE}"'])
    ws["D1"] = f"Owner {LEAK_NAME}"
    ws.add_table(Table(displayName="Clients", ref="A1:D3"))
    ws["A5"] = "Help"
    ws["A5"].hyperlink = "https://example.com/help"
    ws["A5"].hyperlink.tooltip = f"Ask {LEAK_EMAIL}"
    ws.oddHeader.center.text = f"Prepared by {LEAK_NAME}"
    ws.oddFooter.left.text = f"Questions: {LEAK_EMAIL}"
    validation = DataValidation(
        type="list",
        formula1=f'"{LEAK_NAME},{LEAK_EMAIL}"',
        prompt=f"Pick {LEAK_NAME} or another owner",
        promptTitle="Owner",
    )
    ws.add_data_validation(validation)
    validation.add("B5")
    summary = wb.create_sheet("Summary")
    summary["A1"] = "Total"
    summary["B1"] = f"=SUM('{LEAK_NAME}'!B2:B3)"
    summary["B2"] = f"='{LEAK_NAME}'!C2"
    summary.auto_filter.ref = "A1:B2"
    summary.auto_filter.add_filter_column(0, [LEAK_NAME])
    custom = CustomFilters(customFilter=[CustomFilter(val=LEAK_EMAIL)])
    summary.auto_filter.filterColumn.append(FilterColumn(colId=1, customFilters=custom))
    calc = wb.create_sheet("Calc")
    calc.append(["Who", "Flag"])
    calc.append(["Renewal", f'=IF(A2="{LEAK_NAME}",1,0)'])
    flag = TableFormula(attr_text=f'IF([@Who]="{LEAK_NAME}",1,0)')
    columns = [TableColumn(id=1, name="Who"), TableColumn(id=2, name="Flag")]
    columns[1].calculatedColumnFormula = flag
    calc.add_table(Table(displayName="Flags", ref="A1:B2", tableColumns=columns))
    wb.defined_names["Amounts"] = DefinedName("Amounts", attr_text=f"'{LEAK_NAME}'!$B$2:$B$3")
    wb.defined_names["Owner"] = DefinedName("Owner", attr_text=f'"{LEAK_EMAIL}"')
    props = wb.properties
    props.creator = LEAK_NAME
    props.lastModifiedBy = LEAK_NAME
    props.title = f"Salary review of {LEAK_NAME}"
    props.subject = f"Contact {LEAK_EMAIL}"
    props.keywords = f"{LEAK_NAME}, salary"
    props.description = f"Call {LEAK_NAME} on {LEAK_PHONE}"
    props.category = f"Owner {LEAK_EMAIL}"
    wb.custom_doc_props.append(StringProperty(name="Reviewer", value=f"Reviewed by {LEAK_NAME}"))
    wb.save(str(path))
    _set_app_properties(path, "docProps/app.xml")
    return path


def _set_app_properties(path: Path, member: str) -> None:
    """Put a company and a manager into the package's extended properties, as Office does."""
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Microsoft Office</Application>'
        f"<Manager>{LEAK_NAME}</Manager><Company>{LEAK_EMAIL}</Company></Properties>"
    )
    _rewrite_package(path, {member: app})


def all_parts_of_package(path: Path) -> str:
    """Every member of a zip package (XML or not), decoded leniently."""
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())


LEAK_NUMBER = "442079460958"
LEAK_CARD = "4111111111111111"


def make_json_parts(path: Path) -> Path:
    """PII where a JSON reader used to look away: an e-mail address and a name as object
    keys, a phone number and a card number stored as numbers."""
    path.write_text(
        "{\n"
        f'  "{LEAK_EMAIL}": {{\n'
        f'    "phone": {LEAK_NUMBER},\n'
        f'    "card": {LEAK_CARD},\n'
        '    "visits": 3,\n'
        '    "balance": -12.5e3,\n'
        '    "note": "Renewal approved"\n'
        "  },\n"
        f'  "{LEAK_NAME}": {{"active": true, "score": 0.75}},\n'
        '  "tags": ["renewal", 7, null]\n'
        "}\n",
        encoding="utf-8",
    )
    return path


def _read_members(path: Path, *names: str) -> list[str]:
    """The named members of a zip package, as text (UTF-8)."""
    with zipfile.ZipFile(path) as zf:
        return [zf.read(name).decode() for name in names]


def _rewrite_package(path: Path, change: dict[str, str]) -> None:
    """Replace or add members of a zip package (text members, UTF-8)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members.update({name: text.encode() for name, text in change.items()})
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="PNG")
    return out.getvalue()


def make_docx_parts(path: Path) -> Path:
    """A Word document whose PII sits outside its paragraphs: core, app and custom
    properties, a picture's alternative text, the comment people list, a custom XML part
    (as SharePoint writes), a glossary building block, and a thumbnail."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(FILLER)
    document.add_picture(io.BytesIO(_png()))
    props = document.core_properties
    props.author = LEAK_NAME
    props.last_modified_by = LEAK_NAME
    props.title = f"Salary review of {LEAK_NAME}"
    props.subject = f"Contact {LEAK_EMAIL}"
    props.keywords = f"{LEAK_NAME}, salary"
    props.comments = f"Call {LEAK_NAME} on {LEAK_PHONE}"
    props.category = f"Owner {LEAK_EMAIL}"
    props.content_status = f"Sent to {LEAK_NAME}"
    document.save(str(path))

    with zipfile.ZipFile(path) as zf:
        body = zf.read("word/document.xml").decode()
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
        doc_rels = zf.read("word/_rels/document.xml.rels").decode()
        items = [n for n in zf.namelist() if n.startswith("customXml/item") and "Props" not in n]
    body = body.replace(
        "<wp:docPr ", f'<wp:docPr descr="Photo of {LEAK_NAME}" title="{LEAK_EMAIL}" '
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="Reviewer"><vt:lpwstr>Reviewed by {LEAK_NAME}</vt:lpwstr></property></Properties>'
    )
    people = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{LEAK_NAME}"><w15:presenceInfo w15:providerId="AD" '
        f'w15:userId="{LEAK_EMAIL}"/></w15:person></w15:people>'
    )
    sharepoint = (
        '<?xml version="1.0" encoding="UTF-8"?><p:properties xmlns:p="http://schemas.microsoft'
        '.com/office/2006/metadata/properties"><documentManagement>'
        f"<Owner>{LEAK_NAME}</Owner><Phone>{LEAK_PHONE}</Phone></documentManagement></p:properties>"
    )
    glossary = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        'main"><w:docParts><w:docPart><w:docPartPr><w:name w:val="Signature"/></w:docPartPr>'
        f"<w:docPartBody><w:p><w:r><w:t>Call {LEAK_NAME} on {LEAK_PHONE}</w:t></w:r></w:p>"
        "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    _rewrite_package(
        path,
        {
            "word/document.xml": body,
            "docProps/custom.xml": custom,
            "word/people.xml": people,
            items[0]: sharepoint,
            "[Content_Types].xml": types.replace(
                "</Types>",
                '<Override PartName="/docProps/custom.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                '<Override PartName="/word/people.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>'
                '<Override PartName="/word/glossary/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
                "</Types>",
            ),
            "_rels/.rels": rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdCustom" Type="{rel}/custom-properties" '
                'Target="docProps/custom.xml"/></Relationships>',
            ),
            "word/_rels/document.xml.rels": doc_rels.replace(
                "</Relationships>",
                '<Relationship Id="rIdPeople" Type="http://schemas.microsoft.com/office/2011/'
                'relationships/people" Target="people.xml"/>'
                f'<Relationship Id="rIdGlossary" Type="{rel}/glossaryDocument" '
                'Target="glossary/document.xml"/></Relationships>',
            ),
            "word/glossary/document.xml": glossary,
        },
    )
    _set_app_properties(path, "docProps/app.xml")
    return path


def make_pdf_metadata(path: Path) -> Path:
    """A text PDF whose document info and XMP metadata name a person."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    make_pdf(path)
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.add_metadata(
        {"/Author": LEAK_NAME, "/Title": f"Letter to {LEAK_EMAIL}", "/Subject": LEAK_PHONE}
    )
    xmp = DecodedStreamObject()
    xmp.set_data(
        (
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
            f"{LEAK_NAME}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
            '<?xpacket end="w"?>'
        ).encode()
    )
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_csv_parts(path: Path) -> Path:
    """A table whose column header is itself PII (reports must not name it)."""
    path.write_text(
        f"id,name,{LEAK_EMAIL}\n1,{LEAK_NAME},{LEAK_PHONE}\n2,Bob Stone,none\n", encoding="utf-8"
    )
    return path


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def _rels_xml(*rels: tuple[str, str, str]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{_RELS}/{t}" Target="{target}"/>' for i, t, target in rels
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return f'{head}<Relationships xmlns="{_PKG}">{body}</Relationships>'


def make_xlsx_pivot(path: Path) -> Path:
    """A workbook with a pivot table over a sheet of names: the pivot cache keeps its own
    copy of every name (shared items), as Excel writes it."""
    import openpyxl

    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    for row in (["Name", "Amount"], [LEAK_NAME, 120], ["Bob Stone", 80]):
        data.append(row)
    wb.create_sheet("Pivot")
    wb.save(str(path))
    workbook, workbook_rels, types = _read_members(
        path, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
    )
    cache = (
        f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="{_MAIN}" '
        f'xmlns:r="{_RELS}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource '
        'type="worksheet"><worksheetSource ref="A1:B3" sheet="Data"/></cacheSource>'
        '<cacheFields count="2"><cacheField name="Name" numFmtId="0"><sharedItems count="2">'
        f'<s v="{LEAK_NAME}"/><s v="Bob Stone"/></sharedItems></cacheField><cacheField '
        'name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" '
        'containsNumber="1" containsInteger="1" minValue="80" maxValue="120"/></cacheField>'
        "</cacheFields></pivotCacheDefinition>"
    )
    records = (
        f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheRecords xmlns="{_MAIN}" count="2">'
        '<r><x v="0"/><n v="120"/></r><r><x v="1"/><n v="80"/></r></pivotCacheRecords>'
    )
    table = (
        f'<?xml version="1.0" encoding="UTF-8"?><pivotTableDefinition xmlns="{_MAIN}" '
        'name="PivotTable1" cacheId="1" dataCaption="Values" updatedVersion="6" '
        'minRefreshableVersion="3" createdVersion="6" outline="1" outlineData="1">'
        '<location ref="A1:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
        '<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3">'
        '<item x="0"/><item x="1"/><item t="default"/></items></pivotField>'
        '<pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1">'
        '<field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i>'
        '<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>'
        '<dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" '
        'baseItem="0"/></dataFields></pivotTableDefinition>'
    )
    _rewrite_package(
        path,
        {
            "xl/workbook.xml": workbook.replace(
                "</workbook>",
                f'<pivotCaches><pivotCache xmlns:r="{_RELS}" cacheId="1" r:id="rIdPivotCache"/>'
                "</pivotCaches></workbook>",
            ),
            "xl/_rels/workbook.xml.rels": workbook_rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdPivotCache" Type="{_RELS}/pivotCacheDefinition" '
                'Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
            ),
            "xl/pivotCache/pivotCacheDefinition1.xml": cache,
            "xl/pivotCache/pivotCacheRecords1.xml": records,
            "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": _rels_xml(
                ("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")
            ),
            "xl/pivotTables/pivotTable1.xml": table,
            "xl/pivotTables/_rels/pivotTable1.xml.rels": _rels_xml(
                ("rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")
            ),
            "xl/worksheets/_rels/sheet2.xml.rels": _rels_xml(
                ("rId1", "pivotTable", "../pivotTables/pivotTable1.xml")
            ),
            "[Content_Types].xml": types.replace(
                "</Types>",
                '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" '
                f'ContentType="{_TYPE}pivotCacheDefinition+xml"/>'
                '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" '
                f'ContentType="{_TYPE}pivotCacheRecords+xml"/>'
                '<Override PartName="/xl/pivotTables/pivotTable1.xml" '
                f'ContentType="{_TYPE}pivotTable+xml"/></Types>',
            ),
        },
    )
    return path


def make_xlsx_external_link(path: Path) -> Path:
    """A workbook whose formula reads another workbook: the link keeps that file's path
    (here naming a person's folder) and a cached copy of the cells it read."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws["A1"] = "Owner"
    ws["B1"] = "=[1]Staff!A1"
    wb.save(str(path))
    workbook, workbook_rels, types = _read_members(
        path, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
    )
    link = (
        f'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="{_MAIN}" '
        f'xmlns:r="{_RELS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Staff"/>'
        '</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1">'
        f'<cell r="A1" t="str"><v>{LEAK_NAME}</v></cell><cell r="B1" t="str"><v>{LEAK_PHONE}</v>'
        "</cell></row></sheetData></sheetDataSet></externalBook></externalLink>"
    )
    target = f"https://files.example.com/sites/hr/{LEAK_EMAIL}/staff.xlsx"
    _rewrite_package(
        path,
        {
            "xl/workbook.xml": workbook.replace(
                "</sheets>",
                f'</sheets><externalReferences><externalReference xmlns:r="{_RELS}" '
                'r:id="rIdExternal"/></externalReferences>',
            ),
            "xl/_rels/workbook.xml.rels": workbook_rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdExternal" Type="{_RELS}/externalLink" '
                'Target="externalLinks/externalLink1.xml"/></Relationships>',
            ),
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
                f'Type="{_RELS}/externalLinkPath" Target="{target}" TargetMode="External"/>'
                "</Relationships>"
            ),
            "[Content_Types].xml": types.replace(
                "</Types>",
                '<Override PartName="/xl/externalLinks/externalLink1.xml" '
                f'ContentType="{_TYPE}externalLink+xml"/></Types>',
            ),
        },
    )
    return path


def make_pdf_with_images(
    path: Path,
    size: tuple[float, float],
    lines: list[tuple[float, float, float, str, float]],
    images: list[tuple[object, tuple[float, float, float, float]]],
) -> Path:
    """A one-page PDF of `size` points: text lines `(x, y, font size, text, Tz)` (Helvetica,
    baseline at y from the bottom; Tz < 0 draws the text invisible, render mode 3, at scale
    -Tz) over PIL images placed at `(x, y, width, height)` points (drawn first)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(*size)
    xobjects = DictionaryObject()
    ops = []
    for n, (image, (x, y, w, h)) in enumerate(images):
        rgb = image.convert("RGB")  # type: ignore[attr-defined]
        stream = DecodedStreamObject()
        stream.set_data(rgb.tobytes())
        encoded = stream.flate_encode()
        encoded.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(rgb.width),
                NameObject("/Height"): NumberObject(rgb.height),
                NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
                NameObject("/BitsPerComponent"): NumberObject(8),
            }
        )
        xobjects[NameObject(f"/Im{n}")] = writer._add_object(encoded)
        ops.append(f"q {w:.3f} 0 0 {h:.3f} {x:.3f} {y:.3f} cm /Im{n} Do Q")
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): _helvetica_f1(writer), NameObject("/XObject"): xobjects}
    )
    for x, y, points, text, tz in lines:
        mode = 3 if tz < 0 else 0
        ops.append(
            f"BT {mode} Tr /F1 {points:.2f} Tf {abs(tz):.1f} Tz 1 0 0 1 {x:.2f} {y:.2f} Tm "
            f"{_pdf_string(text)} Tj ET"
        )
    content = DecodedStreamObject()
    content.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as fh:
        writer.write(fh)
    return path
