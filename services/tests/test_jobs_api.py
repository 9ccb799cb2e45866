"""`/api/v1/jobs` against the real server (uvicorn subprocess, worker processes)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

import docsamples as d
from conftest import RunningServer
from redacta.processes import default_workers


def test_path_job_with_events(server: RunningServer, tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    d.make_text(src / "a.txt")
    d.make_docx(src / "sub" / "b.docx")
    d.make_corrupt_docx(src / "sub" / "bad.docx")
    (src / "skip.log").write_text(f"{d.NAME}\n", encoding="utf-8")
    out = tmp_path / "out"
    response = server.post(
        "/api/v1/jobs",
        json={
            "inputs": [str(src)],
            "output_dir": str(out),
            "exclude": ["*.log"],
            "operators": {"EMAIL_ADDRESS": {"type": "mask", "masking_char": "#"}},
        },
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    events = server.job_events(job_id)
    kinds = [k for k, _ in events]
    assert kinds[0] == "started"
    assert kinds[-1] == "finished"
    assert kinds.count("file_done") == 3
    final = events[-1][1]["job"]
    assert final["files_total"] == 3
    assert final["files_done"] == 3
    assert final["files_failed"] == 1
    assert final["bytes_done"] == final["bytes_total"] > 0
    stream_text = json.dumps(events)
    for value in d.PII:
        assert value not in stream_text
    job = server.get(f"/api/v1/jobs/{job_id}").json()
    files = {f["path"]: f for f in job["files"]}
    assert files["sub/bad.docx"]["error_code"] == "corrupt"
    assert files["a.txt"]["state"] == "done"
    assert files["a.txt"]["output"] == "a-redacted.txt"
    assert "#" * len(d.EMAIL) in (out / "a-redacted.txt").read_text(encoding="utf-8")
    assert (out / "sub" / "b-redacted.docx").is_file()
    assert not list(out.rglob("skip*"))
    listed = server.get("/api/v1/jobs").json()
    assert job_id in {j["id"] for j in listed}
    report = server.get(f"/api/v1/jobs/{job_id}/report", params={"format": "csv"})
    assert report.status_code == 200
    assert report.text.splitlines()[0] == "file,entity_type,location,start,end,score,operator"


def test_upload_job_and_download(server: RunningServer, tmp_path: Path) -> None:
    docx_path = d.make_docx(tmp_path / "memo.docx")
    for escape in ("../../evil.txt", "/etc/evil.txt", "folder/../../evil.txt"):
        refused = server.post(
            "/api/v1/jobs/upload", files=[("files", (escape, b"Call John Smith.", "text/plain"))]
        )
        assert refused.status_code == 422, escape
        assert "relative paths" in refused.json()["detail"]
    files = [
        ("files", ("notes.txt", d.text_body().encode(), "text/plain")),
        ("files", ("case/hr/memo.docx", docx_path.read_bytes(), "application/octet-stream")),
    ]
    response = server.post(
        "/api/v1/jobs/upload", files=files, data={"options": json.dumps({"include_values": False})}
    )
    assert response.status_code == 202, response.text
    job = server.wait_for_job(response.json()["id"])
    assert job["state"] == "completed"
    by_name = {f["path"]: f for f in job["files"]}
    assert set(by_name) == {"notes.txt", "case/hr/memo.docx"}  # the uploaded tree is kept
    assert by_name["case/hr/memo.docx"]["output"] == "case/hr/memo-redacted.docx"
    index = by_name["notes.txt"]["index"]
    download = server.get(f"/api/v1/jobs/{job['id']}/files/{index}")
    assert download.status_code == 200
    assert d.EMAIL not in download.text
    assert d.FILLER in download.text
    memo = server.get(f"/api/v1/jobs/{job['id']}/files/{by_name['case/hr/memo.docx']['index']}")
    assert 'filename="memo-redacted.docx"' in memo.headers["content-disposition"]
    (tmp_path / "got.docx").write_bytes(memo.content)
    for value in d.PII:
        assert value not in d.all_text_of_docx(tmp_path / "got.docx")
    # The uploaded originals are deleted once the job is done; outputs stay downloadable.
    folder = Path(job["output_dir"]).parent
    assert folder.parent == server.data_dir / "uploads"
    deadline = time.monotonic() + 10
    while (folder / "input").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not (folder / "input").exists()
    assert (folder / "output" / "notes-redacted.txt").is_file()


def test_upload_names_that_clash_on_disk_are_all_kept(server: RunningServer) -> None:
    # A file named like another part's folder, and names equal but for case, once ended in a
    # 500 and a lost file; each part now gets its own name.
    files = [
        ("files", ("notes.txt", b"Call John Smith.", "text/plain")),
        ("files", ("notes.txt/inner.txt", b"Call John Smith.", "text/plain")),
        ("files", ("NOTES.TXT", b"Call John Smith.", "text/plain")),
    ]
    response = server.post("/api/v1/jobs/upload", files=files)
    assert response.status_code == 202, response.text
    job = server.wait_for_job(response.json()["id"])
    assert job["state"] == "completed"
    paths = sorted(f["path"] for f in job["files"])
    assert paths == ["NOTES (3).TXT", "notes (2).txt", "notes.txt/inner.txt"]
    assert all(f["state"] == "done" for f in job["files"]), job["files"]


def test_cancel_and_api_stays_responsive(server: RunningServer, tmp_path: Path) -> None:
    src = d.make_text_folder(tmp_path / "many", files=30, repeats=30)
    out = tmp_path / "out"
    job_id = server.post(
        "/api/v1/jobs", json={"inputs": [str(src)], "output_dir": str(out)}
    ).json()["id"]
    # While the job runs the API answers quickly (work happens in worker processes).
    started = time.monotonic()
    assert server.get("/health").status_code == 200
    assert time.monotonic() - started < 2.0
    response = server.post(f"/api/v1/jobs/{job_id}/cancel")
    assert response.status_code == 200
    job = server.wait_for_job(job_id)
    assert job["state"] == "cancelled"
    assert not [p for p in out.rglob("*") if p.name.endswith(".redacta-part")]
    done = {f["output"] for f in job["files"] if f["state"] == "done"}
    assert {p.name for p in out.glob("f*.txt")} == done
    assert len(done) < 30


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"inputs": [], "output_dir": "/tmp/x"}, 422),
        ({"inputs": ["/definitely/not/here"], "output_dir": "/tmp/x"}, 422),
        ({"inputs": ["/tmp"], "output_dir": "/tmp/x", "operators": {"P": {"type": "nope"}}}, 422),
    ],
)
def test_bad_requests(server: RunningServer, body: dict[str, Any], status: int) -> None:
    response = server.post("/api/v1/jobs", json=body)
    assert response.status_code == status
    assert "detail" in response.json()


def test_unknown_entity_type_refuses_the_job(server: RunningServer, tmp_path: Path) -> None:
    """A job asked for a type nothing finds would write every file with that type in clear:
    refused up front (422 naming it), for a path job and an upload, and no job is started."""
    src = d.make_text(tmp_path / "a.txt")
    before = len(server.get("/api/v1/jobs").json())
    body = {"inputs": [str(src)], "output_dir": str(tmp_path / "out"), "entities": ["PERSONS"]}
    response = server.post("/api/v1/jobs", json=body)
    assert response.status_code == 422, response.text
    assert "'PERSONS'" in response.json()["detail"]
    upload = server.post(
        "/api/v1/jobs/upload",
        files=[("files", ("a.txt", src.read_bytes()))],
        data={"options": json.dumps({"entities": ["PERSON", "EMAIL"]})},
    )
    assert upload.status_code == 422, upload.text
    assert "'EMAIL'" in upload.json()["detail"]
    assert len(server.get("/api/v1/jobs").json()) == before
    assert not (tmp_path / "out").exists()


def test_upload_options_that_are_not_json_say_which_field(server: RunningServer) -> None:
    response = server.post(
        "/api/v1/jobs/upload", files=[("files", ("a.txt", b"hello"))], data={"options": "{bad"}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("options: Invalid JSON"), response.text


def test_output_inside_input_refused(server: RunningServer, tmp_path: Path) -> None:
    d.make_text(tmp_path / "a.txt")
    response = server.post(
        "/api/v1/jobs", json={"inputs": [str(tmp_path)], "output_dir": str(tmp_path / "out")}
    )
    assert response.status_code == 422
    assert "output folder" in response.json()["detail"]


def test_unknown_job_and_auth(server: RunningServer) -> None:
    assert server.get("/api/v1/jobs/nope").status_code == 404
    assert server.get("/api/v1/jobs/nope/events").status_code == 404
    with httpx.Client(base_url=server.base_url) as anonymous:
        assert anonymous.get("/api/v1/jobs").status_code == 401


def test_a_file_is_running_only_while_a_worker_has_it(
    server: RunningServer, tmp_path: Path
) -> None:
    """With more files than job workers, the files waiting for a worker stay pending: the
    Documents panel and the CLI show as running only the files being redacted."""
    workers = default_workers()
    src = tmp_path / "in"
    src.mkdir()
    for n in range(2 * workers + 1):
        d.make_text(src / f"note{n}.txt")
    response = server.post(
        "/api/v1/jobs", json={"inputs": [str(src)], "output_dir": str(tmp_path / "out")}
    )
    assert response.status_code == 202, response.text
    running: set[int] = set()
    most = 0
    for kind, event in server.job_events(response.json()["id"]):
        if kind == "file_started":
            running.add(event["file"]["index"])
        elif kind == "file_done":
            running.discard(event["file"]["index"])
        most = max(most, len(running))
    assert most == workers
