"""Chat-like and machine-like text: lower-case weekdays as DATE_TIME, and identifiers in
camelCase or snake_case never typed as people, places or firms by the model alone. Each
shape has its look-alikes that must stay unflagged."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from pathlib import Path

    from redacta.engine import Engine


# -- lower-case weekdays -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [("ya leaving sunday, back late", "sunday"), ("so we meet on friday at the pub", "friday")],
)
def test_lower_case_weekdays_are_dates(redacta_engine: Engine, text: str, day: str) -> None:
    assert ("DATE_TIME", day) in findings(redacta_engine, text)


def test_weekdays_inside_file_names_and_handles_are_no_dates(redacta_engine: Engine) -> None:
    text = "see friday_report.csv and /reports/monday/summary, or ask @sunday"
    assert not any(kind == "DATE_TIME" for kind, _ in findings(redacta_engine, text))


# -- identifiers are no names ------------------------------------------------------------------


@pytest.mark.parametrize("key", ["userId", "customerId", "apellidoPaterno", "first_name"])
def test_a_lone_identifier_is_no_name_place_or_firm(redacta_engine: Engine, key: str) -> None:
    assert not findings(redacta_engine, key)
    assert not findings(redacta_engine, f"{key} 5521")


def test_a_json_file_keeps_its_identifier_keys(tmp_path: Path, redacta_engine: Engine) -> None:
    from redacta.documents import redact_document
    from redacta.redaction.pipeline import Redactor

    src = tmp_path / "users.json"
    records = [
        {"userId": 5521, "customerId": 7, "fullName": "Joaquín Altamirano"},
        {"userId": 5522, "customerId": 8, "fullName": "Thandiwe Mabaso"},
    ]
    src.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    dst = tmp_path / "out.json"
    redact_document(src, dst, Redactor(redacta_engine, salt=b"s" * 32))
    out = json.loads(dst.read_text(encoding="utf-8"))
    assert [sorted(r) for r in out] == [sorted(r) for r in records]
    assert [r["fullName"] for r in out] == ["<PERSON>", "<PERSON>"]
