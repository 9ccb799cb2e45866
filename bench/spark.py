"""Throughput of `redacta.spark`: local[1] vs local[2] on the same table, and the CLI job.

    cd services && .venv/bin/python ../bench/spark.py [--rows 600] [--runs 3]

(`nox -s bench_spark` runs it.) Generates a ticket table (subject + body: names, emails,
phones, cards in filler prose) as one CSV, then measures, medians of `--runs`:

* warm, in one driver process: `redact_dataframe` over the table read from the CSV, forced
  with Spark's `noop` sink, on `local[1]` and on `local[2]` after one untimed warm-up pass
  (the Python workers have built their engines: steady-state throughput). Their ratio is
  the scaling from one to two cores;
* the one pipeline in this process (`Redactor.redact` over the same cells, engine loaded),
  the reference a Spark worker pays per cell before any Spark overhead;
* cold, end to end, each a fresh process: `python -m redacta.spark redact --master local[2]`
  (JVM start, two workers loading the engine, CSV in and out) and the CLI job on the same
  file, `python -m redacta redact --columns subject,body --jobs 2` (two worker processes).

Rows/s and chars/s count the text of the redacted columns. Not a test: on a shared 2-core
machine the numbers follow the load of everything else running (reported with each run);
two Spark executor threads can only beat one when a second core is actually free.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sample_names import FIRST, LAST

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["subject", "body"]

PROSE = [
    "The quarterly invoice was approved without changes.",
    "Please review the attached contract before Friday.",
    "The shipment left the warehouse this morning.",
    "All tickets from last week have been resolved.",
    "The customer could not log in after the update.",
]
BODIES = [
    "Customer {name} wrote from {email} and asked us to call {phone}.",
    "Please refund {name}; card 4111 1111 1111 1111 was charged twice.",
    "{name} ({email}) asked to close the account.",
    "Hi, this is {name}, my number is {phone}.",
]


def make_table(path: Path, rows: int, seed: int = 5) -> int:
    """Write the CSV; returns the number of characters in the redacted columns."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    chars = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", *COLUMNS, "category"])
        for index in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            values = {
                "name": f"{first} {last}",
                "email": f"{first.lower()}.{last.lower()}@example.com",
                "phone": f"+1 (212) 555-{rng.randint(1000, 9999)}",
            }
            body = " ".join(
                [rng.choice(PROSE), rng.choice(BODIES).format(**values), rng.choice(PROSE)]
            )
            subject = f"Ticket from {values['name']}"
            chars += len(subject) + len(body)
            writer.writerow([index, subject, body, rng.choice(["billing", "login"])])
    return chars


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def timed(runs: int, work: Callable[[], object]) -> tuple[float, list[str]]:
    """Median wall seconds of `runs` calls, and the load average before each."""
    times, loads = [], []
    for _ in range(runs):
        loads.append(load())
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), loads


def spark_warm(table: Path, cores: int, runs: int) -> tuple[float, list[str]]:
    """Median seconds of a warm `redact_dataframe` pass on `local[cores]` (fresh session)."""
    from pyspark.sql import SparkSession

    from redacta.spark import redact_dataframe

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(f"redacta-bench-local-{cores}")
        .config("spark.driver.memory", "2g")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # Two partitions per core, so both executor threads have work in local[2].
    df = spark.read.option("header", True).csv(str(table)).repartition(2 * cores).cache()
    df.count()

    def once() -> None:
        result = redact_dataframe(df, COLUMNS, findings=False)
        result.redacted.write.format("noop").mode("overwrite").save()
        result.unpersist()

    once()  # warm-up: each Python worker builds its engine
    try:
        return timed(runs, once)
    finally:
        spark.stop()


def in_process(table: Path, runs: int) -> tuple[float, list[str]]:
    from redacta.engine import Engine
    from redacta.redaction.pipeline import Redactor
    from redacta.settings import Settings

    with table.open(encoding="utf-8") as f:
        texts = [row[c] for row in csv.DictReader(f) for c in COLUMNS]
    engine = Engine.create(Settings())
    redactor = Redactor(engine)
    redactor.redact(texts[:50])  # warm-up
    try:
        return timed(runs, lambda: redactor.redact(texts))
    finally:
        engine.close()


def cold(command: list[str], runs: int, out: Path, env: dict[str, str]) -> tuple[float, list[str]]:
    def once() -> None:
        subprocess.run(["rm", "-rf", str(out)], check=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{command[:4]} failed: {done.stderr[-2000:]}")

    return timed(runs, once)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="Only the warm measurements.")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

    results: list[tuple[str, float, list[str]]] = []
    with tempfile.TemporaryDirectory(prefix="redacta-bench-spark-") as tmp:
        folder = Path(tmp)
        table = folder / "tickets.csv"
        chars = make_table(table, args.rows)
        print(f"table: {args.rows} rows, {chars:,} chars in {', '.join(COLUMNS)}", flush=True)
        for cores in (1, 2):
            seconds, loads = spark_warm(table, cores, args.runs)
            results.append((f"Spark local[{cores}], warm", seconds, loads))
            print(results[-1], flush=True)
        seconds, loads = in_process(table, args.runs)
        results.append(("one pipeline in one process, warm (reference)", seconds, loads))
        print(results[-1], flush=True)
        if not args.skip_cold:
            env = {**os.environ}
            spark_cli = [
                sys.executable, "-m", "redacta.spark", "redact", "--master", "local[2]",
                "--input", str(table), "--format", "csv", "--output", str(folder / "spark-out"),
                "--columns", ",".join(COLUMNS),
            ]  # fmt: skip
            seconds, loads = cold(spark_cli, args.runs, folder / "spark-out", env)
            results.append(("`python -m redacta.spark redact`, local[2], cold", seconds, loads))
            print(results[-1], flush=True)
            job_cli = [
                sys.executable, "-m", "redacta", "redact", str(table), "-o",
                str(folder / "cli-out"), "--columns", ",".join(COLUMNS), "--jobs", "2",
                "--no-user-settings", "-q",
            ]  # fmt: skip
            seconds, loads = cold(job_cli, args.runs, folder / "cli-out", env)
            results.append(("`redacta redact --jobs 2` (CLI job), cold", seconds, loads))
            print(results[-1], flush=True)

    base = {name: seconds for name, seconds, _ in results}
    one, two = base["Spark local[1], warm"], base["Spark local[2], warm"]
    print()
    print(f"{args.rows} rows, {chars:,} chars; medians of {args.runs} runs")
    print()
    print("| mode | seconds | rows/s | chars/s | load average before each run |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, seconds, loads in results:
        print(
            f"| {name} | {seconds:.1f} | {args.rows / seconds:,.1f} | {chars / seconds:,.0f} | "
            f"{', '.join(loads)} |"
        )
    print()
    print(f"scaling local[2] / local[1] (warm): {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
