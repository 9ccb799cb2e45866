"""`redacta redact PATH... -o OUT`: redact files and folders from the command line.

Same engine, formats, operators and reports as the app's batch jobs. Importing this module
is cheap (only argparse definitions); the engine loads when the command runs.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redacta.engine import Engine
    from redacta.jobs import Job
    from redacta.jobs.model import JobEvent
    from redacta.redaction.user_settings import UserSettings
    from redacta.settings import Settings

EXIT_OK = 0
EXIT_FILES_FAILED = 1
EXIT_USAGE = 2
EXIT_JOB_FAILED = 3
EXIT_INTERRUPTED = 130

EPILOG = """\
examples:
  redact one file into the folder "out":
      redacta redact contract.docx -o out
  a whole folder (recursively), only Word and PDF files, 4 worker processes:
      redacta redact ~/exports -o ~/exports-redacted --include '*.docx' --include '*.pdf' --jobs 4
  choose what to find and how to replace it:
      redacta redact tickets.csv -o out --entities PERSON,EMAIL_ADDRESS,PHONE_NUMBER \\
          --operator PERSON=pseudonymize --operator DEFAULT=replace --threshold 0.5 \\
          --operator EMAIL_ADDRESS=mask:masking_char=#,chars_to_mask=5
  write a CSV findings report that also lists the detected values (sensitive!):
      redacta redact notes.txt -o out --report csv --include-values
  redact with a settings file saved by the app on another machine, or without any:
      redacta redact notes.txt -o out --settings shared-settings.json
      redacta redact notes.txt -o out --no-user-settings

settings: by default the settings saved in the app apply (allow list, deny lists, custom
  recognizers, enabled entities, threshold, default operators); --entities, --threshold and
  --operator override their part. The report's "settings_applied" says what was used.

operators: replace[:new_value=TEXT], redact, mask[:masking_char=C,chars_to_mask=N,from_end=true],
  hash, encrypt:key=16/24/32-byte-key, keep, pseudonymize (<PERSON_1>, the same value always
  gets the same label in every file of one run). DEFAULT=OP sets the operator for all others.

formats: .txt .md .log .csv .tsv .json .jsonl .docx .xlsx .pdf, and scans or photos of paper:
  .png .jpg .jpeg .tif .tiff (all pages) .bmp .webp, read by OCR like PDF pages without a text
  layer; found words are painted over and image metadata (EXIF, GPS, XMP, IPTC) is dropped.
  The output folder mirrors the inputs; originals are never changed. Other files in folders
  are skipped; a bad file is reported and the rest goes on.

exit codes: 0 all files redacted (or skipped); 1 some files failed (see the report);
  2 usage error (bad option, missing input, unsafe output folder); 3 the job could not run
  (e.g. the detection model failed to load); 130 interrupted (Ctrl-C): no partial outputs.
"""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register `redact` on the main parser's sub-parsers."""
    p: argparse.ArgumentParser = sub.add_parser(
        "redact",
        help="Redact files and folders (docx, xlsx, pdf, csv, json, txt...) into an output folder.",
        description="Find personal data in files and write redacted copies in the same format.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="Files and/or folders to redact.")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="Output folder.")
    p.add_argument(
        "--entities",
        action="append",
        metavar="ENTITY[,ENTITY...]",
        help="Entity types to find (default: all enabled), e.g. PERSON,EMAIL_ADDRESS.",
    )
    p.add_argument(
        "--operator",
        action="append",
        default=[],
        metavar="ENTITY=OP[:k=v,...]",
        help="How to replace an entity type (repeatable); see 'operators' below.",
    )
    p.add_argument(
        "--threshold", type=float, metavar="X", help="Minimum score 0..1 (default 0.35)."
    )
    p.add_argument("--language", help="Language of the texts (default: the configured one).")
    saved = p.add_mutually_exclusive_group()
    saved.add_argument(
        "--settings",
        metavar="FILE",
        help="Use this settings file (the JSON the app saves) instead of the saved settings.",
    )
    saved.add_argument(
        "--no-user-settings",
        action="store_true",
        help="Ignore the saved settings: server defaults plus the options given here.",
    )
    p.add_argument(
        "--report",
        action="append",
        choices=["csv", "json"],
        help="Findings report format, written to OUT/redacta-report.* (repeatable; default json).",
    )
    p.add_argument(
        "--include-values",
        action="store_true",
        help="Put the detected values themselves in the report (off by default: sensitive).",
    )
    p.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help="Only files matching."
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="Skip files matching."
    )
    p.add_argument(
        "--columns",
        action="append",
        default=[],
        metavar="COL[,COL...]",
        help="CSV/TSV: only these columns (header names or 1-based numbers).",
    )
    p.add_argument(
        "--skip-columns",
        action="append",
        default=[],
        metavar="COL[,COL...]",
        help="CSV/TSV: skip these columns (header names or 1-based numbers).",
    )
    p.add_argument("--overwrite", action="store_true", help="Replace existing output files.")
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="Worker processes (default: REDACTA_JOB_WORKERS, else one a core; 1 = this process).",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="No progress bar or summary.")
    return p


class UsageError(ValueError):
    pass


def _csv_list(values: list[str] | None) -> list[str]:
    """Repeatable comma-separated option values, flattened."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_operators(items: list[str]) -> dict[str, Any]:
    """`ENTITY=op[:k=v,...]` strings to validated operator specs."""
    from pydantic import TypeAdapter, ValidationError

    from redacta.redaction.operators import OperatorSpec

    adapter: TypeAdapter[Any] = TypeAdapter(OperatorSpec)
    specs: dict[str, Any] = {}
    for item in items:
        entity, sep, rest = item.partition("=")
        if not sep or not entity or not rest:
            raise UsageError(f"--operator {item!r}: expected ENTITY=OPERATOR, e.g. PERSON=mask")
        name, _, params_text = rest.partition(":")
        spec: dict[str, Any] = {"type": name}
        for pair in filter(None, params_text.split(",")):
            key, eq, value = pair.partition("=")
            if not eq:
                raise UsageError(f"--operator {item!r}: parameters are key=value pairs")
            spec[key.strip()] = _value(value)
        try:
            specs[entity.strip().upper()] = adapter.validate_python(spec)
        except ValidationError as exc:
            problem = "; ".join(e["msg"] for e in exc.errors())
            raise UsageError(f"--operator {item!r}: {problem}") from None
    return specs


def _running(event: JobEvent, pages: dict[str, str]) -> str:
    """The bar's note: the running file, with the page it is on inside a PDF or image
    (`pages` keeps the last page note of each running file between events)."""
    file = event.file
    if file is not None:
        if event.type == "file_progress" and file.pages_total:
            reading = min((file.pages_done or 0) + 1, file.pages_total)  # the page being read
            pages[file.path] = f"page {reading} of {file.pages_total}"
        elif event.type != "file_started":
            pages.pop(file.path, None)
    name = event.job.current_file or ""
    return f"{name} ({pages[name]})" if name in pages else name


def _progress(job: Job, enabled: bool) -> None:
    """Follow the job's events; draw a tqdm bar on stderr when it is a terminal."""
    bar = None
    if enabled:
        import shutil

        from tqdm import tqdm

        size = shutil.get_terminal_size()  # 80x24 when the terminal reports no size
        bar = tqdm(
            total=len(job.files),
            unit="file",
            file=sys.stderr,
            ncols=min(size.columns, 120),
            nrows=size.lines,  # tqdm hides the bar on a terminal that reports 0 rows
        )
    seq = 0
    pages: dict[str, str] = {}
    while True:
        events = job.events_since(seq, timeout=0.5)
        for event in events:
            seq = event.seq
            if bar is not None:
                bar.n = event.job.files_done
                bar.set_postfix_str(_running(event, pages), refresh=False)
                bar.refresh()
        if job.finished and seq >= len(job.events):
            break
    if bar is not None:
        bar.close()


def _summary(job: Job, *, quiet: bool) -> None:
    """What failed (always: a quiet run must still say why it failed), then the counts."""
    from redacta.jobs import FileState

    s = job.summary()
    for f in job.files:
        if f.state == FileState.FAILED and f.error != s.error:
            print(f"failed: {f.path}: {f.error}", file=sys.stderr)
    if s.error:
        print(f"error: {s.error}", file=sys.stderr)
    if quiet:
        return
    done = sum(f.state in (FileState.DONE, FileState.REVIEWED) for f in job.files)
    cancelled = sum(f.state == FileState.CANCELLED for f in job.files)
    print(
        f"{done} file(s) redacted, {s.files_failed} failed, {s.files_skipped} skipped"
        + (f", {cancelled} not started (cancelled)" if cancelled else "")
        + f"; {s.findings} finding(s).",
        file=sys.stderr,
    )
    applied = s.settings_applied
    print(
        f"settings: {applied.source} ({applied.allow_list} allow-listed, {applied.deny_lists} "
        f"deny-listed, {applied.custom_recognizers} custom recognizer(s), "
        f"threshold {applied.threshold:g}).",
        file=sys.stderr,
    )
    for path in s.reports.values():
        print(f"report: {path}", file=sys.stderr)


def _user_settings(args: argparse.Namespace, settings: Settings) -> UserSettings | None:
    """The settings file to apply: `--settings FILE`, else the app's saved one if any."""
    from pathlib import Path

    from redacta.redaction.options import read_settings_file
    from redacta.redaction.user_settings import SETTINGS_FILE

    if args.no_user_settings:
        return None
    if args.settings is not None:
        return read_settings_file(Path(args.settings))
    saved = settings.data_dir / SETTINGS_FILE
    return read_settings_file(saved) if saved.exists() else None


def _options_problem(job: Job, pool: Any) -> str | None:
    """Why the job's options cannot be served (an unknown entity type), asked once of a worker
    (its engine knows the types) before any file starts: each worker would otherwise fail its
    own file with the same message. Nothing is written when there is one."""
    from concurrent.futures import BrokenExecutor

    from redacta.jobs.worker import options_problem

    executor = pool.get()
    try:
        problem: str | None = executor.submit(
            options_problem, job.options.model_dump(mode="json")
        ).result()
    except BrokenExecutor:  # the job's own start reports what breaks the workers
        pool.reset(executor)
        return None
    return problem


def run(args: argparse.Namespace, settings: Settings, engine: Engine | None = None) -> int:
    """Run the `redact` command with the process's `settings`; returns the exit code.

    With one worker the job runs in this process, on `engine` if the caller gives one (already
    loaded with these settings), else on one loaded here.
    """
    from redacta.jobs import FileState, Job, JobRequest, JobState, PlanError, run_job
    from redacta.jobs.worker import INVALID_OPTIONS
    from redacta.redaction.options import SettingsFileError

    try:
        if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
            raise UsageError("--threshold must be between 0 and 1")
        if args.jobs < 0:
            raise UsageError("--jobs must be 0 (auto) or more")
        request = JobRequest(
            inputs=args.paths,
            output_dir=args.output,
            entities=[e.upper() for e in _csv_list(args.entities)] or None,
            score_threshold=args.threshold,
            language=args.language,
            operators=parse_operators(args.operator),
            include_values=args.include_values,
            include_columns=_csv_list(args.columns),
            exclude_columns=_csv_list(args.skip_columns),
            include=args.include,
            exclude=args.exclude,
            overwrite=args.overwrite,
            keep_names=True,  # the CLI mirrors the tree into its own output folder
            report_formats=list(dict.fromkeys(args.report or ["json"])),
            use_user_settings=not args.no_user_settings,
        )
        user = _user_settings(args, settings)
        job = Job(request, user, settings=settings, report_name="redacta-report")
    except (UsageError, PlanError, SettingsFileError) as exc:
        print(f"redacta redact: error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    from redacta.processes import default_workers

    workers = args.jobs or settings.job_workers or default_workers()
    pending = sum(f.state == FileState.PENDING for f in job.files)
    workers = max(1, min(workers, pending))
    if workers == 1 and pending:
        from redacta.engine import Engine
        from redacta.jobs.pool import LocalPool
        from redacta.redaction.salt import project_salt

        try:
            engine = engine or Engine.create(settings)
        except Exception as exc:
            print(f"redacta redact: the detection engine could not start: {exc}", file=sys.stderr)
            return EXIT_JOB_FAILED
        pool: Any = LocalPool(engine, project_salt(settings.data_dir))
    else:
        from redacta.jobs.pool import WorkerPool

        pool = WorkerPool(settings, workers)

    try:
        problem = _options_problem(job, pool) if pending else None
    except KeyboardInterrupt:
        pool.close()
        return EXIT_INTERRUPTED
    if problem is not None:
        pool.close()
        print(f"redacta redact: error: {problem}", file=sys.stderr)
        return EXIT_USAGE

    runner = threading.Thread(
        target=run_job, args=(job, pool.get, pool.reset, pool.workers), daemon=True
    )
    interrupted = threading.Event()

    def on_signal(_signum: int, _frame: Any) -> None:
        interrupted.set()
        job.cancel()

    previous = signal.signal(signal.SIGINT, on_signal)
    previous_term = signal.signal(signal.SIGTERM, on_signal)
    try:
        runner.start()
        _progress(job, enabled=not args.quiet and sys.stderr is not None and sys.stderr.isatty())
        runner.join()
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)
        pool.close()
    _summary(job, quiet=args.quiet)
    if interrupted.is_set() or job.state == JobState.CANCELLED:
        return EXIT_INTERRUPTED
    if any(f.error_code == INVALID_OPTIONS for f in job.files):
        return EXIT_USAGE  # e.g. an unknown entity type: nothing was written
    if job.state == JobState.FAILED:
        return EXIT_JOB_FAILED
    return EXIT_FILES_FAILED if job.summary().files_failed else EXIT_OK
