"""Each format round-trips: PII gone, everything else (structure, formatting) intact.

Real engine (spaCy model + Presidio), real libraries; the documents are built by the tests.
"""

from __future__ import annotations

import codecs
import json
import zipfile
from pathlib import Path

import pytest

import docsamples as d
from redacta.documents import DocumentOptions, redact_document
from redacta.documents.errors import NoTextLayerError
from redacta.engine import Engine
from redacta.redaction.operators import MaskOp, PseudonymizeOp
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Redactor


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


@pytest.fixture
def redactor(engine: Engine) -> Redactor:
    return Redactor(engine, salt=b"s" * 32)


def _assert_no_pii(text: str) -> None:
    for value in d.PII:
        assert value not in text, f"{value!r} survived"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-16", codecs.BOM_UTF16_LE), ("latin-1", b""), ("utf-8-sig", b"")],
)
def test_text_keeps_encoding(tmp_path: Path, redactor: Redactor, encoding: str, bom: bytes) -> None:
    src = d.make_text(
        tmp_path / "notes.txt",
        encoding,
        extra="Montant r\u00e9gl\u00e9 \u00e0 l'\u00e9ch\u00e9ance.\n",
    )
    dst = tmp_path / "out.txt"
    result = redact_document(src, dst, redactor)
    data = dst.read_bytes()
    if encoding == "utf-8-sig":
        assert data.startswith(codecs.BOM_UTF8)
    elif bom:
        assert data.startswith(bom)
    text = data.decode(encoding)
    _assert_no_pii(text)
    assert d.FILLER in text
    assert "r\u00e9gl\u00e9 \u00e0 l'\u00e9ch\u00e9ance" in text  # non-ASCII kept, same encoding
    assert text.count("\n") == src.read_bytes().decode(encoding).count("\n")
    assert {f.entity_type for f in result.findings} >= {"PERSON", "EMAIL_ADDRESS"}
    assert all(f.value is None for f in result.findings)
    first = next(f for f in result.findings if f.entity_type == "EMAIL_ADDRESS")
    assert first.location == "line 3"
    original = src.read_bytes().decode(encoding).removeprefix("\ufeff")
    assert original[first.start : first.end] == d.EMAIL  # file-level offsets


def test_values_only_when_asked(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_text(tmp_path / "a.md")
    result = redact_document(src, tmp_path / "b.md", redactor, DocumentOptions(include_values=True))
    assert d.EMAIL in {f.value for f in result.findings}


def test_csv_cells_and_columns(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_csv(tmp_path / "people.csv", ";")
    dst = tmp_path / "out.csv"
    result = redact_document(src, dst, redactor, DocumentOptions(exclude_columns=("email",)))
    out = dst.read_text(encoding="utf-8")
    rows = [line.split(";") for line in out.splitlines()]
    assert rows[0] == ["id", "name", "email", "note"]  # header and dialect kept
    assert rows[1][0] == "1"
    assert rows[1][3] == "Renewal approved"
    assert d.NAME not in out
    assert d.NAME2 not in out
    assert rows[1][2] == d.EMAIL  # excluded column left alone
    assert {f.location.split(", ")[1] for f in result.findings} == {"column 2"}


def test_tsv_include_column_by_number(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_csv(tmp_path / "people.tsv", "\t")
    dst = tmp_path / "out.tsv"
    redact_document(src, dst, redactor, DocumentOptions(include_columns=("3",)))
    rows = [line.split("\t") for line in dst.read_text(encoding="utf-8").splitlines()]
    assert rows[1][1] == d.NAME  # only column 3 (email) was redacted
    assert d.EMAIL not in rows[1][2]
    assert len(rows) == 3
    assert all(len(r) == 4 for r in rows)


def test_json_values_only_keys_and_layout_kept(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_json(tmp_path / "c.json")
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    before, after = src.read_text(encoding="utf-8"), dst.read_text(encoding="utf-8")
    _assert_no_pii(after)
    data = json.loads(after)
    assert list(data) == ["customer", "tags"]
    assert list(data["customer"]) == ["name", "email", "visits"]
    assert data["customer"]["visits"] == 3
    assert data["tags"][0] == "renewal"
    assert before.count("\n") == after.count("\n")  # formatting untouched
    assert after.startswith('{\n  "customer": {\n    "name": "Contact ')


def test_jsonl_lines(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_jsonl(tmp_path / "c.jsonl")
    dst = tmp_path / "o.jsonl"
    redact_document(src, dst, redactor)
    lines = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    assert lines[0]["n"] == 1
    assert lines[1]["msg"] == d.FILLER
    _assert_no_pii(json.dumps(lines))


def test_docx_runs_tables_headers_footers(tmp_path: Path, redactor: Redactor) -> None:
    import docx

    src = d.make_docx(tmp_path / "memo.docx")
    dst = tmp_path / "out.docx"
    result = redact_document(src, dst, redactor)
    _assert_no_pii(d.all_text_of_docx(dst))
    doc = docx.Document(str(dst))
    body = doc.paragraphs[1]
    runs = [(r.text, r.bold, r.italic) for r in body.runs]
    # The name was split over a bold and an italic run: replaced in the first, trimmed
    # from the second; the runs around it keep their text and formatting.
    assert runs[0] == ("Please contact ", None, None)
    assert runs[1][0].startswith("<PERSON>")
    assert runs[1][1] is True
    assert runs[2] == ("", None, True)
    assert runs[3] == (" about the renewal. ", None, None)
    assert runs[4] == ("Keep this sentence bold.", True, None)
    assert doc.paragraphs[0].text == "Renewal memo"
    assert doc.paragraphs[0].style.name == "Heading 1"
    assert doc.paragraphs[2].text == d.FILLER
    assert doc.paragraphs[3].text.endswith(": write to us")  # link text kept, target redacted
    assert doc.tables[0].cell(1, 1).text == "Approved"
    assert doc.tables[0].cell(0, 1).text.startswith("Write to <EMAIL_ADDRESS>")
    assert doc.sections[0].header.paragraphs[0].text == "Prepared by <PERSON>"
    assert doc.sections[0].footer.paragraphs[0].text.endswith(": <EMAIL_ADDRESS>")
    labels = {f.location.split(",")[0].split()[0] for f in result.findings}
    assert labels == {"body", "header", "footer", "link"}
    assert doc.core_properties.author == ""
    assert any("author" in note for note in result.notes)


def test_docx_pseudonyms_are_consistent(tmp_path: Path, engine: Engine) -> None:
    import docx

    src = tmp_path / "p.docx"
    document = docx.Document()
    document.add_paragraph(f"Contact {d.NAME} today.")
    document.add_paragraph(f"Later, {d.NAME} called {d.NAME2}.")
    document.save(str(src))
    redactor = Redactor(
        engine, RedactionOptions(operators={"PERSON": PseudonymizeOp()}), salt=b"x" * 32
    )
    redact_document(src, tmp_path / "o.docx", redactor)
    texts = [p.text for p in docx.Document(str(tmp_path / "o.docx")).paragraphs]
    assert texts == ["Contact <PERSON_1> today.", "Later, <PERSON_1> called <PERSON_2>."]


def test_xlsx_cells_every_sheet_formulas_untouched(tmp_path: Path, engine: Engine) -> None:
    import openpyxl

    src = d.make_xlsx(tmp_path / "book.xlsx")
    dst = tmp_path / "out.xlsx"
    redactor = Redactor(
        engine, RedactionOptions(operators={"EMAIL_ADDRESS": MaskOp()}), salt=b"s" * 32
    )
    result = redact_document(src, dst, redactor)
    wb = openpyxl.load_workbook(str(dst))
    contacts, notes = wb["Contacts"], wb["Notes"]
    assert contacts["C4"].value == "=SUM(C2:C3)"
    assert contacts["C2"].value == 120
    assert contacts["D1"].value == "Approved"
    assert contacts["A1"].value == "Name"
    assert contacts["A2"].value == "Contact <PERSON>"
    assert contacts["B2"].value == "*" * len(d.EMAIL)
    assert notes["A1"].value == "Escalate to <PERSON> if late."
    assert notes["A2"].value == d.FILLER
    assert "sheet 1!B2" in {f.location for f in result.findings}
    assert contacts["C2"].comment.text == "Checked with <PERSON> by phone."
    with zipfile.ZipFile(dst) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    for value in d.PII:
        assert value.encode() not in blob


def _pdf_texts(path: Path) -> tuple[str, str]:
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    pdf = pdfium.PdfDocument(str(path))
    try:
        by_pdfium = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    by_pypdf = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return by_pdfium, by_pypdf


def test_pdf_values_gone_everywhere(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_pdf(tmp_path / "letter.pdf")
    dst = tmp_path / "out.pdf"
    result = redact_document(src, dst, redactor)
    raw = dst.read_bytes()
    for text in (*_pdf_texts(dst), raw.decode("latin-1")):
        _assert_no_pii(text)
    by_pdfium, by_pypdf = _pdf_texts(dst)
    for kept in ("quarterly invoice was approved", "about the renewal", "Nothing else to report"):
        assert kept in by_pdfium
        assert kept in by_pypdf
    assert "<PERSON>" in by_pdfium
    assert {f.location for f in result.findings} == {"page 1", "page 2"}
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(dst))
    assert len(pdf) == 2
    assert tuple(round(v) for v in pdf[0].get_size()) == (612, 792)
    # The redacted glyphs are painted over in the page image: dark pixels where the
    # name was, white where there was no text.
    pixels = pdf[0].render(scale=1).to_numpy()
    name_box = pixels[792 - 728 : 792 - 720, 120:150]
    assert name_box.mean() < 40
    assert pixels[400:500, 300:500].mean() > 250
    pdf.close()


def test_pdf_without_text_layer_is_reported(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError, match="no text layer"):
        redact_document(src, tmp_path / "o.pdf", redactor)
    assert not (tmp_path / "o.pdf").exists()


def test_csv_quoted_cells_round_trip(tmp_path: Path, redactor: Redactor) -> None:
    src = tmp_path / "q.csv"
    src.write_bytes(
        b'id,comment\r\n1,"Call John Smith, then file it"\r\n2,"two\r\nlines, ""quoted"""\r\n'
    )
    dst = tmp_path / "o.csv"
    redact_document(src, dst, redactor)
    out = dst.read_bytes().decode("utf-8")
    assert out.count("\r\n") == 4  # line endings kept, also inside the quoted cell
    import csv as csv_module
    import io

    rows = list(csv_module.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["id", "comment"]
    assert rows[1][0] == "1"
    assert "John Smith" not in rows[1][1]
    assert rows[1][1].endswith(", then file it")
    assert rows[2] == ["2", 'two\r\nlines, "quoted"']


def test_json_unicode_escapes_and_arrays(tmp_path: Path, redactor: Redactor) -> None:
    src = tmp_path / "a.json"
    src.write_text(
        '[{"note": "Mail john.smith@example.com \\u00e0 midi", "ok": true}, 42, null]',
        encoding="utf-8",
    )
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    out = dst.read_text(encoding="utf-8")
    data = json.loads(out)
    assert data[1:] == [42, None]
    assert data[0]["ok"] is True
    assert data[0]["note"] == "Mail <EMAIL_ADDRESS> \u00e0 midi"
    assert out.isascii()  # the token was ASCII-escaped in the original: kept that way


def test_json_place_keys_type_their_values(tmp_path: Path, redactor: Redactor) -> None:
    """A town alone in a value under a place key ("city", "placeOfBirth") is a LOCATION; a
    key that is as often a status or a cloud region ("state", "region") types nothing."""
    src = tmp_path / "p.json"
    src.write_text(
        json.dumps(
            {
                "city": "Bologna",
                "placeOfBirth": "Ennistymon",
                "Country": "Portugal",
                "state": "pending",
                "region": "eu-west-1",
                "label": "Bologna",
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    data = json.loads(dst.read_text(encoding="utf-8"))
    assert data["city"] == "<LOCATION>"
    assert data["placeOfBirth"] == "<LOCATION>"
    assert data["Country"] == "<LOCATION>"
    assert data["state"] == "pending"
    assert data["region"] == "eu-west-1"


NAMES = ["Stamatia Vlassi", "Dorottya Bárány", "Chidinma Obi", "Eun-ji Seo", "Leonor Quaresma"]


def test_json_name_keys_type_their_whole_values(tmp_path: Path, redactor: Redactor) -> None:
    """A value under "name"/"fullName" is one PERSON and under "employer" one ORGANIZATION, as
    in pasted JSON: never a place, never a surname with the given name left beside it. The
    headers' place words that JSON uses otherwise ("site", "office") type nothing."""
    src = tmp_path / "people.json"
    people = [{"name": n, "fullName": n, "employer": "Kestrel Ardent", "site": "b2"} for n in NAMES]
    src.write_text(json.dumps({"people": people}, indent=2, ensure_ascii=False), encoding="utf-8")
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    data = json.loads(dst.read_text(encoding="utf-8"))["people"]
    assert [p["name"] for p in data] == ["<PERSON>"] * len(NAMES)
    assert [p["fullName"] for p in data] == ["<PERSON>"] * len(NAMES)
    assert {p["employer"] for p in data} == {"<ORGANIZATION>"}
    assert {p["site"] for p in data} == {"b2"}


def test_json_phone_strings_read_with_their_key(tmp_path: Path, redactor: Redactor) -> None:
    """A national phone number stored as a string under "phone" is found as the same
    number stored as a JSON number is: the key is its cue."""
    src = tmp_path / "c.json"
    src.write_text(
        json.dumps([{"phone": "239 857 112"}, {"tel": "0803 456 7812"}]), encoding="utf-8"
    )
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    assert json.loads(dst.read_text(encoding="utf-8")) == [
        {"phone": "<PHONE_NUMBER>"},
        {"tel": "<PHONE_NUMBER>"},
    ]


def test_json_field_name_keys_stay_names_are_still_found(
    tmp_path: Path, redactor: Redactor
) -> None:
    """Keys written as field names ("userId", "customer_id") are the file's schema: beside a
    short number the model reads them alone and takes them for a firm or a place, and a
    redacted key breaks every program that reads the file. Keys that are values (a name, an
    e-mail address) are still redacted."""
    fields = ["userId", "customerId", "orderNumber", "customer_id"]
    src = tmp_path / "export.json"
    record = dict.fromkeys(fields, 12)
    src.write_text(json.dumps([record, {d.NAME: 3, d.EMAIL: 4}], indent=2), encoding="utf-8")
    dst = tmp_path / "o.json"
    redact_document(src, dst, redactor)
    fields_out, values_out = json.loads(dst.read_text(encoding="utf-8"))
    assert fields_out == record
    assert d.NAME not in values_out
    assert d.EMAIL not in values_out
    assert len(values_out) == 2


def test_json_key_type_reads_any_case_style() -> None:
    from redacta.documents.jsondoc import key_type

    assert key_type("place_of_birth") == key_type("placeOfBirth") == "LOCATION"
    assert key_type("Billing-Address") == key_type("city") == "LOCATION"
    assert key_type("state") is None
    assert key_type("cityCode") is None
