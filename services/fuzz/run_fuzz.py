"""`nox -s fuzz`: Schemathesis over the committed schema against a real Redacta server.

Starts `python -m redacta serve` on 127.0.0.1 (random port, random token, temporary data
folder), runs Schemathesis with `fuzz/schemathesis.toml` (every operation but shutdown; the
examples, coverage, fuzzing and stateful phases; every warning fails the run) within a time
budget, then checks that the server still answers and stops cleanly. Jobs on local paths are
disabled for the fuzzed server (`REDACTA_JOBS_ALLOW_PATHS=false`): generated paths such as
`/` would make it read and write anywhere on this machine. Uploaded-file jobs still run.

    python fuzz/run_fuzz.py [--max-time SECONDS] [--seed N] [-- extra schemathesis args]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1]
SCHEMA = SERVICES / "openapi.json"
CONFIG = Path(__file__).with_name("schemathesis.toml")
READY_TIMEOUT_S = 180


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
    assert server.stdout is not None
    ready: dict[str, int] = {}
    reader = threading.Thread(target=lambda: ready.update(json.loads(server.stdout.readline())))
    reader.start()
    reader.join(READY_TIMEOUT_S)
    if "port" not in ready:
        server.kill()
        raise SystemExit(f"the server did not start; see {data_dir / 'server.log'}")
    return server, ready["port"]


def answers(base_url: str, token: str) -> bool:
    """Whether the server still serves a real request (an analysis) after the fuzzing."""
    request = urllib.request.Request(  # noqa: S310 - a loopback http URL
        f"{base_url}/api/v1/analyze",
        data=json.dumps({"text": "Call John Smith at 212-555-0187."}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.status == 200 and bool(json.loads(response.read())["findings"])


#: Operations whose schema cannot say what is accepted, so most generated requests are
#: refused (4xx naming the problem): an upload's `options` is JSON inside a form field, which
#: the schema can only call a string; `/deanonymize` only decrypts spans that `/anonymize`
#: encrypted with the same key; `/anonymize` only takes analyzer results whose offsets lie
#: inside its text; review decisions only name findings the file's analysis stored and
#: offsets inside its units. Schemathesis cannot exempt one operation from `fail-on`, so
#: this script checks the "validation mismatch" warning itself (server errors and
#: undocumented answers still fail on every operation).
EXPECTED_MISMATCH = frozenset(
    {
        "POST /api/v1/jobs/upload",
        "POST /deanonymize",
        "POST /anonymize",
        "POST /api/v1/jobs/{job_id}/files/{index}/decisions",
    }
)


def run_echoed(command: list[str], *, env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run `command`, copying its output to ours as it comes; (exit code, output)."""
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        sys.stdout.write(line)
        lines.append(line)
    sys.stdout.flush()
    return process.wait(), "".join(lines)


def validation_mismatches(output: str) -> set[str]:
    """Operations listed under Schemathesis' "Schema validation mismatch" warning."""
    found: set[str] = set()
    listing = False
    for line in output.splitlines():
        if line.startswith("Schema validation mismatch:"):
            listing = True
        elif listing and line.startswith("  - "):
            found.add(line[4:].strip())
        elif listing and line.strip() and not line.startswith(" "):
            listing = False
    return found


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-time", type=int, default=240, help="Schemathesis time budget")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("extra", nargs="*", help="more schemathesis arguments (after --)")
    args = parser.parse_args(argv)
    token = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory(prefix="redacta-fuzz-") as tmp:
        data_dir = Path(tmp)
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
                *(["--seed", str(args.seed)] if args.seed is not None else []),
                *args.extra,
            ]
            env = {**os.environ, "REDACTA_FUZZ_TOKEN": token}
            started = time.monotonic()
            fuzzed, output = run_echoed(command, env=env, cwd=data_dir)
            print(f"schemathesis finished in {time.monotonic() - started:.0f} s", flush=True)
            mismatched = validation_mismatches(output) - EXPECTED_MISMATCH
            if mismatched:
                print(f"schema validation mismatch on: {', '.join(sorted(mismatched))}")
            alive = server.poll() is None and answers(base_url, token)
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
        errors = [line for line in log.splitlines() if '"level": "error"' in line]
        for line in errors[:20]:
            print(f"server error: {line[:2000]}", file=sys.stderr)
    print(f"server stopped with exit code {exit_code}", flush=True)
    ok = fuzzed == 0 and not mismatched and alive and exit_code == 0 and not errors
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
