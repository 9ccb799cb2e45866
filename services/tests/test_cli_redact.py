"""`redacta redact` as a user runs it: real files, exit codes, reports.

A real process where the process is the subject (a worker pool, its exit status and empty
stdout, Ctrl+C); the rest runs `redacta`'s `main` in this process on the session's engine
(`run_cli`), the same code without a model load per run.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

import docsamples as d
from conftest import RunCli, redact_process, user_env


def test_help_is_for_newcomers(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("redact", "--help", data_dir=tmp_path)
    assert result.returncode == 0
    for needle in ("examples:", "redacta redact contract.docx -o out", "exit codes:", "--operator"):
        assert needle in result.stdout


def test_folder_with_a_bad_file_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    d.make_text(src / "notes.txt")
    d.make_csv(src / "deep" / "people.csv")
    d.make_corrupt_docx(src / "deep" / "broken.docx")
    out = tmp_path / "out"
    result = redact_process(
        str(src),
        "-o",
        str(out),
        "--operator",
        "EMAIL_ADDRESS=mask:masking_char=#",
        "--operator",
        "PERSON=pseudonymize",
        "--report",
        "csv",
        "--report",
        "json",
        "--jobs",
        "2",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 1, result.stderr
    assert "failed: deep/broken.docx" in result.stderr
    assert "2 file(s) redacted, 1 failed" in result.stderr
    assert result.stdout == ""  # nothing on stdout; no progress bar without a TTY
    notes = (out / "notes.txt").read_text(encoding="utf-8")
    assert "<PERSON_1>" in notes
    assert "#" * len(d.EMAIL) in notes
    assert (out / "deep" / "people.csv").is_file()
    assert not (out / "deep" / "broken.docx").exists()
    with (out / "redacta-report.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["file"] for r in rows} == {"notes.txt", "deep/people.csv"}
    assert "value" not in rows[0]
    report = json.loads((out / "redacta-report.json").read_text(encoding="utf-8"))
    assert report["job"]["files_failed"] == 1
    for text in (result.stderr, (out / "redacta-report.csv").read_text(encoding="utf-8")):
        for value in d.PII:
            assert value not in text


def test_single_process_entities_and_values(tmp_path: Path, run_cli: RunCli) -> None:
    src = d.make_text(tmp_path / "a.txt")
    out = tmp_path / "out"
    result = run_cli(
        "redact",
        str(src),
        "-o",
        str(out),
        "--entities",
        "EMAIL_ADDRESS",
        "--include-values",
        "--jobs",
        "1",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    text = (out / "a.txt").read_text(encoding="utf-8")
    assert d.NAME in text  # PERSON was not asked for
    assert d.EMAIL not in text
    report = json.loads((out / "redacta-report.json").read_text(encoding="utf-8"))
    assert {f["value"] for f in report["findings"]} == {d.EMAIL, d.EMAIL2}
    assert {f["entity_type"] for f in report["findings"]} == {"EMAIL_ADDRESS"}
    # A second run refuses to overwrite; --overwrite replaces.
    again = run_cli("redact", str(src), "-o", str(out), "--jobs", "1", data_dir=tmp_path / "data")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    forced = run_cli(
        "redact", str(src), "-o", str(out), "--jobs", "1", "--overwrite", data_dir=tmp_path / "data"
    )
    assert forced.returncode == 0
    assert d.NAME not in (out / "a.txt").read_text(encoding="utf-8")


def test_output_that_would_replace_its_input_exits_2_and_keeps_the_original(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """The CLI keeps the input names, so `redact a.txt -o . --overwrite` run beside the file
    (or an input folder inside the output folder) would write each redacted copy over its
    original, which is then lost."""
    folder = tmp_path / "docs"
    folder.mkdir()
    src = d.make_text(folder / "a.txt")
    original = src.read_bytes()
    for inputs in ([str(src)], [str(folder), str(d.make_text(tmp_path / "b.txt"))]):
        target = folder if inputs == [str(src)] else tmp_path
        args = [*inputs, "-o", str(target), "--jobs", "1", "--overwrite"]
        result = run_cli("redact", *args, data_dir=tmp_path / "data")
        assert result.returncode == 2, (inputs, result.stderr)
        assert "would replace the input file" in result.stderr
        assert src.read_bytes() == original


def test_usage_errors_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    src = d.make_text(tmp_path / "a.txt")
    cases = [
        ([str(src)], "the following arguments are required: -o"),
        ([str(src), "-o", str(tmp_path / "o"), "--operator", "PERSON"], "ENTITY=OPERATOR"),
        ([str(src), "-o", str(tmp_path / "o"), "--operator", "PERSON=zap"], "--operator"),
        ([str(src), "-o", str(tmp_path / "o"), "--threshold", "3"], "--threshold"),
        ([str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")], "Input not found"),
        ([str(tmp_path), "-o", str(tmp_path / "inside")], "output folder"),
        ([str(src), "-o", str(src / "out")], f"{src} is a file"),
    ]
    for args, message in cases:
        result = run_cli("redact", *args, data_dir=tmp_path / "data")
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr
    assert not (tmp_path / "o").exists()


def test_unknown_entity_type_exits_2_and_writes_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    """`--entities PERSONS` (a typo) would find nothing and copy every name in clear with exit
    0; it is a usage error naming the type, printed even with -q, before any file starts."""
    src = tmp_path / "in"
    src.mkdir()
    d.make_text(src / "a.txt")
    d.make_text(src / "b.txt")
    out = tmp_path / "out"
    args = [str(src), "-o", str(out), "--jobs", "1", "--entities", "persons,EMAIL"]
    for quiet in (["-q"], []):
        result = run_cli("redact", *args, *quiet, data_dir=tmp_path / "data")
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("'PERSONS'") == 1
        assert "'EMAIL'" in result.stderr
        assert "EMAIL_ADDRESS" in result.stderr
        assert "failed:" not in result.stderr
        assert "file(s) redacted" not in result.stderr  # no job ran
        assert not out.exists()  # no output, no report


def test_unknown_entity_type_is_told_once_with_several_workers(tmp_path: Path) -> None:
    """With worker processes the type is checked once, in a worker whose engine knows the
    types, before any file is handed out: one message, exit 2, nothing written."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        d.make_text(src / f"{name}.txt")
    out = tmp_path / "out"
    result = redact_process(
        str(src), "-o", str(out), "--jobs", "2", "--entities", "PERSONS", data_dir=tmp_path / "data"
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("'PERSONS'") == 1, result.stderr
    assert "redacta redact: error: Unknown entity type(s) 'PERSONS'" in result.stderr
    assert "failed:" not in result.stderr
    assert not out.exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_output_folder_that_cannot_be_created_says_so(tmp_path: Path, run_cli: RunCli) -> None:
    """/proc is a folder where even root cannot create one: each file's error names the
    output folder, not an 'Unexpected error (FileNotFoundError in pathlib.py)'."""
    src = d.make_text(tmp_path / "a.txt")
    out = "/proc/redacta-cannot-be-here/out"
    result = run_cli("redact", str(src), "-o", out, "--jobs", "1", data_dir=tmp_path / "data")
    assert result.returncode != 0
    assert f"a.txt: The output folder {out} cannot be created" in result.stderr
    assert "Unexpected error" not in result.stderr


def test_ctrl_c_stops_without_partial_files(tmp_path: Path) -> None:
    import signal
    import time

    src = d.make_text_folder(tmp_path / "in", files=40, repeats=20)
    out = tmp_path / "out"
    env = user_env(tmp_path / "data")
    proc = subprocess.Popen(
        [sys.executable, "-m", "redacta", "redact", str(src), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 240
    while not list(out.glob("f*.txt")) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert not [p for p in out.rglob("*") if p.name.endswith(".redacta-part")]
    written = list(out.glob("f*.txt"))
    assert 0 < len(written) < 40
    for path in written:
        assert path.read_text(encoding="utf-8").count("Meeting notes") == 21
    assert (out / "redacta-report.json").is_file()


def test_slack_export_keeps_its_timestamps(tmp_path: Path, run_cli: RunCli) -> None:
    """Message timestamps ("ts", seconds with a fraction) pass the NHS check digit one time in
    eleven; a real NHS number in a message is still redacted."""
    export = [
        {"type": "message", "user": "U024BE7LH", "ts": "1795770120.000300",
         "text": "Her NHS number is 943 476 5919."},
        {"type": "message", "user": "U024BE7LH", "ts": 1795770120.0003, "text": "thanks"},
    ]  # fmt: skip
    src = tmp_path / "general.json"
    src.write_text(json.dumps(export, indent=2), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("redact", str(src), "-o", str(out), "--jobs", "1", data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    redacted = json.loads((out / "general.json").read_text(encoding="utf-8"))
    assert redacted[0]["ts"] == "1795770120.000300"
    assert redacted[1]["ts"] == 1795770120.0003
    assert redacted[0]["text"] == "Her NHS number is <UK_NHS>."
