"""The committed evaluation set is sound, and the harness scores overlaps the documented way."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"redacta_eval_{name}", EVAL / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _rows(part: str) -> list[dict[str, object]]:
    lines = (EVAL / "data" / f"{part}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("part", ["tune", "check"])
def test_spans_point_at_their_text(part: str) -> None:
    for row in _rows(part):
        text = str(row["text"])
        for span in row["spans"]:  # type: ignore[attr-defined]
            assert text[span["start"] : span["end"]] == span["text"], row["id"]


def test_set_size_and_mix() -> None:
    rows = _rows("tune") + _rows("check")
    templated = [r for r in rows if r["source"] == "template"]
    handwritten = [r for r in rows if r["source"] == "handwritten"]
    assert len(templated) >= 1500
    assert len(handwritten) >= 100
    assert {r["locale"] for r in templated} >= {"en_US", "en_GB", "en_IE", "en_CA", "en_AU"}
    assert sum(not r["spans"] for r in rows) >= 150, "negatives (no PII) measure precision"
    # Templates are split whole: no sentence shape is in both parts.
    tune_templates = {r["template"] for r in _rows("tune") if r["source"] == "template"}
    check_templates = {r["template"] for r in _rows("check") if r["source"] == "template"}
    assert tune_templates.isdisjoint(check_templates)


def test_markup_parser_derives_exact_offsets() -> None:
    markup = _load("markup")
    text, spans = markup.parse("Hi [[PERSON:Ann Lee]], call [[PHONE_NUMBER:087 123 4567]].")
    assert text == "Hi Ann Lee, call 087 123 4567."
    assert [(s["start"], s["end"], s["type"]) for s in spans] == [
        (3, 10, "PERSON"),
        (17, 29, "PHONE_NUMBER"),
    ]
    with pytest.raises(ValueError, match="unbalanced"):
        markup.parse("Hi [[PERSON:Ann Lee]")


def test_scoring_counts_overlaps_of_the_same_type() -> None:
    run_eval = _load("run_eval")
    samples = [
        {
            "text": "Ann Lee lives at 1 Main St, Leeds",
            "spans": [
                {"start": 0, "end": 7, "type": "PERSON", "text": "Ann Lee"},
                {"start": 17, "end": 33, "type": "LOCATION", "text": "1 Main St, Leeds"},
            ],
        },
    ]
    preds = [[(4, 7, "PERSON"), (28, 33, "GPE"), (17, 26, "PERSON"), (0, 3, "NRP")]]
    preds = [[(s, e, run_eval.norm(t)) for s, e, t in p] for p in preds]
    score = run_eval.score(samples, preds)
    person, location = score.per_type["PERSON"], score.per_type["LOCATION"]
    assert (person.gold, person.found, person.pred, person.correct) == (1, 1, 2, 1)
    assert (location.gold, location.found, location.pred, location.correct) == (1, 1, 1, 1)
    assert score.other == {"NRP": 1}
    overall = score.overall()
    assert overall.precision() == pytest.approx(2 / 3)
    assert overall.recall() == pytest.approx(1.0)
    assert overall.f2() == pytest.approx(5 * (2 / 3) / (4 * (2 / 3) + 1))
