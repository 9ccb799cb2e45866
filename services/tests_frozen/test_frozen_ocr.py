"""OCR in the frozen exe, offline: onnxruntime and the models inside the bundle.

A generated scan with planted personal data goes through a document job of the frozen
backend (in its own network namespace, so a model download would fail); the planted values'
areas must come back painted over and the rest of the page readable.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path
from typing import Any

from backend_process import Backend
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import scans

JOB_TIMEOUT_S = 900.0


def test_frozen_exe_reads_and_paints_a_scan(frozen_server: Backend) -> None:
    page = scans.degrade(scans.letter(11, points=12, paper=235), angle=1.0)
    buffer = io.BytesIO()
    page.image.save(buffer, format="PNG")
    upload = [("files", ("scan.png", buffer.getvalue(), "image/png"))]
    options = {"operators": {"DEFAULT": {"type": "replace"}}}
    response = frozen_server.http.post(
        "/api/v1/jobs/upload", files=upload, data={"options": json.dumps(options)}
    )
    assert response.status_code == 202, (response.text, frozen_server.log_tail())
    job_id = response.json()["id"]
    deadline = time.monotonic() + JOB_TIMEOUT_S
    job: dict[str, Any] = {}
    while time.monotonic() < deadline:
        job = frozen_server.http.get(f"/api/v1/jobs/{job_id}").json()
        if job["state"] in {"completed", "failed", "cancelled"}:
            break
        time.sleep(1.0)
    assert job.get("state") == "completed", (job, frozen_server.log_tail())
    (item,) = job["files"]
    assert item["state"] == "done", item
    assert any("OCR confidence" in note for note in item["notes"]), item["notes"]
    output = frozen_server.http.get(f"/api/v1/jobs/{job_id}/files/{item['index']}")
    assert output.status_code == 200
    redacted = Image.open(io.BytesIO(output.content))
    cover = scans.coverage(page, redacted)
    assert cover.recall == 1.0, cover
    assert cover.false_box_rate <= 0.1, cover
    assert not redacted.getexif()
