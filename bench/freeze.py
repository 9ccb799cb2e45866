"""Numbers of the frozen backend: bundle size, start-up, first request, idle memory.

    nox -s bench_freeze            # builds dist/backend/ if stale, then measures
    python bench/freeze.py [--runs 5] [--exe PATH] [--dev]

Prints the size of `dist/backend/` with its 15 biggest parts, then medians over `--runs` fresh
starts (empty HOME/XDG/APPDATA dirs, a token, port 0) of: process start → ready line, the first
`POST /analyze` after ready, and the idle RSS after ready (the exe plus any children).
`--dev` measures `python -m redacta serve` the same way, for comparison. Also measured, in
turns with the exe's starts: a fresh Python building stock Presidio's engine on the same model
(`bench/stock_load.py`), the floor the ready time is compared with. Targets: ≤ 260 MB on Linux
(with `en_core_web_md`), ready ≤ 2 s and ≤ 1.3x that floor, first /analyze ≤ 0.5 s, idle
RSS ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services" / "tests_frozen"))

from backend_process import Backend, clean_env, dev_command, frozen_exe

sys.path.insert(0, str(Path(__file__).resolve().parent))
from redacta.settings import Settings
from stock_load import stock_load_seconds

MODEL = str(Settings.model_fields["model"].default)  # what the frozen exe runs

MIB = 1024 * 1024
FIRST_TEXT = (
    "Hi, I'm John Smith from Acme Corporation in Boston. Reach me at john.smith@example.com "
    "or +1 (212) 555-0147."
)
IDLE_SETTLE_S = 2.0


@dataclass
class Run:
    ready_s: float
    ready_cpu_s: float
    first_analyze_s: float
    first_analyze_cpu_s: float
    idle_rss_mb: float


def _tree_size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def print_size(backend_dir: Path, top: int = 15) -> None:
    """Total size and the biggest entries (packages and libraries under `_internal/`)."""
    internal = backend_dir / "_internal"
    entries = [p for p in backend_dir.iterdir() if p != internal]
    if internal.is_dir():
        entries += list(internal.iterdir())
    sizes = sorted(((_tree_size(p), p) for p in entries), reverse=True)
    total = _tree_size(backend_dir)
    print(f"## Size of {backend_dir}: {total / MIB:.1f} MiB (target ≤ 260 MB on Linux)\n")
    print("| part | MiB | share |\n| --- | ---: | ---: |")
    for size, path in sizes[:top]:
        print(f"| {path.relative_to(backend_dir)} | {size / MIB:.1f} | {size / total:.0%} |")
    rest = sum(size for size, _ in sizes[top:])
    print(f"| ({len(sizes) - top} others) | {rest / MIB:.1f} | {rest / total:.0%} |\n")


def _rss_mb(pid: int) -> float:
    process = psutil.Process(pid)
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / MIB


def _cpu_s(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def measure_once(command: list[str]) -> Run:
    """Start, wait for ready, idle, read RSS, time the first /analyze, stop.

    CPU seconds are reported next to wall-clock seconds: on a shared machine the wall clock
    also measures the other processes, while the CPU time is the backend's own work.
    """
    with tempfile.TemporaryDirectory(prefix="redacta-bench-") as tmp:
        root = Path(tmp)
        backend = Backend.start(command, clean_env(root), root / "stderr.log")
        pid = backend.ready["pid"]
        try:
            ready_cpu = _cpu_s(pid)
            time.sleep(IDLE_SETTLE_S)
            rss = _rss_mb(pid)
            cpu_before = _cpu_s(pid)
            started = time.perf_counter()
            response = backend.http.post("/analyze", json={"text": FIRST_TEXT, "language": "en"})
            first = time.perf_counter() - started
            response.raise_for_status()
            first_cpu = _cpu_s(pid) - cpu_before
            return Run(backend.ready_after_s, ready_cpu, first, first_cpu, rss)
        finally:
            backend.kill()


def measure(label: str, command: list[str], runs: int) -> None:
    """Print medians (and ranges) of `runs` fresh starts, each followed by one fresh Python
    building stock Presidio's engine (the floor), so machine load hits both alike."""
    results: list[Run] = []
    floor: list[float] = []
    for _ in range(runs):
        results.append(measure_once(command))
        floor.append(stock_load_seconds(MODEL))
    ratio = statistics.median(r.ready_s for r in results) / statistics.median(floor)
    print(f"## {label}: medians of {runs} fresh starts\n")
    print("| measure | median | min | max | target |\n| --- | ---: | ---: | ---: | ---: |")
    rows = (
        ("process start → ready line (s)", [r.ready_s for r in results], "≤ 2"),
        ("  CPU time until ready (s)", [r.ready_cpu_s for r in results], ""),
        ("fresh Python → stock Presidio engine built (s)", floor, ""),
        ("first /analyze after ready (s)", [r.first_analyze_s for r in results], "≤ 0.5"),
        ("  CPU time of that request (s)", [r.first_analyze_cpu_s for r in results], ""),
        ("idle RSS after ready (MiB)", [r.idle_rss_mb for r in results], "≤ 300"),
    )
    for name, values, target in rows:
        print(
            f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} "
            f"| {max(values):.2f} | {target} |"
        )
    print(f"\nready / stock floor: {ratio:.2f}x (target ≤ 1.3x)\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Fresh starts to measure.")
    parser.add_argument("--exe", type=Path, default=frozen_exe(), help="Frozen executable.")
    parser.add_argument("--dev", action="store_true", help="Also measure the dev server.")
    args = parser.parse_args()
    if not args.exe.is_file():
        print(f"{args.exe} not found: run `nox -s freeze` first", file=sys.stderr)
        return 1
    load = ", ".join(f"{value:.1f}" for value in psutil.getloadavg())
    python = sys.version.split()[0]
    print(f"Machine: {psutil.cpu_count()} CPUs, load average {load}, Python {python}\n")
    print_size(args.exe.parent)
    measure(f"Frozen exe ({args.exe.name})", [str(args.exe)], args.runs)
    if args.dev:
        measure("Dev server (python -m redacta)", dev_command(), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
