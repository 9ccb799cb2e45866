"""Redact the columns of a Spark DataFrame with the one pipeline (the library call).

The work runs in `DataFrame.mapInArrow`: Arrow batches go to the Python workers, each of
which builds one engine and reuses it (`worker`). The result of that one pass is persisted,
so the redacted rows, the findings, the bad-cell counts and the restore mapping all come from
the same analysis, never from a second run of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyspark import StorageLevel
from pyspark.sql import DataFrame
from pyspark.sql import functions as F  # noqa: N812 - Spark's own convention
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    DoubleType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from redacta.redaction.keyed import KeyedLabels, PseudonymKeyError
from redacta.redaction.operators import HashOp, PseudonymizeOp
from redacta.redaction.options import RedactionOptions
from redacta.redaction.user_settings import UserSettings
from redacta.settings import Settings
from redacta.spark.worker import (
    BAD_COLUMN,
    FINDINGS_COLUMN,
    MAPPING_COLUMN,
    UNKNOWN_COLUMN,
    BatchJob,
    RestoreJob,
    redact_batches,
    restore_batches,
)

DEFAULT_MAX_CHARS = 1_000_000
"""Longest cell analysed; longer ones are reported as oversized (one cell is one task's work)."""
ROW_ID_COLUMN = "redacta_row_id"
"""Added to the output when findings are asked for and the table names no id column."""
ENGINE_FIELDS = ("model", "language", "entities", "score_threshold", "phone_regions")

_FINDING = StructType(
    [
        StructField("column", StringType(), False),
        StructField("entity_type", StringType(), False),
        StructField("start", IntegerType(), False),
        StructField("end", IntegerType(), False),
        StructField("score", DoubleType(), False),
        StructField("operator", StringType(), False),
        StructField("value", StringType(), True),
    ]
)
_BAD = StructType(
    [StructField("column", StringType(), False), StructField("reason", StringType(), False)]
)
_MAPPING = StructType(
    [
        StructField("label", StringType(), False),
        StructField("entity_type", StringType(), False),
        StructField("sealed_value", BinaryType(), False),
    ]
)


class SparkUsageError(ValueError):
    """A call that cannot run as given; the message says what to change."""


@dataclass
class SparkRedaction:
    """The outcome of `redact_dataframe`; every part is read from one persisted pass.

    - `redacted`: the input rows, chosen columns redacted (plus `redacta_row_id` when findings
      were asked for without an id column).
    - `findings`: one row per replaced span: row id, column, entity type, start, end, score,
      operator, and `value` only when asked for (else null). None when not asked for.
    - `mapping`: label, entity type, sealed value (AES-SIV under the key): what `restore`
      needs. None unless asked for.
    """

    redacted: DataFrame
    findings: DataFrame | None
    mapping: DataFrame | None
    _pass: DataFrame

    def bad_cells(self) -> dict[str, dict[str, int]]:
        """Column → reason (`null`, `non_string`, `oversized`) → number of cells."""
        counts: dict[str, dict[str, int]] = {}
        rows = (
            self._pass.select(F.explode(BAD_COLUMN).alias("bad"))
            .groupBy("bad.column", "bad.reason")
            .count()
            .collect()
        )
        for row in rows:
            counts.setdefault(str(row["column"]), {})[str(row["reason"])] = int(row["count"])
        return counts

    def unpersist(self) -> None:
        """Free the cached pass once everything needed has been written."""
        self._pass.unpersist()


def _options(settings: UserSettings | RedactionOptions | None) -> RedactionOptions:
    if settings is None:
        return RedactionOptions()
    if isinstance(settings, UserSettings):
        return RedactionOptions.from_user_settings(settings)
    return settings


def check_key(options: RedactionOptions, key: bytes | None, *, mapping: bool) -> None:
    """Refuse keyed operators or a mapping without a usable key (before any work starts)."""
    keyed = [e for e, s in options.operators.items() if isinstance(s, PseudonymizeOp | HashOp)]
    if key is None and (keyed or mapping):
        why = (
            f"the settings pseudonymize or hash {', '.join(sorted(keyed))}"
            if keyed
            else "a restore mapping was asked for"
        )
        raise SparkUsageError(
            f"{why}: on Spark these need a key, identical on every worker and in every run "
            "(set REDACTA_PSEUDONYM_KEY or pass --key-file)"
        )
    if key is not None:
        try:
            KeyedLabels(key)
        except PseudonymKeyError as exc:
            raise SparkUsageError(str(exc)) from None


def redact_dataframe(
    df: DataFrame,
    columns: list[str],
    settings: UserSettings | RedactionOptions | None = None,
    *,
    key: bytes | None = None,
    id_column: str | None = None,
    findings: bool = True,
    include_values: bool = False,
    mapping: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    keep_bad: bool = False,
    engine_settings: Settings | None = None,
) -> SparkRedaction:
    """Redact `columns` of `df` with the app's settings (a `UserSettings` as the desktop saves
    it, or `RedactionOptions`; None = the defaults).

    `key` (bytes, ≥ 16) makes pseudonyms keyed (`<PERSON_3f9a2c81d07e>`) and the hash
    operator's salt; it is required when the settings pseudonymize or hash. `keep_bad` writes
    cells that could not be analysed (non-string, oversized) as they were instead of null.
    `engine_settings` defaults to the driver's `REDACTA_*` configuration, sent to the workers.
    Nothing runs until a result is used (Spark is lazy); call `unpersist()` when done.
    """
    if not columns:
        raise SparkUsageError("name at least one column to redact")
    missing = [c for c in [*columns, *([id_column] if id_column else [])] if c not in df.columns]
    if missing:
        raise SparkUsageError(
            f"no column {', '.join(missing)} in the table; its columns are {', '.join(df.columns)}"
        )
    if max_chars < 1:
        raise SparkUsageError("max_chars must be at least 1")
    options = _options(settings)
    check_key(options, key, mapping=mapping)
    engine = engine_settings or Settings()
    job = BatchJob(
        columns=tuple(dict.fromkeys(columns)),
        options_json=options.model_dump_json(),
        engine_settings=engine.model_dump(include=set(ENGINE_FIELDS)),
        key=key,
        max_chars=max_chars,
        keep_bad=keep_bad,
        include_values=include_values,
        record_mapping=mapping,
    )
    if findings and id_column is None:
        id_column = ROW_ID_COLUMN
        df = df.withColumn(ROW_ID_COLUMN, F.monotonically_increasing_id())
    helpers = [
        StructField(FINDINGS_COLUMN, ArrayType(_FINDING, False), False),
        StructField(BAD_COLUMN, ArrayType(_BAD, False), False),
    ]
    if mapping:
        helpers.append(StructField(MAPPING_COLUMN, ArrayType(_MAPPING, False), False))
    schema = StructType([*df.schema.fields, *helpers])
    one_pass = df.mapInArrow(redact_batches(job), schema).persist(StorageLevel.MEMORY_AND_DISK)
    redacted = one_pass.drop(*(f.name for f in helpers))
    found = None
    if findings:
        assert id_column is not None
        found = one_pass.select(
            F.col(id_column).alias("row_id"), F.explode(FINDINGS_COLUMN).alias("f")
        ).select("row_id", "f.*")
        if not include_values:
            found = found.drop("value")
    table = None
    if mapping:
        table = (
            one_pass.select(F.explode(MAPPING_COLUMN).alias("m"))
            .select("m.*")
            .dropDuplicates(["label", "sealed_value"])
        )
    return SparkRedaction(redacted=redacted, findings=found, mapping=table, _pass=one_pass)


@dataclass
class SparkRestore:
    """The outcome of `restore_dataframe`: the rows with labels put back, and how many
    labels the mapping did not know (counted, left as they were)."""

    restored: DataFrame
    _pass: DataFrame

    def unknown_labels(self) -> int:
        """Labels found in the chosen columns that the mapping has no entry for."""
        total = self._pass.agg(F.sum(UNKNOWN_COLUMN)).collect()[0][0]
        return int(total or 0)


def restore_dataframe(
    df: DataFrame, columns: list[str], mapping: DataFrame, *, key: bytes
) -> SparkRestore:
    """Put the original values back for keyed labels in `columns`, from a mapping table that
    `redact_dataframe(..., mapping=True)` wrote, with the same key.

    The sealed mapping is sent to every worker (it must fit in an executor's memory: about
    100 bytes per distinct value); entries are decrypted only for labels that turn up.
    """
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SparkUsageError(
            f"no column {', '.join(missing)} in the table; its columns are {', '.join(df.columns)}"
        )
    try:
        KeyedLabels(key)
    except PseudonymKeyError as exc:
        raise SparkUsageError(str(exc)) from None
    # Spellings of one value share a label: keep one of them, the same one every time.
    rows = mapping.groupBy("label").agg(F.min("sealed_value").alias("sealed")).collect()
    sealed = {str(row["label"]): bytes(row["sealed"]) for row in rows}
    shipped = df.sparkSession.sparkContext.broadcast(sealed)
    job = RestoreJob(columns=tuple(dict.fromkeys(columns)), key=key, sealed=shipped)
    schema = StructType([*df.schema.fields, StructField(UNKNOWN_COLUMN, IntegerType(), False)])
    one_pass = df.mapInArrow(restore_batches(job), schema).persist(StorageLevel.MEMORY_AND_DISK)
    return SparkRestore(restored=one_pass.drop(UNKNOWN_COLUMN), _pass=one_pass)
