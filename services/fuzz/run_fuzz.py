"""`nox -s fuzz`: Schemathesis over the committed schema against a real Redacta server.

Starts `python -m redacta serve` on 127.0.0.1 (random port, random token, temporary data
folder), runs Schemathesis with `fuzz/schemathesis.toml` (every operation but shutdown; the
examples, coverage, fuzzing and stateful phases; the warnings it lists fail the run) within
a time budget, then checks that the server still answers and stops cleanly, and ends with
the verdict: the seed, and each failing check, warning or operation. Jobs on local paths are
disabled for the fuzzed server (`REDACTA_JOBS_ALLOW_PATHS=false`): generated paths such as
`/` would make it read and write anywhere on this machine. Uploaded-file jobs still run.

The seed is fixed (`DEFAULT_SEED`) so that CI is a gate that gives the same verdict for the
same commit, and a red run is reproduced with the seed its last lines print. Exploring new
inputs is a deliberate act: `--seed random` (the seed drawn is printed too) or `--seed N`.
The time budget still makes a run depend on the machine's speed (a slower machine sends fewer
cases), so the verdict is built to hold on few cases as well as many (see `mismatched`).

    python fuzz/run_fuzz.py [--max-time SECONDS] [--seed N|random] [-- extra schemathesis args]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

SERVICES = Path(__file__).resolve().parents[1]
SCHEMA = SERVICES / "openapi.json"
CONFIG = Path(__file__).with_name("schemathesis.toml")
READY_TIMEOUT_S = 180
#: Any fixed number would do; this one has run green on a loaded 2-core machine.
DEFAULT_SEED = 1
#: An operation whose valid cases the server mostly refuses (400/422 for the data itself,
#: not 401/403/404/409) has a schema that does not say what the server accepts. Judged over
#: every positive case of the whole run, and only from this many on: Schemathesis' own
#: "validation mismatch" warning fires when all the positive cases of ONE phase were refused,
#: which on a loaded machine can be one or two cases of an operation whose valid input is
#: refused now and then for a reason no schema can state (a regex that backtracks on the
#: server's probes; findings offsets past the end of the text).
MISMATCH_SHARE = 0.5
MIN_POSITIVE_CASES = 10
#: What the server must still analyze after the fuzzing: a person and a phone number.
LIVENESS_TEXT = "Call John Smith at 212-555-0187."
#: Lines of the server log printed when the run fails.
LOG_TAIL_LINES = 40


def start_server(data_dir: Path, token: str) -> tuple[subprocess.Popen[bytes], int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTA_")}
    env.update(
        REDACTA_TOKEN=token,
        REDACTA_DATA_DIR=str(data_dir),
        REDACTA_JOBS_ALLOW_PATHS="false",
        PYTHONUNBUFFERED="1",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "redacta", "serve", "--port", "0", "--parent-pid", str(os.getpid())],
        stdout=subprocess.PIPE,
        stderr=(data_dir / "server.log").open("wb"),
        env=env,
        cwd=data_dir,
    )
    announcements = server.stdout
    assert announcements is not None
    ready: dict[str, int] = {}
    reader = threading.Thread(target=lambda: ready.update(json.loads(announcements.readline())))
    reader.start()
    reader.join(READY_TIMEOUT_S)
    if "port" not in ready:
        server.kill()
        raise SystemExit(f"the server did not start; see {data_dir / 'server.log'}")
    return server, ready["port"]


def call(base_url: str, token: str, method: str, path: str, body: object) -> Any:
    """The JSON answer of one request (raises OSError when refused, failed or timed out)."""
    request = urllib.request.Request(  # noqa: S310 - a loopback http URL
        f"{base_url}{path}",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method=method,
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return json.loads(response.read())


def answers(base_url: str, token: str) -> bool:
    """Whether the server still serves a real analysis after the fuzzing.

    The fuzzing saved arbitrary user settings (no entity enabled, a threshold of 1, ...),
    which every `/api/v1` analysis applies, so the defaults are saved back first: the
    question is whether the server works, not what the fuzzer last configured."""
    try:
        call(base_url, token, "PUT", "/api/v1/settings", {})
        found = call(base_url, token, "POST", "/api/v1/analyze", {"text": LIVENESS_TEXT})
    except OSError as exc:  # refused, reset, timed out, or an HTTP error status
        print(f"the server did not answer after the fuzzing: {exc}", flush=True)
        return False
    types = sorted({finding["entity_type"] for finding in found["findings"]})
    if not {"PERSON", "PHONE_NUMBER"} <= set(types):
        print(f"the analysis after the fuzzing found {types}, not a person and a phone number")
        return False
    return True


#: Operations whose schema cannot say what is accepted, so most generated requests are
#: refused (4xx naming the problem): an upload's `options` is JSON inside a form field, which
#: the schema can only call a string; `/deanonymize` only decrypts spans that `/anonymize`
#: encrypted with the same key; `/anonymize` only takes analyzer results whose offsets lie
#: inside its text; review decisions only name findings the file's analysis stored and
#: offsets inside its units. Only the schema-mismatch verdict skips them (see `mismatched`):
#: server errors and undocumented answers still fail on every operation.
EXPECTED_MISMATCH = frozenset(
    {
        "POST /api/v1/jobs/upload",
        "POST /deanonymize",
        "POST /anonymize",
        "POST /api/v1/jobs/{job_id}/files/{index}/decisions",
    }
)


def run_schemathesis(command: list[str], *, env: dict[str, str], cwd: Path) -> int:
    """Run Schemathesis with its output going straight to ours; its exit code."""
    sys.stdout.flush()
    return subprocess.run(command, env=env, cwd=cwd, check=False).returncode


def mismatched(report: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """(operations whose valid cases the server mostly refused, operations where it refused
    most of too few valid cases to judge), each with its counts, from Schemathesis' JSON
    report."""
    refused: dict[str, str] = {}
    unjudged: dict[str, str] = {}
    for label, phases in sorted(report.get("valid_rates", {}).items()):
        if label in EXPECTED_MISMATCH:
            continue
        accepted = sum(rate["accepted"] for rate in phases.values())
        rejected = sum(rate["rejected"] for rate in phases.values())
        if rejected <= MISMATCH_SHARE * (accepted + rejected):
            continue
        counts = f"{accepted} accepted, {rejected} refused"
        if accepted + rejected < MIN_POSITIVE_CASES:
            unjudged[label] = counts
        else:
            refused[label] = counts
    return refused, unjudged


def failing_operations(report: dict[str, Any]) -> list[str]:
    """`<check title>: <operations>` for every kind of failure Schemathesis found."""
    return [
        f"{failure['title']} ({failure['count']}x): {', '.join(failure['operations'])}"
        for failure in report.get("failures", [])
    ]


def failing_warnings(report: dict[str, Any]) -> list[str]:
    """`<warning>: <operations>` for the warnings the configuration fails the run on."""
    fail_on = set(tomllib.loads(CONFIG.read_text(encoding="utf-8"))["warnings"]["fail-on"])
    return [
        f"{kind}: {', '.join(labels)}"
        for kind, labels in sorted(report.get("warnings", {}).items())
        if kind in fail_on and labels
    ]


def print_statuses(log: str) -> None:
    """How often each route answered each status (from the server's request log)."""
    counts: Counter[tuple[str, str, int]] = Counter()
    for line in log.splitlines():
        record = json.loads(line) if line.startswith("{") else {}
        if record.get("event") == "request":
            counts[(record["route"], record["method"], record["status"] or 0)] += 1
    by_route: dict[tuple[str, str], list[str]] = {}
    for (route, method, status), n in sorted(counts.items()):
        by_route.setdefault((route, method), []).append(f"{status}x{n}")
    print("answers per route (status x count):")
    for (route, method), statuses in sorted(by_route.items()):
        print(f"  {method:6} {route:40} {' '.join(statuses)}")


def seed_arg(value: str) -> int:
    """`--seed`: a number, or `random` for a fresh one."""
    return secrets.randbelow(2**31) if value == "random" else int(value)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-time", type=int, default=240, help="Schemathesis time budget")
    parser.add_argument(
        "--seed",
        type=seed_arg,
        default=DEFAULT_SEED,
        help=f"random seed, or `random` (default: {DEFAULT_SEED})",
    )
    parser.add_argument("extra", nargs="*", help="more schemathesis arguments (after --)")
    args = parser.parse_args(argv)
    token = secrets.token_urlsafe(24)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="redacta-fuzz-") as tmp:
        data_dir = Path(tmp)
        report_file = data_dir / "schemathesis-report.json"
        server, port = start_server(data_dir, token)
        base_url = f"http://127.0.0.1:{port}"
        try:
            command = [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(CONFIG),
                "run",
                str(SCHEMA),
                "--url",
                base_url,
                "--max-time",
                str(args.max_time),
                "--seed",
                str(args.seed),
                "--report",
                "json",
                "--report-json-path",
                str(report_file),
                *args.extra,
            ]
            env = {**os.environ, "REDACTA_FUZZ_TOKEN": token}
            started = time.monotonic()
            fuzzed = run_schemathesis(command, env=env, cwd=data_dir)
            print(f"schemathesis finished in {time.monotonic() - started:.0f} s", flush=True)
            exited_early = server.poll()
            alive = exited_early is None and answers(base_url, token)
            print(f"server still answering: {alive}", flush=True)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                exit_code = server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
                exit_code = -9
        log = (data_dir / "server.log").read_text(encoding="utf-8", errors="replace")
        print_statuses(log)
        log_tail = log.splitlines()[-LOG_TAIL_LINES:]
        errors = [line for line in log.splitlines() if '"level": "error"' in line]
        for line in errors[:20]:
            print(f"server error: {line[:2000]}", file=sys.stderr)
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    print(f"server stopped with exit code {exit_code}", flush=True)

    refused, unjudged = mismatched(report)
    for label, counts in unjudged.items():
        print(f"too few valid cases to judge the schema of {label}: {counts}")
    if fuzzed != 0:
        problems.append(f"schemathesis exited with {fuzzed}")
    if not report:
        problems.append("schemathesis wrote no report (see its output above)")
    problems += [f"failed check {line}" for line in failing_operations(report)]
    problems += [f"warning {line}" for line in failing_warnings(report)]
    problems += [
        f"schema mismatch: the server refused most valid cases of {label} ({counts})"
        for label, counts in refused.items()
    ]
    if exited_early is not None:
        problems.append(f"the server exited during the fuzzing (exit code {exited_early})")
    elif not alive:
        problems.append("the server no longer answered an analysis after the fuzzing")
    if exit_code != 0:
        problems.append(f"the server stopped with exit code {exit_code} (0 expected)")
    if errors:
        problems.append(f"{len(errors)} error lines in the server log (printed above)")
    rerun = f"nox -s fuzz -- --seed {args.seed} --max-time {args.max_time}"
    if args.extra:
        rerun += f" -- {shlex.join(args.extra)}"
    if problems:
        # The server log holds no request content (see redacta.logs), so its end can be shown.
        print(f"\nlast {len(log_tail)} lines of the server log:", *log_tail, sep="\n")
        print(f"\nFUZZ FAILED (seed {args.seed}; rerun: {rerun})", flush=True)
        for problem in problems:
            print(f"  - {problem}", flush=True)
        return 1
    print(f"\nfuzz passed (seed {args.seed})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
