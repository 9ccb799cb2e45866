"""What is found is what is removed, on every path: pasted text, jobs (every format) and the CLI
redact with the same saved settings (custom recognizer, deny list, allow list, default
operators), the same overlap rule and the same pseudonym labels.

Real server (uvicorn subprocess, job worker processes), real files, the real CLI (its `main` in
this process, on the session's engine).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CliResult, RunCli, RunningServer

LINES = [
    "Maria Gonzalez (EMP-204518) moved to 27 Rue des Lilas last month.",
    "Call her on +1 212-555-0142 before the review.",
    "John Carter (EMP-771203) from Northwind Traders approved the move.",
    "Maria Gonzalez will confirm with Northwind Traders.",
]
TEXT = "\n".join(LINES) + "\n"
EMPLOYEE_IDS = ("EMP-204518", "EMP-771203")
STREET = "Rue des Lilas"
COMPANY = "Northwind Traders"
PEOPLE = ("Maria Gonzalez", "John Carter")
PHONE_DIGITS = "555-0142"
SETTINGS: dict[str, Any] = {
    "allow_list": [COMPANY],
    "deny_lists": {"LOCATION": [STREET]},
    "custom_recognizers": [
        {"name": "Employee ID", "entity_type": "EMPLOYEE_ID", "pattern": r"EMP-\d{6}"}
    ],
    "default_operators": {
        "PERSON": {"type": "pseudonymize"},
        "PHONE_NUMBER": {"type": "mask", "masking_char": "#"},
    },
}
LABEL = re.compile(r"<[A-Z][A-Z0-9_]*>")


# -- sample files: the same lines in every format ------------------------------------------


def _txt(path: Path) -> None:
    path.write_text(TEXT, encoding="utf-8")


def _csv(path: Path) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["note"])
    writer.writerows([line] for line in LINES)
    path.write_text(out.getvalue(), encoding="utf-8")


def _json(path: Path) -> None:
    path.write_text(json.dumps({"notes": LINES}, indent=2), encoding="utf-8")


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(str(path))


def _xlsx(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in LINES:
        sheet.append([line])
    workbook.save(str(path))


def _pdf(path: Path) -> None:
    import docsamples as d

    d.make_pdf(path, [LINES])


MAKERS: dict[str, Callable[[Path], None]] = {
    ".txt": _txt,
    ".csv": _csv,
    ".json": _json,
    ".docx": _docx,
    ".xlsx": _xlsx,
    ".pdf": _pdf,
}


def output_text(path: Path) -> str:
    """All text a reader of the output file gets (PDF: its text layer)."""
    suffix = path.suffix
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if suffix == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(str(path)).active
        assert sheet is not None
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    if suffix == ".json":
        return "\n".join(json.loads(path.read_text(encoding="utf-8"))["notes"])
    return path.read_text(encoding="utf-8")


# -- the server with the user's settings saved ---------------------------------------------


@pytest.fixture
def saved_settings(server: RunningServer) -> Iterator[RunningServer]:
    """The shared server with SETTINGS saved as the user's; the old settings put back after."""
    before = server.get("/api/v1/settings").json()
    response = server.put("/api/v1/settings", json=SETTINGS)
    assert response.status_code == 200, response.text
    yield server
    assert server.put("/api/v1/settings", json=before).status_code == 200


def _run_job(server: RunningServer, src: Path, out: Path, **request: Any) -> dict[str, Any]:
    response = server.post(
        "/api/v1/jobs", json={"inputs": [str(src)], "output_dir": str(out), **request}
    )
    assert response.status_code == 202, response.text
    job = server.wait_for_job(response.json()["id"])
    assert job["state"] == "completed", job
    assert job["files_failed"] == 0, job["files"]
    return job


def _note_job(server: RunningServer, tmp_path: Path, **request: Any) -> tuple[dict[str, Any], str]:
    """A job on a folder holding one plain-text note (TEXT): the job, and the note redacted."""
    src = tmp_path / "in"
    src.mkdir()
    _txt(src / "notes.txt")
    out = tmp_path / "out"
    job = _run_job(server, src, out, **request)
    return job, (out / "notes-redacted.txt").read_text(encoding="utf-8")


def _pasted(server: RunningServer) -> str:
    response = server.post("/api/v1/redact", json={"text": TEXT})
    assert response.status_code == 200, response.text
    text: str = response.json()["text"]
    return text


def _assert_redacted_with_settings(text: str, where: str) -> None:
    for value in (*EMPLOYEE_IDS, *PEOPLE, PHONE_DIGITS, "Lilas", "Rue des"):
        assert value not in text, f"{where}: a value of the settings stayed in clear"
    assert text.count(COMPANY) == 2, f"{where}: the allow-listed company was redacted"
    assert "<EMPLOYEE_ID>" in text, where
    assert "<PERSON_1>" in text, where  # pseudonymized people
    assert "<PERSON_2>" in text, where
    assert "#" * 8 in text, where  # the phone masked with the configured character
    # The deny-listed "Rue des Lilas" and the model's "27 Rue de" overlap: one LOCATION.
    assert "moved to <LOCATION> last month" in text, where


def test_pasted_text_applies_the_settings(saved_settings: RunningServer) -> None:
    _assert_redacted_with_settings(_pasted(saved_settings), "pasted text")


def test_job_applies_the_user_settings_in_every_format(
    saved_settings: RunningServer, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for suffix, make in MAKERS.items():
        make(src / f"notes{suffix}")
    out = tmp_path / "out"
    job = _run_job(saved_settings, src, out)

    pasted = _pasted(saved_settings)
    pasted_labels = set(LABEL.findall(pasted))
    for suffix in MAKERS:
        text = output_text(out / f"notes-redacted{suffix}")
        _assert_redacted_with_settings(text, suffix)
        # One numbering for the whole job: Maria is <PERSON_1> and John <PERSON_2> in every
        # file, exactly as in the pasted text.
        assert set(LABEL.findall(text)) == pasted_labels, suffix
        moved = next(line for line in text.splitlines() if "moved to" in line)
        approved = next(line for line in text.splitlines() if "approved the move" in line)
        assert moved.startswith("<PERSON_1>"), suffix
        assert approved.startswith("<PERSON_2>"), suffix
    # The plain-text file is the pasted text: its output is the pasted text's output.
    assert (out / "notes-redacted.txt").read_text(encoding="utf-8") == pasted

    assert job["settings_applied"] == {
        "source": "user",
        "entities": None,
        "threshold": pytest.approx(job["settings_applied"]["threshold"]),
        "allow_list": 1,
        "deny_lists": 1,
        "custom_recognizers": 1,
        "operators": {"DEFAULT": "replace", "PERSON": "pseudonymize", "PHONE_NUMBER": "mask"},
    }
    report = json.loads(next(out.glob("redacta-report-*.json")).read_text(encoding="utf-8"))
    assert report["job"]["settings_applied"] == job["settings_applied"]
    assert COMPANY not in json.dumps(report)
    assert STREET not in json.dumps(report)


def test_job_without_user_settings_uses_the_defaults(
    saved_settings: RunningServer, tmp_path: Path
) -> None:
    job, text = _note_job(saved_settings, tmp_path, use_user_settings=False)
    assert job["settings_applied"]["source"] == "defaults"
    assert job["settings_applied"]["custom_recognizers"] == 0
    assert all(value in text for value in EMPLOYEE_IDS)  # no custom recognizer
    assert COMPANY not in text  # no allow list: the model's organisation is redacted
    assert "<PERSON>" in text  # the default operator, not the user's pseudonyms


def test_request_fields_narrow_the_user_settings(
    saved_settings: RunningServer, tmp_path: Path
) -> None:
    job, text = _note_job(
        saved_settings, tmp_path, operators={"EMPLOYEE_ID": {"type": "mask", "masking_char": "X"}}
    )
    assert "X" * len(EMPLOYEE_IDS[0]) in text
    assert COMPANY in text
    assert STREET not in text
    applied = job["settings_applied"]
    assert applied["source"] == "request"
    assert applied["operators"] == {"DEFAULT": "replace", "EMPLOYEE_ID": "mask"}


def test_upload_job_with_empty_options_applies_the_user_settings(
    saved_settings: RunningServer,
) -> None:
    response = saved_settings.post(
        "/api/v1/jobs/upload",
        files=[("files", ("notes.txt", TEXT.encode(), "text/plain"))],
        data={"options": "{}"},
    )
    assert response.status_code == 202, response.text
    job = saved_settings.wait_for_job(response.json()["id"])
    assert job["state"] == "completed"
    download = saved_settings.get(f"/api/v1/jobs/{job['id']}/files/0")
    assert download.status_code == 200
    assert download.text == _pasted(saved_settings)
    assert job["settings_applied"]["source"] == "user"


def test_overlapping_findings_become_one_span_on_every_path(server: RunningServer) -> None:
    text = LINES[0]
    model, deny = text.index("27 Rue de"), text.index(STREET)
    findings = [
        {"entity_type": "LOCATION", "start": model, "end": model + len("27 Rue de"), "score": 0.7},
        {"entity_type": "LOCATION", "start": deny, "end": deny + len(STREET), "score": 1.0},
    ]
    pasted = server.post(
        "/api/v1/redact", json={"text": text, "findings": findings, "operators": {}}
    ).json()
    presidio = server.post("/anonymize", json={"text": text, "analyzer_results": findings}).json()
    for result in (pasted, presidio):
        assert result["text"] == "Maria Gonzalez (EMP-204518) moved to <LOCATION> last month."
        assert len(result["items"]) == 1


# -- the CLI --------------------------------------------------------------------------------


def _cli(run_cli: RunCli, *args: str, data_dir: Path) -> CliResult:
    return run_cli("redact", *args, "--jobs", "1", data_dir=data_dir)


def test_cli_uses_saved_settings_a_settings_file_or_none(tmp_path: Path, run_cli: RunCli) -> None:
    src = tmp_path / "notes.txt"
    _txt(src)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps(SETTINGS), encoding="utf-8")

    saved = _cli(run_cli, str(src), "-o", str(tmp_path / "saved"), data_dir=data_dir)
    assert saved.returncode == 0, saved.stderr
    _assert_redacted_with_settings((tmp_path / "saved" / "notes.txt").read_text("utf-8"), "cli")
    assert "settings: user (1 allow-listed, 1 deny-listed, 1 custom recognizer(s)" in saved.stderr

    ignored = _cli(
        run_cli, str(src), "-o", str(tmp_path / "none"), "--no-user-settings", data_dir=data_dir
    )
    assert ignored.returncode == 0, ignored.stderr
    plain = (tmp_path / "none" / "notes.txt").read_text("utf-8")
    assert EMPLOYEE_IDS[0] in plain
    assert COMPANY not in plain
    report = json.loads((tmp_path / "none" / "redacta-report.json").read_text("utf-8"))
    assert report["job"]["settings_applied"]["source"] == "defaults"

    settings_file = tmp_path / "shared.json"
    settings_file.write_text(json.dumps(SETTINGS), encoding="utf-8")
    empty_data = tmp_path / "empty-data"
    from_file = _cli(
        run_cli,
        str(src),
        "-o",
        str(tmp_path / "file"),
        "--settings",
        str(settings_file),
        data_dir=empty_data,
    )
    assert from_file.returncode == 0, from_file.stderr
    _assert_redacted_with_settings((tmp_path / "file" / "notes.txt").read_text("utf-8"), "file")


def test_cli_settings_file_is_validated_like_the_app(tmp_path: Path, run_cli: RunCli) -> None:
    slow = {"name": "x", "entity_type": "ID", "pattern": r"(a+)+$"}
    bad = dict(SETTINGS, custom_recognizers=[slow])
    settings_file = tmp_path / "bad.json"
    settings_file.write_text(json.dumps(bad), encoding="utf-8")
    src = tmp_path / "notes.txt"
    _txt(src)
    result = _cli(
        run_cli,
        str(src),
        "-o",
        str(tmp_path / "o"),
        "--settings",
        str(settings_file),
        data_dir=tmp_path,
    )
    assert result.returncode == 2
    assert "custom_recognizers.0" in result.stderr
    assert "backtracks catastrophically" in result.stderr
    assert not (tmp_path / "o" / "notes.txt").exists()
    both = _cli(
        run_cli,
        str(src),
        "-o",
        str(tmp_path / "o"),
        "--settings",
        "x",
        "--no-user-settings",
        data_dir=tmp_path,
    )
    assert both.returncode == 2
    assert "not allowed with" in both.stderr


def test_a_saved_type_left_without_recognizer_is_no_typo(app_client: Any, tmp_path: Path) -> None:
    """A settings file can enable a type nothing finds: one written before saving checked the
    types, or a type left behind by a removed custom recognizer; the app sends it with every
    analysis. Finding nothing for it is right; refusing every analysis, or every later save,
    would leave the user no way out (no checkbox shows it). A type named only by the request,
    or newly added to the saved types, is still refused."""
    data_dir = tmp_path / "left-behind"
    data_dir.mkdir()
    saved = {"enabled_entities": ["PERSON", "EMAIL_ADDRESS", "CUSTOM_ID"]}
    (data_dir / "settings.json").write_text(json.dumps(saved), encoding="utf-8")
    with app_client(data_dir=data_dir) as client:
        stored = client.get("/api/v1/settings").json()
        assert stored["enabled_entities"] == saved["enabled_entities"]
        resaved = client.put("/api/v1/settings", json=dict(saved, score_threshold=0.3))
        assert resaved.status_code == 200, resaved.text
        text = "Write to Maria Gonzalez at maria.gonzalez@example.com."
        for body in ({"text": text}, {"text": text, "entities": saved["enabled_entities"]}):
            found = client.post("/api/v1/analyze", json=body)
            assert found.status_code == 200, found.text
            redacted = client.post("/api/v1/redact", json=body)
            assert redacted.status_code == 200, redacted.text
            assert redacted.json()["text"] == "Write to <PERSON> at <EMAIL_ADDRESS>."
        typo = client.post("/api/v1/redact", json={"text": text, "entities": ["PERSONS"]})
        assert typo.status_code == 422
        assert "'PERSONS'" in typo.json()["detail"]
        added = client.put(
            "/api/v1/settings", json={"enabled_entities": [*saved["enabled_entities"], "PERSONS"]}
        )
        assert added.status_code == 422
        assert "'PERSONS'" in added.json()["detail"]
