"""What runs in each Spark Python worker: one engine per process, Arrow batches in and out.

Spark reuses its Python workers across tasks (`spark.python.worker.reuse`, on by default), so
the engine built by the first batch a process sees serves every later batch and task of it.
Nothing here imports pyspark: the function Spark calls gets and yields `pyarrow.RecordBatch`es.

Each cell of a chosen column is one text for the one pipeline (`Redactor.analyze` then
`Redactor.apply`, i.e. `apply_findings`). A cell that cannot be redacted (null, not a string,
longer than `max_chars`) never fails the batch: it is recorded in the row's `bad` list and,
unless the caller keeps such cells, withheld (written as null) so no unread text goes out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from redacta.redaction.keyed import KeyedLabels
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import BATCH_SIZE, Redactor, Span
from redacta.redaction.pseudonymize import OPERATOR_NAME

if TYPE_CHECKING:
    from redacta.engine import Engine

FINDINGS_TYPE = pa.list_(
    pa.struct(
        [
            pa.field("column", pa.string(), nullable=False),
            pa.field("entity_type", pa.string(), nullable=False),
            pa.field("start", pa.int32(), nullable=False),
            pa.field("end", pa.int32(), nullable=False),
            pa.field("score", pa.float64(), nullable=False),
            pa.field("operator", pa.string(), nullable=False),
            pa.field("value", pa.string()),
        ]
    )
)
BAD_TYPE = pa.list_(
    pa.struct(
        [
            pa.field("column", pa.string(), nullable=False),
            pa.field("reason", pa.string(), nullable=False),
        ]
    )
)
MAPPING_TYPE = pa.list_(
    pa.struct(
        [
            pa.field("label", pa.string(), nullable=False),
            pa.field("entity_type", pa.string(), nullable=False),
            pa.field("sealed_value", pa.binary(), nullable=False),
        ]
    )
)

NULL, NON_STRING, OVERSIZED = "null", "non_string", "oversized"
FINDINGS_COLUMN = "__redacta_findings"
BAD_COLUMN = "__redacta_bad"
MAPPING_COLUMN = "__redacta_mapping"


@dataclass(frozen=True)
class BatchJob:
    """Everything a worker needs, pickled into the task (small; no text, no engine)."""

    columns: tuple[str, ...]
    options_json: str
    engine_settings: dict[str, Any]
    key: bytes | None
    max_chars: int
    keep_bad: bool
    include_values: bool
    record_mapping: bool


_engine: Engine | None = None
_engine_config: dict[str, Any] | None = None
_redactors: dict[tuple[str, bytes | None], Redactor] = {}
engine_builds = 0
"""Engines this process has built (1 when reuse works; read by the tests)."""


def worker_engine(engine_settings: dict[str, Any]) -> Engine:
    """This process's engine, built on first use with the driver's engine settings."""
    global _engine, _engine_config, engine_builds
    if _engine is None or _engine_config != engine_settings:
        from redacta.engine import Engine
        from redacta.settings import Settings

        # No analysis pool: Spark already runs one Python worker per core.
        _engine = Engine.create(Settings(**engine_settings))
        _engine_config = dict(engine_settings)
        engine_builds += 1
        _redactors.clear()
    return _engine


def _redactor(job: BatchJob) -> Redactor:
    engine = worker_engine(job.engine_settings)
    cache_key = (job.options_json, job.key)
    redactor = _redactors.get(cache_key)
    if redactor is None:
        options = RedactionOptions.model_validate_json(job.options_json)
        if job.key is not None:
            labels = KeyedLabels(job.key)
            redactor = Redactor(engine, options, salt=labels.hash_salt, labels=labels)
        else:
            redactor = Redactor(engine, options)
        _redactors[cache_key] = redactor
    return redactor


def _is_text(arrow_type: pa.DataType) -> bool:
    return bool(pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type))


def redact_batch(job: BatchJob, batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with the chosen columns redacted, plus per-row findings, bad cells, mapping."""
    redactor = _redactor(job)
    rows = batch.num_rows
    findings: list[list[dict[str, Any]]] = [[] for _ in range(rows)]
    bad: list[list[dict[str, str]]] = [[] for _ in range(rows)]
    mapping: list[list[dict[str, Any]]] = [[] for _ in range(rows)]
    labels = redactor.labels if isinstance(redactor.labels, KeyedLabels) else None
    arrays = list(batch.columns)
    for column in job.columns:
        index = batch.schema.get_field_index(column)
        source = batch.column(index)
        text_column = _is_text(source.type)
        values: list[Any] = source.to_pylist()
        todo: list[int] = []
        for row, value in enumerate(values):
            reason = None
            if value is None:
                reason = NULL
            elif not text_column:
                reason = NON_STRING
            elif len(value) > job.max_chars:
                reason = OVERSIZED
            elif value.strip():
                todo.append(row)
            if reason is not None:
                bad[row].append({"column": column, "reason": reason})
                if not job.keep_bad:
                    values[row] = None
        for pos in range(0, len(todo), BATCH_SIZE):
            chunk = todo[pos : pos + BATCH_SIZE]
            found = redactor.analyze([values[row] for row in chunk])
            for row, results in zip(chunk, found, strict=True):
                if not results:
                    continue
                text = values[row]
                redacted = redactor.apply(text, (Span.of(r) for r in results))
                values[row] = redacted.text
                for rep in redacted.replacements:
                    original = text[rep.start : rep.end]
                    findings[row].append(
                        {
                            "column": column,
                            "entity_type": rep.entity_type,
                            "start": rep.start,
                            "end": rep.end,
                            "score": rep.score,
                            "operator": rep.operator,
                            "value": original if job.include_values else None,
                        }
                    )
                    if job.record_mapping and labels is not None and rep.operator == OPERATOR_NAME:
                        mapping[row].append(
                            {
                                "label": rep.new_text,
                                "entity_type": rep.entity_type,
                                "sealed_value": labels.seal(rep.new_text, original),
                            }
                        )
        arrays[index] = pa.array(values, type=source.type)
    names = list(batch.schema.names)
    arrays += [pa.array(findings, type=FINDINGS_TYPE), pa.array(bad, type=BAD_TYPE)]
    names += [FINDINGS_COLUMN, BAD_COLUMN]
    if job.record_mapping:
        arrays.append(pa.array(mapping, type=MAPPING_TYPE))
        names.append(MAPPING_COLUMN)
    return pa.RecordBatch.from_arrays(arrays, names=names)


def redact_batches(job: BatchJob) -> Any:
    """The function `DataFrame.mapInArrow` calls in each worker (a closure over `job`)."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield redact_batch(job, batch)

    return run


@dataclass(frozen=True)
class RestoreJob:
    """A restore task: the columns, the key, and the sealed mapping (label → sealed value)."""

    columns: tuple[str, ...]
    key: bytes
    sealed: Any  # a Spark broadcast of {label: sealed value}: shipped once per executor


class _SealedLookup:
    """Opens a sealed mapping entry only when its label turns up (a `LabelLookup`)."""

    def __init__(self, labels: KeyedLabels, sealed: dict[str, bytes]) -> None:
        self._labels = labels
        self._sealed = sealed

    def value_of(self, label: str) -> str | None:
        sealed = self._sealed.get(label)
        return None if sealed is None else self._labels.unseal(label, sealed)


def restore_batches(job: RestoreJob) -> Any:
    """The `mapInArrow` function of a restore: labels in the chosen columns → values."""
    from redacta.redaction.restore import restore

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        lookup = _SealedLookup(KeyedLabels(job.key), job.sealed.value)
        for batch in batches:
            arrays = list(batch.columns)
            unknown: list[int] = [0] * batch.num_rows
            for column in job.columns:
                index = batch.schema.get_field_index(column)
                values: list[Any] = arrays[index].to_pylist()
                for row, value in enumerate(values):
                    if isinstance(value, str):
                        restored = restore(value, lookup)
                        values[row] = restored.text
                        unknown[row] += len(restored.unknown_labels)
                arrays[index] = pa.array(values, type=arrays[index].type)
            arrays.append(pa.array(unknown, type=pa.int32()))
            yield pa.RecordBatch.from_arrays(arrays, names=[*batch.schema.names, UNKNOWN_COLUMN])

    return run


UNKNOWN_COLUMN = "__redacta_unknown_labels"
