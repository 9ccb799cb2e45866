"""Batch jobs over real worker processes (spawn, one engine each): mixed folders with bad
files, mirrored output, reports, cancellation without partial files, safety checks."""

from __future__ import annotations

import csv
import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import docsamples as d
from redacta.jobs import FileState, Job, JobRequest, JobState, PlanError, run_job
from redacta.jobs.plan import TEMP_SUFFIX
from redacta.jobs.pool import WorkerPool
from redacta.settings import Settings


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerPool]:
    """One worker process (each loads the model): a job over several workers is covered by
    the orphan test here, the CLI's `--jobs 2` and the server's pool in test_jobs_api.py."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    workers = WorkerPool(settings, 1)
    yield workers
    workers.close()


def _run(pool: WorkerPool, **request: object) -> Job:
    job = Job(JobRequest.model_validate(request), settings=pool.settings)
    run_job(job, pool.get, pool.reset, 4)
    return job


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "hr" / "2024").mkdir(parents=True)
    d.make_text(root / "notes.txt")
    d.make_docx(root / "hr" / "memo.docx")
    d.make_pdf(root / "hr" / "2024" / "letter.pdf")
    d.make_csv(root / "hr" / "people.csv")
    d.make_xlsx(root / "book.xlsx")
    d.make_corrupt_docx(root / "broken.docx")
    d.make_zip_bomb_docx(root / "bomb.docx")
    d.make_pdf(root / "hr" / "locked.pdf", password="secret")
    (root / "clip.mp3").write_bytes(b"ID3\x04\x00")  # a format Redacta does not read
    return root


def test_mixed_folder(pool: WorkerPool, mixed_folder: Path, tmp_path: Path) -> None:
    before = _digest(mixed_folder)
    out = tmp_path / "out"
    job = _run(pool, inputs=[str(mixed_folder)], output_dir=str(out))
    states = {f.path: f for f in job.files}
    assert job.state == JobState.COMPLETED
    done = {p for p, f in states.items() if f.state == FileState.DONE}
    assert done == {
        "notes.txt",
        "hr/memo.docx",
        "hr/2024/letter.pdf",
        "hr/people.csv",
        "book.xlsx",
    }
    assert states["broken.docx"].error_code == "corrupt"
    assert states["bomb.docx"].error_code == "archive_bomb"
    assert states["hr/locked.pdf"].error_code == "encrypted"
    assert states["clip.mp3"].state == FileState.SKIPPED
    # Output mirrors the tree, only for files that succeeded, each named <name>-redacted.<ext>;
    # originals untouched.
    named = {states[p].output for p in done}
    assert "hr/2024/letter-redacted.pdf" in named
    outputs = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert outputs == named | {f"{job.report_name}.json", f"{job.report_name}.csv"}
    assert _digest(mixed_folder) == before
    for rel in named:
        assert rel is not None
        assert d.EMAIL.encode() not in (out / rel).read_bytes()
    # Reports: every finding of every file, no values unless asked.
    summary = job.summary()
    assert summary.files_failed == 3
    assert summary.files_done == summary.files_total == 9
    report = json.loads((out / f"{job.report_name}.json").read_text(encoding="utf-8"))
    assert report["job"]["id"] == job.id
    assert len(report["findings"]) == summary.findings > 10
    assert {f["file"] for f in report["findings"]} == done
    with (out / f"{job.report_name}.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == summary.findings
    assert set(rows[0]) == {"file", "entity_type", "location", "start", "end", "score", "operator"}
    for name in (f"{job.report_name}.json", f"{job.report_name}.csv"):
        text = (out / name).read_text(encoding="utf-8")
        for value in d.PII:
            assert value not in text
    # Events: started, a start and a result per processed file, finished; no content.
    kinds = [e.type for e in job.events]
    assert kinds[0] == "started"
    assert kinds[-1] == "finished"
    assert kinds.count("file_done") == 8  # all but the skipped one
    assert job.events[-1].job.files_done == 9
    blob = "".join(e.model_dump_json() for e in job.events)
    for value in d.PII:
        assert value not in blob


def test_values_in_report_only_when_asked(pool: WorkerPool, tmp_path: Path) -> None:
    src = d.make_text(tmp_path / "a.txt")
    job = _run(
        pool,
        inputs=[str(src)],
        output_dir=str(tmp_path / "o"),
        include_values=True,
        operators={"PERSON": {"type": "pseudonymize"}},
    )
    assert job.files[0].state == FileState.DONE
    report = json.loads(Path(job.reports["json"]).read_text(encoding="utf-8"))
    assert d.EMAIL in {f["value"] for f in report["findings"]}
    assert "value" in Path(job.reports["csv"]).read_text(encoding="utf-8").splitlines()[0]
    assert "<PERSON_1>" in (tmp_path / "o" / "a-redacted.txt").read_text(encoding="utf-8")


def test_cancel_leaves_no_partial_output(pool: WorkerPool, tmp_path: Path) -> None:
    root = d.make_text_folder(tmp_path / "many", files=40, repeats=20)
    out = tmp_path / "out"
    job = Job(
        JobRequest(inputs=[str(root)], output_dir=str(out), keep_names=True), settings=pool.settings
    )
    runner = threading.Thread(target=run_job, args=(job, pool.get, pool.reset, 4))
    runner.start()
    seq = 0
    while not any(e.type == "file_done" for e in job.events):
        seq = len(job.events_since(seq, timeout=5))
    assert job.cancel()
    runner.join(timeout=120)
    assert job.state == JobState.CANCELLED
    states = [f.state for f in job.files]
    assert FileState.CANCELLED in states
    assert FileState.DONE in states
    assert not list(out.rglob(f"*{TEMP_SUFFIX}"))
    written = {p.name for p in out.glob("f*.txt")}
    assert written == {f.path for f in job.files if f.state == FileState.DONE}
    for name in written:  # every output that exists is complete
        text = (out / name).read_text(encoding="utf-8")
        assert text.count("Meeting notes") == 21
        assert d.EMAIL not in text
    assert job.events[-1].type == "finished"
    assert not job.cancel_flag.exists()


def test_refuses_unsafe_output(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d.make_text(src / "a.txt")
    for output in (src, src / "sub"):
        with pytest.raises(PlanError, match="must not be an input folder"):
            Job(JobRequest(inputs=[str(src)], output_dir=str(output)), settings=Settings())
    with pytest.raises(PlanError, match="not found"):
        Job(
            JobRequest(inputs=[str(tmp_path / "missing")], output_dir=str(tmp_path / "o")),
            settings=Settings(),
        )


def test_output_folder_may_be_the_root_of_a_file_system(tmp_path: Path) -> None:
    # The root has no parents: looking among them for the nearest existing folder raised
    # StopIteration (an "Unexpected error" / 500). "/" is only planned here, never written.
    src = d.make_text(tmp_path / "a.txt")
    job = Job(JobRequest(inputs=[str(src)], output_dir="/"), settings=Settings())
    assert job.output_dir == Path("/").resolve()


def test_existing_output_kept_unless_overwrite(pool: WorkerPool, tmp_path: Path) -> None:
    src = d.make_text(tmp_path / "a.txt")
    out = tmp_path / "o"
    out.mkdir()
    (out / "a.txt").write_text("keep me", encoding="utf-8")
    job = _run(pool, inputs=[str(src)], output_dir=str(out), keep_names=True)
    assert job.files[0].error_code == "output_exists"
    assert (out / "a.txt").read_text(encoding="utf-8") == "keep me"
    job = _run(pool, inputs=[str(src)], output_dir=str(out), overwrite=True, keep_names=True)
    assert job.files[0].state == FileState.DONE
    assert "<PERSON>" in (out / "a.txt").read_text(encoding="utf-8")


def test_worker_crash_is_retried_on_a_fresh_pool(pool: WorkerPool, tmp_path: Path) -> None:
    import os
    import signal

    root = d.make_text_folder(tmp_path / "in", files=8, repeats=10)
    out = tmp_path / "out"
    job = Job(JobRequest(inputs=[str(root)], output_dir=str(out)), settings=pool.settings)
    executor = pool.get()
    runner = threading.Thread(target=run_job, args=(job, pool.get, pool.reset, 4))
    runner.start()
    while not any(e.type == "file_started" for e in job.events):
        job.events_since(len(job.events), timeout=5)
    victim = next(iter(executor._processes))  # a real worker process dies mid-job
    os.kill(victim, signal.SIGKILL)
    runner.join(timeout=300)
    assert job.state == JobState.COMPLETED
    assert [f.state for f in job.files] == [FileState.DONE] * 8
    assert pool.get() is not executor  # the broken pool was replaced
    assert not list(out.rglob(f"*{TEMP_SUFFIX}"))
    assert len(list(out.glob("f*.txt"))) == 8


ORPHAN_SCRIPT = """
import sys, threading
from redacta.jobs import Job, JobRequest, run_job
from redacta.jobs.pool import WorkerPool
from redacta.settings import Settings
if __name__ == "__main__":
    pool = WorkerPool(Settings(data_dir=sys.argv[3]), 2)
    job = Job(JobRequest(inputs=[sys.argv[1]], output_dir=sys.argv[2]), settings=pool.settings)
    threading.Thread(target=run_job, args=(job, pool.get, pool.reset, 4), daemon=True).start()
    while not any(e.type == "file_done" for e in job.events):
        job.events_since(len(job.events), timeout=1)
    print(" ".join(str(p) for p in pool.get()._processes), flush=True)
    threading.Event().wait()
"""


def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    import psutil

    root = d.make_text_folder(tmp_path / "in", files=30, repeats=20)
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(root), str(tmp_path / "out"), str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2
    parent.kill()
    parent.wait()

    def running(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if running(pid)]
        time.sleep(0.2)
    assert alive == []


def test_engine_that_cannot_start_fails_the_job_clearly(tmp_path: Path) -> None:
    src = d.make_text(tmp_path / "a.txt")
    settings = Settings(data_dir=tmp_path / "data", model=str(tmp_path / "no-such-model"))
    broken = WorkerPool(settings, 1)
    try:
        job = Job(
            JobRequest(inputs=[str(src)], output_dir=str(tmp_path / "out")), settings=settings
        )
        run_job(job, broken.get, broken.reset, 2)
    finally:
        broken.close()
    assert job.state == JobState.FAILED
    assert job.files[0].error_code == "engine_failed"
    assert job.error is not None
    assert "could not start" in job.error
    assert not (tmp_path / "out" / "a.txt").exists()


def test_job_applies_the_settings_document_limits(pool: WorkerPool, tmp_path: Path) -> None:
    """A job redacts under its server's Settings: a lowered unzip limit refuses the docx."""
    (tmp_path / "in").mkdir()
    d.make_docx(tmp_path / "in" / "memo.docx")
    settings = Settings(data_dir=tmp_path / "data", max_zip_members=3)
    request = JobRequest(inputs=[str(tmp_path / "in")], output_dir=str(tmp_path / "out"))
    job = Job(request, settings=settings)
    run_job(job, pool.get, pool.reset, 4)
    assert job.files[0].state == FileState.FAILED
    assert job.files[0].error_code == "archive_bomb"
