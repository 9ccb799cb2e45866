"""Nothing found in a document reaches its redacted copy, wherever in the file it sits:
sheet titles, formulas, properties, headers, validations, names, keys and numbers too.

Each file plants `docsamples.LEAKS` outside the body text; the whole output (every member of
an Office package) is searched for them. The same files go through the library entry point,
the CLI as a user runs it, and a review job on the real server, whose findings must be the
ones the output applies (nothing removed that the user was not shown).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

import docsamples as d
from conftest import RunningServer, redact_process
from redacta.documents import DocumentResult, redact_document
from redacta.engine import Engine
from redacta.redaction.operators import MaskOp
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Redactor


@pytest.fixture
def redactor(redacta_engine: Engine) -> Redactor:
    return Redactor(redacta_engine, salt=b"s" * 32)


def _assert_no_leaks(text: str) -> None:
    for value in (*d.LEAKS, d.LEAK_NUMBER, d.LEAK_CARD):
        assert value not in text, f"{value!r} survived"


def _redact_package(src: Path, redactor: Redactor) -> tuple[Path, DocumentResult]:
    """`src` redacted to `out.<suffix>` next to it, with no planted value left in any part of
    the package."""
    dst = src.with_name(f"out{src.suffix}")
    result = redact_document(src, dst, redactor)
    _assert_no_leaks(d.all_parts_of_package(dst))
    return dst, result


def test_xlsx_titles_formulas_properties_and_sheet_parts(
    tmp_path: Path, redactor: Redactor
) -> None:
    import openpyxl

    dst, result = _redact_package(d.make_xlsx_parts(tmp_path / "parts.xlsx"), redactor)

    wb = openpyxl.load_workbook(str(dst))
    assert wb.sheetnames == ["<PERSON>", "Summary", "Calc"]
    renamed, summary = wb["<PERSON>"], wb["Summary"]
    # References to the renamed sheet follow it, so the formulas still compute.
    assert summary["B1"].value == "=SUM('<PERSON>'!B2:B3)"
    assert summary["B2"].value == "='<PERSON>'!C2"
    assert wb.defined_names["Amounts"].attr_text == "'<PERSON>'!$B$2:$B$3"
    assert wb.defined_names["Owner"].attr_text == '"<EMAIL_ADDRESS>"'
    # Literals are redacted inside the formula; the rest of it is kept.
    assert renamed["C2"].value == '=IF(A2="<PERSON>","VIP","standard")'
    assert renamed["C3"].value == '="Call "&"<PHONE_NUMBER>"'
    assert renamed["B2"].value == 120
    assert renamed.oddHeader.center.text == "Prepared by <PERSON>"
    assert renamed.oddFooter.left.text == "Questions: <EMAIL_ADDRESS>"
    (validation,) = renamed.data_validations.dataValidation
    assert validation.formula1 == '"<PERSON>,<EMAIL_ADDRESS>"'
    assert renamed.tables["Clients"].tableColumns[3].name == renamed["D1"].value
    assert summary.auto_filter.filterColumn[0].filters.filter == ["<PERSON>"]
    (flag,) = [c for c in wb["Calc"].tables["Flags"].tableColumns if c.calculatedColumnFormula]
    assert flag.calculatedColumnFormula.attr_text == 'IF([@Who]="<PERSON>",1,0)'
    props = wb.properties
    assert props.creator in (None, "openpyxl")  # openpyxl names itself when none is set
    assert props.lastModifiedBy is None
    assert props.title == "Salary review of <PERSON>"
    assert props.description == "Call <PERSON> on <PHONE_NUMBER>"
    assert [p.value for p in wb.custom_doc_props] == ["Reviewed by <PERSON>"]
    locations = {f.location for f in result.findings}
    assert {"sheet 1 (title)", "sheet 1!C3 (formula)", "document property title"} <= locations
    assert any("sheet title" in note for note in result.notes)


def test_xlsx_masked_sheet_title_is_still_a_valid_title(
    tmp_path: Path, redacta_engine: Engine
) -> None:
    """A mask is made of `*`, which a sheet title may not hold: the title is made valid."""
    import openpyxl

    src = d.make_xlsx_parts(tmp_path / "parts.xlsx")
    redactor = Redactor(
        redacta_engine, RedactionOptions(operators={"PERSON": MaskOp()}), salt=b"s" * 32
    )
    redact_document(src, tmp_path / "out.xlsx", redactor)
    wb = openpyxl.load_workbook(str(tmp_path / "out.xlsx"))
    title = wb.sheetnames[0]
    assert title == "_" * len(d.LEAK_NAME)
    assert wb["Summary"]["B2"].value == f"='{title}'!C2"


def test_json_value_is_read_after_its_key(tmp_path: Path, redactor: Redactor) -> None:
    """A number is read after its key as "key: number", the way a person reads it: the key
    is the cue for phone numbers from any country, written without their "+"."""
    src = tmp_path / "export.json"
    src.write_text(
        json.dumps(
            {"customers": [{"phone": 390612345678, "mobile": 4915123456789, "age": 42}]},
            indent=2,
        ),
        encoding="utf-8",
    )
    dst = tmp_path / "out.json"
    redact_document(src, dst, redactor)
    after = dst.read_text(encoding="utf-8")
    for value in ("390612345678", "4915123456789"):
        assert value not in after
    customer = json.loads(after)["customers"][0]
    assert customer == {"phone": "<PHONE_NUMBER>", "mobile": "<PHONE_NUMBER>", "age": 42}


def test_json_keys_and_numbers(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_json_parts(tmp_path / "parts.json")
    dst = tmp_path / "out.json"
    result = redact_document(src, dst, redactor)
    after = dst.read_text(encoding="utf-8")
    for value in (d.LEAK_EMAIL, d.LEAK_NAME, d.LEAK_NUMBER, d.LEAK_CARD):
        assert value not in after
    data = json.loads(after)
    assert list(data) == ["<EMAIL_ADDRESS>", "<PERSON>", "tags"]
    contact = data["<EMAIL_ADDRESS>"]
    assert contact["phone"] == "<PHONE_NUMBER>"  # a number with a finding becomes a string
    assert contact["card"] == "<CREDIT_CARD>"
    assert contact["visits"] == 3
    assert contact["balance"] == -12.5e3
    assert contact["note"] == "Renewal approved"
    assert data["<PERSON>"] == {"active": True, "score": 0.75}
    assert data["tags"] == ["renewal", 7, None]
    assert after.count("\n") == src.read_text(encoding="utf-8").count("\n")  # layout kept
    assert {f.entity_type for f in result.findings} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert any("number" in note for note in result.notes)


def test_docx_properties_pictures_people_and_custom_xml(tmp_path: Path, redactor: Redactor) -> None:
    import docx

    dst, result = _redact_package(d.make_docx_parts(tmp_path / "parts.docx"), redactor)
    with zipfile.ZipFile(dst) as zf:
        names = zf.namelist()
        app = zf.read("docProps/app.xml").decode()
    assert not any(n.startswith("docProps/thumbnail") for n in names)
    assert "<Company>" not in app
    assert "word/people.xml" in names  # kept, its names blanked
    document = docx.Document(str(dst))
    props = document.core_properties
    assert props.author == ""
    assert props.title == "Salary review of <PERSON>"
    assert props.comments == "Call <PERSON> on <PHONE_NUMBER>"
    assert document.paragraphs[0].text == d.FILLER
    assert len(document.inline_shapes) == 1  # the picture is kept, its texts redacted
    locations = {f.location for f in result.findings}
    assert {"document property title", "custom property 1", "body, picture descr"} <= locations
    assert "glossary document.xml, paragraph 1" in locations
    assert any("thumbnail" in note for note in result.notes)


def test_pdf_info_and_xmp_metadata_do_not_survive(tmp_path: Path, redactor: Redactor) -> None:
    """A text PDF is rebuilt from rendered pages, so its metadata is dropped wholesale (a
    guard: this held before these parts were checked)."""
    from pypdf import PdfReader

    src = d.make_pdf_metadata(tmp_path / "letter.pdf")
    assert d.LEAK_NAME in str(PdfReader(str(src)).xmp_metadata.dc_creator)  # type: ignore[union-attr]
    dst = tmp_path / "out.pdf"
    redact_document(src, dst, redactor)
    reader = PdfReader(str(dst))
    dumped = [str(dict(reader.metadata or {}))]
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is not None:
        dumped.append(metadata.get_object().get_data().decode("utf-8", "replace"))
    dumped += [page.extract_text() for page in reader.pages]
    _assert_no_leaks("\n".join(dumped))


def _output_text(path: Path) -> str:
    """All of a written file: every member of a package, or the file itself."""
    if zipfile.is_zipfile(path):
        return d.all_parts_of_package(path)
    return path.read_text(encoding="utf-8")


def test_xlsx_pivot_caches_do_not_keep_copies(tmp_path: Path, redactor: Redactor) -> None:
    import openpyxl

    dst, result = _redact_package(d.make_xlsx_pivot(tmp_path / "pivot.xlsx"), redactor)
    wb = openpyxl.load_workbook(str(dst))
    assert wb["Data"]["B2"].value == 120
    assert all(not ws._pivots for ws in wb.worksheets)
    assert any("pivot" in note for note in result.notes)


def test_xlsx_external_link_path_and_cached_cells(tmp_path: Path, redactor: Redactor) -> None:
    import openpyxl

    dst, result = _redact_package(d.make_xlsx_external_link(tmp_path / "linked.xlsx"), redactor)
    wb = openpyxl.load_workbook(str(dst), keep_links=True)
    (link,) = wb._external_links
    assert link.file_link.Target == "<URL>"
    assert wb["Summary"]["B1"].value == "=[1]Staff!A1"
    assert any("linked workbook" in note for note in result.notes)


def _leaky_folder(folder: Path) -> list[str]:
    folder.mkdir()
    d.make_xlsx_parts(folder / "parts.xlsx")
    d.make_json_parts(folder / "parts.json")
    d.make_docx_parts(folder / "parts.docx")
    d.make_csv_parts(folder / "parts.csv")
    return ["parts.xlsx", "parts.json", "parts.docx", "parts.csv"]


def test_cli_leaves_nothing_in_any_part(tmp_path: Path) -> None:
    names = _leaky_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = redact_process(
        str(tmp_path / "in"), "-o", str(out), "--jobs", "1", data_dir=tmp_path / "data"
    )
    assert result.returncode == 0, result.stderr
    for name in names:
        _assert_no_leaks(_output_text(out / name))
    _assert_no_leaks(result.stderr + (out / "redacta-report.json").read_text(encoding="utf-8"))


PLANTED = {
    "parts.xlsx": set(d.LEAKS),
    "parts.json": {d.LEAK_EMAIL, d.LEAK_NAME, d.LEAK_NUMBER, d.LEAK_CARD},
    "parts.docx": set(d.LEAKS),
    "parts.csv": set(d.LEAKS),
}
PARTS = {
    "parts.xlsx": {"sheet_title", "formula", "property", "header", "footer"},
    "parts.json": {"key", "number"},
    "parts.docx": {"alt_text", "property", "glossary"},
    "parts.csv": {"cell"},
}
KEPT = {  # the unit (by its start) a finding in which the user rejects; what stays in clear
    "parts.xlsx": ("Salary review", f"Salary review of {d.LEAK_NAME}"),
    "parts.json": (d.LEAK_CARD, d.LEAK_CARD),
    "parts.docx": ("Salary review", f"Salary review of {d.LEAK_NAME}"),
    "parts.csv": (d.LEAK_PHONE, d.LEAK_PHONE),
}


def test_review_shows_every_finding_the_output_applies(
    server: RunningServer, tmp_path: Path
) -> None:
    """The review lists the findings in titles, formulas, properties, keys and numbers like
    any other; the file is written from exactly those, and one the user rejects stays."""
    names = _leaky_folder(tmp_path / "in")
    out = tmp_path / "out"
    job_id = server.post(
        "/api/v1/jobs",
        json={"inputs": [str(tmp_path / "in")], "output_dir": str(out), "review": True},
    ).json()["id"]
    job = server.wait_for_job(job_id, {"awaiting_review", "failed"})
    assert job["state"] == "awaiting_review", job
    files = {f["path"]: f["index"] for f in job["files"]}
    for name in names:
        base = f"/api/v1/jobs/{job_id}/files/{files[name]}"
        findings = server.get(f"{base}/findings").json()["findings"]
        units = server.get(f"{base}/preview").json()["units"]

        def unit_of(finding: dict[str, Any], units: list[dict[str, Any]] = units) -> Any:
            return units[finding["location"]["unit"]]

        shown = {
            unit_of(f)["text"][f["location"]["start"] : f["location"]["end"]] for f in findings
        }
        assert PLANTED[name] <= {v.removeprefix("Pick ") for v in shown}, name
        assert PARTS[name] <= {unit_of(f)["part"] for f in findings}, name
        unit_start, kept_text = KEPT[name]
        kept = next(f for f in findings if unit_of(f)["text"].startswith(unit_start))
        answer = server.post(f"{base}/decisions", json={"rejected": [kept["id"]]})
        assert answer.status_code == 200, answer.text
        assert sum(answer.json()["counts"].values()) == len(findings) - 1
        stem, _, suffix = name.rpartition(".")
        written = _output_text(out / f"{stem}-redacted.{suffix}")
        assert written.count(kept_text) == 1, name
        for value in PLANTED[name]:
            assert written.count(value) == (1 if value in kept_text else 0), (name, value)
    report = json.dumps(server.get(f"/api/v1/jobs/{job_id}/report").json())
    _assert_no_leaks(report)
