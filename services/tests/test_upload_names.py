"""Stored names of uploaded parts: no two parts may land on one file on any desktop OS."""

from __future__ import annotations

from pathlib import PurePosixPath as P

from redacta.jobs.plan import upload_names


def test_distinct_names_are_kept_in_order() -> None:
    assert upload_names([P("a.txt"), P("case/b.docx")]) == [P("a.txt"), P("case/b.docx")]


def test_names_equal_but_for_case_are_numbered() -> None:
    # macOS and Windows fold case: "Report.txt" would overwrite "report.txt".
    names = upload_names([P("report.txt"), P("Report.TXT"), P("report.txt")])
    assert names == [P("report.txt"), P("Report (2).TXT"), P("report (3).txt")]


def test_a_file_named_like_another_parts_folder_is_renamed() -> None:
    # In either order: "a" cannot be both a file and the folder of "a/b.txt".
    assert upload_names([P("a"), P("a/b.txt")]) == [P("a (2)"), P("a/b.txt")]
    assert upload_names([P("a/b.txt"), P("A")]) == [P("a/b.txt"), P("A (2)")]
    assert upload_names([P("x/a.txt"), P("x/a.txt/c.txt")]) == [
        P("x/a (2).txt"),
        P("x/a.txt/c.txt"),
    ]


def test_windows_device_names_get_a_prefix() -> None:
    names = upload_names([P("CON.txt"), P("nul"), P("lpt1/notes.txt"), P("console.txt")])
    assert names == [P("_CON.txt"), P("_nul"), P("_lpt1/notes.txt"), P("console.txt")]
