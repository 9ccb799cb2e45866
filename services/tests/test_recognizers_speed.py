"""The shortcuts that make the recognizers fast on short texts find exactly what the plain
way finds: a large pattern tried only where words begin, and the findings' copy before the
context boost."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
import regex

from redacta.engine.recognizers.address_intl import ADDRESS, _may_start_address
from redacta.engine.recognizers.base import finditer_at
from redacta.engine.recognizers.enhancer import _Findings
from test_recognizers_helpers import make_engine

TUNE = Path(__file__).resolve().parents[1] / "eval" / "data" / "tune.jsonl"

ADDRESS_TEXTS = [
    "Schönhauser Allee 112\n10435 Berlin\nGermany",
    "Send it to 27 Rue des Lilas, 75019 Paris, France.",
    "(Rua Augusta, 1234, 01305-100 São Paulo - SP)",
    "Address:Hauptstraße 5, 10115 Berlin",  # after ":" no address may begin
    "Apt. 5\nVia Roma 12\n00184 Roma, Italia",
    "ref-Via Roma 12 and v2.Via Roma 12 and 3Via Roma 12",
    "Calle 45 # 12-34, Bogotá, Colombia; ул. Ленина, д. 5, г. Москва",  # noqa: RUF001
    "apt 4, rue des Lilas 27, 75019 Paris; h.no 12, Katihar-124971; ul. Długa 5, Gdańsk",
    "the letter went to calle Mayor 3, then to avenida Paulista 1000, São Paulo",
    "",
    "   \n\t",
]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_address_scan_from_word_starts_matches_finditer() -> None:
    """Also with the lower-case gate the recognizer uses."""
    texts = [json.loads(line)["text"] for line in TUNE.read_text("utf-8").splitlines()[:250]]
    found = 0
    for text in [*ADDRESS_TEXTS, *texts]:
        expected = _spans(ADDRESS.finditer(text))
        assert _spans(finditer_at(ADDRESS, text)) == expected, text
        gated = finditer_at(ADDRESS, text, may_start=_may_start_address)
        assert _spans(gated) == expected, text
        found += len(expected)
    assert found > 50  # the texts do hold addresses


def test_finditer_at_sees_the_text_before_each_start() -> None:
    after_a = regex.compile(r"(?<=a )b+")
    assert _spans(finditer_at(after_a, "a bb c bb")) == [(2, 4)]
    line_start = regex.compile(r"^b+", regex.MULTILINE)
    assert _spans(finditer_at(line_start, "b x bb\nbb")) == [(0, 1), (7, 9)]


def test_finditer_at_matches_do_not_overlap() -> None:
    pair = regex.compile(r"\w+ \w+")
    text = "one two three four five"
    assert _spans(finditer_at(pair, text)) == _spans(pair.finditer(text))


def test_finditer_at_is_bounded_in_time() -> None:
    words = "word " * 5000  # 5000 tries of the address pattern: far more than a millisecond
    with pytest.raises(TimeoutError):
        list(finditer_at(ADDRESS, words, timeout=0.001))


def test_findings_copy_is_a_deep_copy() -> None:
    engine = make_engine()
    text = (
        "Call Maria Garcia on +44 20 7946 0958 or mail maria@example.com; she lives at "
        "27 Rue des Lilas, 75019 Paris. Card 4111 1111 1111 1111, born 12 March 1980."
    )
    options = dataclasses.replace(engine.resolve(), return_decision_process=True)
    found = engine.analyze(text, options)
    assert len(found) >= 5
    copied = copy.deepcopy(_Findings(found))
    reference = copy.deepcopy(found)
    assert type(copied) is list
    for mine, theirs, original in zip(copied, reference, found, strict=True):
        assert mine is not original
        assert mine.analysis_explanation is not original.analysis_explanation
        assert mine.recognition_metadata is not original.recognition_metadata
        own = {"analysis_explanation", "recognition_metadata"}
        assert {k: v for k, v in vars(mine).items() if k not in own} == {
            k: v for k, v in vars(theirs).items() if k not in own
        }
        assert vars(mine.analysis_explanation) == vars(theirs.analysis_explanation)
        assert mine.recognition_metadata == theirs.recognition_metadata
