"""Document jobs in the frozen exe: python-docx, openpyxl, pdfium and the job worker processes.

These libraries load templates, XML schemas and a native PDF library at run time, and the jobs
run in `spawn`ed workers: all of it must come along in the bundle. The redacted copies must
read the same as the dev server's.
"""

from __future__ import annotations

import json
import time
from typing import Any

from backend_process import Backend
from documents import documents, text_of

UPLOAD = "/api/v1/jobs/upload"
JOB_TIMEOUT_S = 600.0
FINISHED = {"completed", "failed", "cancelled"}
OPTIONS = {"operators": {"DEFAULT": {"type": "replace"}}}
MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}


def _run_job(backend: Backend, files: dict[str, bytes]) -> dict[str, Any]:
    upload = [
        ("files", (name, data, MIME[name[name.rindex(".") :]])) for name, data in files.items()
    ]
    response = backend.http.post(UPLOAD, files=upload, data={"options": json.dumps(OPTIONS)})
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while time.monotonic() < deadline:
        job: dict[str, Any] = backend.http.get(f"/api/v1/jobs/{job_id}").json()
        if job["state"] in FINISHED:
            return job
        time.sleep(0.5)
    raise TimeoutError(f"job not finished in {JOB_TIMEOUT_S} s\n{backend.log_tail()}")


def _outputs(backend: Backend, job: dict[str, Any]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for item in job["files"]:
        response = backend.http.get(f"/api/v1/jobs/{job['id']}/files/{item['index']}")
        assert response.status_code == 200, f"{item['path']}: {response.status_code}"
        texts[item["path"]] = text_of(item["path"], response.content)
    return texts


def _per_file(job: dict[str, Any]) -> dict[str, tuple[str, int, dict[str, int], str | None]]:
    return {
        f["path"]: (f["state"], f["findings"], f["by_entity"], f["error_code"])
        for f in job["files"]
    }


def test_document_job_matches_dev(frozen_server: Backend, dev_server: Backend) -> None:
    files = documents()
    frozen_job = _run_job(frozen_server, files)
    dev_job = _run_job(dev_server, files)

    assert frozen_job["state"] == "completed", frozen_server.log_tail()
    assert {f["state"] for f in frozen_job["files"]} == {"done"}, frozen_job["files"]
    assert _per_file(frozen_job) == _per_file(dev_job)
    frozen_texts = _outputs(frozen_server, frozen_job)
    assert frozen_texts == _outputs(dev_server, dev_job)
    for name, text in frozen_texts.items():
        assert "john.smith@example.com" not in text, name
    assert sum(f["findings"] for f in frozen_job["files"]) > len(files)
