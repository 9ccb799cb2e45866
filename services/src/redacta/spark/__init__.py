"""Redacta on Apache Spark: the desktop's engine, settings and operators over whole tables.

Installed with the `spark` extra (`pip install "redacta[spark]"`). From the command line:
`python -m redacta.spark redact --input URI --output URI --columns COL[,COL...]` (and
`restore`); inside a Spark job: `redact_dataframe(df, columns, settings)`. Pseudonyms are keyed
(`redacta.redaction.keyed`) so they agree across executors and runs.
"""

from redacta.spark.frame import (
    SparkRedaction,
    SparkRestore,
    SparkUsageError,
    redact_dataframe,
    restore_dataframe,
)

__all__ = [
    "SparkRedaction",
    "SparkRestore",
    "SparkUsageError",
    "redact_dataframe",
    "restore_dataframe",
]
