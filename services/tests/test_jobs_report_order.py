"""Job reports list findings by file, then by position, with numbers compared as numbers."""

from __future__ import annotations

from redacta.jobs.report import report_order


def _finding(file: str, location: str, start: int) -> dict[str, object]:
    return {"file": file, "location": location, "start": start}


def test_numbers_in_files_and_locations_sort_numerically() -> None:
    findings = [
        _finding("scan10.pdf", "page 1", 0),
        _finding("scan2.pdf", "page 10", 5),
        _finding("scan2.pdf", "page 2", 9),
        _finding("scan2.pdf", "page 2", 3),
        _finding("Book.xlsx", "Sheet1!B10", 0),
        _finding("book.xlsx", "Sheet1!B9", 0),
    ]
    ordered = [(f["file"], f["location"], f["start"]) for f in sorted(findings, key=report_order)]
    assert ordered == [
        ("book.xlsx", "Sheet1!B9", 0),
        ("Book.xlsx", "Sheet1!B10", 0),
        ("scan2.pdf", "page 2", 3),
        ("scan2.pdf", "page 2", 9),
        ("scan2.pdf", "page 10", 5),
        ("scan10.pdf", "page 1", 0),
    ]
