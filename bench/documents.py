"""Throughput of document redaction: a worker-process job vs one file at a time.

    cd services && .venv/bin/python ../bench/documents.py [--files 240] [--runs 3] [--workers N]

Generates a mixed corpus (txt, md, log, csv, tsv, json, jsonl, docx, xlsx, pdf; names, emails,
phones, IBANs in filler prose) of `--files` files, then measures, each in a fresh process
and `--runs` times (medians reported):

* serial: one process loads the engine once and redacts the files one by one
  (`redact_document` per file), the baseline;
* job: `redacta.jobs` with a spawn process pool of `--workers` workers (default: cores),
  timed warm (workers already loaded: steady-state throughput) and cold (including the
  workers' engine start, what a one-off CLI run pays).

Reports files/min, MB/min, speed-up over serial, CPU seconds, and the peak RSS (for the job:
the sum of the parent's and the workers' peaks, VmHWM). Not a test: numbers depend on the
machine, and on a shared machine on its load (Linux shares the CPU per session, so a pool
cannot beat a single process while other sessions keep the cores busy).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sample_names import FIRST
from sample_names import LAST as SHARED_LAST

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "services" / "tests"))

# The other document benchmarks' surnames and one with a non-ASCII letter.
LAST = [*SHARED_LAST[:4], "Müller", *SHARED_LAST[4:]]
PROSE = [
    "The quarterly invoice was approved without changes.",
    "Please review the attached contract before Friday.",
    "The shipment left the warehouse this morning.",
    "Our team discussed the roadmap for the next release.",
    "The meeting was moved to the large conference room.",
    "All tickets from last week have been resolved.",
]


def _person(rng: random.Random) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{first.lower()}.{last.lower()}@example.com".replace("ü", "u")
    phone = f"+1 (212) 555-{rng.randint(1000, 9999)}"
    return f"{first} {last}", email, phone


def _sentence(rng: random.Random) -> str:
    name, email, phone = _person(rng)
    return rng.choice(
        [
            f"Contact {name} at {email} about the renewal.",
            f"{name} called from {phone} yesterday.",
            f"Send the signed copy to {email}.",
            f"Payment goes to IBAN GB82 WEST 1234 5698 7654 32 for {name}.",
            rng.choice(PROSE),
            rng.choice(PROSE),
        ]
    )


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(n)]


def make_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """`count` files of ten formats, sizes from ~1 KB to ~40 KB."""
    import docx
    import openpyxl

    import docsamples as d

    rng = random.Random(seed)  # noqa: S311 - reproducible corpus, not security
    kinds = ["txt", "md", "log", "csv", "tsv", "json", "jsonl", "docx", "xlsx", "pdf"]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        sub = folder / f"dept{i % 4}" / f"batch{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"doc{i:04}.{kind}"
        size = rng.choice([4, 8, 12, 24, 60])
        if kind in ("txt", "md", "log"):
            path.write_text("\n\n".join(_paragraphs(rng, size)) + "\n", encoding="utf-8")
        elif kind in ("csv", "tsv"):
            sep = "," if kind == "csv" else "\t"
            rows = ["id,name,email,phone,note".replace(",", sep)]
            for n in range(size * 3):
                name, email, phone = _person(rng)
                rows.append(sep.join([str(n), name, email, phone, rng.choice(PROSE)]))
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        elif kind == "json":
            records = [
                {"id": n, "author": _person(rng)[0], "body": p, "likes": rng.randint(0, 99)}
                for n, p in enumerate(_paragraphs(rng, size))
            ]
            path.write_text(json.dumps({"records": records}, indent=2), encoding="utf-8")
        elif kind == "jsonl":
            lines = [json.dumps({"n": n, "text": p}) for n, p in enumerate(_paragraphs(rng, size))]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif kind == "docx":
            document = docx.Document()
            document.add_heading("Case file", level=1)
            for p in _paragraphs(rng, size):
                para = document.add_paragraph()
                for j, word_run in enumerate(p.split(". ")):
                    run = para.add_run(word_run + ". ")
                    run.bold = j % 3 == 0
            document.save(str(path))
        elif kind == "xlsx":
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["Name", "Email", "Phone", "Note", "Amount"])
            for _ in range(size * 3):
                name, email, phone = _person(rng)
                ws.append([name, email, phone, rng.choice(PROSE), rng.randint(1, 999)])
            wb.save(str(path))
        else:
            lines = [_sentence(rng)[:90] for _ in range(size * 2)]
            pages = [lines[k : k + 30] for k in range(0, len(lines), 30)]
            d.make_pdf(path, pages)


def peak_rss(pids: list[int]) -> int:
    """Sum of the processes' peak RSS (VmHWM, Linux), read once at the end: no sampler
    thread competing for the CPU while the work is timed."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) * 1024
    return total


def run_serial(corpus: Path, out: Path) -> dict[str, Any]:
    from redacta.documents import DocumentError, redact_document
    from redacta.engine import Engine
    from redacta.redaction.pipeline import Redactor
    from redacta.redaction.salt import project_salt
    from redacta.settings import Settings

    settings = Settings()
    t0 = time.perf_counter()
    engine = Engine.create(settings)
    salt = project_salt(settings.data_dir)
    load = time.perf_counter() - t0
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    failed = 0
    cpu0 = _cpu_self()
    t1 = time.perf_counter()
    for src in files:
        dst = out / src.relative_to(corpus)
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            redact_document(src, dst, Redactor(engine, salt=salt))
        except DocumentError:
            failed += 1
    seconds = time.perf_counter() - t1
    cpu = _cpu_self() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "load_seconds": load,
        "failed": failed,
        "peak_rss": peak,
    }


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(pids: list[int]) -> float:
    import psutil

    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
    return total


def run_job(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    from redacta.jobs import Job, JobRequest, run_job
    from redacta.jobs.pool import WorkerPool
    from redacta.settings import Settings

    settings = Settings()
    pool = WorkerPool(settings, workers)
    # warm-up (workers load their engine), then the timed job
    t0 = time.perf_counter()
    warm_dir = out.parent / f"{out.name}-warmup"
    tiny = corpus.parent / "warmup"
    tiny.mkdir(exist_ok=True)
    for k in range(workers * 2):
        (tiny / f"w{k}.txt").write_text("Warm up John Smith.\n", encoding="utf-8")
    warm = Job(
        JobRequest(inputs=[str(tiny)], output_dir=str(warm_dir), report_formats=[]),
        settings=settings,
    )
    run_job(warm, pool.get, pool.reset, 2 * workers)
    cold_start = time.perf_counter() - t0
    job = Job(
        JobRequest(inputs=[str(corpus)], output_dir=str(out), report_formats=["json"]),
        settings=settings,
    )
    pids = list(pool.get()._processes)  # type: ignore[attr-defined]
    cpu0 = _cpu_of(pids) + _cpu_self()
    t1 = time.perf_counter()
    run_job(job, pool.get, pool.reset, 2 * workers)
    seconds = time.perf_counter() - t1
    cpu = _cpu_of(pids) + _cpu_self() - cpu0
    peak = peak_rss([*pids, os.getpid()])
    pool.close()
    summary = job.summary()
    return {
        "seconds": seconds,
        "cold_seconds": seconds + cold_start,
        "cpu_seconds": cpu,
        "failed": summary.files_failed,
        "peak_rss": peak,
    }


def _child(args: argparse.Namespace) -> None:
    out = Path(tempfile.mkdtemp(prefix="redacta-bench-out-"))
    try:
        if args.mode == "serial":
            result = run_serial(Path(args.corpus), out / "o")
        else:
            result = run_job(Path(args.corpus), out / "o", args.workers)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=240)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--mode", choices=["serial", "job"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        _child(args)
        return

    work = Path(tempfile.mkdtemp(prefix="redacta-bench-"))
    try:
        corpus = work / "corpus"
        make_corpus(corpus, args.files)
        files = [p for p in corpus.rglob("*") if p.is_file()]
        total_mb = sum(p.stat().st_size for p in files) / 1e6
        env = {**os.environ, "REDACTA_DATA_DIR": str(work / "data")}
        results: dict[str, list[dict[str, Any]]] = {"serial": [], "job": []}
        for run in range(args.runs):
            for mode in ("serial", "job"):
                cmd = [sys.executable, __file__, "--mode", mode, "--corpus", str(corpus)]
                cmd += ["--workers", str(args.workers)]
                proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                results[mode].append(result)
                print(f"run {run + 1} {mode}: {result['seconds']:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(mode: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in results[mode])

    serial_s, job_s, cold_s = (
        med("serial", "seconds"),
        med("job", "seconds"),
        med("job", "cold_seconds"),
    )
    print(
        f"corpus: {len(files)} files, {total_mb:.2f} MB, 10 formats; {os.cpu_count()} cores; "
        f"{args.runs} runs, medians"
    )
    print(
        f"{'mode':<28}{'seconds':>9}{'files/min':>11}{'MB/min':>9}{'speed-up':>10}{'peak RSS':>11}"
    )
    rows = [
        ("serial (1 process, 1 by 1)", serial_s, med("serial", "peak_rss")),
        (f"job, {args.workers} workers, warm", job_s, med("job", "peak_rss")),
        (f"job, {args.workers} workers, cold", cold_s, med("job", "peak_rss")),
    ]
    for label, seconds, peak in rows:
        print(
            f"{label:<28}{seconds:>9.1f}{len(files) / seconds * 60:>11.0f}"
            f"{total_mb / seconds * 60:>9.2f}{serial_s / seconds:>9.2f}x{peak / 2**20:>8.0f} MB"
        )
    serial_cpu, job_cpu = med("serial", "cpu_seconds"), med("job", "cpu_seconds")
    print(
        f"CPU time: serial {serial_cpu:.1f} s, job {job_cpu:.1f} s (all workers); "
        f"if each worker had a core to itself: {serial_cpu / (job_cpu / args.workers):.2f}x"
    )
    print(f"load average during the runs: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"serial engine load: {med('serial', 'load_seconds'):.1f} s (not in its time); "
        f"failed files: serial {med('serial', 'failed'):.0f}, job {med('job', 'failed'):.0f}"
    )


if __name__ == "__main__":
    main()
