"""`python -m redacta.spark redact|restore ...`: redact tables on Spark (also via spark-submit).

Prints one JSON summary on stdout (counts only, never values). Exit codes: 0 done, 2 usage
error (bad option, settings file, key, column), 3 the Spark job failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta.redaction.options import RedactionOptions

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

EXIT_OK, EXIT_USAGE, EXIT_FAILED = 0, 2, 3
FORMATS = ("parquet", "csv", "json")

EPILOG = """\
examples:
  python -m redacta.spark redact --input s3a://lake/tickets/ --output s3a://lake/redacted/ \\
      --columns subject,body --settings team-settings.json --id-column ticket_id \\
      --findings s3a://lake/tickets-findings/
  REDACTA_PSEUDONYM_KEY=... python -m redacta.spark redact --input notes.csv --format csv \\
      --output notes-redacted --columns text --mapping notes-mapping
  python -m redacta.spark restore --input notes-redacted --format csv --output notes-restored \\
      --columns text --mapping notes-mapping --key-file pseudonym.key
  spark-submit --master yarn --archives redacta-env.tar.gz#env \\
      --conf spark.pyspark.python=./env/bin/python path/to/redacta/spark/__main__.py redact ...
      (spark-submit takes a file: this module's; see the README, running on a cluster)

settings: the JSON file the desktop app saves (settings.json in its data folder), with
  the same validation errors; without --settings the defaults apply.
keys: pseudonymize and hash need a key, the same on every worker and in every run:
  REDACTA_PSEUDONYM_KEY or --key-file FILE (at least 16 bytes).
"""


def build_parser() -> argparse.ArgumentParser:
    """The command line of `python -m redacta.spark`."""
    parser = argparse.ArgumentParser(
        prog="python -m redacta.spark",
        description="Redact columns of tables with Redacta's engine on Apache Spark.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        """A subcommand with the options both commands take and the shared examples."""
        p = sub.add_parser(
            name,
            help=summary,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("--input", required=True, metavar="URI", help="Table to read.")
        p.add_argument("--output", required=True, metavar="URI", help="Where to write.")
        p.add_argument(
            "--columns",
            action="append",
            required=True,
            metavar="COL[,COL...]",
            help="Text columns to process (repeatable).",
        )
        p.add_argument(
            "--format",
            choices=FORMATS,
            default="parquet",
            help="Format of the input and output (json = JSON Lines; csv has a header row).",
        )
        p.add_argument(
            "--master", metavar="URL", help="Spark master (default: Spark's config, else local[*])."
        )
        p.add_argument(
            "--key-file",
            metavar="FILE",
            help="Pseudonym key file (default: REDACTA_PSEUDONYM_KEY).",
        )
        p.add_argument("--overwrite", action="store_true", help="Replace existing outputs.")
        return p

    redact = command("redact", "Redact columns; optionally write findings.")
    redact.add_argument("--settings", metavar="FILE", help="Settings JSON saved by the app.")
    redact.add_argument(
        "--id-column",
        metavar="COL",
        help="Row id for the findings (default: a generated redacta_row_id column is added).",
    )
    redact.add_argument("--findings", metavar="URI", help="Write the findings table here.")
    redact.add_argument(
        "--include-values",
        action="store_true",
        help="Put the detected values in the findings (sensitive: off by default).",
    )
    redact.add_argument(
        "--mapping",
        metavar="URI",
        help="Write the encrypted label mapping here (Parquet), needed to restore later.",
    )
    redact.add_argument(
        "--max-chars",
        type=int,
        default=None,
        metavar="N",
        help="Cells longer than this are not analysed (reported as oversized; default 1000000).",
    )
    redact.add_argument(
        "--keep-bad",
        action="store_true",
        help="Write non-string and oversized cells unchanged (default: null, never unread text).",
    )

    restore = command("restore", "Put original values back for keyed pseudonyms.")
    restore.add_argument(
        "--mapping", required=True, metavar="URI", help="The mapping table written by redact."
    )
    return parser


def _columns(values: list[str]) -> list[str]:
    return [c.strip() for value in values for c in value.split(",") if c.strip()]


def _defaults_master() -> bool:
    """Whether spark-defaults.conf (where spark-submit would read it) names a master."""
    folders = [os.environ.get("SPARK_CONF_DIR")]
    if os.environ.get("SPARK_HOME"):
        folders.append(str(Path(os.environ["SPARK_HOME"]) / "conf"))
    for folder in filter(None, folders):
        path = Path(folder) / "spark-defaults.conf"
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip().split(maxsplit=1)[:1] == ["spark.master"]:
                    return True
    return False


def spark_session(master: str | None) -> SparkSession:
    """The session: `--master`, else what spark-submit or spark-defaults.conf set, else
    `local[*]`. In local mode the workers run this same Python."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("redacta")
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver
    if master is not None:
        builder = builder.master(master)
    elif not under_submit and not _defaults_master():
        builder = builder.master("local[*]")
    if not under_submit:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def _read(spark: SparkSession, fmt: str, uri: str) -> DataFrame:
    reader = spark.read
    if fmt == "csv":
        reader = reader.option("header", True).option("multiLine", True).option("escape", '"')
    return reader.format(fmt).load(uri)


def _write(df: DataFrame, fmt: str, uri: str, overwrite: bool) -> None:
    writer = df.write.mode("overwrite" if overwrite else "errorifexists")
    if fmt == "csv":
        # Spark's CSV writer trims cells by default; a redacted cell keeps its spaces.
        writer = (
            writer.option("header", True)
            .option("escape", '"')
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
        )
    writer.format(fmt).save(uri)


def _redact(
    spark: SparkSession, args: argparse.Namespace, options: RedactionOptions, key: bytes | None
) -> dict[str, Any]:
    from redacta.settings import Settings
    from redacta.spark.frame import DEFAULT_MAX_CHARS, redact_dataframe

    settings = Settings()  # the driver's REDACTA_* configuration, sent to the workers

    table = _read(spark, args.format, args.input)
    result = redact_dataframe(
        table,
        _columns(args.columns),
        options,
        key=key,
        id_column=args.id_column,
        findings=args.findings is not None,
        include_values=args.include_values,
        mapping=args.mapping is not None,
        max_chars=args.max_chars or DEFAULT_MAX_CHARS,
        keep_bad=args.keep_bad,
        engine_settings=settings,
    )
    _write(result.redacted, args.format, args.output, args.overwrite)
    summary: dict[str, Any] = {"output": args.output, "rows": result.redacted.count()}
    if result.findings is not None:
        _write(result.findings, args.format, args.findings, args.overwrite)
        summary["findings"] = result.findings.count()
        summary["findings_output"] = args.findings
    if result.mapping is not None:
        _write(result.mapping, "parquet", args.mapping, args.overwrite)
        summary["mapping_output"] = args.mapping
    summary["bad_cells"] = result.bad_cells()
    summary["settings_applied"] = options.applied(settings).model_dump()
    summary["pseudonyms"] = "keyed" if key is not None else "none"
    result.unpersist()
    return summary


def _restore(spark: SparkSession, args: argparse.Namespace, key: bytes) -> dict[str, Any]:
    from redacta.spark.frame import restore_dataframe

    table = _read(spark, args.format, args.input)
    mapping = spark.read.parquet(args.mapping)
    result = restore_dataframe(table, _columns(args.columns), mapping, key=key)
    _write(result.restored, args.format, args.output, args.overwrite)
    return {
        "output": args.output,
        "rows": result.restored.count(),
        "unknown_labels": result.unknown_labels(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    from redacta.redaction.keyed import PseudonymKeyError, read_key
    from redacta.redaction.options import SettingsFileError, read_settings_file
    from redacta.spark.frame import SparkUsageError, check_key

    args = build_parser().parse_args(argv)
    name = f"redacta.spark {args.command}"
    # Everything that can be checked without Spark is checked before it starts.
    options = RedactionOptions()
    try:
        key = read_key(args.key_file)
        if args.command == "redact":
            if args.max_chars is not None and args.max_chars < 1:
                raise SparkUsageError("--max-chars must be at least 1")
            if args.settings is not None:
                user = read_settings_file(Path(args.settings))
                options = RedactionOptions.from_user_settings(user)
            check_key(options, key, mapping=args.mapping is not None)
        elif key is None:
            raise SparkUsageError(
                "restore needs the key the table was redacted with "
                "(REDACTA_PSEUDONYM_KEY or --key-file)"
            )
    except (SparkUsageError, SettingsFileError, PseudonymKeyError) as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        spark = spark_session(args.master)
    except Exception as exc:
        print(f"{name}: error: Spark could not start: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.command == "redact":
            summary = _redact(spark, args, options, key)
        else:
            assert key is not None
            summary = _restore(spark, args, key)
    except SparkUsageError as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        from pyspark.errors import AnalysisException

        if isinstance(exc, AnalysisException):  # e.g. missing input, output already there
            print(f"{name}: error: {exc.getMessage()}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"{name}: the Spark job failed ({type(exc).__name__}); see the Spark log above",
            file=sys.stderr,
        )
        return EXIT_FAILED
    finally:
        spark.stop()
    print(json.dumps(summary, indent=2))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
