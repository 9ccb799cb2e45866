"""A document's findings as its review lists them, on real files and the real engine: one
finding (one box on a page) for one value of one type, however many recognizers found it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docsamples as d
from redacta.documents import DocumentOptions, find_in_units, open_document
from redacta.jobs.review import build_review
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Redactor

LINE = "Contact John Smith about the renewal."


def _review(engine: Any, path: Path, deny_lists: dict[str, list[str]]) -> list[Any]:
    """The review's findings of `path` with these deny lists, each with its text."""
    redactor = Redactor(engine, RedactionOptions(deny_lists=deny_lists))
    document = open_document(path, DocumentOptions())
    try:
        found = find_in_units(redactor, document.units, explain=True)
        raw = redactor.find([u.text for u in document.units])
        review = build_review(document, found)
    finally:
        document.close()
    text = review.units[0].text
    # The engine itself reports the name twice (spaCy's whole name, the deny list's surname):
    # the case this file is about, not a one-off of one recognizer.
    spans = {(str(r.entity_type), text[r.start : r.end]) for r in raw[0]}
    assert {("PERSON", "John Smith"), (next(iter(deny_lists)), "Smith")} <= spans, spans
    return [(f, text[f.location.start : f.location.end]) for f in review.findings]


def test_a_pdf_name_found_whole_and_in_part_is_one_finding_with_one_box(
    redacta_engine: Any, tmp_path: Path
) -> None:
    pdf = d.make_pdf(tmp_path / "letter.pdf", [[LINE, d.FILLER]])
    findings = _review(redacta_engine, pdf, {"PERSON": ["Smith"]})
    people = [(f, value) for f, value in findings if f.entity_type == "PERSON"]
    assert [value for _, value in people] == ["John Smith"]
    ((name, _),) = people
    assert name.location.page == 1
    assert name.location.boxes == [name.location.box]  # one line, one box
    x0, y0, x1, y1 = name.location.box
    assert 72 < x0 < x1 < 612
    assert 792 - 720 - 12 < y0 < y1 < 792 - 720 + 6  # line 0, measured from the top
    assert name.score == 1.0  # the surer finding's score and why: the deny list
    assert "deny" in name.explanation.lower()


def test_overlapping_findings_of_different_types_stay_apart(
    redacta_engine: Any, tmp_path: Path
) -> None:
    """Which type a value has is the reviewer's choice: both are listed."""
    pdf = d.make_pdf(tmp_path / "letter.pdf", [[LINE]])
    findings = _review(redacta_engine, pdf, {"ORGANIZATION": ["Smith"]})
    assert sorted((f.entity_type, value) for f, value in findings) == [
        ("ORGANIZATION", "Smith"),
        ("PERSON", "John Smith"),
    ]


def test_a_docx_lists_one_finding_for_one_name(redacta_engine: Any, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph(LINE)
    doc.save(str(tmp_path / "memo.docx"))
    findings = _review(redacta_engine, tmp_path / "memo.docx", {"PERSON": ["Smith"]})
    assert [value for f, value in findings if f.entity_type == "PERSON"] == ["John Smith"]
