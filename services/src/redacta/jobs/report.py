"""The findings report of a job, as CSV and JSON (values only when the user opted in)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from redacta.redaction.files import write_atomic

COLUMNS = ("file", "entity_type", "location", "start", "end", "score", "operator")

_NUMBER = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that compares digit runs as numbers ("page 2" before "page 10")."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _NUMBER.split(text)
        if part
    )


def report_order(finding: dict[str, Any]) -> tuple[object, ...]:
    """Reading order for a report: by file, then position in it, numbers compared as numbers."""
    start = finding["start"]  # None for a box drawn on a page: before the page's text
    return (
        _natural(str(finding["file"])),
        _natural(str(finding["location"])),
        -1 if start is None else start,
    )


REVIEW_COLUMNS = ("file", "id", "entity_type", "location", "start", "end", "score", "decision")


def report_csv(
    findings: list[dict[str, Any]], *, include_values: bool, review: bool = False
) -> bytes:
    """One row per finding; a review job's rows say what the user decided about each."""
    columns = REVIEW_COLUMNS if review else COLUMNS
    columns = (*columns, "value") if include_values else columns
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(findings)
    return out.getvalue().encode("utf-8")


def report_json(
    summary: dict[str, Any], files: list[dict[str, Any]], findings: list[dict[str, Any]]
) -> bytes:
    document = {"job": summary, "files": files, "findings": findings}
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def write_reports(
    folder: Path,
    name: str,
    formats: list[str],
    summary: dict[str, Any],
    files: list[dict[str, Any]],
    findings: list[dict[str, Any]],
    *,
    include_values: bool,
    review: bool = False,
) -> dict[str, str]:
    """Write `name.csv` / `name.json` into `folder` atomically; returns format -> path."""
    written: dict[str, str] = {}
    mode = 0o600 if include_values else 0o644  # detected values: owner only
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            write_atomic(
                path,
                report_csv(findings, include_values=include_values, review=review),
                mode=mode,
            )
        elif fmt == "json":
            write_atomic(path, report_json(summary, files, findings), mode=mode)
        else:
            continue
        written[fmt] = str(path)
    return written
