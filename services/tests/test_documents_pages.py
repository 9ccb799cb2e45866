"""Page documents (PDFs, multi-page TIFFs): the page-count limit and per-page progress, on
files generated here, through the readers and through the real server's jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

import docsamples as d
import scans
from conftest import RunningServer, user_env
from redacta.documents import DocumentOptions, open_document
from redacta.documents.errors import TooManyPagesError
from redacta.settings import DocumentLimits, Settings


def _blank_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` empty pages (a few KB however many pages it declares)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _tiff(path: Path, frames: list[Image.Image]) -> Path:
    frames[0].save(
        path, save_all=True, append_images=frames[1:], dpi=(150, 150), compression="tiff_deflate"
    )
    return path


def test_pdf_over_the_page_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = d.make_pdf(tmp_path / "three.pdf", [["Page one."], ["Page two."], ["Page three."]])
    options = DocumentOptions(limits=DocumentLimits(max_pages=2))
    with pytest.raises(TooManyPagesError) as refused:
        open_document(path, options)
    assert refused.value.code == "too_many_pages"
    assert "3 pages" in refused.value.message
    assert "REDACTA_MAX_PAGES" in refused.value.message
    open_document(path, DocumentOptions(limits=DocumentLimits(max_pages=3))).close()


def test_tiff_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    frames = [Image.new("L", (200, 100), 255) for _ in range(3)]
    path = _tiff(tmp_path / "fax.tiff", frames)
    with pytest.raises(TooManyPagesError, match="3 pages"):
        open_document(path, DocumentOptions(limits=DocumentLimits(max_pages=2)))


def test_page_limit_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().document_limits.max_pages == DocumentLimits().max_pages == 1000
    monkeypatch.setenv("REDACTA_MAX_PAGES", "12")
    assert Settings().document_limits.max_pages == 12


def test_pdf_reports_each_page_read(tmp_path: Path) -> None:
    path = d.make_pdf(tmp_path / "four.pdf", [[f"Page {n}."] for n in range(1, 5)])
    seen: list[tuple[int, int]] = []
    document = open_document(path, DocumentOptions(on_page=lambda *pages: seen.append(pages)))
    document.close()
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_job_reports_pages_of_a_scan_and_refuses_a_long_pdf(
    server: RunningServer, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _tiff(folder / "fax.tif", [scans.letter(n, points=12).image for n in (11, 12)])
    _blank_pdf(folder / "huge.pdf", 1001)
    response = server.post(
        "/api/v1/jobs", json={"inputs": [str(folder)], "output_dir": str(tmp_path / "out")}
    )
    assert response.status_code == 202, response.text
    events = server.job_events(response.json()["id"])

    by_path = {
        f["path"]: f
        for f in server.get(f"/api/v1/jobs/{events[0][1]['job']['id']}").json()["files"]
    }
    assert by_path["huge.pdf"]["state"] == "failed"
    assert by_path["huge.pdf"]["error_code"] == "too_many_pages"
    assert "1,001 pages" in by_path["huge.pdf"]["error"]
    fax = by_path["fax.tif"]
    assert fax["state"] == "done"
    assert (fax["pages_done"], fax["pages_total"]) == (2, 2)

    # OCR takes seconds a page and the job looks every half second: the first page read is
    # published while the second is still being read.
    progress = [
        (e["file"]["pages_done"], e["file"]["pages_total"])
        for kind, e in events
        if kind == "file_progress" and e["file"]["path"] == "fax.tif"
    ]
    assert (1, 2) in progress
    assert progress == sorted(progress)
    assert all(e["file"]["state"] == "running" for k, e in events if k == "file_progress")
    assert not any(k == "file_progress" and e["file"]["path"] == "huge.pdf" for k, e in events)


def test_upload_over_the_page_limit_is_refused_up_front(
    server: RunningServer, tmp_path: Path
) -> None:
    huge = _blank_pdf(tmp_path / "huge.pdf", 1001)
    uploads = server.data_dir / "uploads"
    before = set(uploads.iterdir()) if uploads.is_dir() else set()
    response = server.post(
        "/api/v1/jobs/upload",
        files=[
            ("files", ("notes.txt", b"Nothing personal.", "text/plain")),
            ("files", ("scans/huge.pdf", huge.read_bytes(), "application/pdf")),
        ],
    )
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert "'scans/huge.pdf' has 1,001 pages" in detail
    assert "at most 1,000 pages" in detail
    assert "Split it" in detail
    after = set(uploads.iterdir()) if uploads.is_dir() else set()
    assert after == before  # nothing of the refused upload is kept
    assert server.get("/api/v1/jobs").status_code == 200


@pytest.mark.slow  # a CLI start (engine load) and two pages of OCR
def test_cli_progress_bar_names_the_page_of_a_scan(tmp_path: Path) -> None:
    """`redacta redact` on a terminal: the bar's note gives the page being read."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    _tiff(folder / "fax.tif", [scans.letter(n, points=12).image for n in (21, 22)])
    env = user_env(tmp_path / "data", COLUMNS="160", LINES="40")
    controller, terminal = os.openpty()
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "redacta",
                "redact",
                str(folder),
                "-o",
                str(tmp_path / "out"),
                "--jobs",
                "1",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=terminal,
            env=env,
        )
        os.close(terminal)
        shown = bytearray()
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the CLI exited
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait(timeout=600) == 0
    finally:
        os.close(controller)
    text = shown.decode("utf-8", errors="replace")
    assert "fax.tif (page 2 of 2)" in text, text[-2000:]  # shown while page 2 is read
    assert "1 file(s) redacted" in text
