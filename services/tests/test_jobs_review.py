"""Document review through the API, on the real server: each file stops after analysis, the
user rejects one finding and adds one span (a box on a PDF page), and the written file holds
the rejected value, not the added one, and nothing else that was found."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

import docsamples as d
from conftest import RunningServer

BOX_LINE = "Nothing else to report."
# make_pdf writes line i of a page at baseline y = 720 - 20 i (bottom-up, 12 pt Helvetica) on a
# 792 pt page: line 1's glyphs sit between 792-700-12 and 792-700+3 from the top.
DRAWN_BOX = [70.0, 78.0, 250.0, 96.0]


def _start_review(server: RunningServer, src: Path, out: Path) -> str:
    """Start a job with review on the files in `src`, written to `out`; its id."""
    response = server.post(
        "/api/v1/jobs", json={"inputs": [str(src)], "output_dir": str(out), "review": True}
    )
    assert response.status_code == 202, response.text
    job_id: str = response.json()["id"]
    return job_id


@pytest.fixture(scope="module")
def review_job(server: RunningServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    src = tmp_path_factory.mktemp("review-in")
    d.make_text(src / "notes.txt")
    d.make_csv(src / "people.csv")
    d.make_xlsx(src / "book.xlsx")
    d.make_docx(src / "memo.docx")
    d.make_pdf(src / "letter.pdf")
    out = tmp_path_factory.mktemp("review") / "out"
    job = server.wait_for_job(
        _start_review(server, src, out), {"awaiting_review", "failed", "completed"}
    )
    assert job["state"] == "awaiting_review", job
    assert {f["state"] for f in job["files"]} == {"needs_review"}
    assert not out.exists() or not any(out.iterdir())  # nothing written before decisions
    return {"job": job, "out": out, "files": {f["path"]: f["index"] for f in job["files"]}}


def _findings(server: RunningServer, job_id: str, index: int) -> dict[str, Any]:
    response = server.get(f"/api/v1/jobs/{job_id}/files/{index}/findings")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    ids = [f["id"] for f in body["findings"]]
    assert len(ids) == len(set(ids))
    assert sum(body["counts"].values()) == len(ids)
    return body


def _units(server: RunningServer, job_id: str, index: int) -> list[dict[str, Any]]:
    response = server.get(f"/api/v1/jobs/{job_id}/files/{index}/preview")
    assert response.status_code == 200, response.text
    units: list[dict[str, Any]] = response.json()["units"]
    assert [u["unit"] for u in units] == list(range(len(units)))
    return units


def _value(units: list[dict[str, Any]], finding: dict[str, Any]) -> str:
    loc = finding["location"]
    text: str = units[loc["unit"]]["text"]
    return text[loc["start"] : loc["end"]]


def _decide(server: RunningServer, job_id: str, index: int, decisions: dict[str, Any]) -> Any:
    response = server.post(f"/api/v1/jobs/{job_id}/files/{index}/decisions", json=decisions)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["state"] == "reviewed"
    assert result["index"] == index
    return result


def _reject_name_add_word(
    server: RunningServer, job_id: str, index: int, word: str
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    body = _findings(server, job_id, index)
    units = _units(server, job_id, index)
    names = [f for f in body["findings"] if _value(units, f) == d.NAME]
    assert len(names) == 1, [(_value(units, f), f["entity_type"]) for f in body["findings"]]
    assert all(word not in _value(units, f) for f in body["findings"])
    target = next(u for u in units if word in u["text"])
    start = target["text"].index(word)
    added = {
        "unit": target["unit"],
        "start": start,
        "end": start + len(word),
        "entity_type": "CUSTOM_WORD",
    }
    result = _decide(server, job_id, index, {"rejected": [names[0]["id"]], "added": [added]})
    return body, units, result


def _assert_decisions_applied(written: str, added: str) -> None:
    """The output of `_reject_name_add_word`: the rejected name stays, the added span and
    every other value found are gone."""
    assert d.NAME in written
    assert added not in written
    for value in (d.EMAIL, d.NAME2, d.EMAIL2):
        assert value not in written


def test_text_review(server: RunningServer, review_job: dict[str, Any]) -> None:
    job_id, index = review_job["job"]["id"], review_job["files"]["notes.txt"]
    body, _, result = _reject_name_add_word(server, job_id, index, "renewal")
    assert body["kind"] == "text"
    assert result["output"] == "notes-redacted.txt"
    text = (review_job["out"] / "notes-redacted.txt").read_text(encoding="utf-8")
    _assert_decisions_applied(text, "renewal")
    assert "<CUSTOM_WORD>" in text
    assert d.FILLER in text


def test_csv_review_cells_with_headers(server: RunningServer, review_job: dict[str, Any]) -> None:
    job_id, index = review_job["job"]["id"], review_job["files"]["people.csv"]
    units = _units(server, job_id, index)
    cell = next(u for u in units if u["text"] == d.NAME2)
    assert cell == {
        "unit": cell["unit"],
        "text": d.NAME2,
        "part": "cell",
        "row": 3,
        "column": 2,
        "column_header": "name",
    }
    body, _, _ = _reject_name_add_word(server, job_id, index, "Renewal approved")
    assert body["kind"] == "table"
    with (review_job["out"] / "people-redacted.csv").open(encoding="utf-8") as fh:
        text = fh.read()
    _assert_decisions_applied(text, "Renewal approved")
    assert "Sent the invoice" in text


def test_xlsx_review(server: RunningServer, review_job: dict[str, Any]) -> None:
    import openpyxl

    job_id, index = review_job["job"]["id"], review_job["files"]["book.xlsx"]
    preview = server.get(f"/api/v1/jobs/{job_id}/files/{index}/preview").json()
    assert preview["sheets"] == ["Contacts", "Notes"]
    a2 = next(u for u in preview["units"] if u["sheet"] == "Contacts" and u.get("row") == 2)
    assert a2["column"] == 1
    assert a2["column_header"] == "Name"
    _reject_name_add_word(server, job_id, index, "Approved")
    wb = openpyxl.load_workbook(str(review_job["out"] / "book-redacted.xlsx"))
    cells = " ".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )
    _assert_decisions_applied(cells, "Approved")
    assert d.FILLER in cells


def test_docx_review(server: RunningServer, review_job: dict[str, Any]) -> None:
    import docx

    job_id, index = review_job["job"]["id"], review_job["files"]["memo.docx"]
    units = _units(server, job_id, index)
    parts = {u["part"] for u in units}
    assert {"body", "table", "header", "footer", "link"} <= parts
    assert next(u for u in units if u["text"] == "Approved")["part"] == "table"
    body, _, _ = _reject_name_add_word(server, job_id, index, "Approved")
    assert body["kind"] == "docx"
    path = review_job["out"] / "memo-redacted.docx"
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert any(d.NAME in p for p in paragraphs)
    assert "Approved" not in cells
    everything = d.all_text_of_docx(path)
    for value in (d.EMAIL, d.NAME2, d.EMAIL2):
        assert value not in everything


def test_pdf_review_box_burned_and_removed_from_text_layer(
    server: RunningServer, review_job: dict[str, Any]
) -> None:
    import pypdfium2 as pdfium

    job_id, index = review_job["job"]["id"], review_job["files"]["letter.pdf"]
    body = _findings(server, job_id, index)
    assert body["kind"] == "pages"
    preview = server.get(f"/api/v1/jobs/{job_id}/files/{index}/preview").json()
    assert preview["pages"] == [
        {"page": 1, "width": 612.0, "height": 792.0},
        {"page": 2, "width": 612.0, "height": 792.0},
    ]
    units = preview["units"]
    email = next(f for f in body["findings"] if _value(units, f) == d.EMAIL)
    x0, y0, x1, y1 = email["location"]["box"]
    assert email["location"]["page"] == 1
    assert email["location"]["boxes"] == [email["location"]["box"]]
    assert 72 < x0 < x1 < 612
    assert 792 - 720 - 12 < y0 < y1 < 792 - 720 + 6  # line 0 of page 1, measured from the top
    png = server.get(f"/api/v1/jobs/{job_id}/files/{index}/preview", params={"page": 2})
    assert png.status_code == 200
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    name = next(f for f in body["findings"] if _value(units, f) == d.NAME)
    result = _decide(
        server,
        job_id,
        index,
        {"rejected": [name["id"]], "added": [{"page": 2, "box": DRAWN_BOX}]},
    )
    assert result["counts"].get("REDACTED") == 1
    pdf = pdfium.PdfDocument(str(review_job["out"] / "letter-redacted.pdf"))
    try:
        texts = [page.get_textpage().get_text_range() for page in pdf]
        assert d.NAME in texts[0]
        assert d.EMAIL not in texts[0]
        assert d.NAME2 not in texts[1]
        assert "Nothing else" not in texts[1]
        assert "report" not in texts[1]
        bitmap = pdf[1].render(scale=1, rev_byteorder=True)
        buffer = memoryview(bitmap.buffer).cast("B")
        channels, stride = bitmap.n_channels, bitmap.stride

        def pixel(x: int, y: int) -> tuple[int, ...]:
            at = y * stride + x * channels
            return tuple(buffer[at : at + 3])

        for x in range(int(DRAWN_BOX[0]) + 2, int(DRAWN_BOX[2]) - 2, 7):
            for y in range(int(DRAWN_BOX[1]) + 2, int(DRAWN_BOX[3]) - 2, 3):
                assert pixel(x, y) == (0, 0, 0), (x, y)
        assert pixel(400, 400) == (255, 255, 255)  # the rest of the page is not painted
    finally:
        pdf.close()


def test_report_records_decisions_without_values(
    server: RunningServer, review_job: dict[str, Any]
) -> None:
    job_id = review_job["job"]["id"]
    for test_index in review_job["files"].values():  # finish whatever an earlier test left
        state = server.get(f"/api/v1/jobs/{job_id}").json()["files"][test_index]["state"]
        if state == "needs_review":
            assert server.post(f"/api/v1/jobs/{job_id}/accept-remaining").status_code == 200
    job = server.wait_for_job(job_id, {"completed", "failed"})
    assert job["state"] == "completed"
    assert {f["state"] for f in job["files"]} == {"reviewed"}
    report = server.get(f"/api/v1/jobs/{job_id}/report").json()
    decisions = {(f["file"], f["decision"]) for f in report["findings"]}
    for name in ("notes.txt", "people.csv", "book.xlsx", "memo.docx", "letter.pdf"):
        assert (name, "rejected") in decisions
        assert (name, "added") in decisions
        assert (name, "accepted") in decisions
    assert all(f["location"] for f in report["findings"])
    dumped = json.dumps(report)
    for value in (*d.PII, "Renewal approved", BOX_LINE):
        assert value not in dumped
    csv_report = server.get(f"/api/v1/jobs/{job_id}/report", params={"format": "csv"}).text
    assert csv_report.splitlines()[0] == "file,id,entity_type,location,start,end,score,decision"
    # Decisions on a file that is already written are refused with what to do.
    again = server.post(f"/api/v1/jobs/{job_id}/files/0/decisions", json={})
    assert again.status_code == 409
    assert "needs review" in again.json()["detail"]
    logs = "\n".join(server.log_lines())
    for value in d.PII:
        assert value not in logs


def test_bad_review_input_says_what_to_do(server: RunningServer, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d.make_text(src / "a.txt")
    d.make_pdf(src / "b.pdf")
    plain = server.post(
        "/api/v1/jobs",
        json={"inputs": [str(src / "a.txt")], "output_dir": str(tmp_path / "plain")},
    ).json()["id"]
    server.wait_for_job(plain, {"completed"})
    not_review = server.get(f"/api/v1/jobs/{plain}/files/0/findings")
    assert not_review.status_code == 409
    assert "review: true" in not_review.json()["detail"]

    job_id = _start_review(server, src, tmp_path / "out")
    job = server.wait_for_job(job_id, {"awaiting_review"})
    files = {f["path"]: f["index"] for f in job["files"]}
    txt, pdf = files["a.txt"], files["b.pdf"]
    base = f"/api/v1/jobs/{job_id}/files"
    cases: list[tuple[str, dict[str, Any] | None, dict[str, Any] | None, int, str]] = [
        (f"{base}/{txt}/decisions", {"rejected": ["nope"]}, None, 422, "Unknown finding id"),
        (f"{base}/{txt}/decisions", {"retyped": {"nope": "PERSON"}}, None, 422, "GET .../findings"),
        (
            f"{base}/{txt}/decisions",
            {"added": [{"unit": 99, "start": 0, "end": 2, "entity_type": "X"}]},
            None,
            422,
            "does not exist",
        ),
        (
            f"{base}/{txt}/decisions",
            {"added": [{"unit": 0, "start": 0, "end": 10_000, "entity_type": "X"}]},
            None,
            422,
            "past the end",
        ),
        (
            f"{base}/{txt}/decisions",
            {"added": [{"page": 1, "box": [0, 0, 10, 10]}]},
            None,
            422,
            "only be drawn on pages",
        ),
        (
            f"{base}/{pdf}/decisions",
            {"added": [{"page": 3, "box": [0, 0, 10, 10]}]},
            None,
            422,
            "pages 1-2",
        ),
        (
            f"{base}/{pdf}/decisions",
            {"added": [{"page": 1, "box": [700, 900, 1e308, 1e308]}]},
            None,
            422,
            "lies outside page 1",
        ),
        (f"{base}/{pdf}/decisions", {"retyped": {"f1": "a person"}}, None, 422, "pattern"),
        (f"{base}/{pdf}/preview", None, {"page": 3}, 422, "pages 1-2"),
        (f"{base}/{txt}/preview", None, {"page": 1}, 422, "not pages"),
        (f"{base}/7/findings", None, None, 404, "numbered 0-1"),
    ]
    for path, body, params, status, words in cases:
        response = server.get(path, params=params) if body is None else server.post(path, json=body)
        assert response.status_code == status, (path, body, response.text)
        assert words in json.dumps(response.json()["detail"]), response.text
    # Nothing was written by the refused decisions; the job still waits for them.
    assert server.get(f"/api/v1/jobs/{job_id}").json()["state"] == "awaiting_review"
    assert server.post(f"/api/v1/jobs/{job_id}/cancel").json()["cancelled"] is True
    assert server.get(f"/api/v1/jobs/{job_id}").json()["state"] == "cancelled"
    assert not (tmp_path / "out" / "a-redacted.txt").exists()


def test_reviewed_file_findings_carry_the_decisions(server: RunningServer, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d.make_text(src / "notes.txt")
    job_id = _start_review(server, src, tmp_path / "out")
    server.wait_for_job(job_id, {"awaiting_review"})
    before = _findings(server, job_id, 0)
    assert "added" not in before
    assert all("decision" not in f for f in before["findings"])
    units = _units(server, job_id, 0)
    name = next(f for f in before["findings"] if _value(units, f) == d.NAME)
    email = next(f for f in before["findings"] if _value(units, f) == d.EMAIL)
    target = next(u for u in units if "renewal" in u["text"])
    start = target["text"].index("renewal")
    added = {"unit": target["unit"], "start": start, "end": start + 7, "entity_type": "TERM"}
    _decide(
        server,
        job_id,
        0,
        {"rejected": [name["id"]], "retyped": {email["id"]: "CONTACT"}, "added": [added]},
    )

    after = _findings(server, job_id, 0)
    assert after["state"] == "reviewed"
    decided = {f["id"]: f for f in after["findings"]}
    assert decided[name["id"]]["decision"] == "rejected"
    assert decided[email["id"]]["decision"] == "retyped"
    assert decided[email["id"]]["retyped_as"] == "CONTACT"
    assert decided[email["id"]]["entity_type"] == "EMAIL_ADDRESS"  # as found
    others = [f for f in after["findings"] if f["id"] not in (name["id"], email["id"])]
    assert others
    assert {f["decision"] for f in others} == {"accepted"}
    assert all("retyped_as" not in f for f in others)
    assert after["added"] == [
        {
            "entity_type": "TERM",
            "location": {"unit": target["unit"], "start": start, "end": start + 7},
        }
    ]
    dumped = json.dumps(after)
    for value in (*d.PII, "renewal"):
        assert value not in dumped


def test_upload_review_keeps_originals_for_pages_until_the_job_is_deleted(
    server: RunningServer, tmp_path: Path
) -> None:
    d.make_pdf(tmp_path / "letter.pdf")
    response = server.post(
        "/api/v1/jobs/upload",
        files=[
            ("files", ("letter.pdf", (tmp_path / "letter.pdf").read_bytes(), "application/pdf")),
            ("files", ("notes.txt", d.text_body().encode(), "text/plain")),
        ],
        data={"review": "true"},
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    folder = Path(response.json()["output_dir"]).parent
    assert folder.parent == server.data_dir / "uploads"
    server.wait_for_job(job_id, {"awaiting_review"})
    accepted = server.post(f"/api/v1/jobs/{job_id}/accept-remaining")
    assert accepted.status_code == 200, accepted.text
    job = server.wait_for_job(job_id, {"completed", "failed"})
    assert job["state"] == "completed"
    pdf = next(f["index"] for f in job["files"] if f["path"] == "letter.pdf")
    # The finished job's pages are still rendered from the kept original.
    for page in (1, 2):
        png = server.get(f"/api/v1/jobs/{job_id}/files/{pdf}/preview", params={"page": page})
        assert png.status_code == 200, png.text
        assert png.content.startswith(b"\x89PNG")
    assert (folder / "input" / "letter.pdf").is_file()

    deleted = server.request("DELETE", f"/api/v1/jobs/{job_id}")
    assert deleted.status_code == 204, deleted.text
    assert not folder.exists()  # originals and outputs
    assert server.get(f"/api/v1/jobs/{job_id}").status_code == 404
    gone = server.get(f"/api/v1/jobs/{job_id}/files/{pdf}/preview", params={"page": 1})
    assert gone.status_code == 404


def test_deleting_a_job_awaiting_review_cancels_it_and_removes_its_upload(
    server: RunningServer,
) -> None:
    response = server.post(
        "/api/v1/jobs/upload",
        files=[("files", ("notes.txt", d.text_body().encode(), "text/plain"))],
        data={"review": "true"},
    )
    job_id = response.json()["id"]
    folder = Path(response.json()["output_dir"]).parent
    server.wait_for_job(job_id, {"awaiting_review"})
    assert (folder / "input" / "notes.txt").is_file()
    assert server.request("DELETE", f"/api/v1/jobs/{job_id}").status_code == 204
    assert not folder.exists()
    missing = server.request("DELETE", f"/api/v1/jobs/{job_id}")
    assert missing.status_code == 404
    assert "list them at /jobs" in missing.json()["detail"]


def test_decisions_for_two_files_at_once_while_others_are_analysed(
    server: RunningServer, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d.make_csv(src / "a.csv")
    d.make_csv(src / "b.csv")
    # Larger files analysed after the two CSVs, so decisions meet a running job.
    for n in range(6):
        d.make_text(src / f"z{n}.txt", extra=(d.text_body() * 40))
    job_id = _start_review(server, src, tmp_path / "out")
    deadline = time.monotonic() + 300
    while True:
        job = server.get(f"/api/v1/jobs/{job_id}").json()
        states = {f["path"]: f["state"] for f in job["files"]}
        if states["a.csv"] == states["b.csv"] == "needs_review":
            break
        assert time.monotonic() < deadline, states
        time.sleep(0.05)
    index = {f["path"]: f["index"] for f in job["files"]}
    findings = {name: _findings(server, job_id, index[name]) for name in ("a.csv", "b.csv")}

    def decide(name: str) -> httpx.Response:
        first = findings[name]["findings"][0]["id"]
        with server.client() as client:
            return client.post(
                f"/api/v1/jobs/{job_id}/files/{index[name]}/decisions",
                json={"rejected": [first]},
            )

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(decide, ["a.csv", "b.csv"]))
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert answer.json()["state"] == "reviewed"
    assert (tmp_path / "out" / "a-redacted.csv").is_file()
    assert (tmp_path / "out" / "b-redacted.csv").is_file()
    job = server.wait_for_job(job_id, {"awaiting_review", "completed", "failed"})
    assert job["state"] == "awaiting_review"
    assert server.post(f"/api/v1/jobs/{job_id}/accept-remaining").status_code == 200
    job = server.wait_for_job(job_id, {"completed", "failed"})
    assert job["state"] == "completed"
    assert {f["state"] for f in job["files"]} == {"reviewed"}
    assert not list((tmp_path / "out").rglob(".*.redacta-part"))


def test_the_last_review_during_the_analysis_ends_the_job(
    server: RunningServer, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d.make_text(src / "a.txt")
    job_id = _start_review(server, src, tmp_path / "out")
    deadline = time.monotonic() + 300
    while server.get(f"/api/v1/jobs/{job_id}").json()["files"][0]["state"] != "needs_review":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    # Decided as soon as the file waits, perhaps before the job itself says awaiting_review:
    # either way the job must end once no file waits.
    _decide(server, job_id, 0, {})
    assert server.wait_for_job(job_id, {"completed", "failed"})["state"] == "completed"


def test_accept_remaining_beside_a_decision_on_one_of_its_files(
    server: RunningServer, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    # a.txt is long, so its decision is still being written when accept-remaining comes.
    d.make_text(src / "a.txt", extra=d.text_body() * 1000)
    for name in ("b.txt", "c.txt"):
        d.make_text(src / name)
    job_id = _start_review(server, src, tmp_path / "out")
    job = server.wait_for_job(job_id, {"awaiting_review"})
    first = next(f["index"] for f in job["files"] if f["path"] == "a.txt")

    def call(path: str) -> httpx.Response:
        if path.endswith("accept-remaining"):
            time.sleep(0.05)
        with server.client() as client:
            return client.post(path, json={})

    paths = [
        f"/api/v1/jobs/{job_id}/files/{first}/decisions",
        f"/api/v1/jobs/{job_id}/accept-remaining",
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        decision, accepted = list(pool.map(call, paths))
    assert decision.status_code == 200, decision.text
    assert accepted.status_code == 200, accepted.text
    job = server.wait_for_job(job_id, {"completed", "failed"})
    assert job["state"] == "completed"
    assert {f["state"] for f in job["files"]} == {"reviewed"}


def test_outputs_zip_holds_what_was_reviewed_and_never_an_original(
    server: RunningServer, tmp_path: Path
) -> None:
    import io
    import zipfile

    d.make_docx(tmp_path / "memo.docx")
    d.make_corrupt_docx(tmp_path / "bad.docx")
    response = server.post(
        "/api/v1/jobs/upload",
        files=[
            ("files", ("notes.txt", d.text_body().encode(), "text/plain")),
            (
                "files",
                (
                    "case/hr/memo.docx",
                    (tmp_path / "memo.docx").read_bytes(),
                    "application/octet-stream",
                ),
            ),
            (
                "files",
                ("case/bad.docx", (tmp_path / "bad.docx").read_bytes(), "application/octet-stream"),
            ),
        ],
        data={"review": "true"},
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    job = server.wait_for_job(job_id, {"awaiting_review"})
    zip_path = f"/api/v1/jobs/{job_id}/outputs.zip"
    waiting = server.get(zip_path)
    assert waiting.status_code == 409  # nothing is zipped while a file waits for its review
    assert "accept the rest" in waiting.json()["detail"]
    with httpx.Client(base_url=server.base_url) as anonymous:
        assert anonymous.get(zip_path).status_code == 401

    index = {f["path"]: f["index"] for f in job["files"]}
    _reject_name_add_word(server, job_id, index["notes.txt"], "quarterly")
    assert server.post(f"/api/v1/jobs/{job_id}/accept-remaining").status_code == 200
    job = server.wait_for_job(job_id, {"completed", "failed"})
    assert job["state"] == "completed"
    states = {f["path"]: f["state"] for f in job["files"]}
    assert states == {
        "notes.txt": "reviewed",
        "case/hr/memo.docx": "reviewed",
        "case/bad.docx": "failed",
    }

    answer = server.get(zip_path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert f'filename="redacta-redacted-{job_id[:8]}.zip"' in answer.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert archive.testzip() is None
    # The written copies under their output paths; the failed file and the report are not in it.
    assert sorted(archive.namelist()) == ["case/hr/memo-redacted.docx", "notes-redacted.txt"]
    out = Path(job["output_dir"])
    for name in archive.namelist():
        assert archive.read(name) == (out / name).read_bytes()
    # What the user reviewed is what the zip holds: the rejected name stays, the added word
    # and every other value are gone; no member is an original (the archive is deflated, so
    # the originals' bytes are compared with each member, not searched in the answer).
    _assert_decisions_applied(archive.read("notes-redacted.txt").decode(), "quarterly")
    (tmp_path / "got.docx").write_bytes(archive.read("case/hr/memo-redacted.docx"))
    for value in d.PII:
        assert value not in d.all_text_of_docx(tmp_path / "got.docx")
    originals = {d.text_body().encode(), (tmp_path / "memo.docx").read_bytes()}
    assert not originals & {archive.read(name) for name in archive.namelist()}

    assert server.request("DELETE", f"/api/v1/jobs/{job_id}").status_code == 204
    assert server.get(zip_path).status_code == 404


def test_outputs_zip_of_a_job_that_wrote_nothing_says_so(
    server: RunningServer, tmp_path: Path
) -> None:
    d.make_corrupt_docx(tmp_path / "bad.docx")
    response = server.post(
        "/api/v1/jobs/upload",
        files=[
            (
                "files",
                ("bad.docx", (tmp_path / "bad.docx").read_bytes(), "application/octet-stream"),
            )
        ],
    )
    assert response.status_code == 202, response.text
    job = server.wait_for_job(response.json()["id"])
    answer = server.get(f"/api/v1/jobs/{job['id']}/outputs.zip")
    assert answer.status_code == 409
    assert answer.json()["detail"] == "This job wrote no redacted copies."
