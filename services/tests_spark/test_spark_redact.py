"""`redacta.spark` on a real local Spark (`local[2]`) over generated Parquet, CSV and JSON Lines.

The reference is the desktop engine in this process: the same `Redactor` (one pipeline) on
the same cell texts must give the same findings and the same redacted text as the Spark
workers did, and no planted value may survive anywhere in an output.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from local_spark import MASTER, spark_env
from tables import ALLOWED, Table, tickets

from redacta.engine import Engine
from redacta.redaction.keyed import KEY_ENV, KeyedLabels
from redacta.redaction.operators import PseudonymizeOp
from redacta.redaction.options import RedactionOptions, read_settings_file
from redacta.redaction.pipeline import Redactor
from redacta.redaction.user_settings import UserSettings
from redacta.settings import Settings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

KEY = b"spark-tests-key-0123456789abcdef"
LONG_LIMIT = 400
TEXT_COLUMNS = ("subject", "body")

# The settings a team tuned on the desktop: names pseudonymized, a phrase allowed.
TEAM_SETTINGS = UserSettings(
    allow_list=[ALLOWED],
    default_operators={"PERSON": PseudonymizeOp()},
)


@pytest.fixture(scope="module")
def desktop() -> Iterator[Engine]:
    engine = Engine.create(Settings())
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def table() -> Table:
    table = tickets()
    # Bad cells: a null body, an oversized one (with a planted value in it), a blank one.
    table.rows[5]["body"] = None
    table.rows[7]["body"] = "Write to maria.garcia@example.com. " + "x" * LONG_LIMIT
    table.rows[9]["body"] = "   "
    return table


def _frame(spark: SparkSession, table: Table, partitions: int) -> DataFrame:
    schema = "id long, subject string, body string, category string, priority int"
    names = ("id", "subject", "body", "category", "priority")
    rows = [tuple(r[k] for k in names) for r in table.rows]
    return spark.createDataFrame(rows, schema).repartition(partitions, "id")


def _desktop_redaction(
    engine: Engine, options: RedactionOptions, texts: list[str]
) -> list[tuple[str, list[tuple[str, int, int, float, str]]]]:
    """What the desktop pipeline makes of each text: redacted text and replaced spans."""
    labels = KeyedLabels(KEY)
    redactor = Redactor(engine, options, salt=labels.hash_salt, labels=labels)
    return [
        (r.text, [(x.entity_type, x.start, x.end, round(x.score, 6), x.operator) for x in spans])
        for r in redactor.redact(texts)
        for spans in [r.replacements]
    ]


def _leaks(cells: list[Any], planted: set[str]) -> list[str]:
    text = "\n".join(str(c) for c in cells if c is not None)
    return sorted(v for v in planted if v in text)


def test_parquet_matches_the_desktop_engine(
    spark: SparkSession, tmp_path: Path, table: Table, desktop: Engine
) -> None:
    from redacta.spark import redact_dataframe

    source = tmp_path / "tickets.parquet"
    _frame(spark, table, 4).write.parquet(str(source))
    df = spark.read.parquet(str(source))
    assert df.rdd.getNumPartitions() >= 2
    result = redact_dataframe(
        df,
        [*TEXT_COLUMNS, "priority"],
        TEAM_SETTINGS,
        key=KEY,
        id_column="id",
        max_chars=LONG_LIMIT,
    )
    out = {r["id"]: r.asDict() for r in result.redacted.collect()}
    assert sorted(out) == [r["id"] for r in table.rows]
    assert _leaks([c for r in out.values() for c in r.values()], table.planted) == []
    assert out[3]["category"] == table.rows[3]["category"]  # other columns untouched

    # Bad cells are counted, withheld, and the job went on.
    assert result.bad_cells() == {
        "body": {"null": 1, "oversized": 1},
        "priority": {"non_string": len(table.rows)},
    }
    assert out[5]["body"] is None
    assert out[7]["body"] is None
    assert out[9]["body"] == "   "
    assert all(r["priority"] is None for r in out.values())

    # Same findings and same text as the desktop pipeline, cell by cell.
    options = RedactionOptions.from_user_settings(TEAM_SETTINGS)
    cells = [
        (r["id"], c, r[c])
        for r in table.rows
        for c in TEXT_COLUMNS
        if isinstance(r[c], str) and len(r[c]) <= LONG_LIMIT
    ]
    expected = _desktop_redaction(desktop, options, [text for _, _, text in cells])
    assert result.findings is not None
    found: dict[tuple[int, str], list[tuple[str, int, int, float, str]]] = {}
    for f in result.findings.collect():
        found.setdefault((f["row_id"], f["column"]), []).append(
            (f["entity_type"], f["start"], f["end"], round(f["score"], 6), f["operator"])
        )
    assert "value" not in result.findings.columns  # values only when asked for
    for (row_id, column, _text), (text, spans) in zip(cells, expected, strict=True):
        assert out[row_id][column] == text
        assert sorted(found.get((row_id, column), [])) == sorted(spans)
    assert sum(len(s) for _, s in expected) == result.findings.count() > 100
    assert ALLOWED in out[next(r["id"] for r in table.rows if ALLOWED in str(r["body"]))]["body"]
    result.unpersist()


def test_keyed_pseudonyms_agree_across_partitions_and_runs(
    spark: SparkSession, table: Table
) -> None:
    from pyspark.sql import functions as F  # noqa: N812

    from redacta.spark import redact_dataframe

    labels = KeyedLabels(KEY)
    runs = []
    for partitions in (4, 1):
        df = _frame(spark, table, partitions).withColumn("part", F.spark_partition_id())
        result = redact_dataframe(df, ["subject", "body"], TEAM_SETTINGS, key=KEY, findings=False)
        runs.append({r["id"]: r for r in result.redacted.collect()})
        result.unpersist()
    four, one = runs
    assert {r["id"]: r["body"] for r in four.values()} == {r["id"]: r["body"] for r in one.values()}
    # Each person's label is the HMAC label, and it shows up in rows of several partitions.
    for name in ("Maria Garcia", "Peter Novak", "Aisha Khan"):
        label = labels.label_for("PERSON", name)
        parts = {r["part"] for r in four.values() if label in f"{r['subject']} {r['body']}"}
        assert len(parts) >= 2, (name, parts)
    # Another key, other labels.
    other = redact_dataframe(
        _frame(spark, table, 2), ["body"], TEAM_SETTINGS, key=b"x" * 32, findings=False
    )
    assert labels.label_for("PERSON", "Maria Garcia") not in " ".join(
        str(r["body"]) for r in other.redacted.collect()
    )
    other.unpersist()


def test_one_engine_per_python_worker(spark: SparkSession, table: Table) -> None:
    """Many Arrow batches and tasks per worker, one engine build per worker process."""
    from pyspark.sql.types import LongType, StructField, StructType

    from redacta.spark.frame import ENGINE_FIELDS
    from redacta.spark.worker import BatchJob

    job = BatchJob(
        columns=("body",),
        options_json=RedactionOptions().model_dump_json(),
        engine_settings=Settings().model_dump(include=set(ENGINE_FIELDS)),
        key=None,
        max_chars=LONG_LIMIT,
        keep_bad=False,
        include_values=False,
        record_mapping=False,
    )

    def probe(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from redacta.spark import worker

        for batch in batches:
            worker.redact_batch(job, batch)
            yield pa.RecordBatch.from_arrays(
                [pa.array([os.getpid()]), pa.array([worker.engine_builds])],
                names=["pid", "builds"],
            )

    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "6")
    try:
        schema = StructType([StructField("pid", LongType()), StructField("builds", LongType())])
        seen = _frame(spark, table, 6).select("body").mapInArrow(probe, schema).collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    assert len(seen) >= 10  # 60 rows in batches of at most 6
    assert {r["builds"] for r in seen} == {1}
    assert len({r["pid"] for r in seen}) <= 2  # local[2]: two reused Python workers


def _cli(
    *args: str, key: bool = True, submit: bool = False, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    """`python -m redacta.spark ARGS`, or with `submit` the same module file through
    pyspark's own `spark-submit --master local[2]` (then the master comes from spark-submit)."""
    env = {**os.environ, **spark_env()}
    env.pop(KEY_ENV, None)
    if key:
        env[KEY_ENV] = KEY.decode()
    command = [sys.executable, "-m", "redacta.spark"]
    if submit:
        import redacta.spark.__main__ as entry

        spark_submit = str(Path(sys.executable).parent / "spark-submit")
        command = [spark_submit, "--master", MASTER, "--driver-memory", "2g", entry.__file__]
    return subprocess.run(
        [*command, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _part_files(folder: Path, suffix: str) -> list[Path]:
    return sorted(p for p in folder.glob(f"part-*{suffix}") if p.stat().st_size)


def test_spark_submit_csv_with_a_desktop_settings_file(
    tmp_path: Path, table: Table, desktop: Engine
) -> None:
    source = tmp_path / "tickets.csv"
    columns = ["id", "subject", "body", "category", "priority"]
    with source.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(table.rows)
    settings = tmp_path / "settings.json"
    settings.write_text(TEAM_SETTINGS.model_dump_json(indent=2), encoding="utf-8")
    out, findings = tmp_path / "out", tmp_path / "findings"
    run = _cli(
        "redact", "--input", str(source), "--format", "csv", "--output", str(out),
        "--columns", "subject,body", "--settings", str(settings), "--id-column", "id",
        "--findings", str(findings), "--max-chars", str(LONG_LIMIT), submit=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout)
    assert summary["rows"] == len(table.rows)
    # csv.DictWriter wrote the null body as an empty field, which Spark reads back as null.
    assert summary["bad_cells"] == {"body": {"null": 1, "oversized": 1}}
    assert summary["settings_applied"]["allow_list"] == 1
    assert summary["settings_applied"]["operators"]["PERSON"] == "pseudonymize"
    assert summary["pseudonyms"] == "keyed"
    rows = [r for p in _part_files(out, ".csv") for r in csv.DictReader(p.open(encoding="utf-8"))]
    assert len(rows) == len(table.rows)
    assert _leaks([c for r in rows for c in r.values()], table.planted) == []
    assert all("<PERSON_" in r["subject"] for r in rows if "Refund" not in r["subject"])
    options = RedactionOptions.from_user_settings(read_settings_file(settings))
    texts = [
        str(r[c]) for r in table.rows for c in TEXT_COLUMNS
        if isinstance(r[c], str) and len(r[c]) <= LONG_LIMIT
    ]  # fmt: skip
    expected = _desktop_redaction(desktop, options, texts)
    assert summary["findings"] == sum(len(spans) for _, spans in expected)
    by_id = {int(r["id"]): r for r in rows}
    source_rows = {int(str(r["id"])): r for r in table.rows}
    redacted = [
        by_id[i][c] for i, r in source_rows.items() for c in TEXT_COLUMNS
        if isinstance(r[c], str) and len(r[c]) <= LONG_LIMIT
    ]  # fmt: skip
    assert redacted == [text for text, _ in expected]
    found = [r for p in _part_files(findings, ".csv") for r in csv.DictReader(p.open())]
    assert len(found) == summary["findings"]
    assert set(found[0]) == {"row_id", "column", "entity_type", "start", "end", "score", "operator"}


def test_cli_json_lines_mapping_and_restore(tmp_path: Path, table: Table) -> None:
    source = tmp_path / "tickets.jsonl"
    source.write_text(
        "".join(json.dumps(r) + "\n" for r in table.rows if isinstance(r["body"], str)),
        encoding="utf-8",
    )
    originals = {r["id"]: r for r in table.rows if isinstance(r["body"], str)}
    settings = tmp_path / "settings.json"
    everything = UserSettings(default_operators={"DEFAULT": PseudonymizeOp()})
    settings.write_text(everything.model_dump_json(), encoding="utf-8")
    out, mapping, back = tmp_path / "out", tmp_path / "mapping", tmp_path / "restored"
    run = _cli(
        "redact", "--input", str(source), "--format", "json", "--output", str(out),
        "--columns", "subject", "--columns", "body", "--settings", str(settings),
        "--mapping", str(mapping), "--max-chars", str(LONG_LIMIT), "--master", MASTER,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout)["bad_cells"] == {"body": {"oversized": 1}}
    lines = [json.loads(line) for p in _part_files(out, ".json") for line in p.open()]
    assert len(lines) == len(originals)
    assert _leaks([c for r in lines for c in r.values()], table.planted) == []
    assert "redacta_row_id" not in lines[0]  # no findings asked for: no id column added
    mapping_bytes = b"".join(p.read_bytes() for p in mapping.rglob("*.parquet"))
    assert mapping_bytes
    assert all(v.encode() not in mapping_bytes for v in table.planted)

    without_key = _cli(
        "restore", "--input", str(out), "--format", "json", "--output", str(back),
        "--columns", "subject,body", "--mapping", str(mapping), key=False,
    )  # fmt: skip
    assert without_key.returncode == 2
    assert "restore needs the key" in without_key.stderr
    run = _cli(
        "restore", "--input", str(out), "--format", "json", "--output", str(back),
        "--columns", "subject,body", "--mapping", str(mapping), "--master", MASTER,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout)["unknown_labels"] == 0
    restored = [json.loads(line) for p in _part_files(back, ".json") for line in p.open()]
    for row in restored:
        original = originals[row["id"]]
        assert row["subject"] == original["subject"]
        if len(str(original["body"])) <= LONG_LIMIT:
            assert row["body"] == original["body"]
        else:  # withheld as oversized: there was nothing to restore
            assert "body" not in row or row["body"] is None


def test_cli_usage_errors_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "settings.json"
    bad.write_text(
        json.dumps({"score_threshold": 3, "deny_lists": {"lower": ["x"]}}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="is invalid") as desktop_error:
        read_settings_file(bad)
    common = ["--input", str(tmp_path), "--output", str(tmp_path / "o"), "--columns", "body"]
    run = _cli("redact", *common, "--settings", str(bad))
    assert run.returncode == 2
    assert str(desktop_error.value) in run.stderr  # the desktop's own message, word for word

    pseudonyms = tmp_path / "pseudonyms.json"
    pseudonyms.write_text(TEAM_SETTINGS.model_dump_json(), encoding="utf-8")
    run = _cli("redact", *common, "--settings", str(pseudonyms), key=False)
    assert run.returncode == 2
    assert "REDACTA_PSEUDONYM_KEY" in run.stderr
    assert "PERSON" in run.stderr

    short = tmp_path / "short.key"
    short.write_text("too-short\n", encoding="utf-8")
    run = _cli("redact", *common, "--key-file", str(short))
    assert run.returncode == 2
    assert "at least 16 bytes" in run.stderr
    assert "too-short" not in run.stderr
